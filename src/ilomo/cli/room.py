"""The trainer's commands: ``ilomo session list|export`` and ``ilomo present``.

``ilomo.cli`` adds them with ``register(commands)``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ilomo.room import texts


def register(commands: argparse._SubParsersAction) -> None:
    add_session(commands)
    add_present(commands)


def add_session(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("session", help=texts.CLI_SESSION, description=texts.CLI_SESSION)
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help=texts.CLI_SESSION_LIST, description=texts.CLI_SESSION_LIST)
    listing.set_defaults(run=run_session_list)
    export = actions.add_parser("export", help=texts.CLI_SESSION_EXPORT, description=texts.CLI_SESSION_EXPORT)
    which = export.add_mutually_exclusive_group()
    which.add_argument("--latest", action="store_true", help=texts.CLI_LATEST)
    which.add_argument("file", nargs="?", metavar="BESTAND", help=texts.CLI_FILE)
    export.add_argument("--output", "-o", metavar="BESTAND", help=texts.CLI_OUTPUT)
    export.set_defaults(run=run_session_export)


def add_present(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("present", help=texts.CLI_PRESENT, description=texts.CLI_PRESENT)
    parser.add_argument("module", metavar="MODULE", help=texts.CLI_PRESENT_MODULE)
    parser.add_argument("--port", type=int, default=0, help=texts.CLI_PRESENT_PORT)
    parser.set_defaults(run=run_present)


def run_session_list(args: argparse.Namespace) -> int:
    from ilomo.room import log

    files = log.session_files()
    if not files:
        print(texts.CLI_NO_SESSIONS.format(folder=log.sessions_dir()))
        return 0
    for path in files:
        try:
            data = log.load(path)
        except ValueError:
            print(texts.CLI_BAD_FILE.format(file=path), file=sys.stderr)
            continue
        started = datetime.fromisoformat(data["started"])
        n = len(data["exercises"])
        print(
            texts.CLI_LIST_LINE.format(
                name=path.name,
                date=f"{started:%Y-%m-%d %H:%M}",
                modules=", ".join(sorted({e["module"] for e in data["exercises"]})) or "-",
                n=n,
                exercises=texts.CLI_EXERCISE_ONE if n == 1 else texts.CLI_EXERCISE_MANY,
            )
        )
    return 0


def _session_file(name: str | None) -> Path | None:
    """The file to export: the given one (a path, or a name in the sessions folder), else the newest."""
    from ilomo.room import log

    if name is None:
        files = log.session_files()
        return files[-1] if files else None
    path = Path(name)
    if not path.exists() and not path.is_absolute() and (log.sessions_dir() / name).exists():
        path = log.sessions_dir() / name
    return path


def run_session_export(args: argparse.Namespace) -> int:
    from ilomo.room import log
    from ilomo.room.export import markdown

    path = _session_file(args.file)
    if path is None:
        print(texts.CLI_NO_SESSIONS.format(folder=log.sessions_dir()), file=sys.stderr)
        return 1
    if not path.is_file():
        print(texts.CLI_NOT_FOUND.format(file=path), file=sys.stderr)
        return 1
    try:
        text = markdown(log.load(path))
    except (ValueError, KeyError, TypeError):
        print(texts.CLI_BAD_FILE.format(file=path), file=sys.stderr)
        return 1
    if args.output:
        log.write_atomic(Path(args.output), text)
        print(texts.CLI_WRITTEN.format(file=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_present(args: argparse.Namespace) -> int:
    from ilomo.room.present import present

    return present(args.module, port=args.port or None)


__all__ = ["add_present", "add_session", "register"]
