/* A source's page: the way back from a passage to the brief points citing it. Loaded
   on sources only, after features.js. Progressive enhancement only. */
(function () {
  "use strict";

  var shared = window.briefingFeatures;  // from features.js, loaded before
  if (!shared) return;
  var pageBody = shared.pageBody;

  // Reached at a passage (#q-…), say right under it which brief points cite it: a copy
  // of its "Cited in" cell in the quoted passages, so the way back is in view. The cell's
  // link is matched by where it leads, not by its href as written: Material's instant
  // navigation makes every link absolute.
  function showCitedBack() {
    var old = document.querySelector(".cited-back");
    if (old) old.remove();
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); }
    catch (e) { return; }  // a fragment that is not percent-encoded text names nothing
    var passage = /^q-/.test(id) && document.getElementById(id);
    var row = passage && passageLink(id);
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
