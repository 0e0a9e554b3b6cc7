/* ILOMO: the page "Mijn reflecties" (div.ilomo-dagboek): the learner's answers, Markdown and backup files, import
   with conflicts, wiping. Loaded only on that page, after ilomo.js and ilomo-boek.js (window.ILOMO.book: the
   book's index and shared helpers). Plain ES2019, no network, no eval; all text via textContent or ILOMO.html.
   localStorage: "ilomo:v1:journal" (ilomo.js). Backup JSON = {version: 1, exported, entries}, the same shape as the
   live notebooks' journal file. */
(() => {
  "use strict";
  const I = window.ILOMO;
  if (!I || !I.book) return;
  const { index, modules, el, newId, btn, link, store, filled, plural, when, today, entries } = I.book;
  const CORRUPT = "ilomo:v1:journal:corrupt:";
  const SEP = "\n\n--- Andere versie ---\n\n"; // "Bewaar allebei" (ilomo.journal.BOTH_SEPARATOR)
  const ID = /^[a-z0-9][a-z0-9-]*$/;

  /* ---- Journal: grouping, Markdown, backup files ---- */
  function grouped(answers) {
    const order = index.modules.map((m) => m.id), shown = new Set(), groups = new Map();
    for (const sc of index.reflecties) {
      const qs = [];
      sc.questions.forEach((q, i) => { const k = sc.id + "/" + q.id; if (answers[k]) { qs.push([i + 1, q, k]); shown.add(k); } });
      if (!qs.length) continue;
      if (!groups.has(sc.module)) groups.set(sc.module, []);
      groups.get(sc.module).push({ sc, qs });
    }
    const rank = (m) => (order.includes(m) ? order.indexOf(m) : order.length);
    const list = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
      .map((m) => ({ module: modules[m] || { label: m || "Zonder module" }, items: groups.get(m) }));
    return { list, rest: Object.keys(answers).filter((k) => !shown.has(k)).sort() };
  }
  const quote = (text) => text.replace(/^\n+|\n+$/g, "").split("\n").map((l) => ("> " + l).trimEnd()).join("\n");
  const oneLine = (text) => text.split(/\s+/).filter(Boolean).join(" ");

  function markdown(answers) {
    const out = ["# Mijn reflecties", "", "Gemaakt op " + when(new Date().toISOString()) + ", uit ILOMO.", ""];
    const dated = (x) => (x.updated && when(x.updated) ? ["*Bewaard op " + when(x.updated) + ".*", ""] : []);
    const g = grouped(answers);
    if (!Object.keys(answers).length) out.push("Er zijn nog geen antwoorden.", "");
    for (const { module, items } of g.list) {
      out.push("## " + module.label, "");
      for (const { sc, qs } of items) {
        out.push("### " + sc.title, "");
        for (const [n, q, k] of qs) out.push("**Vraag " + n + ".** " + oneLine(q.prompt), "", quote(answers[k].text), "", ...dated(answers[k]));
      }
    }
    if (g.rest.length) {
      out.push("## Andere antwoorden", "", "Bij deze antwoorden vond ILOMO de vraag niet meer.", "");
      for (const k of g.rest) out.push("**" + k + "**", "", quote(answers[k].text), "", ...dated(answers[k]));
    }
    return out.join("\n");
  }

  function backup(answers) {
    const sorted = {};
    for (const k of Object.keys(answers).sort()) sorted[k] = { text: answers[k].text, updated: answers[k].updated || "", module: answers[k].module || "" };
    return JSON.stringify({ version: 1, exported: new Date().toISOString(), entries: sorted }, null, 2) + "\n";
  }

  /* ---- Reading a backup: the input policy of ilomo.inputs.JOURNAL (index.limits is made from the same Python
     numbers) and the shape of ilomo.journal.format.parse_journal: the same checks in the same order with the same
     messages as `ilomo journal import`. tests/hostile/journal/ holds both importers to that. ---- */
  const LIMITS = index.limits;
  const refusal = (text) => Object.assign(new Error(text), { refused: true });
  const dutchNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sizeText = (n) => { // ilomo.inputs.size_text
    if (n < 1000) return n + " bytes";
    const unit = n >= 1e6 ? 1e6 : 1000, tenths = Math.floor((n * 10 + unit / 2) / unit);
    return Math.floor(tenths / 10) + "," + (tenths % 10) + (unit === 1e6 ? " MB" : " kB");
  };
  const tooBig = (size) => "het bestand is te groot voor een " + LIMITS.what + ": hoogstens " + sizeText(LIMITS.maxBytes) +
    (size == null ? "" : " (dit bestand: " + sizeText(size) + ")");
  function decodeBytes(bytes) { // ilomo.inputs.decode
    if (bytes.length > LIMITS.maxBytes) throw refusal(tooBig());
    if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) throw refusal("het bestand is UTF-16; sla het op als UTF-8");
    if (bytes.includes(0)) throw refusal("het bestand is geen tekstbestand");
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (x) {
      throw refusal("het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8");
    }
  }
  /* ilomo.inputs.json_guard.scan: outside strings, nesting, Infinity/NaN and over-long numbers, before parsing. */
  function scanJson(text) {
    let depth = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text[i];
      if (c === '"') { for (i++; i < n && text[i] !== '"'; i++) if (text[i] === "\\") i++; }
      else if (c === "[" || c === "{") { if (++depth > LIMITS.maxDepth) throw refusal("te diep genest: meer dan " + LIMITS.maxDepth + " niveaus"); }
      else if (c === "]" || c === "}") depth--;
      else if (c === "-" || (c >= "0" && c <= "9")) {
        let j = i, digits = 0;
        for (; j < n && "-+0123456789.eE".includes(text[j]); j++) if (text[j] >= "0" && text[j] <= "9") digits++;
        if (digits > LIMITS.maxDigits) throw refusal("een getal is te lang (" + dutchNumber(digits) + " cijfers)");
        i = j - 1;
      } else if (text.startsWith("Infinity", i) || text.startsWith("NaN", i)) {
        throw refusal("'" + (c === "I" ? "Infinity" : "NaN") + "' is geen geldig getal in dit bestand");
      }
    }
  }
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  /* ilomo.inputs.json_guard._clean: lone surrogates replaced by U+FFFD (counted), over-long texts refused. */
  function cleanJson(data) {
    let replaced = 0;
    const text = (t) => {
      const clean = t.replace(LONE, () => { replaced++; return "\uFFFD"; });
      if (clean.length > LIMITS.maxText) throw refusal("een tekst is te lang: " + dutchNumber(clean.length) + " tekens, hoogstens " + dutchNumber(LIMITS.maxText));
      return clean;
    };
    const walk = (x) => Array.isArray(x) ? x.map(walk) : x && typeof x === "object" ? Object.fromEntries(Object.keys(x).map((k) => [text(k), walk(x[k])]))
      : typeof x === "string" ? text(x) : x;
    return { data: walk(data), replaced };
  }
  const replacedNote = (n) => (n ? (n === 1 ? "1 ongeldig teken is" : n + " ongeldige tekens zijn") + " vervangen door \uFFFD." : "");

  /* A backup's {entries, replaced}, or an Error with a plain Dutch reason (.refused). */
  function parseBackup(bytes) {
    const text = decodeBytes(bytes);
    scanJson(text);
    let d;
    // A number written with a point or exponent stays apart, so "version": 1.0 is no version 1 (as in Python).
    const literal = (k, v, ctx) => (typeof v === "number" && ctx && /[.eE]/.test(ctx.source) ? { number: ctx.source } : v);
    try { d = JSON.parse(text, literal); } catch (x) { throw refusal("geen geldige JSON"); }
    const cleaned = cleanJson(d);
    d = cleaned.data;
    if (!d || typeof d !== "object" || Array.isArray(d) || !("version" in d) || !("entries" in d)) throw refusal("Dit is geen ILOMO-reflectiebestand: 'version' en 'entries' ontbreken.");
    if (d.version !== 1) throw refusal("Deze versie van het bestand ken ik niet. Ik ken alleen versie 1.");
    if ("exported" in d && d.exported !== null && typeof d.exported !== "string") throw refusal("In dit bestand is 'exported' geen tekst.");
    if (!d.entries || typeof d.entries !== "object" || Array.isArray(d.entries)) throw refusal("In dit bestand is 'entries' geen lijst van antwoorden.");
    const out = {};
    for (const k of Object.keys(d.entries)) {
      const x = d.entries[k], [sc, q, more] = k.split("/"), shown = JSON.stringify(k).slice(1, -1); // on one line, as Python

      if (more !== undefined || !ID.test(sc || "") || !ID.test(q || "")) throw refusal("Het antwoord '" + shown + "' heeft geen geldige naam (oefening/vraag).");
      if (!x || typeof x !== "object" || Array.isArray(x) || typeof x.text !== "string") throw refusal("Het antwoord '" + shown + "' heeft geen tekst.");
      for (const f of ["updated", "module"]) if (f in x && typeof x[f] !== "string") throw refusal("Bij het antwoord '" + shown + "' is '" + f + "' geen tekst.");
      if (filled(x.text)) out[k] = { text: x.text, updated: x.updated || "", module: x.module || "" };
    }
    return { entries: out, replaced: cleaned.replaced };
  }
  const sentence = (t) => { t = t.trim(); return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : "."); };
  const full = (x) => x && (x.name === "QuotaExceededError" || x.code === 22);
  const NO_ROOM = "De opslag van ILOMO in deze browser is vol. Er is niets veranderd. Wis oude gegevens (Alles wissen) " +
    "of zet een kleinere back-up terug.";
  const same = (mine, theirs) => mine === theirs || mine.split(SEP).includes(theirs);

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 2000);
  }

  /* ---- The page "Mijn reflecties" ---- */
  function journalPage(root) {
    root.textContent = "";
    const say = el("div", { class: "ilomo-bericht", role: "status" });
    const message = (text) => { say.textContent = ""; say.append(el("p", 0, text)); };
    const warning = el("div", { class: "ilomo-waarschuwing" });
    const conflictArea = el("div");
    const listArea = el("div");
    const ids = [newId(), newId()];

    if (entries() === null) {
      root.append(el("p", { class: "ilomo-waarschuwing" }, "Deze browser bewaart niets voor ILOMO. " +
        "Misschien staat opslaan uit in je browserinstellingen. Daarom staan hier geen reflecties."));
      return () => {};
    }
    try { if (I.journal().corrupt) I.journal(() => {}); } catch (x) { /* blocked: shown above */ }

    const fileId = newId();
    const file = el("input", { type: "file", id: fileId, accept: ".json,application/json" });
    const confirmId = newId();
    const confirm = el("div", { class: "ilomo-bevestig", role: "group", "aria-labelledby": confirmId, hidden: "" });
    const wipe = btn("Alles wissen", () => { confirm.hidden = false; confirm.querySelector("p").focus(); }, "ilomo-gevaar");
    confirm.append(
      el("p", { id: confirmId, tabindex: "-1" }, "Weet je het zeker? Je wist al je antwoorden, je voortgang bij de oefeningen " +
        "en je gekozen leerlijn in deze browser. Dit kun je niet ongedaan maken."),
      el("div", { class: "ilomo-knoppen" },
        btn("Ja, wis alles", () => {
          try {
            const s = store(), keys = [];
            for (let i = 0; i < s.length; i++) if (s.key(i).startsWith("ilomo:")) keys.push(s.key(i));
            keys.forEach((k) => s.removeItem(k));
            message("Alles is gewist. Er staat niets meer van ILOMO in deze browser.");
          } catch (x) { message("Wissen lukte niet. Wis de gegevens via de instellingen van je browser."); }
          confirm.hidden = true;
          conflictArea.textContent = "";
          render();
          wipe.focus();
        }, "ilomo-gevaar"),
        btn("Nee, niet wissen", () => { confirm.hidden = true; wipe.focus(); })));

    root.append(
      el("h2", { id: ids[0] }, "Bewaren, meenemen en wissen"),
      el("p", 0, "Download je antwoorden als tekstbestand. Dat kun je lezen, printen of bewaren."),
      btn("Download als tekst (Markdown)", () => {
        download("mijn-reflecties-" + today() + ".md", "text/markdown;charset=utf-8", markdown(entries() || {}));
        message("Je antwoorden zijn gedownload als tekstbestand.");
      }),
      el("p", 0, "Een back-up is een bestand waarmee je je antwoorden terugzet. Ook op een andere computer, of in een notebook."),
      btn("Download een back-up (JSON)", () => {
        download("ilomo-reflecties-" + today() + ".json", "application/json", backup(entries() || {}));
        message("De back-up is gedownload.");
      }),
      el("p", 0, el("label", { for: fileId }, "Zet een back-up terug (een JSON-bestand):"), " ", file),
      el("p", 0, "Alles wissen haalt al je antwoorden en je voortgang uit deze browser. " +
        "Werk je op een gedeelde of geleende computer? Wis dan alles als je klaar bent. Anders kan de volgende gebruiker van deze browser je antwoorden lezen."),
      wipe, confirm, say, warning, conflictArea,
      el("h2", { id: ids[1] }, "Je antwoorden"), listArea);

    function showWarning() {
      warning.textContent = "";
      let s, keys = [];
      try { s = store(); for (let i = 0; i < s.length; i++) if (s.key(i).startsWith(CORRUPT)) keys.push(s.key(i)); } catch (x) { return; }
      if (!keys.length) return;
      warning.append(
        el("p", 0, "Een deel van je bewaarde reflecties was beschadigd. ILOMO heeft het niet weggegooid, maar apart bewaard. " +
          "Je kunt het downloaden, bijvoorbeeld om het te laten nakijken."),
        el("div", { class: "ilomo-knoppen" },
          btn("Download de beschadigde gegevens", () => download("ilomo-beschadigd-" + today() + ".txt", "text/plain;charset=utf-8",
            keys.map((k) => s.getItem(k)).join("\n\n"))),
          btn("Verwijder de beschadigde gegevens", () => { keys.forEach((k) => s.removeItem(k)); showWarning(); message("De beschadigde gegevens zijn verwijderd."); })));
    }

    function answerBlock(n, q, x) {
      return el("div", { class: "ilomo-antwoord" },
        el("p", { class: "ilomo-vraag" }, n ? "Vraag " + n : q), n ? el("div", 0, I.html(q.prompt_html)) : null,
        el("p", { class: "ilomo-tekst" }, x.text),
        when(x.updated) ? el("p", { class: "ilomo-datum" }, "Bewaard op " + when(x.updated) + ".") : null);
    }

    function render() {
      listArea.textContent = "";
      showWarning();
      const answers = entries() || {};
      const n = Object.keys(answers).length;
      if (!n) {
        listArea.append(el("p", 0, "Je hebt nog geen reflecties geschreven. Je vindt de reflectievragen bij elke module, onder Oefeningen."));
        return;
      }
      listArea.append(el("p", 0, "Je hebt " + plural(n, "vraag", "vragen") + " beantwoord."));
      const g = grouped(answers);
      for (const { module, items } of g.list) {
        listArea.append(el("h3", 0, link(module.label, module.url)));
        for (const { sc, qs } of items) {
          listArea.append(el("h4", 0, sc.title), ...qs.map(([i, q, k]) => answerBlock(i, q, answers[k])));
        }
      }
      if (g.rest.length) {
        listArea.append(el("h3", 0, "Andere antwoorden"), el("p", 0, "Bij deze antwoorden vond ILOMO de vraag niet meer."),
          ...g.rest.map((k) => answerBlock(0, k, answers[k])));
      }
    }

    /* Import: new answers are added at once; a question answered differently waits for the learner's choice. */
    function conflicts(list, theirs) {
      const headId = newId();
      const head = el("h2", { id: headId, tabindex: "-1" }, "Kies per vraag");
      const fields = list.map(([k, mine, other], i) => {
        const [scId, qId] = k.split("/"), sc = index.reflecties.find((x) => x.id === scId);
        const q = sc && sc.questions.find((x) => x.id === qId);
        const where = sc ? (modules[sc.module] || { label: sc.module }).label + ", " + sc.title : k;
        const radio = (value, label, checked) => {
          const id = newId();
          return el("div", { class: "ilomo-keus" }, el("input", { type: "radio", name: "ilomo-keus-" + i, value, id, checked: checked && "" }),
            " ", el("label", { for: id }, label));
        };
        const version = (title, x) => el("div", { class: "ilomo-versie" }, el("p", { class: "ilomo-vraag" }, title +
          (when(x.updated) ? " (bewaard op " + when(x.updated) + ")" : "") + ":"), el("p", { class: "ilomo-tekst" }, x.text));
        return el("fieldset", { class: "ilomo-conflict" }, el("legend", 0, where),
          q ? el("div", 0, I.html(q.prompt_html)) : null,
          version("In deze browser", mine), version("In het bestand", other),
          radio("mijn", "Houd de versie uit deze browser", true), radio("bestand", "Neem de versie uit het bestand"),
          radio("allebei", "Bewaar allebei, onder elkaar"));
      });
      const box = el("section", { class: "ilomo-verschillen", "aria-labelledby": headId }, head,
        el("p", 0, "Deze vragen heb je in deze browser anders beantwoord dan in het bestand. " +
          "Kies per vraag wat je wilt bewaren. Er verandert niets tot je op 'Bewaar mijn keuzes' drukt."),
        ...fields,
        el("div", { class: "ilomo-knoppen" },
          btn("Bewaar mijn keuzes", () => {
            let changed = 0;
            const tooLong = [];
            try {
              I.journal((en) => list.forEach(([k], i) => {
                const pick = box.querySelector("input[name='ilomo-keus-" + i + "']:checked").value, cur = en[k];
                if (pick === "bestand") { en[k] = theirs[k]; changed++; }
                if (pick === "allebei") {
                  const both = cur && filled(cur.text) ? cur.text + SEP + theirs[k].text : theirs[k].text;
                  if (both.length > LIMITS.maxText) { tooLong.push(k); return; } // the importers would refuse it later
                  en[k] = cur && filled(cur.text) ? { text: both, updated: new Date().toISOString(), module: cur.module || theirs[k].module } : theirs[k];
                  changed++;
                }
              }));
            } catch (x) { message(full(x) ? NO_ROOM : "Bewaren lukte niet. Deze browser bewaart niets voor ILOMO."); return; }
            conflictArea.textContent = "";
            message("Je keuzes zijn bewaard. " + plural(changed, "antwoord is", "antwoorden zijn") + " aangepast." +
              (tooLong.length ? " Bij " + tooLong.join(", ") + " passen beide versies samen niet in één antwoord (hoogstens " +
                dutchNumber(LIMITS.maxText) + " tekens). Daar staat nog je eigen versie." : ""));
            render();
            file.focus();
          }),
          btn("Niets veranderen", () => { conflictArea.textContent = ""; message("Er is niets veranderd aan je antwoorden in deze browser."); file.focus(); })));
      conflictArea.textContent = "";
      conflictArea.append(box);
      head.focus();
    }

    file.addEventListener("change", () => {
      const f = file.files && file.files[0];
      if (!f) return;
      const refuse = (why) => message("Dit bestand kan ILOMO niet gebruiken. " + sentence(why) + " Kies een back-up die je op deze pagina hebt gedownload. Er is niets veranderd.");
      if (f.size > LIMITS.maxBytes) { file.value = ""; refuse(tooBig(f.size)); return; } // not read at all
      const reader = new FileReader();
      reader.onload = () => {
        file.value = "";
        let backupFile;
        try { backupFile = parseBackup(new Uint8Array(reader.result)); } catch (x) {
          if (!x.refused) throw x;
          refuse(x.message);
          return;
        }
        const theirs = backupFile.entries, added = [], equal = [], differ = [];
        try {
          I.journal((en) => {
            for (const k of Object.keys(theirs).sort()) {
              const cur = en[k];
              if (!cur || !filled(cur.text)) { en[k] = theirs[k]; added.push(k); } else if (same(cur.text, theirs[k].text)) equal.push(k);
              else differ.push([k, cur, theirs[k]]);
            }
          });
        } catch (x) { message(full(x) ? NO_ROOM : "Terugzetten lukte niet. Deze browser bewaart niets voor ILOMO."); return; }
        render();
        let text = plural(added.length, "antwoord", "antwoorden") + " toegevoegd. " + plural(equal.length, "antwoord was", "antwoorden waren") + " al hetzelfde.";
        if (backupFile.replaced) text += " " + replacedNote(backupFile.replaced);
        if (differ.length) text += " Bij " + plural(differ.length, "vraag", "vragen") + " is er een verschil. Kies hieronder wat je wilt bewaren.";
        message("De back-up is gelezen. " + text);
        if (differ.length) conflicts(differ, theirs);
      };
      reader.onerror = () => { file.value = ""; message("Het bestand kon niet worden gelezen. Er is niets veranderd."); };
      reader.readAsArrayBuffer(f);
    });

    return render;
  }

  document.querySelectorAll(".ilomo-dagboek").forEach((b) => I.book.draw(journalPage(b)));
})();
