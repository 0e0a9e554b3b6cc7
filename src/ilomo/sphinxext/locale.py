"""The interface in the book's language: the project's message catalogues in ``locale/<language>/LC_MESSAGES/``.

Sphinx compiles and prefers ``sphinx.po`` itself (``locale_dirs`` in ``_config.yml``); it covers Sphinx's and
pydata-sphinx-theme's strings. Other themes' catalogues (sphinx-book-theme's ``booktheme``) are not compiled by
Sphinx, so this module compiles each ``<domain>.po`` with Babel into the doctree folder and puts it in front of the
installed catalogue of that domain. Nothing installed is changed. ``tests/site/test_dutch.py`` checks the result.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

from sphinx import locale as sphinx_locale
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)
SPHINX_DOMAIN = "sphinx"  # compiled and installed by Sphinx itself


def compile_catalogue(po: Path, mo: Path) -> None:
    """Compile one .po file with Babel (only when it changed)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        return
    mo.parent.mkdir(parents=True, exist_ok=True)
    with po.open("rb") as source:
        catalogue = read_po(source)
    with mo.open("wb") as target:
        write_mo(target, catalogue)


def prefer_catalogue(domain: str, mo: Path) -> None:
    """Make the catalogue in `mo` the first one Sphinx asks for `domain`; the installed one stays as a fallback."""
    with mo.open("rb") as handle:
        ours = gettext.GNUTranslations(handle)
    key = ("general", domain)
    installed = sphinx_locale.translators.get(key)
    if installed is not None:
        ours.add_fallback(installed)
    sphinx_locale.translators[key] = ours


def _install(app: Sphinx, config: Config) -> None:
    language = config.language or "en"
    for folder in config.locale_dirs:
        messages = Path(app.srcdir, folder, language, "LC_MESSAGES")
        for po in sorted(messages.glob("*.po")) if messages.is_dir() else []:
            if po.stem == SPHINX_DOMAIN:
                continue
            mo = Path(app.doctreedir, "ilomo-locale", language, f"{po.stem}.mo")
            try:
                compile_catalogue(po, mo)
            except Exception as error:  # a broken .po must not stop the build silently
                logger.warning("%s: catalogue not usable: %s", po, error, type="ilomo", subtype="locale")
                continue
            prefer_catalogue(po.stem, mo)


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("config-inited", _install)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
