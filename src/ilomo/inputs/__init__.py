"""One input policy for every file the project reads (scenarios, journal, session logs, sources, metadata).

Each reader goes through `read_text` (regular files only, a size limit, strict UTF-8, no lone surrogates)
and then through a structure guard before parsing: `yaml_guard.check` (nesting, aliases, expanded size,
scalar length, over-long integers) or `json_guard.loads` (nesting, Infinity/NaN, over-long integers, lone
surrogates, refused or replaced as the limits say). Every refusal is an `InputRefused` with a Dutch
message and a position; never a traceback, never a hang.
"""

from .files import decode, read_bytes, read_text
from .json_guard import loads as load_json
from .json_guard import loads_counted as load_json_counted
from .json_guard import scan as scan_json
from .policy import JOURNAL, NOTEBOOK, SCENARIO, SESSION, SOURCES, InputRefused, Limits, browser_limits, size_text
from .yaml_guard import check as check_yaml
from .yaml_guard import load as load_yaml

__all__ = [
    "JOURNAL",
    "NOTEBOOK",
    "SCENARIO",
    "SESSION",
    "SOURCES",
    "InputRefused",
    "Limits",
    "browser_limits",
    "check_yaml",
    "decode",
    "load_json",
    "load_json_counted",
    "load_yaml",
    "read_bytes",
    "read_text",
    "scan_json",
    "size_text",
]
