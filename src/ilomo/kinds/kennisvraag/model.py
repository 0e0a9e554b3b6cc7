"""The kennisvraag's model: questions with three to five answers, one or more of them correct."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ilomo.scenario.model import Common, Id, Strict, Text


class Answer(Strict):
    id: Id
    """Unieke id van het antwoord binnen de vraag (bijvoorbeeld a, b, c)."""
    label: Text
    """Het antwoord zoals de speler het ziet."""
    correct: bool
    """true: dit antwoord is goed."""
    explanation: Text
    """Uitleg na het antwoorden (Markdown); bij een goed antwoord: noem of citeer de take-away."""


class KnowledgeQuestion(Strict):
    id: Id
    """Unieke id van de vraag."""
    question: Text
    """De vraag (Markdown)."""
    multiple: bool = False
    """true: meer dan één antwoord is goed; de speler kiest ze allemaal."""
    shuffle: bool = True
    """false: de antwoorden staan altijd in de geschreven volgorde (bijvoorbeeld een schaal)."""
    options: Annotated[list[Answer], Field(min_length=3, max_length=5)]
    """Drie tot vijf antwoorden."""


class Kennisvraag(Common):
    kind: Literal["kennisvraag"]
    """Soort oefening."""
    questions: Annotated[list[KnowledgeQuestion], Field(min_length=1)]
    """De vragen, in deze volgorde getoond."""
