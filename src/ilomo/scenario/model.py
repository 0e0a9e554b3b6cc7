"""What every exercise kind's model shares (see docs/scenario-format.md); each kind's own model is in
``ilomo/kinds/<kind>/model.py`` and the union of them all in ``ilomo.scenario.union``.

The attribute docstrings become the Dutch `description`s of the JSON Schema that authors see in VS Code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MODULE_PATTERN = r"^(0[1-9]|leerlijn-[a-z0-9-]+|demo)$"
COMPARISON_PATTERN = r"^\s*(>=|<=|==|!=|>|<)\s*-?[0-9]+\s*$"
NON_BLANK_PATTERN = r"\S"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(pattern=NON_BLANK_PATTERN)]
Module = Annotated[str, StringConstraints(pattern=MODULE_PATTERN)]
Comparison = Annotated[str, StringConstraints(pattern=COMPARISON_PATTERN)]
Conditions = dict[str, Comparison]


class Strict(BaseModel):
    """Unknown fields are errors and values are not silently converted ("5" is no number)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True)


class Source(Strict):
    title: Text
    """Titel van de bron."""
    url: str | None = None
    """Webadres van de bron (optioneel)."""
    note: str | None = None
    """Korte toelichting (optioneel)."""


class Common(Strict):
    id: Id = Field(examples=["07-balie-gesprek"])
    """Gelijk aan de bestandsnaam zonder .yml; kleine letters, cijfers en '-'."""
    title: Text = Field(examples=["Een boze inwoner aan de balie"])
    """Kop van de oefening."""
    intro: str = ""
    """Tekst vóór de oefening (veilige Markdown); mag leeg zijn."""
    module: Module = Field(examples=["07", "leerlijn-energie-elsterhoek", "demo"])
    """Module: "01".."09", "leerlijn-…" of "demo" (tussen aanhalingstekens)."""
    takeaways: list[str] = Field([], examples=[["s7-1", "s7-3"]])
    """Take-away-ids uit het verslag, bijvoorbeeld s7-1."""
    fictief: bool = False
    """true: de speler toont "Dit is een verzonnen casus."."""
    sources: list[Source] = []
    """Bronnen, getoond onder de oefening."""


def __getattr__(name: str) -> Any:
    """The kinds' models and the union stay importable from here (``from ilomo.scenario.model import Dilemma``)."""
    from ilomo.scenario import union

    if name in ("Scenario", "SCENARIO_ADAPTER", "KINDS", "MODELS"):
        return getattr(union, name)
    for model in union.MODELS.values():
        found = getattr(import_module(model.__module__), name, None)
        if found is not None:
            return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

