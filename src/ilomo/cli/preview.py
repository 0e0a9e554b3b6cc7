"""``ilomo preview ID|PAD``: serve one exercise on 127.0.0.1 while you write it (the page reloads on save)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_PORT = 8765


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "preview",
        help="bekijk een oefening terwijl je hem schrijft",
        description="Toon één oefening op http://127.0.0.1:POORT/: de meldingen van ilomo validate --strict, de "
        "kaart van een dilemma, de speler en de tekstversie. De pagina ververst als je het bestand opslaat. "
        "Stoppen: Ctrl+C.",
    )
    parser.add_argument("target", metavar="ID|PAD", help="een scenario-id (zoals ilomo.play) of een .yml-bestand")
    parser.add_argument("--poort", type=int, default=DEFAULT_PORT, help=f"poort (standaard {DEFAULT_PORT})")
    parser.set_defaults(run=run_preview)


def scenario_path(target: str) -> Path | None:
    """A path as given (it must be a .yml file), else the scenario with that id; None when there is none."""
    from ilomo.scenario import ScenarioNotFound, find_path

    if target.endswith(".yml") or "/" in target or "\\" in target:
        path = Path(target)
        return path if path.suffix == ".yml" and path.is_file() else None
    try:
        return find_path(target)
    except ScenarioNotFound:
        return None


def run_preview(args: argparse.Namespace) -> int:
    """Serves until Ctrl+C (0); 2: no such scenario, or the port is taken."""
    from ilomo.authoring.preview import PreviewServer

    path = scenario_path(args.target)
    if path is None:
        print(f"ilomo preview: geen scenario '{args.target}' gevonden (geef een id of een .yml-bestand)",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        server = PreviewServer(path.resolve(), args.poort)
    except OSError as err:
        print(f"ilomo preview: poort {args.poort} is niet vrij ({err.strerror}); kies een andere met --poort",
              file=sys.stderr)  # fmt: skip
        return 2
    print(f"voorbeeld van {path} op {server.url} (stoppen: Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
