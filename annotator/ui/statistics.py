"""The statistics panel: the figures of ``annotator stats --plot`` in the window.

Label counts per annotator, agreement per label ("no data" where a pair has no span of a
label), spans per document and each annotator's progress, drawn by matplotlib's Qt canvas from
the same figure the command line saves. matplotlib is imported only when the panel first
draws; without it the panel says how to install it.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError
from annotator.workspace import Workspace, stats_plot

log = logging.getLogger(__name__)


class StatisticsPanel(QWidget):
    """Attributes:
    canvas: the matplotlib canvas of the last drawing (None before one, or without matplotlib).
    message: says why there is no figure, when there is none.
    """

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.canvas: QWidget | None = None
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(False)  # the figure keeps its size; the panel scrolls
        layout = QVBoxLayout(self)
        layout.addWidget(refresh)
        layout.addWidget(self.message)
        layout.addWidget(self.scroller, 1)

    def set_workspace(self, ws: Workspace) -> None:
        self.ws = ws
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the numbers again and draw them."""
        try:
            stats_plot.require_matplotlib()
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            figure = stats_plot.draw(stats_plot.gather(self.ws))
        except AnnotatorError as exc:
            self._say(str(exc))
            return
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        dpi = figure.get_dpi()
        width, height = figure.get_size_inches()
        canvas.setFixedSize(int(width * dpi * 0.75), int(height * dpi * 0.75))
        self.scroller.setWidget(canvas)  # the old canvas is deleted with its figure
        self.canvas = canvas
        self.message.hide()

    def _say(self, text: str) -> None:
        log.info("statistics: %s", text)
        self.message.setText(text)
        self.message.show()
