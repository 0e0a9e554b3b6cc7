"""One version everywhere: pyproject.toml, the installed package, the site's footer and the changelog."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import ilomo
from ilomo.sphinxext import publish
from tests.conftest import ROOT

CHANGELOG = ROOT / "CHANGELOG.md"
SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}  # Keep a Changelog 1.1.0


def pyproject_version() -> str:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[project]", 1)[1].split("\n[", 1)[0]
    return re.search(r'^version\s*=\s*"([^"]+)"', project, re.M).group(1)


def test_installed_package_has_the_pyproject_version() -> None:
    assert ilomo.__version__ == pyproject_version(), "reinstall: pip install -e . (make install does it)"


def test_every_page_shows_the_version_in_the_footer(built_html: Path) -> None:
    footer = publish.version_footer(ilomo.__version__)
    assert f"ILOMO versie {ilomo.__version__}" in footer
    pages = [p for p in built_html.rglob("*.html") if "_static" not in p.parts and p.name != "index.html"]
    missing = [p.name for p in pages if footer not in p.read_text(encoding="utf-8")]
    assert pages and missing == []


def test_the_version_is_added_once_to_an_existing_footer() -> None:
    config = SimpleNamespace(html_theme_options={"extra_footer": "<p>Eigen tekst</p>"})
    publish._footer_version(None, config)
    publish._footer_version(None, config)
    assert config.html_theme_options["extra_footer"] == "<p>Eigen tekst</p>" + publish.version_footer(ilomo.__version__)


def test_changelog_follows_keep_a_changelog() -> None:
    text = CHANGELOG.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "keepachangelog.com" in text
    releases = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
    assert releases[0] == ("Unreleased", "")
    assert all(date for name, date in releases[1:]), "every release has a date (YYYY-MM-DD)"
    assert pyproject_version() in [name for name, _ in releases[1:]], "the current version has a changelog entry"
    assert set(re.findall(r"^### (.+)$", text, re.M)) <= SECTIONS
