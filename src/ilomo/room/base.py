"""What every room view adds to a kind's live view: large type, no icons, and the session log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ilomo.journal.store import ReflectionStore
from ilomo.room import log
from ilomo.room.style import ROOM_STYLE
from ilomo.widgets.base import html


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


__all__ = ["RoomMixin"]
