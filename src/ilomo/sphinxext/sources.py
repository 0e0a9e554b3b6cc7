"""The `bronnenlijst` directive: every source used anywhere in the book, from one place.

It lists the central source list (`ilomo/data/bronnen.yml`, package data) with, for each source, the modules that cite
it (from the notebooks' `metadata.ilomo.sources`), plus any source that a scenario names by URL but the
central list lacks, so the page can never fall behind the content. Every file is read under the input policy
(``ilomo.inputs``); one it refuses is a named build warning (an error with ``-W``), never a crash.
"""

from __future__ import annotations

from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ilomo import inputs
from ilomo.content.modules import check_sources, load_module, sources

logger = logging.getLogger(__name__)

SOURCES_FILE = Path(str(files("ilomo").joinpath("data", "bronnen.yml")))

GRADES = {
    "A": "officieel of primair",
    "B": "betrouwbaar secundair",
    "C": "zwak; met zorg gebruikt",
}


def modules_citing(notebooks: Path) -> dict[str, list[str]]:
    """Source id -> module numbers ("01", …) whose notebook metadata lists it."""
    cited: dict[str, list[str]] = defaultdict(list)
    for notebook in sorted(notebooks.glob("[0-9][0-9]-*.ipynb")):
        try:
            module = load_module(notebook)
        except ValueError as err:
            logger.warning("%s: %s (niet meegeteld in de bronnenlijst)", notebook, err, type="ilomo", subtype="bronnen")
            continue
        for source_id in module.field_list("sources"):
            cited[source_id].append(notebook.name[:2])
    return cited


def scenario_only_sources(scenarios: Path, known_urls: set[str]) -> list[dict[str, Any]]:
    """Sources with a URL that scenarios cite but the central list does not hold."""
    extra: dict[str, dict[str, Any]] = {}
    for path in sorted(scenarios.glob("*.yml")):
        try:
            data = inputs.load_yaml(path, inputs.SCENARIO)
        except inputs.InputRefused as err:
            logger.warning("%s (niet meegeteld in de bronnenlijst)", err, type="ilomo", subtype="bronnen")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("sources") or [], list):
            continue
        for source in data.get("sources") or []:
            url = source.get("url") if isinstance(source, dict) else None
            if url and url not in known_urls:
                extra.setdefault(url, {"title": source.get("title", url), "url": url, "used": set()})
                extra[url]["used"].add(str(data.get("module", "")))
    return list(extra.values())


def _link(title: str, url: str | None) -> nodes.Node:
    if not url:
        return nodes.Text(title)
    return nodes.reference("", title, refuri=url)


class BronnenlijstDirective(SphinxDirective):
    """Renders the full source list as a definition-free bullet list, sorted by title."""

    def run(self) -> list[nodes.Node]:
        from ilomo.sphinxext.config import notebooks_dir, scenarios_dir

        self.env.note_dependency(str(SOURCES_FILE))
        cited = modules_citing(notebooks_dir(self.env))
        for problem in check_sources():  # the file refused by the input policy, or an entry the list cannot show
            logger.warning(problem, location=self.get_location(), type="ilomo", subtype="bronnen")
        entries = sorted((e for e in sources().values() if not check_sources([e])),
                         key=lambda e: str(e["title"]).lower())
        items = nodes.bullet_list()
        for entry in entries:
            para = nodes.paragraph()
            para += _link(entry["title"], entry.get("url"))
            details = [entry["author"]]
            if entry.get("year"):
                details.append(str(entry["year"]))
            details.append(f"betrouwbaarheid {entry['grade']} ({GRADES[entry['grade']]})")
            used = cited.get(entry["id"])
            if used:
                details.append("gebruikt in module " + ", ".join(used))
            para += nodes.Text(". " + ", ".join(details) + ".")
            items += nodes.list_item("", para)
        known = {e["url"] for e in entries if e.get("url")}
        for extra in scenario_only_sources(scenarios_dir(self.env), known):
            para = nodes.paragraph()
            para += _link(extra["title"], extra["url"])
            para += nodes.Text(". Genoemd in een oefening (" + ", ".join(sorted(extra["used"])) + ").")
            items += nodes.list_item("", para)
        return [items]


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.setup_extension("ilomo.sphinxext.config")
    app.add_directive("bronnenlijst", BronnenlijstDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
