"""GUI figures: opening a 1 MB document with 20,000 spans, tag latency, memory, startup.

Runs offscreen. Tag latency is key press -> command committed -> block re-highlighted ->
viewport painted, through the same shortcut path a user's key takes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import arabic_text, emit, rss_mb
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.model import ImportedDocument, Span
from annotator.core.text import tokenize
from annotator.ui.app import make_application
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import store

N_SPANS = 20_000
N_TAGS = 250
LABELS = ("PER", "ORG", "LOC", "GPE")


class PaintWatch(QObject):
    """Counts paint events of a widget (the view's viewport)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def build_db(path: Path) -> tuple[int, list[tuple[int, int]]]:
    """A 1 MB document with 20,000 entity spans; returns its id and untagged tokens."""
    ws = Workspace.open(str(path), "bench")
    text = arabic_text(1_000_000)
    doc_id = store(ws, [ImportedDocument("bench_1mb", text)]).doc_ids[0]
    tokens = tokenize(text)
    step = len(tokens) // N_SPANS
    spans = [
        Span(s, e, "entity", LABELS[i % len(LABELS)], annotator="bench")
        for i, (s, e) in enumerate(tokens[::step][:N_SPANS])
    ]
    ws.repo.insert_spans(doc_id, spans)
    # untagged words to tag: a punctuation token is not one (a selection of one is refused)
    free = [(s, e) for s, e in tokens[step // 2 :: step] if any(c.isalnum() for c in text[s:e])]
    ws.close()
    return doc_id, free


def wait_painted(app: QApplication, watch: PaintWatch, before: int) -> None:
    # a key that changes nothing paints nothing: fail loudly rather than spin for ever
    deadline = time.perf_counter() + 10
    while watch.painted == before:
        if time.perf_counter() > deadline:
            raise SystemExit("bench_gui: no repaint within 10 s of a key (was it refused?)")
        app.processEvents()


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench_gui_"))
    db = tmp / "bench.sqlite3"
    doc_id, free = build_db(db)
    app = make_application()
    ws = Workspace.open(str(db), "bench")
    window = MainWindow(ws, Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    app.processEvents()
    watch = PaintWatch()
    window.view.viewport().installEventFilter(watch)

    before = watch.painted
    t0 = time.perf_counter()
    window.open_document(doc_id)
    wait_painted(app, watch, before)
    emit("gui.open_1mb_20k_spans_ms", (time.perf_counter() - t0) * 1000, "ms")
    assert len(window.controller.index.spans) == N_SPANS

    view = window.view
    view.setFocus()
    latencies = []
    for start, end in free[: N_TAGS * 40 : 40]:
        view.select(start, end)
        app.processEvents()
        before = watch.painted
        t0 = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1)
        wait_painted(app, watch, before)
        latencies.append((time.perf_counter() - t0) * 1000)
    assert len(window.controller.index.spans) == N_SPANS + len(latencies), "tags not applied"
    latencies.sort()
    emit("gui.tag_latency_median_ms", statistics.median(latencies), "ms")
    emit("gui.tag_latency_p99_ms", latencies[int(len(latencies) * 0.99) - 1], "ms")
    emit("gui.rss_mb", rss_mb(), "MB")
    window.close()
    ws.close()
    emit("gui.startup_to_window_ms", startup_ms(tmp), "ms")


_STARTUP = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from annotator.workspace import Workspace
from annotator.ui.app import make_application
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
app = make_application()
ws = Workspace.open(sys.argv[1], "bench")
w = MainWindow(ws, Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
w.show()
QTest.qWaitForWindowExposed(w)
print("shown", flush=True)
"""


def startup_ms(tmp: Path) -> float:
    """Process start to main window shown, on a small database (median of 3 runs)."""
    db = tmp / "startup.sqlite3"
    Workspace.open(str(db), "bench").close()  # migrations are a first-run cost, not startup
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP, str(db), str(tmp / "startup.ini")],
            capture_output=True, text=True, check=True, env={**os.environ},
        )
        assert "shown" in out.stdout
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


if __name__ == "__main__":
    main()
