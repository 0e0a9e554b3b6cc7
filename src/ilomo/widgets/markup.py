"""Turn author text into safe HTML for ``HTML`` widgets.

Author text is never inserted as-is: it goes through the safe Markdown renderer of ``ilomo.static`` when that
module offers one, otherwise it is escaped with ``html.escape`` (paragraphs kept, nothing interpreted).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

_renderer: Callable[[str], str] | None = None


def _fallback(text: str) -> str:
    """Escape everything; blank lines still separate paragraphs."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def _load_renderer() -> Callable[[str], str]:
    """``ilomo.static.markdown_html`` (cached once found), else the escaping fallback (not cached)."""
    global _renderer
    if _renderer is None:
        try:
            from ilomo.static import markdown_html
        except ImportError:
            return _fallback
        _renderer = markdown_html
    return _renderer


def md(text: str | None) -> str:
    """Safe Markdown subset (see docs/scenario-format.md) to HTML; empty text gives ``""``."""
    if not text:
        return ""
    return _load_renderer()(text)


def safe_url(url: str) -> bool:
    """True for links the safe Markdown subset allows (no ``javascript:`` and the like)."""
    try:
        from ilomo.static import safe_href
    except ImportError:
        return url.startswith(("https://", "http://", "/", "#", "./", "../"))
    return safe_href(url)


def esc(text: object) -> str:
    """Plain text to HTML (quotes escaped too)."""
    return html.escape(str(text))


def heading(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def bullets(texts: Iterable[str], *, ordered: bool = False) -> str:
    """A list of short Markdown texts as an HTML list (inline Markdown only, no nested paragraphs)."""
    tag = "ol" if ordered else "ul"
    items = "".join(f"<li>{inline(t)}</li>" for t in texts)
    return f"<{tag}>{items}</{tag}>" if items else ""


def inline(text: str | None) -> str:
    """Render one short text and drop a single wrapping ``<p>`` so it fits inside ``<li>``."""
    out = md(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out
