"""One name per module everywhere: "Module 7: Contact maken en houden".

The learning-track progress box names a module by ``ilomo.journal.index.module_label``; the sidebar and the
previous/next links use the page's title. After Sphinx has collected a module page's title, this step sets the
title those navigation parts use to the same label (the page's own heading and the browser tab keep the title).
``tests/site/test_module_names.py`` checks the sidebar, the track routes and the progress box agree.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ilomo.journal.index import module_label

MODULE_DOC = re.compile(r"^notebooks/(\d\d)-[a-z0-9][a-z0-9-]*$")


def name_module(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    match = MODULE_DOC.match(docname)
    if not match or match.group(1) == "00" or docname not in app.env.titles:
        return
    title = app.env.titles[docname].astext()
    if title.startswith("Module "):
        return
    label = module_label(match.group(1), title)
    app.env.titles[docname] = nodes.title("", label)  # previous/next links
    toc = app.env.tocs.get(docname)  # the sidebar: the first entry of the page's own contents is the page
    for ref in toc.findall(nodes.reference) if toc is not None else []:
        if not ref.get("anchorname"):
            ref.children = [nodes.Text(label)]
            break


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("doctree-read", name_module, priority=900)  # after Sphinx's title collector (500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
