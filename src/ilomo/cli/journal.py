"""``ilomo journal export`` and ``ilomo journal import``: the reflection journal file to and from other places.

The JSON is the shape of the site's backup ("Mijn reflecties"), so answers move between browser and notebook.
Import merges: new answers are added, equal ones stay, a question answered differently is a conflict that is
never overwritten without a choice (``--conflict``; asked per question when run in a terminal).

Files are read under the input policy (``ilomo.inputs.JOURNAL``): a regular file of at most 4 MB, UTF-8, at most
8 levels deep, no Infinity/NaN or over-long numbers; lone surrogates are replaced by U+FFFD and counted. The same
rules as the site's "Zet een back-up terug".

Exit codes: 0 done (notes such as replaced characters go to stderr); 1 the file or the journal cannot be used
or written, with one Dutch line naming the file and the reason (nothing was changed; a damaged journal is moved
aside, never overwritten); 2 a wrong command line.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ilomo import inputs
from ilomo.journal import CHOICES, Conflict, FileJournal, JournalError, dumps, to_markdown
from ilomo.journal.format import JournalText, read_journal, replaced_note

CONFLICT_HELP = {
    "vraag": "vraag het per vraag (standaard in een terminal)",
    "mijn": "houd je eigen versie (standaard zonder terminal)",
    "bestand": "neem de versie uit het bestand",
    "allebei": "bewaar allebei, onder elkaar",
}


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "journal",
        help="je reflecties exporteren of importeren",
        description="Je antwoorden op de reflectievragen (het bestand ~/.ilomo/journal.json of $ILOMO_JOURNAL).",
    )
    sub = parser.add_subparsers(dest="journal_command", required=True)
    export = sub.add_parser("export", help="schrijf je reflecties als Markdown of JSON",
                            description="Schrijf je reflecties als Markdown (om te lezen) of JSON (een back-up).")
    export.add_argument("--format", choices=("md", "json"), default="md", help="md (standaard) of json")
    export.add_argument("--output", "-o", metavar="BESTAND", help="schrijf naar dit bestand (standaard: het scherm)")
    export.add_argument("--journal", metavar="BESTAND", help="een ander reflectiebestand")
    export.set_defaults(run=run_export)
    imp = sub.add_parser("import", help="voeg een back-up (JSON) samen met je reflecties",
                         description="Voeg een back-up van de site of van een notebook samen met je reflecties. "
                                     "Niets wordt overschreven zonder jouw keuze.")
    imp.add_argument("file", metavar="BESTAND", help="de back-up (JSON)")
    imp.add_argument("--conflict", choices=("vraag", *CHOICES),
                     help="wat bij een vraag met een ander antwoord: " +
                          "; ".join(f"{k}: {v}" for k, v in CONFLICT_HELP.items()))
    imp.add_argument("--journal", metavar="BESTAND", help="een ander reflectiebestand")
    imp.set_defaults(run=run_import)


def _journal(args: argparse.Namespace) -> FileJournal:
    # The command prints FileJournal's notice itself; without a handler, logging would print it a second time.
    logging.getLogger("ilomo.journal").addHandler(logging.NullHandler())
    return FileJournal(args.journal) if args.journal else FileJournal()


def _fail(message: str) -> int:
    print(f"ilomo journal: {message}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace) -> int:
    journal = _journal(args)
    try:
        entries = journal.entries()
    except JournalError as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"kan het reflectiebestand niet lezen: {err.strerror or err}")
    if journal.moved_aside:
        return _fail(journal.notice or "")
    if journal.notice:
        print(journal.notice, file=sys.stderr)
    if args.format == "json":
        text = dumps(entries, exported=True)
    else:
        from ilomo.journal.index import default_index

        text = to_markdown(entries, default_index(lambda message: print(message, file=sys.stderr)))
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as err:
            return _fail(f"kan {args.output} niet schrijven: {err.strerror or err}")
        print(f"{len(entries)} antwoorden geschreven naar {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def read_backup(path: str) -> JournalText:
    """The entries of a backup file (and how many characters were replaced); `JournalError` with one plain line
    (``path:line:column: reason`` or ``path: reason``) when it cannot be used."""
    try:
        return read_journal(path)
    except inputs.InputRefused as err:
        raise JournalError(str(err)) from None
    except JournalError as err:
        raise JournalError(f"{path}: {err}") from None


def _ask(conflict: Conflict) -> str:
    print(f"\nVerschil bij {conflict.key}:")
    print(f"  In je reflectiebestand:\n{_indent(conflict.mine['text'])}")
    print(f"  In het bestand:\n{_indent(conflict.theirs['text'])}")
    while True:
        answer = input("Wat bewaar je? [m]ijn versie, het [b]estand, [a]llebei: ").strip().lower()
        for choice in CHOICES:
            if answer and choice.startswith(answer[:1]):
                return choice


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def run_import(args: argparse.Namespace) -> int:
    try:
        backup = read_backup(args.file)
    except JournalError as err:
        return _fail(f"{str(err).rstrip('.')}. Er is niets veranderd.")
    theirs = backup.entries
    if backup.replaced:
        print(f"In {args.file}: {replaced_note(backup.replaced)}", file=sys.stderr)
    mode = args.conflict or ("vraag" if sys.stdin.isatty() else "mijn")
    journal = _journal(args)
    choices: dict[str, str] = {}
    try:
        if mode == "vraag":  # ask before taking the lock: a notebook saving meanwhile must not wait for us
            from ilomo.journal import merge_entries

            preview = merge_entries(journal.entries(), theirs, "mijn")
            choices = {c.key: _ask(c) for c in preview.conflicts}
        report = journal.merge(theirs, (lambda c: choices.get(c.key, "mijn")) if mode == "vraag" else mode)
    except JournalError as err:
        return _fail(f"{str(err).rstrip('.')}. Er is niets veranderd.")
    except OSError as err:
        return _fail(f"kan het reflectiebestand niet bijwerken: {err.strerror or err}. Er is niets veranderd.")
    if journal.notice:
        print(journal.notice, file=sys.stderr)
    done = {"mijn": "je eigen versie gehouden", "bestand": "de versie uit het bestand genomen",
            "allebei": "allebei bewaard"}
    for conflict in report.conflicts:
        print(f"verschil bij {conflict.key}: {done[report.choices[conflict.key]]}")
    print(f"{len(report.added)} toegevoegd, {len(report.same)} al hetzelfde, {len(report.conflicts)} met een verschil "
          f"({journal.path})")
    if report.conflicts and mode == "mijn" and not args.conflict:
        print("Wil je de andere versies toch? Gebruik --conflict bestand of --conflict allebei.")
    return 0
