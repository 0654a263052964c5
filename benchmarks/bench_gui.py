"""GUI figures: opening a 1 MB document with 20,000 spans, tag latency, memory, startup.

Runs offscreen. Tag latency is key press -> command committed -> block re-highlighted ->
viewport painted, through the same shortcut path a user's key takes. Start-up is process start
-> first window painted (``annotator gui`` paints before the database opens) and -> documents
listed, interleaved with a bare PySide6 window's (QMainWindow + QPlainTextEdit), the floor.
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


def wait_echoed(app: QApplication, window: MainWindow) -> float:
    """Turn the event loop until the last tag's echoes are shown; the time then."""
    state = window.suggestion_actions.state
    deadline = time.perf_counter() + 10
    while state.echo_pending():
        if time.perf_counter() > deadline:
            raise SystemExit("bench_gui: a tag's echoes took more than 10 s")
        app.processEvents()
    app.processEvents()  # and painted: the repaint they asked for is a posted event
    return time.perf_counter()


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
    latencies: list[float] = []
    echoed: list[float] = []
    for start, end in free[: N_TAGS * 40 : 40]:
        view.select(start, end)
        app.processEvents()
        before = watch.painted
        t0 = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1)
        wait_painted(app, watch, before)
        latencies.append((time.perf_counter() - t0) * 1000)
        # what a tag leaves for after its paint (the word's echoes at its other occurrences)
        # is done before the next key, as at any human pace; timed on its own
        echoed.append(wait_echoed(app, window) - t0)
    assert len(window.controller.index.spans) == N_SPANS + len(latencies), "tags not applied"
    emit("gui.echoes_after_tags", len(window.suggestion_actions.state.shown), "suggestions")
    latencies.sort()
    emit("gui.tag_latency_median_ms", statistics.median(latencies), "ms")
    emit("gui.tag_latency_p99_ms", latencies[int(len(latencies) * 0.99) - 1], "ms")
    emit("gui.echoes_shown_after_key_median_ms", statistics.median(echoed) * 1000, "ms")
    emit("gui.rss_mb", rss_mb(), "MB")
    window.close()
    ws.close()
    emit_startup(tmp)


# `annotator gui`'s own sequence (annotator.ui.app.run_gui, without its process-wide hooks):
# "shown" when the first window has painted, "ready" when the workbench lists the documents
_STARTUP = """
import sys
from PySide6.QtCore import QSettings
from annotator.ui.app import make_application
from annotator.ui.settings import Settings
from annotator.ui.startup import Startup
app = make_application()

def open_workspace():
    from annotator.workspace import Workspace
    return Workspace.open(sys.argv[1], "bench")

def ready(window):
    assert window.doc_model.rowCount() == 1
    print("ready", flush=True)
    app.exit(0)

startup = Startup(Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)), open_workspace)
startup.shell.first_painted.connect(lambda: print("shown", flush=True))
startup.ready.connect(ready)
startup.failed.connect(lambda text: (print(text, file=sys.stderr), app.exit(1)))
startup.start()
sys.exit(app.exec())
"""

# the floor: the least a PySide6 program does to show an editor window, timed the same way
_BARE = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
window = QMainWindow()
editor = QPlainTextEdit(window)
window.setCentralWidget(editor)
window.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            app.exit(0)
        return False

watch = FirstPaint()
editor.viewport().installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""


def _timed_lines(script: str, args: list[str], lines: int) -> list[float]:
    """Milliseconds from process start to each of the first ``lines`` lines it prints."""
    t0 = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,  # offscreen Qt's chatter
    ) as child:
        assert child.stdout is not None
        times = []
        for _ in range(lines):
            line = child.stdout.readline()
            if not line:
                raise SystemExit(f"bench_gui: the start-up child stopped after {len(times)} "
                                 f"lines: {child.communicate()[1]}")
            times.append((time.perf_counter() - t0) * 1000)
        _, err = child.communicate(timeout=60)
        if child.returncode != 0:
            raise SystemExit(f"bench_gui: the start-up child failed: {err}")
    return times


def emit_startup(tmp: Path, runs: int = 5) -> None:
    """Process start to first paint and to documents listed, against the bare-window floor:
    interleaved, so a change of load moves both (medians of ``runs``)."""
    db = tmp / "startup.sqlite3"
    with Workspace.open(str(db), "bench") as ws:  # migrations are a first-run cost
        store(ws, [ImportedDocument("startup", arabic_text(2_000))])
    ours: list[list[float]] = []
    floor: list[float] = []
    for _ in range(runs):
        ours.append(_timed_lines(_STARTUP, [str(db), str(tmp / "startup.ini")], 2))
        floor.append(_timed_lines(_BARE, [], 1)[0])
    shown = statistics.median(r[0] for r in ours)
    bare = statistics.median(floor)
    emit("gui.startup_to_window_ms", shown, "ms")
    emit("gui.startup_to_documents_ms", statistics.median(r[1] for r in ours), "ms")
    emit("gui.startup_floor_ms", bare, "ms")
    emit("gui.startup_ratio", shown / bare, "x")

if __name__ == "__main__":
    main()
