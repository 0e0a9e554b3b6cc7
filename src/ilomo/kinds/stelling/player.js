/* ILOMO static player, kind "stelling": take a position, then read other perspectives and questions.
   Same semantics and transcript as ilomo.kinds.stelling.play. Registers with ilomo.js; ilomo-stelling.js in the
   site. Plain ES2019. */
(() => {
  "use strict";
  function engine(sc) {
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

  function view({ sc, e, T, el, html, fmt, H, kop, btn, group, act, takeaways, live, stage }) {
    function draw() {
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
    return { draw };
  }

  window.ILOMO.kind("stelling", { engine, view });
})();
