"""Begrijpelijke taal: the clear-language report over the learner-facing pages (ilomo.content.language), as a gate.

The report goes to _build/taal-rapport.md. A page whose average sentence is longer than 18 words fails.
"""

from __future__ import annotations

from pathlib import Path

from ilomo.content.language import (
    MAX_AVERAGE_WORDS,
    learner_pages,
    report,
    score_page,
    score_text,
    split_sentences,
    syllables,
)
from tests.site.test_build import toc_files


def test_learner_pages_use_short_sentences(built_html: Path) -> None:
    pages = learner_pages(built_html, toc_files())
    assert len(pages) >= 10, pages
    scores = [score_page(p.relative_to(built_html).as_posix(), p.read_text(encoding="utf-8")) for p in pages]
    text = report(scores)
    (built_html.parent / "taal-rapport.md").write_text(text, encoding="utf-8")
    print(text)
    assert all(s.sentences for s in scores), "a page without sentences: is the text extraction broken?\n" + text
    assert not [s for s in scores if s.too_long], f"average sentence over {MAX_AVERAGE_WORDS:g} words:\n{text}"


LONG = (
    "De gemeente heeft in overleg met de veiligheidsregio, de politie en een groot aantal maatschappelijke "
    "organisaties uit de regio besloten om de bewoners van de wijk pas na de zomer en na een uitgebreide "
    "consultatie over de plannen voor de opvang te informeren, omdat er eerst nog een aantal juridische vragen "
    "moest worden beantwoord. "
)
SHORT = "De gemeente praat met de bewoners. Zij stellen vragen. De gemeente geeft antwoord. "


def test_the_gate_fails_on_long_sentences() -> None:
    long_page = score_text("lang.html", [LONG * 3, SHORT])
    short_page = score_text("kort.html", [SHORT * 3, "Eén zin zonder punt aan het eind"])
    assert long_page.too_long and long_page.long_share == 0.5
    assert not short_page.too_long and short_page.sentences == 10 and short_page.long_sentences == 0
    assert short_page.flesch_douma > long_page.flesch_douma
    text = report([long_page, short_page])
    assert "| lang.html |" in text and "te lang" in text and "lang.html: 54 woorden" in text


def test_sentences_and_syllables() -> None:
    found = split_sentences("Wat doe je? Je belt. *Niet* #2 of\n [3] keer.")
    assert found == ["Wat doe je?", "Je belt.", "*Niet* #2 of [3] keer."]
    counts = {"gemeente": 3, "maatschappelijke": 5, "ijs": 1, "beïnvloeden": 4, "knieën": 2, "eeuw": 1, "2025": 1}
    assert {w: syllables(w) for w in counts} == counts
