"""``ilomo check``: check module notebooks against the module standard (``book/auteurs.md``) and the source list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ilomo.cli.texts import plural

MODULES = "0[1-9]-*.ipynb"  # module 00 is a demo page, not a module


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check",
        help="controleer modulenotebooks tegen de modulestandaard",
        description="Controleer modulenotebooks tegen de modulestandaard (book/auteurs.md) en de bronnenlijst. "
        "Zonder PAD: alle modules in de map notebooks/.",
    )
    parser.add_argument("paths", nargs="*", metavar="PAD", help="een notebook of een map met notebooks")
    parser.add_argument("--scenarios", metavar="MAP", help="de map met scenario's (standaard: zoals ilomo validate)")
    parser.set_defaults(run=run_check)


def nearest_notebooks() -> Path | None:
    """The nearest ``notebooks/`` folder at or above the working directory."""
    cwd = Path.cwd()
    return next((d / "notebooks" for d in (cwd, *cwd.parents) if (d / "notebooks").is_dir()), None)


def notebooks(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob(MODULES)) if path.is_dir() else [path]
    return found


def run_check(args: argparse.Namespace) -> int:
    """0: all well; 1: problems (one line each, starting with the file); 2: usage error."""
    from ilomo.content.modules import check_module, check_sources
    from ilomo.scenario import scenarios_dir

    paths = [Path(p) for p in args.paths]
    if not paths:
        default = nearest_notebooks()
        if default is None:
            print("ilomo check: geen map notebooks/ gevonden; geef een pad op", file=sys.stderr)
            return 2
        paths = [default]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"ilomo check: pad bestaat niet: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    scenarios = Path(args.scenarios) if args.scenarios else scenarios_dir()
    if scenarios is None or not scenarios.is_dir():
        print("ilomo check: geen map scenarios/ gevonden; geef hem op met --scenarios", file=sys.stderr)
        return 2
    files = notebooks(paths)
    problems = check_sources()
    for notebook in files:
        problems += check_module(notebook, scenarios)
    for problem in problems:
        print(problem)
    count = f"{len(files)} {plural(len(files), 'module', 'modules')}"
    if problems:
        print(f"{len(problems)} {plural(len(problems), 'probleem', 'problemen')} in {count}", file=sys.stderr)
        return 1
    print(f"{count} in orde")
    return 0
