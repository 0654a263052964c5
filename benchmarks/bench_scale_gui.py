"""Scale figures of the window: a corpus stored as one line, a 20 MB document, start-up.

Each figure is printed with its floor measured in the same run, in the same process:
- ``scale.oneline_*``: the AQMAR corpus (real Wikipedia NER, 74k tokens) twice, joined by
  spaces into one 150,000-token line, as a CoNLL corpus imported without blank lines is; its
  own entity spans (~10,000). Floor: a bare QPlainTextEdit's ``setPlainText`` of the same text,
  with the same right-to-left option, to its first paint.
- ``scale.20mb_*``: the seed news articles repeated to 20 MB (short paragraphs), one span per
  25 tokens. Same floor.
- tag latency: key press to repaint, through the shortcut a user presses, on untagged words.

``--quick`` leaves out the 20 MB document. Run as ``python benchmarks/bench_scale_gui.py``.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_gui import wait_echoed
from common import SHARED, arabic_text, emit
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.core.model import ImportedDocument, Span
from annotator.core.text import tokenize
from annotator.ui.app import make_application
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import store

AQMAR = SHARED / "data" / "aqmar"
N_TAGS = int(os.environ.get("BENCH_TAGS", "40"))


class PaintWatch(QObject):
    """Counts paint events of a widget (a view's viewport)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False


def wait_painted(app: QApplication, watch: PaintWatch, before: int) -> None:
    deadline = time.perf_counter() + 120
    while watch.painted == before:
        if time.perf_counter() > deadline:
            raise SystemExit("bench_scale_gui: no repaint within 120 s")
        app.processEvents()


def one_line_corpus(copies: int) -> tuple[str, list[tuple[int, int, str]]]:
    """AQMAR ``copies`` times as one line of space-joined tokens, with its entity spans."""
    tokens: list[tuple[str, str]] = []
    for copy in range(copies):
        for path in sorted(AQMAR.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    tokens.append((parts[0], parts[-1]))
        tokens.append((f"نسخة{copy}", "O"))  # copies differ, as replicated corpora must
    text_parts, spans, at = [], [], 0
    open_span: tuple[int, str] | None = None
    for word, tag in tokens:
        if open_span and not tag.startswith("I-"):
            spans.append((open_span[0], at - 1, open_span[1]))
            open_span = None
        if tag.startswith(("B-", "I-")) and open_span is None:
            open_span = (at, "MISC" if tag[2:].startswith("MIS") else tag[2:4] + tag[4:])
        text_parts.append(word)
        at += len(word) + 1
    if open_span:
        spans.append((open_span[0], at - 1, open_span[1]))
    labels = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
    return " ".join(text_parts), [(s, e, labels.get(lab, "MISC")) for s, e, lab in spans]


def floor_open_ms(app: QApplication, text: str) -> float:
    """A bare right-to-left QPlainTextEdit: setPlainText of ``text`` to its first paint."""
    view = QPlainTextEdit()
    option = view.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.document().setDefaultTextOption(option)
    view.resize(1000, 700)
    view.show()
    QTest.qWaitForWindowExposed(view)
    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    app.processEvents()
    before = watch.painted
    t0 = time.perf_counter()
    view.setPlainText(text)
    wait_painted(app, watch, before)
    elapsed = (time.perf_counter() - t0) * 1000
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def measure(
    app: QApplication, tmp: Path, name: str, text: str, spans: list[Span]
) -> tuple[float, float]:
    """Emits the figures of one document; returns (open ms, median tag ms)."""
    db = tmp / f"{name}.sqlite3"
    ws = Workspace.open(str(db), "bench")
    doc_id = store(ws, [ImportedDocument(name, text)]).doc_ids[0]
    ws.repo.insert_spans(doc_id, spans)
    floor = floor_open_ms(app, text)  # first: the main window must be the active one after
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
    opened = (time.perf_counter() - t0) * 1000
    emit(f"scale.{name}_open_ms", opened, "ms")
    emit(f"scale.{name}_open_floor_ms", floor, "ms")
    emit(f"scale.{name}_open_ratio", opened / floor, "x")
    # untagged words near the start (where the view is) and spread through the text
    taken = {(s.start, s.end) for s in spans}
    words = [(s, e) for s, e in tokenize(text[:200_000])
             if (s, e) not in taken and text[s:e].isalpha() and e - s > 3]
    view = window.view
    view.setFocus()
    latencies: list[float] = []
    echoed: list[float] = []
    for start, end in words[5 : 5 + N_TAGS * 7 : 7]:
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
    assert len(window.controller.index.spans) == len(spans) + len(latencies), "tags refused"
    latencies.sort()
    median = statistics.median(latencies)
    emit(f"scale.{name}_tag_median_ms", median, "ms")
    emit(f"scale.{name}_tag_p99_ms", latencies[max(0, int(len(latencies) * 0.99) - 1)], "ms")
    emit(f"scale.{name}_echoes_shown_after_key_median_ms", statistics.median(echoed) * 1000,
         "ms")
    window.close()
    window.deleteLater()
    app.processEvents()
    ws.close()
    return opened, median


def main() -> None:
    quick = "--quick" in sys.argv
    app = make_application()
    tmp = Path(tempfile.mkdtemp(prefix="bench_scale_gui_"))
    figures = {}
    # the full run also measures half the tokens, for the growth exponent
    for copies in (2,) if quick else (1, 2):
        text, found = one_line_corpus(copies)
        spans = [Span(s, e, "entity", label, annotator="bench") for s, e, label in found]
        name = "oneline" if copies == 2 else "oneline_half"
        emit(f"scale.{name}_spans", len(spans), "spans")
        figures[copies] = (len(text), measure(app, tmp, name, text, spans))
    if not quick:
        (n1, (open1, tag1)), (n2, (open2, tag2)) = figures[1], figures[2]
        emit("scale.oneline_open_exponent", math.log(open2 / open1) / math.log(n2 / n1), "")
        emit("scale.oneline_tag_exponent", math.log(tag2 / tag1) / math.log(n2 / n1), "")
        big = arabic_text(20_000_000)
        tokens = tokenize(big)
        spans = [Span(s, e, "entity", "PER", annotator="bench") for s, e in tokens[::25]]
        measure(app, tmp, "20mb", big, spans)


if __name__ == "__main__":
    main()
