"""A dilemma played by the room: the trainer enters the votes per choice, the room goes on with the majority
or with the trainer's pick. The engine (``DilemmaPlay``) decides what is available and where a choice leads.
The choices are lettered in the session's shuffled order (one seed per session, ``RoomMixin``); the log keeps
the original choice indexes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ilomo import texts as player_texts
from ilomo.kinds.dilemma.debrief import ending_html
from ilomo.kinds.dilemma.widget import DilemmaView
from ilomo.room import log, texts
from ilomo.room.base import RoomMixin
from ilomo.room.screen import meters_html, signals_html
from ilomo.room.tally import Split, chosen_position, letter
from ilomo.room.votes import Decision, VoteTally, taken_html
from ilomo.widgets.base import html
from ilomo.widgets.markup import bullets, esc, heading, items, unwrap


class RoomDilemmaView(RoomMixin, DilemmaView):
    replays_route = True

    @staticmethod
    def replay_step(play: Any, step: dict[str, Any]) -> bool:
        if play.ended or play.situation.id != step["situation"]:
            return False
        if step["choice"] not in [index for index, _ in play.choices()]:
            return False
        play.choose(step["choice"])
        return True

    def phone_question(self) -> str:
        return (self.play.situation.title or self.scenario.title) if not self.play.ended else ""

    def phone_tallies(self, key: Callable[..., Callable[[], str]]) -> list[tuple[Any, Callable[[], str]]]:
        play = self.play
        situation = lambda: "" if play.ended else play.situation.id  # noqa: E731
        return [(getattr(self, "tally", None), key(lambda: len(play.path), situation))]

    def build(self) -> None:
        super().build()  # meters, situation, signals, feedback and ending widgets of the live player
        self.choices_heading.value = heading(4, texts.ROOM_CHOICES)
        self.options = html()
        self.meters_line = html()
        self.tally = VoteTally()
        self.decision = Decision(self.tally, self._decide)
        self.runs = log.Runs(self.session, self.scenario)
        self._available: list[tuple[int, Any]] = []
        self._shown: tuple[int, str] | None = None  # (path length, situation id) the fields belong to
        self._counts_back: list[int] | None = None  # counts to show again after "Terug"

    def _decide(self, position: int, by_majority: bool) -> None:
        index, choice = self._available[position]
        situation = self.play.situation
        step = {
            "situation": situation.id,
            "title": situation.title or self.scenario.title,
            "options": [
                {"choice": i, "label": c.label, "votes": n}
                for (i, c), n in zip(self._available, self.tally.counts, strict=True)
            ],
            "choice": index,
            "label": choice.label,
            "by": log.BY_MAJORITY if by_majority else log.BY_TRAINER,
        }
        self.play.choose(index)
        self.runs.step(step, ending=self.play.ending)
        self.render()

    def restarted(self) -> None:
        self.runs.new_run()
        self._counts_back = None

    def went_back(self) -> None:
        last = self.runs.undo()
        self._counts_back = [o["votes"] for o in last["options"]] if last else None

    def render(self) -> None:
        play = self.play
        self.show_meters()
        stage: list[w.Widget] = []
        controls: list[w.Widget] = []
        steps = self.runs.run["steps"] if self.runs.run else []
        last = self.last_step()
        if last and steps:  # what the room chose and what happened, at the top
            taken = taken_html(steps[-1], "choice")
            self.feedback.value = f'<div class="ilomo-taken">{taken}{last[1]["feedback"]}</div>'
            stage.append(self.feedback)
        else:
            self.feedback.value = ""
        self.meters_line.value = meters_html(self.scenario.meters, play.meters, player_texts.METERS)
        if self.meters_line.value and not play.ended:
            stage.append(self.meters_line)
        if play.ended:
            if self.meters:
                stage.append(self.meters_box)
            self.ending_html.value = self._room_ending_html(steps)
            stage.append(self.ending_html)
            self._shown = None
        else:
            situation = self.situations[play.situation.id]
            self.situation_html.value = heading(3, situation["title"]) + situation["text"]
            signals = situation["signals"]
            self.signals.value = signals_html(signals, player_texts.SIGNALS) if signals else ""
            self._available = play.ordered_choices()
            labels = [choice.label for _, choice in self._available]
            key = (len(play.path), situation["id"])
            if key != self._shown:
                self.tally.show(labels, self._counts_back)
                self._shown, self._counts_back = key, None
            self.decision.update()
            stage.append(self.situation_html)
            if signals:
                stage.append(self.signals)
            stage.append(self.tally.ballot_row)
            controls += [self.tally.controls, self.decision.box]
        self.show(stage, controls)
        self.update_nav()

    def _room_ending_html(self, steps: list[dict[str, Any]]) -> str:
        out = ending_html(self.contract, self.play)
        if self.contract["debrief"]:
            out += heading(4, player_texts.DEBRIEF) + items(map(unwrap, self.contract["debrief"]), ordered=True)
        route = []
        for step in steps:
            split = Split.of([o["votes"] for o in step["options"]])
            position = chosen_position(step, "choice")
            how = texts.BY_MAJORITY if step["by"] == log.BY_MAJORITY else texts.BY_TRAINER
            route.append(
                texts.ROUTE_STEP.format(
                    title=step["title"], letter=letter(position), label=step["label"],
                    votes=split.counts[position], total=split.total, how=how,
                )
            )  # fmt: skip
        leap = list(self.play.summary().get("leap_steps") or [])
        line = texts.LEAP_ROOM.format(steps=", ".join(leap)) if leap else texts.LEAP_ROOM_NONE
        return out + heading(4, texts.ROUTE) + bullets(route, ordered=True) + f"<p>{esc(line)}</p>"


__all__ = ["RoomDilemmaView"]
