/* ILOMO: the book's index in the browser and the helpers the track progress (ilomo-leerlijn.js) and the journal page
   (ilomo-journal.js) share, as window.ILOMO.book. Loaded only on those pages, after ilomo.js and before them; reads
   the index from the JSON block #ilomo-index (ilomo.sphinxext.journal). Boxes drawn with book.draw(fn) redraw when
   progress changes here or in another tab. Plain ES2019, no network, no eval.
   localStorage: "ilomo:v1:journal" and "ilomo:v1:progress:<id>" (ilomo.js), "ilomo:v1:leerlijn" (ilomo-leerlijn.js). */
(() => {
  "use strict";
  const I = window.ILOMO;
  const data = document.getElementById("ilomo-index");
  if (!I || !I.journal || !data) return;
  let index;
  try { index = JSON.parse(data.textContent); } catch (x) { return; }
  const modules = {};
  for (const m of index.modules) modules[m.id] = m;
  const el = I.el;
  let uid = 0;
  const newId = () => "ilomo-j" + ++uid;
  const btn = (label, fn, cls) => {
    const b = el("button", { type: "button", class: "ilomo-knop" + (cls ? " " + cls : "") }, label);
    b.addEventListener("click", fn);
    return b;
  };
  const link = (text, url) => (url ? el("a", { href: url }, text) : text);
  const store = () => window.localStorage;
  const get = (key) => { try { return JSON.parse(store().getItem(key)); } catch (x) { return null; } };
  const filled = (t) => typeof t === "string" && t.trim() !== ""; // ilomo.journal.format.filled (JS_SPACE)
  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);
  const when = (iso) => {
    const d = new Date(iso);
    if (isNaN(d)) return "";
    return d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) + " om " +
      d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
  };
  const today = () => new Date().toISOString().slice(0, 10);
  /* The journal's usable entries (a tampered entry without text is left out); null when storage is blocked. */
  const entries = () => {
    let j;
    try { j = I.journal(); } catch (x) { return null; }
    const out = {};
    for (const k in j.entries) if (j.entries[k] && filled(j.entries[k].text)) out[k] = j.entries[k];
    return out;
  };

  const draws = [];
  const redraw = () => draws.forEach((d) => d());
  window.addEventListener("storage", redraw); // another tab saved progress, an answer or a choice
  document.addEventListener("ilomo:voortgang", () => setTimeout(redraw, 0));
  I.book = { index, modules, el, newId, btn, link, store, get, filled, plural, when, today, entries,
    draw(fn) { draws.push(fn); fn(); } };
})();
