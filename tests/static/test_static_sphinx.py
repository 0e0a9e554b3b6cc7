"""The `oefening` directive in a tiny Sphinx + MyST project: HTML, assets, warnings and rebuilds."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.static.static_helpers import FIXTURES

PAGE = """# Oefenen

```{oefening} proef-dilemma
```

## Een stelling

```{oefening} proef-stelling
```

```{oefening} bestaat-niet
```

```{oefening} kapot
```
"""
BROKEN = "id: kapot\nkind: stelling\ntitle: Kapot\nmodule: demo\nstatement: x\nonbekend: 1\n"


def build(src: Path, fresh: bool) -> str:
    from sphinx.application import Sphinx

    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(src / "_build"), str(src / "_build" / ".doctrees"), "html",
                 status=None, warning=warnings, freshenv=fresh)
    app.build()
    return warnings.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    for name in ("proef-dilemma", "proef-stelling"):
        shutil.copy(FIXTURES / f"{name}.yml", scenarios)
    (scenarios / "kapot.yml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.setenv("ILOMO_SCENARIOS", str(scenarios))
    src = tmp_path / "boek"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "ilomo.sphinxext.oefening"]\n', encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    (src / "stelling.md").write_text("# Stelling\n\n```{oefening} proef-stelling\n```\n", encoding="utf-8")
    return src


def test_directive_builds_exercises_and_ships_assets(project: Path) -> None:
    warnings = build(project, fresh=True)
    out = project / "_build"
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = soup.select("section.ilomo-oefening")
    assert [s["data-ilomo-kind"] for s in sections] == ["dilemma", "stelling"]
    assert sections[0].select_one(".ilomo-titel").name == "h2"
    assert sections[1].select_one(".ilomo-titel").name == "h3"
    assert (out / "_static" / "ilomo.js").is_file() and (out / "_static" / "ilomo.css").is_file()
    script = soup.find("script", src=lambda s: bool(s) and "_static/ilomo.js" in s)
    assert script is not None and script.has_attr("defer")
    assert soup.find("link", href=lambda s: bool(s) and "_static/ilomo.css" in s) is not None
    # the scripts of the kinds this page shows, after ilomo.js, with a checksum in the address (a clean build too);
    # not the kinds it does not show
    scripts = [tag["src"] for tag in soup.find_all("script", src=True) if "_static/ilomo" in tag["src"]]
    assert [src.split("?")[0] for src in scripts] == ["_static/ilomo.js", "_static/ilomo-dilemma.js",
                                                      "_static/ilomo-stelling.js"], scripts
    assert all("?v=" in src for src in scripts), scripts
    stelling = (out / "stelling.html").read_text(encoding="utf-8")
    assert "ilomo-stelling.js" in stelling and "ilomo-dilemma.js" not in stelling
    # a missing and an invalid scenario: warnings with page, line and the problems
    assert "index.md:11" in warnings and "bestaat-niet" in warnings
    assert "index.md:14" in warnings and "kapot" in warnings and "onbekend" in warnings
    assert "kan nu niet worden getoond" in soup.get_text()


def test_editing_a_scenario_rebuilds_the_page(project: Path) -> None:
    build(project, fresh=True)
    scenario = Path(project.parent / "scenarios" / "proef-stelling.yml")
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("title: Neutraal zijn", "title: Nieuw"),
                        encoding="utf-8")
    build(project, fresh=False)  # stelling.md itself did not change; only its scenario did
    assert "Nieuw" in (project / "_build" / "stelling.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_built_page_plays_without_errors(project: Path, tab: Any) -> None:
    import functools
    import http.server
    import threading

    build(project, fresh=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "_build"))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        tab.page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        tab.page.wait_for_selector("section.ilomo-oefening .ilomo-speler")
        assert tab.page.locator(".ilomo-speler").count() == 2
        tab.page.locator("section.ilomo-oefening [role=group] button").first.click()
        assert tab.page.evaluate("() => document.activeElement.matches('.ilomo-kop')")
    finally:
        server.shutdown()
