/* The scheme the reader chose (briefing.js keeps it), on <html> before the styles load:
   no flash of the other one. A file, so a site may forbid inline scripts. */
(function () {
  try {
    var chosen = localStorage.getItem("briefing-scheme");
    if (chosen === "dark" || chosen === "light") document.documentElement.dataset.scheme = chosen;
  } catch (e) { /* storage refused: the system's scheme */ }
})();
