"""The module standard (src/ilomo/modules.py): every module notebook meets it, and the check can fail.

Each fixture in tests/modules/fixtures/ lacks one part of the standard; the test asserts its exact message.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ilomo.content.modules import (
    FIELDS,
    SECTIONS,
    check_module,
    check_sources,
    load_module,
    sentences,
    session_takeaways,
    sources,
)

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_SCENARIOS = FIXTURES / "scenarios"
MODULES = sorted((ROOT / "notebooks").glob("0[1-9]-*.ipynb"))  # module 00 is a demo page, not a module
TEMPLATE = ROOT / "templates" / "module-template.ipynb"


def test_there_is_at_least_one_module() -> None:
    assert MODULES, "no notebooks/NN-*.ipynb module found"


@pytest.mark.parametrize("notebook", MODULES, ids=[m.name for m in MODULES])
def test_module_meets_the_standard(notebook: Path) -> None:
    assert check_module(notebook, SCENARIOS) == []


@pytest.mark.parametrize("notebook", MODULES, ids=[m.name for m in MODULES])
def test_module_exercises_belong_to_the_module(notebook: Path) -> None:
    module = load_module(notebook)
    prefix = f"{module.session:02d}-"
    assert all(x.startswith(prefix) for x in module.exercises), "scenario ids start with the module number"


def test_sources_list_is_valid() -> None:
    assert check_sources() == []
    assert sources()["verslag-mast-dag-2025"]["page"] == "over-de-mast-dag"


def test_takeaways_are_read_per_session() -> None:
    assert session_takeaways()[7]["s7-2"].startswith("Je zit er niet om te overtuigen")
    assert session_takeaways()[8] == {}


def test_valid_fixture_passes() -> None:
    assert check_module(FIXTURES / "07-geldig.ipynb", FIXTURE_SCENARIOS) == []


NO_CONTENT_NOTE = (
    "bovenaan de module staat geen zichtbare inhoudsnoot: een ```{admonition} zonder dropdown "
    "die zegt waar de module over gaat en dat je elke oefening mag overslaan"
)
FAILING = {
    "07-zonder-sectie": "de sectie 'Take-aways' ontbreekt",
    "07-volgorde": (
        "de secties staan niet in de goede volgorde; verwacht: Leerdoelen, Waar ging de sessie over?, Kernideeën, "
        "Oefeningen, Take-aways, Kort samengevat, Hierna, Voor de trainer, Verder lezen; gevonden: Waar ging de "
        "sessie over?, Leerdoelen, Kernideeën, Oefeningen, Take-aways, Kort samengevat, Hierna, Voor de trainer, "
        "Verder lezen"
    ),
    "07-minuten": "de minuten in het sessieplan tellen op tot 85, maar 'minutes' is 90",
    "07-takeaway-niet-geoefend": (
        "take-away 's7-3' wordt in geen enkele oefening geoefend (zet de id bij 'takeaways' in een scenario)"
    ),
    "07-zonder-stelling": "er is geen stelling bij de oefeningen",
    "07-zonder-dilemma": "er is geen dilemma of sortering bij de oefeningen",
    "07-weinig-reflectievragen": "er zijn 2 reflectievragen; een module heeft er minstens 3",
    "07-kernidee-zonder-bron": (
        "in 'Kernideeën' eindigt deze tekst niet met een bron: 'Akkoord en partner.' "
        "(sluit af met een link naar een bron, zie book/auteurs.md)"
    ),
    "07-bron-niet-in-metadata": (
        "in 'Kernideeën' verwijst de bron https://www.aivd.nl/onderwerpen/extremisme/anti-institutioneel-extremisme "
        "niet naar een bron in het metadataveld 'sources'"
    ),
    "07-weinig-leerdoelen": "er zijn 2 leerdoelen; een module heeft er 3 tot en met 5",
    "07-vaag-leerdoel": (
        "leerdoel 1 begint niet met een concreet werkwoord: 'Begrijpen wat LEAP is.' "
        "(bijvoorbeeld benoemen, uitleggen, herkennen, toepassen; zie book/auteurs.md)"
    ),
    "07-met-uitvoer": "code-cel 8 heeft uitvoer; maak die leeg met: jupyter nbconvert --clear-output --inplace",
    "07-play-ontbreekt": (
        "oefening 'fx-sortering' staat in de metadata, maar er is geen cel ilomo.play(\"fx-sortering\")"
    ),
    "07-scenario-ontbreekt": (
        f"oefening 'fx-bestaat-niet': het bestand {FIXTURE_SCENARIOS / 'fx-bestaat-niet.yml'} bestaat niet"
    ),
    "07-trainer-open": (
        "de sectie 'Voor de trainer' staat niet helemaal in een inklapbaar blok (```{admonition} met :class: dropdown)"
    ),
    "07-takeaway-niet-letterlijk": "take-away 's7-2' staat niet letterlijk (met id en tekst) in de sectie 'Take-aways'",
    "07-zonder-minutes": "het metadataveld 'minutes' ontbreekt",
    "07-fictief-niet-genoemd": (
        "oefening 'fx-dilemma' is een verzonnen casus (fictief: true); zeg dat ook in de tekst erboven"
    ),
    "07-onbekende-leerlijn": (
        "onbekende leerlijn 'klimaat' in 'tracks' (kies uit: asiel-en-migratie, energietransitie, landelijk-gebied)"
    ),
    "07-lange-zin": "deze zin heeft 33 woorden (maximaal 25): 'Deze zin is veel te lang, omdat hij …'",
    "07-zonder-tag": "code-cel 10 mist de tag 'remove-input' (dan ziet de lezer de code)",
    "07-aanhalingstekens": (
        "deze zin gebruikt andere aanhalingstekens dan enkele rechte ('...'): "
        "'De sessie ging over \u201cLEAP\u201d (verslag MAST-dag 2025).'"
    ),
    # The module anatomy a self-study learner needs (issue 18).
    "07-zonder-zelfstudie": "het metadataveld 'self_study_minutes' ontbreekt",
    "07-zelfstudie-niet-getoond": (
        "de tijd voor zelfstudie staat niet bovenaan de module; schrijf onder de titel: "
        "'**Zelfstudie:** ongeveer 30 minuten.'"
    ),
    "07-voorkennis-onbekend": "voorkennis '03' is geen eerdere module (gebruik het nummer, zoals '02')",
    "07-voorkennis-niet-getoond": (
        "bovenaan de module staat geen regel '**Voorkennis:**' (schrijf 'geen' als er geen is)"
    ),
    "07-zonder-inhoudsnoot": NO_CONTENT_NOTE,
    "07-inhoudsnoot-ingeklapt": NO_CONTENT_NOTE,
    "07-zonder-samenvatting": "de sectie 'Kort samengevat' ontbreekt",
    "07-hierna-verkeerd": (
        "de sectie 'Hierna' heeft geen link naar energietransitie (de pagina van de leerlijn energietransitie)"
    ),
    "07-leerdoel-niet-geoefend": (
        "leerdoel 3 wordt in geen oefening geoefend (zet bij 'goal_exercises' onder '3' de oefeningen)"
    ),
    "07-leerdoel-onbekende-oefening": (
        "'goal_exercises' noemt bij leerdoel 3 'fx-sortering', maar dat is geen oefening of activiteit van deze module"
    ),
    "07-activiteit-ontbreekt": (
        "activiteit 'fx-overzicht' (metadataveld 'activities') staat niet in de sectie 'Oefeningen' "
        '(maak een element met id="fx-overzicht")'
    ),
    "07-kop-oefening": (
        "in 'Oefeningen' heeft de kop 'Stelling' niet de vorm '### N. Titel' (bijvoorbeeld '### 2. Stelling: ...')"
    ),
}


@pytest.mark.parametrize("name", sorted(FAILING))
def test_fixture_lacking_one_part_gets_exactly_its_message(name: str) -> None:
    path = FIXTURES / f"{name}.ipynb"
    assert check_module(path, FIXTURE_SCENARIOS) == [f"{path}: {FAILING[name]}"]


def test_every_fixture_is_tested() -> None:
    on_disk = {p.stem for p in FIXTURES.glob("*.ipynb")}
    assert on_disk == set(FAILING) | {"07-geldig"}


def test_fixtures_are_up_to_date() -> None:
    """The fixtures are made by maak_fixtures.py, so each differs from 07-geldig in one part only."""
    spec = importlib.util.spec_from_file_location("maak_fixtures", FIXTURES / "maak_fixtures.py")
    assert spec and spec.loader
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    for file_name, text in maker.build().items():
        assert (FIXTURES / file_name).read_text(encoding="utf-8") == text, f"run maak_fixtures.py ({file_name})"


def test_unreadable_notebook_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "07-kapot.ipynb"
    path.write_text("{niet: json", encoding="utf-8")
    [message] = check_module(path, FIXTURE_SCENARIOS)
    assert message.startswith(f"{path}: kan het notebook niet lezen")


def test_missing_metadata_gets_one_message(tmp_path: Path) -> None:
    path = tmp_path / "07-kaal.ipynb"
    path.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    messages = check_module(path, FIXTURE_SCENARIOS)
    assert messages[0] == (f"{path}: de metadata 'ilomo' ontbreekt (kopieer hem uit templates/module-template.ipynb)")
    assert f"{path}: de sectie 'Leerdoelen' ontbreekt" in messages


def test_author_guide_is_plain() -> None:
    """book/auteurs.md: begrijpelijke taal, average under 15 words per sentence, none over 25."""
    lengths = [len(s.split()) for s in sentences((ROOT / "book" / "auteurs.md").read_text(encoding="utf-8"))]
    assert sum(lengths) / len(lengths) < 15
    assert max(lengths) <= 25


def test_template_has_every_section_in_order_and_the_metadata_skeleton() -> None:
    template = load_module(TEMPLATE)
    assert [h.text for h in template.headings if h.level == 2] == list(SECTIONS)
    assert [h.level for h in template.headings].count(1) == 1
    assert set(template.metadata) == set(FIELDS)
    assert all(c.get("outputs", []) == [] for c in template.cells)
