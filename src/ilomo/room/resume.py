"""Continue where the room was: a new view (a reloaded Voilà page, a restarted kernel, a cell run again)
replays the room's logged route in the engine and shows "Verder waar de zaal was", with a button that
starts a new session instead.

``replay`` runs before the view is built (the view then renders the restored engine state), ``restore``
after it (the stelling's counts), ``banner`` adds the notice. A logged route that no longer fits the
scenario (the author changed it) is not replayed: the view starts at the beginning and a new run.
"""

from __future__ import annotations

import weakref
from datetime import datetime
from typing import Any

import ipywidgets as w

from ilomo.kinds import kind_of
from ilomo.room.log import SessionLog
from ilomo.widgets.markup import esc

# Dutch texts (B1) of the notice.
RESUMED = "Verder waar de zaal was."
RESUMED_STEPS = "De zaal had {n} {steps} gezet. De sessie begon om {time}."
RESUMED_ROUNDS = "De stemmen van de zaal staan er weer. De sessie begon om {time}."
STEP_ONE, STEP_MANY = "stap", "stappen"
START_OVER = "Nieuwe sessie beginnen"
START_OVER_TIP = "Begin opnieuw met een lege sessie. De bewaarde sessie blijft bewaard."

_views: weakref.WeakSet[Any] = weakref.WeakSet()  # the room views of this kernel, for "Nieuwe sessie"


def replay(play: Any, scenario: Any, session: SessionLog) -> int | None:
    """Bring the engine to the room's position in ``session``; the number of steps replayed, None when nothing.

    The room draws one shuffle seed per session and keeps it in the session file, so the choices keep their
    letters after a reload.
    """
    if hasattr(play, "seed"):
        if session.shuffle_seed is None:
            session.shuffle_seed = play.seed  # the engine drew one: the session's from now on
        play.seed = session.shuffle_seed
    entry = session.entry(scenario.id)
    if entry is None:
        return None
    view_class = kind_of(scenario.kind).room_class()
    if view_class.replays_route:
        runs = entry.get("runs") or []
        if not runs:
            return None
        run = runs[-1]
        try:
            fits = all(view_class.replay_step(play, step) for step in run["steps"])
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            fits = False
        if not fits:
            play.restart()
            return None
        session.continuing[scenario.id] = run
        return len(run["steps"])
    if view_class.resumes_rounds(entry):
        return 0
    return None


def restore(view: Any, session: SessionLog) -> None:
    """After the view is built: put back what the engine does not hold (e.g. the stelling's two rounds)."""
    entry = session.entry(view.scenario.id)
    if entry and view.resumes_rounds(entry):
        view.restore_rounds(entry)


def banner(view: Any, session: SessionLog, steps: int) -> w.VBox:
    """The notice at the top of a resumed view, with "Nieuwe sessie beginnen"."""
    started = datetime.fromisoformat(session.data["started"])
    detail = view.resume_detail(steps, f"{started:%H:%M}")
    text = w.HTML(f"<p><strong>{esc(RESUMED)}</strong> {esc(detail)}</p>", layout=w.Layout(width="100%"))
    button = w.Button(description=START_OVER, tooltip=START_OVER_TIP, layout=w.Layout(width="auto", height="auto"))
    button.on_click(lambda _: session.start_over())
    box = w.VBox([text, button], layout=w.Layout(border="2px solid #1f5f99", padding="4px 12px", margin="8px 0"))
    box.add_class("ilomo-resumed")
    return box


def attach(view: Any, session: SessionLog, steps: int | None) -> None:
    """Register the view for "Nieuwe sessie" and, when it continues the room's position, show the notice."""
    restore(view, session)
    notice = banner(view, session, steps) if steps is not None else None
    if notice is not None:
        children = list(view.root.children)
        children.insert(1 if children else 0, notice)  # below the room's style
        view.root.children = tuple(children)
    _views.add(view)
    if not getattr(session, "_views_hooked", False):
        session._views_hooked = True  # type: ignore[attr-defined]
        session.on_start_over(lambda: _start_over_all(session))


def _start_over_all(session: SessionLog) -> None:
    """A new session: every view of this session back to its start, without the notice."""
    for view in list(_views):
        if getattr(view, "session", None) is not session:
            continue
        view.root.children = tuple(c for c in view.root.children if "ilomo-resumed" not in c._dom_classes)
        view._act(view.play.restart)


__all__ = ["attach", "banner", "replay", "restore"]
