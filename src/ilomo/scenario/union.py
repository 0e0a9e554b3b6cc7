"""The scenario union: one pydantic model per registered kind, told apart by ``kind`` (built from the registry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import BaseModel, Field, TypeAdapter

from ilomo.kinds import KINDS as REGISTRY

MODELS: dict[str, type[BaseModel]] = {name: kind.model_class() for name, kind in REGISTRY.items()}
KINDS = tuple(MODELS)

if TYPE_CHECKING:  # for type checkers: any kind's model
    Scenario = Any
else:
    Scenario = Annotated[Union[tuple(MODELS.values())], Field(discriminator="kind")]  # noqa: UP007
SCENARIO_ADAPTER: TypeAdapter[Any] = TypeAdapter(Scenario)
