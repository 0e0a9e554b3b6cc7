"""Kernel-free exercises: one HTML block per scenario for the static site.

`exercise_html` returns a ``<section class="ilomo-oefening">`` that holds the scenario as JSON (read by
``assets/ilomo.js``, which mounts the interactive player) and a readable text version of the whole exercise
for print and for readers without JavaScript. All author text goes through `markdown_html`, the one safe
Markdown renderer of docs/scenario-format.md; everything else is escaped.
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block.list import list_block
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.emphasis import tokenize as emphasis_tokenize
from markdown_it.rules_inline.link import link as link_rule
from markdown_it.rules_inline.state_inline import StateInline
from ruamel.yaml import YAML

__all__ = ["exercise_html", "markdown_html", "safe_href"]

# The site's one static folder (ilomo.sphinxext.STATIC), found as package data.
ASSETS = Path(str(files("ilomo").joinpath("sphinxext", "static")))
TAKEAWAYS_FILE = Path(str(files("ilomo").joinpath("data", "takeaways.yml")))

FICTIEF = "Dit is een verzonnen casus."
DEFAULT_OPTIONS = ({"id": "eens", "label": "Eens"}, {"id": "neutraal", "label": "Neutraal"},
                   {"id": "oneens", "label": "Oneens"})
OPS = {">=": "is minstens", "<=": "is hooguit", ">": "is meer dan", "<": "is minder dan",
       "==": "is precies", "!=": "is niet"}

# ---------------------------------------------------------------------------------------------------------
# Safe Markdown subset

_ALLOWED_PREFIXES = ("https://", "http://", "/", "#", "./", "../")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_permit = threading.local()


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


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["list", "emphasis", "link"])
    md.block.ruler.at("list", _dash_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.at("emphasis", _star_emphasis)
    md.inline.ruler.after("link", "unsafe_link", _unsafe_link_as_label)
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.add_render_rule("link_open", _link_open)
    return md


def markdown_html(text: str | None) -> str:
    """Render the safe Markdown subset (paragraphs, `- ` lists, `**bold**`, `*italic*`, safe links)."""
    return _markdown().render(text or "") if text else ""


# ---------------------------------------------------------------------------------------------------------
# Small HTML helpers

def esc(text: object) -> str:
    return html.escape(str(text))


def tag(name: str, content: str, cls: str = "", **attrs: str) -> str:
    if cls:
        attrs = {"class_": cls, **attrs}
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f"<{name}{extra}>{content}</{name}>"


def h(level: int, text: str, **attrs: str) -> str:
    return tag(f"h{min(level, 6)}", esc(text), **attrs)


def ul(items: Iterable[str], cls: str = "", ordered: bool = False) -> str:
    body = "".join(f"<li>{i}</li>" for i in items)
    return tag("ol" if ordered else "ul", body, cls) if body else ""


def md_block(text: str | None, cls: str = "") -> str:
    body = markdown_html(text)
    return tag("div", body, cls) if body else ""


def as_dict(scenario: Any) -> dict[str, Any]:
    """The scenario as plain JSON data (accepts the pydantic model or its model_dump(mode="json"))."""
    if hasattr(scenario, "model_dump"):
        return scenario.model_dump(mode="json")
    return dict(scenario)


def json_for_script(data: Any) -> str:
    """JSON that cannot end the <script> element: `<`, `>` and `&` become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=1)
def takeaway_texts() -> dict[str, tuple[str, str]]:
    """Take-away id -> (text, session title) from data/takeaways.yml; empty when unreadable."""
    try:
        data = YAML(typ="safe").load(TAKEAWAYS_FILE.read_text(encoding="utf-8"))
        return {tid: (str(text), f"sessie {s['number']}: {s['title']}")
                for s in data["sessions"] for tid, text in (s.get("takeaways") or {}).items()}
    except (OSError, KeyError, TypeError, ValueError):
        return {}


# ---------------------------------------------------------------------------------------------------------
# Text version per kind

def condition_text(cond: Mapping[str, Any] | None, labels: Mapping[str, str]) -> str:
    """`{contact: ">= 3"}` -> "Contact is minstens 3"."""
    parts = []
    for name, spec in (cond or {}).items():
        match = re.match(r"\s*(>=|<=|==|!=|>|<)\s*(-?\d+)\s*$", str(spec))
        words = f"{OPS[match.group(1)]} {match.group(2)}" if match else str(spec)
        parts.append(f"{labels.get(name, name)} {words}")
    return " en ".join(parts)


def effects_text(effects: Mapping[str, int] | None, labels: Mapping[str, str]) -> str:
    return ", ".join(f"{labels.get(k, k)} {int(v):+d}" for k, v in (effects or {}).items())


class Ids:
    """Unique element ids for one exercise on a page."""

    def __init__(self, scenario_id: str) -> None:
        self.prefix = f"ilomo-{scenario_id}"

    def __call__(self, *parts: str) -> str:
        return "-".join((self.prefix, *parts))


def dilemma_text(sc: Mapping[str, Any], level: int, ids: Ids) -> str:
    meters = sc.get("meters") or []
    labels = {m["name"]: m.get("label") or m["name"] for m in meters}
    endings = sc.get("endings") or []
    names = {s["id"]: f"Situatie: {s.get('title') or sc['title']}" for s in sc.get("situations") or []}
    names.update({e["id"]: f"Einde: {e['title']}" for e in endings})

    def goto(target: str) -> str:
        if target == "einde":
            options = ", ".join(tag("a", esc(names[e["id"]]), href="#" + ids("s", e["id"])) for e in endings)
            return f"het einde. Welk einde hangt af van de meters: {options}."
        return tag("a", esc(names.get(target, target)), href="#" + ids("s", target)) + "."

    def choice(c: Mapping[str, Any]) -> str:
        out = [tag("p", esc(c["label"]), "ilomo-tv-keuze")]
        if c.get("requires"):
            out.append(tag("p", esc(f"Deze keuze kun je alleen maken als {condition_text(c['requires'], labels)}.")))
        if c.get("once"):
            out.append(tag("p", "Deze keuze kun je maar één keer maken."))
        if c.get("feedback"):
            out.append(tag("div", "<p>Wat gebeurde er?</p>" + markdown_html(c["feedback"]), "ilomo-tv-feedback"))
        if c.get("effects"):
            out.append(tag("p", esc(f"Gevolg: {effects_text(c['effects'], labels)}.")))
        out.append(tag("p", "Daarna: " + goto(c["next"])))
        return "".join(out)

    parts = []
    if meters:
        desc = ", ".join(f"{labels[m['name']]} (begint op {m['start']}, van {m['min']} tot {m['max']})"
                         for m in meters)
        parts.append(tag("p", esc(f"De oefening houdt bij: {desc}.")))
    parts.append(tag("p", "De oefening begint bij: " + goto(sc["start"])))
    for s in sc.get("situations") or []:
        body = [h(level + 1, names[s["id"]]), md_block(s.get("text"))]
        if s.get("signals"):
            body += [tag("p", "Wat valt je op?"), ul(esc(x) for x in s["signals"])]
        body += [tag("p", "Wat doe je?"), ul((choice(c) for c in s.get("choices") or []), "ilomo-tv-keuzes", True)]
        parts.append(tag("section", "".join(body), "ilomo-tv-situatie", id=ids("s", s["id"])))
    for e in endings:
        body = [h(level + 1, names[e["id"]]), md_block(e.get("text"))]
        if e.get("condition"):
            body.append(tag("p", esc(f"Dit einde krijg je als {condition_text(e['condition'], labels)}.")))
        parts.append(tag("section", "".join(body), "ilomo-tv-einde", id=ids("s", e["id"])))
    if sc.get("debrief"):
        parts += [h(level + 1, "Vragen om over na te denken"), ul(markdown_html(q) for q in sc["debrief"])]
    return "".join(parts)


def sortering_text(sc: Mapping[str, Any], level: int, ids: Ids) -> str:
    cats = {c["id"]: c.get("label") or c["id"] for c in sc.get("categories") or []}
    groups = ul(tag("strong", esc(c.get("label") or c["id"])) + (f": {esc(c['description'])}"
                if c.get("description") else "") for c in sc.get("categories") or [])
    items = ul((markdown_html(i.get("text")) + tag("p", esc(f"Hoort bij: {cats.get(i['category'], i['category'])}."),
                "ilomo-tv-antwoord") + md_block(i.get("feedback"), "ilomo-tv-feedback")
                for i in sc.get("items") or []), "ilomo-tv-kaarten", True)
    return h(level + 1, "De groepen") + groups + h(level + 1, "De kaarten en waar ze bij horen") + items


def stelling_text(sc: Mapping[str, Any], level: int, ids: Ids) -> str:
    options = ", ".join(o.get("label") or o["id"] for o in sc.get("options") or DEFAULT_OPTIONS)
    persp = "".join(h(level + 2, p.get("title") or "") + md_block(p.get("text")) for p in sc.get("perspectives") or [])
    return (h(level + 1, "Stelling") + tag("p", esc(sc.get("statement") or ""), "ilomo-stelling")
            + tag("p", esc(f"Wat vind jij? Je kunt kiezen uit: {options}."))
            + h(level + 1, "Andere kijken op de stelling") + persp
            + h(level + 1, "Vragen om over te praten") + ul(esc(q) for q in sc.get("questions") or []))


def reflectie_text(sc: Mapping[str, Any], level: int, ids: Ids) -> str:
    def question(q: Mapping[str, Any]) -> str:
        hint = md_block(q.get("hint"), "ilomo-tv-tip")
        return markdown_html(q.get("prompt")) + (tag("div", "<p>Tip:</p>" + hint) if hint else "")

    return (h(level + 1, "Vragen") + ul((question(q) for q in sc.get("questions") or []), "ilomo-tv-vragen", True)
            + tag("p", "Schrijf je antwoorden op. Je hoeft ze met niemand te delen."))


KINDS: dict[str, Callable[[Mapping[str, Any], int, Ids], str]] = {
    "dilemma": dilemma_text, "sortering": sortering_text, "stelling": stelling_text, "reflectie": reflectie_text,
}


def takeaways_html(ids_: Iterable[str], level: int) -> str:
    known = takeaway_texts()
    items = [tag("p", esc(known[t][0])) + tag("p", esc(f"Uit {known[t][1]}"), "ilomo-bron") if t in known
             else tag("p", esc(t)) for t in ids_]
    return h(level + 1, "Wat je meeneemt van de MAST-dag") + ul(items, "ilomo-takeaways") if items else ""


def sources_html(sources: Iterable[Mapping[str, Any]], level: int) -> str:
    def one(s: Mapping[str, Any]) -> str:
        title = esc(s.get("title") or "")
        url = s.get("url")
        out = tag("a", title, href=url, rel="noopener") if url and safe_href(str(url)) else title
        return out + (f" – {esc(s['note'])}" if s.get("note") else "")

    items = [one(s) for s in sources]
    return tag("div", h(level + 1, "Bronnen") + ul(items), "ilomo-bronnen") if items else ""


def exercise_html(scenario: Any, level: int = 2) -> str:
    """The whole exercise as one HTML block; `level` is the heading level of its title (2..5)."""
    sc = as_dict(scenario)
    level = max(2, min(int(level), 5))
    ids = Ids(str(sc["id"]))
    kind = str(sc.get("kind"))
    head = [h(level, sc["title"], id=ids("titel"), class_="ilomo-titel")]
    if sc.get("fictief"):
        head.append(tag("p", esc(FICTIEF), "ilomo-fictief"))
    head.append(md_block(sc.get("intro"), "ilomo-intro"))
    body = KINDS[kind](sc, level, ids) if kind in KINDS else ""
    text = tag("div", tag("p", "Hieronder staat de hele oefening als tekst.", "ilomo-tv-uitleg") + body
               + takeaways_html(sc.get("takeaways") or [], level), "ilomo-tekstversie", id=ids("tekst"))
    data = f'<script type="application/json" class="ilomo-data">{json_for_script(sc)}</script>'
    return tag("section", "".join(head) + data + text + sources_html(sc.get("sources") or [], level),
               "ilomo-oefening", data_ilomo_kind=kind, data_ilomo_id=str(sc["id"]), data_ilomo_level=str(level),
               aria_labelledby=ids("titel"), lang="nl")
