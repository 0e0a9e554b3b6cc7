"""The per-learner order of a situation's choices: a pure function of (seed, situation id).

Identical in Python and JavaScript (docs/scenario-format.md, "Shuffling"): FNV-1a 32 of the UTF-8 id,
XOR the seed, seeds mulberry32, whose numbers drive a Fisher-Yates shuffle from the last position down.
Written out here (not `random.Random`) because the JS player must reproduce it bit for bit.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

MASK = 0xFFFFFFFF
FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def new_seed() -> int:
    """A fresh unsigned 32-bit seed (drawn once per learner per scenario)."""
    return secrets.randbits(32)


def is_seed(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MASK


def fnv1a32(text: str) -> int:
    h = FNV_OFFSET
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * FNV_PRIME) & MASK
    return h


def mulberry32(state: int) -> Iterator[float]:
    """JS: a = a + 0x6D2B79F5 | 0; t = imul(a ^ a >>> 15, 1 | a); t = t + imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 2**32 — in unsigned 32-bit arithmetic (the same bits)."""
    a = state & MASK
    while True:
        a = (a + 0x6D2B79F5) & MASK
        t = ((a ^ (a >> 15)) * (1 | a)) & MASK
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & MASK)) & MASK) ^ t
        yield ((t ^ (t >> 14)) & MASK) / 4294967296


def order(seed: int, situation_id: str, n: int) -> list[int]:
    """All original indexes 0..n-1 in the learner's order (filter to the available choices afterwards)."""
    rng = mulberry32(fnv1a32(situation_id) ^ (seed & MASK))
    indexes = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(next(rng) * (i + 1))
        indexes[i], indexes[j] = indexes[j], indexes[i]
    return indexes
