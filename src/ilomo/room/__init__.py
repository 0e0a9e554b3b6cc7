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
    ``session``: a ``log.SessionLog``. The views live in ``ilomo/kinds/<kind>/room.py``.

    Before the view renders, the engine is replayed to where the room was in the running session
    (``resume``); after it, the view gets the "Verder waar de zaal was" notice and its phone panels."""
    from ilomo.kinds import kind_of
    from ilomo.room import log, resume
    from ilomo.room.phones.panel import connect

    view_class = kind_of(scenario.kind).room_class()
    session = session if session is not None else log.current()
    steps = resume.replay(play, scenario, session)  # where the room was, before the view renders
    view = view_class(play, scenario, store, session)
    resume.attach(view, session, steps)
    connect(view)
    return view


__all__ = ["build_room", "trainer", "trainer_mode"]
