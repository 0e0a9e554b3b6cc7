// Site glue that lets the theme work under the strict Content-Security-Policy (no eval, no inline handlers),
// from disk (file://) and on paper.
(() => {
  "use strict";
  // Sphinx's doctools.js compiles the plural rule of a translation with `new Function`. Dutch has one plural
  // rule, "n != 1", so install the translations without evaluating a string. Runs before translations.js.
  if (typeof Documentation !== "undefined") {
    Documentation.addTranslations = (catalog) => {
      Object.assign(Documentation.TRANSLATIONS, catalog.messages);
      Documentation.PLURAL_EXPR = (n) => (n === 1 ? 0 : 1);
      Documentation.LOCALE = catalog.locale;
    };
  }
  // Search-term highlighting: Sphinx's sphinx_highlight.js marks the terms of a search on the result page it opens,
  // with a translated "hide" link (translations.js). Only the search page links both (ilomo.sphinxext.loading):
  // here they are loaded when there are terms to mark, in order (translations first; this file has already
  // replaced Documentation.addTranslations by then).
  function searchTerms() {
    let stored = null;
    try { stored = window.localStorage.getItem("sphinx_highlight_terms"); } catch (blocked) { /* none */ }
    return stored || new URLSearchParams(window.location.search).get("highlight");
  }
  if (typeof SphinxHighlight === "undefined" && typeof Documentation !== "undefined" && searchTerms()) {
    const root = document.documentElement.getAttribute("data-content_root") || "";
    ["translations.js", "sphinx_highlight.js"].forEach((name) => {
      const script = document.createElement("script");
      script.src = root + "_static/" + name;
      script.async = false; // in this order
      document.head.appendChild(script);
    });
  }
  // Opened from disk (file://, the zip from `make dist`), Sphinx's search cannot fetch the result pages for their
  // summaries (browsers block fetch on file://): list the results by title only instead of logging errors.
  if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  }
  // Printing (ilomo-print.css): every <details> prints open, and closes again afterwards.
  let openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details:not([open])").forEach((d) => { d.open = true; openedForPrint.push(d); });
  });
  window.addEventListener("afterprint", () => {
    openedForPrint.forEach((d) => { d.open = false; });
    openedForPrint = [];
  });
  // The CSP says form-action 'none', so no form can send anything anywhere. The theme's search box is a GET form
  // to search.html: open that page by plain navigation instead, with the same query.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches || !form.matches("form.bd-search, form[action$='search.html']")) return;
    event.preventDefault();
    const query = new URLSearchParams(new FormData(form)).toString();
    window.location.href = form.action.split("?")[0] + "?" + query;
  });
  // The menu and page contents as dialogs on a phone: when one closes, focus goes back to the button that opened it.
  // (sphinx-book-theme blurs the button on click to hide a tooltip, so the theme would return focus to the page.)
  function returnFocusFromSidebars() {
    ["primary", "secondary"].forEach((side) => {
      const dialog = document.getElementById("pst-" + side + "-sidebar-modal");
      const button = document.querySelector("." + side + "-toggle");
      if (!dialog || !button) return;
      dialog.addEventListener("close", () => {
        setTimeout(() => {
          if (!document.activeElement || document.activeElement === document.body) button.focus();
        }, 0);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", returnFocusFromSidebars);
  else returnFocusFromSidebars();
  // Sphinx's "Zoekresultaten verbergen" link is a javascript: address, which the CSP refuses: run it from here.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="javascript:SphinxHighlight.hideSearchWords"]');
    if (!link) return;
    event.preventDefault();
    if (typeof SphinxHighlight !== "undefined") SphinxHighlight.hideSearchWords();
  });
  // The build turns the theme's onclick attributes into data-ilomo-action; run them from here.
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-ilomo-action]");
    if (!button) return;
    const action = button.getAttribute("data-ilomo-action");
    if (action === "print") window.print();
    if (action === "fullscreen" && typeof toggleFullScreen === "function") toggleFullScreen();
  });
})();
