/* A source's page: the way back from a passage to the brief points citing it. Loaded
   on sources only, after features.js. Progressive enhancement only. */
(function () {
  "use strict";

  var shared = window.briefingFeatures;  // from features.js, loaded before
  if (!shared) return;
  var pageBody = shared.pageBody, sameLanguage = shared.sameLanguage;
  var englishIn = shared.englishIn;

  // Reached at a passage (#q-…), say which brief points cite it: a copy of its "Cited in"
  // cell in the quoted passages, so the way back is in view. It goes where the sentence
  // holding the passage's last words ends, never inside the sentence: a box put right
  // after the passage split it, the rest of it starting a line of its own (", the company
  // claims…"). The end of the paragraph would be too far down in an article that runs its
  // sentences into one long paragraph. The box names the passage, as a paragraph may hold
  // several, and is a note: coming next in the page's order, it is what Tab reaches first
  // from the passage, and what a screen reader reads when that sentence ends. It stays a
  // <span> in the paragraph, which keeps the article's paragraphs as they are. The cell's
  // link is matched by where it leads, not by its href as written: Material's instant
  // navigation makes every link absolute.
  function showCitedBack() {
    var old = document.querySelector(".cited-back");
    if (old) {
      var parent = old.parentNode;
      old.remove();
      parent.normalize();  // the text split for it is one again
    }
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); }
    catch (e) { return; }  // a fragment that is not percent-encoded text names nothing
    var passage = /^q-/.test(id) && document.getElementById(id);
    var row = passage && passageLink(id);
    var point = row && row.closest("tr").querySelector("a[href*='#point-']");
    if (!point) return;
    // The page's own words, in its language and direction, though it stands in a
    // paragraph of the source's (an English note in an Arabic article reads left to
    // right); the quote in it in the source's, as the passages' table marks it. On a
    // site in another language whose words Briefing has not, they are English within it
    // (`englishIn`).
    var back = document.createElement("span");
    back.className = "cited-back";
    back.setAttribute("role", "note");
    if (document.documentElement.lang) back.lang = document.documentElement.lang;
    back.dir = getComputedStyle(document.body).direction;  // (Material sets it on <body>)
    var quote = sameLanguage(row, document.createElement("span"));
    quote.textContent = shortQuote(row.textContent);
    var words = englishIn(back);
    var points = Array.from(point.parentNode.cloneNode(true).childNodes);
    // Translators: a passage of a source's page (its first words, quoted), and links to
    // the points of briefs that cite it.
    words.append.apply(words, shared.t("%(quote)s is cited in: %(points)s",
                                       { quote: row.lang ? quote : quote.textContent, points: points }));
    words.querySelectorAll(".cell-label").forEach(function (el) { el.remove(); });
    var marks = document.querySelectorAll('mark[data-quotes~="' + id.slice(2) + '"]');
    placeAtSentenceEnd(back, marks[marks.length - 1] || passage);
    keepInView(passage, back);
  }

  // A full stop that ends no sentence: after an initial ("J. Smith", "U.S.") or a title.
  var NOT_AN_END = /(^|[\s(])(\p{Lu}|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Inc|Corp|Co|Ltd|No|vs|etc|e\.g|i\.e)\.$/u;

  // Put `box` after the sentence that `last` (a passage's last mark) ends in: at the first
  // sentence end after it in its paragraph's own text, outside every passage (a sentence end
  // within another passage would split that one), else at the paragraph's end.
  function placeAtSentenceEnd(box, last) {
    var block = last.closest("p, li, blockquote, h1, h2, h3, h4, h5, h6, dd, dt, td, th, pre") ||
      last.parentNode;
    var node = last;
    while (node.parentNode !== block) node = node.parentNode;
    if (/[.!?]["'\u2019\u201d)\]]*$/.test(node.textContent) && !/^\S/.test(textAfter(node))) {
      node.after(box);  // the passage ends its sentence
      return;
    }
    for (node = node.nextSibling; node; node = node.nextSibling) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      var text = node.data;
      var ends = /[.!?]+["'\u2019\u201d)\]]*(\s+|$)/g;
      var m;
      while ((m = ends.exec(text))) {
        var upTo = m.index + m[0].length;
        var before = text.slice(0, m.index + 1);
        var next = upTo < text.length ? text.charAt(upTo) : textAfter(node).trim().charAt(0);
        if (!m[1] && upTo === text.length && /^\S/.test(textAfter(node))) continue;
        if (NOT_AN_END.test(before) || /\p{Ll}/u.test(next)) continue;
        node.splitText(upTo).before(box);
        return;
      }
    }
    block.append(box);
  }

  // The text that follows `node` in its paragraph (up to the next few characters matter).
  function textAfter(node) {
    var out = "";
    for (var n = node.nextSibling; n && out.length < 4; n = n.nextSibling) out += n.textContent;
    return out;
  }

  // The passage as the quoted passages give it (“…”), cut at a word to a few words: it
  // says which passage of the paragraph the box is about, not the passage again.
  function shortQuote(text) {
    text = text.trim();
    var words = text.split(/\s+/);
    if (words.length <= 8) return text;
    return words.slice(0, 7).join(" ").replace(/[,;:.]$/, "") + "\u2026\u201d";
  }

  // A long paragraph can put the box below the screen: scroll it up into view as far as
  // the passage, which stays below the header, allows. Done once the browser has scrolled
  // to the passage (on load, after this runs), else that scroll would undo this one.
  function keepInView(passage, back) {
    function nudge() {
      if (!back.isConnected) return;
      var header = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
      var below = back.getBoundingClientRect().bottom + 8 - window.innerHeight;
      var room = passage.getBoundingClientRect().top - header - 8;
      var by = Math.min(below, room);
      if (by > 0) window.scrollBy(0, by);
    }
    if (document.readyState === "complete") requestAnimationFrame(nudge);
    else window.addEventListener("load", function () { requestAnimationFrame(nudge); }, { once: true });
  }

  // The quoted passages' link to the passage `id` on this page.
  function passageLink(id) {
    var here = location.href.split("#")[0];
    var links = pageBody().querySelectorAll("td > a[href*='#']");
    for (var i = 0; i < links.length; i++) {
      var parts = String(links[i].href).split("#");
      var target;
      try { target = decodeURIComponent(parts[1]); } catch (e) { continue; }
      if (parts[0] === here && target === id) return links[i];
    }
    return null;
  }

  window.addEventListener("hashchange", showCitedBack);
  // Material's instant navigation follows a link within the page by history.pushState,
  // which fires no hashchange; its `location$` says where it went.
  if (window.location$) location$.subscribe(function () { setTimeout(showCitedBack); });
  shared.onEachPage(showCitedBack);
})();
