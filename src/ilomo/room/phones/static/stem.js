// The vote page follows the trainer: when the question opens, closes or changes, the page reloads itself.
// Without JavaScript the page works the same; the "Vernieuwen" link does the reload by hand.
(function () {
  "use strict";
  var main = document.getElementById("ilomo-stem");
  if (!main || !main.dataset.code) return;
  var code = encodeURIComponent(main.dataset.code);
  var shown = main.dataset.v;
  function poll() {
    fetch("status?code=" + code, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (d && d.v !== shown) { window.location.replace("stem?code=" + code); return; }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 4000); });
  }
  window.setTimeout(poll, 2000);
})();
