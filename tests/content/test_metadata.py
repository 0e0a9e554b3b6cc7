"""A module's metadata against the standard's field table: the same Dutch lines an author gets from ilomo check."""

from __future__ import annotations

from ilomo.content.metadata import metadata_problems
from ilomo.content.modules import FIELDS

GOOD = {"session": 7, "title": "Contact", "minutes": 90, "audience": "Ambtenaren", "objectives": ["a"],
        "takeaways": [], "exercises": ["07-x"], "tracks": [], "sources": []}


def test_good_metadata_has_no_problems() -> None:
    assert metadata_problems(GOOD, FIELDS) == []


def test_unknown_missing_and_mistyped_fields() -> None:
    meta = {**GOOD, "kleur": "rood", "session": True, "title": "  ", "exercises": ["07-x", 3]}
    del meta["minutes"]
    assert metadata_problems(meta, FIELDS) == [
        "onbekend metadataveld 'kleur'",
        "het metadataveld 'session' moet een geheel getal zijn",  # true is no number
        "het metadataveld 'title' moet een tekst zijn",
        "het metadataveld 'minutes' ontbreekt",
        "het metadataveld 'exercises' moet een lijst met teksten zijn",
    ]
