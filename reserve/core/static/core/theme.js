// The theme the person chose (light or dark) and the phone menu. Loaded in <head>, before the page
// paints, so that a chosen theme never flashes the other one. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "reserve-theme";
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage refused: follow the system */ }
  if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);

  function currentTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setUpThemeSwitch(button) {
    function show() { button.setAttribute("aria-pressed", currentTheme() === "dark" ? "true" : "false"); }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* the choice lasts this page only */ }
      show();
    });
  }

  function setUpMenu(button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) menu.removeAttribute("data-collapsed"); else menu.setAttribute("data-collapsed", "");
    }
    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-theme-switch]").forEach(setUpThemeSwitch);
    document.querySelectorAll("[data-menu-toggle]").forEach(setUpMenu);
  });
})();
