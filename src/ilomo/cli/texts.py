"""Small helpers for the Dutch output of the commands."""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many
