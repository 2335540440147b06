/* The quote picker, on a source page while `mkdocs serve` runs (plugin option
   `quote_picker`): select words of the article and "Copy as quote" puts a YAML quote on
   the clipboard, ready to paste under `quotes:` of the source's annotation. It reads only
   the data the plugin wrote into the page (the cleaned text, the names in it, the quote
   ids taken): nothing is fetched and nothing is written anywhere but the clipboard.

   The quote is taken from the cleaned text, not from what the browser shows: a selection
   is mapped back by counting the characters that are not white space, which rendering
   keeps, and a paragraph whose characters differ from its text is left alone. */
(function () {
  "use strict";

  var SHORTCUT = "q";  // with a selection in the article, and no field focused
  var MAX_CONTEXT_WORDS = 12;
  var SENTENCES_BACK = 3;  // how far back a quotation's speaker is looked for
  var WORD = /[\p{L}\p{N}]/u;

  var picker = null;  // one for the visit: Material's instant navigation keeps <body>
  // Its words are English whatever the site's language (<html lang>): on a site in another
  // language they are marked so, and read left to right ("Copy as quote", not mirrored).
  var englishSite = /^(en(-|$)|$)/i.test(document.documentElement.lang);

  // The page's data is on its "Text" heading (`data-quote-picker`), inside the content
  // that Material's instant navigation swaps, so each page shown brings its own.
  function setUp() {
    var heading = document.getElementById("text");
    var json = heading && heading.getAttribute("data-quote-picker");
    if (picker) picker.use(null, []);
    if (!json) return;
    var data = JSON.parse(json);
    var elements = [];
    for (var el = heading.nextElementSibling; el && el.localName !== "h2";
         el = el.nextElementSibling) {
      // A block is a paragraph or a heading; a paragraph with a class is the page's own
      // (a PDF's "Page 2 of the PDF").
      if ((el.localName === "p" && !el.className) || /^h[3-6]$/.test(el.localName)) {
        elements.push(el);
      }
    }
    if (elements.length !== data.blocks.length) {
      console.warn("quote picker: the article's paragraphs do not match its text");
      return;
    }
    var matcher = makeNormaliser(data.fold, data.invisible);
    var blocks = data.blocks.map(function (block, i) {
      var usable = visible(shownText(elements[i])) === visible(block.text);
      return { el: elements[i], text: block.text, names: block.names,
               sentences: block.sentences, usable: usable,
               normalised: matcher(block.text) };
    });
    if (!picker) {
      picker = new Picker();
      picker.listen();
    }
    picker.use(data, blocks, matcher);
  }

  // Once per page shown: Material's `document$` says when its instant navigation has
  // swapped one in (and gives the first page once loaded); other themes load each anew.
  function onEachPage(run) {
    var done = new WeakSet();
    function once() {
      var page = document.querySelector(".md-content") || document.body;  // what Material swaps
      if (!done.has(page)) { done.add(page); run(); }
    }
    if (window.document$) document$.subscribe(once);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", once);
    else once();
  }

  // --- the normalisation quotes are matched under (briefing/text.py) -------------------

  function makeNormaliser(fold, ranges) {
    var foldChars = Object.keys(fold).map(escapeClass).join("");
    var folding = new RegExp("[" + foldChars + "]", "g");
    var invisible = new RegExp("[" + ranges.map(function (r) {
      return codePoint(r[0]) + (r[1] !== r[0] ? "-" + codePoint(r[1]) : "");
    }).join("") + "]", "gu");
    function folded(text) { return text.replace(folding, function (c) { return fold[c]; }); }
    return function (text) {
      var out = folded(folded(text).normalize("NFKC")).replace(invisible, "");
      return out.split(/\s+/).filter(Boolean).join(" ");
    };
  }

  // An element's words without a heading's permalink (`toc: permalink: true`'s "¶").
  function shownText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink, .permalink").forEach(function (a) { a.remove(); });
    return copy.textContent;
  }

  function codePoint(n) { return "\\u{" + n.toString(16) + "}"; }
  function escapeClass(c) { return c.replace(/[\\\]\[^-]/g, "\\$&"); }
  function visible(text) { return text.replace(/\s+/g, ""); }

  // Every place `needle` starts in `hay`, overlapping ones too (as the matcher counts).
  function places(hay, needle) {
    var out = [];
    for (var at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) out.push(at);
    return out;
  }

  // --- the picker --------------------------------------------------------------------

  function Picker() {
    this.data = null;
    this.blocks = [];
    this.normalise = null;
    this.current = null;  // {snippet, block} of the selection on screen
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "quote-picker";
    this.button.textContent = "Copy as quote";
    this.button.title = "Copy the selected words as a YAML quote (shortcut: " + SHORTCUT + ")";
    this.button.hidden = true;
    english(this.button);
    this.status = document.createElement("p");
    this.status.className = "quote-picker-status";
    this.status.setAttribute("role", "status");
    document.body.appendChild(this.status);
  }

  // The page shown now: its data, its article's blocks, its normalisation (none, on a
  // page without the picker: nothing there can be picked).
  Picker.prototype.use = function (data, blocks, normalise) {
    this.hide();
    this.status.textContent = "";  // it spoke of the last page's annotation
    this.data = data;
    this.blocks = blocks;
    this.normalise = normalise || null;
  };

  Picker.prototype.listen = function () {
    var self = this;
    var pending = 0;
    document.addEventListener("selectionchange", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { self.update(); }, 120);
    });
    // Keep the selection when the button is pressed with the mouse.
    this.button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.button.addEventListener("click", function () { self.copy(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !self.button.hidden) {
        self.hide();
      } else if (event.key === "Tab" && !event.shiftKey && self.reachesButton()) {
        // Tab after selecting goes to the button, even when the click that selected
        // focused an ancestor (a theme's <main tabindex="-1">) whose next stop is earlier.
        event.preventDefault();
        self.button.focus();
      } else if (event.key === SHORTCUT && !event.ctrlKey && !event.metaKey && !event.altKey &&
                 !isField(event.target)) {
        self.update();
        if (self.current) {
          event.preventDefault();
          self.copy();
        }
      }
    });
  };

  Picker.prototype.reachesButton = function () {
    var active = document.activeElement;
    return Boolean(this.current) && !this.button.hidden && active !== this.button &&
      (!active || active === document.body || active.contains(this.current.block.el));
  };

  function isField(target) {
    return target && (target.isContentEditable || /^(input|textarea|select)$/.test(target.localName));
  }

  Picker.prototype.hide = function () {
    this.button.hidden = true;
    this.current = null;
  };

  Picker.prototype.update = function () {
    var selection = window.getSelection();
    if (document.activeElement === this.button) return;  // moving to the button
    var picked = selection && selection.rangeCount && !selection.isCollapsed
      ? this.pick(selection.getRangeAt(0)) : null;
    if (!picked) {
      this.hide();
      return;
    }
    this.current = picked;
    // Right after its paragraph, so Tab from the selection reaches it.
    picked.block.el.insertAdjacentElement("afterend", this.button);
    this.button.hidden = false;
    var rect = selection.getRangeAt(0).getBoundingClientRect();
    var origin = containerOrigin(this.button);
    this.button.style.top = (rect.bottom - origin.top + 4) + "px";
    // Under the selection's start: its left end, or its right one in a paragraph written
    // right to left (a site's, or a source's marked so), the button's end at it.
    var start = window.getComputedStyle(picked.block.el).direction === "rtl"
      ? rect.right - this.button.offsetWidth : rect.left;
    this.button.style.left = Math.max(0, start - origin.left) + "px";
  };

  function english(el) {
    if (!englishSite) {
      el.lang = "en";
      el.dir = "ltr";
    }
    return el;
  }

  // Where the box the button is positioned in starts, in viewport coordinates: its
  // positioned ancestor's padding box, or the document when it has none.
  function containerOrigin(el) {
    var parent = el.offsetParent;
    if (!parent || (parent === document.body &&
                    window.getComputedStyle(parent).position === "static")) {
      return { top: -window.scrollY, left: -window.scrollX };
    }
    var rect = parent.getBoundingClientRect();
    return { top: rect.top + parent.clientTop - parent.scrollTop,
             left: rect.left + parent.clientLeft - parent.scrollLeft };
  }

  // The selection as offsets into one block's text, or null when it is not within one
  // paragraph (or heading) of the article.
  Picker.prototype.pick = function (range) {
    var block = this.blockOf(range.startContainer);
    if (!block || block !== this.blockOf(range.endContainer) || !block.usable) return null;
    var start = textOffset(block, range.startContainer, range.startOffset, true);
    var end = textOffset(block, range.endContainer, range.endOffset, false);
    if (start === null || end === null || end <= start) return null;
    // A word cut by the selection is taken whole: quotes are words.
    var text = block.text;
    while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start -= 1;
    while (end < text.length && WORD.test(text[end - 1]) && WORD.test(text[end])) end += 1;
    return { block: block, snippet: this.snippet(block, start, end) };
  };

  Picker.prototype.blockOf = function (node) {
    for (var i = 0; i < this.blocks.length; i++) {
      if (this.blocks[i].el.contains(node)) return this.blocks[i];
    }
    return null;
  };

  // Offset in the block's text of a point in its element: the first character that is not
  // white space after the point (for a start), or just after the last one before it.
  function textOffset(block, node, offset, isStart) {
    var before = document.createRange();
    before.setStart(block.el, 0);
    before.setEnd(node, offset);
    var count = visible(before.toString()).length;
    var seen = 0;
    var text = block.text;
    for (var i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      if (isStart && seen === count) return i;
      seen += 1;
      if (!isStart && seen === count) return i + 1;
    }
    return null;
  }

  // --- the YAML ----------------------------------------------------------------------

  Picker.prototype.snippet = function (block, start, end) {
    var text = block.text.slice(start, end);
    var context = this.context(block, start, end, text);
    // Indented as the annotation's quotes are, so the paste is YAML of the same list.
    var pad = " ".repeat(this.data.indent);
    var lines = [pad.slice(2) + "- id: " + this.suggestedId(text), pad + "text: " + yamlText(text)];
    if (context.prefix) lines.push(pad + "prefix: " + yamlText(context.prefix));
    if (context.suffix) lines.push(pad + "suffix: " + yamlText(context.suffix));
    var speaker = speakerOf(block, start, end);
    if (speaker && speaker.said) lines.push(pad + "speaker: " + speaker.id);
    // Only named, perhaps as what the passage is about: offered, not asserted.
    else if (speaker) lines.push(pad + "# speaker: " + speaker.id + "  (named here, but no " +
                                 "word of speech makes the passage theirs: check)");
    if (context.left > 1) {
      lines.push(pad + "# still found " + context.left + " times: widen `prefix` or `suffix`");
    }
    return lines.join("\n") + "\n";
  };

  // The fewest words before (then after, then both) that leave one occurrence, tested as
  // the matcher tests them (briefing/link.py: anchor_quotes).
  Picker.prototype.context = function (block, start, end, text) {
    var needle = this.normalise(text);
    var normalise = this.normalise;
    var all = [];
    this.blocks.forEach(function (other) {
      places(other.normalised, needle).forEach(function (at) {
        all.push({ hay: other.normalised, start: at, end: at + needle.length });
      });
    });
    function left(prefix, suffix) {
      var p = normalise(prefix), s = normalise(suffix);
      return all.filter(function (hit) {
        var before = hit.hay.slice(Math.max(0, hit.start - p.length - 1), hit.start).trimEnd();
        var after = hit.hay.slice(hit.end, hit.end + s.length + 1).trimStart();
        return before.endsWith(p) && after.startsWith(s);
      }).length;
    }
    if (all.length <= 1) return { prefix: "", suffix: "", left: all.length };
    var tries = [];
    for (var n = 1; n <= MAX_CONTEXT_WORDS; n++) {
      var prefix = wordsBefore(block.text, start, n), suffix = wordsAfter(block.text, end, n);
      tries.push([prefix, ""], ["", suffix], [prefix, suffix]);
    }
    for (var i = 0; i < tries.length; i++) {
      var count = left(tries[i][0], tries[i][1]);
      if (count === 1) return { prefix: tries[i][0], suffix: tries[i][1], left: 1 };
    }
    var widest = tries[tries.length - 1];
    return { prefix: widest[0], suffix: widest[1], left: left(widest[0], widest[1]) };
  };

  function wordsBefore(text, at, n) {
    var words = text.slice(0, at).trimEnd().split(/(\s+)/);
    return words.slice(Math.max(0, words.length - (2 * n - 1))).join("");
  }

  function wordsAfter(text, at, n) {
    var words = text.slice(at).trimStart().split(/(\s+)/);
    return words.slice(0, 2 * n - 1).join("");
  }

  // Words that report speech, for the speaker: "Jane Doe, an analyst, said", "said Jane
  // Doe", "according to Jane Doe".
  var VERBS = "(?:said|says|say|told|tells|stated|states|added|adds|wrote|writes|argued|" +
    "argues|noted|notes|claimed|claims|explained|explains|warned|warns|announced|" +
    "announces|insisted|insists|asserted|asserts|suggested|suggests|believes|believed)";
  var NAME_THEN_VERB = new RegExp("^(?:,[^,.;:!?]{1,60},)?\\s+" + VERBS + "\\b");
  var VERB_THEN_NAME = new RegExp("(?:\\b" + VERBS + "\\s+(?:by\\s+)?|\\baccording to\\s+)$");

  var PRONOUN_SAYS = new RegExp("\\b(?:he|she|they)\\s+" + VERBS + "\\b|\\b" + VERBS +
                                "\\s+(?:he|she|they)\\b", "i");

  // The speaker: the known entity of the passage's sentences named beside a word of
  // speech outside the passage, the nearest to it (`said`), else the first one they name
  // (not `said`: it may be who the passage is about); in sentences naming none, a
  // quotation or a "she said" goes on with the speaker of the sentences just before.
  function speakerOf(block, start, end) {
    var starts = block.sentences;
    var from = 0, to = block.text.length, before = -1;
    for (var i = 0; i < starts.length; i++) {
      if (starts[i] <= start) { from = starts[i]; before = i - 1; }
      if (starts[i] >= end) { to = starts[i]; break; }
    }
    var speaker = speakerBeside(block, from, to, start, end);
    if (speaker) return { id: speaker, said: true };
    // No one here named as speaking: a quotation or a "she said" goes on with an earlier
    // sentence's speaker, before any name this sentence holds, which may be what is
    // spoken of ("'Trucks can keep using the Eastbridge,' she said").
    var sentence = block.text.slice(from, to);
    if (PRONOUN_SAYS.test(sentence) || /^["'\u201c\u2018]/.test(sentence)) {
      for (var k = before; k >= 0 && k > before - SENTENCES_BACK; k--) {
        speaker = speakerBeside(block, starts[k], starts[k + 1], starts[k + 1], starts[k + 1]);
        if (speaker) return { id: speaker, said: true };
      }
    }
    var named = namesIn(block, from, to);
    return named.length ? { id: named[0][2], said: false } : null;
  }

  function namesIn(block, from, to) {
    return block.names.filter(function (name) { return name[0] >= from && name[1] <= to; });
  }

  // The entity named beside a word of speech in [from, to), outside [start, end), nearest.
  function speakerBeside(block, from, to, start, end) {
    var text = block.text;
    var best = null, distance = Infinity;
    namesIn(block, from, to).forEach(function (name) {
      var gap = name[1] <= start ? start - name[1] : name[0] >= end ? name[0] - end : -1;
      var speaks = NAME_THEN_VERB.test(text.slice(name[1], to)) ||
        VERB_THEN_NAME.test(text.slice(from, name[0]));
      if (gap >= 0 && speaks && gap < distance) { best = name[2]; distance = gap; }
    });
    return best;
  }

  // The prefix, then the quote's first words less those the prefix already has
  // ("acme-widget-is-overpriced", not "acme-widget-widget-is-overpriced").
  Picker.prototype.suggestedId = function (text) {
    var prefix = this.data.idPrefix;
    var words = slugify(this.normalise(text), 200, this.data.german).split("-")
      .filter(function (word) { return prefix.split("-").indexOf(word) < 0; });
    var base = slugify(prefix + " " + words.join(" "), 40) || "quote";
    var taken = new Set(this.data.taken);
    var candidate = base;
    for (var n = 2; taken.has(candidate); n++) candidate = base + "-" + n;
    return candidate;
  };

  // As briefing/suggest.py's slugify: ASCII words, lower case, no articles, cut on a word;
  // a German source's umlauts spelt as German spells them without (ü as ue).
  var UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE"};
  var UNDECOMPOSED = {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "TH", "\u0131": "i"};
  function slugify(text, maxLength, german) {
    if (german) text = text.normalize("NFC").replace(/[äöüÄÖÜ]/g, function (c) {
      return UMLAUTS[c];
    });
    var ascii = text.replace(/[ßẞæÆœŒøØłŁđĐðÐþÞ\u0131]/g, function (c) {
      return UNDECOMPOSED[c];
    }).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/'/g, "");
    var words = (ascii.match(/[a-z0-9]+/g) || []).filter(function (w) {
      return w !== "a" && w !== "an" && w !== "the";
    });
    var slug = "";
    for (var i = 0; i < words.length; i++) {
      var candidate = slug ? slug + "-" + words[i] : words[i];
      if (candidate.length > maxLength) break;
      slug = candidate;
    }
    return slug || (words.length ? words[0].slice(0, maxLength) : "");
  }

  // A double-quoted YAML scalar: JSON's string syntax is a subset of YAML's; characters
  // YAML would end a line at, or that cannot be seen, are written as escapes.
  function yamlText(text) {
    return JSON.stringify(text).replace(/[\u0085\u00ad\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\uffff]/g,
      function (c) { return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"); });
  }

  // --- the clipboard -----------------------------------------------------------------

  Picker.prototype.copy = function () {
    var picked = this.current;
    if (!picked) return;
    var self = this;
    var done = function () {
      self.announce("Quote copied: paste it under quotes: in sources/" + self.data.source +
                    ".yml");
    };
    var failed = function () { self.fallback(picked.snippet); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(picked.snippet).then(done, failed);
    } else {
      failed();
    }
  };

  // Without the clipboard API (a page not served from localhost or https), the snippet is
  // shown selected in a text box for Ctrl+C.
  Picker.prototype.fallback = function (snippet) {
    var box = document.createElement("textarea");
    box.className = "quote-picker-text";
    box.value = snippet;
    box.readOnly = true;
    box.dir = "ltr";  // YAML, whatever its text's direction
    box.rows = snippet.split("\n").length;
    box.setAttribute("aria-label", "The quote as YAML");
    this.button.insertAdjacentElement("afterend", box);
    box.focus();
    box.select();
    this.announce("Copy the quote with Ctrl+C (the clipboard could not be reached)");
  };

  // In a span on a site in another language: the notice itself stays at the page's end.
  Picker.prototype.announce = function (message) {
    this.status.textContent = "";
    if (englishSite) this.status.textContent = message;
    else this.status.appendChild(english(document.createElement("span"))).textContent = message;
    var status = this.status;
    window.clearTimeout(this.statusTimer);
    this.statusTimer = window.setTimeout(function () { status.textContent = ""; }, 4000);
  };

  onEachPage(setUp);
})();
