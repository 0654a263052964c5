"""The span list: a table model over the open document's spans, in document order, and its view.

The model keeps a sorted Python list and applies each ``Change`` as row inserts and removals,
so a tag among 20,000 spans costs a bisect, not a reset. Changes are applied a moment later
(``SYNC_DELAY_MS``), after the document view has painted the tag: repainting the table costs
~10 ms, which would otherwise land in the same frame; a burst of keys then syncs once. For the
same reason a newly opened document fills the list only after the text has painted (sorting
20,000 spans takes ~30 ms).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import product
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from annotator.core.commands import Change
from annotator.core.model import Span
from annotator.ui.cell_direction import content_direction
from annotator.ui.controller import AnnotationController
from annotator.ui.span_index import position_key
from annotator.ui.table_model import Index, ListTableModel

COLUMNS = ("position", "text", "layer", "label", "links")
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
_EXCERPT = 60
_LINK_EXCERPT = 30  # words of a link's other end in the links column
SYNC_DELAY_MS = 40


class SpanListModel(ListTableModel):
    """Rows are the spans of ``controller``'s open document, sorted by ``position_key``."""

    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._spans: list[Span] = []
        self._keys: list[tuple[int, int, str, str, str]] = []
        self._headers = (
            self.tr("Position"), self.tr("Text"), self.tr("Layer"), self.tr("Label"),
            self.tr("Links"),
        )
        self._colors = self._label_colors()
        self._queue: list[Change] = []
        self._stale = False  # a document was opened and its rows are not filled in yet
        # True while rows change under the view: the current row Qt moves then is not a pick
        self.applying = False
        self._timer = QTimer(self, singleShot=True, interval=SYNC_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._fill_timer = QTimer(self, singleShot=True, interval=SYNC_DELAY_MS)
        self._fill_timer.timeout.connect(self.flush)
        controller.document_opened.connect(self.reload)
        controller.changed.connect(self.queue_change)

    # -- contents ------------------------------------------------------------------------

    def reload(self, _doc_id: int = -1) -> None:
        """Empty the list now; fill it from the controller's index once the text has painted."""
        self._timer.stop()
        self._queue.clear()
        self.beginResetModel()
        self._spans, self._keys = [], []
        self._colors = self._label_colors()  # the workspace (so the schema) may be another
        self.endResetModel()
        self._stale = True
        self._fill_timer.start()

    def _label_colors(self) -> dict[tuple[str, str], QColor]:
        return {(lab.layer, lab.name): QColor(lab.color)
                for lab in self.controller.ws.schema.labels()}

    def _fill(self) -> None:
        self._fill_timer.stop()
        self._stale = False
        self._queue.clear()  # the index already holds every change made since the open
        spans = self.controller.index.ordered()
        if not spans:
            return
        self.beginResetModel()
        self._spans = spans
        self._keys = [position_key(s) for s in spans]
        self.endResetModel()

    def queue_change(self, change: Change) -> None:
        self._queue.append(change)
        self._timer.start()

    def flush(self) -> None:
        """Fill the rows of a newly opened document, then apply the queued changes, now."""
        self._timer.stop()
        if self._stale:
            self._fill()
        queue, self._queue = self._queue, []
        self.applying = True
        try:
            for change in queue:
                self.apply_change(change)
        finally:
            self.applying = False

    def apply_change(self, change: Change) -> None:
        """Rows follow the change: an edited span keeps its row object (updated in place, or
        moved when its position changed), so selection and current row stay on it."""
        for span in change.removed:
            self._remove(span)
        for before, after in change.updated:
            self._update(before, after)
        for span in change.added:
            self._insert(span)
        # a resized span changes the words its linked spans' cells name
        resized = [r for _, after in change.updated
                   for r in self.controller.index.links_of(after.uuid)]
        for rel in (*change.linked, *change.unlinked, *resized):
            for uuid in (rel.head, rel.tail):
                row = self.row_of(uuid)
                if row >= 0:
                    cell = self.index(row, COLUMNS.index("links"))
                    self.dataChanged.emit(cell, cell)

    def _insert(self, span: Span) -> None:
        key = position_key(span)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self._keys.insert(row, key)
        self.endInsertRows()

    def _update(self, before: Span, after: Span) -> None:
        row = self.row_of(before.uuid, before)
        if row < 0:
            self._insert(after)
            return
        key = position_key(after)
        # its row among the others: rows before it with a smaller key, less itself
        to = bisect_left(self._keys, key) - (self._keys[row] < key)
        if to != row:
            # Qt counts a move's destination before the moved row leaves
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + (to > row))
            self._spans.insert(to, self._spans.pop(row))
            self._keys.insert(to, self._keys.pop(row))
            self.endMoveRows()
        self._spans[to], self._keys[to] = after, key
        self.dataChanged.emit(self.index(to, 0), self.index(to, len(COLUMNS) - 1))

    def _remove(self, span: Span) -> None:
        row = self.row_of(span.uuid, span)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._spans[row]
            del self._keys[row]
            self.endRemoveRows()

    def row_of(self, uuid: str, hint: Span | None = None) -> int:
        span = hint or self.controller.index.spans.get(uuid)
        if span is not None:
            row = bisect_left(self._keys, position_key(span))
            if row < len(self._spans) and self._spans[row].uuid == uuid:
                return row
        # the hint is stale (the span moved): fall back to a scan
        return next((i for i, s in enumerate(self._spans) if s.uuid == uuid), -1)

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    # -- QAbstractTableModel -------------------------------------------------------------

    def _row_total(self) -> int:
        return len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(span, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "text":
                return span.covered(self.controller.text)
            if column == "links":
                return self._links(span)
            if column == "label":
                return f"{self._display(span, column)} — {span.layer}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "text":
            # absolute: the view is right to left, where a plain AlignRight would mean left
            side = Qt.AlignmentFlag.AlignRight if _rtl(span.covered(self.controller.text)) else (
                Qt.AlignmentFlag.AlignLeft)
            return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == "label":
            return self._colors.get((span.layer, span.label))
        if role == UUID_ROLE:
            return span.uuid
        return None

    def _display(self, span: Span, column: str) -> str:
        if column == "position":
            # an LTR isolate: in a right-to-left cell "14–22" would otherwise read "22–14"
            return f"\u2066{span.start}–{span.end}\u2069"
        if column == "text":
            text = " ".join(span.covered(self.controller.text).split())
            return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"
        if column == "layer":
            return span.layer
        if column == "label":
            return label_text(span.label, self.controller.attribute_values(span))
        # each link and the words of its other end ("→ speaker: بوتين"), the words in an
        # isolate of their own so Arabic reads right to left inside the left-to-right cell
        parts = [f"{arrow} {kind}: \u2068{words}\u2069" for arrow, kind, words in self._ends(span)]
        return f"\u2066{', '.join(parts)}\u2069" if parts else ""

    def label_texts(self) -> list[str]:
        """Every text the label column can show under the schema (for its width)."""
        c = self.controller
        return [
            label_text(label.name, list(values))
            for label in c.ws.schema.labels()
            for values in product(*(a.values for a in c.attribute_defs(label.layer)))
        ]

    def _links(self, span: Span) -> str:
        return "; ".join(f"{arrow} {kind}: {words}" for arrow, kind, words in self._ends(span))

    def _ends(self, span: Span) -> list[tuple[str, str, str]]:
        """(arrow, relation, words of the other end) of each of ``span``'s links."""
        index = self.controller.index
        out = []
        for rel in index.links_of(span.uuid):
            outgoing = rel.head == span.uuid
            other = index.spans.get(rel.tail if outgoing else rel.head)
            if other is not None:
                words = " ".join(other.covered(self.controller.text).split())
                if len(words) > _LINK_EXCERPT:
                    words = words[: _LINK_EXCERPT - 1] + "…"
                out.append(("→" if outgoing else "←", rel.kind, words))
        return out


def label_text(label: str, values: list[str]) -> str:
    """A span's label with its attribute values: ``QUOTE (indirect)``."""
    return f"{label} ({', '.join(values)})" if values else label


def _rtl(text: str) -> bool:
    """Whether ``text`` reads right to left (digits and punctuation only: the document's)."""
    return content_direction(text[:_EXCERPT]) == Qt.LayoutDirection.RightToLeft


class SpanListView(QTableView):
    """Rows of the span list; right to left because the content is Arabic.

    Signals:
        span_activated(str): the user picked this span (click or keyboard).
    """

    span_activated = Signal(str)

    def __init__(self, model: SpanListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        # the label's colour and name already tell the layer (and its tooltip names it): the
        # side panel's width goes to the span's text instead
        self.setColumnHidden(COLUMNS.index("layer"), True)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()
        self.setWordWrap(False)
        self._syncing = False
        self._pending = ""
        self._sync_timer = QTimer(self, singleShot=True, interval=SYNC_DELAY_MS)
        self._sync_timer.timeout.connect(lambda: self._select_row(self._pending))
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        # a click on the row already current flashes its span again
        self.clicked.connect(lambda index: self._row_changed(index, index))

    def fit_columns(self) -> None:
        """Short columns as wide as the longest thing they can hold; the text takes the rest.

        Widths come from the schema and the document length, not from the rows: Qt's
        ResizeToContents measures up to 1,000 rows on every change and misses rows added later.
        Links may be long, so they get a fixed share (their tooltip has them whole).
        """
        metrics, header = self.fontMetrics(), self.horizontalHeader()
        c = self._model.controller
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 10
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
        digits = "8" * len(str(max(len(c.text), 100)))
        # room for the relation and the start of the other end's words ("→ speaker: بوتـ…");
        # the text column stays the widest, the tooltip has the words whole
        links = [f"→ {r.name}" for r in c.ws.schema.relations]
        wanted = {
            "position": metrics.horizontalAdvance(f"\u2066{digits}–{digits}\u2069") + pad,
            "layer": max(map(metrics.horizontalAdvance, c.ws.schema.layer_names)) + pad,
            "label": max(map(metrics.horizontalAdvance, self._model.label_texts())) + pad + icon,
            "links": max(map(metrics.horizontalAdvance, links), default=0) + pad,
        }
        for name, width in wanted.items():
            column = COLUMNS.index(name)
            header.resizeSection(column, max(width, header.sectionSizeFromContents(column).width()))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # rows removed under the view make Qt move its current row to a neighbour: that is
        # not the user's pick, and activating it would aim the next key at the neighbour
        if not self._syncing and not self._model.applying and current.isValid():
            self._sync_timer.stop()  # the user's pick wins over a pending sync
            self.span_activated.emit(self._model.span_at(current.row()).uuid)

    def show_span(self, uuid: str) -> None:
        """Select the row of ``uuid`` soon, without re-emitting ``span_activated``.

        Selecting and scrolling a 20,000-row table costs ~10 ms; deferring it lets the
        document view paint a new tag in the current frame, and a burst of keys syncs once.
        """
        self._pending = uuid
        self._sync_timer.start()

    def _select_row(self, uuid: str) -> None:
        self._model.flush()
        row = self._model.row_of(uuid) if uuid else -1
        self._syncing = True
        try:
            if row < 0:
                self.selectionModel().clearSelection()
                self.selectionModel().clearCurrentIndex()
                return
            index = self._model.index(row, 0)
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        finally:
            self._syncing = False
