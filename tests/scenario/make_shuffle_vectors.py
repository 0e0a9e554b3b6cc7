"""Writes shuffle_vectors.json: (seed, situation id, n) -> order, the contract the JS player is tested against.

Run: PYTHONPATH=src python tests/scenario/make_shuffle_vectors.py (the vectors were also checked against an
independent JS transcription of the algorithm in docs/scenario-format.md with node).
"""

from __future__ import annotations

import json
from pathlib import Path

from ilomo.scenario.shuffle import order

OUT = Path(__file__).parent / "shuffle_vectors.json"
SEEDS = (0, 1, 42, 12345, 2**31 - 1, 2**31, 3_000_000_000, 2**32 - 1, 2166136261, 16777619)
IDS = ("balie", "a", "gesprek-2", "escalatie", "é-situatie", "raadsvergadering")


def vectors() -> list[dict]:
    return [
        {
            "seed": seed,
            "situation": sid,
            "n": 1 + (k * 7 + len(sid)) % 9,
            "order": order(seed, sid, 1 + (k * 7 + len(sid)) % 9),
        }
        for k, (seed, sid) in enumerate((s, i) for s in SEEDS for i in IDS)
    ]


if __name__ == "__main__":
    OUT.write_text(json.dumps({"algorithm": "fnv1a32(utf8(id)) ^ seed -> mulberry32 -> Fisher-Yates (last down)",
                               "vectors": vectors()}, indent=1) + "\n", encoding="utf-8")  # fmt: skip
    print(OUT)
