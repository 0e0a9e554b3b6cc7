"""Script loading: no script in the head stops the browser from reading the page.

A classic script in the head blocks the HTML parser until it has arrived *and* every stylesheet before it has
loaded (a script may ask for styles); an inline script after the stylesheets blocks the same way. The themes put
six such scripts (Sphinx's documentation_options.js, doctools.js, sphinx_highlight.js and translations.js, ilomo's
ilomo-site.js, sphinx-book-theme.js) and a few inline settings there, so the body of a long module page was only
read after all the CSS had come in, and the exercises became usable later than they need to (`make bench`: first
choice clickable).

What `defer_scripts` does with each page's ``script_files`` (after every extension added its own):

- Scripts that were already non-blocking (``defer``, ``async``, ``type="module"``: ilomo's player) stay first, in
  their order, so they run as soon as the page is parsed and before the theme's scripts.
- Every other external script gets ``defer``, in its original order: doctools.js before ilomo-site.js before
  translations.js (ilomo-site.js replaces a function translations.js calls), clipboard.min.js before copybutton.js.
  None of them needs to run before the page is parsed: each waits for DOMContentLoaded or checks
  ``document.readyState``, which is "interactive" when deferred scripts run.
- ``documentation_options.js`` defines ``DOCUMENTATION_OPTIONS``, which the inline settings (the page name, the
  search options) change, and an inline script cannot be deferred. So these go to the end of the body
  (``ilomo_end_scripts``, written after the footer by ``templates/layout.html``): a classic script there blocks
  nothing that comes after it, runs once the body is read, and still before every deferred script.

Fewer requests: Sphinx's search-term highlighting (sphinx_highlight.js) and the Dutch texts of Sphinx's scripts
(translations.js) are linked from the search page only, which uses both. A page opened from a search result has
the terms to mark (in localStorage or ``?highlight=``); only then does ``ilomo-site.js`` load the two scripts. The
theme's ``theme.css`` is nothing but ``@import "../basic.css"``: ``templates/static/webpack-macros.html`` links
basic.css itself, which saves a request and a round trip before the page can be drawn.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

# Classic scripts that inline scripts depend on: with those, at the end of the body, not deferred.
END_OF_BODY = ("documentation_options.js",)
NON_BLOCKING = ("defer", "async")
AFTER_NON_BLOCKING = 1000  # Sphinx's priorities run from 0 to 999
# Linked from the search page only; ilomo-site.js loads them on a page that has search terms to mark.
ON_DEMAND = ("sphinx_highlight.js", "translations.js")
SEARCH_PAGE = "search"


def _name(js: Any) -> str:
    return str(getattr(js, "filename", None) or (js if isinstance(js, str) else ""))


def _attributes(js: Any) -> dict[str, str]:
    return dict(getattr(js, "attributes", {}) or {})


def is_non_blocking(js: Any) -> bool:
    attributes = _attributes(js)
    return any(attributes.get(key) for key in NON_BLOCKING) or attributes.get("type") == "module"


def is_inline(js: Any) -> bool:
    return not _name(js) and "body" in _attributes(js)


def deferred(js: Any) -> Any:
    """The same script with ``defer``, after the scripts that were non-blocking already.

    Sphinx sorts a page's scripts by priority after the page-context handlers (a stable sort), so the order is kept
    by moving every newly deferred script up by the same amount (Sphinx's script entries are immutable)."""
    from sphinx.builders.html._assets import _JavaScript

    if not isinstance(js, _JavaScript):
        return _JavaScript(_name(js), priority=500 + AFTER_NON_BLOCKING, defer="defer")
    return _JavaScript(js.filename, priority=js.priority + AFTER_NON_BLOCKING, **{**js.attributes, "defer": "defer"})


def split_scripts(scripts: list[Any]) -> tuple[list[Any], list[Any]]:
    """Returns (scripts for the head, all deferred; scripts for the end of the body), each in its original order."""
    first, later, end = [], [], []
    for js in scripts:
        if is_inline(js) or _name(js).rsplit("/", 1)[-1] in END_OF_BODY:
            end.append(js)
        elif is_non_blocking(js):
            first.append(js)
        else:
            later.append(deferred(js))
    return first + later, end


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Runs after the other page-context handlers (priority 950): every script is in ``script_files`` by then."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    if pagename != SEARCH_PAGE:
        scripts[:] = [js for js in scripts if _name(js).rsplit("/", 1)[-1] not in ON_DEMAND]
    head, end = split_scripts(scripts)
    scripts[:] = head
    context["ilomo_end_scripts"] = end


def setup(app: Sphinx) -> dict[str, Any]:
    """Called from ilomo.sphinxext.setup."""
    app.connect("html-page-context", defer_scripts, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
