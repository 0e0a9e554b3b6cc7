"""ilomo's Sphinx extension: exercises, theme fixes for accessibility, and a strict Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from ilomo.sphinxext import bronnen, headings, journal, locale, modulenames, oefening, publish, sessieplannen, weight
from ilomo.sphinxext.csp import add_csp_to_site

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def _add_paths(app: Sphinx, config: Config) -> None:
    # Our overrides of theme components come first, so they win over the theme's own.
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        for problem in add_csp_to_site(Path(app.outdir)):
            logger.warning(problem, type="ilomo", subtype="csp")


def setup(app: Sphinx) -> dict[str, Any]:
    from ilomo import __version__

    app.connect("config-inited", _add_paths)
    # After doctools.js (200), before translations.js (500): see the comment in the file.
    app.add_js_file("ilomo-site.js", priority=300)
    app.add_css_file("ilomo-site.css", priority=850)  # theme fixes for phones and exercises (after the themes)
    # Late, so pages other extensions write at the end (the index.html redirect) get the policy too.
    app.connect("build-finished", _finish, priority=900)
    bronnen.setup(app)
    sessieplannen.setup(app)  # the trainers' page of session plans, read from the module notebooks
    oefening.setup(app)
    publish.setup(app)  # version in the footer, print stylesheet, launch-button settings from the environment
    journal.setup(app)  # the journal page and learning-track progress (ilomo-journal.js on those pages only)
    headings.setup(app)  # exercise headings continue the page's outline (data-heading-base)
    locale.setup(app)  # the project's Dutch catalogues before the themes' own
    modulenames.setup(app)  # "Module 7: …" in the sidebar and prev/next, as in the track progress
    weight.setup(app)  # no unused widget state or fontawesome.js: module pages stay under 1 MB
    app.setup_extension("ilomo.sphinxext.links")  # `&` in link addresses escaped once, not twice (myst-parser)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
