/* Briefing's page features, added by the plugin to any theme: citation previews, the
   citations' addresses on paper, keyboard access to inferred dates, and the problems
   banner while `mkdocs serve` finds problems. Progressive enhancement only: every page
   reads fine without it. */
(function () {
  "use strict";

  // This script's own address: the site's files are found from it, under any theme and
  // at any depth of page (it is assets/briefing/features.js in the site).
  var script = document.currentScript ||
    document.querySelector('script[src*="assets/briefing/features.js"]');
  var scriptUrl = script && script.src;

  function start() {
    showProblemsBanner();
    initInferredDates();
    initCitationPreviews();
    initLinkPreviews();
    initCitedBack();
    initPrintCitations();
  }

  // The main content of this page (or of a fetched one): Material's .md-content, MkDocs'
  // [role=main], else <main>, so the features work under any theme.
  function pageBody(doc) {
    doc = doc || document;
    return doc.querySelector(".md-content") || doc.querySelector("[role=main]") ||
      doc.querySelector("main") || doc.body;
  }

  // The banner is drawn from problems.json, which every build writes beside this script
  // ({"problems": null} unless `mkdocs serve` found problems), so no page's HTML changes
  // when problems come and go; live reload reloads the page, which reads the file again.
  // It goes where the theme marks a place for it ([data-briefing-problems], as Briefing's
  // theme does, after its header), else at the top of the content. Opened from file://
  // (where fetch is refused) or offline without the file, there is simply no banner.
  function showProblemsBanner() {
    if (!scriptUrl || !window.fetch || !/^https?:$/.test(location.protocol)) return;
    var url = new URL("problems.json", scriptUrl);
    fetch(url.href, { cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data && data.problems) drawProblemsBanner(data.problems);
    }).catch(function () { /* no banner */ });
  }

  // Text only through textContent: nothing in the file is read as HTML.
  function drawProblemsBanner(problems) {
    if (document.querySelector(".problems-banner")) return;
    var banner = document.createElement("aside");
    banner.className = "problems-banner" + (problems.errors ? " has-errors" : "");
    banner.setAttribute("aria-label", "Content problems");
    var p = banner.appendChild(document.createElement("p"));
    var strong = p.appendChild(document.createElement("strong"));
    strong.textContent = "The content has " + String(problems.text) + ".";
    var kept = problems.errors && problems.kept_last_good ?
      " The pages show the last build without errors." : "";
    p.appendChild(document.createTextNode(kept + " "));
    var link = p.appendChild(document.createElement("a"));
    // The Problems page's address is given from the site's root, two folders up.
    link.href = new URL(String(problems.href), new URL("../../", scriptUrl)).href;
    link.textContent = "See the problems";
    var slot = document.querySelector("[data-briefing-problems]");
    if (slot) {
      slot.appendChild(banner);
    } else {
      var body = pageBody();
      body.insertBefore(banner, body.firstChild);
    }
  }

  function initInferredDates() {
    // Inferred dates carry their basis in `title`; make it reachable from the keyboard.
    document.querySelectorAll(".inferred[title]").forEach(function (el) {
      el.tabIndex = 0;
    });
  }

  // Citation previews. A brief ends with its "Quotes cited" list: each source once (its
  // title, date and label), its quotes under it, each quote a link to the passage and
  // who said it. Each citation number links to the same passage, so the quote item whose
  // first link has the same address is its preview. The data is on the page: nothing is
  // fetched, so this works offline and from file://. Without JavaScript a citation stays
  // a plain link.
  function initCitationPreviews() {
    var cites = document.querySelectorAll("a.cite[href]");
    var heading = document.getElementById("quotes-cited");
    var list = heading && heading.nextElementSibling;
    if (!cites.length || !list || list.localName !== "ul") return;

    var byHref = {};
    list.querySelectorAll(":scope > li > ul > li").forEach(function (li) {
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
      tapToPreview(cite, function () { return !!shown && shown.cite === cite; }, function () {
        dismissed = null;
        show(cite, entry.tip);
      });
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
      var speaker = entry.item.querySelector(".cite-speaker");
      if (speaker) {
        source.textContent = speaker.textContent.replace(/^\s*\(|\)\s*$/g, "") + ", in ";
      }
      // The source's line: its item without the quotes under it.
      var rest = entry.item.parentNode.parentNode.cloneNode(true);
      rest.removeChild(rest.querySelector("ul"));
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
      tip.appendChild(source);

      // Hoverable: the pointer may move onto the preview to read or select it.
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { if (shown) hideSoon(shown.cite); });
      // In <body>: placed in page coordinates, it needs no positioned ancestor.
      document.body.appendChild(tip);
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
  }

  // Touch has no hover: a first tap on a link shows its preview, a second follows it.
  // Mouse and keyboard are unchanged (a keyboard click has detail 0).
  function tapToPreview(link, isOpen, open) {
    var wasOpen = null;  // while a finger is on the link: was its preview up?
    link.addEventListener("pointerdown", function (e) {
      wasOpen = e.pointerType === "mouse" ? null : isOpen();
    });
    link.addEventListener("click", function (e) {
      var tap = wasOpen;
      wasOpen = null;
      if (tap === false && e.detail) { e.preventDefault(); open(); }
    });
  }

  // Link previews: a link to a brief, claim or entity shows that page's <h1> and the two
  // paragraphs after it (summary, verdict, description…), fetched once when first wanted,
  // so no page carries the others' summaries. From file:// links stay links.
  function initLinkPreviews() {
    if (!scriptUrl || !/^https?:$/.test(location.protocol)) return;
    var root = new URL("../../", scriptUrl).href;
    var item = /^(briefs|claims|entities)\/(?!index\.html$)[^/]+(\/(index\.html)?|\.html)$/;
    var pages = {}, tip = null, shown = null, wanted = null, timer = 0;

    pageBody().querySelectorAll("a[href]:not(.cite)").forEach(function (a) {
      var url = String(a.href).split("#")[0];  // (an SVG link's href is an object)
      if (!url.indexOf(root) && item.test(url.slice(root.length)) &&
          url !== location.href.split("#")[0]) {
        a.addEventListener("mouseenter", function () {
          clearTimeout(timer);
          timer = setTimeout(function () { want(a, url); }, 150);
        });
        a.addEventListener("focus", function () { want(a, url); });
        a.addEventListener("mouseleave", function () { clearTimeout(timer); hideSoon(a); });
        a.addEventListener("blur", function () { hide(a); });
        tapToPreview(a, function () { return shown === a; }, function () { want(a, url); });
      }
    });
    document.addEventListener("pointerdown", function (e) {  // a tap elsewhere closes it
      if (shown && !shown.contains(e.target) && !tip.contains(e.target)) hide(shown);
    }, true);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && shown) hide(shown); });

    function want(a, url) {
      wanted = a;
      pages[url] = pages[url] || fetch(url).then(function (r) { return r.ok ? r.text() : ""; })
        .then(summary, function () { return null; });
      pages[url].then(function (parts) { if (parts && wanted === a) show(a, parts); });
    }

    function summary(html) {
      var h1 = pageBody(new DOMParser().parseFromString(html, "text/html")).querySelector("h1");
      var parts = h1 ? [h1] : [];
      for (var el = h1 && h1.nextElementSibling; el && parts.length < 3 && !/^H\d$/.test(el.tagName);
           el = el.nextElementSibling) if (el.localName === "p") parts.push(el);
      return parts.length && parts.map(function (el, i) {
        var p = document.createElement("p");
        p.append.apply(p, document.importNode(el, true).childNodes);
        p.querySelectorAll("a").forEach(function (link) { link.replaceWith(link.textContent); });
        if (!i) p.className = "link-preview-title";
        return p;
      });
    }

    function show(a, parts) {
      clearTimeout(timer);
      if (!tip) {
        tip = document.body.appendChild(document.createElement("div"));
        tip.id = "link-preview";
        tip.className = "cite-preview link-preview";
        tip.setAttribute("role", "tooltip");
        tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
        tip.addEventListener("mouseleave", function () { if (shown) hideSoon(shown); });
      }
      if (shown) shown.removeAttribute("aria-describedby");
      tip.replaceChildren.apply(tip, parts.map(function (p) { return p.cloneNode(true); }));
      tip.hidden = false;
      shown = a;
      a.setAttribute("aria-describedby", tip.id);
      place(a, tip);
    }

    function hide(a) {
      if (wanted === a) wanted = null;
      if (shown !== a) return;
      tip.hidden = true;
      a.removeAttribute("aria-describedby");
      shown = null;
    }

    function hideSoon(a) {
      if (document.activeElement !== a) timer = setTimeout(function () { hide(a); }, 300);
    }
  }

  // Reached at a passage (#q-…), say right under it which brief points cite it: a copy
  // of its "Cited in" cell in the quoted passages, so the way back is in view.
  function initCitedBack() {
    function show() {
      var old = document.querySelector(".cited-back");
      if (old) old.remove();
      var id = decodeURIComponent(location.hash.slice(1));
      var passage = /^q-/.test(id) && document.getElementById(id);
      var row = passage && pageBody().querySelector('td > a[href="#' + id + '"]');
      var point = row && row.closest("tr").querySelector("a[href*='#point-']");
      if (!point) return;
      var back = document.createElement("span");
      back.className = "cited-back";
      back.append("Cited in: ");
      back.append.apply(back, point.parentNode.cloneNode(true).childNodes);
      back.querySelectorAll(".cell-label").forEach(function (el) { el.remove(); });
      var marks = document.querySelectorAll('mark[data-quotes~="' + id.slice(2) + '"]');
      (marks[marks.length - 1] || passage).after(back);
    }
    show();
    window.addEventListener("hashchange", show);
  }

  // A preview goes below its link, or above it when there is no room below; always inside
  // the viewport horizontally, however narrow the screen.
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

  // On paper a relative link means nothing: list each citation's full address at the end.
  function initPrintCitations() {
    var list = null;
    window.addEventListener("beforeprint", function () {
      var cites = document.querySelectorAll("a.cite");
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
      pageBody().appendChild(list);
    });
    window.addEventListener("afterprint", function () {
      if (list) list.remove();
      list = null;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
