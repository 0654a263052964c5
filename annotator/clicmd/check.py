"""``annotator check``: integrity of the database (offsets, labels, links, hashes)."""

from __future__ import annotations

import argparse
import sys

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.workspace import reports


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("check", parents=[common], help=help_of("check"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        problems, n_docs, n_spans = reports.check(ws)
    finally:
        ws.close()
    for p in problems:
        print(f"annotator: problem: {p}", file=sys.stderr)
    print(
        f"checked {n_docs} document(s), {n_spans} span(s): "
        + ("ok" if not problems else f"{len(problems)} problem(s)")
    )
    return 1 if problems else 0
