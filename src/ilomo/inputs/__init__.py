"""One input policy for every file the project reads (scenarios, journal, session logs, sources, metadata).

Each reader goes through `read_text` (regular files only, a size limit, strict UTF-8, no lone surrogates)
and then through a structure guard before parsing: `yaml_guard.check` (nesting, aliases, expanded size,
scalar length, over-long integers) or `json_guard.loads` (nesting, Infinity/NaN, over-long integers, lone
surrogates). Every refusal is an `InputRefused` with a Dutch message and a position; never a traceback,
never a hang.
"""

from .files import read_text
from .json_guard import loads as load_json
from .policy import JOURNAL, SCENARIO, SESSION, SOURCES, InputRefused, Limits
from .yaml_guard import check as check_yaml

__all__ = [
    "JOURNAL",
    "SCENARIO",
    "SESSION",
    "SOURCES",
    "InputRefused",
    "Limits",
    "check_yaml",
    "load_json",
    "read_text",
]
