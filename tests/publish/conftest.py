"""Fixtures for the release artefacts: the site zip unpacked in a tmp folder, and the module PDFs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ilomo.publish import make_dist, make_pdfs


@pytest.fixture(scope="session")
def site_zip(built_html: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_dist(built_html, tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def unzipped_site(site_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unpacked the way a participant does it: one folder with index.html inside."""
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site_zip) as zf:
        zf.extractall(target)
    return target / site_zip.stem


@pytest.fixture(scope="session")
def module_pdfs(built_html: Path, browser: object, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_pdfs(built_html, tmp_path_factory.mktemp("pdf"), browser=browser)
