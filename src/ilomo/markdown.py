"""The one Markdown renderer: the safe subset of docs/scenario-format.md to HTML, in Python, once.

Every author text (scenario Markdown fields, journal prompts) goes through `markdown_html` when a scenario is
compiled into the player contract (`ilomo.contract`); no player parses Markdown itself. markdown-it-py with
raw HTML off does the parsing; the few rules below narrow it to the subset authors were promised.
Bounds: at most `MAX_CHARS` characters per text and `MAX_NESTING` levels of nesting, so a hostile or broken
file cannot make a page (or the build) slow.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block.list import list_block
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.emphasis import tokenize as emphasis_tokenize
from markdown_it.rules_inline.link import link as link_rule
from markdown_it.rules_inline.state_inline import StateInline

__all__ = ["MAX_CHARS", "MAX_NESTING", "TextTooDeep", "TextTooLong", "inline_html", "markdown_html", "safe_href"]

MAX_CHARS = 20_000
"""Longest author text (characters) that is rendered; longer is an error that names the field."""
MAX_NESTING = 12
"""Deepest nesting of blocks and inline marks (markdown-it's maxNesting). Past it markdown-it silently drops the
rest of the text, so `markdown_html` refuses such a text (TextTooDeep) and the validator names the field."""

_ALLOWED_PREFIXES = ("https://", "http://", "/", "#", "./", "../")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_permit = threading.local()


class TextTooLong(ValueError):
    """An author text longer than MAX_CHARS."""


class TextTooDeep(ValueError):
    """An author text nested deeper than MAX_NESTING (lists in lists, marks in marks): part of it would be lost."""


def safe_href(url: str) -> bool:
    """True for the link targets the contract allows: http(s), absolute/relative paths and fragments."""
    bare = _CONTROL.sub("", url)
    return bare.lower().startswith(_ALLOWED_PREFIXES) or not _SCHEME.match(bare)


def _validate_link(url: str) -> bool:
    return getattr(_permit, "on", False) or safe_href(url)


def _dash_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Only `- ` starts a bullet list; `*`, `+` and `1.` stay literal text."""
    pos = state.bMarks[start] + state.tShift[start]
    return pos < state.eMarks[start] and state.src[pos] == "-" and list_block(state, start, end, silent)


def _star_emphasis(state: StateInline, silent: bool) -> bool:
    """Only `*` and `**` make emphasis; underscores stay literal."""
    return state.src[state.pos] == "*" and emphasis_tokenize(state, silent)


def _unsafe_link_as_label(state: StateInline, silent: bool) -> bool:
    """A well-formed link with a forbidden target (javascript: …) renders as its label only."""
    if state.src[state.pos] != "[":
        return False
    first = len(state.tokens)
    _permit.on = True
    try:
        ok = link_rule(state, silent)
    finally:
        _permit.on = False
    if ok and not silent:
        state.tokens[first:] = [t for t in state.tokens[first:] if t.type not in ("link_open", "link_close")]
    return ok


def _link_open(self: Any, tokens: list, idx: int, options: Any, env: Any) -> str:
    tokens[idx].attrSet("rel", "noopener")
    return self.renderToken(tokens, idx, options, env)


@lru_cache(maxsize=2)
def _markdown(nesting: int = MAX_NESTING) -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False, "maxNesting": nesting})
    md.enable(["list", "emphasis", "link"])
    md.block.ruler.at("list", _dash_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.at("emphasis", _star_emphasis)
    md.inline.ruler.after("link", "unsafe_link", _unsafe_link_as_label)
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.add_render_rule("link_open", _link_open)
    return md


def markdown_html(text: str | None) -> str:
    """Render the safe Markdown subset (paragraphs, `- ` lists, `**bold**`, `*italic*`, safe links).

    Empty text gives ``""``; text over MAX_CHARS raises TextTooLong.
    """
    if not text:
        return ""
    if len(text) > MAX_CHARS:
        raise TextTooLong(f"tekst van {len(text)} tekens; het maximum is {MAX_CHARS}")
    md = _markdown()
    tokens = md.parse(text)
    if max((t.level for t in tokens), default=0) >= MAX_NESTING - 2 and _words(tokens) != _words(
        _markdown(4 * MAX_NESTING).parse(text)
    ):
        raise TextTooDeep(f"de tekst is te diep genest (lijsten in lijsten, hoogstens {MAX_NESTING // 2 - 1} "
                          "niveaus); een deel zou wegvallen. Maak de lijst platter")
    return md.renderer.render(tokens, md.options, {})


def _words(tokens: list[Any]) -> list[str]:
    """The text the reader would see, to tell whether the nesting limit cut something off."""
    return " ".join(t.content for t in tokens if t.type == "inline").split()


def inline_html(text: str | None) -> str:
    """One short text for inside ``<li>`` or a button: a single wrapping ``<p>`` is dropped."""
    out = markdown_html(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out
