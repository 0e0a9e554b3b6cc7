"""A module's metadata against the standard's field table: the same Dutch lines an author gets from ilomo check."""

from __future__ import annotations

from ilomo.content.metadata import metadata_problems
from ilomo.content.modules import _KIND_WORDS, FIELDS

GOOD = {"session": 7, "title": "Contact", "minutes": 90, "audience": "Ambtenaren", "objectives": ["a"],
        "takeaways": [], "exercises": ["07-x"], "tracks": [], "sources": [], "self_study_minutes": 30,
        "prerequisites": [], "goal_exercises": {"1": ["07-x"]}, "activities": []}


def test_good_metadata_has_no_problems() -> None:
    assert metadata_problems(GOOD, FIELDS, _KIND_WORDS) == []


def test_unknown_missing_and_mistyped_fields() -> None:
    meta = {**GOOD, "kleur": "rood", "session": True, "title": "  ", "exercises": ["07-x", 3],
            "goal_exercises": {"1": "07-x"}}
    del meta["minutes"]
    assert metadata_problems(meta, FIELDS, _KIND_WORDS) == [
        "onbekend metadataveld 'kleur'",
        "het metadataveld 'session' moet een geheel getal zijn",  # true is no number
        "het metadataveld 'title' moet een tekst zijn",
        "het metadataveld 'minutes' ontbreekt",
        "het metadataveld 'exercises' moet een lijst met teksten zijn",
        "het metadataveld 'goal_exercises' moet een lijst van leerdoelnummers ('1', '2', ...) met elk een lijst "
        "oefeningen zijn",
    ]
