/* ILOMO static player, kind "dilemma": the engine (same semantics and transcript as ilomo.kinds.dilemma.play) and
   its drawing: meters, situations, choices in the learner's order, the ending with hidden meters and routes.
   Registers with ilomo.js (loaded first); ilomo-dilemma.js in the site. Plain ES2019. */
(() => {
  "use strict";
  const OPS = { ">=": (a, b) => a >= b, "<=": (a, b) => a <= b, "==": (a, b) => a === b,
    "!=": (a, b) => a !== b, ">": (a, b) => a > b, "<": (a, b) => a < b };
  const holds = (tests, meters) => (tests || []).every(([m, op, v]) => OPS[op](meters[m], v));

  function engine(sc, { order }) {
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

  function view({ sc, e, T, el, html, fmt, newId, H, kop, btn, group, act, feedback, takeaways, live, stage }) {
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

    /* The visible meters above the story; hidden ones appear only at the ending. */
    const meters = sc.meters.filter((m) => !m.hidden).map((def) => {
      const id = newId();
      return { def, text: el("span", { id }), change: el("div", { class: "ilomo-wijziging" }),
        out: el("meter", { min: def.min, max: def.max, "aria-labelledby": id }) };
    });
    const top = meters.length ? [el("div", { class: "ilomo-meters" }, el("p", 0, el("strong", 0, T.METERS)),
      ...meters.map((m) => el("div", { class: "ilomo-meter" }, m.text, m.out, m.change)))] : [];

    function draw() {
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
    return { top, draw };
  }

  window.ILOMO.kind("dilemma", { engine, view });
})();
