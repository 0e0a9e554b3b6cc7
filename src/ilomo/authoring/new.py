"""``ilomo new``: write a small, valid, commented scenario of a kind and wire it into its module's notebook.

The starter texts are templates with ``${id}``, ``${title}`` and ``${module}``, one in each kind's folder
(``ilomo/kinds/<kind>/template.yml``): a new kind brings its own starter. The
notebook is edited with nbformat: a Markdown cell ``### N. Titel`` with a sentence, the code cell
``ilomo.play("<id>")`` tagged ``remove-input`` at the end of the section Oefeningen, and the id appended to
``metadata.ilomo.exercises``, so that ``ilomo check`` and the book build pass at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template

import nbformat

from ilomo.scenario.model import ID_PATTERN, KINDS

SECTION = "Oefeningen"
_H2 = re.compile(r"^## +(.+?)\s*$", re.MULTILINE)
_EXERCISE_H3 = re.compile(r"^### +\d+\. ", re.MULTILINE)
# A template starts with lines "#: name: value" for `new` itself (not written to the scenario): `titel`, the
# default title, and `inleiding`, the sentence above the exercise in the notebook (the module standard asks for
# one; a fictional case says so).
_HEADER = re.compile(r"^#: (\w+): (.*)$")


class NewRefused(ValueError):
    """A new exercise that cannot be made as asked; the message says why, in Dutch."""


@dataclass(frozen=True)
class Created:
    scenario: Path
    notebook: Path
    number: int  # the exercise number in the heading ### N.


def kinds() -> tuple[str, ...]:
    """The exercise kinds: from the kinds registry (``ilomo.kinds.KINDS``) when there is one, else the model's."""
    try:
        from ilomo.kinds import KINDS as registry  # type: ignore[attr-defined]  # the kinds registry, when present
    except ImportError:
        return KINDS
    return tuple(registry)


@dataclass(frozen=True)
class Starter:
    text: str  # with ${id}, ${title}, ${module}
    title: str
    lead: str


def starter(kind: str) -> Starter:
    """A kind's template, its header lines ("#: titel: ...") read and removed."""
    header: dict[str, str] = {}
    lines = template(kind).splitlines(keepends=True)
    while lines and _HEADER.match(lines[0].rstrip("\n")):
        name, value = _HEADER.match(lines.pop(0).rstrip("\n")).groups()
        header[name] = value.strip()
    return Starter("".join(lines), header.get("titel", kind), header.get("inleiding", ""))


def template(kind: str) -> str:
    """The starter text of a kind: ``ilomo/kinds/<kind>/template.yml``."""
    where = files("ilomo").joinpath("kinds", kind, "template.yml")
    if not where.is_file():
        raise NewRefused(f"voor de soort '{kind}' is er nog geen voorbeeld (ilomo/kinds/{kind}/template.yml)")
    return where.read_text(encoding="utf-8")


def module_notebook(notebooks: Path, module: str) -> Path:
    if not re.fullmatch(r"0[1-9]", module):
        raise NewRefused(f"module '{module}' bestaat niet; geef het nummer met twee cijfers, bijvoorbeeld --module 07")
    found = sorted(notebooks.glob(f"{module}-*.ipynb"))
    if not found:
        have = ", ".join(p.name[:2] for p in sorted(notebooks.glob("0[1-9]-*.ipynb"))) or "geen"
        raise NewRefused(f"module '{module}' bestaat niet in {notebooks} (wel: {have})")
    return found[0]


def scenario_text(kind: str, scenario_id: str, module: str, title: str | None = None) -> str:
    start = starter(kind)
    return Template(start.text).substitute(id=scenario_id, module=module, title=_yaml_text(title or start.title))


def _yaml_text(text: str) -> str:
    """A title as a YAML value: quoted when it would otherwise not read back as this text."""
    from ilomo.scenario.loader import parse_fast

    if "\n" in text:
        raise NewRefused("de titel moet op één regel staan")
    data = parse_fast(f"t: {text}\n")
    return text if data == {"t": text} else json.dumps(text, ensure_ascii=False)


def create(kind: str, scenario_id: str, module: str, scenarios: Path, notebooks: Path,
           title: str | None = None) -> Created:  # fmt: skip
    """Write `<scenarios>/<id>.yml` and wire it into module `module`'s notebook; NewRefused when it cannot."""
    from ilomo.scenario.validate import check_text

    if kind not in kinds():
        raise NewRefused(f"onbekende soort '{kind}'; kies uit: {', '.join(kinds())}")
    if not re.fullmatch(ID_PATTERN, scenario_id):
        raise NewRefused(f"'{scenario_id}' is geen geldige id: gebruik kleine letters, cijfers en '-', "
                         "en begin met een letter of cijfer (bijvoorbeeld 07-balie-gesprek)")  # fmt: skip
    target = scenarios / f"{scenario_id}.yml"
    if target.exists():
        raise NewRefused(f"de id '{scenario_id}' bestaat al: {target}; kies een andere id")
    notebook = module_notebook(notebooks, module)
    nb = nbformat.read(notebook, as_version=nbformat.NO_CONVERT)
    if scenario_id in nb.metadata.get("ilomo", {}).get("exercises", []):
        raise NewRefused(f"de id '{scenario_id}' staat al bij de oefeningen van {notebook.name}; kies een andere id")
    text = scenario_text(kind, scenario_id, module, title)
    model, problems = check_text(text, str(target), scenario_id, note=lambda _: None, warnings=True)
    if model is None or problems:  # a template that is not valid (or not --strict clean) is our bug, not the author's
        raise NewRefused("het voorbeeld voor deze soort is zelf niet in orde:\n" + "\n".join(map(str, problems)))
    number = wire(nb, scenario_id, model.title, starter(kind).lead)
    target.write_text(text, encoding="utf-8")
    nbformat.write(nb, notebook)
    return Created(target, notebook, number)


def wire(nb: nbformat.NotebookNode, scenario_id: str, title: str, lead: str) -> int:
    """Add the exercise at the end of the section Oefeningen: a Markdown cell (### N. title, lead) and the
    tagged play cell; append the id to metadata.ilomo.exercises. Returns N."""
    cells = nb.cells
    start = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and _has_h2(c.source, SECTION)), None)
    if start is None:
        raise NewRefused(f"het notebook heeft geen sectie '## {SECTION}'")
    end = _section_end(cells, start)
    number = 1 + sum(len(_EXERCISE_H3.findall(c.source)) for c in cells[start:end] if c.cell_type == "markdown")
    heading = nbformat.v4.new_markdown_cell(f"### {number}. {title}\n\n{lead}".rstrip())
    play = nbformat.v4.new_code_cell(f'ilomo.play("{scenario_id}")', metadata={"tags": ["remove-input"]})
    if not any(c.cell_type == "code" and c.source.strip() == "import ilomo" for c in cells[:end]):
        setup = nbformat.v4.new_code_cell("import ilomo", metadata={"tags": ["remove-input"]})
        cells.insert(start + 1, setup)
        end += 1
    cells[end:end] = [heading, play]
    meta = nb.metadata.setdefault("ilomo", {})
    meta.setdefault("exercises", []).append(scenario_id)
    return number


def _has_h2(source: str, title: str) -> bool:
    return any(m.group(1) == title for m in _H2.finditer(source))


def _section_end(cells: list, start: int) -> int:
    """Index of the first cell after `start` that opens the next H2 section (a cell that starts in the middle
    of the section and then opens the next one is split in two, so the new cells can go between)."""
    for i in range(start + 1, len(cells)):
        cell = cells[i]
        if cell.cell_type != "markdown":
            continue
        match = _H2.search(cell.source)
        if match is None:
            continue
        before = cell.source[: match.start()].rstrip()
        if before:
            cell.source = cell.source[match.start():]
            cells.insert(i, nbformat.v4.new_markdown_cell(before))
            return i + 1
        return i
    return len(cells)
