/* Briefing theme: progressive enhancement only. Every page reads fine without it.
   Loaded (not deferred) at the end of <body>, before MkDocs' search/main.js. Citation
   previews and the rest of the page features are the plugin's (briefing/assets/). */
(function () {
  "use strict";

  // search/main.js reads the global `base_url` as soon as it loads.
  var self = document.currentScript;
  window.base_url = self ? self.getAttribute("data-base-url") : ".";

  // Tables: wrap each so it can span the column and still scroll sideways on a phone.
  document.querySelectorAll("main table").forEach(function (table) {
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  });

  // Phones show the sections as a sideways-scrolling row: bring the current one into view
  // (horizontally only: scrollIntoView could also move the page away from a #fragment).
  var current = document.querySelector(".site-nav a[aria-current]");
  if (current) {
    var row = current.closest("ul");
    var centre = function () {
      row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
    };
    centre();
    // Again when the row starts scrolling: a window made narrower, a phone turned.
    if (window.matchMedia) {
      var narrow = window.matchMedia("(max-width: 40rem)");
      if (narrow.addEventListener) narrow.addEventListener("change", centre);
    }
  }

  initSchemeToggle();
  initSectionsMenu();

  // Phones: the sections button opens the list below the header (briefing.css); Escape,
  // a tap elsewhere or focus leaving the header closes it.
  function initSectionsMenu() {
    var button = document.querySelector(".sections-toggle");
    var nav = document.getElementById("site-sections");
    var header = nav && nav.closest("header");
    if (!button || !header) return;
    function open() { return button.getAttribute("aria-expanded") === "true"; }
    function set(state) {
      button.setAttribute("aria-expanded", String(state));
      header.classList.toggle("menu-open", state);
    }
    button.hidden = false;
    header.classList.add("has-menu");
    button.addEventListener("click", function () { set(!open()); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && open()) { set(false); button.focus(); }
    });
    document.addEventListener("click", function (e) {
      if (open() && !button.contains(e.target) && !nav.contains(e.target)) set(false);
    });
    // Tab past the last section: the open list would cover what gets focus (WCAG 2.4.11).
    header.addEventListener("focusout", function (e) {
      var to = e.relatedTarget;
      if (to && !header.contains(to)) set(false);
    });
  }


  // The light/dark toggle, pressed when dark. scheme.js sets the kept choice on <html>
  // before the styles load; until the reader chooses, the system's.
  function initSchemeToggle() {
    var button = document.querySelector(".scheme-toggle");
    if (!button) return;
    var root = document.documentElement;
    var system = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    function dark() {
      var chosen = root.dataset.scheme;
      return chosen ? chosen === "dark" : !!(system && system.matches);
    }
    function sync() { button.setAttribute("aria-pressed", String(dark())); }
    button.hidden = false;
    sync();
    if (system && system.addEventListener) system.addEventListener("change", sync);
    button.addEventListener("click", function () {
      root.dataset.scheme = dark() ? "light" : "dark";
      try { localStorage.setItem("briefing-scheme", root.dataset.scheme); } catch (e) { /* this page only */ }
      sync();
    });
  }


})();
