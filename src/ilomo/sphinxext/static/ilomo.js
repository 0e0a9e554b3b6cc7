/* ILOMO static players: exercises without kernel or server. They consume only the compiled player contract
   (docs/player-contract.md): Markdown fields arrive as safe HTML, conditions as data, texts from the catalogue.
   Plain ES2019, no framework, no network, no eval; author text only via textContent or contract HTML (parsed inert).
   window.ILOMO = {engine(contract[, seed]), order(seed, key, n), mount(section), onReflection(fn), journal, version, FORMAT}.
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

  /* ---- Engines: same semantics and transcript as ilomo.scenario ---- */
  const OPS = { ">=": (a, b) => a >= b, "<=": (a, b) => a <= b, "==": (a, b) => a === b,
    "!=": (a, b) => a !== b, ">": (a, b) => a > b, "<": (a, b) => a < b };
  const holds = (tests, meters) => (tests || []).every(([m, op, v]) => OPS[op](meters[m], v));

  function dilemma(sc) {
    const at = {}, meterDef = {};
    for (const x of sc.situations.concat(sc.endings)) at[x.id] = x;
    for (const m of sc.meters) meterDef[m.name] = m;
    const isEnding = (id) => sc.endings.some((x) => x.id === id);
    const target = (branches, meters) => {
      const b = branches.find((x) => holds(x.when, meters)) || branches[branches.length - 1];
      return b.to === "einde" ? (sc.endings.find((x) => holds(x.condition, meters)) || {}).id : b.to;
    };
    const e = {
      reset() {
        Object.assign(e, { situation: sc.start, ending: null, meters: {}, used: new Set(), path: [], log: [], lastFeedback: null });
        for (const m of sc.meters) e.meters[m.name] = m.start;
      },
      get finished() { return e.ending !== null; },
      choices() {
        if (e.ending) return [];
        const s = at[e.situation];
        return s.choices.map((c, i) => [i, c])
          .filter(([i, c]) => holds(c.requires, e.meters) && !(c.once && e.used.has(s.id + "#" + i)));
      },
      /* The available choices in this learner's order (a situation with shuffle: false keeps written order). */
      shown() {
        if (e.ending) return [];
        const s = at[e.situation], ok = new Map(e.choices());
        const idx = s.shuffle ? order(e.seed, s.id, s.choices.length) : s.choices.map((c, i) => i);
        return idx.filter((i) => ok.has(i)).map((i) => [i, ok.get(i)]);
      },
      step(i) {
        if (!e.choices().some((x) => x[0] === i)) return false;
        const s = at[e.situation], c = s.choices[i], meters = Object.assign({}, e.meters);
        for (const k in c.effects) {
          const d = meterDef[k];
          meters[k] = Math.min(d.max, Math.max(d.min, meters[k] + c.effects[k]));
        }
        const next = target(c.next, meters);
        if (next == null) return false;
        e.path.push(i);
        if (c.once) e.used.add(s.id + "#" + i);
        e.meters = meters;
        if (isEnding(next)) { e.ending = next; e.situation = null; } else e.situation = next;
        e.lastFeedback = c.feedback;
        e.log.push({ situation: s.id, choice: i, label: c.label, feedback: c.feedback, meters: Object.assign({}, meters) });
        return true;
      },
      transcript: () => e.log.concat(e.ending ? [{ ending: e.ending }] : []),
      summary() {
        const steps = [];
        for (const x of e.log) for (const t of at[x.situation].choices[x.choice].leap) if (!steps.includes(t)) steps.push(t);
        return { meters: Object.assign({}, e.meters), leap_steps: steps, ending: e.ending };
      },
    };
    e.choose = e.step;
    return e;
  }

  function sortering(sc) {
    const label = (id) => (sc.categories.find((c) => c.id === id) || {}).label;
    const e = {
      opts: sc.categories,
      reset() { Object.assign(e, { path: [], log: [], lastFeedback: null }); },
      get current() { return sc.items[e.path.length] || null; },
      get finished() { return e.path.length >= sc.items.length; },
      get score() { return e.log.filter((x) => x.correct).length; },
      get placements() { return e.log.slice(); },
      choices: () => (e.finished ? [] : sc.categories.map((c, i) => [i, c])),
      place(itemId, cat) {
        const it = e.current;
        if (!it || it.id !== itemId || !label(cat)) return null;
        const correct = it.category === cat;
        e.path.push(cat);
        e.log.push({ item: it.id, placed: cat, correct });
        e.lastFeedback = it.feedback;
        return correct;
      },
      step: (cat) => !!e.current && e.place(e.current.id, cat) !== null,
      transcript: () => e.log.slice(),
      label,
    };
    return e;
  }

  function stelling(sc) {
    const e = {
      opts: sc.options,
      reset() { e.path = []; },
      get chosen() { return e.path.length ? e.path[0] : null; },
      get finished() { return e.path.length > 0; },
      choices: () => (e.finished ? [] : sc.options.map((o, i) => [i, o])),
      step(id) {
        if (e.finished || !sc.options.some((o) => o.id === id)) return false;
        e.path.push(id);
        return true;
      },
      transcript: () => e.path.map((a) => ({ answer: a })),
    };
    e.answer = e.step;
    return e;
  }

  /* Non-blank as Python's str.strip() sees it. */
  const filled = (t) => !/^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(t || "");

  function reflectie(sc) {
    let answers = new Map(); // insertion order = answer order, for back()
    const e = {
      reset() { e.path = []; answers = new Map(); },
      get answers() { return Object.fromEntries(answers); },
      get finished() { return sc.questions.every((q) => filled(answers.get(q.id))); },
      choices: () => [],
      step: () => false,
      answer(id, text) {
        if (!sc.questions.some((q) => q.id === id) || typeof text !== "string") return false;
        answers.delete(id);
        answers.set(id, text);
        return true;
      },
      back() { const keys = [...answers.keys()]; if (keys.length) answers.delete(keys.pop()); },
      transcript: () => sc.questions.map((q) => ({ question: q.id, answered: filled(answers.get(q.id)) })),
    };
    return e;
  }

  /* Knowledge check: answer(question, [option ids]) once per question, in any order; path = [[question, ids]]. */
  function kennisvraag(sc) {
    const q = (id) => sc.questions.find((x) => x.id === id);
    const right = (x) => x.options.filter((o) => o.correct).map((o) => o.id).sort();
    const e = {
      reset() { Object.assign(e, { path: [], log: [] }); },
      get finished() { return e.log.length === sc.questions.length; },
      get score() { return e.log.filter((x) => x.correct).length; },
      get current() { return sc.questions.find((x) => !e.log.some((a) => a.question === x.id)) || null; },
      choices: () => [],
      answer(id, ids) {
        const x = q(id);
        if (!x || e.log.some((a) => a.question === id) || !Array.isArray(ids) || !ids.length) return false;
        const known = new Set(x.options.map((o) => o.id)), picked = [...new Set(ids)];
        if (!picked.every((o) => typeof o === "string" && known.has(o)) || (!x.multiple && picked.length !== 1)) return false;
        const sorted = picked.slice().sort(), want = right(x);
        e.path.push([id, picked]);
        e.log.push({ question: id, answer: picked, correct: sorted.length === want.length && sorted.every((o, i) => o === want[i]) });
        return true;
      },
      step: (s) => Array.isArray(s) && s.length === 2 && typeof s[0] === "string" && e.answer(s[0], s[1]),
      back() { const p = e.path.slice(0, -1); e.reset(); p.forEach(e.step); },
      transcript: () => e.log.slice(),
      summary: () => ({ score: e.score }),
    };
    return e;
  }

  const ENGINES = { dilemma, sortering, stelling, reflectie, kennisvraag };

  /* The engine for a contract; `seed` (unsigned 32 bit) orders choices per learner (a new one when absent). */
  function engine(sc, seed) {
    if (typeof sc === "string") sc = JSON.parse(sc);
    if (!sc || sc.format !== FORMAT) throw new Error(UNKNOWN);
    const make = ENGINES[sc.kind];
    if (!make) throw new Error(UNKNOWN);
    const e = make(sc);
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
    if (!sc || sc.format !== FORMAT || !ENGINES[sc.kind]) { refuse(root); return; }
    const kind = sc.kind, key = keyOf(sc.id), T = sc.texts;
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
      if (kind === "reflectie") st.answers = e.answers;
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
      const mine = kind === "reflectie" ? sc.questions.map((q) => qkey(q.id)) : [];
      mine.forEach(cancel);
      stamp.textContent = "";
      try {
        // Progress starts again; the learner keeps the seed (the same order as before).
        if (saving) window.localStorage.setItem(key, JSON.stringify(Object.assign(e.state(), { finished: false })));
        if (saving && mine.length) journal((en) => mine.forEach((k) => delete en[k]));
      } catch (x) { saving = false; say(T.NOT_SAVED_BROWSER); }
      const target = draw();
      live.textContent = "";
      if (target) target.focus();
    }, { class: "ilomo-opnieuw" });

    const feedback = (head, body) => { live.textContent = ""; live.append(el("p", { class: "ilomo-gekozen" }, head), html(body)); };
    const takeaways = () => (sc.takeaways.length ? [H(2, T.TAKEAWAYS), el("ul", { class: "ilomo-takeaways" },
      ...sc.takeaways.map((t) => el("li", 0, el("p", 0, t.text), t.session ? el("p", { class: "ilomo-bron" }, fmt(T.TAKEAWAY_FROM, { session: t.session })) : null)))] : []);
    const kop = (n, text) => H(n, text, { tabindex: "-1", class: "ilomo-kop" });

    /* Each draw* fills `stage` and returns the heading that receives focus after a step. */
    let meters = [];
    /* "beter"/"slechter" by the meter's `better` direction (no colour-only information). */
    const verdict = (def, from, to) => {
      if (to === from || !def.better) return to === from ? ["", T.SAME] : ["", ""];
      const good = (to > from) === (def.better === "higher");
      return [good ? "ilomo-beter" : "ilomo-slechter", good ? T.BETTER : T.WORSE];
    };
    const change = (def, from, to) => {
      const [cls, word] = verdict(def, from, to);
      const d = to - from;
      return d ? el("small", { class: "ilomo-verschil " + cls }, (d > 0 ? "+" : "−") + Math.abs(d) + (word ? " " + word : "")) : null;
    };
    const meterRows = (defs, from, to) => el("ul", { class: "ilomo-eindmeters" }, ...defs.map((m) => {
      const [cls, word] = verdict(m, from[m.name], to[m.name]);
      return el("li", { class: cls }, fmt(T.METER_CHANGE, { label: m.label, start: from[m.name], value: to[m.name], verdict: word || T.SAME }));
    }));
    const startMeters = () => Object.fromEntries(sc.meters.map((m) => [m.name, m.start]));
    const choiceLabel = (sid, i) => { const s = sc.situations.find((x) => x.id === sid); return s.title + ": " + s.choices[i].label; };

    function drawDilemma() {
      const last = e.log[e.log.length - 1], before = e.log.length > 1 ? e.log[e.log.length - 2].meters : startMeters();
      for (const m of meters) {
        const v = e.meters[m.def.name];
        m.out.value = v;
        m.text.textContent = fmt(T.METER_TEXT, { label: m.def.label, value: v, max: m.def.max });
        m.change.textContent = "";
        const c = last && change(m.def, before[m.def.name], v);
        if (c) m.change.append(c);
      }
      if (last) feedback(fmt(T.YOU_CHOSE, { label: last.label }), last.feedback); else live.textContent = "";
      if (!e.ending) {
        const s = sc.situations.find((x) => x.id === e.situation);
        const head = kop(1, s.title);
        stage.append(head, html(s.text));
        if (s.signals.length) {
          stage.append(el("div", { class: "ilomo-signalen" }, el("p", 0, el("strong", 0, T.SIGNALS)),
            el("ul", 0, ...s.signals.map((x) => el("li", 0, x)))));
        }
        stage.append(group(T.CHOICES, e.shown().map(([i, c]) => btn(c.label, () => act(() => e.choose(i))))));
        return head;
      }
      const end = sc.endings.find((x) => x.id === e.ending), sum = e.summary();
      const head = kop(1, fmt(T.ENDING, { title: end.title }));
      stage.append(head, html(end.text));
      if (end.gained) stage.append(H(2, T.GAINED), html(end.gained));
      if (end.cost) stage.append(H(2, T.COST), html(end.cost));
      const shown = sc.meters.filter((m) => !m.hidden), hidden = sc.meters.filter((m) => m.hidden);
      if (shown.length) stage.append(H(2, T.METERS_END), meterRows(shown, startMeters(), e.meters));
      if (hidden.length) {
        stage.append(el("div", { class: "ilomo-verborgen" }, H(2, T.HIDDEN_METERS), el("p", 0, T.HIDDEN_METERS_NOTE),
          meterRows(hidden, startMeters(), e.meters)));
      }
      const route = sc.advised_route;
      if (route) {
        const mine = e.log.map((x) => choiceLabel(x.situation, x.choice)), adv = route.steps.map((x) => choiceLabel(x.situation, x.choice));
        const same = mine.length === adv.length && mine.every((x, i) => x === adv[i]);
        const rows = [...Array(Math.max(mine.length, adv.length)).keys()].map((i) => el("tr", 0, el("td", 0, mine[i] || ""), el("td", 0, adv[i] || "")));
        stage.append(H(2, T.ROUTES), same ? el("p", 0, T.ROUTE_SAME) : null, el("table", { class: "ilomo-routes" },
          el("thead", 0, el("tr", 0, el("th", { scope: "col" }, T.ROUTE_YOURS), el("th", { scope: "col" }, T.ROUTE_ADVISED))), el("tbody", 0, ...rows)));
        if (sc.advice) stage.append(H(2, T.ADVICE), html(sc.advice));
      }
      if (sc.debrief.length) stage.append(H(2, T.DEBRIEF), el("ul", 0, ...sc.debrief.map((q) => el("li", 0, html(q)))));
      const steps = e.log.map((x) => el("li", 0, choiceLabel(x.situation, x.choice)));
      stage.append(H(2, T.SUMMARY), el("p", 0, steps.length === 1 ? T.STEPS_ONE : fmt(T.STEPS_MANY, { n: steps.length })),
        el("ol", { class: "ilomo-pad" }, ...steps));
      if (sc.leap) stage.append(el("p", 0, sum.leap_steps.length ? fmt(T.LEAP_USED, { steps: sum.leap_steps.join(", ") }) : T.LEAP_NONE));
      stage.append(...takeaways());
      return head;
    }

    function drawSortering() {
      const n = sc.items.length, placed = e.log.length;
      status.textContent = placed ? fmt(T.SORT_SCORE, { score: e.score, placed }) : "";
      const last = e.log[placed - 1];
      if (last) {
        feedback(last.correct ? T.SORT_GOOD : fmt(T.SORT_WRONG, { label: e.label(sc.items[placed - 1].category) }), e.lastFeedback);
      } else live.textContent = "";
      if (!e.finished) {
        const it = e.current;
        const head = kop(1, fmt(T.SORT_PROGRESS, { n: placed + 1, total: n }));
        stage.append(head, el("div", { class: "ilomo-kaart" }, html(it.text)),
          group(T.SORT_QUESTION, e.choices().map(([i, c]) =>
            btn([el("span", { class: "ilomo-label" }, c.label), c.description ? el("span", { class: "ilomo-uitleg" }, c.description) : null],
              () => act(() => e.choose(i))))));
        return head;
      }
      const head = kop(1, fmt(T.SORT_DONE_STATIC, { score: e.score, total: n }));
      stage.append(head, el("ol", { class: "ilomo-overzicht" }, ...e.log.map((x, i) => {
        const it = sc.items[i];
        return el("li", 0, html(it.text), el("p", 0, fmt(T.SORT_YOURS, { label: e.label(x.placed) }) + " " +
          (x.correct ? T.SORT_GOOD : fmt(T.SORT_BELONGS_SHORT, { label: e.label(it.category) }))));
      })));
      stage.append(...takeaways());
      return head;
    }

    function drawStelling() {
      live.textContent = "";
      const head = kop(1, T.STATEMENT);
      stage.append(head, el("p", { class: "ilomo-stelling" }, sc.statement));
      if (!e.finished) {
        stage.append(group(T.STATEMENT_QUESTION, e.choices().map(([i, o]) => btn(o.label, () => act(() => e.choose(i))))));
        return head;
      }
      const opt = sc.options.find((o) => o.id === e.chosen);
      live.append(el("p", { class: "ilomo-gekozen" }, fmt(T.YOUR_ANSWER, { label: opt.label })));
      const more = kop(1, T.PERSPECTIVES);
      stage.append(more, ...sc.perspectives.map((p) => el("div", { class: "ilomo-perspectief" }, H(2, p.title), html(p.text))),
        H(1, T.QUESTIONS), el("ul", 0, ...sc.questions.map((q) => el("li", 0, q))));
      stage.append(...takeaways());
      return more;
    }

    function drawReflectie() {
      back.hidden = true;
      const count = () => {
        const done = e.transcript().filter((x) => x.answered).length;
        status.textContent = e.finished ? T.REFLECTION_DONE : fmt(T.REFLECTION_COUNT, { done, total: sc.questions.length });
      };
      sc.questions.forEach((q, i) => {
        const num = newId(), prompt = newId(), hint = q.hint ? newId() : null;
        const box = el("textarea", { rows: "5", "aria-labelledby": num + " " + prompt, "aria-describedby": hint, placeholder: T.ANSWER_PLACEHOLDER,
          maxlength: "100000" }); // ilomo.inputs.JOURNAL.max_text: longer answers no importer takes back
        box.value = e.answers[q.id] || "";
        box.addEventListener("change", () => flush(qkey(q.id)));
        box.addEventListener("input", () => {
          e.answer(q.id, box.value);
          save();
          cancel(qkey(q.id));
          pending.set(qkey(q.id), [setTimeout(() => flush(qkey(q.id)), 500), () => remember(q.id, box.value)]);
          count();
          for (const fn of reflectionHooks) {
            try { fn({ id: sc.id, question: q.id, text: box.value, answers: Object.assign({}, e.answers) }); } catch (x) { /* hook errors stay out */ }
          }
        });
        stage.append(el("div", { class: "ilomo-reflectie" }, el("p", { id: num, class: "ilomo-vraag" }, fmt(T.QUESTION_LABEL, { n: i + 1 })),
          el("div", { id: prompt }, html(q.prompt)), hint ? el("div", { id: hint, class: "ilomo-tip" }, el("strong", 0, T.HINT + " "), html(q.hint)) : null, box));
      });
      count();
      return stage.querySelector("textarea");
    }

    /* One question at a time: tick, check, then every option's explanation and whether it was right. */
    function explained(x, picked) {
      return el("ul", { class: "ilomo-uitleg-lijst" }, ...e.shownOptions(x).map((o) => el("li", { class: o.correct ? "ilomo-beter" : "ilomo-slechter" },
        el("p", 0, el("strong", 0, (o.correct ? T.CHECK_IS_RIGHT : T.CHECK_IS_WRONG) + ": "), o.label,
          picked.includes(o.id) ? " (" + T.CHECK_YOU_PICKED + ")" : ""), html(o.explanation))));
    }
    function drawKennisvraag() {
      const n = sc.questions.length, last = e.log[e.log.length - 1];
      status.textContent = "";
      live.textContent = "";
      if (last) {
        const x = sc.questions.find((q) => q.id === last.question);
        live.append(el("p", { class: "ilomo-gekozen" }, last.correct ? T.CHECK_RIGHT : T.CHECK_WRONG), explained(x, last.answer));
      }
      const x = e.current;
      if (!x) {
        const head = kop(1, fmt(T.CHECK_SCORE, { score: e.score, total: n }));
        stage.append(head, el("ol", { class: "ilomo-overzicht" }, ...e.log.map((a) => {
          const q = sc.questions.find((y) => y.id === a.question);
          return el("li", 0, html(q.question), el("p", 0, a.correct ? T.CHECK_RIGHT : T.CHECK_WRONG));
        })));
        stage.append(...takeaways());
        return head;
      }
      const head = kop(1, fmt(T.CHECK_PROGRESS, { n: e.log.length + 1, total: n }));
      const name = newId(), legend = newId(), warn = el("p", { class: "ilomo-let-op", role: "alert" });
      const boxes = e.shownOptions(x).map((o) => {
        const id = newId();
        return el("div", { class: "ilomo-optie" }, el("input", { type: x.multiple ? "checkbox" : "radio", name, id, value: o.id }), " ", el("label", { for: id }, o.label));
      });
      const check = btn(T.CHECK_SUBMIT, () => {
        const ids = boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
        if (!ids.length) { warn.textContent = T.CHECK_NOTHING_PICKED; return; }
        act(() => e.answer(x.id, ids));
      }, { class: "ilomo-controleer" });
      const qid = newId(); // the question may be several paragraphs: it labels the group instead of a <legend>
      stage.append(head, el("div", { id: qid, class: "ilomo-vraagtekst" }, html(x.question)),
        el("fieldset", { class: "ilomo-kennisvraag", "aria-labelledby": qid, "aria-describedby": legend },
          el("p", { id: legend }, x.multiple ? T.CHECK_PICK_ALL : T.CHECK_PICK_ONE), ...boxes), warn, check);
      return head;
    }

    const DRAW = { dilemma: drawDilemma, sortering: drawSortering, stelling: drawStelling, reflectie: drawReflectie, kennisvraag: drawKennisvraag };
    if (kind === "kennisvraag") e.shownOptions = (x) => (x.shuffle ? order(e.seed, x.id, x.options.length) : x.options.map((o, i) => i)).map((i) => x.options[i]);
    function draw() {
      stage.textContent = "";
      const target = DRAW[kind]();
      back.disabled = !e.path.length;
      return target;
    }

    /* Build: player where the text version was; the text version stays reachable in <details>. */
    const parts = [note];
    const visible = kind === "dilemma" ? sc.meters.filter((m) => !m.hidden) : [];
    if (visible.length) {
      meters = visible.map((def) => {
        const id = newId();
        return { def, text: el("span", { id }), change: el("div", { class: "ilomo-wijziging" }),
          out: el("meter", { min: def.min, max: def.max, "aria-labelledby": id }) };
      });
      parts.push(el("div", { class: "ilomo-meters" }, el("p", 0, el("strong", 0, T.METERS)),
        ...meters.map((m) => el("div", { class: "ilomo-meter" }, m.text, m.out, m.change))));
    }
    parts.push(status, live, stage, kind === "reflectie" && stamp, el("div", { class: "ilomo-acties" }, back, again));
    const player = el("div", { class: "ilomo-speler" }, ...parts);
    const text = root.querySelector(".ilomo-tekstversie");
    const details = el("details", { class: "ilomo-tekst" }, el("summary", 0, T.WHOLE_TEXT));
    if (text) { text.replaceWith(details); details.append(text); root.insertBefore(player, details); } else root.append(player);

    if (got.blocked) { saving = false; say(T.NOT_SAVED_BROWSER); }
    if (got.corrupt) say(T.PROGRESS_DAMAGED);
    if (got.state) {
      let lost = true;
      try { lost = e.restore(got.state); } catch (x) { e.reset(); }
      if (kind === "reflectie" && got.state.answers && typeof got.state.answers === "object") {
        for (const q in got.state.answers) e.answer(q, got.state.answers[q]);
      }
      if (lost) say(T.PROGRESS_PARTLY_LOST);
      else if (e.path.length) say(T.PROGRESS_RESUMED);
    }
    if (kind === "reflectie" && saving) { // the journal wins: it may come from an import
      let j = null, changed = false;
      try { j = journal(); } catch (x) { /* blocked */ }
      if (j && j.corrupt) say(T.JOURNAL_DAMAGED);
      for (const q of sc.questions) {
        const x = j && j.entries[qkey(q.id)];
        if (x && typeof x.text === "string" && x.text !== e.answers[q.id]) changed = e.answer(q.id, x.text);
      }
      if (changed) save();
    }
    if (saving && !got.state && kind !== "reflectie") { // keeps this learner's seed: the order survives a reload
      try { window.localStorage.setItem(key, JSON.stringify(Object.assign(e.state(), { finished: false }))); } catch (x) { /* shown on the first step */ }
    }
    draw();
  }

  const mountAll = () => document.querySelectorAll(".ilomo-oefening").forEach(mount);
  window.addEventListener("beforeprint", () => document.querySelectorAll("details.ilomo-tekst").forEach((d) => { d.open = true; }));
  window.ILOMO = { engine, order, html, version: VERSION, FORMAT, mount, journal, onReflection: (fn) => { reflectionHooks.push(fn); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll); else mountAll();
})();
