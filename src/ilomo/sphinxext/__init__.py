"""ilomo's Sphinx extension: site assets, privacy and accessibility fixes for the book."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from ilomo import __version__

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
