"""``annotator stats``: counts per label and annotator (and a plot, once review exists)."""

from __future__ import annotations

import argparse
import json

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.workspace import Workspace, reports


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("stats", parents=[common], help=help_of("stats"))
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--plot", metavar="FILE.png", help="draw label counts and agreement")
    p.add_argument("--team", action="store_true",
                   help="annotator × document: assigned, status, span count")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    if args.team:
        with ws:
            return _team(ws, as_json=args.json)
    data = reports.stats(ws)
    if args.plot:
        from annotator.workspace import stats_plot

        stats_plot.plot(ws, data, args.plot)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        f"documents {data['documents']}  spans {data['spans']}  links {data['relations']}  "
        f"annotators {data['annotators']}"
    )
    st = data["status"]
    print(
        f"status ({ws.annotator}): new {st['new']}  in progress {st['in_progress']}  "
        f"done {st['done']}"
    )
    for name, labels in data["labels"].items():
        print(f"\n{name}")
        for key, n in labels.items():
            print(f"  {key:<20} {n:>7}")
    return 0


def _team(ws: Workspace, *, as_json: bool) -> int:
    from annotator.workspace import team

    rows = team.progress(ws)
    if as_json:
        print(json.dumps([
            {"annotator": r.annotator, "document": r.document, "assigned": r.assigned,
             "status": r.status, "spans": r.spans,
             "edited": r.edited.isoformat() if r.edited else None}
            for r in rows
        ], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no annotator has a document assigned, a status or a span yet")
        return 0
    width = max(len(r.annotator) for r in rows)
    doc_width = max(len(r.document) for r in rows)
    print(f"{'annotator':<{width}}  {'document':<{doc_width}}  assigned  status       spans")
    for r in rows:
        print(f"{r.annotator:<{width}}  {r.document:<{doc_width}}  "
              f"{'yes' if r.assigned else '-':<8}  {r.status:<11}  {r.spans:>5}")
    return 0
