"""``annotator merge SOURCE``: a colleague's database file (or URL) or JSONL export, merged in.

Conflicts (a span UUID we hold with other content, a span at the same place with other
attributes, a review decision we made otherwise) are listed on stderr and left as ours; they
do not make the command fail, since everything else was merged.
"""

from __future__ import annotations

import argparse
import json
import sys

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.clicmd.progress import progress_printer
from annotator.workspace import merging


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "merge", parents=[common], help=help_of("merge"),
        description="Add another annotator database (file or URL) or JSONL export: documents "
        "are matched by text, spans by UUID; our spans are never overwritten.",
    )
    p.add_argument("source", metavar="SOURCE", help="database file, database URL or .jsonl")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        docs = merging.read_source(args.source, ws.schema)
        report = merging.merge(ws, docs, progress=progress_printer("merging"))
    finally:
        ws.close()
    described = [c.describe() for c in report.conflicts]
    described += [c.describe() for c in report.decision_conflicts]
    for line in described:
        print(f"annotator: conflict: {line}", file=sys.stderr)
    if report.relations_skipped:
        print(
            f"annotator: warning: {report.relations_skipped} link(s) not merged: after a "
            "conflict their spans lie in two documents",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return 0
