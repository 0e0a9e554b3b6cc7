"""Exercise kinds: one folder per kind, and the registry that lists them.

Adding a kind: a new folder ``ilomo/kinds/<kind>/`` (see ``ilomo.kinds.base.Kind``) and one line in `KINDS`.
No module outside ``ilomo/kinds/`` switches on a kind's name; it asks `kind_of` (a test checks this).
"""

from __future__ import annotations

from ilomo.kinds import dilemma, kennisvraag, reflectie, sortering, stelling
from ilomo.kinds.base import Kind

KINDS: dict[str, Kind] = {
    k.KIND.name: k.KIND
    for k in (
        dilemma,
        sortering,
        stelling,
        reflectie,
        kennisvraag,
    )
}


class UnknownKind(KeyError):
    """A kind name that is not in the registry."""


def kind_of(name: str) -> Kind:
    """The registered kind called ``name``; UnknownKind (a KeyError) otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None


__all__ = ["KINDS", "Kind", "UnknownKind", "kind_of"]
