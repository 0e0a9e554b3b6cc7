"""Publishing details of the site: the package version in the footer, the print stylesheet, launch-button settings.

- The footer shows ``ilomo.__version__``, set at ``config-inited`` so it never drifts from the package.
- ``ilomo-print.css`` (``media="print"``) turns a page into a handout: no navigation, exercises as text.
- Launch buttons (Binder, JupyterHub via nbgitpuller) need the repository's address. ``_config.yml`` holds a
  placeholder; the config values ``ilomo_repository_url``, ``ilomo_repository_branch`` and ``ilomo_jupyterhub_url``
  override it (``ilomo.sphinxext.config``: by default from ``ILOMO_REPOSITORY``, ``ILOMO_BRANCH`` and
  ``ILOMO_JUPYTERHUB_URL``; the publish workflow sets the first from GitHub), so no one edits the file to publish.
  A launch button whose address is still a placeholder (``JOUW-ORGANISATIE``, ``example.org``) is left out, and the
  build says so once: a participant never gets a link that cannot work.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)
VERSION_CLASS = "ilomo-versie"
# Addresses in _config.yml that stand for "fill in your own": a launch button with one of these is left out.
PLACEHOLDER_MARKS = ("JOUW-ORGANISATIE", "example.org", "example.com", "example.net")


def version_footer(version: str) -> str:
    return f'<p class="{VERSION_CLASS}">ILOMO versie {html.escape(version)}</p>'


def _footer_version(app: Sphinx, config: Config) -> None:
    from ilomo import __version__

    options = config.html_theme_options
    extra = str(options.get("extra_footer") or "")
    if VERSION_CLASS not in extra:
        options["extra_footer"] = extra + version_footer(__version__)


def _launch_settings(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    if config.ilomo_repository_url.strip():
        options["repository_url"] = config.ilomo_repository_url.strip().removesuffix(".git")
    if config.ilomo_repository_branch.strip():
        options["repository_branch"] = config.ilomo_repository_branch.strip()
    if config.ilomo_jupyterhub_url.strip():
        options["launch_buttons"] = {**options.get("launch_buttons", {}),
                                     "jupyterhub_url": config.ilomo_jupyterhub_url.strip()}


def is_placeholder(url: object) -> bool:
    """An empty address, or one of the examples `_config.yml` ships with."""
    text = str(url or "").strip()
    host = urlsplit(text).hostname or ""
    return not text or any(mark.lower() in text.lower() for mark in PLACEHOLDER_MARKS) or host.endswith(".invalid")


def drop_placeholder_launch_buttons(options: dict[str, Any]) -> list[str]:
    """Leave out launch buttons that would point at a placeholder; returns what was left out (for one message).

    Binder and the JupyterHub link both pull the notebooks from the repository, so a placeholder repository leaves
    out both; a placeholder hub leaves out only the hub."""
    buttons = dict(options.get("launch_buttons") or {})
    dropped = []
    repository_missing = is_placeholder(options.get("repository_url"))
    for key, name in (("binderhub_url", "Binder"), ("jupyterhub_url", "JupyterHub")):
        if not buttons.get(key):
            continue
        if repository_missing or is_placeholder(buttons[key]):
            buttons[key] = ""
            dropped.append(name)
    if "launch_buttons" in options or dropped:
        options["launch_buttons"] = buttons
    return dropped


def _drop_placeholders(app: Sphinx, config: Config) -> None:
    dropped = drop_placeholder_launch_buttons(config.html_theme_options)
    if dropped:
        logger.info(
            "ilomo: no launch buttons for %s: the repository or hub address in _config.yml is a placeholder "
            "(set ILOMO_REPOSITORY / ILOMO_JUPYTERHUB_URL at build time)", " and ".join(dropped))


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("config-inited", _footer_version)
    app.connect("config-inited", _launch_settings)
    app.connect("config-inited", _drop_placeholders, priority=600)  # after the settings had their say
    app.add_css_file("ilomo-print.css", media="print")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
