"""Unit tests of ilomo.static: the text version is complete, JSON cannot escape its script, Markdown is safe."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from ilomo.contract import compile_scenario
from ilomo.markdown import MAX_CHARS, TextTooLong, markdown_html, safe_href
from ilomo.static import exercise_html
from tests.static.static_helpers import FIXTURES, data, load_scenario, md_text, scenario_paths, words

ALL = scenario_paths()


def soup_of(scenario: Any) -> BeautifulSoup:
    return BeautifulSoup(exercise_html(scenario), "html.parser")


def visible(node: Any) -> str:
    """Text as read: blocks separated by spaces, inline elements not."""
    for block in node.find_all(["p", "li", "div", "section", "ul", "ol", "h2", "h3", "h4", "h5", "h6"]):
        block.insert_after(" ")
        block.insert_before(" ")
    return words(node.get_text(""))


def text_version(scenario: Any) -> str:
    return visible(soup_of(scenario).select_one(".ilomo-tekstversie"))


def plain(text: str) -> str:
    return words(text)


def fixture(name: str) -> Any:
    return load_scenario(FIXTURES / f"{name}.yml")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_container_and_json(path: Any) -> None:
    sc = load_scenario(path)
    soup = soup_of(sc)
    section = soup.select_one("section.ilomo-oefening")
    assert section["data-ilomo-kind"] == sc.kind
    assert section["lang"] == "nl"
    title = soup.find(id=section["aria-labelledby"])
    assert title is not None and words(title.get_text()) == plain(sc.title)
    scripts = section.select('script[type="application/json"].ilomo-data')
    assert len(scripts) == 1
    raw = scripts[0].string
    assert "</" not in raw and "<!--" not in raw and "<" not in raw
    assert json.loads(raw) == compile_scenario(sc)
    assert section["data-heading-base"] == "2"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_text_version_is_complete(path: Any) -> None:
    sc = load_scenario(path)
    text = text_version(sc)
    for needle in expected_texts(sc):
        assert needle in text, f"missing from the text version: {needle!r}"


def expected_texts(sc: Any) -> list[str]:
    """Every author text a reader needs, as visible text."""
    out: list[str] = []
    if sc.kind == "dilemma":
        for s in sc.situations:
            out += [plain(s.title or sc.title), md_text(s.text), *map(plain, s.signals)]
            for c in s.choices:
                out += [plain(c.label), md_text(c.feedback)]
        for e in sc.endings:
            out += [plain(e.title), md_text(e.text)]
        out += [md_text(q) for q in sc.debrief]
        out += [plain(m.label) for m in sc.meters]
    elif sc.kind == "sortering":
        for c in sc.categories:
            out += [plain(c.label)] + ([plain(c.description)] if c.description else [])
        for i in sc.items:
            label = next(c.label for c in sc.categories if c.id == i.category)
            out += [md_text(i.text), md_text(i.feedback), plain(f"Hoort bij: {label}.")]
    elif sc.kind == "stelling":
        out += [plain(sc.statement), *(plain(o.label) for o in sc.options)]
        for p in sc.perspectives:
            out += [plain(p.title), md_text(p.text)]
        out += [plain(q) for q in sc.questions]
    elif sc.kind == "kennisvraag":
        for q in sc.questions:
            out += [md_text(q.question)]
            for o in q.options:
                out += [plain(o.label), md_text(o.explanation)]
    else:
        for q in sc.questions:
            out += [md_text(q.prompt)] + ([md_text(q.hint)] if q.hint else [])
    return [x for x in out if x]


def test_dilemma_choices_say_where_they_lead() -> None:
    soup = soup_of(fixture("proef-dilemma"))
    first = soup.select_one("#ilomo-proef-dilemma-s-balie .ilomo-tv-keuzes > li")
    text = visible(first)
    assert "Daarna ga je naar de situatie ‘Een brief die niet aankomt’." in text
    assert "Gevolg: Contact +1, Spanning -1." in text
    link = first.select("a")[-1]
    assert link["href"] == "#ilomo-proef-dilemma-s-vraag"
    assert soup.select_one(link["href"]) is not None
    # requires, once, einde and ending conditions in words
    all_text = visible(soup)
    assert "alleen maken als Contact is minstens 6" in all_text
    assert "maar één keer maken" in all_text
    assert "Welk einde hangt af van de meters" in all_text
    assert "Dit einde krijg je als Contact is minstens 8." in all_text
    assert "Een brief die niet aankomt" in words(soup.select_one("#ilomo-proef-dilemma-s-vraag h3").get_text())


def test_fictional_notice_only_when_fictief() -> None:
    assert "Dit is een verzonnen casus." in soup_of(fixture("proef-dilemma")).get_text()
    assert "Dit is een verzonnen casus." not in soup_of(fixture("proef-sortering")).get_text()


def test_accepts_model_and_dict() -> None:
    sc = fixture("proef-stelling")
    assert exercise_html(sc) == exercise_html(data(sc))


def test_takeaways_and_sources() -> None:
    soup = soup_of(fixture("proef-dilemma"))
    takeaways = visible(soup.select_one(".ilomo-takeaways"))
    assert "Communiceer 'voorzichtig'" in takeaways and "sessie 7" in takeaways
    link = soup.select_one(".ilomo-bronnen a")
    assert link["href"] == "https://example.org/verslag" and link["rel"] == ["noopener"]


def test_heading_levels_follow_level() -> None:
    soup = BeautifulSoup(exercise_html(fixture("proef-dilemma"), level=3), "html.parser")
    assert soup.select_one("section")["data-heading-base"] == "3"
    assert soup.select_one(".ilomo-titel").name == "h3"
    assert soup.select_one(".ilomo-tv-situatie").find(["h3", "h4"]).name == "h4"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_fictional_note_once(path: Any) -> None:
    sc = load_scenario(path)
    notes = soup_of(sc).select(".ilomo-fictief")
    assert len(notes) == (1 if sc.fictief else 0)
    assert all(words(n.get_text()) == "Dit is een verzonnen casus." for n in notes)


def test_markdown_bounds() -> None:
    with pytest.raises(TextTooLong):
        markdown_html("x" * (MAX_CHARS + 1))
    deep = "- " * 200 + "diep"
    assert markdown_html(deep).count("<ul>") <= 12


def test_script_breakout_is_escaped() -> None:
    sc = fixture("proef-vijandig")
    out = exercise_html(sc)
    soup = BeautifulSoup(out, "html.parser")
    assert [s.get("class") for s in soup.find_all("script")] == [["ilomo-data"]]
    assert not soup.find_all(["img", "iframe", "svg", "object", "embed", "style", "details"])
    assert not [a for a in soup.find_all(True) for k in a.attrs if k.lower().startswith("on")]
    for a in soup.find_all("a"):
        assert safe_href(a["href"]), a
    assert json.loads(soup.select_one("script.ilomo-data").string) == compile_scenario(sc)
    assert "<script>window.__pwned=1;alert(1)</script> Titel" in soup.select_one(".ilomo-titel").get_text()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Hallo *wereld* en **vet**", "<p>Hallo <em>wereld</em> en <strong>vet</strong></p>\n"),
        ("tekst\n- a\n- b", "<p>tekst</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
        ("1. een\n* twee", "<p>1. een\n* twee</p>\n"),
        ("_niet_ schuin", "<p>_niet_ schuin</p>\n"),
        ("[x](javascript:alert(1))", "<p>x</p>\n"),
        ("[x](JaVaScRiPt:alert(1))", "<p>x</p>\n"),
        ("[x](data:text/html,hoi)", "<p>x</p>\n"),
        ("[x](https://a.nl/b)", '<p><a href="https://a.nl/b" rel="noopener">x</a></p>\n'),
        ("[x](../a/b.html#c)", '<p><a href="../a/b.html#c" rel="noopener">x</a></p>\n'),
        ("<b>vet</b> & <script>", "<p>&lt;b&gt;vet&lt;/b&gt; &amp; &lt;script&gt;</p>\n"),
        ("# kop\n> citaat\n`code`", "<p># kop\n&gt; citaat\n`code`</p>\n"),
    ],
)
def test_markdown_subset(source: str, expected: str) -> None:
    assert markdown_html(source) == expected


@pytest.mark.parametrize("href", ["javascript:x", " javascript:x", "java\tscript:x", "vbscript:x", "data:x",
                                  "file:///etc", "mailto:a@b"])
def test_unsafe_hrefs(href: str) -> None:
    assert not safe_href(href)


@pytest.mark.parametrize("href", ["https://a.nl", "http://a.nl", "/x", "#x", "./x", "../x", "x/y.html", ""])
def test_safe_hrefs(href: str) -> None:
    assert safe_href(href)
