"""The Sphinx extension in small sites (sphinx.testing): config values, and the journal pages' collector."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.timeout(300)

JOURNAL_PAGE = "# Mijn reflecties\n\n```{ilomo-reflecties}\n```\n"
TRACK_PAGE = '# Energie\n\n<div class="ilomo-leerlijn" data-leerlijn="energietransitie"></div>\n'


def site(tmp_path: Path, conf: str, pages: dict[str, str]) -> Path:
    src = tmp_path / "site"
    src.mkdir()
    (src / "notebooks").mkdir()
    (src / "conf.py").write_text(f"extensions = ['myst_parser', 'ilomo.sphinxext']\n{conf}", encoding="utf-8")
    toc = "\n".join(name for name in pages if name != "index")
    pages = {"index": f"# Start\n\n```{{toctree}}\n{toc}\n```\n", **pages}
    for name, text in pages.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")
    return src


def test_launch_settings_are_config_values_with_the_environment_as_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILOMO_BRANCH", "release")
    monkeypatch.delenv("ILOMO_REPOSITORY", raising=False)
    monkeypatch.delenv("ILOMO_JUPYTERHUB_URL", raising=False)
    conf = ("ilomo_repository_url = 'https://github.com/gemeente/ilomo.git'\n"
            "ilomo_jupyterhub_url = 'https://hub.gemeente.nl'\n")
    app = SphinxTestApp("html", srcdir=site(tmp_path, conf, {}))
    try:
        options = app.config.html_theme_options
        assert options["repository_url"] == "https://github.com/gemeente/ilomo"
        assert options["repository_branch"] == "release"
        assert options["launch_buttons"] == {"jupyterhub_url": "https://hub.gemeente.nl"}
    finally:
        app.cleanup()


def test_without_values_the_theme_options_stay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ILOMO_REPOSITORY", "ILOMO_BRANCH", "ILOMO_JUPYTERHUB_URL"):
        monkeypatch.delenv(name, raising=False)
    app = SphinxTestApp("html", srcdir=site(tmp_path, "", {}))
    try:
        assert not {"repository_url", "repository_branch", "launch_buttons"} & set(app.config.html_theme_options)
    finally:
        app.cleanup()


def test_the_journal_and_track_pages_get_the_index_and_nothing_else_does(tmp_path: Path) -> None:
    src = site(tmp_path, "", {"reflecties": JOURNAL_PAGE, "energie": TRACK_PAGE, "gewoon": "# Gewoon\n\nTekst.\n"})
    app = SphinxTestApp("html", srcdir=src, freshenv=True)
    try:
        app.build()
        assert app.env.ilomo_journal_pages == {  # type: ignore[attr-defined]
            "reflecties": {"tracks": [], "journal": True},
            "energie": {"tracks": ["energietransitie"], "journal": False},
        }
        out = Path(app.outdir)
        for name, has in (("reflecties", True), ("energie", True), ("gewoon", False), ("index", False)):
            html = (out / f"{name}.html").read_text(encoding="utf-8")
            assert ('id="ilomo-index"' in html) is has and ("ilomo-journal.js" in html) is has, name
        assert (out / "_static" / "ilomo-journal.js").is_file() and (out / "_static" / "ilomo.js").is_file()
    finally:
        app.cleanup()
    # A rebuild re-reads those pages (the index follows the notebooks), and only those.
    (src / "energie.md").write_text("# Energie\n\nGeen leerlijn meer.\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        assert set(app.env.ilomo_journal_pages) == {"reflecties"}  # type: ignore[attr-defined]
    finally:
        app.cleanup()


def test_an_unknown_track_is_a_warning_naming_the_page(tmp_path: Path) -> None:
    page = '# X\n\n<div class="ilomo-leerlijn" data-leerlijn="bestaat-niet"></div>\n'
    app = SphinxTestApp("html", srcdir=site(tmp_path, "", {"x": page}), freshenv=True)
    try:
        app.build()
        warnings = app.warning.getvalue()  # type: ignore[attr-defined]
        assert "x.md" in warnings and "onbekende leerlijn 'bestaat-niet'" in warnings
    finally:
        app.cleanup()
