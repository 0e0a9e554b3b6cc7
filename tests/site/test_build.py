"""The book builds cleanly, in Dutch, with every page of the table of contents."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, BookBuild


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    return files


def test_book_builds_without_warnings(book_build: BookBuild) -> None:
    # Sphinx problems look like "file:line: WARNING: …"; the kernel's own "[IPKernelApp] WARNING |" notes are not.
    warnings = [line for line in book_build.output.splitlines() if re.search(r"\b(WARNING|ERROR|CRITICAL):", line)]
    assert book_build.returncode == 0, book_build.output[-4000:]
    assert warnings == []


def test_every_toc_entry_is_a_built_page(built_html: Path) -> None:
    missing = [f for f in toc_files() if not (built_html / f"{Path(f).with_suffix('')}.html").is_file()]
    assert missing == []


def test_only_book_and_notebooks_become_pages(built_html: Path) -> None:
    pages = {p.relative_to(built_html).parts[0] for p in built_html.rglob("*.html") if "_static" not in p.parts}
    assert pages <= {"book", "notebooks", "index.html", "genindex.html", "search.html"}


def test_site_is_dutch(built_html: Path) -> None:
    page = (built_html / "book" / "intro.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="nl"', page)
    assert "Zoeken" in page  # the theme's own search button, translated
    assert "Search" not in re.sub(r"<script.*?</script>", "", page, flags=re.S)


def test_sources_page_lists_every_source(built_html: Path) -> None:
    from html import unescape

    from ilomo.content.modules import sources

    def plain(text: str) -> str:  # Sphinx turns ' and " into typographic quotes
        return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "--", "…": "..."}))

    page = plain(unescape((built_html / "book" / "bronnen.html").read_text(encoding="utf-8")))
    missing = [entry["id"] for entry in sources().values() if plain(entry["title"]) not in page]
    assert missing == []
