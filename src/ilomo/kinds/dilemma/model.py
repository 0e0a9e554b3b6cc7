"""The dilemma's model: meters, situations with choices, endings, the advice."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from ilomo.scenario.model import Common, Conditions, Id, Strict, Text


class Meter(Strict):
    name: Id = Field(examples=["contact", "spanning"])
    """Naam van de meter, gebruikt in effects, requires en condition."""
    label: Text
    """Naam zoals de speler hem ziet."""
    min: int
    """Laagste waarde."""
    max: int
    """Hoogste waarde."""
    start: int
    """Waarde bij de start; tussen min en max."""
    better: Literal["higher", "lower"]
    """Welke kant goed is: higher (hoger is beter, zoals contact) of lower (lager is beter, zoals spanning)."""
    hidden: bool = False
    """true: de speler ziet deze meter pas bij het einde (een gevolg dat later zichtbaar wordt)."""


class Branch(Strict):
    to: Id = Field(examples=["gesprek", "einde"])
    """Id van een situatie of einde, of het woord einde."""
    when: Conditions | None = Field(None, examples=[{"vertrouwen": "<= 2"}])
    """Deze tak geldt als alle vergelijkingen gelden (ook verborgen meters); de laatste tak heeft geen when."""


Next = Union[Id, Annotated[list[Branch], Field(min_length=1)]]  # noqa: UP007


class Choice(Strict):
    label: Text
    """De keuze zoals de speler hem ziet."""
    next: Annotated[Next, Field(union_mode="left_to_right", examples=["gesprek", "einde"])]
    """Id van een situatie of einde, het woord einde (eerste einde waarvan de voorwaarde geldt), of een lijst
    takken {to, when}: de eerste tak waarvan when geldt (na de effects); de laatste tak zonder when."""
    feedback: Text
    """Terugkoppeling na deze keuze."""
    effects: dict[str, int] = Field({}, examples=[{"contact": 1, "spanning": -1}])
    """Gehele getallen die bij de meters worden opgeteld, bijvoorbeeld {contact: 1, spanning: -1}."""
    tags: list[Text] = Field([], examples=[["luisteren"], ["geen-leap"]])
    """LEAP-stappen (luisteren, empathie, akkoord, partner), geen-leap of een label uit src/ilomo/data/tags.yml."""
    requires: Conditions = Field({}, examples=[{"contact": ">= 3"}])
    """Alleen beschikbaar als alle vergelijkingen gelden, bijvoorbeeld {contact: ">= 3"}."""
    once: bool = False
    """true: de keuze verdwijnt nadat hij één keer is gekozen."""
    advised: bool = False
    """true: dit is wat de sessie hier adviseert (hoogstens één keuze per situatie)."""

    @property
    def branches(self) -> list[Branch]:
        """`next` as branches: a plain id is one branch without `when`."""
        return [Branch(to=self.next)] if isinstance(self.next, str) else list(self.next)


class Situation(Strict):
    id: Id
    """Unieke id (situaties en eindes delen één naamruimte; einde is gereserveerd)."""
    title: Text | None = None
    """Kop van de situatie; standaard de titel van het scenario."""
    text: Text
    """Beschrijving van de situatie."""
    signals: list[Text] = []
    """Korte signalen die de speler opvallen."""
    choices: Annotated[list[Choice], Field(min_length=1)]
    """De keuzes in deze situatie."""
    shuffle: bool = True
    """false: de keuzes staan altijd in de geschreven volgorde (een schaal); standaard door elkaar per speler."""


class Ending(Strict):
    id: Id
    """Unieke id (situaties en eindes delen één naamruimte; einde is gereserveerd)."""
    title: Text
    """Kop van het einde."""
    text: Text
    """Nabespreking van dit einde: wat er gebeurde (gevolgen eerst, geen oordeel in de titel)."""
    gained: Text | None = None
    """Wat er goed ging (Markdown). Verplicht in formaat 2."""
    cost: Text | None = None
    """Wat het kostte (Markdown). Verplicht in formaat 2."""
    advised: bool = False
    """true: dit einde volgt het advies van de sessie (precies één einde per dilemma)."""
    condition: Conditions = Field({}, examples=[{"contact": ">= 4", "spanning": "<= 5"}])
    """Alleen bij next: einde gebruikt; het eerste einde waarvan alle vergelijkingen gelden wint."""


class Dilemma(Common):
    kind: Literal["dilemma"]
    """Soort oefening."""
    meters: list[Meter] = []
    """Meters met gehele waarden, bijvoorbeeld contact en spanning."""
    start: Id = Field(examples=["begin"])
    """Id van de eerste situatie."""
    situations: Annotated[list[Situation], Field(min_length=1)]
    """De situaties van het dilemma."""
    endings: Annotated[list[Ending], Field(min_length=1)]
    """De mogelijke eindes."""
    debrief: list[Text] = []
    """Vragen die bij elk einde worden getoond."""
    advice: Text | None = None
    """Waarom de geadviseerde route (Markdown, met take-aways); verplicht als een einde advised is."""
