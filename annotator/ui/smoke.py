"""``annotator-smoke --db DB --out DIR``: does this copy of the program work on this machine?

Built into the packaged app beside ``annotator`` (packaging/annotator.spec) and run by CI on
the frozen build and on the source: opens the shipped sample in the real window (offscreen),
tags two entities through the window's own label actions, draws the statistics figure with
matplotlib's Qt backend and to a PNG, checks that team mode's driver (psycopg) loads, and
quits. Exit status 0 when every step worked; otherwise the step that failed, on stderr.
The database is left for ``annotator export`` to be compared between the two builds.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# (words of the sample, label): what an annotator would tag first
PLAN: tuple[tuple[str, str], ...] = (("سامي الحداد", "PER"), ("نيروبي", "GPE"))


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="annotator-smoke")
    p.add_argument("--db", required=True, help="a new database file to fill")
    p.add_argument("--out", required=True, type=Path, help="folder for the figures")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        return _run(args)
    except Exception as exc:  # the step's own words, not a traceback, for CI's log
        print(f"annotator-smoke: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from annotator.ui.app import make_application
    from annotator.ui.main_window import MainWindow
    from annotator.ui.statistics import StatisticsPanel
    from annotator.workspace import Workspace, reports, stats_plot
    from annotator.workspace.importing import import_sample

    app = make_application()
    ws = Workspace.open(args.db, "smoke")
    try:
        doc_id = import_sample(ws)
        window = MainWindow(ws)
        window.show()
        window.open_document(doc_id)
        app.processEvents()
        for words, label in PLAN:
            at = window.controller.text.index(words)
            window.view.select(at, at + len(words))
            window.action_map[f"label:{label}"].trigger()
        tagged = len(window.controller.index.spans)
        if tagged != len(PLAN):
            print(f"annotator-smoke: failed: {tagged} spans after tagging {len(PLAN)}",
                  file=sys.stderr)
            return 1
        args.out.mkdir(parents=True, exist_ok=True)
        stats_plot.plot(ws, reports.stats(ws), str(args.out / "stats.png"))
        panel = StatisticsPanel(ws)
        panel.refresh()
        panel.resize(900, 700)
        panel.grab().save(str(args.out / "statistics-panel.png"))
        print(f"annotator-smoke: ok: {tagged} spans, plots in {args.out}, {_team_driver()}",
              file=sys.stderr)
        window.close()
        return 0
    finally:
        ws.close()


def _team_driver() -> str:
    """psycopg's version and implementation; the packaged app must carry it, a source
    install only with the postgres extra."""
    try:
        import psycopg
    except ImportError:
        if getattr(sys, "frozen", False):
            raise
        return "psycopg not installed (team mode: pip install 'annotator[postgres]')"
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"


if __name__ == "__main__":
    sys.exit(main())
