"""PySide6 6.12.0 drops a reference to None on each void-returning call (then aborts in
``none_dealloc``). The pin to <6.12 keeps 6.11.x; this test fails loudly on a bad version."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget


def test_void_calls_keep_none_refcount_stable(qtbot) -> None:
    doc = QTextDocument("نص قصير للتجربة")
    cursor = QTextCursor(doc)
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor.setPosition(i % 10)
        widget.update()
    after = sys.getrefcount(None)
    # other threads and the GC may hold a few transient references; a leak loses 40,000
    assert abs(after - before) < 100
