/* ILOMO static player, kind "kennisvraag": one question at a time; tick, check, then every option's explanation.
   answer(question, [option ids]) once per question, in any order; path = [[question, ids]]. Same semantics and
   transcript as ilomo.kinds.kennisvraag.play. Registers with ilomo.js; ilomo-kennisvraag.js in the site. ES2019. */
(() => {
  "use strict";
  function engine(sc, { order }) {
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
      /* A question's options in this learner's order (shuffle: false keeps written order). */
      shownOptions: (x) => (x.shuffle ? order(e.seed, x.id, x.options.length) : x.options.map((o, i) => i)).map((i) => x.options[i]),
    };
    return e;
  }

  function view({ sc, e, T, el, html, fmt, newId, kop, btn, act, takeaways, live, stage, status }) {
    function explained(x, picked) {
      return el("ul", { class: "ilomo-uitleg-lijst" }, ...e.shownOptions(x).map((o) => el("li", { class: o.correct ? "ilomo-beter" : "ilomo-slechter" },
        el("p", 0, el("strong", 0, (o.correct ? T.CHECK_IS_RIGHT : T.CHECK_IS_WRONG) + ": "), o.label,
          picked.includes(o.id) ? " (" + T.CHECK_YOU_PICKED + ")" : ""), html(o.explanation))));
    }
    function draw() {
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
    return { draw };
  }

  window.ILOMO.kind("kennisvraag", { engine, view });
})();
