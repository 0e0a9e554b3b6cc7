"""The source list's model: every problem in an entry is one Dutch line naming the entry and the field."""

from __future__ import annotations

from ilomo.content.sources import check_sources, sources

GOOD = {"id": "wet", "title": "Een wet", "author": "Overheid", "year": 2024, "url": "https://wetten.overheid.nl/x",
        "grade": "A", "note": "Voor de tekst van de wet."}


def test_the_shipped_list_is_clean_and_keyed_by_id() -> None:
    assert check_sources() == []
    assert all(entry["id"] == key for key, entry in sources().items())


def test_each_problem_is_named_in_dutch() -> None:
    bad = [
        GOOD,
        {**GOOD, "id": "Wet_2", "grade": "D", "kleur": "rood"},
        {**GOOD, "id": "boek", "url": None, "page": None, "year": "2020"},
        {**GOOD, "id": "ftp", "url": "ftp://x.nl"},
        {**GOOD, "title": "  "},
        "geen bron",
    ]
    assert check_sources(bad) == [
        "bronnen.yml, bron 2 (Wet_2): een id heeft alleen kleine letters, cijfers en '-'",
        "bronnen.yml, bron 2 (Wet_2): het veld 'grade' moet A, B of C zijn",
        "bronnen.yml, bron 2 (Wet_2): onbekend veld 'kleur'",
        "bronnen.yml, bron 3 (boek): het veld 'year' moet een jaartal of null zijn",
        "bronnen.yml, bron 4 (ftp): de url moet met http:// of https:// beginnen",
        "bronnen.yml, bron 5 (wet): het veld 'title' ontbreekt of is leeg",
        "bronnen.yml, bron 5 (wet): de id staat er twee keer in",
        "bronnen.yml, bron 6: een bron is een lijst van velden (id, title, …)",
    ]


def test_url_or_page_but_not_both() -> None:
    both = {**GOOD, "page": "over-de-mast-dag"}
    neither = {**GOOD, "url": None}
    assert check_sources([both, {**neither, "id": "geen"}]) == [
        "bronnen.yml, bron 1 (wet): geef een 'url' (openbaar webadres) of een 'page' (pagina in dit boek)",
        "bronnen.yml, bron 2 (geen): geef een 'url' (openbaar webadres) of een 'page' (pagina in dit boek)",
    ]
