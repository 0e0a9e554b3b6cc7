"""Playing an exercise: what every play shares, and `start` (each kind's play is ``ilomo/kinds/<kind>/play.py``).

The reference semantics are in docs/scenario-format.md ("Play semantics").

Every play is deterministic: its state follows from the scenario and its `path` alone, which is why
`back()` and `restore()` simply replay the path.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from importlib import import_module
from typing import Any, ClassVar, TypeVar

from . import shuffle

STATE_VERSION = 2
RESTORABLE_VERSIONS = (1, 2)  # a v1 state (no seed) restores with a fresh seed
P = TypeVar("P", bound="Play")


class Play(ABC):
    """What every play has: path, back/restart, transcript, state/restore and summary."""

    kind: ClassVar[str]

    def __init__(self, sc: Any, seed: int | None = None) -> None:
        """`seed`: the learner's unsigned 32-bit shuffle seed (drawn when not given; kept by restart/back)."""
        if seed is not None and not shuffle.is_seed(seed):
            raise ValueError(f"a seed is an unsigned 32-bit integer, not {seed!r}")
        self.sc = sc
        self.seed: int = shuffle.new_seed() if seed is None else seed
        self.restart()

    # -- to implement per kind -------------------------------------------------------------------
    @abstractmethod
    def restart(self) -> None: ...

    @property
    @abstractmethod
    def finished(self) -> bool: ...

    @property
    @abstractmethod
    def path(self) -> list[Any]: ...

    @abstractmethod
    def _step(self, step: Any) -> None:
        """Replay one path entry; ValueError when it is not possible (anymore)."""

    @abstractmethod
    def transcript(self) -> list[dict[str, Any]]: ...

    # -- shared ----------------------------------------------------------------------------------
    def back(self) -> None:
        """Undo the last step by replaying the path without it (nothing happens at the start)."""
        path = self.path[:-1]
        self.restart()
        for step in path:
            self._step(step)

    def state(self) -> dict[str, Any]:
        return {"v": STATE_VERSION, "id": self.sc.id, "kind": self.kind, "path": list(self.path), "seed": self.seed}

    @classmethod
    def restore(cls: type[P], sc: Any, state: dict[str, Any]) -> tuple[P, bool]:
        """(play, lost): replays the saved path; stops at the first step that is no longer possible.

        A v2 state keeps its seed (the same choice order); a v1 state gets a fresh one."""
        if not isinstance(state, dict) or state.get("v") not in RESTORABLE_VERSIONS:
            raise ValueError(f"unsupported saved state: {state!r}")
        seed = state.get("seed") if state["v"] >= 2 else None
        if state["v"] >= 2 and not shuffle.is_seed(seed):
            raise ValueError(f"saved state has no valid seed: {seed!r}")
        if state.get("id") != sc.id or state.get("kind") != cls.kind or sc.kind != cls.kind:
            raise ValueError(f"saved state of {state.get('kind')} {state.get('id')!r}, not {cls.kind} {sc.id!r}")
        path = state.get("path")
        if not isinstance(path, list):
            raise ValueError("saved state has no path list")
        play = cls(sc, seed=seed)
        for step in path:
            try:
                play._step(step)
            except (ValueError, RuntimeError):
                return play, True
        return play, False

    def summary(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "meters": {},
            "leap_steps": [],
            "takeaways": list(self.sc.takeaways),
            "ending": None,
        }


def start(sc: Any, seed: int | None = None) -> Play:
    """A fresh play of the scenario: its kind's Play (from the registry); `seed`: the learner's shuffle seed."""
    from ilomo.kinds import kind_of

    return kind_of(sc.kind).play_class()(sc, seed)


def __getattr__(name: str) -> Any:
    """The kinds' plays stay importable from here (``from ilomo.scenario.engine import DilemmaPlay``)."""
    from ilomo.kinds import KINDS

    for kind in KINDS.values():
        found = getattr(import_module(kind.play.partition(":")[0]), name, None)
        if found is not None:
            return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
