"""The journal page and learning-track progress: what they need from the book, only on the pages that show them.

- ```{ilomo-reflecties}``` (on ``book/mijn-reflecties.md``) is the place of the journal: a ``div.ilomo-dagboek``.
- A track page holds ``<div class="ilomo-leerlijn" data-leerlijn="<track id>"></div>``; the start page holds
  ``<div class="ilomo-mijn-leerlijn"></div>`` (the chosen track's progress).

Pages with one of these get ``ilomo-boek.js`` (the index and shared helpers), ``ilomo-leerlijn.js`` (track
progress) or ``ilomo-journal.js`` (the journal page) as they need, and ``ilomo-journal.css``, after the player's
``ilomo.js`` (no other page loads them) and, as a
JSON data block ``<script type="application/json" id="ilomo-index">``, `ilomo.journal.index.build_index` plus
the relative address of every module page, track page and the journal page, and the limits of the importer
(``ilomo.inputs.JOURNAL``, so the site and ``ilomo journal import`` refuse the same files). Those pages are
re-read on every build (they are few and small), so a changed notebook or scenario never leaves an outdated index
behind; the `JournalPagesCollector` keeps the list of those pages. The notebooks and scenarios are read from the
folders of the config values ``ilomo_notebooks`` and ``ilomo_scenarios``.

During the build ``ILOMO_GEEN_JOURNAL`` is set, so executing the notebooks never reads a learner's own journal
file into the published pages (``ilomo.journal.default_store``).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ilomo.inputs import JOURNAL, browser_limits
from ilomo.journal import ENV_NO_JOURNAL
from ilomo.journal.index import build_index
from ilomo.sphinxext.oefening import add_player_core
from ilomo.static import json_for_script

logger = logging.getLogger(__name__)

JOURNAL_CLASS = "ilomo-dagboek"
MARKERS = re.compile(r"""class\s*=\s*["'][^"']*\bilomo-(dagboek|leerlijn|mijn-leerlijn)\b""")
TRACK = re.compile(r"""data-leerlijn\s*=\s*["']([^"']*)["']""")
# The book's index and shared helpers, then the track progress and the journal page where they are shown.
BOOK_JS, PROGRESS_JS, JS, CSS = "ilomo-boek.js", "ilomo-leerlijn.js", "ilomo-journal.js", "ilomo-journal.css"
PLACEHOLDER = (
    f'<div class="{JOURNAL_CLASS}"><p>Je reflecties verschijnen hier. '
    "Daarvoor is JavaScript nodig. Staat dat uit? Dan kun je deze pagina niet gebruiken.</p></div>"
)


class ReflectiesDirective(SphinxDirective):
    """```{ilomo-reflecties}```: the journal of the learner, filled in the browser by ilomo-journal.js."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", PLACEHOLDER, format="html")]


class JournalPagesCollector(EnvironmentCollector):
    """Which pages show the journal or a track's progress: ``env.ilomo_journal_pages``, docname ->
    ``{"tracks": [track ids on that page], "journal": bool, "progress": bool}``; kept across parallel reads and
    rebuilds."""

    @staticmethod
    def pages(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
        if not hasattr(env, "ilomo_journal_pages"):
            env.ilomo_journal_pages = {}  # type: ignore[attr-defined]
        return env.ilomo_journal_pages  # type: ignore[attr-defined]

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.pages(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
        self.pages(env).update({d: v for d, v in self.pages(other).items() if d in docnames})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        kinds: set[str] = set()
        tracks: list[str] = []
        for raw in doctree.findall(nodes.raw):
            if "html" not in raw.get("format", "").split():
                continue
            text = raw.astext()
            if MARKERS.search(text):
                kinds.update(MARKERS.findall(text))
                tracks += TRACK.findall(text)
        if not kinds:
            return
        self.pages(env)[env.docname] = {"tracks": tracks, "journal": "dagboek" in kinds,
                                        "progress": bool(kinds & {"leerlijn", "mijn-leerlijn"})}
        known = {t["id"] for t in _index(app)["tracks"]}
        for track in tracks:
            if track not in known:
                logger.warning("onbekende leerlijn %r in data-leerlijn (bekend: %s)", track,
                               ", ".join(sorted(known)), location=env.docname, type="ilomo", subtype="leerlijn")

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                          removed: set[str]) -> list[str]:
        """These pages are re-read on every build (they are few), so the index never lags behind the content."""
        _index_for.cache_clear()
        return [d for d in self.pages(env) if d in env.found_docs and d not in removed]


_pages = JournalPagesCollector.pages


@lru_cache(maxsize=1)
def _index_for(notebooks: str, scenarios: str) -> dict[str, Any]:
    from ilomo.scenario.finder import search_dirs

    def warn(message: str) -> None:  # a hostile or broken file is named, never a crash (-W makes it an error)
        logger.warning(message, type="ilomo", subtype="index")

    return build_index(Path(notebooks), [Path(scenarios), *search_dirs()], warn)


def _index(app: Sphinx) -> dict[str, Any]:
    from ilomo.sphinxext.config import notebooks_dir, scenarios_dir

    return _index_for(str(notebooks_dir(app.env)), str(scenarios_dir(app.env)))


def page_index(app: Sphinx, pagename: str) -> dict[str, Any]:
    """The index with addresses relative to ``pagename`` (modules, track pages, the journal page)."""
    env, builder = app.env, app.builder
    data = _index(app)

    def uri(doc: str | None) -> str | None:
        return builder.get_relative_uri(pagename, doc) if doc and doc in env.found_docs else None

    pages = _pages(env)
    track_pages: dict[str, str] = {}
    for doc in sorted(pages):
        for track in pages[doc]["tracks"]:
            track_pages.setdefault(track, doc)
    journal = next((d for d in sorted(pages) if pages[d].get("journal")), None)
    return {
        **data,
        "limits": browser_limits(JOURNAL),  # the importer's input policy, the numbers of `ilomo journal import`
        "modules": [{**m, "url": uri(m.get("doc"))} for m in data["modules"]],
        "tracks": [{**t, "url": uri(track_pages.get(t["id"]))} for t in data["tracks"]],
        "journal": uri(journal),
    }


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename not in _pages(app.env) or "body" not in context:
        return
    page = _pages(app.env)[pagename]
    add_player_core(app, stylesheet=False)  # window.ILOMO: the journal in this browser, safe HTML
    scripts = [BOOK_JS, *([PROGRESS_JS] if page["progress"] else []), *([JS] if page["journal"] else [])]
    for priority, script in enumerate(scripts, start=510):  # in this order, after ilomo.js and any kind's script
        app.builder.add_js_file(script, priority=priority, defer="defer")  # type: ignore[attr-defined]
    app.builder.add_css_file(CSS, priority=510)  # type: ignore[attr-defined]
    data = json_for_script(page_index(app, pagename))
    context["body"] += f'<script type="application/json" id="ilomo-index">{data}</script>'


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    # An environment variable, not a config value: the notebook kernels myst-nb starts must see it too.
    os.environ[ENV_NO_JOURNAL] = "1"  # the notebooks executed for the book never read a private journal
    app.setup_extension("ilomo.sphinxext.config")
    app.add_directive("ilomo-reflecties", ReflectiesDirective)
    app.add_env_collector(JournalPagesCollector)
    app.connect("html-page-context", _page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
