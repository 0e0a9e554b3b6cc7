"""Links: undo myst-parser's double escaping of ``&`` in link addresses.

myst-parser 3 HTML-escapes a Markdown link's address into the doctree (``&`` becomes ``&amp;``), and Sphinx's HTML
writer escapes it again, so ``?a=1&b=2`` ends up as ``?a=1&amp;b=2`` in the browser and the link breaks (myst-parser
issue 760, fixed upstream after the versions Jupyter Book 1 allows). ``tests/gates/test_links.py`` catches it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def unescape_refuris(app: Sphinx, doctree: nodes.document) -> None:
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri")
        if uri and "&amp;" in uri:
            ref["refuri"] = uri.replace("&amp;", "&")


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("doctree-read", unescape_refuris)
    # A new env_version makes Sphinx read every page again once, so built sites get the fix without `make clean`.
    return {"env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
