/* Module 06, "Bouw je eigen overzicht": the learner chooses which signals count (kind, source, theme) and sees the
 * overview of the fictional Lindervoort log change. Kernel-free, loaded only by the module 06 page (a script
 * element in its Markdown). The data between the DATA markers is made from data/signalen-fictief.csv by
 * tests/modules/test_overzicht.py (`python -m tests.modules.test_overzicht` rewrites it); a test checks that
 * they agree. All text is set with textContent: nothing is parsed as HTML. */
(function () {
  "use strict";
  /* DATA START */
  const DATA = {"themes": ["Energietransitie", "Internationale conflicten", "Landelijk gebied", "Opvang asielzoekers", "Vertrouwen in de overheid"], "kinds": ["vraag", "zorg", "klacht", "oproep tot actie", "incident"], "sources": ["jongerenwerk", "klantcontactcentrum", "lokale media", "openbare online bron", "raadsvergadering", "sociaal wijkteam", "wijkagent"], "start": "2023-01", "rows": [[0, 3, 0, 1], [0, 0, 0, 2], [0, 3, 2, 6], [0, 1, 2, 6], [0, 4, 2, 1], [0, 4, 0, 5], [0, 4, 1, 6], [0, 4, 2, 1], [1, 3, 0, 3], [1, 0, 0, 1], [1, 0, 4, 4], [1, 3, 0, 1], [1, 0, 2, 1], [1, 0, 3, 4], [1, 4, 0, 1], [1, 1, 2, 3], [2, 3, 2, 3], [2, 0, 0, 2], [2, 0, 1, 1], [2, 0, 0, 1], [2, 0, 2, 4], [2, 0, 0, 4], [2, 0, 4, 1], [2, 0, 2, 4], [2, 0, 0, 3], [2, 0, 0, 3], [2, 4, 2, 6], [2, 0, 0, 1], [2, 0, 1, 3], [2, 0, 2, 1], [2, 0, 2, 4], [2, 0, 1, 2], [2, 0, 1, 1], [2, 2, 0, 1], [2, 4, 2, 3], [2, 0, 2, 1], [2, 0, 1, 4], [2, 1, 2, 2], [2, 0, 1, 2], [2, 0, 0, 2], [2, 0, 2, 4], [2, 0, 1, 6], [2, 0, 1, 3], [2, 0, 0, 3], [2, 0, 3, 1], [2, 0, 3, 6], [2, 2, 1, 6], [2, 3, 0, 4], [2, 2, 1, 2], [2, 0, 2, 2], [2, 0, 3, 1], [2, 0, 0, 1], [2, 0, 0, 6], [2, 2, 0, 2], [3, 0, 1, 1], [3, 0, 0, 4], [3, 3, 0, 1], [3, 0, 1, 2], [3, 0, 0, 3], [3, 0, 1, 4], [3, 0, 1, 6], [3, 0, 2, 3], [3, 2, 1, 6], [3, 4, 1, 5], [3, 0, 2, 2], [3, 4, 0, 6], [3, 0, 2, 1], [3, 4, 0, 1], [4, 2, 0, 2], [4, 0, 0, 2], [4, 3, 0, 6], [4, 3, 1, 6], [4, 2, 1, 1], [4, 0, 0, 3], [4, 1, 3, 0], [4, 1, 3, 0], [4, 4, 0, 1], [4, 2, 1, 6], [4, 4, 0, 3], [4, 1, 0, 3], [4, 4, 0, 1], [4, 2, 0, 6], [4, 4, 0, 6], [5, 0, 0, 3], [5, 4, 1, 1], [5, 4, 1, 3], [5, 0, 1, 4], [5, 4, 0, 5], [5, 0, 0, 1], [5, 2, 2, 6], [5, 0, 0, 3], [5, 2, 0, 3], [5, 2, 1, 6], [5, 4, 0, 1], [5, 2, 0, 3], [5, 2, 1, 1], [5, 2, 1, 4], [5, 2, 0, 6], [5, 2, 1, 6], [5, 2, 2, 4], [5, 3, 1, 6], [5, 2, 1, 2], [5, 2, 1, 1], [5, 2, 4, 4], [5, 2, 1, 4], [5, 2, 1, 6], [5, 3, 1, 1], [5, 2, 2, 6], [6, 4, 4, 3], [6, 0, 0, 1], [6, 2, 2, 1], [6, 2, 1, 4], [6, 3, 1, 3], [6, 2, 2, 3], [6, 0, 1, 2], [7, 4, 0, 3], [7, 2, 0, 6], [7, 3, 2, 5], [7, 2, 0, 2], [7, 4, 1, 5], [7, 3, 2, 4], [7, 1, 2, 0], [7, 3, 0, 6], [7, 4, 2, 3], [7, 4, 0, 3], [7, 4, 0, 1], [7, 3, 0, 6], [7, 2, 0, 3], [8, 0, 0, 2], [8, 2, 1, 6], [8, 2, 0, 1], [8, 3, 0, 1], [8, 4, 1, 5], [8, 3, 0, 3], [8, 0, 2, 1], [8, 3, 1, 6], [8, 3, 1, 5], [8, 4, 1, 1], [9, 2, 1, 4], [9, 0, 2, 1], [9, 2, 0, 2], [9, 1, 0, 0], [9, 1, 0, 3], [9, 1, 0, 0], [9, 3, 2, 5], [9, 1, 1, 6], [9, 1, 0, 5], [9, 1, 0, 6], [9, 1, 2, 0], [9, 1, 1, 0], [9, 1, 4, 6], [9, 1, 2, 2], [9, 1, 1, 6], [9, 3, 0, 4], [9, 2, 1, 1], [9, 1, 2, 6], [9, 3, 0, 3], [9, 1, 0, 6], [9, 4, 3, 1], [10, 2, 0, 6], [10, 0, 0, 4], [10, 4, 3, 1], [10, 3, 1, 4], [10, 0, 0, 3], [10, 3, 1, 3], [10, 4, 0, 3], [10, 4, 0, 1], [10, 1, 0, 0], [10, 1, 1, 5], [10, 3, 0, 3], [10, 3, 0, 1], [10, 1, 0, 6], [10, 4, 2, 1], [10, 2, 1, 6], [10, 4, 1, 5], [11, 3, 0, 2], [11, 4, 1, 1], [11, 0, 0, 2], [11, 4, 0, 1], [11, 4, 1, 1], [11, 3, 0, 1], [11, 4, 0, 1], [11, 0, 0, 4], [12, 2, 2, 2], [12, 2, 1, 1], [12, 2, 2, 6], [12, 3, 1, 2], [12, 0, 0, 6], [12, 4, 1, 5], [12, 0, 1, 6], [12, 0, 1, 4], [13, 3, 0, 5], [13, 3, 0, 5], [13, 3, 2, 1], [13, 3, 2, 1], [13, 3, 2, 4], [13, 3, 2, 2], [13, 3, 1, 4], [13, 3, 0, 2], [13, 4, 0, 1], [13, 3, 3, 5], [13, 3, 0, 1], [13, 3, 3, 3], [13, 3, 1, 4], [13, 3, 1, 1], [13, 3, 0, 6], [13, 3, 2, 3], [13, 3, 2, 1], [13, 3, 0, 1], [13, 3, 1, 6], [13, 3, 0, 1], [13, 3, 2, 6], [13, 3, 1, 6], [13, 2, 0, 6], [13, 3, 2, 1], [13, 3, 0, 1], [13, 3, 2, 1], [13, 3, 0, 2], [13, 3, 1, 3], [13, 3, 2, 3], [13, 1, 2, 5], [13, 3, 3, 5], [13, 3, 2, 6], [14, 3, 0, 4], [14, 4, 2, 6], [14, 2, 2, 4], [14, 3, 2, 1], [14, 3, 2, 1], [14, 3, 1, 3], [14, 3, 1, 4], [14, 3, 0, 2], [14, 3, 2, 3], [14, 0, 0, 6], [14, 3, 1, 2], [14, 0, 2, 1], [14, 3, 2, 3], [14, 2, 0, 4], [14, 3, 0, 1], [14, 2, 0, 4], [15, 3, 2, 1], [15, 4, 1, 5], [15, 4, 0, 1], [15, 0, 0, 3], [15, 4, 0, 6], [15, 3, 0, 1], [15, 4, 4, 1], [15, 2, 1, 2], [15, 2, 1, 2], [15, 0, 2, 2], [15, 2, 1, 6], [15, 4, 0, 6], [16, 4, 0, 1], [16, 1, 1, 5], [16, 4, 0, 1], [16, 0, 3, 3], [16, 0, 0, 3], [16, 4, 3, 3], [16, 4, 1, 5], [16, 4, 2, 3], [16, 4, 0, 1], [16, 4, 3, 5], [16, 4, 0, 5], [16, 4, 1, 6], [16, 4, 4, 5], [16, 4, 2, 3], [16, 4, 1, 5], [16, 4, 1, 1], [16, 4, 2, 6], [16, 4, 3, 3], [16, 4, 4, 3], [16, 4, 0, 3], [16, 1, 0, 2], [16, 4, 3, 1], [16, 4, 0, 5], [16, 4, 1, 3], [16, 4, 0, 3], [16, 4, 0, 5], [16, 4, 0, 6], [17, 4, 0, 3], [17, 3, 0, 4], [17, 4, 1, 3], [17, 4, 0, 3], [17, 4, 1, 5], [17, 4, 1, 1], [17, 4, 0, 1], [17, 4, 2, 6], [17, 3, 1, 6], [17, 4, 2, 1], [17, 4, 3, 1], [17, 3, 1, 3], [17, 3, 2, 4], [17, 0, 1, 1], [17, 2, 1, 3], [18, 1, 0, 5], [18, 0, 1, 4], [18, 1, 2, 0], [18, 4, 1, 1], [18, 4, 2, 5], [18, 2, 0, 2], [19, 0, 0, 1], [19, 0, 2, 1], [19, 3, 0, 1], [19, 2, 0, 2], [19, 1, 0, 5], [20, 3, 1, 1], [20, 3, 0, 4], [20, 3, 2, 4], [20, 3, 0, 6], [20, 3, 4, 1], [20, 3, 0, 6], [20, 3, 0, 2], [20, 3, 1, 3], [20, 3, 1, 1], [20, 3, 2, 4], [20, 3, 1, 4], [20, 3, 0, 4], [20, 3, 4, 1], [20, 1, 1, 2], [20, 3, 1, 3], [21, 0, 1, 6], [21, 4, 2, 1], [21, 4, 1, 5], [21, 1, 0, 6], [21, 4, 1, 5], [21, 3, 0, 6], [21, 0, 1, 1], [21, 3, 0, 2], [22, 4, 0, 5], [22, 3, 0, 3], [22, 0, 3, 4], [22, 0, 2, 1], [22, 3, 0, 6], [22, 0, 2, 3], [22, 0, 0, 6], [22, 0, 4, 3], [22, 0, 2, 1], [22, 3, 0, 1], [22, 0, 1, 1], [22, 0, 0, 2], [22, 0, 2, 4], [22, 4, 0, 1], [22, 0, 1, 3], [22, 0, 2, 1], [22, 4, 0, 6], [22, 1, 0, 0], [22, 0, 1, 1], [22, 0, 0, 2], [22, 0, 0, 4], [22, 0, 3, 1], [22, 2, 0, 1], [22, 0, 0, 1], [22, 0, 0, 3], [22, 0, 2, 1], [22, 2, 1, 4], [23, 0, 1, 1], [23, 0, 1, 3], [23, 0, 1, 3], [23, 4, 1, 1], [23, 0, 0, 1], [23, 4, 3, 3], [23, 3, 0, 1], [23, 1, 0, 6], [23, 0, 1, 6], [23, 0, 0, 1]]};
  /* DATA END */
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];
  const [startYear, startMonth] = DATA.start.split("-").map(Number);
  let uid = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.forEach((c) => { if (c !== null) node.append(c); });  // strings become text nodes
    return node;
  }

  function monthName(offset) {
    const m = startMonth - 1 + offset;
    return MONTHS[m % 12] + " " + (startYear + Math.floor(m / 12));
  }

  function choices(legend, names, hint) {
    const boxes = names.map((name) => {
      const id = "ilomo-overzicht-" + (++uid);
      const box = el("input", { type: "checkbox", id: id });
      box.checked = true;
      return { box, label: el("label", { for: id }, name) };
    });
    const list = el("ul", { class: "ilomo-overzicht-keuzes" },
      ...boxes.map(({ box, label }) => el("li", 0, box, " ", label)));
    const set = el("fieldset", 0, el("legend", 0, legend), hint ? el("p", 0, hint) : null, list);
    return { set, selected: () => boxes.map(({ box }) => box.checked) };
  }

  function build(root) {
    const kinds = choices("Welke soorten signalen tellen mee?", DATA.kinds,
      "Een vraag is iets anders dan een oproep tot actie. Tel je alles mee, of alleen wat op spanning wijst?");
    const sources = choices("Uit welke bronnen tel je signalen?", DATA.sources,
      "De bron kleurt het beeld. Wat zie je als je een bron weglaat?");
    const themes = choices("Welke thema's neem je op in het beeld?", DATA.themes, null);
    const summary = el("p", { "aria-live": "polite", class: "ilomo-overzicht-samenvatting" });
    const table = el("table", { class: "table" });
    root.textContent = "";
    root.append(kinds.set, sources.set, themes.set, el("h4", 0, "Jouw overzicht"), summary, table);

    function update() {
      const k = kinds.selected(), s = sources.selected(), t = themes.selected();
      const per = DATA.themes.map(() => ({ y: [0, 0], months: {} }));
      let counted = 0;
      DATA.rows.forEach(([month, theme, kind, source]) => {
        if (!k[kind] || !s[source] || !t[theme]) return;
        counted += 1;
        per[theme].y[month < 12 ? 0 : 1] += 1;
        per[theme].months[month] = (per[theme].months[month] || 0) + 1;
      });
      const shown = DATA.themes.map((name, i) => ({ name, ...per[i], total: per[i].y[0] + per[i].y[1] }))
        .filter((_, i) => t[i]).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
      const most = Math.max(1, ...shown.map((r) => r.total));
      table.textContent = "";
      table.append(el("caption", 0, "Signalen per thema die je meetelt (verzonnen gegevens, Lindervoort)"),
        el("thead", 0, el("tr", 0, ...["Thema", "2023", "2024", "Totaal", "Drukste maand", "Grafiek"]
          .map((h) => el("th", { scope: "col" }, h)))));
      const body = el("tbody");
      shown.forEach((r) => {
        const busiest = Object.entries(r.months).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        const bar = el("span", { "aria-hidden": "true" });
        bar.style.display = "inline-block";
        bar.style.height = "0.9em";
        bar.style.width = (8 * r.total / most) + "em";
        bar.style.background = "var(--pst-color-primary, #01689b)";
        body.append(el("tr", 0, el("th", { scope: "row" }, r.name), el("td", 0, String(r.y[0])),
          el("td", 0, String(r.y[1])), el("td", 0, String(r.total)),
          el("td", 0, busiest ? monthName(Number(busiest[0])) + " (" + busiest[1] + ")" : "geen"), el("td", 0, bar)));
      });
      table.append(body);
      if (!shown.length) {
        summary.textContent = "Je hebt geen thema gekozen. Kies minstens één thema.";
      } else if (!counted) {
        summary.textContent = "Je telt nu geen enkel signaal. Kies minstens één soort en één bron.";
      } else {
        summary.textContent = "Je telt " + counted + " van de " + DATA.rows.length + " signalen, in " +
          shown.length + (shown.length === 1 ? " thema" : " thema's") + ". De meeste signalen: " +
          shown[0].name + " (" + shown[0].total + ").";
      }
    }
    root.addEventListener("change", update);
    update();
  }

  function start() { document.querySelectorAll(".ilomo-overzicht").forEach(build); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
