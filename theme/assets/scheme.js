/* Briefing theme: the colour scheme the reader chose with the header's toggle (kept by
   briefing.js), set on <html> before the styles load, so no page flashes the other one.
   A file, not inline, so a site can forbid inline scripts. Without a choice, or without
   JavaScript, the page follows the system's scheme. */
(function () {
  try {
    var chosen = localStorage.getItem("briefing-scheme");
    if (chosen === "dark" || chosen === "light") document.documentElement.dataset.scheme = chosen;
  } catch (e) { /* storage refused: the system's scheme */ }
})();
