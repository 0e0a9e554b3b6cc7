"""What the journal page, the learning-track progress and ``ilomo journal export`` need to know about the book.

``build_index(notebooks, scenario_dirs)`` reads the module notebooks' ``metadata.ilomo`` (title, exercises,
tracks) and every ``reflectie`` scenario (title, module, question prompts) into plain JSON data::

    {"v": 1,
     "modules": [{"id": "07", "label": "Module 7: Contact maken en houden", "title": ..., "exercises": [...],
                  "tracks": [...], "doc": "notebooks/07-contact-maken-en-houden"}],
     "reflecties": [{"id": "07-reflectie", "title": ..., "module": "07",
                     "questions": [{"id", "prompt", "prompt_html"}]}],
     "tracks": [{"id": "energietransitie", "title": "Energietransitie", "modules": ["01", "03", ...]}]}

The Sphinx extension embeds it (with page addresses added) in the pages that show the journal or a track.

Scenario files are read under the input policy (``ilomo.inputs.SCENARIO``: regular file, size, UTF-8, nesting,
aliases) before YAML builds anything, so one hostile file cannot crash or stall the book build: it is skipped and
``warn`` names it (the Sphinx extension makes that a build warning, an error with ``-W``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ilomo import inputs
from ilomo.markdown import markdown_html

Warn = Callable[[str], None]
logger = logging.getLogger("ilomo.journal")

TRACK_TITLES = {
    "asiel-en-migratie": "Asiel en migratie",
    "energietransitie": "Energietransitie",
    "landelijk-gebied": "Landelijk gebied",
}
_NOTEBOOK = re.compile(r"^(\d\d)-[a-z0-9][a-z0-9-]*\.ipynb$")


def module_label(module_id: str, title: str | None = None) -> str:
    if module_id.isdigit():
        return f"Module {int(module_id)}: {title}" if title else f"Module {int(module_id)}"
    if module_id.startswith("leerlijn-"):
        track = module_id.removeprefix("leerlijn-")
        return f"Leerlijn {TRACK_TITLES.get(track, track)}"
    return title or ("Demo" if module_id == "demo" else module_id)


def read_modules(notebooks: Path | None, warn: Warn = logger.warning) -> list[dict[str, Any]]:
    """One entry per module notebook ``NN-slug.ipynb`` with ``metadata.ilomo`` (the demo has none); a notebook
    that cannot be read is skipped and named."""
    from ilomo.content.modules import load_module

    modules = []
    for path in sorted(notebooks.glob("*.ipynb")) if notebooks and notebooks.is_dir() else []:
        match = _NOTEBOOK.match(path.name)
        if not match:
            continue
        try:
            module = load_module(path)
        except ValueError as err:
            warn(f"{path}: {err} (overgeslagen in het overzicht van de reflecties)")
            continue
        if not module.has_metadata or match.group(1) == "00":
            continue
        module_id = match.group(1)
        modules.append({
            "id": module_id,
            "title": module.title or "",
            "label": module_label(module_id, module.title),
            "exercises": module.exercises,
            "tracks": module.field_list("tracks"),
            "doc": f"{notebooks.name}/{path.stem}",
        })
    return modules


def read_scenario(path: Path) -> Any:
    """A scenario file's data under the input policy; `inputs.InputRefused` (with a Dutch reason and position)
    when it cannot be read safely or is no valid YAML."""
    return inputs.load_yaml(path, inputs.SCENARIO)


def read_reflections(scenario_dirs: Iterable[Path], warn: Warn = logger.warning) -> list[dict[str, Any]]:
    """Every ``reflectie`` scenario (first folder wins for an id, as ``ilomo.scenario.find`` does). A file that
    cannot be read is skipped and named through ``warn`` (``ilomo validate`` explains it in full)."""
    found: dict[str, dict[str, Any]] = {}
    for folder in scenario_dirs:
        for path in sorted(Path(folder).glob("*.yml")):
            if path.stem in found:
                continue
            try:
                data = read_scenario(path)
            except inputs.InputRefused as err:
                warn(f"{err} (overgeslagen in het overzicht van de reflecties)")
                continue
            if not isinstance(data, dict) or data.get("kind") != "reflectie":
                continue
            questions = [  # prompt_html: rendered once by the one Markdown renderer (no JS parser on the page)
                {"id": str(q["id"]), "prompt": str(q.get("prompt") or ""),
                 "prompt_html": markdown_html(str(q.get("prompt") or ""))}
                for q in data.get("questions") or []
                if isinstance(q, dict) and q.get("id")
            ]
            found[path.stem] = {
                "id": path.stem,
                "title": str(data.get("title") or path.stem),
                "module": str(data.get("module") or ""),
                "questions": questions,
            }
    return [found[k] for k in sorted(found)]


def read_exercise_titles(ids: Iterable[str], scenario_dirs: Iterable[Path]) -> dict[str, str]:
    """The title of each exercise in `ids` (for "still open" in the track progress); first folder wins. A file
    that cannot be read keeps its id as title (read_reflections and validate name the problem)."""
    titles: dict[str, str] = {}
    folders = list(scenario_dirs)
    for exercise in ids:
        path = next((Path(f) / f"{exercise}.yml" for f in folders if (Path(f) / f"{exercise}.yml").is_file()), None)
        try:
            data = read_scenario(path) if path else None
        except inputs.InputRefused:
            data = None
        titles[exercise] = str(data.get("title") or exercise) if isinstance(data, dict) else exercise
    return titles


def build_index(notebooks: Path | None, scenario_dirs: Iterable[Path], warn: Warn = logger.warning) -> dict[str, Any]:
    scenario_dirs = list(scenario_dirs)
    modules = read_modules(notebooks, warn)
    reflections = read_reflections(scenario_dirs, warn)
    known = {m["id"] for m in modules}
    for module_id in sorted({r["module"] for r in reflections} - known):  # demo, leerlijn-…: titles for the journal
        modules.append({"id": module_id, "title": "", "label": module_label(module_id), "exercises": [],
                        "tracks": [], "doc": None})
    track_ids = [*TRACK_TITLES, *sorted({t for m in modules for t in m["tracks"]} - set(TRACK_TITLES))]
    tracks = [
        {"id": t, "title": TRACK_TITLES.get(t, t), "modules": [m["id"] for m in modules if t in m["tracks"]]}
        for t in track_ids
    ]
    titles = read_exercise_titles(sorted({x for m in modules for x in m["exercises"]}), scenario_dirs)
    return {"v": 1, "modules": modules, "reflecties": reflections, "tracks": tracks, "oefeningen": titles}


def default_index(warn: Warn = logger.warning) -> dict[str, Any]:
    """The index for the current folder (as ``ilomo.scenario.find`` looks): for ``ilomo journal export``."""
    from ilomo.scenario.finder import search_dirs

    dirs = search_dirs()
    notebooks = next((d.parent / "notebooks" for d in dirs if (d.parent / "notebooks").is_dir()), None)
    return build_index(notebooks, dirs, warn)
