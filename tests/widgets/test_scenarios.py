"""Every scenario in scenarios/ plays in its live player exactly as in the reference engine."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ilomo.journal.store import MemoryStore
from ilomo.player import Player, play
from ilomo.scenario import load, start

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yml"))


def step(player: Player, ref: object, rng: random.Random) -> None:
    """One random learner action, done on the widget and on the reference engine."""
    view, kind = player.view, player.scenario.kind
    if kind == "reflectie":
        question = rng.choice(player.scenario.questions)
        text = rng.choice(["", "Een antwoord."])
        view.fields[question.id].textarea.value = text
        ref.answer(question.id, text)
        return
    if kind == "kennisvraag":
        current = ref.current
        if current is not None and rng.random() < 0.8:
            k = rng.randrange(len(current.options))
            order = ref.option_order(current.id)
            if current.multiple:
                view.boxes[k].value = True
            else:
                view.single.index = k
            view.check.click()
            ref.answer(current.id, [current.options[order[k]].id])
        else:
            view.back_button.click()
            ref.back()
        return
    buttons = {
        "dilemma": lambda: view.choice_buttons,
        "sortering": lambda: view.category_buttons,
        "stelling": lambda: view.option_buttons,
    }[kind]()
    if buttons and rng.random() < 0.8:
        k = rng.randrange(len(buttons))
        if kind == "dilemma":  # the buttons are in the learner's (shuffled) order
            assert [b.description for b in buttons] == [c.label for _, c in ref.ordered_choices()]
        buttons[k].click()
        if kind == "dilemma":
            ref.choose(ref.ordered_choices()[k][0])
        elif kind == "sortering":
            ref.place(ref.current_item.id, player.scenario.categories[k].id)
        else:
            ref.answer(player.scenario.options[k].id)
    elif rng.random() < 0.8:
        view.back_button.click()
        ref.back()
    else:
        view.restart_button.click()
        ref.restart()


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_random_walks_match_engine(path: Path) -> None:
    for seed in range(5):
        rng = random.Random(seed)
        player = play(path, store=MemoryStore())  # each walk starts without answers
        ref = start(load(path), player.play.seed)
        for _ in range(30):
            step(player, ref, rng)
            assert player.play.transcript() == ref.transcript()
            assert player.play.finished == ref.finished


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_bundle(path: Path) -> None:
    bundle = play(path)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert 'class="ilomo-oefening"' in bundle["text/html"]


def test_demo_exists() -> None:
    assert (ROOT / "scenarios" / "demo-gesprek.yml").exists()
