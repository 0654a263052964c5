"""The document list: name, this annotator's status and span count, over a Python list."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.model import DONE, IN_PROGRESS, NEW, DocumentRow
from annotator.ui.cell_direction import ContentDirectionDelegate
from annotator.ui.table_model import Index, ListTableModel

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(ListTableModel):
    """One row per document, in the order the repository lists them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []
        self._headers = (self.tr("Document"), self.tr("Status"), self.tr("Spans"))
        self._status_names = {
            NEW: self.tr("new"), IN_PROGRESS: self.tr("in progress"), DONE: self.tr("done"),
        }

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, doc_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == doc_id), -1)

    def doc_row(self, row: int) -> DocumentRow:
        return self._rows[row]

    def update_row(self, doc_id: int, **changes: Any) -> None:
        """Replace fields of one row (a status change, a new span count) in place."""
        row = self.row_of(doc_id)
        if row < 0:
            return
        old = self._rows[row]
        self._rows[row] = replace(old, **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def _row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.name
            if col == 1:
                return self._status_names.get(row.status, row.status)
            return row.span_count
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.assigned is False:
            # team mode: not assigned to this annotator; still openable, set apart
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            tip = f"{row.name}\n{row.length} characters\nSHA-256 {row.sha256[:12]}…"
            if row.assigned is not None:
                tip += "\n" + (self.tr("assigned to you") if row.assigned
                                else self.tr("not assigned to you"))
            return tip
        if role == DOC_ID_ROLE:
            return row.id
        return None


class DocumentListView(QTableView):
    """Signals:
    document_chosen(int): the user opened this document (click or Enter).
    """

    document_chosen = Signal(int)

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a name reads in its own direction, whatever the interface's (ui.cell_direction)
        self.setItemDelegateForColumn(0, ContentDirectionDelegate(self))
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.document_chosen.emit(self._model.doc_row(index.row()).id)

    def show_document(self, doc_id: int) -> None:
        row = self._model.row_of(doc_id)
        if row >= 0:
            self.selectRow(row)
