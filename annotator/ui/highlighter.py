"""Span highlighting: a QSyntaxHighlighter reading the per-paragraph span index.

Blocks are formatted lazily: only those the view has shown (``ensure_highlighted``), so
opening a 1 MB document formats a screenful of paragraphs, not thousands.

How a span looks comes from its layer's ``style`` in the schema (``LayerStyle``), in its
label's colour, and the styles of nested spans stack: every span whose layer has a
``background`` tints it by that share, any ``overline`` layer draws a line over the text, the
innermost ``text_color`` span colours the letters and the innermost ``underline`` span the
underline. Where spans of one underline layer nest the line turns wavy, so (in the shipped
schema) a PER inside an ORG shows as a different line from the ORG around it. A layer that
declares no style gets ``DEFAULT_STYLE``, a light tint; a layer the schema does not know is
not drawn.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.core.schema import LayerStyle, Schema
from annotator.ui.coverage import covering_ranges
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex

_UNKNOWN_COLOR = QColor("gray")  # a label the schema does not know
_NO_STYLE = LayerStyle()  # a layer the schema does not know


def _outer_first(span: Span) -> tuple[int, int]:
    return span.start, -span.end


def blend(colors: list[tuple[QColor, float]]) -> QColor:
    """Mix label colours into white, each by its share: opaque, readable light tints."""
    r, g, b = 255.0, 255.0, 255.0
    for color, share in colors:
        r += (color.red() - r) * share
        g += (color.green() - g) * share
        b += (color.blue() - b) * share
    return QColor(round(r), round(g), round(b))


class SpanHighlighter(QSyntaxHighlighter):
    """Formats each block from ``index``; ``rehighlight_blocks`` re-formats only some blocks."""

    def __init__(self, document: QTextDocument, schema: Schema) -> None:
        self.index = SpanIndex("")
        self.offsets = OffsetMap("")
        self._shown = bytearray()  # 1 for blocks the view has asked to be formatted
        # True while this class reformats blocks itself: setPlainText makes Qt call
        # highlightBlock for every paragraph of the new text (~4,000 for 1 MB), none shown yet
        self._formatting = False
        self._colors: dict[tuple[str, str], QColor] = {}
        self._styles: dict[str, LayerStyle] = {}
        self.sidebar_layers: frozenset[str] = frozenset()  # drawn by the view; mostly none
        self._formats: dict[tuple[tuple[str, str], ...], QTextCharFormat] = {}
        self.set_schema(schema)
        super().__init__(document)

    def set_schema(self, schema: Schema) -> None:
        self._colors = {(lab.layer, lab.name): QColor(lab.color) for lab in schema.labels()}
        self._styles = {layer.name: layer.style for layer in schema.layers}
        self.sidebar_layers = frozenset(n for n, style in self._styles.items() if style.sidebar)
        self._formats.clear()

    def color(self, layer: str, label: str) -> QColor:
        """The label's colour, as the highlights draw it (grey for a label the schema lacks)."""
        return self._colors.get((layer, label), _UNKNOWN_COLOR)

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
        """Re-format changed blocks that are already formatted; the rest wait to be shown.

        The view repaints the blocks (:meth:`DocumentView.apply_change`): this does not."""
        doc = self.document()
        if doc is None:
            return
        layout = doc.documentLayout()
        resized = False
        self._formatting = True
        # Qt reports a block's new formats as a change of twice its length, which reaches
        # into the next block and makes the plain-text layout repaint the whole viewport on
        # every tag. Its signals are held while the block is re-laid out; the caller
        # repaints the changed blocks, and only a block that changed height (which moves
        # the ones below) still has the viewport and the scroll range brought up to date.
        layout.blockSignals(True)
        try:
            for number in sorted(blocks):
                if number < len(self._shown) and self._shown[number]:
                    block = doc.findBlockByNumber(number)
                    if block.isValid():
                        height = layout.blockBoundingRect(block).height()
                        self.rehighlightBlock(block)
                        resized |= layout.blockBoundingRect(block).height() != height
        finally:
            layout.blockSignals(False)
            self._formatting = False
        if resized:
            layout.documentSizeChanged.emit(layout.documentSize())
            layout.update.emit()  # Qt's default rectangle: everywhere

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
        # outer spans first, so the innermost is last and wins the underline and letters
        parts = [
            (to_qt(max(span.start, lo)) - base, to_qt(min(span.end, hi)) - base,
             (span.layer, span.label))
            for span in sorted(spans, key=_outer_first) if max(span.start, lo) < min(span.end, hi)
        ]
        for a, b, covering in covering_ranges(parts):
            self.setFormat(a, b - a, self._format(covering))

    def _format(self, covering: tuple[tuple[str, str], ...]) -> QTextCharFormat:
        """The look of text under ``covering`` (layer, label) keys, outer first."""
        fmt = self._formats.get(covering)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        tints: list[tuple[QColor, float]] = []
        overline = False
        letters: tuple[str, str] | None = None  # the innermost span colouring the letters
        underline: tuple[str, str] | None = None  # the innermost span drawing the underline
        underlined: dict[str, int] = {}  # underline layer -> its spans here
        for key in covering:
            style = self._styles.get(key[0], _NO_STYLE)
            if style.background > 0:
                tints.append((self._colors.get(key, _UNKNOWN_COLOR), style.background))
            overline = overline or style.overline
            if style.text_color:
                letters = key
            if style.underline:
                underline = key
                underlined[key[0]] = underlined.get(key[0], 0) + 1
        # one fixed order of properties: QTextFormat compares them as a list, so equal looks
        # give equal formats
        if tints:
            fmt.setBackground(blend(tints))
        if overline:
            fmt.setFontOverline(True)
        if letters is not None:
            fmt.setForeground(self._colors.get(letters, _UNKNOWN_COLOR).darker(140))
        if underline is not None:
            fmt.setUnderlineColor(self._colors.get(underline, _UNKNOWN_COLOR))
            nested = any(count > 1 for count in underlined.values())
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.WaveUnderline
                if nested else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
        self._formats[covering] = fmt
        return fmt
