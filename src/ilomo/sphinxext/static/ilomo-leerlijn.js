/* ILOMO: learning-track progress: div.ilomo-leerlijn on a track page (choose the track, modules done, what is still
   open) and div.ilomo-mijn-leerlijn on the start page (the chosen track's progress). Loaded only on those pages,
   after ilomo-boek.js (window.ILOMO.book). Plain ES2019, no network, no eval.
   localStorage: "ilomo:v1:leerlijn" = {v, id, chosen}; reads "ilomo:v1:progress:<id>" (ilomo.js). */
(() => {
  "use strict";
  const I = window.ILOMO;
  if (!I || !I.book) return;
  const { index, modules, el, newId, btn, link, store, get, entries } = I.book;
  const PROGRESS = "ilomo:v1:progress:", TRACK = "ilomo:v1:leerlijn";

  /* ---- Learning tracks ---- */
  const done = (id, answers) => {
    const st = get(PROGRESS + id);
    if (st && st.finished === true) return true;
    const r = index.reflecties.find((x) => x.id === id); // answers from an import count too
    return !!r && r.questions.every((q) => !!answers[id + "/" + q.id]);
  };
  const progress = (track) => {
    const answers = entries() || {};
    const mods = track.modules.map((id) => modules[id]).filter(Boolean);
    const ready = mods.filter((m) => m.exercises.length && m.exercises.every((x) => done(x, answers)));
    return { mods, ready, next: mods.find((m) => !ready.includes(m)) };
  };
  const chosen = () => { const c = get(TRACK); return (c && index.tracks.find((t) => t.id === c.id)) || null; };
  const bar = (p, label) => el("progress", { max: p.mods.length, value: p.ready.length, "aria-labelledby": label });
  const counted = (p) => p.ready.length + " van " + p.mods.length + " modules afgerond.";
  // What "afgerond" means, and which exercises of the next module are still open.
  const MEANING = "Een module is afgerond als je elke oefening ervan tot het einde hebt gedaan.";
  const openIn = (m, answers) => m.exercises.filter((x) => !done(x, answers))
    .map((x) => (index.oefeningen && index.oefeningen[x]) || x);
  const nextText = (p) => {
    const meaning = el("p", { class: "ilomo-leerlijn-uitleg" }, MEANING);
    if (!p.next) return el("div", 0, el("p", 0, "Je hebt alle modules van deze leerlijn afgerond."), meaning);
    const open = openIn(p.next, entries() || {});
    return el("div", 0, el("p", 0, "Volgende module: ", link(p.next.label, p.next.url), "."), meaning,
      open.length ? el("p", 0, "Nog open in deze module:") : null,
      open.length ? el("ul", { class: "ilomo-leerlijn-open" }, ...open.map((t) => el("li", 0, t))) : null);
  };

  function trackBox(box) {
    const track = index.tracks.find((t) => t.id === box.dataset.leerlijn);
    box.textContent = "";
    if (!track) { box.append(el("p", 0, "Deze leerlijn is onbekend.")); return () => {}; }
    const state = el("p", { class: "ilomo-leerlijn-keuze", role: "status" });
    const count = el("p", { class: "ilomo-leerlijn-teller", id: newId() });
    const rest = el("div");
    const choose = btn("", () => {
      const mine = chosen();
      try {
        if (mine && mine.id === track.id) store().removeItem(TRACK);
        else store().setItem(TRACK, JSON.stringify({ v: 1, id: track.id, chosen: new Date().toISOString() }));
      } catch (x) { state.textContent = "Je keuze kan niet worden bewaard in deze browser."; return; }
      draw();
    });
    const draw = () => {
      const mine = chosen(), p = progress(track), own = !!mine && mine.id === track.id;
      state.textContent = own ? "Dit is jouw leerlijn." : mine ? "Je volgt nu de leerlijn " + mine.title + "." : "Je hebt nog geen leerlijn gekozen.";
      choose.textContent = own ? "Stop met deze leerlijn" : "Kies deze leerlijn";
      count.textContent = counted(p);
      rest.textContent = "";
      rest.append(bar(p, count.id), nextText(p));
    };
    box.append(state, choose, count, rest);
    return draw;
  }

  function mineBox(box) {
    return () => {
      box.textContent = "";
      const track = chosen();
      if (!track) {
        const pages = index.tracks.filter((t) => t.url);
        box.append(el("p", 0, "Je hebt nog geen leerlijn gekozen."));
        if (pages.length) box.append(el("p", 0, "Kies een leerlijn die bij je werk past:"), el("ul", 0, ...pages.map((t) => el("li", 0, link(t.title, t.url)))));
        return;
      }
      const p = progress(track), id = newId();
      box.append(el("p", { id }, "Jouw leerlijn: ", link(track.title, track.url), ". " + counted(p)), bar(p, id), nextText(p));
    };
  }

  document.querySelectorAll(".ilomo-leerlijn[data-leerlijn]").forEach((b) => I.book.draw(trackBox(b)));
  document.querySelectorAll(".ilomo-mijn-leerlijn").forEach((b) => I.book.draw(mineBox(b)));
})();
