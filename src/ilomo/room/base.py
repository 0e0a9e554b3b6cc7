"""What every room view adds to a kind's live view: large type, no icons, and the session log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ilomo.journal.store import ReflectionStore
from ilomo.room import log
from ilomo.room.style import ROOM_STYLE
from ilomo.scenario.shuffle import new_seed
from ilomo.widgets.base import html


def session_seed(session: Any) -> int:
    """The session's shuffle seed: drawn once per session (kept on the session object), so every view of the
    session letters a situation's choices in the same order."""
    if getattr(session, "shuffle_seed", None) is None:
        session.shuffle_seed = new_seed()
    return session.shuffle_seed


class RoomMixin:
    """Mix in before a ``PlayerView`` subclass: ``class RoomDilemmaView(RoomMixin, DilemmaView)``.

    Icons are dropped because they come from a Font Awesome CDN stylesheet that ``ilomo present`` leaves out.
    """

    root: Any
    play: Any
    back_button: Any
    restart_button: Any

    def __init__(self, play: Any, scenario: Any, store: ReflectionStore, session: log.SessionLog | None = None):
        self.session = session if session is not None else log.current()
        if hasattr(play, "seed") and not getattr(play, "path", None):
            play.seed = session_seed(self.session)  # the room's order: one seed per session
        super().__init__(play, scenario, store)  # type: ignore[call-arg]  # the PlayerView after us in the MRO
        self.root.children = (html(ROOM_STYLE), *self.root.children)
        self.root.add_class("ilomo-room")
        self.root.layout.max_width = "72rem"
        self.back_button.icon = self.restart_button.icon = ""

    def _act(self, action: Callable[[], object]) -> None:
        """Keep the log in step with the engine: ``Terug`` undoes a step, ``Opnieuw`` starts a new run."""
        if action == self.play.restart:
            self.restarted()
        elif action == self.play.back:
            self.went_back()
        super()._act(action)  # type: ignore[misc]

    def restarted(self) -> None:
        """Called before the engine restarts."""

    def went_back(self) -> None:
        """Called before the engine goes one step back."""


__all__ = ["RoomMixin", "session_seed"]
