"""The live reflection player: one text field per question; answers go to the ReflectionStore."""

from __future__ import annotations

import ipywidgets as w
import pytest

from ilomo import texts
from ilomo.journal import FileJournal
from ilomo.journal.store import MemoryStore
from ilomo.player import Player, play
from tests.widgets.widget_helpers import DATA, buttons, text

PATH = DATA / "test-reflectie.yml"


class ListStore:
    """A store that is not a MemoryStore: records every save."""

    def __init__(self, saved: dict[str, str] | None = None) -> None:
        self.saved = dict(saved or {})
        self.calls: list[tuple[str, str, str]] = []

    def save(self, scenario_id: str, question_id: str, text: str) -> None:
        self.calls.append((scenario_id, question_id, text))
        self.saved[question_id] = text

    def load(self, scenario_id: str) -> dict[str, str]:
        return dict(self.saved)


@pytest.fixture
def player() -> Player:
    return play(PATH)


def test_fields_prompts_hints(player: Player) -> None:
    areas = player.view.textareas
    assert all(isinstance(a, w.Textarea) for a in areas)
    assert [a.description for a in areas] == ["Vraag 1", "Vraag 2"]
    assert areas[0].placeholder == "Denk aan een lastig gesprek. Wat gebeurde er?"  # Markdown stripped
    assert areas[0].continuous_update is False
    shown = text(player)
    assert "<strong>lastig</strong>" in player.view.fields["lastig-gesprek"].prompt.value
    assert f"{texts.HINT} Denk aan wat je zag en hoorde." in shown
    assert texts.JOURNAL_FILE.format(path=player.store.path) in shown  # honest about where answers go
    assert texts.MEMORY_ONLY in text(play(PATH, store=MemoryStore()))
    assert texts.BACK not in buttons(player)  # no Opnieuw that would wipe answers


def test_answers_go_to_the_store(player: Player) -> None:
    store = player.store
    assert isinstance(store, FileJournal)  # the default: the learner's journal file (ILOMO_JOURNAL in tests)
    player.view.textareas[0].value = "Een buurman was boos."
    assert store.load("test-reflectie") == {"lastig-gesprek": "Een buurman was boos."}
    assert player.view.fields["lastig-gesprek"].status.value == texts.SAVED
    assert not player.play.finished and texts.REFLECTION_DONE not in text(player)
    player.view.textareas[1].value = "Eerder vragen stellen."
    assert store.load("test-reflectie")["anders"] == "Eerder vragen stellen."
    assert player.play.finished and texts.REFLECTION_DONE in text(player)
    assert player.play.transcript() == [
        {"question": "lastig-gesprek", "answered": True},
        {"question": "anders", "answered": True},
    ]


def test_custom_store_loaded_and_saved() -> None:
    store = ListStore({"anders": "Al eerder beantwoord."})
    player = play(PATH, store=store)
    assert player.view.textareas[1].value == "Al eerder beantwoord."
    assert store.calls == []  # loading does not save again
    assert texts.MEMORY_ONLY not in text(player)
    player.view.textareas[0].value = "Nieuw antwoord."
    assert store.calls == [("test-reflectie", "lastig-gesprek", "Nieuw antwoord.")]
    assert player.play.finished
