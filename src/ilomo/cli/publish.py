"""``ilomo publish dist`` and ``ilomo publish pdf``: the release artefacts of a built site (``ilomo.publish``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Relative to the working directory: the book's folder, where ``jupyter-book build .`` writes ``_build/html``.
HTML = Path("_build", "html")
DIST = Path("dist")
PDF = Path("_build", "pdf")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "publish", help="maak de zip van de site of de PDF-hand-outs",
        description="Maak uit de gebouwde site de zip (met controlegetal) of de PDF-hand-outs.")
    actions = parser.add_subparsers(dest="action", required=True)
    dist = actions.add_parser("dist", help="de zip van de site met versienummer, en zijn sha256",
                              description="De zip van de site met versienummer, en zijn sha256.")
    dist.add_argument("html", nargs="?", type=Path, default=HTML, metavar="SITE", help=f"standaard: {HTML}")
    dist.add_argument("out", nargs="?", type=Path, default=DIST, metavar="MAP", help=f"standaard: {DIST}")
    dist.set_defaults(run=run_dist)
    pdf = actions.add_parser("pdf", help="een PDF-hand-out per module", description="Een PDF-hand-out per module.")
    pdf.add_argument("html", nargs="?", type=Path, default=HTML, metavar="SITE", help=f"standaard: {HTML}")
    pdf.add_argument("out", nargs="?", type=Path, default=PDF, metavar="MAP", help=f"standaard: {PDF}")
    pdf.set_defaults(run=run_pdf)


def run_dist(args: argparse.Namespace) -> int:
    from ilomo.publish import make_dist

    try:
        archive = make_dist(args.html, args.out)
    except FileNotFoundError as exc:
        print(f"ilomo publish: {exc}", file=sys.stderr)
        return 1
    print(f"{archive}\n{archive}.sha256")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from ilomo.publish import make_pdfs

    try:
        for target in make_pdfs(args.html, args.out):
            print(target)
    except FileNotFoundError as exc:
        print(f"ilomo publish: {exc}", file=sys.stderr)
        return 1
    return 0
