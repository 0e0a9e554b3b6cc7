/* Module 06, "Bouw je eigen overzicht": the learner chooses which signals count (kind, source, theme) and sees the
 * overview of the fictional Lindervoort log change. Kernel-free, loaded only by the module 06 page (a script
 * element in its Markdown). The data between the DATA markers is made from data/signalen-fictief.csv by
 * tests/modules/test_overzicht.py (`python -m tests.modules.test_overzicht` rewrites it); a test checks that
 * they agree. DATA.signals holds four base-36 digits per signal: month since the start, theme, kind, source. All text is set with textContent: nothing is parsed as HTML. */
(function () {
  "use strict";
  /* DATA START */
  const DATA = {"themes": ["Energietransitie", "Internationale conflicten", "Landelijk gebied", "Opvang asielzoekers", "Vertrouwen in de overheid"], "kinds": ["vraag", "zorg", "klacht", "oproep tot actie", "incident"], "sources": ["jongerenwerk", "klantcontactcentrum", "lokale media", "openbare online bron", "raadsvergadering", "sociaal wijkteam", "wijkagent"], "start": "2023-01", "signals": "030100020326012604210405041604211303100110441301102110341401112323232002201120012024200420412024200320032426200120132021202420122011220124232021201421222012200220242016201320032031203622162304221220222031200120062202301130043301301230033014301630233216341530223406302134014202400243064316421140034130413044014216440341034401420644065003541154135014540550015226500352035216540152035211521452065216522453165212521152445214521653115226644360016221621463136223601274037206732572027415732471207306742374037401730672038002821682018301841583038021831683158411921490219202910091039100932591169105910691209110914691229116930492119126930391069431a206a004a431a314a003a313a403a401a100a115a303a301a106a421a216a415b302b411b002b401b411b301b401b004c222c211c226c312c006c415c016c014d305d305d321d321d324d322d314d302d401d335d301d333d314d311d306d323d321d301d316d301d326d316d206d321d301d321d302d313d323d125d335d326e304e426e224e321e321e313e314e302e323e006e312e021e323e204e301e204f321f415f401f003f406f301f441f212f212f022f216f406g401g115g401g033g003g433g415g423g401g435g405g416g445g423g415g411g426g433g443g403g102g431g405g413g403g405g406h403h304h413h403h415h411h401h426h316h421h431h313h324h011h213i105i014i120i411i425i202j001j021j301j202j105k311k304k324k306k341k306k302k313k311k324k314k304k341k112k313l016l421l415l106l415l306l011l302m405m303m034m021m306m023m006m043m021m301m011m002m024m401m013m021m406m100m011m002m004m031m201m001m003m021m214n011n013n013n411n001n433n301n106n016n001"};
  /* DATA END */
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];
  const [startYear, startMonth] = DATA.start.split("-").map(Number);
  const ROWS = DATA.signals.match(/..../g).map((s) => [...s].map((c) => parseInt(c, 36)));
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
      ROWS.forEach(([month, theme, kind, source]) => {
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
        summary.textContent = "Je telt " + counted + " van de " + ROWS.length + " signalen, in " +
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
