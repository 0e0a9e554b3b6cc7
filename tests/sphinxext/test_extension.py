"""The Sphinx extension in small sites (``tests/sphinxext/sites/``, built with sphinx.testing's ``make_app``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

SITES = Path(__file__).parent / "sites"
MakeApp = Callable[..., SphinxTestApp]
pytestmark = pytest.mark.timeout(300)


def copy_site(name: str, tmp_path: Path) -> Path:
    """A copy of the site (the build writes into its source folder)."""
    return Path(shutil.copytree(SITES / name, tmp_path / name))


def test_launch_settings_are_config_values_with_the_environment_as_default(
        make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ILOMO_BRANCH", "release")
    monkeypatch.setenv("ILOMO_REPOSITORY", "https://example.org/niet-gebruikt")  # conf.py sets its own
    monkeypatch.delenv("ILOMO_JUPYTERHUB_URL", raising=False)
    options = make_app("html", srcdir=copy_site("launch", tmp_path)).config.html_theme_options
    assert options["repository_url"] == "https://github.com/gemeente/ilomo"
    assert options["repository_branch"] == "release"
    assert options["launch_buttons"] == {"jupyterhub_url": "https://hub.gemeente.nl"}


def test_without_values_the_theme_options_stay(make_app: MakeApp, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ILOMO_REPOSITORY", "ILOMO_BRANCH", "ILOMO_JUPYTERHUB_URL"):
        monkeypatch.delenv(name, raising=False)
    options = make_app("html", srcdir=copy_site("journal", tmp_path)).config.html_theme_options
    assert not {"repository_url", "repository_branch", "launch_buttons"} & set(options)


def test_the_journal_and_track_pages_get_the_index_and_nothing_else_does(make_app: MakeApp, tmp_path: Path) -> None:
    src = copy_site("journal", tmp_path)
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert app.env.ilomo_journal_pages == {  # type: ignore[attr-defined]
        "reflecties": {"tracks": [], "journal": True, "progress": False},
        "energie": {"tracks": ["energietransitie"], "journal": False, "progress": True},
        "onbekend": {"tracks": ["bestaat-niet"], "journal": False, "progress": True},
    }
    out = Path(app.outdir)
    # The index and shared helpers on both; the journal page's script on that page; track progress on the track page.
    for name, index, journal, progress in (("reflecties", True, True, False), ("energie", True, False, True),
                                           ("gewoon", False, False, False), ("index", False, False, False)):
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert ('id="ilomo-index"' in html) is index and ("ilomo-boek.js" in html) is index, name
        assert ("ilomo-journal.js" in html) is journal and ("ilomo-leerlijn.js" in html) is progress, name
        assert ("_static/ilomo.js" in html) is index and "_static/ilomo.css" not in html, name  # no exercises here
    for name in ("ilomo.js", "ilomo-boek.js", "ilomo-leerlijn.js", "ilomo-journal.js"):
        assert (out / "_static" / name).is_file(), name
    warnings = app.warning.getvalue()  # type: ignore[attr-defined]
    assert "onbekend.md" in warnings and "onbekende leerlijn 'bestaat-niet'" in warnings

    # A rebuild re-reads those pages (the index follows the notebooks), and a page that lost its marker drops out.
    (src / "energie.md").write_text("# Energie\n\nGeen leerlijn meer.\n", encoding="utf-8")
    again = make_app("html", srcdir=src)
    again.build()
    assert set(again.env.ilomo_journal_pages) == {"reflecties", "onbekend"}  # type: ignore[attr-defined]
