"""The take-away ids of the MAST-dag report (src/ilomo/data/takeaways.yml)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from ruamel.yaml import YAML


@lru_cache(maxsize=1)
def takeaway_ids() -> frozenset[str]:
    """Every take-away id, e.g. ``s7-1``."""
    text = files("ilomo").joinpath("data", "takeaways.yml").read_text(encoding="utf-8")
    sessions = YAML(typ="safe").load(text)["sessions"]
    return frozenset(tid for session in sessions for tid in session.get("takeaways") or {})
