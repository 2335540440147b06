/* A source's page: the way back from a passage to the brief points citing it. Loaded
   on sources only, after features.js. Progressive enhancement only. */
(function () {
  "use strict";

  var shared = window.briefingFeatures;  // from features.js, loaded before
  if (!shared) return;
  var pageBody = shared.pageBody;

  // Reached at a passage (#q-…), say right under it which brief points cite it: a copy
  // of its "Cited in" cell in the quoted passages, so the way back is in view.
  function initCitedBack() {
    function show() {
      var old = document.querySelector(".cited-back");
      if (old) old.remove();
      var id;
      try { id = decodeURIComponent(location.hash.slice(1)); }
      catch (e) { return; }  // a fragment that is not percent-encoded text names nothing
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

  function start() {
    initCitedBack();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
