"""Trainer mode: on for the rest of the session with ``ilomo.trainer()``, or from the environment.

``ilomo present`` starts Voilà with ``ILOMO_TRAINER=1``, so the module notebook itself needs no change.
This module imports nothing heavy: ``import ilomo`` stays light.
"""

from __future__ import annotations

import os

ENV = "ILOMO_TRAINER"
_ON_WORDS = frozenset({"1", "true", "yes", "ja", "on", "aan"})
_switched: bool | None = None  # set by trainer(); None: follow the environment


def trainer(on: bool = True) -> None:
    """Switch trainer mode on (or off) for every later ``ilomo.play()`` in this kernel.

    In trainer mode a player is played by the room: the trainer enters the votes per choice,
    the split is shown, and the session log keeps the counts (never names).
    """
    global _switched
    _switched = bool(on)


def trainer_mode() -> bool:
    """True when ``trainer()`` switched it on, or (when it was never called) when ``ILOMO_TRAINER`` is set."""
    if _switched is not None:
        return _switched
    return os.environ.get(ENV, "").strip().lower() in _ON_WORDS


def reset() -> None:
    """Forget ``trainer()`` calls: follow the environment again (for tests)."""
    global _switched
    _switched = None


__all__ = ["ENV", "reset", "trainer", "trainer_mode"]
