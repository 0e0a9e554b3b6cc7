"""The reflectie's model: the reflection questions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ilomo.scenario.model import Common, Id, Strict, Text


class Question(Strict):
    id: Id
    """Unieke id van de vraag."""
    prompt: Text
    """De vraag."""
    hint: Text | None = None
    """Hulp bij het antwoorden (optioneel)."""


class Reflectie(Common):
    kind: Literal["reflectie"]
    """Soort oefening."""
    questions: Annotated[list[Question], Field(min_length=1)]
    """De reflectievragen."""
