/* ILOMO static player, kind "reflectie": open questions; answers go to the learner's journal in this browser
   (ILOMO.journal, "ilomo:v1:journal") a moment after typing, and the journal wins on opening (it may come from an
   import). Same semantics and transcript as ilomo.kinds.reflectie.play. Registers with ilomo.js;
   ilomo-reflectie.js in the site. Plain ES2019. */
(() => {
  "use strict";
  function engine(sc, { filled }) {
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

  function view(ctx) {
    const { sc, e, T, el, html, fmt, newId, save, remember, say, stage, status, back, stamp, journal } = ctx;
    const { pending, flush, cancel, qkey, reflectionHooks } = ctx;
    const mine = () => sc.questions.map((q) => qkey(q.id));

    function draw() {
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

    return {
      draw,
      bottom: [stamp],
      state(st) { st.answers = e.answers; },
      /* "Opnieuw": the answers leave the journal too. */
      restart(saving) {
        mine().forEach(cancel);
        if (saving) journal((en) => mine().forEach((k) => delete en[k]));
      },
      restore(st) {
        if (st.answers && typeof st.answers === "object") for (const q in st.answers) e.answer(q, st.answers[q]);
      },
      /* The journal wins: it may come from an import. */
      opened() {
        let j = null, changed = false;
        try { j = journal(); } catch (x) { /* blocked */ }
        if (j && j.corrupt) say(T.JOURNAL_DAMAGED);
        for (const q of sc.questions) {
          const x = j && j.entries[qkey(q.id)];
          if (x && typeof x.text === "string" && x.text !== e.answers[q.id]) changed = e.answer(q.id, x.text);
        }
        if (changed) save();
      },
    };
  }

  window.ILOMO.kind("reflectie", { engine, view, remembersOrder: false });
})();
