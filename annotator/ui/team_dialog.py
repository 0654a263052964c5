"""Review > Team progress: annotator × document, with assignment, status and span count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DONE, IN_PROGRESS, NEW
from annotator.ui.cell_direction import ContentDirectionDelegate
from annotator.ui.table_model import Index, ListTableModel
from annotator.workspace import Workspace
from annotator.workspace.team import ProgressRow, progress


class TeamProgressModel(ListTableModel):
    """One row per (annotator, document) pair that has an assignment, a status or a span."""

    def __init__(self, rows: list[ProgressRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self._headers = (self.tr("Annotator"), self.tr("Document"), self.tr("Assigned"),
                         self.tr("Status"), self.tr("Spans"))
        self._status_names = {
            NEW: self.tr("new"), IN_PROGRESS: self.tr("in progress"), DONE: self.tr("done"),
        }

    def _row_total(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.annotator, row.document, self.tr("yes") if row.assigned else "",
                self._status_names.get(row.status, row.status), row.spans,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TeamProgressDialog(QDialog):
    """Attributes:
    model: the table's model (tests read it).
    """

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team progress"))
        rows = progress(ws)
        self.model = TeamProgressModel(rows, self)
        table = QTableView(self)
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # names read in their own direction, whatever the interface's (ui.cell_direction)
        for col in (0, 1):
            table.setItemDelegateForColumn(col, ContentDirectionDelegate(table))
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(QLabel(self.tr(
                "Nobody has a document assigned, a status or a span yet. A curator assigns "
                "documents with: annotator team assign DOC… --to NAME"), self))
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
