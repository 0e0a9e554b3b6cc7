"""``ilomo new KIND ID --module NN``: a new exercise from a commented starter, wired into the module's notebook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    from ilomo.authoring.new import kinds

    parser = commands.add_parser(
        "new",
        help="maak een nieuwe oefening en zet hem in een module",
        description="Schrijf een klein, geldig voorbeeld van een soort oefening naar scenarios/ID.yml en zet het "
        "in het notebook van de module (kop, cel en metadata). Daarna: ilomo preview ID.",
    )
    parser.add_argument("kind", metavar="SOORT", help=f"soort oefening: {', '.join(kinds())}")
    parser.add_argument("id", metavar="ID", help="id en bestandsnaam, bijvoorbeeld 07-balie-gesprek")
    parser.add_argument("--module", required=True, metavar="NN", help="de module, bijvoorbeeld 07")
    parser.add_argument("--titel", metavar="TITEL", help="kop van de oefening (later aan te passen)")
    parser.add_argument("--scenarios", metavar="MAP", help="de map met scenario's (standaard: zoals ilomo validate)")
    parser.add_argument("--notebooks", metavar="MAP", help="de map met modulenotebooks (standaard: notebooks/)")
    parser.set_defaults(run=run_new)


def run_new(args: argparse.Namespace) -> int:
    """0: written; 1: refused (an existing id, an unknown module or kind); 2: folders not found."""
    from ilomo.authoring.new import NewRefused, create
    from ilomo.cli.check import nearest_notebooks
    from ilomo.scenario import scenarios_dir

    scenarios = Path(args.scenarios) if args.scenarios else scenarios_dir()
    notebooks = Path(args.notebooks) if args.notebooks else nearest_notebooks()
    if scenarios is None or not scenarios.is_dir():
        print("ilomo new: geen map scenarios/ gevonden; geef hem op met --scenarios", file=sys.stderr)
        return 2
    if notebooks is None or not notebooks.is_dir():
        print("ilomo new: geen map notebooks/ gevonden; geef hem op met --notebooks", file=sys.stderr)
        return 2
    try:
        made = create(args.kind, args.id, args.module, scenarios, notebooks, args.titel)
    except NewRefused as err:
        print(f"ilomo new: {err}", file=sys.stderr)
        return 1
    print(f"geschreven: {made.scenario}")
    print(f"toegevoegd aan {made.notebook} als oefening {made.number}")
    print(f"verder: ilomo preview {args.id}   (bekijk en bewerk; de pagina ververst bij opslaan)")
    return 0
