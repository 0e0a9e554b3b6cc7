"""A statement: the learner (or the room) takes a position, then reads other perspectives and questions."""

from ilomo.kinds.base import Kind
from ilomo.kinds.stelling.contract import compile_stelling

KIND = Kind(
    name="stelling",
    label="Stelling",
    package=__name__,
    compile=compile_stelling,
    texts=("STATEMENT", "STATEMENT_QUESTION", "YOUR_ANSWER", "PERSPECTIVES", "QUESTIONS"),
    model="ilomo.kinds.stelling.model:Stelling",
    play="ilomo.kinds.stelling.play:StellingPlay",
    checks="ilomo.kinds.stelling.checks:findings",
    widget="ilomo.kinds.stelling.widget:StellingView",
    report="ilomo.kinds.stelling.report:section",
    room="ilomo.kinds.stelling.room:RoomStellingView",
)
