"""Parity: ILOMO.engine (JS, reading the compiled contract) against ilomo.scenario (Python) on many operation
sequences and learner seeds; and ILOMO.html keeping every element the one Markdown renderer makes."""

from __future__ import annotations

from typing import Any

import pytest

from ilomo.contract import compile_scenario
from ilomo.markdown import markdown_html
from tests.static.static_helpers import (
    JS_RUNNER,
    KINDS,
    SEED,
    apply,
    chunks,
    load_scenario,
    ops_for,
    restore_ops,
    run_python,
    scenario_paths,
)

pytestmark = pytest.mark.browser
ALL = scenario_paths()


@pytest.fixture(scope="module")
def engine_page(static_browser: Any, site: Any) -> Any:
    """One page with ilomo.js loaded; every batch runs in it via page.evaluate."""
    from tests.static.conftest import Guard, open_context, watch

    guard = Guard()
    context = open_context(static_browser, guard)
    page = watch(context.new_page(), guard)
    page.goto(f"{site.url}/leeg.html")
    page.wait_for_function("() => window.ILOMO && window.ILOMO.engine")
    yield page
    context.close()
    guard.check()


def run_js(page: Any, scenario: Any, seqs: list[Any], seed: int = SEED) -> list[Any]:
    out: list[Any] = []
    for batch in chunks(seqs, 60):
        out += page.evaluate(JS_RUNNER, {"sc": compile_scenario(scenario), "seqs": batch, "seed": seed})
    return out


def _drop_seed(row: dict[str, Any]) -> dict[str, Any]:
    """A v1 state restores with a fresh random seed in both engines: compare everything but the seed."""
    return {**row, "state": {**row["state"], "seed": None}, "order": None}


def compare(scenario: Any, seqs: list[Any], js: list[Any], seed: int = SEED) -> None:
    for ops, got in zip(seqs, js, strict=True):
        want = run_python(scenario, ops, seed)
        fresh = False
        for step, (w, g) in enumerate(zip(want, got, strict=True)):
            op = ops[step]
            if op[0] == "restore" and g["ok"] and isinstance(op[1], dict):
                fresh = op[1].get("v") == 1
            if fresh:
                w, g = _drop_seed(w), _drop_seed(g)
            assert g == w, f"{scenario.id}: differs after step {step} ({ops[step]}) of {ops}"


def test_every_kind_has_a_scenario() -> None:
    kinds = {load_scenario(p).kind for p in ALL}
    assert kinds == set(KINDS)


@pytest.mark.slow
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_transcripts_match_python(engine_page: Any, path: Any) -> None:
    sc = load_scenario(path)
    seqs = ops_for(sc)
    js = run_js(engine_page, sc, seqs)
    compare(sc, seqs, js)


@pytest.mark.parametrize("path", [p for p in ALL if load_scenario(p).kind == "dilemma"], ids=lambda p: p.stem)
def test_every_choice_is_covered(path: Any) -> None:
    """The dilemma sequences take every choice at least once."""
    from ilomo.scenario import start

    sc = load_scenario(path)
    taken: set[tuple[str, int]] = set()
    for ops in ops_for(sc):
        play = start(sc)
        for op in ops:
            play, _ = apply(play, op, sc)
            taken |= {(row["situation"], row["choice"]) for row in play.transcript() if "situation" in row}
    every = {(s.id, i) for s in sc.situations for i in range(len(s.choices))}
    assert taken == every, f"never taken: {sorted(every - taken)}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_restore_matches_python(engine_page: Any, path: Any) -> None:
    sc = load_scenario(path)
    states = [run_python(sc, ops)[-1]["state"] for ops in ops_for(sc)[:40]]
    seqs = restore_ops(sc, states)
    compare(sc, seqs, run_js(engine_page, sc, seqs))


# ---------------------------------------------------------------------------------------------------------
# Markdown parity

SAMPLES = [
    "Een zin.", "Twee\nregels.", "Eerste alinea.\n\nTweede alinea.", "Hallo *wereld* en **vet**.",
    "**Contact**: hoe goed jullie elkaar nog bereiken.", "- een\n- twee\n- drie",
    "Tekst\n- een\n- twee\n\nNa de lijst.",
    "- een\n\n- twee", "- een\nvervolg\n- twee", "Zie [de site](https://example.org/pad?a=1&b=2#x).",
    "[relatief](../map/pagina.html) en [anker](#kop) en [pad](/abs) en [hier](./x)",
    "[**vet** in link](https://example.org)", "*[link in schuin](https://example.org)*",
    "[kwaad](javascript:alert(1)) blijft tekst", "[kwaad](JaVaScRiPt:alert(1))", "[data](data:text/html,x)",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a & b < c > d \" e ' f", "1. genummerd\n2. niet",
    "* ster\n+ plus", "_onderstreept_ en __dubbel__", "# geen kop", "> geen citaat", "`geen code`",
    "2 * 3 * 4 = 24", "**vet met *schuin* erin**", "*schuin met **vet** erin*", "een*woord*midden",
    "Wikipedia [link](https://nl.wikipedia.org/wiki/Rust_(gemoedstoestand))", "[link](https://a.nl/é)",
    "  ingesprongen regel", "regel met spaties aan het eind   \nvolgende", "\n\nbegint met witregels\n\n",
    "'Deze brief neem ik niet aan,' zegt hij.", "Let op: *geen LEAP*: dan ga je in discussie.",
]


def author_texts() -> list[str]:
    """Every Markdown field of every scenario and fixture."""
    fields = {"intro", "text", "feedback", "prompt", "hint", "debrief"}
    out: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in fields and node:
            out.append(node)

    for path in ALL:
        if "vijandig" not in path.stem:
            walk(load_scenario(path).model_dump(mode="json"))
    return out


NORMALIZE = """(pairs) => {
  const norm = (n) => {
    if (n.nodeType === 3) return n.data.replace(/\\s+/g, " ");
    const kids = [];
    for (const c of n.childNodes) {
      const x = norm(c);
      if (typeof x === "string" && typeof kids[kids.length - 1] === "string") kids[kids.length - 1] += x;
      else kids.push(x);
    }
    const block = /^(P|UL|LI|DIV)$/.test(n.tagName);
    const clean = kids.map((k, i) => typeof k !== "string" || !block ? k
      : (i === 0 ? k.replace(/^ /, "") : k)).map((k, i, a) => typeof k !== "string" || !block ? k
      : (i === a.length - 1 ? k.replace(/ $/, "") : k)).filter((k) => k !== "" && !(block && k === " "));
    const attrs = [...n.attributes].map((a) => a.name + "=" + a.value).sort();
    return [n.tagName, attrs, ...clean];
  };
  return pairs.map(([src, py]) => {
    const a = document.createElement("div"), b = document.createElement("div");
    a.append(ILOMO.html(src));
    b.innerHTML = py;
    return [norm(a), norm(b)];
  });
}"""


@pytest.mark.parametrize("corpus", ["samples", "scenarios"])
def test_player_keeps_the_rendered_markdown(engine_page: Any, corpus: str) -> None:
    """The player's inert HTML import (ILOMO.html) drops nothing the Python renderer makes."""
    texts = SAMPLES if corpus == "samples" else author_texts()
    assert texts
    rendered = [markdown_html(t) for t in texts]
    results = engine_page.evaluate(NORMALIZE, [[r, r] for r in rendered])
    for text, (js, py) in zip(texts, results, strict=True):
        assert js == py, f"ILOMO.html changes the rendering of {text!r}"


def test_player_html_drops_what_the_renderer_never_makes(engine_page: Any) -> None:
    got = engine_page.evaluate("""() => {
      const d = document.createElement("div");
      d.append(ILOMO.html('<p onclick="x()">a<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
        + '<a href="javascript:alert(1)" style="color:red">b</a><iframe src="/"></iframe></p>'));
      return {html: d.innerHTML, pwned: window.__pwned === undefined};
    }""")
    assert got == {"html": "<p>a<a>b</a></p>", "pwned": True}


@pytest.mark.parametrize("seed", [0, 1, 2**32 - 1, 2026, 987654321])
def test_shuffled_play_matches_python(engine_page: Any, seed: int) -> None:
    """Every dilemma with several learner seeds: the order shown and the whole play agree."""
    for path in ALL:
        sc = load_scenario(path)
        if sc.kind != "dilemma":
            continue
        seqs = ops_for(sc)[:25]
        compare(sc, seqs, run_js(engine_page, sc, seqs, seed), seed)


def test_js_order_matches_the_shared_vectors(engine_page: Any) -> None:
    """ILOMO.order reproduces tests/scenario/shuffle_vectors.json (made by ilomo.scenario.shuffle) bit for bit,
    and every order is a permutation."""
    import json
    from pathlib import Path

    vectors = json.loads((Path(__file__).parents[1] / "scenario" / "shuffle_vectors.json").read_text())["vectors"]
    got = engine_page.evaluate("(vs) => vs.map((v) => ILOMO.order(v.seed, v.situation, v.n))", vectors)
    assert len(vectors) >= 50
    for vector, order in zip(vectors, got, strict=True):
        assert order == vector["order"], vector
        assert sorted(order) == list(range(vector["n"]))
