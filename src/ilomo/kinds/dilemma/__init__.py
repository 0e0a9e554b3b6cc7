"""The branching dilemma: situations, choices with effects on meters, endings and a debrief."""

from ilomo.kinds.base import Kind
from ilomo.kinds.dilemma.contract import compile_dilemma

KIND = Kind(
    name="dilemma",
    label="Dilemma",
    package=__name__,
    compile=compile_dilemma,
    texts=(
        "SIGNALS", "CHOICES", "METERS", "METER_TEXT", "METER_CHANGE", "METERS_END", "HIDDEN_METERS",
        "HIDDEN_METERS_NOTE", "BETTER", "WORSE", "SAME", "ENDING", "GAINED", "COST", "DEBRIEF", "SUMMARY",
        "STEPS_ONE", "STEPS_MANY", "LEAP_USED", "LEAP_NONE", "ROUTES", "ROUTE_YOURS", "ROUTE_ADVISED",
        "ROUTE_SITUATION", "ROUTE_SAME", "ADVICE",
    ),
    model="ilomo.kinds.dilemma.model:Dilemma",
    play="ilomo.kinds.dilemma.play:DilemmaPlay",
    checks="ilomo.kinds.dilemma.checks:findings",
    widget="ilomo.kinds.dilemma.widget:DilemmaView",
    report="ilomo.kinds.dilemma.report:section",
    room="ilomo.kinds.dilemma.room:RoomDilemmaView",
    warnings="ilomo.kinds.dilemma.checks:warnings",
)
