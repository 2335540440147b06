/* A brief's citations: their previews, and their addresses on paper. Loaded on briefs
   only, after features.js. Progressive enhancement only: a brief reads fine without it. */
(function () {
  "use strict";

  var shared = window.briefingFeatures;  // from features.js, loaded before
  if (!shared) return;
  var pageBody = shared.pageBody, place = shared.place, tapToPreview = shared.tapToPreview;

  // Citation previews. A brief ends with its "Quotes cited" list: each source once (its
  // title, date and label), its quotes under it, each quote a link to the passage and
  // who said it. Each citation number links to the same passage, so the quote item whose
  // first link has the same address is its preview. The data is on the page: nothing is
  // fetched, so this works offline and from file://. Without JavaScript a citation stays
  // a plain link. The previews live in <body>, which Material's instant navigation keeps
  // from page to page: a page's set-up removes the last page's.
  var tips = [];         // this page's previews
  var shown = null;      // {cite, tip} on screen now
  var dismissed = null;  // the cite whose preview Escape closed, until it is left
  var hideTimer = 0;

  function initCitationPreviews() {
    tips.forEach(function (tip) { tip.remove(); });
    tips = [];
    shown = dismissed = null;
    clearTimeout(hideTimer);
    var cites = document.querySelectorAll("a.cite[href]");
    var heading = document.getElementById("quotes-cited");
    var list = heading && heading.nextElementSibling;
    if (!cites.length || !list || list.localName !== "ul") return;

    var byHref = {};
    list.querySelectorAll(":scope > li > ul > li").forEach(function (li) {
      var link = li.querySelector("a[href]");
      if (link && !byHref[link.href]) byHref[link.href] = { item: li, link: link, tip: null };
    });

    cites.forEach(function (cite) {
      var entry = byHref[cite.href];
      if (!entry) return;
      if (!entry.tip) tips.push(entry.tip = buildTip(entry, tips.length + 1));
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
  }

  // Once for the visit, whatever pages it shows.
  function listenForPreviews() {
    // Escape closes the preview without moving focus (WCAG 1.4.13: dismissible).
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && shown) { dismissed = shown.cite; hide(shown.cite); }
    });
    // Keep the preview in place if the page reflows under it.
    window.addEventListener("resize", function () { if (shown) place(shown.cite, shown.tip); });
  }

  // The preview: the quote, then its attribution as the list gives it (speaker, source
  // title, date), with links turned into text: the preview never takes focus.
  function buildTip(entry, n) {
    var tip = document.createElement("div");
    tip.id = "cite-preview-" + n;
    tip.className = "cite-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;

    // In the quote's language and direction, as the list marks it (an Arabic quote reads
    // right to left in an English page's preview).
    var quote = shared.sameLanguage(entry.link, document.createElement("p"));
    quote.className = "cite-preview-quote";
    quote.textContent = entry.link.textContent;
    tip.appendChild(quote);

    var source = document.createElement("p");
    source.className = "cite-preview-source";
    // The source's line: its item without the quotes under it.
    var rest = entry.item.parentNode.parentNode.cloneNode(true);
    rest.removeChild(rest.querySelector("ul"));
    Array.prototype.forEach.call(rest.querySelectorAll("a"), function (a) {
      var title = shared.sameLanguage(a, document.createElement("cite"));
      title.textContent = a.textContent;
      a.replaceWith(title);
    });
    Array.prototype.forEach.call(rest.querySelectorAll(".inferred"), function (el) {
      el.removeAttribute("tabindex");
      el.textContent = "(" + el.textContent.trim() + ")";
    });
    var line = Array.from(rest.childNodes);
    var speaker = entry.item.querySelector(".cite-speaker");
    var who = speaker && speaker.textContent.replace(/^\s*\(|\)\s*$/g, "");
    // Translators: who said a quote, and the line of the source it is from (its title,
    // outlet, date): "Jane Doe, in Farm ministry pledges quick help, Wire (5 Mar 2025)".
    source.append.apply(source, speaker ? shared.t("%(speaker)s, in %(source)s",
                                                   { speaker: who, source: line }) : line);
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

  // On paper a relative link means nothing: list each citation's full address at the end.
  function initPrintCitations() {
    var list = null;
    window.addEventListener("beforeprint", function () {
      var cites = document.querySelectorAll("a.cite");
      if (!cites.length) return;
      var seen = {};
      list = document.createElement("section");
      list.className = "print-refs";
      list.innerHTML = "<h2></h2><ol></ol>";
      var heading = shared.englishIn(list.firstChild);
      heading.append.apply(heading, shared.t("Citations"));
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

  listenForPreviews();
  initPrintCitations();  // reads the page shown when printing
  shared.onEachPage(initCitationPreviews);
})();
