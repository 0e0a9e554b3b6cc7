"""Benchmark: validate a generated 1,000-situation dilemma with 2 meters (median of 5 runs).

Run: .venv/bin/python bench/bench_validate.py   (writes bench/results/validate.json; target: under 1 s)

Wall-clock and CPU time are both reported (CPU time is steadier on a busy machine). YAML parsing
dominates: with ruamel.yaml.clib installed the C parser is used automatically and is ~5x faster.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from ilomo.scenario import validate_paths
from ilomo.scenario.graph import analyse
from ilomo.scenario.loader import _FAST, parse_fast
from ilomo.scenario.validate import load

SITUATIONS = 1000
RUNS = 5
RESULTS = Path(__file__).parent / "results" / "validate.json"


def choice(rng: random.Random, i: int, j: int, target: str) -> str:
    effects = f"{{contact: {rng.randint(-1, 1)}, spanning: {rng.randint(-1, 1)}}}"
    lines = [
        f"      - label: Keuze {j + 1} in situatie {i}, in een zin van gewone lengte.",
        f"        next: {target}",
        f"        feedback: Terugkoppeling op keuze {j + 1}. Wat deze keuze met het gesprek doet.",
        f"        effects: {effects}",
        f"        tags: [{rng.choice(['luisteren', 'empathie', 'akkoord', 'partner', 'geen-leap'])}]",
    ]
    if j == 2:
        lines.append(f'        requires: {{contact: ">= {rng.randint(1, 6)}"}}')
    return "\n".join(lines)


def situation(rng: random.Random, i: int) -> str:
    """Forward choices (the first always available), sometimes a step back: loops with a way out."""

    def target(step: int) -> str:
        return f"s{i + step}" if i + step < SITUATIONS else "einde"

    targets = [target(1), target(2)] + ([f"s{max(i - 3, 0)}"] if i % 7 == 3 else [])
    choices = "\n".join(choice(rng, i, j, t) for j, t in enumerate(targets))
    return (
        f"  - id: s{i}\n"
        f"    text: Situatie {i}. Een korte beschrijving van wat er gebeurt en wie er bij is.\n"
        f"    choices:\n{choices}"
    )


def generate(seed: int = 2025) -> str:
    rng = random.Random(seed)
    head = """id: bench
kind: dilemma
title: Een lang gesprek
module: demo
fictief: true
meters:
  - {name: contact, label: Contact, min: 0, max: 10, start: 5, better: higher}
  - {name: spanning, label: Spanning, min: 0, max: 10, start: 5, better: lower}
start: s0
situations:
"""
    endings = """endings:
  - {id: goed, title: Goed, text: Het contact is er., condition: {contact: ">= 7"}}
  - {id: matig, title: Matig, text: Het kan beter., condition: {spanning: "<= 5"}}
  - {id: slecht, title: Slecht, text: Het contact is weg.}
"""
    return head + "\n".join(situation(rng, i) for i in range(SITUATIONS)) + "\n" + endings


def median_seconds(action, runs: int = RUNS, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        start = clock()
        action()
        times.append(clock() - start)
    return round(statistics.median(times), 3)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yml"
        text = generate()
        path.write_text(text, encoding="utf-8")
        problems = validate_paths([path])
        assert not problems, problems[:5]
        sc = load(path)
        result = {
            "situations": SITUATIONS,
            "meters": 2,
            "lines": text.count("\n"),
            "states": analyse(sc).states,
            "runs": RUNS,
            "c_yaml_parser": "CParser" in _FAST.Parser.__name__,
            "validate_paths_s": median_seconds(lambda: validate_paths([path])),
            "validate_paths_cpu_s": median_seconds(lambda: validate_paths([path]), clock=time.process_time),
            "yaml_parse_cpu_s": median_seconds(lambda: parse_fast(text), clock=time.process_time),
            "graph_analysis_cpu_s": median_seconds(lambda: analyse(sc), clock=time.process_time),
            "target_s": 1.0,
        }
    print(
        f"validate_paths, {SITUATIONS} situaties: {result['validate_paths_s']} s "
        f"({result['validate_paths_cpu_s']} s CPU, mediaan van {RUNS})"
    )
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
