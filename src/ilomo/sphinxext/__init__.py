"""ilomo's Sphinx extension: exercises, the journal, the trainers' pages, theme fixes, and a strict CSP.

One package, one place for each part:

- ``config``: the config values (``sphinx: config:`` in ``_config.yml``);
- directives: ``oefening`` (exercises), ``ilomo-reflecties`` and the track progress (``journal``, with its
  `EnvironmentCollector`), ``bronnenlijst`` (``sources``), ``sessieplannen`` (``session_plans``);
- page and post-build steps: ``publish`` (footer version, print CSS, launch buttons), ``weight`` (page weight, icon
  font subset), ``images`` (charts as palette PNGs), ``loading`` (no parser-blocking scripts), ``stylesheets``
  (the themes' stylesheets as one), ``links``, ``csp`` (the Content-Security-Policy, last of all);
- ``static/``: every CSS and JS file the site ships; ``templates/``: our overrides of the theme's templates.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ilomo.sphinxext import (
    headings,
    images,
    journal,
    loading,
    locale,
    modulenames,
    oefening,
    publish,
    session_plans,
    sources,
    stylesheets,
    weight,
)
from ilomo.sphinxext.csp import add_csp_to_site

logger = logging.getLogger(__name__)
# Package data, found the way an installed wheel has it (a folder on disk: Sphinx copies from real paths).
TEMPLATES = Path(str(files("ilomo").joinpath("sphinxext", "templates")))
STATIC = Path(str(files("ilomo").joinpath("sphinxext", "static")))


def _add_paths(app: Sphinx, config: Config) -> None:
    # Our overrides of theme components come first, so they win over the theme's own.
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    if str(STATIC) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        for problem in add_csp_to_site(Path(app.outdir)):
            logger.warning(problem, type="ilomo", subtype="csp")


def setup(app: Sphinx) -> dict[str, Any]:
    from ilomo import __version__

    app.setup_extension("ilomo.sphinxext.config")
    app.connect("config-inited", _add_paths)
    # After doctools.js (200), before translations.js (500): see the comment in the file.
    app.add_js_file("ilomo-site.js", priority=300)
    app.add_css_file("ilomo-site.css", priority=850)  # theme fixes for phones and exercises (after the themes)
    # Late, so pages other extensions write at the end (the index.html redirect) get the policy too.
    app.connect("build-finished", _finish, priority=900)
    sources.setup(app)  # the page listing every source
    session_plans.setup(app)  # the trainers' page of session plans, read from the module notebooks
    oefening.setup(app)
    publish.setup(app)  # version in the footer, print stylesheet, launch-button settings
    journal.setup(app)  # the journal page and learning-track progress (ilomo-journal.js on those pages only)
    headings.setup(app)  # exercise headings continue the page's outline (data-heading-base)
    locale.setup(app)  # the project's Dutch catalogues before the themes' own
    modulenames.setup(app)  # "Module 7: …" in the sidebar and prev/next, as in the track progress
    weight.setup(app)  # no unused widget state or fontawesome.js: module pages stay under 1 MB
    images.setup(app)  # the notebooks' matplotlib charts as palette PNGs (a third of the bytes, the same picture)
    loading.setup(app)  # no script blocks the parser: theme scripts deferred, settings at the end of the body
    stylesheets.setup(app)  # the themes' four stylesheets as one, one request before the page is drawn
    app.setup_extension("ilomo.sphinxext.links")  # `&` in link addresses escaped once, not twice (myst-parser)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
