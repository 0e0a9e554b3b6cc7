/* ILOMO static players: exercises without kernel or server (docs/scenario-format.md).
   Plain ES2019, no framework, no network, no eval; author text only via textContent/renderMarkdown.
   window.ILOMO = {engine(scenario), renderMarkdown(text), mount(section), onReflection(fn), version}.
   Progress: localStorage "ilomo:v1:progress:<id>" = {v, id, kind, path, finished[, answers]}.
   Journal: "ilomo:v1:journal" = {version: 1, entries: {"<id>/<question>": {text, updated, module}}} (ilomo-journal.js). */
(() => {
  "use strict";
  const VERSION = "1.0.0";
  const LEAP = ["luisteren", "empathie", "akkoord", "partner"];
  const NOT_SAVED = "Je voortgang wordt niet bewaard in deze browser.";

  /* ---- DOM helpers ---- */
  const el = (name, attrs, ...kids) => {
    const n = document.createElement(name);
    for (const k in attrs || {}) if (attrs[k] != null && attrs[k] !== false) n.setAttribute(k, attrs[k]);
    for (const k of kids) if (k != null && k !== false) n.append(k);
    return n;
  };
  let uid = 0;
  const newId = () => "ilomo-u" + ++uid;

  /* ---- Safe Markdown subset -> DOM (the one renderer) ---- */
  const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
  const ALLOWED = /^(https?:\/\/|\/|#|\.\.?\/)/i;
  const safeHref = (h) => {
    const bare = h.replace(/[\x00-\x20\x7f]/g, "");
    return ALLOWED.test(bare) || !SCHEME.test(bare);
  };
  const encodeHref = (h) => h.replace(/%(?![0-9a-f]{2})|[^\w;/?:@&=+$,\-.!~*'()#%]/giu, encodeURIComponent);
  const INLINE = new RegExp([
    /\[([^[\]]*)\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/.source, // [label](href)
    /\*\*(?=[^\s*])((?:[^*]|\*(?!\*))*?[^\s*])\*\*/.source, // **bold**
    /\*(?=[^\s*])((?:\*\*(?=\S)[^*]*?\S\*\*|[^*])*?[^\s*])\*/.source, // *italic*
  ].join("|"));

  function inline(s) {
    const out = [];
    let m;
    while ((m = INLINE.exec(s))) {
      if (m.index) out.push(s.slice(0, m.index));
      if (m[1] !== undefined) {
        const href = encodeHref(m[2]);
        if (safeHref(href)) out.push(el("a", { href, rel: "noopener" }, ...inline(m[1])));
        else out.push(...inline(m[1]));
      } else if (m[3] !== undefined) out.push(el("strong", 0, ...inline(m[3])));
      else out.push(el("em", 0, ...inline(m[4])));
      s = s.slice(m.index + m[0].length);
    }
    if (s) out.push(s);
    return out;
  }

  /* Blocks: paragraphs split by blank lines; `- ` lines form a list (blank lines between items: loose). */
  function blocks(src) {
    const out = [];
    let cur = null, blank = false;
    for (const line of String(src || "").replace(/\r\n?/g, "\n").split("\n")) {
      if (!line.trim()) { blank = true; continue; }
      const item = /^ {0,3}-[ \t]+(\S.*)$/.exec(line);
      const list = cur && cur.ul;
      if (item) {
        if (!list) out.push((cur = { ul: [], loose: false }));
        else if (blank) cur.loose = true;
        cur.ul.push([[item[1]]]);
      } else if (list && (!blank || /^ {2}/.test(line))) {
        const paras = cur.ul[cur.ul.length - 1];
        if (blank) { cur.loose = true; paras.push([line]); } else paras[paras.length - 1].push(line);
      } else if (cur && cur.p && !blank) cur.p.push(line);
      else out.push((cur = { p: [line] }));
      blank = false;
    }
    return out;
  }

  function renderMarkdown(src) {
    const frag = document.createDocumentFragment();
    const para = (lines) => inline(lines.map((l) => l.trim()).join("\n"));
    for (const b of blocks(src)) {
      if (b.p) frag.append(el("p", 0, ...para(b.p)));
      else frag.append(el("ul", 0, ...b.ul.map((ps) =>
        el("li", 0, ...(b.loose ? ps.map((p) => el("p", 0, ...para(p))) : para(ps[0]))))));
    }
    return frag;
  }

  /* ---- Engines: same semantics and transcript as ilomo.scenario ---- */
  const OPS = { ">=": (a, b) => a >= b, "<=": (a, b) => a <= b, "==": (a, b) => a === b,
    "!=": (a, b) => a !== b, ">": (a, b) => a > b, "<": (a, b) => a < b };
  const holds = (cond, meters) => Object.keys(cond || {}).every((k) => {
    const m = /^\s*(>=|<=|==|!=|>|<)\s*(-?[0-9]+)\s*$/.exec(cond[k]);
    return !!m && OPS[m[1]](meters[k], +m[2]);
  });

  function dilemma(sc) {
    const at = {}, meterDef = {};
    for (const x of sc.situations.concat(sc.endings)) at[x.id] = x;
    for (const m of sc.meters || []) meterDef[m.name] = m;
    const isEnding = (id) => sc.endings.some((x) => x.id === id);
    const e = {
      reset() {
        Object.assign(e, { situation: sc.start, ending: null, meters: {}, used: new Set(), path: [], log: [], lastFeedback: null });
        for (const m of sc.meters || []) e.meters[m.name] = m.start;
      },
      get finished() { return e.ending !== null; },
      choices() {
        if (e.ending) return [];
        const s = at[e.situation];
        return s.choices.map((c, i) => [i, c])
          .filter(([i, c]) => holds(c.requires, e.meters) && !(c.once && e.used.has(s.id + "#" + i)));
      },
      step(i) {
        if (!e.choices().some((x) => x[0] === i)) return false;
        const s = at[e.situation], c = s.choices[i];
        e.path.push(i);
        if (c.once) e.used.add(s.id + "#" + i);
        for (const k in c.effects || {}) {
          const d = meterDef[k];
          e.meters[k] = Math.min(d.max, Math.max(d.min, e.meters[k] + c.effects[k]));
        }
        let next = c.next;
        if (next === "einde") next = (sc.endings.find((x) => holds(x.condition, e.meters)) || {}).id;
        if (isEnding(next)) { e.ending = next; e.situation = null; } else e.situation = next;
        e.lastFeedback = c.feedback;
        e.log.push({ situation: s.id, choice: i, label: c.label, feedback: c.feedback, meters: Object.assign({}, e.meters) });
        return true;
      },
      transcript: () => e.log.concat(e.ending ? [{ ending: e.ending }] : []),
      summary() {
        const steps = [];
        for (const x of e.log) {
          for (const t of at[x.situation].choices[x.choice].tags || []) if (LEAP.includes(t) && !steps.includes(t)) steps.push(t);
        }
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

  const KINDS = { dilemma, sortering, stelling, reflectie };

  function engine(sc) {
    if (typeof sc === "string") sc = JSON.parse(sc);
    const make = KINDS[sc && sc.kind];
    if (!make) throw new Error("Onbekende soort oefening");
    const e = make(sc);
    if (!e.choose) e.choose = (i) => !!e.opts[i] && e.step(e.opts[i].id);
    e.restart = () => e.reset();
    e.back = e.back || (() => {
      const p = e.path.slice(0, -1);
      e.reset();
      p.forEach(e.step);
    });
    e.state = () => ({ v: 1, id: sc.id, kind: sc.kind, path: e.path.slice() });
    const summary = e.summary || (() => ({}));
    e.summary = () => Object.assign({ path: e.path.slice(), meters: {}, leap_steps: [], takeaways: (sc.takeaways || []).slice(), ending: null }, summary());
    /* Replays a saved state; returns true when part of it could not be replayed. Throws on a foreign state. */
    e.restore = (st) => {
      if (!st || typeof st !== "object" || st.v !== 1 || st.id !== sc.id || st.kind !== sc.kind || !Array.isArray(st.path)) {
        throw new Error("Deze voortgang hoort niet bij deze oefening.");
      }
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
      if (st && typeof st === "object" && st.v === 1 && Array.isArray(st.path)) return { state: st };
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
  function mount(root) {
    if (root.dataset.ilomoMounted) return;
    let e;
    try { e = engine(JSON.parse(root.querySelector("script.ilomo-data").textContent)); } catch (x) { return; }
    root.dataset.ilomoMounted = "1";
    const sc = e.scenario, kind = sc.kind, key = keyOf(sc.id);
    const level = +root.dataset.ilomoLevel || 2;
    const H = (n, text, attrs) => el("h" + Math.min(6, level + n), attrs, text);
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
    const md = (text) => renderMarkdown(text);

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
      } catch (x) { saving = false; say(NOT_SAVED); return; }
      const t = "Opgeslagen in deze browser om " + new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
      if (stamp.textContent !== t) stamp.textContent = t;
    };

    /* Saves after every step; the event lets other page features (learning track) follow progress. */
    const save = () => {
      const st = Object.assign(e.state(), { finished: e.finished });
      if (kind === "reflectie") st.answers = e.answers;
      if (saving) {
        try { window.localStorage.setItem(key, JSON.stringify(st)); } catch (x) { saving = false; say(NOT_SAVED); }
      }
      root.dispatchEvent(new CustomEvent("ilomo:voortgang", { bubbles: true, detail: st }));
    };
    const act = (fn) => {
      fn();
      save();
      const target = draw();
      if (target) target.focus();
    };
    const back = btn("Terug", () => act(e.back), { class: "ilomo-terug" });
    const again = btn("Opnieuw beginnen", () => {
      e.restart();
      const mine = kind === "reflectie" ? sc.questions.map((q) => qkey(q.id)) : [];
      mine.forEach(cancel);
      stamp.textContent = "";
      try {
        if (saving) window.localStorage.removeItem(key);
        if (saving && mine.length) journal((en) => mine.forEach((k) => delete en[k]));
      } catch (x) { saving = false; say(NOT_SAVED); }
      const target = draw();
      live.textContent = "";
      if (target) target.focus();
    }, { class: "ilomo-opnieuw" });

    const feedback = (head, text) => { live.textContent = ""; live.append(el("p", { class: "ilomo-gekozen" }, head), md(text)); };
    const takeaways = () => {
      const list = root.querySelector(".ilomo-tekstversie .ilomo-takeaways");
      return list && [H(2, "Wat je meeneemt van de MAST-dag"), list.cloneNode(true)];
    };

    /* Each draw* fills `stage` and returns the heading that receives focus after a step. */
    let meters = [];
    function drawDilemma() {
      for (const m of meters) {
        m.out.value = e.meters[m.def.name];
        m.text.textContent = m.def.label + ": " + e.meters[m.def.name] + " van " + m.def.max;
      }
      const last = e.log[e.log.length - 1];
      if (last) feedback("Je koos: " + last.label, last.feedback); else live.textContent = "";
      if (!e.ending) {
        const s = sc.situations.find((x) => x.id === e.situation);
        const head = H(1, s.title || sc.title, { tabindex: "-1", class: "ilomo-kop" });
        stage.append(head, md(s.text));
        if ((s.signals || []).length) {
          stage.append(el("div", { class: "ilomo-signalen" }, el("p", 0, el("strong", 0, "Wat valt je op?")),
            el("ul", 0, ...s.signals.map((x) => el("li", 0, x)))));
        }
        stage.append(group("Wat doe je?", e.choices().map(([i, c]) => btn(c.label, () => act(() => e.choose(i))))));
        return head;
      }
      const end = sc.endings.find((x) => x.id === e.ending), sum = e.summary();
      const head = H(1, "Einde: " + end.title, { tabindex: "-1", class: "ilomo-kop" });
      stage.append(head, md(end.text));
      if ((sc.debrief || []).length) stage.append(H(2, "Vragen om over na te denken"), el("ul", 0, ...sc.debrief.map((q) => el("li", 0, md(q)))));
      const steps = e.log.map((x) => el("li", 0, (sc.situations.find((s) => s.id === x.situation).title || sc.title) + ": " + x.label));
      stage.append(H(2, "Wat je deed"), el("p", 0, steps.length === 1 ? "Je maakte 1 keuze." : "Je maakte " + steps.length + " keuzes."),
        el("ol", { class: "ilomo-pad" }, ...steps));
      // Only exercises that practise LEAP (a LEAP or geen-leap tag) report the LEAP steps used.
      if (sc.situations.some((s) => s.choices.some((c) => (c.tags || []).some((t) => LEAP.includes(t) || t === "geen-leap"))))
        stage.append(el("p", 0, sum.leap_steps.length ? "LEAP-stappen die je gebruikte: " + sum.leap_steps.join(", ") + "." : "Je gebruikte geen LEAP-stappen."));
      stage.append(...(takeaways() || []));
      return head;
    }

    function drawSortering() {
      const n = sc.items.length, placed = e.log.length;
      status.textContent = placed ? "Score: " + e.score + " van " + placed + " goed." : "";
      const last = e.log[placed - 1];
      if (last) {
        feedback(last.correct ? "Goed." : "Niet goed. Het hoort bij: " + e.label(sc.items[placed - 1].category) + ".", e.lastFeedback);
      } else live.textContent = "";
      if (!e.finished) {
        const it = e.current;
        const head = H(1, "Kaart " + (placed + 1) + " van " + n, { tabindex: "-1", class: "ilomo-kop" });
        stage.append(head, el("div", { class: "ilomo-kaart" }, md(it.text)),
          group("Waar hoort dit bij?", e.choices().map(([i, c]) =>
            btn([el("span", { class: "ilomo-label" }, c.label), c.description ? el("span", { class: "ilomo-uitleg" }, c.description) : null],
              () => act(() => e.choose(i))))));
        return head;
      }
      const head = H(1, "Klaar! Je had " + e.score + " van " + n + " goed.", { tabindex: "-1", class: "ilomo-kop" });
      stage.append(head, el("ol", { class: "ilomo-overzicht" }, ...e.log.map((x, i) => {
        const it = sc.items[i];
        return el("li", 0, md(it.text), el("p", 0, "Jouw antwoord: " + e.label(x.placed) + ". " +
          (x.correct ? "Goed." : "Het hoort bij: " + e.label(it.category) + ".")));
      })));
      stage.append(...(takeaways() || []));
      return head;
    }

    function drawStelling() {
      live.textContent = "";
      const head = H(1, "Stelling", { tabindex: "-1", class: "ilomo-kop" });
      stage.append(head, el("p", { class: "ilomo-stelling" }, sc.statement));
      if (!e.finished) {
        stage.append(group("Wat vind jij?", e.choices().map(([i, o]) => btn(o.label, () => act(() => e.choose(i))))));
        return head;
      }
      const opt = sc.options.find((o) => o.id === e.chosen);
      live.append(el("p", { class: "ilomo-gekozen" }, "Jouw antwoord: " + opt.label + "."));
      const more = H(1, "Andere kijken op de stelling", { tabindex: "-1", class: "ilomo-kop" });
      stage.append(more, ...sc.perspectives.map((p) => el("div", { class: "ilomo-perspectief" }, H(2, p.title), md(p.text))),
        H(1, "Vragen om over te praten"), el("ul", 0, ...sc.questions.map((q) => el("li", 0, q))));
      stage.append(...(takeaways() || []));
      return more;
    }

    function drawReflectie() {
      back.hidden = true;
      const count = () => {
        const done = e.transcript().filter((x) => x.answered).length;
        status.textContent = e.finished ? "Je hebt alle vragen beantwoord." : done + " van " + sc.questions.length + " vragen beantwoord.";
      };
      sc.questions.forEach((q, i) => {
        const num = newId(), prompt = newId(), hint = q.hint ? newId() : null;
        const box = el("textarea", { rows: "5", "aria-labelledby": num + " " + prompt, "aria-describedby": hint, placeholder: "Typ hier je antwoord.",
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
        stage.append(el("div", { class: "ilomo-reflectie" }, el("p", { id: num, class: "ilomo-vraag" }, "Vraag " + (i + 1)),
          el("div", { id: prompt }, md(q.prompt)), hint ? el("div", { id: hint, class: "ilomo-tip" }, el("strong", 0, "Tip: "), md(q.hint)) : null, box));
      });
      count();
      return stage.querySelector("textarea");
    }

    const DRAW = { dilemma: drawDilemma, sortering: drawSortering, stelling: drawStelling, reflectie: drawReflectie };
    function draw() {
      stage.textContent = "";
      const target = DRAW[kind]();
      back.disabled = !e.path.length;
      return target;
    }

    /* Build: player where the text version was; the text version stays reachable in <details>. */
    const parts = [note];
    if (kind === "dilemma" && (sc.meters || []).length) {
      meters = sc.meters.map((def) => {
        const id = newId();
        return { def, text: el("span", { id }), out: el("meter", { min: def.min, max: def.max, "aria-labelledby": id }) };
      });
      parts.push(el("div", { class: "ilomo-meters" }, el("p", 0, el("strong", 0, "Hoe staat het ervoor?")),
        ...meters.map((m) => el("div", { class: "ilomo-meter" }, m.text, m.out))));
    }
    parts.push(status, live, stage, kind === "reflectie" && stamp, el("div", { class: "ilomo-acties" }, back, again));
    const player = el("div", { class: "ilomo-speler" }, ...parts);
    const text = root.querySelector(".ilomo-tekstversie");
    const details = el("details", { class: "ilomo-tekst" }, el("summary", 0, "Toon de hele oefening als tekst"));
    if (text) { text.replaceWith(details); details.append(text); root.insertBefore(player, details); } else root.append(player);

    const got = loadProgress(key);
    if (got.blocked) { saving = false; say(NOT_SAVED); }
    if (got.corrupt) say("Je bewaarde voortgang was beschadigd. Je begint opnieuw.");
    if (got.state) {
      let lost = true;
      try { lost = e.restore(got.state); } catch (x) { e.reset(); }
      if (kind === "reflectie" && got.state.answers && typeof got.state.answers === "object") {
        for (const q in got.state.answers) e.answer(q, got.state.answers[q]);
      }
      if (lost) say("Een deel van je voortgang kon niet worden teruggezet. De oefening is veranderd.");
      else if (e.path.length) say("Je gaat verder waar je was gebleven.");
    }
    if (kind === "reflectie" && saving) { // the journal wins: it may come from an import
      let j = null, changed = false;
      try { j = journal(); } catch (x) { /* blocked */ }
      if (j && j.corrupt) say("Je bewaarde reflecties waren beschadigd. Kijk op de pagina Mijn reflecties.");
      for (const q of sc.questions) {
        const x = j && j.entries[qkey(q.id)];
        if (x && typeof x.text === "string" && x.text !== e.answers[q.id]) changed = e.answer(q.id, x.text);
      }
      if (changed) save();
    }
    draw();
  }

  const mountAll = () => document.querySelectorAll(".ilomo-oefening").forEach(mount);
  window.addEventListener("beforeprint", () => document.querySelectorAll("details.ilomo-tekst").forEach((d) => { d.open = true; }));
  window.ILOMO = { engine, renderMarkdown, version: VERSION, mount, journal, onReflection: (fn) => { reflectionHooks.push(fn); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll); else mountAll();
})();
