"""What a kind is: the one object the rest of ILOMO asks about a kind (see ``ilomo.kinds``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


@dataclass(frozen=True)
class Kind:
    """One exercise kind. Everything else lives in the kind's folder ``ilomo/kinds/<name>/``:

    ``model.py`` (pydantic model), ``play.py`` (play rules), ``checks.py`` (checks pydantic cannot express),
    ``contract.py`` (compile step), ``widget.py`` (live ipywidgets view), ``room.py`` (room view),
    ``player.js`` (the static player's engine and drawing) and ``templates/text.html.j2`` (text version and
    print). Model, play, checks and views are named as ``"module:Class"`` strings and imported on first use, so
    ``import ilomo`` does not load ipywidgets and the registry can be imported by ``ilomo.scenario`` before the
    models exist.
    """

    name: str
    """The YAML ``kind`` value."""
    label: str
    """Dutch name, e.g. in the session report."""
    package: str
    """The kind's package, e.g. ``ilomo.kinds.dilemma``."""
    compile: Callable[[Any, Any], dict[str, Any]]
    """``compile(scenario, compiler)`` -> the kind's part of the player contract."""
    texts: tuple[str, ...]
    """Catalogue names (``ilomo.texts``) the static player needs for this kind."""
    model: str
    """``"module:Class"`` of the pydantic model (its ``kind`` field is ``Literal[name]``)."""
    play: str
    """``"module:Class"`` of the play (a ``ilomo.scenario.engine.Play``)."""
    checks: str
    """``"module:function"``: ``findings(scenario, name, note) -> list[Finding]`` after the model validated."""
    widget: str
    """``"module:Class"`` of the live view (a ``ilomo.widgets.base.PlayerView``)."""
    room: str
    """``"module:Class"`` of the room view."""
    report: str | None = None
    """``"module:function"``: ``section(entry) -> list[str]``, the kind's Markdown in the session report (None:
    the report leaves the kind out)."""
    warnings: str | None = None
    """``"module:function"``: ``warnings(scenario) -> list[Finding]``, didactic advice for authors (``--strict``)."""
    session_key: str = "choice"
    """In the room's session log: the key of a step that names what the room chose (one of its options' keys)."""
    session_texts: tuple[str, ...] = ("title", "label")
    """In the room's session log: the text fields every step must have."""

    @property
    def script(self) -> str:
        """The kind's static player in the site (``_static/ilomo-<name>.js``), made from its ``player.js``."""
        return f"ilomo-{self.name}.js"

    def script_source(self) -> Traversable:
        """The kind's readable static player, ``ilomo/kinds/<name>/player.js`` (it registers with ilomo.js)."""
        return files(self.package) / "player.js"

    @property
    def template(self) -> str:
        """The text-version template's name in ``ilomo.static``'s Jinja2 environment."""
        return f"{self.name}/text.html.j2"

    def model_class(self) -> type:
        return _load(self.model)

    def play_class(self) -> type:
        return _load(self.play)

    def findings(self) -> Callable[..., list[Any]]:
        return _load(self.checks)

    def advice(self) -> Callable[..., list[Any]] | None:
        """The kind's didactic warnings, or None when it has none."""
        return _load(self.warnings) if self.warnings else None

    def report_section(self) -> Callable[[dict[str, Any]], list[str]] | None:
        return _load(self.report) if self.report else None

    def widget_class(self) -> type:
        return _load(self.widget)

    def room_class(self) -> type:
        return _load(self.room)


def _load(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(import_module(module), name)
