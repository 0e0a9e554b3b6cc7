"""Kernel-free exercises: one HTML block per scenario for the static site (Jinja2 templates, autoescaped).

`exercise_html` returns a ``<section class="ilomo-oefening">`` that holds the compiled player contract as JSON
(`ilomo.contract`, read by ``assets/ilomo.js``, which mounts the interactive player) and a readable text version
of the whole exercise for print and for readers without JavaScript. The templates are
``ilomo/templates/exercise.html.j2`` and each kind's ``ilomo/kinds/<kind>/templates/text.html.j2``; they only
see the contract, whose Markdown fields are already safe HTML. Everything else is escaped by Jinja2.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup, escape

from ilomo import texts
from ilomo.contract import compile_scenario, json_for_script
from ilomo.markdown import markdown_html, safe_href

__all__ = ["ASSETS", "PLAYER_CORE", "exercise_html", "json_for_script", "kinds_in", "markdown_html", "player_files",
           "safe_href"]

# The site's one static folder (ilomo.sphinxext.STATIC, with ilomo.js and ilomo.css), found as package data.
ASSETS = Path(str(files("ilomo").joinpath("sphinxext", "static")))
HEADING_BASE = 2
PLAYER_CORE = ("ilomo.css", "ilomo.js")
"""The static player's shared part; each kind adds its own script (``Kind.script``) after ``ilomo.js``."""
_KIND_ATTRIBUTE = re.compile(r'<section class="ilomo-oefening" data-ilomo-kind="([a-z0-9-]+)"')


def kinds_in(page_html: str) -> list[str]:
    """The registered kinds of the exercises on a page, in the order they first appear."""
    from ilomo.kinds import KINDS

    return [k for k in dict.fromkeys(_KIND_ATTRIBUTE.findall(page_html)) if k in KINDS]


def player_files(kinds: Iterable[str] | None = None) -> dict[str, bytes]:
    """The static player's files for a page with exercises of ``kinds`` (every kind when None), in the order a
    page loads them: name in the site's ``_static`` -> the readable source."""
    from ilomo.kinds import KINDS, kind_of

    out = {name: (ASSETS / name).read_bytes() for name in PLAYER_CORE}
    for kind in KINDS if kinds is None else kinds:
        k = kind_of(kind)
        out[k.script] = k.script_source().read_bytes()
    return out


def heading(level: int, text: str, **attrs: str) -> Markup:
    """``<hN>`` with escaped text; N is capped at 6. ``class_`` gives the class attribute."""
    n = min(max(int(level), 1), 6)
    extra = "".join(f' {k.rstrip("_")}="{escape(v)}"' for k, v in attrs.items())
    return Markup(f"<h{n}{extra}>{escape(text)}</h{n}>")


def condition_text(tests: list[list[Any]], labels: Mapping[str, str]) -> str:
    """``[["contact", ">=", 3]]`` -> "Contact is minstens 3"."""
    return texts.TV_AND.join(f"{labels.get(m, m)} {texts.OPERATORS[op]} {v}" for m, op, v in tests)


def effects_text(effects: Mapping[str, int], labels: Mapping[str, str]) -> str:
    return ", ".join(f"{labels.get(k, k)} {int(v):+d}" for k, v in effects.items())


def meters_text(meters: list[Mapping[str, Any]]) -> str:
    parts = []
    for m in meters:
        part = texts.TV_METER.format(**m)
        notes = [{"higher": texts.TV_METER_BETTER_HIGHER, "lower": texts.TV_METER_BETTER_LOWER}.get(m["better"], "")]
        notes.append(texts.TV_METER_HIDDEN if m["hidden"] else "")
        notes = [n for n in notes if n]
        parts.append(part[:-1] + ", " + ", ".join(notes) + ")" if notes else part)
    return ", ".join(parts)


def meter_labels(c: Mapping[str, Any]) -> dict[str, str]:
    return {m["name"]: m["label"] for m in c.get("meters", [])}


def place_of(c: Mapping[str, Any], target: str) -> dict[str, Any]:
    """``{"title", "ending"}`` of the situation or ending a choice leads to."""
    for e in c.get("endings", []):
        if e["id"] == target:
            return {"title": e["title"], "ending": True}
    title = next((s["title"] for s in c.get("situations", []) if s["id"] == target), target)
    return {"title": title, "ending": False}


def category_label(c: Mapping[str, Any], category: str) -> str:
    return next((k["label"] for k in c["categories"] if k["id"] == category), category)


@lru_cache(maxsize=1)
def environment() -> Environment:
    from ilomo.kinds import KINDS

    kind_loaders = {name: FileSystemLoader(str(files(k.package) / "templates")) for name, k in KINDS.items()}
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(files("ilomo") / "templates")), PrefixLoader(kind_loaders)]),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.globals.update(
        h=heading, t=texts, condition_text=condition_text, effects_text=effects_text, meters_text=meters_text,
        meter_labels=meter_labels, place_of=place_of, category_label=category_label,
    )  # fmt: skip
    return env


def _as_scenario(scenario: Any) -> Any:
    """Accept the loaded model or its ``model_dump(mode="json")``."""
    if hasattr(scenario, "model_dump"):
        return scenario
    from ilomo.scenario.model import SCENARIO_ADAPTER

    return SCENARIO_ADAPTER.validate_python(dict(scenario))


def exercise_html(scenario: Any, level: int = HEADING_BASE) -> str:
    """The whole exercise as one HTML block; `level` is the heading level of its title (2..5)."""
    from ilomo.kinds import kind_of

    contract = compile_scenario(_as_scenario(scenario))
    base = max(2, min(int(level), 5))
    prefix = f"ilomo-{contract['id']}"

    def element_id(*parts: str) -> str:
        return "-".join((prefix, *parts))

    template = environment().get_template("exercise.html.j2")
    return template.render(
        c=contract, base=base, id=element_id, data=json_for_script(contract),
        kind_template=kind_of(contract["kind"]).template,
    )  # fmt: skip
