/* Briefing theme: progressive enhancement only. Every page reads fine without it.
   Loaded (not deferred) at the end of <body>, before MkDocs' search/main.js. */
(function () {
  "use strict";

  // search/main.js reads the global `base_url` as soon as it loads.
  var self = document.currentScript;
  window.base_url = self ? self.getAttribute("data-base-url") : ".";

  // Tables: wrap each so it can span the column and still scroll sideways on a phone.
  document.querySelectorAll("main table").forEach(function (table) {
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  });

  // Phones show the sections as a sideways-scrolling row: bring the current one into view
  // (horizontally only: scrollIntoView could also move the page away from a #fragment).
  var current = document.querySelector(".site-nav a[aria-current]");
  if (current) {
    var row = current.closest("ul");
    var centre = function () {
      row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
    };
    centre();
    // Again when the row starts scrolling: a window made narrower, a phone turned.
    if (window.matchMedia) {
      var narrow = window.matchMedia("(max-width: 40rem)");
      if (narrow.addEventListener) narrow.addEventListener("change", centre);
    }
  }

  // Inferred dates carry their basis in `title`; make it reachable from the keyboard.
  document.querySelectorAll(".inferred[title]").forEach(function (el) {
    el.tabIndex = 0;
  });

  initSearch();
  initCitationPreviews();
  initPrintCitations();

  function initSearch() {
    var form = document.querySelector("form.search");
    var input = document.getElementById("mkdocs-search-query");
    var results = document.getElementById("mkdocs-search-results");
    if (!form || !input || !results) return;
    var panel = form.querySelector(".search-panel");
    var status = form.querySelector(".search-status");
    var ready = false;
    var timer = 0;
    form.hidden = false;

    function open(show) { panel.hidden = !show; }
    function longEnough() { return input.value.trim().length >= 3; }
    function run() {
      open(longEnough());
      // main.js only listens to keyup and only once its index is loaded; this also covers
      // paste, autofill and typing before the index arrived.
      if (ready && typeof window.doSearch === "function") window.doSearch();
    }

    // Learn when the search worker has its index. main.js creates `searchWorker` after this
    // script, so look for it once every script has run.
    document.addEventListener("DOMContentLoaded", function () {
      if (!window.searchWorker) return;
      window.searchWorker.addEventListener("message", function (e) {
        if (e.data && e.data.allowSearch) {
          ready = true;
          form.setAttribute("data-ready", "");  // the index is in: a hook for styles and tests
          if (input.value) run();
        }
      });
    });

    // Announce the number of results; main.js rewrites the list on every search.
    new MutationObserver(function () {
      var n = results.querySelectorAll("article").length;
      status.textContent = longEnough() ? (n ? n + (n === 1 ? " result" : " results") : "") : "";
    }).observe(results, { childList: true });

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("focus", function () { if (longEnough() && results.firstChild) open(true); });
    form.addEventListener("submit", function (e) {
      // Enter opens the first result instead of reloading the page.
      e.preventDefault();
      var first = results.querySelector("a");
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (e.key === "Escape") { open(false); input.focus(); }
      else if (e.key === "ArrowDown" && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    });
    // Close when focus or a click leaves the search box.
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) open(false); });
    form.addEventListener("focusout", function (e) { if (e.relatedTarget && !form.contains(e.relatedTarget)) open(false); });
  }

  // Citation previews. A brief ends with its "Quotes cited" list, one item per quote: the
  // quote as a link to the passage, then who said it, the source and its date. Each
  // citation number links to the same passage, so the item whose first link has the same
  // address is its preview. The data is on the page: nothing is fetched, so this works
  // offline and from file://. Without JavaScript a citation stays a plain link.
  function initCitationPreviews() {
    var cites = document.querySelectorAll("main a.cite[href]");
    var heading = document.getElementById("quotes-cited");
    var list = heading && heading.nextElementSibling;
    if (!cites.length || !list || list.localName !== "ol") return;

    var byHref = {};
    Array.prototype.forEach.call(list.children, function (li) {
      var link = li.querySelector("a[href]");
      if (link && !byHref[link.href]) byHref[link.href] = { item: li, link: link, tip: null };
    });

    var shown = null;      // {cite, tip} on screen now
    var dismissed = null;  // the cite whose preview Escape closed, until it is left
    var hideTimer = 0;
    var count = 0;

    cites.forEach(function (cite) {
      var entry = byHref[cite.href];
      if (!entry) return;
      if (!entry.tip) entry.tip = buildTip(entry, ++count);
      cite.setAttribute("aria-describedby", entry.tip.id);
      cite.addEventListener("mouseenter", function () { show(cite, entry.tip); });
      cite.addEventListener("focus", function () { show(cite, entry.tip); });
      cite.addEventListener("mouseleave", function () { hideSoon(cite); });
      cite.addEventListener("blur", function () { hide(cite); });
    });

    // Escape closes the preview without moving focus (WCAG 1.4.13: dismissible).
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && shown) { dismissed = shown.cite; hide(shown.cite); }
    });
    // Keep the preview in place if the page reflows under it.
    window.addEventListener("resize", function () { if (shown) place(shown.cite, shown.tip); });

    // The preview: the quote, then its attribution as the list gives it (speaker, source
    // title, date), with links turned into text: the preview never takes focus.
    function buildTip(entry, n) {
      var tip = document.createElement("div");
      tip.id = "cite-preview-" + n;
      tip.className = "cite-preview";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;

      var quote = document.createElement("p");
      quote.className = "cite-preview-quote";
      quote.textContent = entry.link.textContent;
      tip.appendChild(quote);

      var source = document.createElement("p");
      source.className = "cite-preview-source";
      var rest = entry.item.cloneNode(true);
      rest.removeChild(rest.querySelector("a[href]"));
      Array.prototype.forEach.call(rest.querySelectorAll("a"), function (a) {
        var title = document.createElement("cite");
        title.textContent = a.textContent;
        a.replaceWith(title);
      });
      Array.prototype.forEach.call(rest.querySelectorAll(".inferred"), function (el) {
        el.removeAttribute("tabindex");
        el.textContent = "(" + el.textContent.trim() + ")";
      });
      while (rest.firstChild) source.appendChild(rest.firstChild);
      // Drop the ": " that joins the quote to its attribution in the list.
      var first = source.firstChild;
      if (first && first.nodeType === 3) first.textContent = first.textContent.replace(/^\s*:\s*/, "");
      tip.appendChild(source);

      // Hoverable: the pointer may move onto the preview to read or select it.
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { if (shown) hideSoon(shown.cite); });
      document.querySelector("main").appendChild(tip);
      return tip;
    }

    function show(cite, tip) {
      clearTimeout(hideTimer);
      if (dismissed === cite) return;
      if (shown && shown.tip !== tip) shown.tip.hidden = true;
      shown = { cite: cite, tip: tip };
      tip.hidden = false;
      place(cite, tip);
    }

    function hide(cite) {
      clearTimeout(hideTimer);
      if (dismissed === cite && document.activeElement !== cite) dismissed = null;
      if (!shown || shown.cite !== cite) return;
      shown.tip.hidden = true;
      shown = null;
    }

    function hideSoon(cite) {
      clearTimeout(hideTimer);
      if (dismissed === cite && document.activeElement !== cite) dismissed = null;
      // Still focused: the keyboard user has it open; leave it.
      if (document.activeElement === cite) return;
      hideTimer = setTimeout(function () { hide(cite); }, 300);
    }

    // Below the citation, or above it when there is no room below; always inside the
    // viewport horizontally, however narrow the screen.
    function place(cite, tip) {
      var margin = 8;
      var r = cite.getBoundingClientRect();
      var width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 2 * margin);
      var left = Math.max(margin, Math.min(r.left + r.width / 2 - width / 2,
        document.documentElement.clientWidth - width - margin));
      var height = tip.offsetHeight;
      var below = r.bottom + 6;
      var top = (below + height > window.innerHeight - margin && r.top - 6 - height >= margin)
        ? r.top - 6 - height : below;
      tip.style.left = (left + window.scrollX) + "px";
      tip.style.top = (top + window.scrollY) + "px";
    }
  }

  // On paper a relative link means nothing: list each citation's full address at the end.
  function initPrintCitations() {
    var list = null;
    window.addEventListener("beforeprint", function () {
      var cites = document.querySelectorAll("main a.cite");
      if (!cites.length) return;
      var seen = {};
      list = document.createElement("section");
      list.className = "print-refs";
      list.innerHTML = "<h2>Citations</h2><ol></ol>";
      var ol = list.querySelector("ol");
      cites.forEach(function (a) {
        if (seen[a.href]) return;
        seen[a.href] = true;
        var li = document.createElement("li");
        li.value = parseInt(a.textContent, 10) || ol.children.length + 1;
        li.textContent = (a.title ? a.title + " — " : "") + a.href;
        ol.appendChild(li);
      });
      document.querySelector("main").appendChild(list);
    });
    window.addEventListener("afterprint", function () {
      if (list) list.remove();
      list = null;
    });
  }
})();
