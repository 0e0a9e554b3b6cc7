"""The `ilomo` command line: one subparser per command, each with a `run_<command>` function."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_validate(commands: argparse._SubParsersAction) -> None:
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
        print(f"{len(warned)} {_plural(len(warned), 'waarschuwing', 'waarschuwingen')} in "
              f"{len({p.path for p in warned})} van {files} {_plural(files, 'bestand', 'bestanden')}",
              file=sys.stderr)  # fmt: skip
    if problems:
        bad = len({p.path for p in problems})
        print(f"{len(problems)} {_plural(len(problems), 'probleem', 'problemen')} in {bad} van {files} "
              f"{_plural(files, 'bestand', 'bestanden')}", file=sys.stderr)  # fmt: skip
        return 1
    print(f"{files} {_plural(files, 'bestand', 'bestanden')} in orde")
    return 0


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ilomo", description="ILOMO learning environment tools")
    commands = parser.add_subparsers(dest="command", required=True)
    add_validate(commands)
    from ilomo.room.cli import add_present, add_session  # trainer commands (issue 10)

    add_session(commands)
    add_present(commands)
    from ilomo.journal_cli import add_journal  # reflection journal export/import (issue 6)

    add_journal(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # usage errors (2) and --help (0) as a return value
        return int(exit_.code or 0)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
