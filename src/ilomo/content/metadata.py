"""A module notebook's ``metadata.ilomo`` as a pydantic model, built from the standard's field table.

``ilomo.content.modules.FIELDS`` (field -> "int" | "str" | "list" | "map") stays the one place that names the
fields; the model is made from it (`model_for`), and `metadata_problems` turns pydantic's errors into the standard's
Dutch lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, StringConstraints, ValidationError, create_model

TYPES: dict[str, Any] = {
    "int": StrictInt,
    "str": Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)],
    "list": list[StrictStr],
    "map": dict[StrictStr, list[StrictStr]],
}


@lru_cache(maxsize=8)
def model_for(fields: tuple[tuple[str, str], ...]) -> type[BaseModel]:
    """The model of ``metadata.ilomo`` for these (field, kind) pairs: every field required, no others."""
    definitions: dict[str, Any] = {name: (TYPES[kind], ...) for name, kind in fields}
    return create_model("ModuleMetadata", __config__=ConfigDict(extra="forbid"), **definitions)


def metadata_problems(meta: Mapping[str, Any], fields: Mapping[str, str], words: Mapping[str, str]) -> list[str]:
    """Unknown fields first (in the notebook's order), then each missing or mistyped field (in the table's order);
    ``words`` names each kind of value for the author (``ilomo.content.modules._KIND_WORDS``)."""
    try:
        model_for(tuple(fields.items())).model_validate(dict(meta))
    except ValidationError as err:
        errors = err.errors()
    else:
        return []
    unknown = [f"onbekend metadataveld '{e['loc'][0]}'" for e in errors if e["type"] == "extra_forbidden"]
    wrong: dict[str, str] = {}
    for error in errors:
        name = str(error["loc"][0])
        if error["type"] == "missing":
            wrong.setdefault(name, f"het metadataveld '{name}' ontbreekt")
        elif error["type"] != "extra_forbidden":
            wrong.setdefault(name, f"het metadataveld '{name}' moet {words[fields[name]]} zijn")
    return unknown + [wrong[name] for name in fields if name in wrong]


__all__ = ["metadata_problems", "model_for"]
