"""The Dutch text catalogue: every interface text of the players, in one place (begrijpelijke taal, B1).

Used by the static JS player (through the compiled contract's ``texts``, see docs/player-contract.md), the live
widgets, the room views and the text version. Templates use ``{name}`` fields: ``str.format`` in Python, the
same fields in JS (``fmt``). Keep sentences short; avoid jargon. Trainer-only texts (vote entry, the session
report, the trainer commands) live in ``ilomo.room.texts``.
"""

from __future__ import annotations

from typing import Any

# Shared
FICTIEF = "Dit is een verzonnen casus."
BACK = "Terug"
BACK_TIP = "Ga een stap terug"
RESTART = "Opnieuw"
RESTART_TIP = "Begin de oefening opnieuw"
RESTART_STATIC = "Opnieuw beginnen"
SOURCES = "Bronnen"
FEEDBACK = "Wat gebeurde er?"
TAKEAWAYS = "Wat je meeneemt van de MAST-dag"
TAKEAWAY_FROM = "Uit {session}"
TAKEAWAY_SESSION = "sessie {number}: {title}"
WHOLE_TEXT = "Toon de hele oefening als tekst"
TEXT_VERSION_INTRO = "Hieronder staat de hele oefening als tekst."
YOU_CHOSE = "Je koos: {label}"
NOT_SAVED_BROWSER = "Je voortgang wordt niet bewaard in deze browser."
PROGRESS_DAMAGED = "Je bewaarde voortgang was beschadigd. Je begint opnieuw."
PROGRESS_PARTLY_LOST = "Een deel van je voortgang kon niet worden teruggezet. De oefening is veranderd."
PROGRESS_RESUMED = "Je gaat verder waar je was gebleven."
SAVED_AT = "Opgeslagen in deze browser om {time}"
CONTRACT_UNKNOWN = (
    "Deze oefening kan niet worden getoond: ze is gemaakt voor een andere versie van ILOMO. "
    "Laad de pagina opnieuw. Helpt dat niet? Meld het dan aan de beheerder van deze site."
)
SHOWN_AS_TEXT = "Je kunt de oefening hieronder wel als tekst lezen."
BETTER = "beter"
WORSE = "slechter"
SAME = "gelijk"

# Dilemma
SIGNALS = "Wat valt je op?"
CHOICES = "Wat doe je?"
METERS = "Hoe staat het ervoor?"
METER_TEXT = "{label}: {value} van {max}"
METER_CHANGE = "{label}: {start} werd {value} ({verdict})"
METERS_END = "Zo staan de meters nu"
HIDDEN_METERS = "Wat je pas nu ziet"
HIDDEN_METERS_NOTE = "Deze gevolgen zag je niet tijdens het spelen."
ENDING = "Einde: {title}"
GAINED = "Wat ging goed"
COST = "Wat het kostte"
DEBRIEF = "Vragen om over na te denken"
SUMMARY = "Wat je deed"
STEPS_ONE = "Je maakte 1 keuze."
STEPS_MANY = "Je maakte {n} keuzes."
LEAP_USED = "LEAP-stappen die je gebruikte: {steps}."
LEAP_NONE = "Je gebruikte geen LEAP-stappen."
ROUTES = "Jouw route en de geadviseerde route"
ROUTE_YOURS = "Jij koos"
ROUTE_ADVISED = "Geadviseerd"
ROUTE_SITUATION = "Situatie"
ROUTE_SAME = "Je koos wat de sessie adviseert."
ADVICE = "Waarom deze route?"
TV_TRACKS = "De oefening houdt bij: {meters}."
TV_METER = "{label} (begint op {start}, van {min} tot {max})"
TV_METER_BETTER_HIGHER = "hoger is beter"
TV_METER_BETTER_LOWER = "lager is beter"
TV_METER_HIDDEN = "zie je pas aan het einde"
TV_STARTS_AT = "De oefening begint bij "
TV_TO_SITUATION = "de situatie"
TV_TO_ENDING = "het einde"
TV_SITUATION = "Situatie: {title}"
TV_ENDING = "Einde: {title}"
TV_REQUIRES = "Deze keuze kun je alleen maken als {condition}."
TV_ONCE = "Deze keuze kun je maar één keer maken."
TV_EFFECTS = "Gevolg: {effects}."
TV_THEN = "Daarna ga je naar "
TV_THEN_BRANCHES = "Daarna hangt af van de meters:"
TV_WHEN = "als {condition}"
TV_OTHERWISE = "anders"
TV_TO_ENDING = "het einde. Welk einde hangt af van de meters: "
TV_ENDING_WHEN = "Dit einde krijg je als {condition}."
TV_ADVISED_CHOICE = "Deze keuze adviseert de sessie."
TV_ADVISED_ENDING = "Dit einde volgt het advies van de sessie."
TV_AND = " en "
OPERATORS = {">=": "is minstens", "<=": "is hooguit", ">": "is meer dan", "<": "is minder dan",
             "==": "is precies", "!=": "is niet"}

# Sortering
SORT_PROGRESS = "Kaart {n} van {total}"
SORT_QUESTION = "Waar hoort dit bij?"
SORT_CATEGORIES = "De groepen"
SORT_CARDS = "De kaarten en waar ze bij horen"
SORT_BELONGS = "Hoort bij: {label}."
SORT_CATEGORY_TIP = "Zet de kaart bij: {label}"
SORT_GOOD = "Goed."
SORT_WRONG = "Niet goed. Het hoort bij: {label}."
SORT_BELONGS_SHORT = "Het hoort bij: {label}."
SORT_YOURS = "Jouw antwoord: {label}."
SORT_SCORE = "Score: {score} van {placed} goed."
SORT_DONE = "Klaar! Je had {score} van de {total} goed."
SORT_DONE_STATIC = "Klaar! Je had {score} van {total} goed."

# Stelling
STATEMENT = "Stelling"
STATEMENT_QUESTION = "Wat vind jij?"
STATEMENT_OPTIONS = "Wat vind jij? Je kunt kiezen uit: {options}."
OPTION_TIP = "Kies: {label}"
YOUR_ANSWER = "Jouw antwoord: {label}."
PERSPECTIVES = "Andere kijken op de stelling"
QUESTIONS = "Vragen om over te praten"

# Reflectie
QUESTION_LABEL = "Vraag {n}"
QUESTIONS_HEADING = "Vragen"
ANSWER_PLACEHOLDER = "Typ hier je antwoord."
HINT = "Tip:"
SAVED = "Bewaard."
REFLECTION_DONE = "Je hebt alle vragen beantwoord."
REFLECTION_COUNT = "{done} van {total} vragen beantwoord."
REFLECTION_PRIVATE = "Schrijf je antwoorden op. Je hoeft ze met niemand te delen."
JOURNAL_DAMAGED = "Je bewaarde reflecties waren beschadigd. Kijk op de pagina Mijn reflecties."
MEMORY_ONLY = (
    "Let op: je antwoorden blijven alleen bewaard zolang deze pagina open is. "
    "Wil je ze houden? Kopieer ze dan naar een eigen bestand."
)
JOURNAL_FILE = "Je antwoorden worden bewaard in het bestand {path}, op de computer waar dit notebook draait."
NOT_SAVED = "Je antwoord is niet bewaard: {reason}"
NOT_LOADED = "Je eerdere antwoorden konden niet worden gelezen: {reason}"

# Kennisvraag
CHECK_PROGRESS = "Vraag {n} van {total}"
CHECK_PICK_ONE = "Kies één antwoord."
CHECK_PICK_ALL = "Kies alle goede antwoorden."
CHECK_SUBMIT = "Controleer je antwoord"
CHECK_RIGHT = "Goed."
CHECK_WRONG = "Niet helemaal goed."
CHECK_IS_RIGHT = "Goed antwoord"
CHECK_IS_WRONG = "Fout antwoord"
CHECK_YOU_PICKED = "jij koos dit"
CHECK_NEXT = "Volgende vraag"
CHECK_SCORE = "Klaar! Je had {score} van de {total} vragen goed."
CHECK_NOTHING_PICKED = "Kies eerst een antwoord."
CHECK_RIGHT_ANSWERS = "Goede antwoorden: {labels}."
CHECK_OPTIONS = "Antwoorden"

# Player fallbacks
UNKNOWN_KIND = "Deze soort oefening kan hier nog niet worden getoond: {kind}."


def catalogue(names: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """``{name: text}`` for the given catalogue names (for the contract's ``texts``); KeyError when unknown."""
    return {name: globals()[name] for name in names}


SHARED_PLAYER_TEXTS = (
    "FICTIEF", "BACK", "RESTART_STATIC", "TAKEAWAYS", "TAKEAWAY_FROM", "WHOLE_TEXT", "YOU_CHOSE",
    "NOT_SAVED_BROWSER",
    "PROGRESS_DAMAGED", "PROGRESS_PARTLY_LOST", "PROGRESS_RESUMED", "SAVED_AT",
)  # fmt: skip
"""The texts every static player needs; each kind adds its own (``Kind.texts``)."""
