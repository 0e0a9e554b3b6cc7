"""The sortering's model: categories and the items to place in them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ilomo.scenario.model import Common, Id, Strict, Text


class Category(Strict):
    id: Id
    """Unieke id van de categorie."""
    label: Text
    """Naam van de categorie."""
    description: Text | None = None
    """Toelichting (optioneel)."""


class Item(Strict):
    id: Id
    """Unieke id van het item."""
    text: Text
    """Tekst van het item."""
    category: Id
    """Id van de juiste categorie."""
    feedback: Text
    """Uitleg na het plaatsen."""


class Sortering(Common):
    kind: Literal["sortering"]
    """Soort oefening."""
    categories: Annotated[list[Category], Field(min_length=2)]
    """Minstens twee categorieën."""
    items: Annotated[list[Item], Field(min_length=1)]
    """De items, in deze volgorde getoond."""
