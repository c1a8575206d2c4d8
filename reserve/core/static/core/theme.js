// The theme the person chose (light or dark) and the phone menu. Loaded in <head>, before the page
// paints, so that a chosen theme never flashes the other one. No inline script: the CSP forbids it.
// The choice is a cookie (reserve/core/theme.py) so that the server reads it too: a page that picks
// its own theme (LightsOff's street pages, dark at night) keeps it until the person chooses.
(function () {
  "use strict";
  var root = document.documentElement;
  var COOKIE = "reserve-theme";
  var match = document.cookie.match(/(?:^|;\s*)reserve-theme=(light|dark)(?:;|$)/);
  if (match) root.setAttribute("data-theme", match[1]);

  function remember(theme) {
    document.cookie = COOKIE + "=" + theme + "; path=/; max-age=31536000; SameSite=Lax" +
      (window.location.protocol === "https:" ? "; Secure" : "");
  }

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
      remember(next);
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
