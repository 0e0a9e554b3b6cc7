"""All Dutch texts of trainer mode, the session summary and the trainer commands, in one place (B1).

Templates use ``str.format`` fields. Keep sentences short; the room reads them from a distance.
"""

from __future__ import annotations

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# Vote entry and the chart
VOTES = "Hoeveel mensen kiezen wat?"
VOTES_TIP = "Aantal stemmen voor {letter}: {label}"
RESULT = "Uitslag"
TOTAL_ONE = "1 stem"
TOTAL_MANY = "{n} stemmen"
BAR_TEXT = "{votes} ({percent}%)"
NO_VOTES = "Nog geen stemmen. Vul de aantallen in, of kies zelf."
MAJORITY = "De meeste stemmen: {letter}. {label}"
TIE = "Gelijke stand: {letters} hebben allebei {n} stemmen. Kies zelf hoe de zaal verder gaat."
TIE_MANY = "Gelijke stand: {letters} hebben elk {n} stemmen. Kies zelf hoe de zaal verder gaat."
AND = "en"
GO_MAJORITY = "Verder met de meerderheid"
GO_MAJORITY_TIP = "Ga verder met de keuze die de meeste stemmen kreeg"
PICK = "Of kies zelf:"
GO_PICK = "Verder met {letter}"
GO_PICK_TIP = "Ga verder met {letter}: {label}"

# Dilemma in the room
ROOM_CHOICES = "Wat doen we?"
TAKEN = "De zaal koos {letter}: {label}"
BY_MAJORITY = "meerderheid"
BY_TRAINER = "keuze van de trainer"
ROUTE = "De route van de zaal"
ROUTE_STEP = "{title} — {letter}. {label} ({votes} van {total} stemmen, {how})"
LEAP_ROOM = "LEAP-stappen op deze route: {steps}."
LEAP_ROOM_NONE = "Op deze route zat geen LEAP-stap."

# Stelling in the room
ROUND_BEFORE = "Eerste ronde"
ROUND_AFTER = "Na de discussie"
TO_DISCUSSION = "Naar de discussie"
TO_DISCUSSION_TIP = "Toon de andere kijken en de vragen, en tel daarna opnieuw"
BOTH_ROUNDS = "De twee rondes naast elkaar"

# Sortering in the room
ROOM_SORT_QUESTION = "Waar hoort deze kaart bij?"
ROOM_SORT_DONE = "Klaar! De zaal had {score} van de {total} goed."
ROOM_SORT_SCORE = "Tot nu toe: {score} van {placed} goed."

# Reflectie in the room
ROOM_QUESTION = "Vraag {n} van {total}"
PREVIOUS = "Vorige vraag"
NEXT = "Volgende vraag"
ROOM_REFLECTION_NOTE = "Denk eerst even alleen na. Praat daarna in tweetallen. Er wordt niets bewaard."

# The session summary (Markdown)
REPORT_TITLE = "Sessieverslag"
REPORT_DATE = "Datum"
REPORT_TIME = "Tijd"
REPORT_TIME_SPAN = "{start} tot {end}"
REPORT_MODULES = "Module"
REPORT_PRIVACY = "Dit verslag bevat alleen aantallen stemmen en de keuzes van de zaal. Er staan geen namen in."
REPORT_NOTHING = "In deze sessie is nog niets gestemd."
REPORT_ID = "{kind} `{id}`, module {module}."
REPORT_RUN = "Route {n}"
REPORT_ROUND = "Ronde {n}"
REPORT_STEP = "Stap {n}: {title}"
REPORT_CARD = "Kaart {n}: {text}"
REPORT_CHOICE = "Keuze"
REPORT_CATEGORY = "Groep"
REPORT_VOTES = "Stemmen"
REPORT_PERCENT = "Procent"
REPORT_ANSWER = "Antwoord"
REPORT_TOTAL = "Totaal"
REPORT_TAKEN = "Gekozen: **{letter}. {label}** ({how})."
REPORT_BY_MAJORITY = "meerderheid, {votes} van {total} stemmen"
REPORT_BY_TRAINER = "keuze van de trainer"
REPORT_BY_TRAINER_TIE = "keuze van de trainer bij gelijke stand"
REPORT_ENDING = "Einde: **{title}**."
REPORT_NO_ENDING = "De zaal kwam niet bij een einde."
REPORT_PLACED = "Geplaatst bij: **{letter}. {label}** ({how}). {verdict}"
REPORT_GOOD = "Dat is goed."
REPORT_WRONG = "Dat is niet goed: de kaart hoort bij {label}."
REPORT_SCORE = "Score: {score} van {total} goed."
REPORT_STATEMENT = "Stelling: *{statement}*"
REPORT_CELL = "{votes} ({percent}%)"
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# Commands
CLI_SESSION = "sessieverslagen: bekijk en exporteer (alleen aantallen stemmen, geen namen)"
CLI_SESSION_LIST = "toon de bewaarde sessies"
CLI_SESSION_EXPORT = "schrijf een samenvatting van een sessie in Markdown"
CLI_LATEST = "de nieuwste sessie (standaard)"
CLI_FILE = "een sessiebestand (pad, of naam in de sessiemap)"
CLI_OUTPUT = "schrijf naar dit bestand in plaats van naar het scherm"
CLI_NO_SESSIONS = "Nog geen sessies in {folder}."
CLI_NOT_FOUND = "ilomo session: bestand niet gevonden: {file}"
CLI_BAD_FILE = "ilomo session: dit is geen sessiebestand van ILOMO: {file}"
CLI_WRITTEN = "geschreven: {file}"
CLI_LIST_LINE = "{name}  {date}  module {modules}  {n} {exercises}"
CLI_EXERCISE_ONE = "oefening"
CLI_EXERCISE_MANY = "oefeningen"
CLI_PRESENT = "presenteer een module in Voilà, met trainermodus aan en de code verborgen"
CLI_PRESENT_MODULE = "modulenummer (bijvoorbeeld 07) of pad naar een notebook"
CLI_PRESENT_PORT = "poort op 127.0.0.1 (standaard: een vrije poort)"
CLI_PRESENT_NO_MODULE = "ilomo present: geen notebook voor module {module} in {folder}"
CLI_PRESENT_NO_VOILA = "ilomo present: Voilà ontbreekt; installeer het met: pip install -e '.[present]'"
CLI_PRESENT_READY = "Presentatie van {notebook}: {url}"
CLI_PRESENT_STOP = "Stoppen: Ctrl+C. Stemmen worden bewaard in {folder}."
CLI_PRESENT_FAILED = "ilomo present: Voilà is gestopt (code {code})"
CLI_PRESENT_TIMEOUT = "ilomo present: Voilà start niet binnen {seconds} seconden"

# The book page "Sessieplannen" (ilomo.sphinxext.session_plans)
PLANS_HEADING = "Module {number}: {title}"
PLANS_LINE = "[Naar module {number}]({link}). Tijd: {minutes} minuten. Sessie {session} van de MAST-dag."
