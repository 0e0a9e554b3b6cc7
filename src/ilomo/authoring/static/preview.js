/* ilomo preview: reload the page when the scenario file changes (polls /versie; no library). */
(() => {
  "use strict";
  const body = document.body;
  const shown = body.dataset.versie;
  const every = Number(body.dataset.poll) || 1000;
  const status = document.createElement("p");
  status.className = "herladen";
  status.setAttribute("role", "status");
  body.prepend(status);
  const poll = async () => {
    try {
      const answer = await fetch("/versie", { cache: "no-store" });
      const { versie } = await answer.json();
      if (versie !== shown) {
        status.textContent = "Het bestand is veranderd; de pagina wordt opnieuw geladen.";
        window.location.reload();
        return;
      }
      status.textContent = "";
    } catch (x) {
      status.textContent = "De voorbeeldserver reageert niet. Draait ilomo preview nog?";
    }
    window.setTimeout(poll, every);
  };
  window.setTimeout(poll, every);
})();
