"""Sorting cards into groups, with feedback per card and a score."""

from ilomo.kinds.base import Kind
from ilomo.kinds.sortering.contract import compile_sortering

KIND = Kind(
    name="sortering",
    label="Sortering",
    package=__name__,
    compile=compile_sortering,
    texts=("SORT_PROGRESS", "SORT_QUESTION", "SORT_GOOD", "SORT_WRONG", "SORT_BELONGS_SHORT", "SORT_YOURS",
           "SORT_SCORE", "SORT_DONE_STATIC"),
    model="ilomo.kinds.sortering.model:Sortering",
    play="ilomo.kinds.sortering.play:SortPlay",
    checks="ilomo.kinds.sortering.checks:findings",
    widget="ilomo.kinds.sortering.widget:SortView",
    report="ilomo.kinds.sortering.report:section",
    room="ilomo.kinds.sortering.room:RoomSortView",
    session_key="category",
    session_texts=("text", "label", "right"),
)
