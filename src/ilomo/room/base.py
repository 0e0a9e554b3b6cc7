"""What every room view adds to a kind's live view: large type, no icons, and the session log."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ilomo.journal.store import ReflectionStore
from ilomo.room import log
from ilomo.room.screen import Screen
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
    scenario: Any
    replays_route: ClassVar[bool] = False
    """After a reload the engine replays the room's last logged route (``replay_step``), see ``room.resume``."""

    def __init__(self, play: Any, scenario: Any, store: ReflectionStore, session: log.SessionLog | None = None):
        self.session = session if session is not None else log.current()
        self.screen = Screen()  # the stage for the room and the trainer's panel (``show`` in each render)
        if hasattr(play, "seed") and not getattr(play, "path", None):
            play.seed = session_seed(self.session)  # the room's order: one seed per session
        super().__init__(play, scenario, store)  # type: ignore[call-arg]  # the PlayerView after us in the MRO
        # Terug/Opnieuw move into the trainer's panel (each render puts ``self.nav`` there).
        self.root.children = (html(ROOM_STYLE), *(c for c in self.root.children if c is not self.nav))
        self.root.add_class("ilomo-room")
        self.root.layout.max_width = "none"  # the whole projector width, not the left 60 %
        self.back_button.icon = self.restart_button.icon = ""

    def show(self, stage: list[Any], controls: list[Any]) -> None:
        """Put the step on the projector: ``stage`` for the room, ``controls`` (and Terug/Opnieuw) for the trainer."""
        self.screen.show(stage, [*controls, *([self.nav] if self.has_nav else [])])  # type: ignore[attr-defined]
        self.body.children = (self.screen.box,)  # type: ignore[attr-defined]

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

    # Continuing a session (``room.resume``): each kind says what of the room's position it brings back.

    @staticmethod
    def replay_step(play: Any, step: dict[str, Any]) -> bool:
        """Take one logged step of the route in the engine; False when it no longer fits. Only kinds that set
        ``replays_route`` are asked; a kind without a route has nothing to take, so nothing fits."""
        return False

    @classmethod
    def resumes_rounds(cls, entry: dict[str, Any]) -> bool:
        """Whether the logged ``entry`` holds rounds of votes that ``restore_rounds`` puts back."""
        return False

    def restore_rounds(self, entry: dict[str, Any]) -> None:
        """After the view is built: put back what the engine does not hold."""

    def resume_detail(self, steps: int, time: str) -> str:
        """The notice's second sentence: how far the room was."""
        from ilomo.room.resume import RESUMED_STEPS, STEP_MANY, STEP_ONE

        return RESUMED_STEPS.format(n=steps, steps=STEP_ONE if steps == 1 else STEP_MANY, time=time)

    # Phones (``room.phones.panel.connect``).

    def phone_question(self) -> str:
        """The question the phones show for the step on screen."""
        return self.scenario.title

    def phone_tallies(self, key: Callable[..., Callable[[], str]]) -> list[tuple[Any, Callable[[], str]]]:
        """The view's vote tallies, each with the key of the step it counts; ``key(*parts)`` builds a key from
        parts (callables are called each time)."""
        return [(getattr(self, "tally", None), key(lambda: len(self.play.transcript())))]


__all__ = ["RoomMixin", "session_seed"]
