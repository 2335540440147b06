/* Briefing theme: the search box, for Pagefind's search (`mkdocs build`) or MkDocs' own
   (`mkdocs serve`). Loaded after briefing.js, which sets `base_url` for both. Without
   JavaScript the box stays hidden: there is no search to offer. */
(function () {
  "use strict";

  var self = document.currentScript || document.querySelector('script[src*="assets/search.js"]');
  var styled = null;
  // The words this script writes, in the site's language where the theme gives them
  // (main.html's #search-words, on a site whose words are not English; see
  // partials/macros.html), else its own English.
  var data = document.getElementById("search-words");
  var words = data ? JSON.parse(data.textContent) : null;
  var lang = document.documentElement.lang;
  initSearch();

  // A message in the site's words, its %(name)s and %(num)d replaced by `values`.
  function t(message, values) {
    return fill(words && words.messages[message] || message, values || {});
  }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)[sd]/g, function (all, name) { return values[name]; });
  }
  // A count `n` in the site's words: the form of its plural category in the site's
  // language (the theme gives each category's), the number as the language writes it.
  function counted(singular, plural, n) {
    var forms = words && words.plurals[singular];
    if (!forms) return fill(n === 1 ? singular : plural, { num: n });
    return fill(forms[new Intl.PluralRules(lang).select(n)] || forms.other,
                { num: n.toLocaleString(lang) });
  }
  // The words shown for a value the index holds (a kind of page "Claim", a status
  // "disputed"), which stays as it is in classes and filters.
  function shown(filter, value) {
    return words && words.values[filter] && words.values[filter][value] || value;
  }

  // The panel's and results' styles (search.css, beside this script) load when search is
  // first used, as the search itself does: a page that is only read never fetches them.
  function styles() {
    styled = styled || new Promise(function (done) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("search.css", self.src).href;
      link.onload = link.onerror = function () { done(); };
      document.head.appendChild(link);
    });
    return styled;
  }

  // Shows or hides the panel; it shows only once its styles are in, unless it was asked
  // to close meanwhile.
  function opener(panel) {
    var wanted = false;
    return function (show) {
      wanted = show;
      if (!show) panel.hidden = true;
      else styles().then(function () { panel.hidden = !wanted; });
    };
  }

  function initSearch() {
    var form = document.querySelector("form.search");
    // The search script looks for #mkdocs-search-* (MkDocs) or #properdocs-search-*
    // (ProperDocs); main.html names them for the one building the site.
    var input = form && form.querySelector("input[type=search]");
    var results = form && form.querySelector(".search-results");
    if (!form || !input || !results) return;
    if (form.hasAttribute("data-pagefind-url")) return initPagefind(form, input, results);
    var panel = form.querySelector(".search-panel");
    var status = form.querySelector(".search-status");
    var ready = false;
    var timer = 0;
    var open = opener(panel);
    form.hidden = false;

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
      // lunr refuses some queries outright (`Musk: bid` names a field that does not
      // exist) and the worker throws, which left the last query's results standing.
      window.searchWorker.addEventListener("error", function (e) {
        e.preventDefault();
        var note = document.createElement("p");
        note.textContent = t("No results: this search reads : ^ ~ * + and - as operators. " +
          "Search for the words alone.");
        results.replaceChildren(note);
      });
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
      status.textContent = longEnough() && n ? counted("%(num)d result", "%(num)d results", n) : "";
    }).observe(results, { childList: true });

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    input.addEventListener("focus", function () {
      styles();
      if (longEnough() && results.firstChild) open(true);
    });
    searchKeys(form, results, open);
  }

  // Enter, arrows, Escape and leaving the box, for either search.
  function searchKeys(form, results, open) {
    var input = form.querySelector("input[type=search]");
    form.addEventListener("submit", function (e) {
      // Enter opens the first result instead of reloading the page.
      e.preventDefault();
      var first = results.querySelector("a");
      if (first) window.location.href = first.href;
    });
    form.addEventListener("keydown", function (e) {
      if (e.target.tagName === "SELECT") return;  // its own arrows
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      // Focus first: the input's focus handler reopens the results, and open(false) after
      // it wins (opener keeps the last wish).
      if (e.key === "Escape") { input.focus(); open(false); }
      else if (e.key === "ArrowDown" && links.length) { e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    });
    // Close when focus or a click leaves the search box. A click on the form itself is
    // on the dimmed page around the results (a phone's, search.css): it closes them too.
    document.addEventListener("click", function (e) { if (!form.contains(e.target) || e.target === form) open(false); });
    form.addEventListener("focusout", function (e) { if (e.relatedTarget && !form.contains(e.relatedTarget)) open(false); });
  }

  // Pagefind (`mkdocs build`): its script and index chunks load on first use, and a query
  // fetches only the chunks and page fragments it needs. Results are grouped by page, with
  // the sections that match and their excerpts, the matched words marked.
  function initPagefind(form, input, results) {
    var panel = form.querySelector(".search-panel");
    var status = form.querySelector(".search-status");
    var chosen = {}, engine = null, asked = 0, timer = 0;
    var open = opener(panel);
    form.hidden = false;
    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      return e;
    }
    function load() {
      engine = engine || import(new URL(form.getAttribute("data-pagefind-url"), location.href).href)
        .then(function (pf) {
          // Result addresses start at the site's root, which may lie below a sub-path.
          return pf.options({ baseUrl: new URL(window.base_url + "/", location.href).pathname })
            .then(function () { return pf.filters(); })
            .then(function (f) { drawFilters(f); form.setAttribute("data-ready", ""); return pf; });
        });
      return engine;
    }
    function drawFilters(all) {
      var box = form.querySelector(".search-filters");
      [["type", "Kind of page"], ["status", "Claim status"]].forEach(function (pair) {
        // In the order of the words shown (the values' own, in English).
        var values = Object.keys(all[pair[0]] || {}).map(function (v) { return [shown(pair[0], v), v]; })
          .sort(function (a, b) { return words ? a[0].localeCompare(b[0], lang) : a[1] < b[1] ? -1 : 1; });
        if (!values.length) return;
        var label = el("label", "", t(pair[1]) + " "), select = el("select");
        select.name = pair[0];
        select.appendChild(el("option", "", t("any"))).value = "";
        values.forEach(function (v) { select.appendChild(el("option", "", v[0][0].toUpperCase() + v[0].slice(1))).value = v[1]; });
        select.addEventListener("change", function () { chosen[pair[0]] = select.value; run(); });
        label.appendChild(select);
        box.appendChild(label);
      });
    }
    // Pagefind's excerpts are text with <mark> around matched words: kept as exactly that.
    function marked(into, nodes) {
      nodes.forEach(function (n) {
        if (n.text) into.appendChild(n.mark ? el("mark", "", n.text) : document.createTextNode(n.text));
      });
      return into;
    }
    // Where `text` opens with the end of `heading` (all of it, or past a cropped start):
    // the heading's length before that point, else -1.
    function overlap(text, heading) {
      for (var at = 0; heading && at < heading.length; at = heading.indexOf(" ", at) + 1 || heading.length) {
        var tail = heading.slice(at);
        if ((at === 0 || tail.length >= 8) && text.indexOf(tail) === 0) return at;
      }
      return -1;
    }
    // An excerpt's words as the page's text has them, each marked or not. Pagefind's
    // excerpt is its text's words with `<` and `>` escaped and <mark> around the matched
    // ones, but `&` left as it is: read as HTML, a literal "&amp;" or "&lt;" the contributor
    // wrote showed as "&" or "<". Its words (`plain_excerpt`) are found among the escaped
    // text's (`raw_content`), and each is shown as the text (`content`) writes it.
    function excerptWords(part, d) {
      var escaped = (d.raw_content || "").split(/[\r\n\s]+/g), words = (d.content || "").split(/[\r\n\s]+/g);
      var tokens = part.excerpt.split(" "), plain = (part.plain_excerpt || "").split(" ");
      var at = -1;
      // A text cut into words by zero-width spaces (Chinese, Japanese…) is left as HTML.
      if (plain.length === tokens.length && escaped.length === words.length && !/\u200B/.test(d.raw_content || "")) {
        for (at = 0; at + plain.length <= escaped.length; at++) {
          if (plain.every(function (w, k) { return escaped[at + k] === w; })) break;
        }
      }
      if (at < 0 || at + plain.length > escaped.length) {
        return Array.prototype.map.call(
          new DOMParser().parseFromString(part.excerpt, "text/html").body.childNodes,
          function (n) { return { text: n.textContent, mark: n.nodeName === "MARK" }; });
      }
      var nodes = [];
      tokens.forEach(function (token, k) {
        if (k) nodes.push({ text: " ", mark: false });
        nodes.push({ text: words[at + k], mark: token.indexOf("<mark>") === 0 });
      });
      return nodes;
    }
    // A section's text begins with its heading, and a page's with its title, both shown
    // just above: an excerpt that opens with `heading` (Pagefind may have cropped its
    // start) starts after it, and the heading's matched words are marked where it is shown.
    function excerpt(part, d, heading) {
      var nodes = excerptWords(part, d);
      var text = nodes.map(function (n) { return n.text; }).join("");
      var at = overlap(text, heading), cut = at < 0 ? 0 : heading.length - at;
      // Past the heading, and past the separator of a label the index leaves out (a
      // source's line opens "News report · no named outlet · Published ..."), so that the
      // excerpt does not open on a stray "·".
      var skip = cut + text.slice(cut).match(cut ? /^[\s.:·]*/ : /^[\s·]*/)[0].length, head = [], rest = [];
      nodes.forEach(function (n) {
        head.push({ text: n.text.slice(0, Math.max(0, cut)), mark: n.mark });
        rest.push({ text: n.text.slice(Math.max(0, skip)), mark: n.mark });
        cut -= n.text.length;
        skip -= n.text.length;
      });
      return { before: at < 0 ? null : heading.slice(0, at), head: head, text: marked(el("p"), rest) };
    }
    // `link` (showing the heading) with the heading's marks, if the excerpt opened with it.
    function shownWith(link, found) {
      if (found.before === null) return;
      link.textContent = found.before;
      marked(link, found.head);
    }
    // Eight pages at a time, each page's fragment fetched only when it is shown.
    function draw(found, from, mine) {
      var next = found.results.slice(from, from + 8);
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== asked) return;
        var more = results.querySelector(".search-more");
        if (more) more.remove();
        if (!from) results.textContent = "";
        var count = found.results.length;
        status.textContent = count ? counted("%(num)d page", "%(num)d pages", count) : t("Nothing matches.");
        pages.forEach(function (d) { results.appendChild(page(d)); });
        if (from + 8 < count) {
          more = results.appendChild(el("button", "search-more", t("More results")));
          more.type = "button";
          more.addEventListener("click", function () {
            var focus = results.querySelectorAll("article").length;
            draw(found, from + 8, mine).then(function () {
              var a = results.querySelectorAll("article h3 a")[focus];
              if (a) a.focus();
            });
          });
        }
      });
    }
    function page(d) {
      var art = el("article"), h = el("h3"), a = el("a", "", d.meta.title || d.url);
      a.href = d.url;
      h.appendChild(a);
      // A claim's status after its statement, as the site's lists show it: how far the
      // claim stands is read before it is opened (the index keeps it as a filter only).
      var status = d.filters.status && d.filters.status[0];
      if (status) {
        h.appendChild(document.createTextNode(" "));
        h.appendChild(el("span", "status status-" + status, shown("status", status)));
      }
      if (d.filters.type) art.appendChild(el("p", "search-kind", shown("type", d.filters.type[0])));
      art.appendChild(h);
      // The sections that match, by heading; the page's opening has its title already.
      var parts = d.sub_results.length ? d.sub_results.slice(0, 3) : [d];
      parts.forEach(function (s) {
        var own = s.url !== d.url && s.title !== d.meta.title;
        var found = excerpt(s, d, own ? s.title : d.meta.title), sa = a;
        if (own) {
          sa = el("a", "search-section", s.title);
          sa.href = s.url;
          art.appendChild(sa);
        }
        shownWith(sa, found);
        if (found.text.textContent.trim()) art.appendChild(found.text);
      });
      return art;
    }
    function run() {
      var term = input.value.trim(), mine = ++asked;
      open(term.length >= 2);
      if (term.length < 2) return;
      var filters = {};
      Object.keys(chosen).forEach(function (k) { if (chosen[k]) filters[k] = chosen[k]; });
      // Pagefind indexes "$294,000" as the number alone: a currency sign would match nothing.
      var query = term.replace(/[$€£¥]/g, " ").trim();
      load().then(function (pf) { return pf.search(query, { filters: filters }); })
        .then(function (found) { return draw(found, 0, mine); })
        .catch(function () { if (mine === asked) status.textContent = t("Search is not available here."); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("focus", function () {
      styles();
      load().catch(function () {});
      if (results.firstChild) open(true);
    });
    searchKeys(form, results, open);
  }
})();
