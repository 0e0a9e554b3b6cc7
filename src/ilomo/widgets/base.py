"""Shared pieces of the live players: the view base class, the choice-button list and navigation."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import ipywidgets as w

from ilomo import texts
from ilomo.contract import compile_scenario
from ilomo.journal.store import ReflectionStore
from ilomo.widgets.markup import bullets, esc, heading

K = TypeVar("K")

# ipywidgets' own CSS gives every button `white-space: nowrap`, and no Layout or ButtonStyle trait can undo
# that, so `Layout(width="auto", height="auto")` alone cuts long labels off with "…". It also sets a 28px
# line-height on HTML widgets, which makes wrapped paragraphs hard to read. These two scoped rules (an inline
# <style> in an HTML widget: no files, no JS; works in JupyterLab and Voilà) fix both.
PLAYER_STYLE = (
    "<style>.ilomo-player .ilomo-choice{white-space:normal;text-align:left;"
    "line-height:1.4;padding-top:6px;padding-bottom:6px;}"
    ".ilomo-player .jupyter-widget-html-content,.ilomo-player .widget-html-content{line-height:1.5;}</style>"
)


def html(value: str = "") -> w.HTML:
    """An HTML widget. Callers pass HTML built with ``md``/``esc`` only, never raw author text."""
    return w.HTML(value=value, layout=w.Layout(width="100%"))


def choice_button(label: str, tooltip: str | None = None) -> w.Button:
    """A button whose (long) label wraps; ``tooltip`` gives hover text and an accessible description."""
    button = w.Button(
        description=label,
        tooltip=tooltip or label,
        layout=w.Layout(width="auto", height="auto", max_width="100%", margin="2px 0"),
    )
    button.add_class("ilomo-choice")
    return button


class ButtonList(Generic[K]):
    """A column of buttons, one per option; buttons are reused between steps (fewer widgets, steady focus)."""

    def __init__(self, on_pick: Callable[[K], None], tooltip: Callable[[str], str] | None = None) -> None:
        self.box = w.VBox(layout=w.Layout(width="100%", align_items="flex-start"))
        self._on_pick = on_pick
        self._tooltip = tooltip or (lambda label: label)
        self._pool: list[w.Button] = []
        self._keys: list[K] = []

    @property
    def buttons(self) -> list[w.Button]:
        """The buttons shown now, in order."""
        return self._pool[: len(self._keys)]

    def show(self, options: Sequence[tuple[K, str]]) -> None:
        while len(self._pool) < len(options):
            button = choice_button("")
            button.on_click(self._clicked)
            self._pool.append(button)
        for button, (_, label) in zip(self._pool, options, strict=False):
            button.description = label
            button.tooltip = self._tooltip(label)
        self._keys = [key for key, _ in options]
        self.box.children = tuple(self.buttons)

    def _clicked(self, button: w.Button) -> None:
        index = self._pool.index(button)
        if index < len(self._keys):  # a button no longer shown does nothing
            self._on_pick(self._keys[index])


class PlayerView(ABC):
    """Base of every live player: heading, notice, intro, a body per kind, Terug/Opnieuw, sources.

    Subclasses build their widgets in ``build()`` and update them in ``render()`` from the engine state and
    the compiled contract (``self.contract``, ``ilomo.contract``: author Markdown already as safe HTML); the
    widgets never keep game state of their own.
    """

    has_nav = True

    def __init__(self, play: Any, scenario: Any, store: ReflectionStore) -> None:
        self.play = play
        self.scenario = scenario
        self.store = store
        self.contract = compile_scenario(scenario)
        self.title = html(heading(2, scenario.title))
        self.notice = html(f"<p><strong>{esc(texts.FICTIEF)}</strong></p>")
        self.intro = html(self.contract["intro"])
        self.body = w.VBox(layout=w.Layout(width="100%"))
        self.back_button = w.Button(description=texts.BACK, tooltip=texts.BACK_TIP, icon="arrow-left")
        self.restart_button = w.Button(description=texts.RESTART, tooltip=texts.RESTART_TIP, icon="refresh")
        self.back_button.on_click(lambda _: self._act(self.play.back))
        self.restart_button.on_click(lambda _: self._act(self.play.restart))
        self.nav = w.HBox([self.back_button, self.restart_button], layout=w.Layout(margin="12px 0 0 0"))
        self.sources = html(self._sources_html())
        head: list[w.Widget] = [html(PLAYER_STYLE), self.title]
        if self.contract["fictief"]:
            head.append(self.notice)
        if self.contract["intro"]:
            head.append(self.intro)
        tail: list[w.Widget] = [self.nav] if self.has_nav else []
        if self.sources.value:
            tail.append(self.sources)
        self.root = w.VBox([*head, self.body, *tail], layout=w.Layout(width="100%", max_width="50rem"))
        self.root.add_class("ilomo-player")
        self.build()
        self.render()

    # -- to implement per kind -------------------------------------------------------------------------
    @abstractmethod
    def build(self) -> None: ...

    @abstractmethod
    def render(self) -> None: ...

    # -- shared ----------------------------------------------------------------------------------------
    def _act(self, action: Callable[[], object]) -> None:
        """Run an engine action, then redraw."""
        action()
        self.render()

    def update_nav(self) -> None:
        steps = bool(self.play.state().get("path"))
        self.back_button.disabled = not steps
        self.restart_button.disabled = not steps

    def _sources_html(self) -> str:
        items = []
        for source in self.contract["sources"]:
            label = esc(source["title"])
            if source["url"]:  # the contract keeps only safe links
                label = f'<a href="{esc(source["url"])}">{label}</a>'
            note = source["note"]
            items.append(f"<li>{label}{' — ' + esc(note) if note else ''}</li>")
        if not items:
            return ""
        return heading(3, texts.SOURCES) + f"<ul>{''.join(items)}</ul>"


def feedback_html(title: str, parts: Sequence[str]) -> str:
    """A feedback block: a small heading and already-safe HTML parts; empty when there are no parts."""
    parts = [p for p in parts if p]
    return heading(3, title) + "".join(parts) if parts else ""


__all__ = ["ButtonList", "PlayerView", "bullets", "choice_button", "feedback_html", "html"]
