"""``ilomo validate``: check scenario files (YAML) and print one ``file:line:column: message`` line per problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ilomo.cli.texts import plural


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "validate",
        help="controleer scenariobestanden",
        description="Controleer scenariobestanden (YAML). Zonder PAD: alle *.yml in de map scenarios/.",
    )
    parser.add_argument("paths", nargs="*", metavar="PAD", help="bestand of map (een map: alle *.yml erin)")
    parser.add_argument("--write-schema", action="store_true", help="schrijf eerst scenarios/schema.json opnieuw")
    parser.add_argument("--strict", action="store_true", help="didactische waarschuwingen tellen als fouten")
    parser.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    """0: all well (warnings allowed unless --strict); 1: problems (one `file:line:column: message` line
    each, warnings as `file:line:column: waarschuwing: message`); 2: usage error."""
    from ilomo.scenario import scenarios_dir, validate_paths
    from ilomo.scenario.schema import write_schema
    from ilomo.scenario.validate import expand

    if args.write_schema:
        print(f"schema geschreven: {write_schema()}")
    paths = [Path(p) for p in args.paths]
    if not paths:
        default = scenarios_dir()
        if default is None:
            print("ilomo validate: geen map scenarios/ gevonden; geef een pad op", file=sys.stderr)
            return 2
        paths = [default]
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]  # a broken link is reported
    if missing:
        print(f"ilomo validate: pad bestaat niet: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    found = validate_paths(paths, warnings=True)
    for problem in found:
        print(problem)
    problems = found if args.strict else [p for p in found if not p.warning]
    warned = [p for p in found if p.warning]
    files = len(expand(paths))
    if warned:
        print(f"{len(warned)} {plural(len(warned), 'waarschuwing', 'waarschuwingen')} in "
              f"{len({p.path for p in warned})} van {files} {plural(files, 'bestand', 'bestanden')}",
              file=sys.stderr)  # fmt: skip
    if problems:
        bad = len({p.path for p in problems})
        print(f"{len(problems)} {plural(len(problems), 'probleem', 'problemen')} in {bad} van {files} "
              f"{plural(files, 'bestand', 'bestanden')}", file=sys.stderr)  # fmt: skip
        return 1
    print(f"{files} {plural(files, 'bestand', 'bestanden')} in orde")
    return 0


