"""All Dutch texts of the live players, in one place (begrijpelijke taal, B1).

Templates use ``str.format`` fields. Keep sentences short; avoid jargon.
"""

from __future__ import annotations

# Shared
FICTIEF = "Dit is een verzonnen casus."
BACK = "Terug"
BACK_TIP = "Ga een stap terug"
RESTART = "Opnieuw"
RESTART_TIP = "Begin de oefening opnieuw"
SOURCES = "Bronnen"
FEEDBACK = "Wat gebeurde er?"

# Dilemma
SIGNALS = "Wat valt je op?"
CHOICES = "Wat doe je?"
METERS = "Hoe staat het ervoor?"
METER_TEXT = "{label}: {value} van {max}"
ENDING = "Einde: {title}"
DEBRIEF = "Vragen om over na te denken"
SUMMARY = "Wat je deed"
STEPS_ONE = "Je maakte 1 keuze."
STEPS_MANY = "Je maakte {n} keuzes."
LEAP_USED = "LEAP-stappen die je gebruikte: {steps}."
LEAP_NONE = "Je gebruikte geen LEAP-stappen."

# Sortering
SORT_PROGRESS = "Kaart {n} van {total}"
SORT_QUESTION = "Waar hoort dit bij?"
SORT_CATEGORIES = "De groepen"
SORT_CATEGORY_TIP = "Zet de kaart bij: {label}"
SORT_GOOD = "Goed."
SORT_WRONG = "Niet goed. Het hoort bij: {label}."
SORT_SCORE = "Score: {score} van {placed} goed."
SORT_DONE = "Klaar! Je had {score} van de {total} goed."

# Stelling
STATEMENT = "Stelling"
STATEMENT_QUESTION = "Wat vind jij?"
OPTION_TIP = "Kies: {label}"
YOUR_ANSWER = "Jouw antwoord: {label}."
PERSPECTIVES = "Andere kijken op de stelling"
QUESTIONS = "Vragen om over te praten"

# Reflectie
QUESTION_LABEL = "Vraag {n}"
ANSWER_PLACEHOLDER = "Typ hier je antwoord."
HINT = "Tip:"
SAVED = "Bewaard."
REFLECTION_DONE = "Je hebt alle vragen beantwoord."
MEMORY_ONLY = (
    "Let op: je antwoorden blijven alleen bewaard zolang deze pagina open is. "
    "Wil je ze houden? Kopieer ze dan naar een eigen bestand."
)
JOURNAL_FILE = "Je antwoorden worden bewaard in het bestand {path}, op de computer waar dit notebook draait."
NOT_SAVED = "Je antwoord is niet bewaard: {reason}"
NOT_LOADED = "Je eerdere antwoorden konden niet worden gelezen: {reason}"

# Player fallbacks
UNKNOWN_KIND = "Deze soort oefening kan hier nog niet worden getoond: {kind}."
STATIC_FALLBACK = "Deze oefening werkt alleen als je de notebook zelf uitvoert."
