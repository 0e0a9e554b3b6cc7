/* ILOMO static players, the shared part: exercises without kernel or server. They consume only the compiled player
   contract (docs/player-contract.md): Markdown fields arrive as safe HTML, conditions as data, texts from the
   catalogue. Each kind's engine and drawing live in its own script, ilomo/kinds/<kind>/player.js (ilomo-<kind>.js in
   the site), loaded after this one on the pages that show that kind; it registers itself with ILOMO.kind().
   Plain ES2019, no framework, no network, no eval; author text only via textContent or contract HTML (parsed inert).
   window.ILOMO = {engine(contract[, seed]), order(seed, key, n), mount(section), onReflection(fn), journal, html, el,
   kind(name, definition), version, FORMAT}.
   Progress: localStorage "ilomo:v1:progress:<id>" = {v, id, kind, path, seed, finished[, answers]}.
   Journal: "ilomo:v1:journal" = {version: 1, entries: {"<id>/<question>": {text, updated, module}}} (ilomo-journal.js). */
(() => {
  "use strict";
  const VERSION = "2.0.0";
  const FORMAT = 1; // the contract format this player reads (ilomo.contract.CONTRACT_FORMAT)
  const STATE = 2; // the progress format it writes (ilomo.scenario engine state "v")
  /* The one text a player must know without a contract: kept equal to ilomo.texts.CONTRACT_UNKNOWN by a test. */
  const UNKNOWN = "Deze oefening kan niet worden getoond: ze is gemaakt voor een andere versie van ILOMO. " +
    "Laad de pagina opnieuw. Helpt dat niet? Meld het dan aan de beheerder van deze site.";

  /* ---- DOM helpers ---- */
  const el = (name, attrs, ...kids) => {
    const n = document.createElement(name);
    for (const k in attrs || {}) if (attrs[k] != null && attrs[k] !== false) n.setAttribute(k, attrs[k]);
    for (const k of kids) if (k != null && k !== false) n.append(k);
    return n;
  };
  let uid = 0;
  const newId = () => "ilomo-u" + ++uid;
  const fmt = (t, v) => String(t).replace(/\{(\w+)\}/g, (m, k) => (k in v ? v[k] : m));

  /* Contract HTML (rendered by ilomo.markdown) -> DOM. Parsed in an inert document; as a second line of defence
     only the elements and attributes that renderer makes survive. */
  const TAGS = /^(P|UL|OL|LI|STRONG|EM|A|BR)$/;
  function clean(node) {
    for (const c of [...node.childNodes]) {
      if (c.nodeType === 3) continue;
      if (c.nodeType !== 1 || !TAGS.test(c.tagName)) { c.replaceWith(/^(SCRIPT|STYLE)$/.test(c.tagName) ? "" : c.textContent || ""); continue; }
      for (const a of [...c.attributes]) {
        if (!(c.tagName === "A" && (a.name === "rel" || (a.name === "href" && /^(https?:|\/|#|\.\.?\/|[^:]*$)/i.test(a.value))))) c.removeAttribute(a.name);
      }
      clean(c);
    }
    return node;
  }
  function html(s) {
    const frag = document.createDocumentFragment();
    if (s) frag.append(...clean(new DOMParser().parseFromString(s, "text/html").body).childNodes);
    return frag;
  }

  /* ---- Choice order per learner (docs/scenario-format.md, "Shuffling"; same as ilomo.scenario.shuffle) ---- */
  function fnv1a(s) {
    let h = 2166136261;
    for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 16777619);
    return h >>> 0;
  }
  function mulberry32(a) {
    return () => {
      a = (a + 0x6D2B79F5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function order(seed, key, n) {
    const rng = mulberry32((fnv1a(key) ^ seed) >>> 0), out = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
    return out;
  }
  const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0];

  /* Non-blank as Python's str.strip() sees it. */
  const filled = (t) => !/^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(t || "");

  /* ---- Kinds: ILOMO.kind(name, {engine(contract, tools), view(ctx), remembersOrder}) from ilomo-<kind>.js ---- */
  const KINDS = {};

  /* The engine for a contract; `seed` (unsigned 32 bit) orders choices per learner (a new one when absent). */
  function engine(sc, seed) {
    if (typeof sc === "string") sc = JSON.parse(sc);
    if (!sc || sc.format !== FORMAT) throw new Error(UNKNOWN);
    const kind = KINDS[sc.kind];
    if (!kind) throw new Error(UNKNOWN);
    const e = kind.engine(sc, TOOLS);
    e.seed = seed == null ? newSeed() : seed >>> 0;
    if (!e.choose) e.choose = (i) => !!e.opts[i] && e.step(e.opts[i].id);
    e.restart = () => e.reset();
    e.back = e.back || (() => {
      const p = e.path.slice(0, -1);
      e.reset();
      p.forEach(e.step);
    });
    e.state = () => ({ v: STATE, id: sc.id, kind: sc.kind, path: e.path.slice(), seed: e.seed });
    const summary = e.summary || (() => ({}));
    e.summary = () => Object.assign({ path: e.path.slice(), meters: {}, leap_steps: [], takeaways: sc.takeaways.map((t) => t.id), ending: null }, summary());
    /* Replays a saved state (v 1: a new seed; v 2: its seed); true when part of it could not be replayed.
       Throws on a foreign state. */
    e.restore = (st) => {
      const seedOk = st && (st.v === 1 || (Number.isInteger(st.seed) && st.seed >= 0 && st.seed <= 0xffffffff));
      if (!st || typeof st !== "object" || (st.v !== 1 && st.v !== STATE) || !seedOk || st.id !== sc.id || st.kind !== sc.kind || !Array.isArray(st.path)) {
        throw new Error("Deze voortgang hoort niet bij deze oefening.");
      }
      e.seed = st.v === STATE ? st.seed : newSeed();
      e.reset();
      for (const step of st.path) if (!e.step(step)) return true;
      return false;
    };
    e.scenario = sc;
    e.reset();
    return e;
  }

  /* ---- Progress in localStorage ---- */
  const keyOf = (id) => "ilomo:v1:progress:" + id;
  function loadProgress(key) {
    let raw;
    try { raw = window.localStorage.getItem(key); } catch (x) { return { blocked: true }; }
    if (raw == null) return {};
    try {
      const st = JSON.parse(raw);
      if (st && typeof st === "object" && (st.v === 1 || st.v === STATE) && Array.isArray(st.path)) return { state: st };
    } catch (x) { /* garbage: keep a copy below */ }
    try { window.localStorage.setItem(key + ":corrupt", raw); return { corrupt: true }; } catch (x) { return { blocked: true }; }
  }

  /* journal() reads (damaged reads as empty, .corrupt); journal(fn) lets fn change the entries and writes,
     keeping a damaged value under "ilomo:v1:journal:corrupt:<time>". Throws when storage is blocked. */
  const JOURNAL = "ilomo:v1:journal";
  function journal(change) {
    const ls = window.localStorage, raw = ls.getItem(JOURNAL);
    let j = null;
    try { j = JSON.parse(raw); } catch (x) { /* damaged */ }
    if (!j || j.version !== 1 || !j.entries || typeof j.entries !== "object" || Array.isArray(j.entries)) j = { version: 1, entries: {}, corrupt: raw != null };
    if (change) {
      if (j.corrupt) ls.setItem(JOURNAL + ":corrupt:" + new Date().toISOString(), raw);
      change(j.entries);
      ls.setItem(JOURNAL, JSON.stringify({ version: 1, entries: j.entries }));
      j.corrupt = false;
    }
    return j;
  }
  /* Debounced journal writes (key -> [timer, write]); all run when the page is left. */
  const pending = new Map();
  const cancel = (k) => { const p = pending.get(k); if (p) clearTimeout(p[0]); pending.delete(k); return p; };
  const flush = (k) => { const p = cancel(k); if (p) p[1](); };
  window.addEventListener("pagehide", () => [...pending.keys()].forEach(flush));

  const reflectionHooks = [];

  /* ---- Players ---- */
  function refuse(root) {
    root.dataset.ilomoMounted = "1";
    const msg = el("p", { class: "ilomo-melding", role: "alert" }, UNKNOWN);
    const text = root.querySelector(".ilomo-tekstversie");
    if (text) text.before(msg); else root.append(msg);
  }

  function mount(root) {
    if (root.dataset.ilomoMounted) return;
    let sc;
    try { sc = JSON.parse(root.querySelector("script.ilomo-data").textContent); } catch (x) { return; }
    if (!sc || sc.format !== FORMAT) { refuse(root); return; }
    const def = KINDS[sc.kind];
    if (!def) { if (kindsComplete) refuse(root); return; } // its script may still come; mountAll tries again
    const key = keyOf(sc.id), T = sc.texts;
    const got = loadProgress(key);
    const saved = got.state && got.state.v === STATE && got.state.id === sc.id ? got.state.seed : undefined;
    let e;
    try { e = engine(sc, Number.isInteger(saved) ? saved : undefined); } catch (x) { refuse(root); return; }
    root.dataset.ilomoMounted = "1";
    const base = +root.dataset.headingBase || 2;
    const H = (n, text, attrs) => el("h" + Math.min(6, base + n), attrs, text);
    const btn = (label, fn, attrs) => {
      const b = el("button", Object.assign({ type: "button" }, attrs), ...[].concat(label));
      b.addEventListener("click", fn);
      return b;
    };
    const group = (label, buttons) => {
      const id = newId();
      return el("div", { class: "ilomo-keuzes" }, el("p", { id, class: "ilomo-vraag" }, label),
        el("div", { role: "group", "aria-labelledby": id }, ...buttons));
    };

    const note = el("p", { class: "ilomo-melding", role: "status" });
    const live = el("div", { class: "ilomo-feedback", "aria-live": "polite" });
    const stage = el("div", { class: "ilomo-stap" });
    const status = el("div", { class: "ilomo-status" });
    let saving = true;
    const say = (text) => { note.textContent = text; };
    const stamp = el("p", { class: "ilomo-opgeslagen", role: "status" });
    const qkey = (q) => sc.id + "/" + q;
    /* One answer into the journal; the status changes (and is announced) at most once a minute. */
    const remember = (q, text) => {
      if (!saving) return;
      try {
        journal((en) => { if (filled(text)) en[qkey(q)] = { text, updated: new Date().toISOString(), module: sc.module }; else delete en[qkey(q)]; });
      } catch (x) { saving = false; say(T.NOT_SAVED_BROWSER); return; }
      const t = fmt(T.SAVED_AT, { time: new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" }) });
      if (stamp.textContent !== t) stamp.textContent = t;
    };

    /* Saves after every step; the event lets other page features (learning track) follow progress. */
    const save = () => {
      const st = Object.assign(e.state(), { finished: e.finished });
      if (view.state) view.state(st);
      if (saving) {
        try { window.localStorage.setItem(key, JSON.stringify(st)); } catch (x) { saving = false; say(T.NOT_SAVED_BROWSER); }
      }
      root.dispatchEvent(new CustomEvent("ilomo:voortgang", { bubbles: true, detail: st }));
    };
    const act = (fn) => {
      fn();
      save();
      const target = draw();
      if (target) target.focus();
    };
    const back = btn(T.BACK, () => act(e.back), { class: "ilomo-terug" });
    const again = btn(T.RESTART_STATIC, () => {
      e.restart();
      stamp.textContent = "";
      try {
        // Progress starts again; the learner keeps the seed (the same order as before).
        if (saving) window.localStorage.setItem(key, JSON.stringify(Object.assign(e.state(), { finished: false })));
        if (view.restart) view.restart(saving);
      } catch (x) { saving = false; say(T.NOT_SAVED_BROWSER); }
      const target = draw();
      live.textContent = "";
      if (target) target.focus();
    }, { class: "ilomo-opnieuw" });

    const feedback = (head, body) => { live.textContent = ""; live.append(el("p", { class: "ilomo-gekozen" }, head), html(body)); };
    const takeaways = () => (sc.takeaways.length ? [H(2, T.TAKEAWAYS), el("ul", { class: "ilomo-takeaways" },
      ...sc.takeaways.map((t) => el("li", 0, el("p", 0, t.text), t.session ? el("p", { class: "ilomo-bron" }, fmt(T.TAKEAWAY_FROM, { session: t.session })) : null)))] : []);
    const kop = (n, text) => H(n, text, { tabindex: "-1", class: "ilomo-kop" });

    /* The kind's view fills `stage` in draw() and returns the element that receives focus after a step. */
    const ctx = { sc, e, T, el, html, fmt, newId, filled, order, H, kop, btn, group, act, feedback, takeaways, save,
      remember, say, live, stage, status, back, stamp, journal, pending, flush, cancel, qkey, reflectionHooks };
    const view = def.view(ctx);
    function draw() {
      stage.textContent = "";
      const target = view.draw();
      back.disabled = !e.path.length;
      return target;
    }

    /* Build: player where the text version was; the text version stays reachable in <details>. */
    const parts = [note, ...(view.top || []), status, live, stage, ...(view.bottom || []), el("div", { class: "ilomo-acties" }, back, again)];
    const player = el("div", { class: "ilomo-speler" }, ...parts);
    const text = root.querySelector(".ilomo-tekstversie");
    const details = el("details", { class: "ilomo-tekst" }, el("summary", 0, T.WHOLE_TEXT));
    if (text) { text.replaceWith(details); details.append(text); root.insertBefore(player, details); } else root.append(player);

    if (got.blocked) { saving = false; say(T.NOT_SAVED_BROWSER); }
    if (got.corrupt) say(T.PROGRESS_DAMAGED);
    if (got.state) {
      let lost = true;
      try { lost = e.restore(got.state); } catch (x) { e.reset(); }
      if (view.restore) view.restore(got.state);
      if (lost) say(T.PROGRESS_PARTLY_LOST);
      else if (e.path.length) say(T.PROGRESS_RESUMED);
    }
    if (view.opened && saving) view.opened();
    if (saving && !got.state && def.remembersOrder !== false) { // keeps this learner's seed: the order survives a reload
      try { window.localStorage.setItem(key, JSON.stringify(Object.assign(e.state(), { finished: false }))); } catch (x) { /* shown on the first step */ }
    }
    draw();
  }

  /* Exercises mount as soon as their kind's script registered (deferred scripts run before DOMContentLoaded, in
     order: this one first). Once the page has loaded, an exercise of a kind nobody registered shows the refusal. */
  let kindsComplete = false;
  const mountAll = () => document.querySelectorAll(".ilomo-oefening").forEach(mount);
  const TOOLS = { order, filled };
  function kind(name, definition) {
    KINDS[name] = definition;
    if (document.readyState !== "loading") mountAll();
  }
  window.addEventListener("beforeprint", () => document.querySelectorAll("details.ilomo-tekst").forEach((d) => { d.open = true; }));
  window.ILOMO = { engine, order, html, el, kind, version: VERSION, FORMAT, mount, journal, onReflection: (fn) => { reflectionHooks.push(fn); } };
  const complete = () => { kindsComplete = true; mountAll(); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  if (document.readyState === "complete") complete(); else window.addEventListener("load", complete);
})();
