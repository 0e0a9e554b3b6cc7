"""The central source list ``ilomo/data/bronnen.yml``: a pydantic model of one source, and its problems in Dutch.

The field rules are in the model; `check_sources` turns pydantic's errors into one plain Dutch line per problem
(``bronnen.yml, bron 3 (id): …``) and adds what one entry cannot know (an id used twice). The file is read under
the input policy (``ilomo.inputs.SOURCES``: regular file, size, UTF-8, nesting, at most 50 aliases); a file it
refuses is one problem line (``bronnen.yml:line:column: reason``) and an empty source list, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, StringConstraints, ValidationError, model_validator

from ilomo import inputs

FILE = "bronnen.yml"
Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
REQUIRED_TEXT = ("id", "title", "author", "note")
URL_OR_PAGE = "geef een 'url' (openbaar webadres) of een 'page' (pagina in dit boek)"
URL_SCHEME = "de url moet met http:// of https:// beginnen"


class Source(BaseModel):
    """One source. ``url`` for a public web address, or ``page`` for a page of this book, never both."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[Text, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    author: Text
    year: StrictInt | None = None
    url: StrictStr | None = None
    page: StrictStr | None = None
    grade: Literal["A", "B", "C"]
    note: Text

    @model_validator(mode="after")
    def _url_or_page(self) -> Source:
        if (self.url is None) == (self.page is None):
            raise ValueError(URL_OR_PAGE)
        if self.url is not None and urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError(URL_SCHEME)
        return self


def _dutch(error: Mapping[str, Any]) -> str:
    field = str(error["loc"][0]) if error["loc"] else ""
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"onbekend veld '{field}'"
    if field == "id" and kind == "string_pattern_mismatch":
        return "een id heeft alleen kleine letters, cijfers en '-'"
    if field in REQUIRED_TEXT:
        return f"het veld '{field}' ontbreekt of is leeg"
    if field == "grade":
        return "het veld 'grade' moet A, B of C zijn"
    if field == "year":
        return "het veld 'year' moet een jaartal of null zijn"
    if field in ("url", "page"):
        return f"het veld '{field}' moet een tekst of null zijn"
    return str(error["msg"]).removeprefix("Value error, ")  # the model validator's own Dutch message


def load_sources(path: Path | None = None) -> list[Any]:
    """The entries of ``bronnen.yml`` (the package's, or the file at ``path``) under the input policy;
    `inputs.InputRefused` when the file cannot be used."""
    if path is None:
        with as_file(files("ilomo").joinpath("data", FILE)) as packaged:
            return load_sources(Path(packaged))
    data = inputs.load_yaml(path, inputs.SOURCES, FILE) or {}
    if not isinstance(data, dict) or not isinstance(data.get("sources") or [], list):
        raise inputs.InputRefused(FILE, "het bestand heeft een lijst 'sources' met de bronnen nodig")
    return list(data.get("sources") or [])


def check_sources(entries: list[Any] | None = None, path: Path | None = None) -> list[str]:
    """Problems in ``bronnen.yml`` (or in ``entries``): the file itself, fields, grades, addresses, unique ids."""
    problems: list[str] = []
    seen: set[str] = set()
    if entries is None:
        try:
            entries = load_sources(path)
        except inputs.InputRefused as err:
            return [str(err)]
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{FILE}, bron {n}: een bron is een lijst van velden (id, title, …)")
            continue
        name = f"{FILE}, bron {n} ({entry.get('id', '?')})"
        try:
            Source.model_validate(entry)
        except ValidationError as err:
            problems += [f"{name}: {message}" for message in dict.fromkeys(_dutch(e) for e in err.errors())]
        if entry.get("id") in seen:
            problems.append(f"{name}: de id staat er twee keer in")
        seen.add(entry.get("id"))
    return problems


@lru_cache(maxsize=1)
def sources() -> dict[str, dict[str, Any]]:
    """The central source list: id -> entry (as written in the file); empty when the file cannot be used and
    without entries that have no id (`check_sources` names both)."""
    try:
        entries = load_sources()
    except inputs.InputRefused:
        return {}
    return {entry["id"]: entry for entry in entries if isinstance(entry, dict) and isinstance(entry.get("id"), str)}


__all__ = ["Source", "check_sources", "load_sources", "sources"]
