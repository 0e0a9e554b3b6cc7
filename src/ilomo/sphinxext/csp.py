"""A Content-Security-Policy meta tag on every built page.

The policy allows scripts only from the site itself plus, by hash, the inline scripts the project and the themes
are known to write (``KNOWN_INLINE_SCRIPTS``), and no connection, form or frame to any other place. It is added
after the build because only then is each page's final set of inline scripts known. An inline script that is not
known (one that entered a page through content or a new extension) gets no hash, so browsers refuse to run it, and
the build reports it (a warning, so ``-W`` fails). The theme's few inline onclick attributes become data attributes
that `ilomo-site.js` handles, so no inline event handler is allowed at all.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

CSP_MARKER = 'http-equiv="Content-Security-Policy"'
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_INLINE_HANDLER = re.compile(r'\son[a-z]+="([^"]*)"')
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)


def _template_script(template: Path) -> str:
    """The body of the one inline script in one of ilomo's templates (layout.html: the storage stand-in)."""
    match = _INLINE_SCRIPT.search(template.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


# Every inline script the site may carry, as a pattern its whole body must match. Values that vary per page (a page
# name, a translated hint) are limited to characters that cannot end a string or a script.
_VALUE = r"[^'\\<>\n]*"
KNOWN_INLINE_SCRIPTS = [
    re.escape(_template_script(Path(__file__).parent / "templates" / "layout.html")),  # ilomo: storage stand-in
    # pydata-sphinx-theme: colour mode before the first paint, page name, search options, search page focus
    r'\s*document\.documentElement\.dataset\.mode = localStorage\.getItem\("mode"\) \|\| "(auto|light|dark)";'
    r'\s*document\.documentElement\.dataset\.theme = localStorage\.getItem\("theme"\) \|\| "(auto|light|dark)";\s*',
    rf"DOCUMENTATION_OPTIONS\.pagename = '{_VALUE}';",
    r"DOCUMENTATION_OPTIONS\.search_as_you_type = (true|false);",
    r'\s*// Activate the search field on page load'
    r'\s*let searchInput = document\.querySelector\("form\.bd-search input"\);'
    r'\s*if \(searchInput\) \{\s*searchInput\.focus\(\);\s*searchInput\.select\(\);'
    r'\s*console\.log\("\[PST\]: Set focus on search field\."\);\s*\}\s*',
    # sphinx-togglebutton's settings
    rf"let toggleHint(Show|Hide) = '{_VALUE}';",
    r"let toggleOpenOnPrint = '(true|false)';",
    rf"var togglebuttonSelector = '{_VALUE}';",
]
_KNOWN = [re.compile(pattern, re.S) for pattern in KNOWN_INLINE_SCRIPTS]


def is_known_script(body: str) -> bool:
    return any(known.fullmatch(body) for known in _KNOWN)


def unknown_inline_scripts(html: str) -> list[str]:
    """Inline scripts of a page that are not on the known list (shortened, for a message)."""
    return [" ".join(m.group(1).split())[:80] for m in _INLINE_SCRIPT.finditer(html)
            if not _is_data_block(m.group(0)) and not is_known_script(m.group(1))]


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(html: str) -> str:
    """The policy for one page: known inline scripts allowed by their hash (JSON data blocks need none)."""
    scripts = {script_hash(m.group(1)) for m in _INLINE_SCRIPT.finditer(html)
               if not _is_data_block(m.group(0)) and is_known_script(m.group(1))}
    sources = ["'self'", *sorted(scripts)]
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join(sources),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "form-action 'none'",  # no form may submit; ilomo-site.js opens the search page by navigation
            "base-uri 'self'",
            "object-src 'none'",
            "frame-src 'none'",
        ]
    )


def _is_data_block(tag: str) -> bool:
    opening = tag[: tag.index(">") + 1].lower()
    return 'type="application/json"' in opening or "type='application/json'" in opening


# The theme's inline handlers and the action ilomo-site.js runs for each.
THEME_HANDLERS = {'onclick="toggleFullScreen()"': 'data-ilomo-action="fullscreen"',
                  'onclick="window.print()"': 'data-ilomo-action="print"'}


def replace_inline_handlers(html: str) -> tuple[str, list[str]]:
    """Swap the theme's known inline handlers for data attributes; returns the page and any unknown ones."""
    for handler, action in THEME_HANDLERS.items():
        html = html.replace(handler, action)
    return html, [m.group(0).strip() for m in _INLINE_HANDLER.finditer(html)]


def add_csp(html: str) -> str:
    """Insert the policy right after <meta charset>, before any script; idempotent."""
    if CSP_MARKER in html:
        html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _CHARSET.search(html)
    if not match:  # e.g. the bare index.html redirect: the policy simply goes first
        return html.replace("<head>", f"<head>\n{meta}", 1) if "<head>" in html else f"{meta}\n{html}"
    return f"{html[: match.end()]}\n    {meta}{html[match.end():]}"


def add_csp_to_site(outdir: Path) -> list[str]:
    """Add the policy to every HTML page of a built site; returns problems (inline handlers and unknown inline
    scripts, which the CSP blocks)."""
    problems = []
    for page in sorted(p for p in outdir.rglob("*.html") if "_static" not in p.parts):
        html, unknown = replace_inline_handlers(page.read_text(encoding="utf-8"))
        rel = page.relative_to(outdir)
        problems += [f"{rel}: inline event handler blocked by the CSP: {h}" for h in unknown]
        problems += [f"{rel}: unknown inline script blocked by the CSP: {s}" for s in unknown_inline_scripts(html)]
        page.write_text(add_csp(html), encoding="utf-8")
    return problems
