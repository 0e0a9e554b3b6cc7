"""Live ipywidgets players, one module per scenario kind (pure Python, no custom JavaScript).

``build(play, scenario, store)`` returns the view for the scenario's kind; ``view.root`` is the widget to
display. Most code should use ``ilomo.play()`` instead, which also provides the static HTML for the book.
"""

from __future__ import annotations

from typing import Any

from ilomo.journal.store import ReflectionStore
from ilomo.widgets.base import PlayerView
from ilomo.widgets.dilemma import DilemmaView
from ilomo.widgets.reflectie import ReflectionView
from ilomo.widgets.sortering import SortView
from ilomo.widgets.stelling import StellingView

VIEWS: dict[str, type[PlayerView]] = {
    "dilemma": DilemmaView,
    "sortering": SortView,
    "stelling": StellingView,
    "reflectie": ReflectionView,
}


def build(play: Any, scenario: Any, store: ReflectionStore) -> PlayerView:
    """The live player view for ``scenario`` (``KeyError`` for an unknown kind)."""
    return VIEWS[scenario.kind](play, scenario, store)


__all__ = ["VIEWS", "DilemmaView", "PlayerView", "ReflectionView", "SortView", "StellingView", "build"]
