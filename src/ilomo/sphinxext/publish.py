"""Publishing details of the site: the package version in the footer, the print stylesheet, launch-button settings.

- The footer shows ``ilomo.__version__``, set at ``config-inited`` so it never drifts from the package.
- ``ilomo-print.css`` (``media="print"``) turns a page into a handout: no navigation, exercises as text.
- Launch buttons (Binder, JupyterHub via nbgitpuller) need the repository's address. ``_config.yml`` holds a
  placeholder; the config values ``ilomo_repository_url``, ``ilomo_repository_branch`` and ``ilomo_jupyterhub_url``
  override it (``ilomo.sphinxext.config``: by default from ``ILOMO_REPOSITORY``, ``ILOMO_BRANCH`` and
  ``ILOMO_JUPYTERHUB_URL``; the publish workflow sets the first from GitHub), so no one edits the file to publish.
"""

from __future__ import annotations

import html
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

VERSION_CLASS = "ilomo-versie"


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


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("config-inited", _footer_version)
    app.connect("config-inited", _launch_settings)
    app.add_css_file("ilomo-print.css", media="print")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
