// Site glue that lets the theme work under the strict Content-Security-Policy (no eval, no inline handlers).
(function () {
  // Sphinx's doctools.js compiles the plural rule of a translation with `new Function`. Dutch has one plural
  // rule, "n != 1", so install the translations without evaluating a string. Runs before translations.js.
  if (typeof Documentation !== "undefined") {
    Documentation.addTranslations = function (catalog) {
      Object.assign(Documentation.TRANSLATIONS, catalog.messages);
      Documentation.PLURAL_EXPR = function (n) { return n === 1 ? 0 : 1; };
      Documentation.LOCALE = catalog.locale;
    };
  }
  // The build turns the theme's onclick attributes into data-ilomo-action; run them from here.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-ilomo-action]");
    if (!button) return;
    var action = button.getAttribute("data-ilomo-action");
    if (action === "print") window.print();
    if (action === "fullscreen" && typeof toggleFullScreen === "function") toggleFullScreen();
  });
})();
