"""``annotator suggest train | apply [DOC...] | eval``: suggestions that learn from the
annotator's own spans (``workspace.suggestions``)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.workspace import suggestions


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser("suggest", parents=[common], help=help_of("suggest"))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    train = actions.add_parser(
        "train", parents=[common],
        help="train on your done documents and the finished part of those in progress; "
        "the model is saved in the database",
    )
    train.add_argument("--no-apply", action="store_true",
                       help="only train (default: then suggest on your documents not done)")
    train.add_argument("--gazetteer-only", action="store_true",
                       help="no sequence model (faster, fewer suggestions)")
    train.add_argument("--low-priority", action="store_true",
                       help="run at a lower CPU priority (the window starts it so: a tag "
                       "must not wait for a core)")
    train.set_defaults(run=run_train)
    apply = actions.add_parser("apply", parents=[common],
                               help="suggest on documents (default: yours not marked done)")
    apply.add_argument("documents", nargs="*", metavar="DOC", help="document names or ids")
    apply.set_defaults(run=run_apply)
    ev = actions.add_parser(
        "eval", parents=[common],
        help="cross-validation on your done documents: P/R/F1 per label, learning curve",
    )
    ev.add_argument("--folds", type=int, default=5, help="folds (default 5)")
    ev.add_argument("--json", action="store_true", help="print JSON")
    ev.set_defaults(run=run_eval)


def lower_priority() -> None:
    """Run only on a core nobody else wants: Linux's idle class (the window's thread then never
    waits for a core this process holds), else the lowest nice; elsewhere as it is."""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except OSError:  # a container may refuse it: nice still works
            pass
    if hasattr(os, "nice"):  # POSIX
        os.nice(19)


def run_train(args: argparse.Namespace) -> int:
    if args.low_priority:
        lower_priority()
    with open_workspace(args) as ws:
        report = suggestions.train(ws, sequence_model=not args.gazetteer_only)
        print(
            f"trained {report.engine} model v{report.version} on {report.documents} "
            f"document(s), {report.spans} span(s) in {report.seconds:.1f} s"
        )
        if not args.no_apply:
            applied = suggestions.apply(ws)
            print(f"{sum(applied.values())} suggestion(s) on {len(applied)} document(s)")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        ids = [ws.document(name) for name in args.documents] or None
        applied = suggestions.apply(ws, ids)
        for doc_id, n in applied.items():
            if args.documents:
                print(f"{ws.document_info(doc_id).name}: {n} suggestion(s)")
        print(f"{sum(applied.values())} suggestion(s) on {len(applied)} document(s)")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        report = suggestions.evaluate(ws, folds=args.folds)
    if args.json:
        data = {
            "documents": report.documents,
            "folds": report.folds,
            "labels": {
                label: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                        "support": s.tp + s.fn}
                for label, s in sorted(report.per_label.items())
            },
            "overall": {"precision": report.overall.precision, "recall": report.overall.recall,
                        "f1": report.overall.f1},
            "learning_curve": [{"documents": n, "f1": s.f1} for n, s in report.curve],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{report.folds}-fold cross-validation on {report.documents} done document(s), "
          "strict match")
    print(f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for label, s in sorted(report.per_label.items()):
        print(f"{label:<8} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp + s.fn:8d}")
    o = report.overall
    print(f"{'all':<8} {o.precision:6.2f} {o.recall:6.2f} {o.f1:6.2f} {o.tp + o.fn:8d}")
    print("learning curve (training documents: F1): "
          + ", ".join(f"{n}: {s.f1:.2f}" for n, s in report.curve))
    return 0
