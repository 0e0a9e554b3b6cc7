"""The journal as a readable Markdown document (``ilomo journal export``), with Dutch dates from Babel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.dates import format_datetime

from ilomo.journal.format import entry_key, now_iso, parse_time


def dutch_time(iso: str) -> str:
    """``2026-03-03T13:32:05.123Z`` -> "3 maart 2026 om 14:32" (local time); the raw text when unreadable."""
    value = parse_time(iso)
    if value is None:
        return iso
    return format_datetime(value.astimezone(), "d MMMM y 'om' HH:mm", locale="nl")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip("\n").splitlines())


def to_markdown(entries: Mapping[str, Mapping[str, str]], index: Mapping[str, Any] | None = None) -> str:
    """The journal as a readable Markdown document: per module a heading, per exercise the prompts, answers and
    dates. ``index`` is `ilomo.journal.index.build_index` (titles and prompts); without it ids are shown."""
    index = index or {}
    modules = {m["id"]: m for m in index.get("modules", [])}
    lines = ["# Mijn reflecties", "", f"Gemaakt op {dutch_time(now_iso())}, uit ILOMO.", ""]
    if not entries:
        return "\n".join([*lines, "Er zijn nog geen antwoorden.", ""])
    shown: set[str] = set()
    groups: dict[str, list[tuple[dict[str, Any], list[tuple[int, dict[str, Any], str]]]]] = {}
    for sc in index.get("reflecties", []):
        found = [(n, q, entry_key(sc["id"], q["id"])) for n, q in enumerate(sc["questions"], 1)
                 if entry_key(sc["id"], q["id"]) in entries]
        if found:
            groups.setdefault(sc["module"], []).append((sc, found))
    order = [m["id"] for m in index.get("modules", [])]
    for module_id in sorted(groups, key=lambda m: (order.index(m) if m in order else len(order), m)):
        lines += [f"## {module_label(module_id, modules)}", ""]
        for sc, found in groups[module_id]:
            lines += [f"### {sc['title']}", ""]
            for n, q, key in found:
                entry = entries[key]
                lines += [f"**Vraag {n}.** {' '.join(q['prompt'].split())}", "", _quote(entry["text"]), ""]
                if entry.get("updated"):
                    lines += [f"*Bewaard op {dutch_time(entry['updated'])}.*", ""]
                shown.add(key)
    rest = sorted(set(entries) - shown)
    if rest:
        lines += ["## Andere antwoorden", "", "Bij deze antwoorden vond ILOMO de vraag niet meer.", ""]
        for key in rest:
            entry = entries[key]
            lines += [f"**{key}**", "", _quote(entry["text"]), ""]
            if entry.get("updated"):
                lines += [f"*Bewaard op {dutch_time(entry['updated'])}.*", ""]
    return "\n".join(lines)


def module_label(module_id: str, modules: Mapping[str, Mapping[str, Any]]) -> str:
    if module_id in modules:
        return str(modules[module_id]["label"])
    return f"Module {int(module_id)}" if module_id.isdigit() else (module_id or "Zonder module")
