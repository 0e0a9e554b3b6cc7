"""Meter comparisons such as ``">= 3"``: parsing, evaluation and satisfiability within a range."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping

from .model import COMPARISON_PATTERN

OPERATORS: dict[str, Callable[[int, int], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
}
_RE = re.compile(COMPARISON_PATTERN)

Test = tuple[str, Callable[[int, int], bool], int]  # (meter, operator, value)


def parse(comparison: str) -> tuple[str, int]:
    """``">= 3"`` -> ``(">=", 3)``; ValueError when malformed."""
    match = _RE.match(comparison)
    if not match:
        raise ValueError(f"malformed comparison {comparison!r}")
    op = match.group(1)
    return op, int(comparison.strip()[len(op) :])


def compile_conditions(conditions: Mapping[str, str]) -> list[Test]:
    tests = []
    for meter, comparison in conditions.items():
        op, value = parse(comparison)
        tests.append((meter, OPERATORS[op], value))
    return tests


def holds(tests: list[Test], meters: Mapping[str, int]) -> bool:
    """All comparisons hold (an empty list always holds)."""
    return all(op(meters[meter], value) for meter, op, value in tests)


def satisfiable(comparison: str, low: int, high: int) -> bool:
    """Whether some integer in low..high satisfies the comparison."""
    op, value = parse(comparison)
    test = OPERATORS[op]
    candidates = {low, high, value - 1, value, value + 1}
    return any(low <= x <= high and test(x, value) for x in candidates)
