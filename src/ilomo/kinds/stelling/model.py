"""The stelling's model: a statement, answer options, perspectives and questions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ilomo.scenario.model import Common, Id, Strict, Text


class Option(Strict):
    id: Id
    """Unieke id van het antwoord."""
    label: Text
    """Het antwoord zoals de speler het ziet."""


class Perspective(Strict):
    title: Text
    """Kop van het perspectief."""
    text: Text
    """Het perspectief."""


DEFAULT_OPTIONS = (
    Option(id="eens", label="Eens"),
    Option(id="neutraal", label="Neutraal"),
    Option(id="oneens", label="Oneens"),
)


class Stelling(Common):
    kind: Literal["stelling"]
    """Soort oefening."""
    statement: Text
    """De stelling."""
    options: Annotated[list[Option], Field(min_length=2)] = list(DEFAULT_OPTIONS)
    """Antwoorden; standaard Eens, Neutraal, Oneens."""
    perspectives: Annotated[list[Perspective], Field(min_length=2)]
    """Minstens twee perspectieven, getoond na het antwoord."""
    questions: Annotated[list[Text], Field(min_length=1)]
    """Gespreksvragen."""
