"""``python -m annotator.ui.screenshot --db DB --out PNG``: the real window, tagged, as a PNG.

Runs on the xcb platform (under Xvfb in tests and CI), imports a document when the database
has none, tags a few spans through the same actions the keys trigger, and grabs the window.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# (text to find, key, occurrence): entities, a nested pair, a claim and a quote of the seed
_PLAN: tuple[tuple[str, str, int], ...] = (
    ("رئيس بيلاروسيا ألكسندر لوكاشينكو", "1", 0),
    ("بيلاروسيا", "4", 0),
    ("إنترفاكس", "2", 0),
    ("موسكو", "4", 0),
    ("فلاديمير بوتين", "1", 0),
    ("فقد وافق رئيس بيلاروسيا", "C", 0),
    ("خلال المحادثة ، تم إيلاء الكثير من الاهتمام لتطوير المجمع الصناعي العسكري", "Q", 0),
    ("المتحدثة", "1", 0),
)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m annotator.ui.screenshot")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--doc", type=Path, help="text file to import when the database is empty")
    p.add_argument("--annotator", default="screenshot")
    p.add_argument("--platform", default="xcb")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.ui.app import make_application
    from annotator.ui.main_window import MainWindow
    from annotator.workspace import Workspace
    from annotator.workspace.importing import import_paths

    app = make_application()
    ws = Workspace.open(args.db, args.annotator)
    if not ws.list_documents() and args.doc:
        import_paths(ws, [args.doc])
    window = MainWindow(ws)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    rows = ws.list_documents()
    if rows:
        window.open_document(rows[0].id)
    QTest.qWait(200)
    view, text = window.view, window.controller.text
    for needle, key, nth in _PLAN:
        at = -1
        for _ in range(nth + 1):
            at = text.find(needle, at + 1)
        if at < 0:
            continue
        before = len(window.controller.index.spans)
        view.select(at, at + len(needle))
        # QKeySequence has __getitem__ at run time; PySide6's stubs leave it out
        QTest.keyClick(view, QKeySequence(key)[0].key())  # type: ignore[index]
        if len(window.controller.index.spans) == before:
            # no window manager gave us focus: the same action, without the key mapping
            window.action_map[f"label:{_label_for(window, key)}"].trigger()
    speaker = _link_quote(window)
    window.view.clear_selection()
    # the speaker current (a small tint): the quote shows its own colours, and its link arc
    window.controller.set_current(speaker)
    window.statusBar().clearMessage()
    window.view.verticalScrollBar().setValue(0)
    QTest.qWait(300)
    app.processEvents()
    pixmap = window.grab()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = pixmap.save(str(args.out), "PNG")
    print(f"{args.out}: {pixmap.width()}x{pixmap.height()}, "
          f"{len(window.controller.index.spans)} spans", file=sys.stderr)
    window.close()
    ws.close()
    QApplication.processEvents()
    del Qt
    return 0 if ok else 1


def _label_for(window: object, key: str) -> str:
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    return window.controller.ws.schema.by_shortcut()[key.upper()].name


def _link_quote(window: object) -> str:
    """Link the quote to its speaker, as L then Enter would; the speaker's uuid ('' if none)."""
    from annotator.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    c = window.controller
    spans = c.index.ordered()
    quote = next((s for s in spans if s.layer == "quote"), None)
    speaker = next((s for s in spans if c.text[s.start:s.end] == "المتحدثة"), None)
    if not (quote and speaker):
        return ""
    c.set_current(quote.uuid)
    c.start_link()
    c.set_current(speaker.uuid)
    c.finish_link()
    return speaker.uuid


if __name__ == "__main__":
    sys.exit(main())
