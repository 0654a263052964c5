"""``annotator gui``: the window. PySide6 is imported here, at run time, and nowhere else."""

from __future__ import annotations

import argparse

from annotator.clicmd import help_of


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("gui", parents=[common], help=help_of("gui"))
    p.add_argument("--open", metavar="DOCNAME", help="open this document at start")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.ui.app import run_gui  # Qt only from here on

    return run_gui(db=args.db, annotator=args.annotator, open_doc=getattr(args, "open", None))
