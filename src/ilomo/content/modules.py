"""Module notebooks (``notebooks/NN-slug.ipynb``): read them and check them against the module standard.

The standard is described for authors in ``book/auteurs.md``. In short, a module notebook has:

- metadata under ``metadata.ilomo`` (see ``FIELDS``);
- one H1 title, then an introduction that shows the self-study time (``self_study_minutes``), the prerequisites
  (``prerequisites``: earlier modules this one builds on, or "geen") and a visible content note (an admonition
  that is not a dropdown and says that the learner may skip an exercise);
- the H2 sections of ``SECTIONS``, in that order; "Hierna" links, for each learning track of the module, to the
  next module of that track (or to the track page after the last module);
- its exercises as code cells ``ilomo.play("<id>")`` (tagged ``remove-input``) in the section Oefeningen,
  each after a short H3 of the form ``### N. Titel`` and a sentence; an exercise without a scenario (say, the
  overview learners build in module 06) is an ``activities`` id, an element with that HTML id in Oefeningen;
  one setup cell ``import ilomo`` (also ``remove-input``) before them; other code cells (say, a data analysis
  the reader should see) are allowed;
- every learning objective practised by an exercise or activity (``goal_exercises``: objective number -> ids);
- every take-away of its session practised by an exercise, at least one dilemma or sortering, one stelling
  and three reflection questions;
- a session plan in a dropdown admonition whose ``Minuten`` column adds up to ``minutes``;
- the source convention in Kernideeën (``check_sources``); no cell outputs; short sentences; one quoting style
  (straight single quotes, 'zo').

``check_module`` returns plain Dutch messages, each starting with the notebook's path, for authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import nbformat
from markdown_it import MarkdownIt
from markdown_it.token import Token
from nbformat.reader import NotJSONError
from ruamel.yaml import YAML

from ilomo import inputs
from ilomo.content.metadata import metadata_problems
from ilomo.content.sources import check_sources, sources  # noqa: F401 (part of this module's interface)

SECTIONS = (
    "Leerdoelen",
    "Waar ging de sessie over?",
    "Kernideeën",
    "Oefeningen",
    "Take-aways",
    "Kort samengevat",
    "Hierna",
    "Voor de trainer",
    "Verder lezen",
)
TRACKS = ("asiel-en-migratie", "energietransitie", "landelijk-gebied")
FIELDS: dict[str, str] = {  # metadata field -> kind of value
    "session": "int",
    "title": "str",
    "minutes": "int",
    "audience": "str",
    "objectives": "list",
    "takeaways": "list",
    "exercises": "list",
    "tracks": "list",
    "sources": "list",
    "self_study_minutes": "int",  # time for a learner alone, shown at the top; the group session is `minutes`
    "prerequisites": "list",  # module numbers ("02") this module builds on
    "goal_exercises": "map",  # objective number ("1") -> ids of the exercises or activities that practise it
    "activities": "list",  # exercises on the page that are not scenarios (an element with this HTML id)
}
_KIND_WORDS = {
    "int": "een geheel getal",
    "str": "een tekst",
    "list": "een lijst met teksten",
    "map": "een lijst van leerdoelnummers ('1', '2', ...) met elk een lijst oefeningen",
}

# Learning objectives start with one of these concrete verbs (infinitive: "Na deze module kun je ...").
CONCRETE_VERBS = frozenset(
    """
    aangeven aanpassen afsluiten afwegen analyseren beargumenteren begeleiden benoemen beoordelen
    bepalen beschrijven bespreken controleren delen doorvragen duiden escaleren evalueren formuleren
    gebruiken herkennen herschrijven inschatten inzetten kiezen maken melden noemen onderbouwen
    onderscheiden oefenen omschrijven opstellen opzoeken ordenen organiseren plannen reageren
    samenvatten schrijven signaleren sorteren stellen tonen toepassen uitleggen uitvoeren vergelijken
    verwijzen voeren voorbereiden voorstellen
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
OBJECTIVES_MIN, OBJECTIVES_MAX = 3, 5
MIN_REFLECTION_QUESTIONS = 3
MAX_SENTENCE_WORDS = 25
MAX_AVERAGE_SENTENCE_WORDS = 15.0
ADVICE_MARKER = "(praktisch advies)"
SKIP_WORD = "overslaan"  # the visible content note at the top says that the learner may skip an exercise

_PLAY = re.compile(r"""^ilomo\.play\(\s*["']([^"']+)["']\s*\)$""")
_SETUP = "import ilomo"
_FILE_NAME = re.compile(r"^(\d\d)-[a-z0-9][a-z0-9-]*\.ipynb$")
_EXERCISE_HEADING = re.compile(r"^\d+\. \S")
_OTHER_QUOTES = re.compile("[\"\u2018\u2019\u201c\u201d\u201e]")  # the one quoting style is straight single quotes
_TRAILING_AFTER_LINK = re.compile(r"^[\s.,;:!?)]*$")
_MD = MarkdownIt("commonmark").enable("table")


# --- data files --------------------------------------------------------------------------------------


def _data(name: str) -> Any:
    return YAML(typ="safe").load(files("ilomo").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def session_takeaways() -> dict[int, dict[str, str]]:
    """Session number -> {take-away id: text, word for word from the report}."""
    return {s["number"]: dict(s.get("takeaways") or {}) for s in _data("takeaways.yml")["sessions"]}


# --- reading a notebook ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    cell: int  # index of the cell


@dataclass
class Module:
    """A module notebook, read but not checked."""

    path: Path
    metadata: dict[str, Any]  # metadata.ilomo (empty if missing)
    cells: list[dict[str, Any]]
    has_metadata: bool = True
    headings: list[Heading] = field(default_factory=list)
    section_text: dict[str, str] = field(default_factory=dict)  # H2 title -> its Markdown (without the H2)
    cell_section: list[str | None] = field(default_factory=list)  # per cell: the H2 it belongs to
    intro: str = ""  # the Markdown between the H1 title and the first H2

    @property
    def session(self) -> int | None:
        value = self.metadata.get("session")
        return value if _is_int(value) else None

    @property
    def title(self) -> str | None:
        value = self.metadata.get("title")
        return value if isinstance(value, str) else None

    @property
    def minutes(self) -> int | None:
        value = self.metadata.get("minutes")
        return value if _is_int(value) else None

    def field_list(self, name: str) -> list[str]:
        value = self.metadata.get(name)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def exercises(self) -> list[str]:
        return self.field_list("exercises")

    @property
    def self_study_minutes(self) -> int | None:
        value = self.metadata.get("self_study_minutes")
        return value if _is_int(value) else None

    def code_cells(self) -> Iterator[tuple[int, dict[str, Any]]]:
        return ((i, c) for i, c in enumerate(self.cells) if c.get("cell_type") == "code")

    def plays(self) -> list[tuple[int, str]]:
        """(cell index, scenario id) of every ``ilomo.play("<id>")`` cell, in notebook order."""
        found = []
        for i, cell in self.code_cells():
            match = _PLAY.match(_source(cell).strip())
            if match:
                found.append((i, match.group(1)))
        return found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def load_module(path: str | Path) -> Module:
    """Read a module notebook. Raises ``ValueError`` if the file is no readable notebook."""
    path = Path(path)
    try:  # the input policy first (regular file, size, UTF-8, nesting, numbers), then nbformat's reader
        text = inputs.read_text(path, inputs.NOTEBOOK)
        inputs.load_json(text, inputs.NOTEBOOK, str(path))
    except inputs.InputRefused as err:
        where = f" (regel {err.line}, kolom {err.column})" if (err.line, err.column) != (1, 1) else ""
        raise ValueError(f"kan het notebook niet lezen: {err.message}{where}") from None
    try:  # nbformat's reader: any notebook version, as is (no schema warnings); the module standard checks the rest
        data = nbformat.reader.reads(text)
    except NotJSONError as err:
        raise ValueError(f"kan het notebook niet lezen: {err}") from None
    except (KeyError, ValueError, AttributeError, nbformat.NBFormatError, nbformat.ValidationError):
        raise ValueError("dit is geen Jupyter-notebook (er is geen lijst 'cells')") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise ValueError("dit is geen Jupyter-notebook (er is geen lijst 'cells')")
    raw_meta = (data.get("metadata") or {}).get("ilomo")
    module = Module(
        path=path,
        metadata=raw_meta if isinstance(raw_meta, dict) else {},
        cells=[c for c in data["cells"] if isinstance(c, dict)],
        has_metadata=isinstance(raw_meta, dict),
    )
    _split_sections(module)
    return module


def _split_sections(module: Module) -> None:
    """Fill headings, section_text and cell_section (headings inside code fences do not count)."""
    current: str | None = None
    texts: dict[str, list[str]] = {}
    intro: list[str] = []
    seen_title = False
    for index, cell in enumerate(module.cells):
        if cell.get("cell_type") != "markdown":
            module.cell_section.append(current)
            continue
        lines = _source(cell).splitlines()
        heading_lines: dict[int, tuple[int, str]] = {}
        tokens = _MD.parse(_source(cell))
        for t, token in enumerate(tokens):
            if token.type == "heading_open" and token.map:
                heading_lines[token.map[0]] = (int(token.tag[1]), tokens[t + 1].content.strip())
        for n, line in enumerate(lines):
            if n in heading_lines:
                level, text = heading_lines[n]
                module.headings.append(Heading(level, text, index))
                if level == 1:
                    current, seen_title = None, True
                    continue
                if level == 2:
                    current = text
                    texts.setdefault(current, [])
                    continue
            if current is not None:
                texts[current].append(line)
            elif seen_title:
                intro.append(line)
        module.cell_section.append(current)
        if current is not None:
            texts[current].append("")
        elif seen_title:
            intro.append("")
    module.section_text = {title: "\n".join(lines) for title, lines in texts.items()}
    module.intro = "\n".join(intro)


# --- Markdown helpers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph or table cell: its raw inline Markdown and the parsed inline tokens."""

    kind: str  # "paragraph" or "cell"
    content: str
    children: list[Token]


def _blocks(markdown: str) -> Iterator[Block]:
    """Paragraphs and table cells, also inside MyST directives written as ```{name} fences."""
    tokens = _MD.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "inline" and i > 0:
            opener = tokens[i - 1].type
            if opener == "paragraph_open":
                yield Block("paragraph", token.content, token.children or [])
            elif opener in ("th_open", "td_open"):
                yield Block("cell", token.content, token.children or [])
        elif token.type == "fence" and token.info.strip().startswith("{"):
            yield from _blocks(_directive_body(token.content))


def _directive_body(content: str) -> str:
    """The body of a MyST directive: without its ``:option:`` lines at the top."""
    lines = content.splitlines()
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        lines.pop(0)
    return "\n".join(lines)


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _last_link(children: list[Token]) -> tuple[str | None, str]:
    """(href of the last link, plain text after it)."""
    href: str | None = None
    after: list[Token] = []
    inside = False
    for child in children:
        if child.type == "link_open":
            href, after, inside = str(child.attrGet("href")), [], True
        elif child.type == "link_close":
            inside = False
        elif href is not None and not inside:
            after.append(child)
    return href, _plain(after)


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def sentences(markdown: str, *, tables: bool = True) -> list[str]:
    """The sentences of the text: paragraphs and list items, and table cells unless `tables` is false.
    Headings and code are left out; a link counts with its label."""
    found = []
    for block in _blocks(markdown):
        if block.kind == "cell" and not tables:
            continue
        text = _plain(block.children)
        for sentence in re.split(r"(?<=[.!?])\s+|(?<=[.!?]['\"’”])\s+", text):
            if _words(sentence):
                found.append(sentence.strip())
    return found


def _words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if re.search(r"\w", w)]


# --- checks ------------------------------------------------------------------------------------------


def check_module(path: str | Path, scenario_dir: str | Path) -> list[str]:
    """Every way the notebook at ``path`` misses the module standard, as plain Dutch messages."""
    try:
        module = load_module(path)
    except ValueError as err:
        return [f"{path}: {err}"]
    scenarios, problems = _load_scenarios(module, Path(scenario_dir))
    problems = (
        _check_metadata(module)
        + _check_structure(module)
        + _check_objectives_in_text(module)
        + _check_intro(module)
        + _check_goal_exercises(module)
        + _check_next(module)
        + _check_core_ideas(module)
        + _check_exercise_cells(module)
        + problems
        + _check_exercise_content(module, scenarios)
        + _check_takeaways_section(module)
        + _check_trainer(module)
        + _check_further_reading(module)
        + _check_language(module)
        + _check_outputs(module)
    )
    return [f"{module.path}: {problem}" for problem in problems]


def _check_metadata(module: Module) -> list[str]:
    if not module.has_metadata:
        return ["de metadata 'ilomo' ontbreekt (kopieer hem uit templates/module-template.ipynb)"]
    meta = module.metadata
    problems = metadata_problems(meta, FIELDS, _KIND_WORDS)  # a pydantic model made from FIELDS

    session = module.session
    if session is not None:
        if session not in session_takeaways():
            problems.append("het metadataveld 'session' moet een sessienummer van het verslag zijn (1 tot en met 9)")
        match = _FILE_NAME.match(module.path.name)
        if not match or int(match.group(1)) != session:
            problems.append(f"de bestandsnaam moet de vorm '{session:02d}-onderwerp.ipynb' hebben")
    if module.minutes is not None and module.minutes <= 0:
        problems.append("het metadataveld 'minutes' moet groter dan 0 zijn")
    if module.self_study_minutes is not None and module.self_study_minutes <= 0:
        problems.append("het metadataveld 'self_study_minutes' moet groter dan 0 zijn")

    objectives = module.field_list("objectives")
    if isinstance(meta.get("objectives"), list) and not OBJECTIVES_MIN <= len(objectives) <= OBJECTIVES_MAX:
        problems.append(
            f"er zijn {len(objectives)} leerdoelen; een module heeft er {OBJECTIVES_MIN} tot en met {OBJECTIVES_MAX}"
        )
    for n, objective in enumerate(objectives, start=1):
        first = objective.split()[0].lower().strip(",.:") if objective.split() else ""
        if first not in CONCRETE_VERBS:
            problems.append(
                f"leerdoel {n} begint niet met een concreet werkwoord: '{_short(objective, 4)}' "
                "(bijvoorbeeld benoemen, uitleggen, herkennen, toepassen; zie book/auteurs.md)"
            )

    if session in session_takeaways():
        own = session_takeaways()[session]
        listed = module.field_list("takeaways")
        for tid in listed:
            if tid not in own:
                problems.append(f"take-away '{tid}' hoort niet bij sessie {session}")
        problems += [
            f"take-away '{tid}' van sessie {session} ontbreekt in het metadataveld 'takeaways'"
            for tid in own
            if tid not in listed
        ]
    for track in module.field_list("tracks"):
        if track not in TRACKS:
            problems.append(f"onbekende leerlijn '{track}' in 'tracks' (kies uit: {', '.join(TRACKS)})")
    for sid in module.field_list("sources"):
        if sid not in sources():
            problems.append(f"bron '{sid}' staat niet in src/ilomo/data/bronnen.yml")
    exercises = module.exercises
    problems += [
        f"oefening '{x}' staat twee keer in 'exercises'" for x in sorted(set(exercises)) if exercises.count(x) > 1
    ]
    return problems


def _check_structure(module: Module) -> list[str]:
    problems = []
    titles = [h.text for h in module.headings if h.level == 1]
    if len(titles) != 1:
        problems.append(f"het notebook moet precies één titel (kop 1, '# ...') hebben; gevonden: {len(titles)}")
    elif module.title is not None and titles[0] != module.title:
        problems.append(f"de titel '{titles[0]}' is niet gelijk aan het metadataveld 'title' ('{module.title}')")

    found = [h.text for h in module.headings if h.level == 2]
    problems += [
        f"onbekende sectie '{t}' (kop 2); gebruik alleen: {', '.join(SECTIONS)}" for t in found if t not in SECTIONS
    ]
    problems += [f"de sectie '{t}' staat er meer dan één keer in" for t in SECTIONS if found.count(t) > 1]
    problems += [f"de sectie '{t}' ontbreekt" for t in SECTIONS if t not in found]
    known = [t for t in found if t in SECTIONS]
    if not any(found.count(t) > 1 for t in SECTIONS) and known != [t for t in SECTIONS if t in known]:
        problems.append(
            f"de secties staan niet in de goede volgorde; verwacht: {', '.join(SECTIONS)}; gevonden: {', '.join(known)}"
        )
    return problems


def _check_objectives_in_text(module: Module) -> list[str]:
    text = module.section_text.get("Leerdoelen")
    if text is None:
        return []
    return [
        f"leerdoel '{_short(objective, 4)}' uit de metadata staat niet in de sectie 'Leerdoelen'"
        for objective in module.field_list("objectives")
        if objective not in " ".join(text.split())
    ]


def _source_targets(module: Module) -> tuple[set[str], set[str]]:
    """(urls, book pages) of the sources this module lists in its metadata."""
    urls, pages = set(), set()
    for sid in module.field_list("sources"):
        entry = sources().get(sid)
        if entry and entry.get("url"):
            urls.add(entry["url"])
        if entry and entry.get("page"):
            pages.add(entry["page"])
    return urls, pages


def _page_name(href: str) -> str:
    name = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".md", ".ipynb", ".html"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _check_core_ideas(module: Module) -> list[str]:
    """The source convention: every paragraph and bullet in Kernideeën ends with a link to one of the module's
    sources (a url or book page from bronnen.yml listed in `sources`), or with the marker "(praktisch advies)".
    A paragraph that ends with ':' introduces the list below it and needs no source of its own."""
    text = module.section_text.get("Kernideeën")
    if text is None:
        return []
    urls, pages = _source_targets(module)
    problems = []
    paragraphs = [b for b in _blocks(text) if b.kind == "paragraph"]
    if not paragraphs:
        return ["de sectie 'Kernideeën' heeft geen tekst"]
    for block in paragraphs:
        content = " ".join(block.content.split())
        if content.endswith(":") or content.rstrip(".").endswith(ADVICE_MARKER):
            continue
        href, after = _last_link(block.children)
        if href is None or not _TRAILING_AFTER_LINK.match(after):
            problems.append(
                f"in 'Kernideeën' eindigt deze tekst niet met een bron: '{_short(_plain(block.children))}' "
                "(sluit af met een link naar een bron, zie book/auteurs.md)"
            )
        elif href not in urls and _page_name(href) not in pages:
            problems.append(f"in 'Kernideeën' verwijst de bron {href} niet naar een bron in het metadataveld 'sources'")
    return problems


def _check_exercise_cells(module: Module) -> list[str]:
    problems = []
    plays = module.plays()
    setup = [i for i, cell in module.code_cells() if _source(cell).strip() == _SETUP]
    if not setup or (plays and setup[0] > plays[0][0]):
        problems.append(f"de code-cel '{_SETUP}' ontbreekt vóór de eerste oefening")
    # Other code cells (for example a data analysis the reader should see) are allowed and keep their input.
    for i in setup[:1] + [i for i, _ in plays]:
        if "remove-input" not in (module.cells[i].get("metadata") or {}).get("tags", []):
            problems.append(f"code-cel {i + 1} mist de tag 'remove-input' (dan ziet de lezer de code)")

    exercises = module.exercises
    in_notebook = [sid for _, sid in plays]
    problems += [
        f"oefening '{x}' staat in de metadata, maar er is geen cel ilomo.play(\"{x}\")"
        for x in exercises
        if x not in in_notebook
    ]
    problems += [
        f"de cel ilomo.play(\"{x}\") staat niet in het metadataveld 'exercises'"
        for x in in_notebook
        if x not in exercises
    ]
    shared = [x for x in in_notebook if x in exercises]
    if shared != [x for x in exercises if x in in_notebook]:
        problems.append("de oefeningen staan in een andere volgorde dan in het metadataveld 'exercises'")
    for i, sid in plays:
        if module.cell_section[i] != "Oefeningen":
            problems.append(f"de cel ilomo.play(\"{sid}\") staat niet in de sectie 'Oefeningen'")
        intro = _intro_cell(module, i)
        has_h3 = any(h.level == 3 and h.cell == i - 1 for h in module.headings)
        if intro is None or not has_h3 or not any(b.kind == "paragraph" for b in _blocks(_source(intro))):
            problems.append(f"oefening '{sid}' heeft geen korte kop 3 ('### ...') en inleidende zin erboven")
    in_exercises = {i for i, section in enumerate(module.cell_section) if section == "Oefeningen"}
    problems += [
        f"in 'Oefeningen' heeft de kop '{h.text}' niet de vorm '### N. Titel' (bijvoorbeeld '### 2. Stelling: ...')"
        for h in module.headings
        if h.level == 3 and h.cell in in_exercises and not _EXERCISE_HEADING.match(h.text)
    ]
    return problems


def _intro_cell(module: Module, index: int) -> dict[str, Any] | None:
    """The Markdown cell right above code cell `index` (skipping other code cells is not allowed)."""
    if index > 0 and module.cells[index - 1].get("cell_type") == "markdown":
        return module.cells[index - 1]
    return None


def _load_scenarios(module: Module, scenario_dir: Path) -> tuple[dict[str, Any], list[str]]:
    from ilomo.scenario import ScenarioInvalid, load

    scenarios, problems = {}, []
    for sid in module.exercises:
        file = scenario_dir / f"{sid}.yml"
        if not file.is_file():
            problems.append(f"oefening '{sid}': het bestand {file} bestaat niet")
            continue
        try:
            scenarios[sid] = load(file)
        except ScenarioInvalid:
            problems.append(f"oefening '{sid}': het scenario {file} is ongeldig (controleer het met ilomo validate)")
    return scenarios, problems


def _check_exercise_content(module: Module, scenarios: dict[str, Any]) -> list[str]:
    problems = []
    session = module.session
    for sid, scenario in scenarios.items():
        if session is not None and scenario.module != f"{session:02d}":
            problems.append(f"oefening '{sid}' hoort bij module '{scenario.module}', niet bij '{session:02d}'")
        if scenario.fictief:
            index = next((i for i, x in module.plays() if x == sid), None)
            intro = _intro_cell(module, index) if index is not None else None
            if intro is not None and "verzonnen" not in _source(intro).lower():
                problems.append(
                    f"oefening '{sid}' is een verzonnen casus (fictief: true); zeg dat ook in de tekst erboven"
                )
    if len(scenarios) < len(module.exercises):
        return problems  # the missing or invalid ones were reported; counting now would mislead
    kinds = [s.kind for s in scenarios.values()]
    if "dilemma" not in kinds and "sortering" not in kinds:
        problems.append("er is geen dilemma of sortering bij de oefeningen")
    if "stelling" not in kinds:
        problems.append("er is geen stelling bij de oefeningen")
    questions = sum(len(s.questions) for s in scenarios.values() if s.kind == "reflectie")
    if questions < MIN_REFLECTION_QUESTIONS:
        problems.append(f"er zijn {questions} reflectievragen; een module heeft er minstens {MIN_REFLECTION_QUESTIONS}")
    practised = {tid for s in scenarios.values() for tid in s.takeaways}
    if session in session_takeaways():
        problems += [
            f"take-away '{tid}' wordt in geen enkele oefening geoefend (zet de id bij 'takeaways' in een scenario)"
            for tid in session_takeaways()[session]
            if tid not in practised
        ]
    return problems


def _check_intro(module: Module) -> list[str]:
    """The top of the module: self-study time, prerequisites and a visible content note."""
    if not module.has_metadata:
        return []
    problems = []
    flat = " ".join(module.intro.split())
    minutes = module.self_study_minutes
    if minutes is not None and f"**Zelfstudie:** ongeveer {minutes} minuten" not in flat:
        problems.append(
            f"de tijd voor zelfstudie staat niet bovenaan de module; schrijf onder de titel: "
            f"'**Zelfstudie:** ongeveer {minutes} minuten.'"
        )
    earlier = {n: name for n, name in _sibling_modules(module.path.parent).items() if n < (module.session or 0)}
    prerequisites = module.field_list("prerequisites")
    hrefs = {_page_name(h) for h in _hrefs(module.intro)}
    for number in prerequisites:
        if not re.fullmatch(r"\d\d", number) or int(number) not in earlier:
            problems.append(f"voorkennis '{number}' is geen eerdere module (gebruik het nummer, zoals '02')")
        elif earlier[int(number)] not in hrefs:
            problems.append(
                f"voorkennis '{number}' staat niet bovenaan de module; "
                f"zet een link naar module {number} achter '**Voorkennis:**'"
            )
    if "prerequisites" in module.metadata and "**Voorkennis:**" not in flat:
        problems.append("bovenaan de module staat geen regel '**Voorkennis:**' (schrijf 'geen' als er geen is)")
    notes = [
        t
        for t in _MD.parse(module.intro)
        if t.type == "fence"
        and t.info.strip().startswith("{")
        and not re.search(r"^:class:.*\bdropdown\b", t.content, re.MULTILINE)
        and SKIP_WORD in t.content.lower()
    ]
    if not notes:
        problems.append(
            "bovenaan de module staat geen zichtbare inhoudsnoot: een ```{admonition} zonder dropdown "
            f"die zegt waar de module over gaat en dat je elke oefening mag {SKIP_WORD}"
        )
    return problems


def _check_goal_exercises(module: Module) -> list[str]:
    """Every learning objective is practised by an exercise or an activity of this module."""
    mapping = module.metadata.get("goal_exercises")
    if not isinstance(mapping, dict):
        return []
    problems = []
    objectives = module.field_list("objectives")
    known = set(module.exercises) | set(module.field_list("activities"))
    for n in range(1, len(objectives) + 1):
        if not mapping.get(str(n)):
            problems.append(
                f"leerdoel {n} wordt in geen oefening geoefend (zet bij 'goal_exercises' onder '{n}' de oefeningen)"
            )
    for key, ids in mapping.items():
        if key not in {str(n) for n in range(1, len(objectives) + 1)}:
            problems.append(f"'goal_exercises' noemt leerdoel '{key}', maar dat leerdoel bestaat niet")
            continue
        problems += [
            f"'goal_exercises' noemt bij leerdoel {key} '{x}', maar dat is geen oefening of activiteit van deze module"
            for x in ids
            if isinstance(x, str) and x not in known
        ]
    section = module.section_text.get("Oefeningen", "")
    problems += [
        f"activiteit '{x}' (metadataveld 'activities') staat niet in de sectie 'Oefeningen' "
        f'(maak een element met id="{x}")'
        for x in module.field_list("activities")
        if f'id="{x}"' not in section
    ]
    return problems


def _sibling_modules(folder: Path) -> dict[int, str]:
    """Session number -> notebook name (without .ipynb) of the module notebooks in `folder`."""
    found = {}
    for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        if _FILE_NAME.match(path.name) and path.name[:2] != "00":
            found.setdefault(int(path.name[:2]), path.stem)
    return found


def _tracks_of(folder: Path) -> dict[int, list[str]]:
    """Session number -> learning tracks, read from the metadata of the module notebooks in `folder`."""
    tracks: dict[int, list[str]] = {}
    for number, name in _sibling_modules(folder).items():
        try:  # under the input policy, like every notebook read (a broken one is reported by check_module)
            module = load_module(folder / f"{name}.ipynb")
        except ValueError:
            continue
        if module.has_metadata:
            tracks[number] = module.field_list("tracks")
    return tracks


def next_in_track(folder: Path, session: int, track: str) -> str:
    """The page a learner on `track` reads after module `session`: the next module of that track
    (by number), or the track page ``leerlijnen/<track>`` after the last one."""
    later = sorted(n for n, tracks in _tracks_of(folder).items() if n > session and track in tracks)
    return _sibling_modules(folder)[later[0]] if later else track


def track_self_study_minutes(folder: str | Path) -> dict[str, int]:
    """Learning track -> total self-study minutes of its modules (the module notebooks in `folder`)."""
    folder = Path(folder)
    totals = dict.fromkeys(TRACKS, 0)
    for number, tracks in _tracks_of(folder).items():
        module = load_module(folder / f"{_sibling_modules(folder)[number]}.ipynb")
        for track in tracks:
            if track in totals and module.self_study_minutes:
                totals[track] += module.self_study_minutes
    return totals


def _check_next(module: Module) -> list[str]:
    """'Hierna' points, for each of the module's tracks, to the next page of that track."""
    text = module.section_text.get("Hierna")
    if text is None or module.session is None:
        return []
    hrefs = {_page_name(h) for h in _hrefs(text)}
    problems = []
    for track in module.field_list("tracks"):
        if track not in TRACKS:
            continue
        target = next_in_track(module.path.parent, module.session, track)
        if target not in hrefs:
            what = "de pagina van de leerlijn" if target == track else "de volgende module van de leerlijn"
            problems.append(f"de sectie 'Hierna' heeft geen link naar {target} ({what} {track})")
    return problems


def _hrefs(markdown: str) -> list[str]:
    return [str(c.attrGet("href")) for b in _blocks(markdown) for c in b.children if c.type == "link_open"]


def _check_takeaways_section(module: Module) -> list[str]:
    text = module.section_text.get("Take-aways")
    if text is None or module.session not in session_takeaways():
        return []
    flat = " ".join(text.split())
    return [
        f"take-away '{tid}' staat niet letterlijk (met id en tekst) in de sectie 'Take-aways'"
        for tid, quote in session_takeaways()[module.session].items()
        if tid not in flat or " ".join(quote.split()) not in flat
    ]


def _check_trainer(module: Module) -> list[str]:
    text = module.section_text.get("Voor de trainer")
    if text is None:
        return []
    tokens = _MD.parse(text)
    dropdowns = [
        t
        for t in tokens
        if t.type == "fence"
        and t.info.strip().startswith("{admonition}")
        and re.search(r"^:class:.*\bdropdown\b", t.content, re.MULTILINE)
    ]
    outside = [t for t in tokens if t.level == 0 and t.type not in ("fence",) and not t.type.endswith("_close")]
    if not dropdowns or outside:
        return [
            "de sectie 'Voor de trainer' staat niet helemaal in een inklapbaar blok "
            "(```{admonition} met :class: dropdown)"
        ]
    body = "\n".join(_directive_body(t.content) for t in dropdowns)
    column = _table_column(body, "Minuten")
    if column is None:
        return ["de sectie 'Voor de trainer' heeft geen tabel met een kolom 'Minuten'"]
    problems = [
        f"in het sessieplan staat '{v}' in de kolom 'Minuten'; gebruik een geheel getal"
        for v in column
        if not v.isdigit()
    ]
    total = sum(int(v) for v in column if v.isdigit())
    if not problems and module.minutes is not None and total != module.minutes:
        problems.append(f"de minuten in het sessieplan tellen op tot {total}, maar 'minutes' is {module.minutes}")
    return problems


def _table_column(markdown: str, header: str) -> list[str] | None:
    """The values of the column `header` of the first table that has one."""
    tokens = _MD.parse(markdown)
    rows: list[list[str]] = []
    in_table = False
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            in_table, rows = True, []
        elif token.type == "tr_open" and in_table:
            rows.append([])
        elif token.type == "inline" and in_table and tokens[i - 1].type in ("th_open", "td_open"):
            rows[-1].append(_plain(token.children or []).strip())
        elif token.type == "table_close":
            in_table = False
            if rows and header in rows[0]:
                col = rows[0].index(header)
                return [row[col] for row in rows[1:] if col < len(row)]
    return None


def _check_further_reading(module: Module) -> list[str]:
    text = module.section_text.get("Verder lezen")
    if text is None:
        return []
    hrefs = [str(c.attrGet("href")) for b in _blocks(text) for c in b.children if c.type == "link_open"]
    problems = []
    for sid in module.field_list("sources"):
        entry = sources().get(sid)
        if entry is None:
            continue
        if (entry.get("url") and entry["url"] not in hrefs) or (
            entry.get("page") and entry["page"] not in {_page_name(h) for h in hrefs}
        ):
            problems.append(f"bron '{sid}' (metadataveld 'sources') staat niet als link in de sectie 'Verder lezen'")
    return problems


def _check_language(module: Module) -> list[str]:
    """Begrijpelijke taal: no sentence over MAX_SENTENCE_WORDS words, and a short average in the running text."""
    markdown = [_source(c) for c in module.cells if c.get("cell_type") == "markdown"]
    problems = [
        f"deze zin heeft {len(_words(s))} woorden (maximaal {MAX_SENTENCE_WORDS}): '{_short(s)}'"
        for text in markdown
        for s in sentences(text)
        if len(_words(s)) > MAX_SENTENCE_WORDS
    ]
    quoted = sorted({s for text in markdown for s in sentences(text) if _OTHER_QUOTES.search(s)})
    problems += [
        f"deze zin gebruikt andere aanhalingstekens dan enkele rechte ('...'): '{_short(s)}'" for s in quoted
    ]
    running = [s for text in markdown for s in sentences(text, tables=False)]  # table cells are no prose
    if running:
        average = sum(len(_words(s)) for s in running) / len(running)
        if average > MAX_AVERAGE_SENTENCE_WORDS:
            problems.append(
                f"de zinnen zijn gemiddeld {average:.1f} woorden lang; "
                f"houd het gemiddelde op {MAX_AVERAGE_SENTENCE_WORDS:.0f} of minder"
            )
    return problems


def _check_outputs(module: Module) -> list[str]:
    return [
        f"code-cel {i + 1} heeft uitvoer; maak die leeg met: jupyter nbconvert --clear-output --inplace"
        for i, cell in module.code_cells()
        if cell.get("outputs") or cell.get("execution_count") is not None
    ]
