/* ILOMO static player, kind "sortering": place each card in a category, see why, then the overview.
   Same semantics and transcript as ilomo.kinds.sortering.play. Registers with ilomo.js; ilomo-sortering.js in the
   site. Plain ES2019. */
(() => {
  "use strict";
  function engine(sc) {
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

  function view({ sc, e, T, el, html, fmt, kop, btn, group, act, feedback, takeaways, live, stage, status }) {
    function draw() {
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
    return { draw };
  }

  window.ILOMO.kind("sortering", { engine, view });
})();
