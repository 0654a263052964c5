"""Span highlighting: a QSyntaxHighlighter reading the per-paragraph span index.

Blocks are formatted lazily: only those the view has shown (``ensure_highlighted``), so
opening a 1 MB document formats a screenful of paragraphs, not thousands.

Layers get styles that stack legibly: a quote tints the background, a claim tints it another
colour and draws an overline, an entity underlines in its label's colour and takes that colour
for its letters. Where entities nest, the innermost one draws and the underline turns wavy, so
a PER inside an ORG shows as a different line from the ORG around it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex

_TINT = {"quote": 0.22, "claim": 0.30}  # share of the label colour in the background


def blend(colors: list[tuple[QColor, float]]) -> QColor:
    """Mix label colours into white, each by its share: opaque, readable light tints."""
    r, g, b = 255.0, 255.0, 255.0
    for color, share in colors:
        r += (color.red() - r) * share
        g += (color.green() - g) * share
        b += (color.blue() - b) * share
    return QColor(round(r), round(g), round(b))


class SpanHighlighter(QSyntaxHighlighter):
    """Formats each block from ``index``; ``rehighlight_blocks`` repaints only some blocks."""

    def __init__(self, document: QTextDocument, schema: Schema) -> None:
        self.index = SpanIndex("")
        self.offsets = OffsetMap("")
        self._shown = bytearray()  # 1 for blocks the view has asked to be formatted
        # True while this class reformats blocks itself: setPlainText makes Qt call
        # highlightBlock for every paragraph of the new text (~4,000 for 1 MB), none shown yet
        self._formatting = False
        self._colors: dict[tuple[str, str], QColor] = {}
        self._formats: dict[tuple[tuple[str, str], ...], QTextCharFormat] = {}
        self.set_schema(schema)
        super().__init__(document)

    def set_schema(self, schema: Schema) -> None:
        self._colors = {(lab.layer, lab.name): QColor(lab.color) for lab in schema.labels()}
        self._formats.clear()

    def set_source(self, index: SpanIndex, offsets: OffsetMap) -> None:
        """Point at another document's spans; call before the text is set (one pass)."""
        self.index = index
        self.offsets = offsets
        self._shown = bytearray(len(index.starts))

    def ensure_highlighted(self, first: int, last: int) -> None:
        """Format blocks first..last (inclusive) that have not been formatted yet."""
        doc = self.document()
        first, last = max(first, 0), min(last, len(self._shown) - 1)
        if doc is None or first > last:
            return
        block = doc.findBlockByNumber(first)
        self._formatting = True
        try:
            while block.isValid() and block.blockNumber() <= last:
                number = block.blockNumber()
                if not self._shown[number]:
                    self._shown[number] = 1
                    if self.index.spans_in_block(number):
                        self.rehighlightBlock(block)
                block = block.next()
        finally:
            self._formatting = False

    def rehighlight_blocks(self, blocks: set[int]) -> None:
        """Re-format changed blocks that are already formatted; the rest wait to be shown."""
        doc = self.document()
        if doc is None:
            return
        self._formatting = True
        try:
            for number in sorted(blocks):
                if number < len(self._shown) and self._shown[number]:
                    block = doc.findBlockByNumber(number)
                    if block.isValid():
                        self.rehighlightBlock(block)
        finally:
            self._formatting = False

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        if not self._formatting:
            return
        block = self.currentBlock()
        number = block.blockNumber()
        if number >= len(self._shown) or not self._shown[number]:
            return
        spans = self.index.spans_in_block(number)
        if not spans:
            return
        lo, hi = self.index.block_range(number)
        base = block.position()
        to_qt = self.offsets.to_qt
        cuts: set[int] = set()
        clipped: list[tuple[int, int, Span]] = []
        for span in spans:
            s, e = max(span.start, lo), min(span.end, hi)
            if s < e:
                s, e = to_qt(s) - base, to_qt(e) - base
                clipped.append((s, e, span))
                cuts.update((s, e))
        edges = sorted(cuts)
        # outer spans first, so the innermost entity is last and wins the underline
        clipped.sort(key=lambda c: (c[2].start, -c[2].end))
        for a, b in pairwise(edges):
            covering = tuple(
                (span.layer, span.label) for s, e, span in clipped if s <= a and b <= e
            )
            if covering:
                self.setFormat(a, b - a, self._format(covering))

    def _format(self, covering: tuple[tuple[str, str], ...]) -> QTextCharFormat:
        fmt = self._formats.get(covering)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        tints = [
            (self._colors.get(key, QColor("gray")), _TINT[key[0]])
            for key in covering if key[0] in _TINT
        ]
        if tints:
            fmt.setBackground(blend(tints))
        if any(layer == "claim" for layer, _ in covering):
            fmt.setFontOverline(True)
        entities = [key for key in covering if key[0] == "entity"]
        if entities:
            color = self._colors.get(entities[-1], QColor("gray"))
            fmt.setForeground(color.darker(140))
            fmt.setUnderlineColor(color)
            nested = len(entities) > 1
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.WaveUnderline
                if nested else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
        self._formats[covering] = fmt
        return fmt
