"""A YAML file's shape checked from its parse events, before anything builds a tree from it.

The C event parser (libyaml, through ruamel.yaml.clib) keeps its own stack, so even 30,000 nested brackets
cannot crash it; the tree builders recurse and can (a segmentation fault at about 27,600 levels). Aliases are
counted and their expansion is measured here, so an alias bomb is refused in milliseconds instead of being
expanded for minutes. Syntax errors are left to the loader, which explains them with a position.
"""

from __future__ import annotations

import re

from ruamel.yaml.cyaml import CParser  # libyaml through ruamel.yaml.clib, a dependency
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    ScalarEvent,
)

from .policy import InputRefused, Limits, number

_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+)")


def _where(event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def check(text: str, limits: Limits, name: str) -> None:
    """InputRefused when the document nests too deep, uses too many aliases, expands too far, holds a
    text value that is too long, or an integer with too many digits. Syntax errors pass (the loader reports them)."""
    parser = CParser(text)
    depth = 0
    aliases = 0
    sizes: list[int] = [0]  # nodes counted inside each open collection (index 0: the whole stream)
    anchors: dict[str, int] = {}  # anchor -> nodes in the anchored value (expanded)
    open_anchors: list[str | None] = []
    try:
        while True:
            event = parser.get_event()
            if event is None or type(event).__name__ == "StreamEndEvent":
                break
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    raise InputRefused(name, f"te diep genest: meer dan {limits.max_depth} niveaus "
                                             f"(lijsten of velden in elkaar)", *_where(event))
                sizes.append(1)
                open_anchors.append(event.anchor)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
                size = sizes.pop()
                anchor = open_anchors.pop()
                if anchor is not None:
                    anchors[anchor] = size
                sizes[-1] += size
            elif isinstance(event, ScalarEvent):
                _check_scalar(event, limits, name)
                if event.anchor is not None:
                    anchors[event.anchor] = 1
                sizes[-1] += 1
            elif isinstance(event, AliasEvent):
                aliases += 1
                if aliases > limits.max_aliases:
                    message = (f"te veel verwijzingen (*naam): hoogstens {limits.max_aliases}"
                               if limits.max_aliases else "verwijzingen (&anker en *naam) zijn hier niet toegestaan")
                    raise InputRefused(name, message, *_where(event))
                sizes[-1] += anchors.get(event.anchor, 1)
            if sizes[-1] > limits.max_nodes or sum(sizes) > limits.max_nodes:
                raise InputRefused(name, f"het bestand wordt te groot als de verwijzingen (*naam) worden "
                                         f"uitgevouwen: meer dan {number(limits.max_nodes)} waarden",
                                   *_where(event))
    except YAMLError:
        return  # a syntax error: the loader reports it with its own position and message
    except RecursionError:  # pragma: no cover - the event parser does not recurse
        raise InputRefused(name, f"te diep genest: meer dan {limits.max_depth} niveaus") from None


def _check_scalar(event: ScalarEvent, limits: Limits, name: str) -> None:
    value = event.value
    if len(value) > limits.max_text:
        raise InputRefused(name, f"deze tekst is te lang: {number(len(value))} tekens, hoogstens "
                                 f"{number(limits.max_text)}; maak hem korter of verdeel hem", *_where(event))
    if not event.style and len(value) > limits.max_digits and _INTEGER.fullmatch(value):
        raise InputRefused(name, f"dit getal is te lang ({len(value)} cijfers); gebruik een klein geheel getal",
                           *_where(event))


def load(path, limits: Limits, name: str | None = None) -> object:
    """A YAML file's data (ruamel's safe loader) after `files.read_text` and `check`; InputRefused for everything
    that stops it, a syntax error included (its position, and a pointer to ``ilomo validate``, whose loader
    explains YAML errors in full Dutch)."""
    from ruamel.yaml import YAML

    from .files import read_text

    name = name or str(path)
    text = read_text(path, limits, name)
    check(text, limits, name)
    try:
        return YAML(typ="safe").load(text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise InputRefused(name, "geen geldige YAML; ilomo validate legt uit wat er mis is", *where) from None
