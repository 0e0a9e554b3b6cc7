"""``ilomo.play()``: show a scenario as a live player in Jupyter or Voilà, and as static HTML in the book.

``ilomo/__init__.py`` re-exports the function ``play`` (``ilomo.play``); this module is ``ilomo.player``.
Heavy imports (ipywidgets, the engine) happen inside functions so ``import ilomo`` stays light.
Reflection answers go to the learner's journal file by default (``ilomo.journal.FileJournal``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ilomo.journal.store import MemoryStore, ReflectionStore

if TYPE_CHECKING:
    import ipywidgets

    from ilomo.widgets.base import PlayerView


class Player:
    """A scenario with its engine play and live widget.

    ``.scenario`` the loaded scenario, ``.play`` the engine play (``ilomo.scenario.start``), ``.view`` the
    kind's view object (named sub-widgets, for tests), ``.widget`` the root widget, ``.store`` the store.
    """

    def __init__(self, scenario: Any, play: Any, view: PlayerView, store: ReflectionStore) -> None:
        self.scenario = scenario
        self.play = play
        self.view = view
        self.store = store

    @property
    def widget(self) -> ipywidgets.VBox:
        return self.view.root

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """One bundle: the widget view for live Jupyter/Voilà and ``text/html`` for the static book."""
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = self.scenario.title
        bundle["text/html"] = static_html(self.scenario)
        return bundle

    def __repr__(self) -> str:
        return f"<Player {self.scenario.kind} {self.scenario.id!r}>"


def static_html(scenario: Any) -> str:
    """The static player's HTML for ``scenario`` (``ilomo.static.exercise_html``)."""
    from ilomo.static import exercise_html

    return exercise_html(scenario)


def _load(scenario_id_or_path: str | os.PathLike[str]) -> Any:
    from ilomo import scenario as engine

    text = os.fspath(scenario_id_or_path)
    is_path = text.endswith((".yml", ".yaml")) or "/" in text or os.sep in text
    if isinstance(scenario_id_or_path, os.PathLike) or is_path:
        return engine.load(Path(text))
    return engine.find(text)


def play(
    scenario_id_or_path: str | os.PathLike[str],
    *,
    store: ReflectionStore | None = None,
    trainer: bool | None = None,
    seed: int | None = None,
) -> Player:
    """Load a scenario and return a ``Player`` that shows the live player for its kind.

    ``scenario_id_or_path``: a scenario id (looked up with ``ilomo.scenario.find``) or a path to a ``.yml``.
    ``store``: where reflection answers go. Default for a ``reflectie``: the learner's journal file
    (``ilomo.journal.FileJournal``: ``~/.ilomo/journal.json`` or ``$ILOMO_JOURNAL``; the same shape as the site's
    backup, see ``ilomo journal``). Pass ``store=MemoryStore()`` to keep answers only while the kernel runs.
    Other kinds, the room and a book build (``ILOMO_GEEN_JOURNAL``) use a ``MemoryStore``.
    ``trainer``: play it with the room (``ilomo.room``); default: on after ``ilomo.trainer()`` or with
    ``ILOMO_TRAINER=1`` in the environment.

    ``seed``: the learner's shuffle seed (an unsigned 32-bit integer; default: a fresh one). The order of the
    choices follows from it; ``player.play.state()`` keeps it, so a restored play shows the same order. The
    room uses one seed per session instead.

    In a notebook, make ``play(...)`` the last expression of a cell to show it.
    """
    from ilomo import scenario as engine
    from ilomo.journal import default_store
    from ilomo.room import build_room, trainer_mode
    from ilomo.widgets import build

    scenario = _load(scenario_id_or_path)
    room = trainer_mode() if trainer is None else trainer
    store = store if store is not None else (MemoryStore() if room else default_store(scenario.kind))
    engine_play = engine.start(scenario, seed)
    view = (build_room if room else build)(engine_play, scenario, store)
    return Player(scenario, engine_play, view, store)


__all__ = ["Player", "play", "static_html"]
