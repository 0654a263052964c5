"""Characters outside the BMP before a span must not move it (Qt counts UTF-16 units)."""

from __future__ import annotations

from pathlib import Path

from conftest import press

from annotator.core.model import ImportedDocument
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.importing import store

TEXT = "خبر 😀 عاجل: قال 𝐀 الرئيس فلاديمير بوتين 😀😀 في موسكو\nسطر 😀 ثان عن بيلاروسيا"


def test_spans_after_emoji_and_math_letters_store_code_points(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    ws = Workspace.open(str(tmp_path / "astral.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("astral", TEXT)]).doc_ids[0]
    win = MainWindow(ws, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.open_document(doc_id)
    for word, key in (("بوتين", "1"), ("موسكو", "4"), ("بيلاروسيا", "4")):
        at = TEXT.index(word)
        win.view.setFocus()
        win.view.select(at, at + len(word))
        # Qt's own cursor sits in UTF-16 units, further right than the code point offset
        assert win.view.textCursor().selectionStart() > at
        press(win, key)
    rows = ws.repo.spans(doc_id)
    assert sorted((s.start, s.end, TEXT[s.start:s.end]) for s in rows) == sorted(
        (TEXT.index(w), TEXT.index(w) + len(w), w) for w in ("بوتين", "موسكو", "بيلاروسيا")
    )
    # the highlighter paints the same characters: its block formats in UTF-16 units
    doc = win.view.document()
    block = doc.findBlockByNumber(0)
    units = block.text().encode("utf-16-le")  # PySide hands back a str; Qt counted units
    painted = {
        units[2 * r.start:2 * (r.start + r.length)].decode("utf-16-le")
        for r in block.layout().formats() if r.format.underlineColor().isValid()
    }
    assert painted == {"بوتين", "موسكو"}
    ws.close()
