/* Briefing's page features on every page, added by the plugin to any theme: link
   previews, keyboard access to inferred dates, and the problems banner while `mkdocs
   serve` finds problems. What only one type of page uses is in pages/<type>.js, loaded
   after this script on that type of page only, with the helpers this one shares
   (`window.briefingFeatures`). Progressive enhancement only: every page reads fine
   without it. */
(function () {
  "use strict";

  // This script's own address: the site's files are found from it, under any theme and
  // at any depth of page (it is assets/briefing/features.js in the site).
  var script = document.currentScript ||
    document.querySelector('script[src*="assets/briefing/features.js"]');
  var scriptUrl = script && script.src;
  var problemsRead = readProblems();
  // The pages' own words in the site's language, where Briefing has them: the build puts
  // them here on such a site (`pageassets.asset_texts`); elsewhere they are as written.
  var words = null;

  function start() {
    showProblemsBanner();
    initInferredDates();
    initLinkPreviews();
  }

  // For the page types' own scripts (pages/*.js), which run after this one.
  window.briefingFeatures = { pageBody: pageBody, place: place, tapToPreview: tapToPreview,
                              onEachPage: onEachPage, sameLanguage: sameLanguage,
                              englishIn: englishIn, problemsRead: problemsRead, t: t };

  // Run `setUp` once for each page shown. Material's instant navigation swaps a page's
  // content in place without running the scripts again, and says so on its `document$`
  // (which also gives the first page, once loaded); other themes load every page anew.
  // A page's content element marks it set up, so no page is set up twice.
  function onEachPage(setUp) {
    var done = new WeakSet();
    function once() {
      var body = pageBody();
      if (!done.has(body)) { done.add(body); setUp(); }
    }
    if (window.document$) document$.subscribe(once);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", once);
    else once();
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
    if (problemsRead) problemsRead.then(function (problems) {
      if (problems) drawProblemsBanner(problems);
    });
  }

  // problems.json, read once for the banner and the Problems page's script (null where
  // it cannot be read; the promise gives null when there is nothing to show).
  function readProblems() {
    if (!scriptUrl || !window.fetch || !/^https?:$/.test(location.protocol)) return null;
    var url = new URL("problems.json", scriptUrl);
    return fetch(url.href, { cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      return data && data.problems || null;
    }).catch(function () { return null; });  // no banner
  }

  // Text only through textContent: nothing in the file is read as HTML.
  function drawProblemsBanner(problems) {
    if (document.querySelector(".problems-banner")) return;
    var banner = document.createElement("aside");
    banner.className = "problems-banner" + (problems.errors ? " has-errors" : "");
    banner.setAttribute("aria-label", "Content problems");
    var p = englishIn(banner.appendChild(document.createElement("p")), true);
    var strong = p.appendChild(document.createElement("strong"));
    if (problems.settings) {  // no build can run, so no Problems page: the message is here
      strong.textContent = "mkdocs.yml stops every rebuild: fix it and save.";
      // The pages, the Problems page among them, are an earlier rebuild's: say so.
      p.appendChild(document.createTextNode(" Until then, every page shown, the Problems " +
        "page too, is from the last rebuild before this change."));
      englishIn(banner.appendChild(document.createElement("pre")), true).textContent =
        problems.settings;
    } else {
      strong.textContent = "The last rebuild found " + String(problems.text) + ".";
      var kept = problems.errors && problems.kept_last_good ?
        " The pages show the last build without errors." : "";
      p.appendChild(document.createTextNode(kept + " "));
      var link = p.appendChild(document.createElement("a"));
      // The Problems page's address is given from the site's root, two folders up.
      link.href = new URL(String(problems.href), new URL("../../", scriptUrl)).href;
      link.textContent = "See the problems";
    }
    var slot = document.querySelector("[data-briefing-problems]");
    if (slot) {
      slot.appendChild(banner);
    } else {
      var body = pageBody();
      body.insertBefore(banner, body.firstChild);
    }
  }

  function initInferredDates() {
    // Inferred dates carry their basis in `title`; make it reachable from the keyboard and
    // by touch, which has no hover to show a title. Focus by keyboard, or a tap, shows it
    // below the date (features.css: :focus-visible, .tip-open), kept on the screen with the
    // room from the date's start to the screen's edge (--room; WCAG 1.4.10); Escape hides
    // it until the next focus (1.4.13), as a tap elsewhere or a second tap on the date does.
    // The tip reads a copy (data-basis), set only where it is the one tip: Material with
    // `content.tooltips` (its script running, the feature in its #__config) shows `title`
    // in a tooltip of its own on focus as on hover, taking `title` away meanwhile and
    // describing the date by that tooltip; Escape hides that one. Elsewhere `title` stays,
    // for hover and for assistive technology.
    var themeTips = window.document$ &&
      /"content\.tooltips"/.test((document.getElementById("__config") || {}).textContent);
    document.querySelectorAll(".inferred[title]").forEach(function (el) {
      if (!themeTips) el.setAttribute("data-basis", el.title);
      el.tabIndex = 0;
      el.onfocus = function () {
        el.classList.remove("tip-hidden");
        placeTip(el);
      };
      el.onkeydown = function (e) {
        if (e.key !== "Escape") return;
        closeTip(el);
        var tip = document.getElementById(el.getAttribute("aria-describedby"));
        if (tip) tip.classList.remove("md-tooltip2--active");  // back on the next focus
      };
      // A mouse has the title's own tooltip on hover: only a finger or a pen opens this one,
      // which would otherwise be a second.
      var touched = false;
      el.onpointerdown = function (e) { touched = e.pointerType !== "mouse"; };
      el.onclick = function () {
        if (!touched || themeTips) return;
        touched = false;
        if (el.classList.contains("tip-open")) { closeTip(el); return; }
        openTips.forEach(closeTip);
        el.classList.remove("tip-hidden");
        el.classList.add("tip-open");
        openTips.push(el);
        placeTip(el);
      };
    });
    if (!tapListening) {
      // Once for the visit (Material keeps the document): a tap outside an open tip closes it.
      tapListening = true;
      document.addEventListener("pointerdown", function (e) {
        openTips.slice().forEach(function (el) { if (!el.contains(e.target)) closeTip(el); });
      });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape") openTips.slice().forEach(closeTip);
      });
    }
  }
  var openTips = [];  // inferred dates whose tip a tap opened
  var tapListening = false;

  // The room from where the date starts to the screen's edge it runs to: the right one,
  // or the left where the text runs right to left.
  function placeTip(el) {
    var r = el.getBoundingClientRect();
    el.style.setProperty("--room", (getComputedStyle(el).direction == "rtl" ? r.right
      : document.documentElement.clientWidth - r.left) - 8 + "px");
  }

  // Where to put the pages' own words (`t`) in `block`, or the curator's (`curators`:
  // English whatever the site's language, <html lang>): the block itself where they are
  // in the site's language; where they are English on a site in another language a span
  // in it marked English, which isolates them (an Arabic site's "is cited in:" keeps its
  // colon at its end) while the block keeps the page's direction and alignment.
  function englishIn(block, curators) {
    if (/^(en(-|$)|$)/i.test(document.documentElement.lang) || words && !curators) return block;
    var span = block.appendChild(document.createElement("span"));
    span.lang = "en";
    span.dir = "ltr";
    return span;
  }

  // A message of the pages' words, in the site's language where the build gave it, with
  // `values` (text, a node, or a list of nodes) put in at its `%(name)s`: a list to append.
  function t(message, values) {
    return (words && words[message] || message).split(/%\((\w+)\)s/).flatMap(function (part, i) {
      return i % 2 ? values[part] : part || [];
    });
  }

  // `to`, in the language and direction of `from` when it is a source's words (the pages
  // mark them with both: an Arabic title or quote stays right to left in a preview).
  function sameLanguage(from, to) {
    if (from.lang) { to.lang = from.lang; to.dir = from.dir; }
    return to;
  }

  function closeTip(el) {
    el.classList.add("tip-hidden");
    el.classList.remove("tip-open");
    var i = openTips.indexOf(el);
    if (i >= 0) openTips.splice(i, 1);
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
  // so no page carries the others' summaries. From file:// links stay links. One preview
  // serves every page of the visit (Material swaps pages in place): each page only wires
  // its own links.
  var linkPreviews = null;

  function initLinkPreviews() {
    if (!scriptUrl || !/^https?:$/.test(location.protocol)) return;
    linkPreviews = linkPreviews || makeLinkPreviews(new URL("../../", scriptUrl).href);
    linkPreviews.wire(pageBody());
  }

  function makeLinkPreviews(root) {
    var item = /^(briefs|claims|entities)\/(?!index\.html$)[^/]+(\/(index\.html)?|\.html)$/;
    var pages = {}, tip = null, shown = null, wanted = null, timer = 0;

    document.addEventListener("pointerdown", function (e) {  // a tap elsewhere closes it
      if (shown && !shown.contains(e.target) && !tip.contains(e.target)) hide(shown);
    }, true);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && shown) hide(shown); });

    function wire(body) {
      clearTimeout(timer);
      wanted = null;
      if (shown) hide(shown);
      var here = location.href.split("#")[0];
      body.querySelectorAll("a[href]:not(.cite)").forEach(function (a) {
        var url = String(a.href).split("#")[0];  // (an SVG link's href is an object)
        if (!url.indexOf(root) && item.test(url.slice(root.length)) && url !== here) {
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
    }

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
        var p = sameLanguage(el, document.createElement("p"));  // a source's title: its own
        p.append.apply(p, document.importNode(el, true).childNodes);
        // Links become text, but a heading's permalink (`toc: permalink: true`'s "¶", a
        // theme's "#") is no words of it.
        p.querySelectorAll("a").forEach(function (link) {
          link.replaceWith(/(header|perma)link/.test(link.className) ? "" : link.textContent);
        });
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

    return { wire: wire };
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

  onEachPage(start);
})();
