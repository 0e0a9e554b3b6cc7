"""Trainer mode: the live players played by the room, the session log, its summary and ``ilomo present``.

``build_room(play, scenario, store)`` returns the room view for the scenario's kind (like
``ilomo.widgets.build``). Most code uses ``ilomo.play(id, trainer=True)`` or ``ilomo.trainer()`` instead.
Only ``mode`` is imported here, so ``import ilomo`` stays light.
"""

from __future__ import annotations

from typing import Any

from ilomo.room.mode import trainer, trainer_mode


def build_room(play: Any, scenario: Any, store: Any, session: Any = None) -> Any:
    """The room view for ``scenario`` (``KeyError`` for an unknown kind); ``session``: a ``log.SessionLog``."""
    from ilomo.room import log, resume
    from ilomo.room.dilemma import RoomDilemmaView
    from ilomo.room.reflectie import RoomReflectionView
    from ilomo.room.sortering import RoomSortView
    from ilomo.room.stelling import RoomStellingView

    views = {
        "dilemma": RoomDilemmaView,
        "sortering": RoomSortView,
        "stelling": RoomStellingView,
        "reflectie": RoomReflectionView,
    }
    view_class = views[scenario.kind]
    session = session if session is not None else log.current()
    steps = resume.replay(play, scenario, session)  # where the room was, before the view renders
    view = view_class(play, scenario, store, session)
    resume.attach(view, session, steps)
    from ilomo.room.phones.panel import connect

    connect(view)
    return view


__all__ = ["build_room", "trainer", "trainer_mode"]
