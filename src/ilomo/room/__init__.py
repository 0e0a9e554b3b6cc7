"""Trainer mode: the live players played by the room, the session log, its summary and ``ilomo present``.

``build_room(play, scenario, store)`` returns the room view for the scenario's kind (like
``ilomo.widgets.build``); the views are in ``ilomo/kinds/<kind>/room.py``, their shared base in
``room/base.py``. Most code uses ``ilomo.play(id, trainer=True)`` or ``ilomo.trainer()`` instead.
Only ``mode`` is imported here, so ``import ilomo`` stays light.
"""

from __future__ import annotations

from typing import Any

from ilomo.room.mode import trainer, trainer_mode


def build_room(play: Any, scenario: Any, store: Any, session: Any = None) -> Any:
    """The room view for ``scenario`` (``ilomo.kinds.UnknownKind``, a KeyError, for an unknown kind);
    ``session``: a ``log.SessionLog``. The views live in ``ilomo/kinds/<kind>/room.py``."""
    from ilomo.kinds import kind_of

    return kind_of(scenario.kind).room_class()(play, scenario, store, session)


__all__ = ["build_room", "trainer", "trainer_mode"]
