"""The knowledge check: questions with three to five options, one or more correct, an explanation per option
shown after answering; the score counts the questions answered fully correct."""

from ilomo.kinds.base import Kind
from ilomo.kinds.kennisvraag.contract import compile_kennisvraag

KIND = Kind(
    name="kennisvraag",
    label="Kennisvraag",
    package=__name__,
    compile=compile_kennisvraag,
    texts=("CHECK_PROGRESS", "CHECK_PICK_ONE", "CHECK_PICK_ALL", "CHECK_SUBMIT", "CHECK_RIGHT", "CHECK_WRONG",
           "CHECK_IS_RIGHT", "CHECK_IS_WRONG", "CHECK_YOU_PICKED", "CHECK_SCORE", "CHECK_NOTHING_PICKED"),
    model="ilomo.kinds.kennisvraag.model:Kennisvraag",
    play="ilomo.kinds.kennisvraag.play:KnowledgePlay",
    checks="ilomo.kinds.kennisvraag.checks:findings",
    widget="ilomo.kinds.kennisvraag.widget:KnowledgeView",
    room="ilomo.kinds.kennisvraag.room:RoomKnowledgeView",
)
