"""The paragraphs a plain-text view shows in a band of its viewport, each with its box.

Every painter of the document view (label tags, side bars, link dots, suggestions) and its
lazy highlighting walk the same paragraphs: from the first visible one down to the first that
starts below the band. Qt lays out only what it is asked for, so the walk never goes further.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit


def blocks_in_band(
    view: QPlainTextEdit, top: float, bottom: float
) -> Iterator[tuple[QTextBlock, QRectF]]:
    """The visible paragraphs whose box (in the viewport's coordinates) reaches into
    ``[top, bottom]``, with that box, in document order."""
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        box = view.blockBoundingGeometry(block).translated(offset)
        if box.top() > bottom:
            return
        if box.bottom() >= top:
            yield block, box
        block = block.next()
