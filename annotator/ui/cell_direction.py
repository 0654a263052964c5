"""Text direction of a list cell taken from its content, not from the window's chrome.

The chrome follows the interface language; a document name or an annotator's name reads in its
own direction whatever the interface (Anki's browser does the same per cell). In a right-to-left
chrome, "report (2).txt" laid out right to left shows as "(report (2.txt"; an Arabic name in a
left-to-right chrome loses its trailing punctuation to the wrong end.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: the text picks its own direction
_LOOK = 200  # characters read to find the first letter with a direction


def content_direction(
    text: str, otherwise: Qt.LayoutDirection = Qt.LayoutDirection.RightToLeft
) -> Qt.LayoutDirection:
    """The direction of ``text``'s first strongly directed letter; ``otherwise`` when it has
    none (digits and punctuation only)."""
    for ch in text[:_LOOK]:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return otherwise


def isolated(text: str) -> str:
    """``text`` wrapped in a first-strong isolate, for places a delegate does not draw (a
    combo box's closed face): it keeps its own order inside a paragraph of either direction."""
    return f"{FSI}{text}{PDI}"


class ContentDirectionDelegate(QStyledItemDelegate):
    """Draws each cell in the direction of its own text (and aligns it to that side)."""

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = content_direction(option.text, option.direction)
