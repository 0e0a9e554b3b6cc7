"""The compiled, versioned player contract: one JSON document per scenario (docs/player-contract.md).

`compile_scenario(scenario)` turns a loaded scenario into plain JSON data that every player consumes: the
static JS player (``assets/ilomo.js``), the live widgets, the room views and the text version. In it:

- every Markdown field is rendered once, here, to safe HTML (`ilomo.markdown`); plain-text fields stay text;
- conditions are data (``[[meter, operator, value], ...]``), next steps are branch lists;
- every interface text comes from the catalogue (`ilomo.texts`), under ``texts``;
- ``format`` is `CONTRACT_FORMAT`; a player refuses a document with a format it does not know.

The common part is built here; the kind's part by the kind's own ``contract.compile`` (`ilomo.kinds`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ruamel.yaml import YAML

from ilomo import texts
from ilomo.markdown import TextTooDeep, TextTooLong, markdown_html, safe_href

__all__ = ["CONTRACT_FORMAT", "Compiler", "ContractError", "compile_scenario", "json_for_script", "takeaway_texts"]

CONTRACT_FORMAT = 1
"""Raise when a player would misread an older document (and teach the players the new one)."""


class ContractError(ValueError):
    """A scenario that cannot be compiled; the message is Dutch and names the scenario and the field."""


class Compiler:
    """What a kind's compile step uses: Markdown rendering with the field named on errors, conditions as data."""

    def __init__(self, scenario: Any) -> None:
        self.scenario = scenario

    def md(self, text: str | None, where: str) -> str:
        try:
            return markdown_html(text)
        except TextTooLong as err:
            raise ContractError(f"{self.scenario.id}: {where}: {err}. Maak de tekst korter.") from err
        except TextTooDeep as err:
            raise ContractError(f"{self.scenario.id}: {where}: {err}.") from err

    @staticmethod
    def conditions(tests: Mapping[str, str] | None) -> list[list[Any]]:
        """``{contact: ">= 3"}`` -> ``[["contact", ">=", 3]]`` (the scenario model already checked the form)."""
        from ilomo.scenario.conditions import parse

        out: list[list[Any]] = []
        for meter, comparison in (tests or {}).items():
            op, value = parse(comparison)
            out.append([meter, op, value])
        return out


@lru_cache(maxsize=1)
def takeaway_texts() -> dict[str, tuple[str, str]]:
    """Take-away id -> (text, session) from the package's data/takeaways.yml."""
    text = files("ilomo").joinpath("data", "takeaways.yml").read_text(encoding="utf-8")
    return {
        tid: (str(words), texts.TAKEAWAY_SESSION.format(number=s["number"], title=s["title"]))
        for s in YAML(typ="safe").load(text)["sessions"]
        for tid, words in (s.get("takeaways") or {}).items()
    }


def _takeaways(ids: list[str]) -> list[dict[str, str]]:
    known = takeaway_texts()
    return [{"id": t, "text": known[t][0], "session": known[t][1]} if t in known else {"id": t, "text": t,
             "session": ""} for t in ids]


def _sources(sources: list[Any]) -> list[dict[str, Any]]:
    return [{"title": s.title, "url": s.url if s.url and safe_href(str(s.url)) else None, "note": s.note}
            for s in sources]


def compile_scenario(scenario: Any) -> dict[str, Any]:
    """The player contract of a loaded scenario (a pydantic model from ``ilomo.scenario``)."""
    from ilomo.kinds import kind_of

    kind = kind_of(scenario.kind)
    c = Compiler(scenario)
    doc: dict[str, Any] = {
        "format": CONTRACT_FORMAT,
        "id": scenario.id,
        "kind": scenario.kind,
        "title": scenario.title,
        "module": scenario.module,
        "fictief": bool(scenario.fictief),
        "intro": c.md(scenario.intro, "intro"),
        "takeaways": _takeaways(list(scenario.takeaways)),
        "sources": _sources(list(scenario.sources)),
        "texts": texts.catalogue(texts.SHARED_PLAYER_TEXTS + kind.texts),
    }
    doc.update(kind.compile(scenario, c))
    return doc


def json_for_script(data: Any) -> str:
    """JSON that cannot end the <script> element: `<`, `>` and `&` become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
