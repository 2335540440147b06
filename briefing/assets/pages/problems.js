/* The Problems page, while `mkdocs serve` runs: MkDocs' warnings about the hand-written
   pages' links, which it finds only as it builds those pages, after this page was
   written; the build lists them in problems.json. Loaded on this page only, after
   features.js. Text only through textContent: nothing in the file is read as HTML. */
(function () {
  "use strict";

  var shared = window.briefingFeatures;  // from features.js, loaded before
  if (!shared || !shared.problemsRead) return;

  shared.problemsRead.then(function (problems) {
    var slot = document.querySelector("[data-briefing-link-problems]");
    if (!slot) return;
    var links = problems && problems.links || [];
    slot.textContent = "";
    if (!links.length) {
      slot.appendChild(document.createElement("p")).textContent =
        "None: MkDocs reported no broken link in the last rebuild.";
      return;
    }
    var list = slot.appendChild(document.createElement("ul"));
    links.forEach(function (link) {
      var item = list.appendChild(document.createElement("li"));
      var severity = item.appendChild(document.createElement("span"));
      severity.className = "severity severity-warning";
      severity.textContent = "warning";
      item.appendChild(document.createTextNode(" "));
      item.appendChild(document.createElement("code")).textContent = String(link.at);
      item.appendChild(document.createTextNode(" " + String(link.message)));
    });
  });
})();
