"""The ``oefening`` directive: a kernel-free exercise from ``scenarios/<id>.yml`` in the book.

Usage (MyST)::

    ```{oefening} 07-leap-balie
    ```

The scenario is looked up like ``ilomo.scenario.find`` does; a missing or invalid scenario is a build warning
that names the page, the line and the scenario's problems. The page depends on the YAML file, so editing the
scenario rebuilds the page. A page with exercises loads the static player: ``ilomo.css``, ``ilomo.js`` and the
script of each kind it shows (``ilomo-<kind>.js``, copied from ``ilomo/kinds/<kind>/player.js``), all deferred.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ilomo.static import ASSETS, PLAYER_CORE, exercise_html, kinds_in

logger = logging.getLogger(__name__)


class OefeningDirective(SphinxDirective):
    """```{oefening} <scenario id>```: the exercise as static HTML (data, player hook, text version)."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from ilomo.scenario import ScenarioInvalid, ScenarioNotFound, find_path, load, scenarios_dir

        scenario_id = self.arguments[0].strip()
        try:
            path = find_path(scenario_id)
        except ScenarioNotFound as exc:
            folder = scenarios_dir()
            if folder is not None:  # a missing dependency keeps the page outdated until the file exists
                self.env.note_dependency(str((folder / f"{scenario_id}.yml").resolve()))
            return self.problem(scenario_id, str(exc))
        self.env.note_dependency(str(Path(path).resolve()))
        try:
            scenario = load(path)
        except ScenarioInvalid as exc:
            return self.problem(scenario_id, "\n".join(str(p) for p in exc.problems))
        html = exercise_html(scenario, level=self.heading_level())
        return [nodes.raw("", html, format="html")]

    def heading_level(self) -> int:
        """One below the enclosing section: under the page title (h1) the exercise title is h2."""
        return getattr(self.state.memo, "section_level", 1) + 1

    def problem(self, scenario_id: str, details: str) -> list[nodes.Node]:
        """Warn with page and line; show readers a short Dutch note instead of the exercise."""
        logger.warning("oefening %r kan niet worden getoond:\n%s", scenario_id, details,
                       location=(self.env.docname, self.lineno), type="ilomo", subtype="oefening")
        note = nodes.paragraph(text=f"De oefening '{scenario_id}' kan nu niet worden getoond.")
        return [nodes.warning("", note)]


def add_static_path(app: Sphinx, config: Config) -> None:
    """Copy the site's static folder (ilomo/sphinxext/static) into the build's _static."""
    assets = str(ASSETS)
    if assets not in config.html_static_path:
        config.html_static_path.append(assets)


def add_player_core(app: Sphinx, stylesheet: bool = True) -> None:
    """The player's shared part on this page; the journal pages use its script (``window.ILOMO``) without the
    exercises' stylesheet."""
    css, js = PLAYER_CORE
    if stylesheet:
        app.builder.add_css_file(css, priority=500)  # type: ignore[attr-defined]  # this page only
    app.builder.add_js_file(js, priority=500, defer="defer")  # type: ignore[attr-defined]


def add_player(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Only the scripts of the kinds this page shows, after ilomo.js (deferred scripts run in order)."""
    from ilomo.kinds import kind_of

    kinds = kinds_in(str(context.get("body") or ""))
    if not kinds:
        return
    add_player_core(app)
    for kind in kinds:
        app.builder.add_js_file(kind_of(kind).script, priority=501, defer="defer")  # type: ignore[attr-defined]


def copy_kind_scripts(app: Sphinx) -> None:
    """Each kind's ``player.js`` into ``_static`` as ``ilomo-<kind>.js``, before the pages are written, so Sphinx
    adds their checksum to the address (``?v=``) as for every other script; ilomo.sphinxext.weight minifies them
    with the others after the build."""
    if app.builder.format != "html":
        return
    from ilomo.kinds import KINDS

    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for kind in KINDS.values():
        (static / kind.script).write_bytes(kind.script_source().read_bytes())


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.add_directive("oefening", OefeningDirective)
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", add_player)
    app.connect("builder-inited", copy_kind_scripts)
    # env_version 2: pages load the player per kind; a new version makes Sphinx write every page again.
    return {"env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
