"""A Content-Security-Policy meta tag on every built page.

The policy allows scripts only from the site itself plus the exact inline scripts the build wrote (by hash),
and no connection, form or frame to any other place. It is added after the build because only then is each
page's final set of inline scripts known. The theme's few inline onclick attributes become data attributes
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


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(html: str) -> str:
    """The policy for one page: inline scripts allowed only by their hash (JSON data blocks need none)."""
    scripts = {script_hash(m.group(1)) for m in _INLINE_SCRIPT.finditer(html) if not _is_data_block(m.group(0))}
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
    """Add the policy to every HTML page of a built site; returns problems (inline handlers CSP would block)."""
    problems = []
    for page in sorted(p for p in outdir.rglob("*.html") if "_static" not in p.parts):
        html, unknown = replace_inline_handlers(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(outdir)}: inline event handler blocked by the CSP: {h}" for h in unknown]
        page.write_text(add_csp(html), encoding="utf-8")
    return problems
