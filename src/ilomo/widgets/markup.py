"""Small HTML helpers for ``HTML`` widgets. Author text arrives as contract HTML (``ilomo.contract``), already
rendered by the one Markdown renderer; everything else is escaped here."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ilomo.markdown import inline_html, markdown_html, safe_href

md = markdown_html
"""Safe Markdown subset to HTML (``ilomo.markdown.markdown_html``), for texts that are not in a contract."""
inline = inline_html
safe_url = safe_href


def esc(text: object) -> str:
    """Plain text to HTML (quotes escaped too)."""
    return html.escape(str(text))


def heading(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def items(parts: Iterable[str], *, ordered: bool = False) -> str:
    """Already-safe HTML parts as a list; empty when there are none."""
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{p}</li>" for p in parts)
    return f"<{tag}>{body}</{tag}>" if body else ""


def bullets(texts: Iterable[str], *, ordered: bool = False) -> str:
    """Plain texts as an HTML list (escaped)."""
    return items((esc(t) for t in texts), ordered=ordered)


def unwrap(fragment: str) -> str:
    """Contract HTML of one short text without its single wrapping ``<p>`` (to fit inside ``<li>``)."""
    out = fragment.strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out
