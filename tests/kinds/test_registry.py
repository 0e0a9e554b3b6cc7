"""The registry is the one place that knows the kinds: no module outside ilomo/kinds/ switches on a kind name."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Literal

import ilomo
from ilomo.kinds import KINDS, UnknownKind, kind_of

SRC = Path(ilomo.__file__).parent
# Allowed to name kinds, and why; never grow this list.
NOT_MOVED_YET = {
    # Curriculum rules, not kind behaviour: the module standard asks for a dilemma or sortering and a stelling;
    # the journal index collects the reflections of the book (what a module must hold and what a learner keeps,
    # not how a kind behaves).
    "content/modules.py", "journal/index.py",
}  # fmt: skip


def kind_switches(tree: ast.AST) -> list[int]:
    """Lines where a kind name is compared with, used as a dict key, or a Literal value."""
    names = set(KINDS)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
            if any(isinstance(p, ast.Constant) and p.value in names for p in parts):
                lines.append(node.lineno)
        elif isinstance(node, ast.Dict):
            if any(isinstance(k, ast.Constant) and k.value in names for k in node.keys):
                lines.append(node.lineno)
        elif (isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal"
              and any(isinstance(c, ast.Constant) and c.value in names for c in ast.walk(node.slice))):
            lines.append(node.lineno)
    return lines


def test_no_module_outside_kinds_switches_on_a_kind_name() -> None:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("kinds/") or rel in NOT_MOVED_YET:
            continue
        lines = kind_switches(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[rel] = lines
    assert found == {}, f"ask ilomo.kinds.kind_of instead: {found}"


def test_the_check_finds_a_switch() -> None:
    assert kind_switches(ast.parse('if kind == "dilemma": pass\nx = {"stelling": 1}')) == [1, 2]


def test_registry_lists_every_kind_with_its_parts() -> None:
    assert set(KINDS) == {"dilemma", "sortering", "stelling", "reflectie", "kennisvraag"}
    for name, kind in KINDS.items():
        assert kind.name == name and kind_of(name) is kind
        assert kind.widget_class().__name__ and kind.room_class().__name__
        model, play = kind.model_class(), kind.play_class()
        assert model.__module__ == f"ilomo.kinds.{name}.model" and play.__module__ == f"ilomo.kinds.{name}.play"
        assert play.kind == name and model.model_fields["kind"].annotation == Literal[name]
        assert kind.findings().__module__ == f"ilomo.kinds.{name}.checks"
        section = kind.report_section()
        assert section is None or section.__module__ == f"ilomo.kinds.{name}.report"
        assert (SRC / "kinds" / name / "templates" / "text.html.j2").exists()
    try:
        kind_of("onbekend")
    except UnknownKind:
        pass
    else:
        raise AssertionError("an unknown kind must raise")


def test_the_scenario_union_and_start_follow_the_registry() -> None:
    """Every registered kind validates through the shared union and starts its own play."""
    from ilomo.scenario import Dilemma, DilemmaPlay, load, scenarios_dir, start
    from ilomo.scenario.model import SCENARIO_ADAPTER
    from ilomo.scenario.model import Dilemma as ReExported

    assert ReExported is Dilemma is kind_of("dilemma").model_class() and DilemmaPlay is kind_of("dilemma").play_class()
    schema = SCENARIO_ADAPTER.json_schema()
    assert set(schema["discriminator"]["mapping"]) == set(KINDS)
    started = set()
    for path in sorted(scenarios_dir().glob("*.yml")):
        sc = load(path)
        assert type(sc) is kind_of(sc.kind).model_class()
        assert type(start(sc, seed=1)) is kind_of(sc.kind).play_class()
        started.add(sc.kind)
    assert started == set(KINDS)
