"""Reflection questions; answers stay with the learner (the browser's journal or the journal file)."""

from ilomo.kinds.base import Kind
from ilomo.kinds.reflectie.contract import compile_reflectie

KIND = Kind(
    name="reflectie",
    label="Reflectie",
    package=__name__,
    compile=compile_reflectie,
    texts=("QUESTION_LABEL", "ANSWER_PLACEHOLDER", "HINT", "REFLECTION_DONE", "REFLECTION_COUNT",
           "JOURNAL_DAMAGED"),
    model="ilomo.kinds.reflectie.model:Reflectie",
    play="ilomo.kinds.reflectie.play:ReflectionPlay",
    checks="ilomo.kinds.reflectie.checks:findings",
    widget="ilomo.kinds.reflectie.widget:ReflectionView",
    room="ilomo.kinds.reflectie.room:RoomReflectionView",
)
