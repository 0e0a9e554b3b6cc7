"""Every internal link and anchor in the built site resolves; external links are listed, never fetched.

Checked: href and src of a, area, link, script, img, source, iframe. A relative or root-relative address must point
to a file in the build (a folder to its index.html), and a #fragment to an element id (or <a name>) on that page.
External http(s) links are not followed (no network in tests); they are written to _build/links-rapport.md. An
address with '&' escaped twice (myst-parser, see ilomo.sphinxext.links) is reported as broken.
"""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "source": "src",
              "iframe": "src"}
IGNORED_SCHEMES = ("mailto:", "tel:", "data:")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        target = values.get(ATTRIBUTES.get(tag, ""))
        if target is not None and not (tag == "link" and "preconnect" in (values.get("rel") or "")):
            self.links.append(target)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check_site(html: Path) -> tuple[list[str], dict[str, set[str]]]:
    """(broken internal links, external URL -> pages that link to it)."""
    pages = {p.relative_to(html).as_posix(): p for p in html.rglob("*.html") if "_static" not in p.parts}
    parsed = {rel: parse(path) for rel, path in pages.items()}
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    for rel, page in sorted(parsed.items()):
        for link in page.links:
            link = link.strip()
            if not link or link.lower().startswith(IGNORED_SCHEMES):
                continue
            if link.lower().startswith(("http://", "https://", "//")):
                external[link].add(rel)
                if "&amp;" in link:  # the page has &amp;amp;: the browser opens a different address
                    broken.append(f"{rel}: {link} has '&' escaped twice")
                continue
            if link.lower().startswith("javascript:"):
                broken.append(f"{rel}: a javascript: link ({link}) is blocked by the CSP")
                continue
            absolute = urlsplit(urljoin(f"http://site/{rel}", link))
            target = unquote(absolute.path).lstrip("/") or "index.html"
            if target.endswith("/"):
                target += "index.html"
            file = html / target
            if not file.is_file():
                broken.append(f"{rel}: {link} -> {target} does not exist")
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else parse(file).ids
                if fragment not in ids:
                    broken.append(f"{rel}: {link} -> no element with id '{fragment}' in {target}")
    return broken, external


def report(external: dict[str, set[str]]) -> str:
    lines = ["# Externe links", "", "Niet gevolgd in de tests (geen netwerk). Per adres de pagina's die ernaar linken.",
             ""]
    for url in sorted(external):
        lines.append(f"- <{url}>: {', '.join(sorted(external[url]))}")
    return "\n".join(lines) + "\n"


def test_every_internal_link_and_anchor_resolves(built_html: Path) -> None:
    broken, external = check_site(built_html)
    (built_html.parent / "links-rapport.md").write_text(report(external), encoding="utf-8")
    print(f"{len(external)} external links, listed in {built_html.parent / 'links-rapport.md'}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


def test_the_check_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<p id="hier"><a href="b.html#daar">b</a> <a href="#hier">a</a>'
                                     '<a href="weg.html">x</a> <a href="https://example.org/">e</a>'
                                     '<a href="https://example.org/?a=1&amp;amp;b=2">q</a></p>',
                                     encoding="utf-8")
    (tmp_path / "b.html").write_text('<a href="a.html#nergens">a</a>', encoding="utf-8")
    broken, external = check_site(tmp_path)
    assert broken == ["a.html: b.html#daar -> no element with id 'daar' in b.html",
                      "a.html: weg.html -> weg.html does not exist",
                      "a.html: https://example.org/?a=1&amp;b=2 has '&' escaped twice",
                      "b.html: a.html#nergens -> no element with id 'nergens' in a.html"]
    assert external == {"https://example.org/": {"a.html"}, "https://example.org/?a=1&amp;b=2": {"a.html"}}
