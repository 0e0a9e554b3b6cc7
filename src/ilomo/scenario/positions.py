"""Line/column of a `loc` (keys and indexes) in a ruamel.yaml round-trip document."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .problems import Loc


def _find_key(node: CommentedMap, part: str | int) -> Any:
    """The key of `node` meaning `part` (YAML keys need not be strings; pydantic locs stringify some)."""
    if part in node:
        return part
    return next((k for k in node if str(k) == str(part)), None)


def locate(tree: Any, loc: Loc, at_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value at `loc`, or of its key when `at_key`.

    Walks as deep as the document allows: for a missing field this is the mapping that lacks it.
    A key without a value (`title:`) is reported at the key.
    """
    line, col = (tree.lc.line, tree.lc.col) if hasattr(tree, "lc") else (0, 0)
    node = tree
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, CommentedMap):
            key = _find_key(node, part)
            if key is None:
                break
            if (last and at_key) or node[key] is None:
                line, col = node.lc.key(key)
            else:
                line, col = node.lc.value(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        else:
            break
    return line + 1, col + 1
