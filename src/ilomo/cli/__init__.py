"""The ``ilomo`` command line: one module per command in this package.

Adding a command: write ``ilomo/cli/<name>.py`` with ``register(commands)``, which adds a subparser to ``commands``
and sets ``run`` (``parser.set_defaults(run=...)``) to a function that takes the parsed arguments and returns the exit
code; then add the module's name to ``COMMANDS``. That is the only way: ``main`` knows nothing else.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# In the order ``ilomo --help`` lists them.
COMMANDS = ("new", "preview", "validate", "check", "journal", "room", "publish")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ilomo", description="ILOMO learning environment tools")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"ilomo.cli.{name}").register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # usage errors (2) and --help (0) as a return value
        return int(exit_.code or 0)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
