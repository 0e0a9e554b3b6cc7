"""The shared machinery of the live ipywidgets players (pure Python, no custom JavaScript): the view base class,
the choice-button list and small HTML helpers. Each kind's view lives in ``ilomo/kinds/<kind>/widget.py``.

``build(play, scenario, store)`` returns the view for the scenario's kind; ``view.root`` is the widget to
display. Most code should use ``ilomo.play()`` instead, which also provides the static HTML for the book.
"""

from __future__ import annotations

from typing import Any

from ilomo.journal.store import ReflectionStore
from ilomo.widgets.base import PlayerView


def build(play: Any, scenario: Any, store: ReflectionStore) -> PlayerView:
    """The live player view for ``scenario`` (``ilomo.kinds.UnknownKind``, a KeyError, for an unknown kind)."""
    from ilomo.kinds import kind_of

    return kind_of(scenario.kind).widget_class()(play, scenario, store)


__all__ = ["PlayerView", "build"]
