"""Pydantic models of the four exercise kinds (see docs/scenario-format.md).

The attribute docstrings become the Dutch `description`s of the JSON Schema that authors see in VS Code.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

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


Scenario = Annotated[
    Union[Dilemma, Sortering, Stelling, Reflectie, Kennisvraag], Field(discriminator="kind")  # noqa: UP007
]
SCENARIO_ADAPTER: TypeAdapter[Scenario] = TypeAdapter(Scenario)
KINDS = ("dilemma", "sortering", "stelling", "reflectie", "kennisvraag")
