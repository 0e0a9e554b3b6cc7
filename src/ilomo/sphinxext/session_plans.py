"""``{sessieplannen}``: every module's session plan on one page, read from the module notebooks at build time.

The plan is the body of the dropdown in each module's section "Voor de trainer" (see ``ilomo.content.modules``).
Nothing is copied by hand: the page follows the notebooks, and Sphinx rebuilds it when one of them changes.

    ```{sessieplannen}
    ```

An optional argument names the notebooks folder, relative to the book's root (default: the config value
``ilomo_notebooks``).
Put the directive last on its page: the plans become sections (H2) of the page.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from markdown_it import MarkdownIt
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ilomo.content.modules import load_module
from ilomo.room import texts

logger = logging.getLogger(__name__)

SECTION = "Voor de trainer"
PAGE_NAME = "sessieplannen"  # lines linking back to this page are left out of the plans
_OPTION = re.compile(r"^:[\w-]+:")


@dataclass(frozen=True)
class Plan:
    path: Path
    session: int
    title: str
    minutes: int
    body: str  # Markdown


def trainer_plan(markdown: str) -> str | None:
    """The body of the first ``{admonition}`` fence in the section's Markdown (option lines and self-links out)."""
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "fence" and token.info.strip().startswith("{admonition}"):
            lines = token.content.splitlines()
            while lines and _OPTION.match(lines[0]):
                lines.pop(0)
            return "\n".join(line for line in lines if f"{PAGE_NAME}.md" not in line).strip()
    return None


def module_plans(folder: Path) -> list[Plan]:
    """The plans of the module notebooks ``NN-*.ipynb`` (01 to 09) in the folder, in module order."""
    plans = []
    for path in sorted(folder.glob("0[1-9]-*.ipynb")):
        try:  # under the input policy: a notebook it refuses is a named warning, never a crash of the build
            module = load_module(path)
        except ValueError as err:
            logger.warning("%s: %s (niet in de sessieplannen)", path, err, type="ilomo", subtype="sessieplannen")
            continue
        body = trainer_plan(module.section_text.get(SECTION, ""))
        if body is not None and module.session is not None:
            plans.append(Plan(path, module.session, module.title or path.stem, module.minutes or 0, body))
    return plans


def plans_markdown(plans: list[Plan], page_dir: Path) -> str:
    """One H2 section per module: a link to the module, its time, then the plan itself."""
    parts = []
    for plan in plans:
        link = Path(os.path.relpath(plan.path, page_dir)).as_posix()
        number = f"{plan.session:02d}"
        heading = texts.PLANS_HEADING.format(number=number, title=plan.title)
        line = texts.PLANS_LINE.format(number=number, link=link, minutes=plan.minutes, session=plan.session)
        parts.append(f"## {heading}\n\n{line}\n\n{plan.body}\n")
    return "\n".join(parts)


class SessionPlans(SphinxDirective):
    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from ilomo.sphinxext.config import notebooks_dir

        folder = Path(self.env.srcdir, self.arguments[0]) if self.arguments else notebooks_dir(self.env)
        plans = module_plans(folder)
        for plan in plans:
            self.env.note_dependency(str(plan.path))  # rebuild this page when a notebook changes
        page_dir = Path(self.env.doc2path(self.env.docname)).parent
        text = plans_markdown(plans, page_dir)
        container = nodes.Element()
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), 0, container, match_titles=True)
        return list(container.children)


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("ilomo.sphinxext.config")
    app.add_directive("sessieplannen", SessionPlans)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["Plan", "SessionPlans", "module_plans", "plans_markdown", "setup", "trainer_plan"]
