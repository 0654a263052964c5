"""``annotator agree``: agreement between annotators, as a table or JSON.

Without ``--annotators``, every annotator with work in the database except ``gold`` is compared
(gold is the answer, not a colleague; name it explicitly to score someone against it). Every
pair is reported on every layer (``--layer`` picks one); α covers all of them at once. A layer
with attributes (quote: direct or indirect) also gets, per attribute, how often the pair gave the
same value to the spans both drew.
An undefined figure (nothing to compare, one class only) is ``null`` in JSON and ``—`` here.
"""

from __future__ import annotations

import argparse
import json

from annotator.clicmd import help_of
from annotator.clicmd.common import open_workspace
from annotator.core.corpus_agreement import AgreementReport
from annotator.workspace import reports


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "agree", parents=[common], help=help_of("agree"),
        description="Span F1 (exact and overlap), token Cohen's kappa and Krippendorff's alpha "
        "per layer and label, and attribute agreement (quote: direct or indirect) per layer. "
        "The first annotator of a pair is the reference for precision.",
    )
    p.add_argument("--annotators", metavar="A,B[,C...]", help="who to compare (default: all "
                   "but gold)")
    p.add_argument("--layer", metavar="L", help="only this layer")
    p.add_argument("--document", metavar="NAME", help="only this document")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(report: AgreementReport) -> str:
    head = f"{'pair':<24} {'layer / label':<16} {'F1 exact':>9} {'F1 overl':>9} {'kappa':>7}"
    lines = [head, "-" * len(head)]
    for pair in report.pairs:
        who = f"{pair.a} × {pair.b}"
        t = pair.total
        lines.append(
            f"{who:<24} {pair.layer:<16} {_fmt(t.exact.f1):>9} {_fmt(t.overlap.f1):>9} "
            f"{_fmt(t.kappa):>7}   ({len(pair.documents)} documents)"
        )
        for label, s in pair.per_label.items():
            lines.append(
                f"{'':<24} {'  ' + label:<16} {_fmt(s.exact.f1):>9} {_fmt(s.overlap.f1):>9} "
                f"{_fmt(s.kappa):>7}"
            )
        for name, values in pair.attributes.items():
            # the spans may agree while their attribute (direct, indirect) does not
            lines.append(
                f"{'':<24}   attribute {name}: {_fmt(values.agreement)} agreement "
                f"({values.agreed} of {values.compared} spans both drew), "
                f"kappa {_fmt(values.kappa)}"
            )
    lines.append("")
    lines.append(f"Krippendorff's alpha ({', '.join(report.annotators)}):")
    for layer, value in report.alpha.items():
        lines.append(f"  {layer:<14} {_fmt(value)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    try:
        names = None
        if args.annotators:
            names = [n.strip() for n in args.annotators.split(",") if n.strip()]
        report = reports.agreement(ws, names, args.layer, args.document)
    finally:
        ws.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(table(report))
    return 0
