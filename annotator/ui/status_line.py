"""The permanent part of the status bar: modes, annotator, document and its counts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.core.model import DONE, IN_PROGRESS, NEW
from annotator.ui.controller import AnnotationController
from annotator.ui.settings import Settings


class StatusLine(QObject):
    """Labels in ``bar`` that ``update`` fills from the controller and the settings.

    Attributes:
        mode, annotator, document, counts: the labels, right to left in that order.
    """

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.mode = QLabel(bar)
        self.annotator = QLabel(bar)
        self.document = QLabel(bar)
        self.counts = QLabel(bar)
        for label in (self.mode, self.annotator, self.document, self.counts):
            bar.addPermanentWidget(label)

    def update(self, c: AnnotationController, settings: Settings) -> None:
        # a link: clicking the name opens File > Annotator name…
        name = c.ws.annotator.replace("&", "&amp;").replace("<", "&lt;")
        self.annotator.setText(self.tr("Annotator: %s") % f'<a href="name">{name}</a>')
        self.annotator.setToolTip(self.tr("Click to change who you annotate as"))
        self.document.setText(c.doc_name if c.doc_id >= 0 else "")
        if c.doc_id >= 0:
            status = {NEW: self.tr("new"), IN_PROGRESS: self.tr("in progress"),
                      DONE: self.tr("done")}.get(c.status, c.status)
            self.counts.setText(
                self.tr("%1 spans, %2 links, %3")
                .replace("%1", str(len(c.index.spans))).replace("%2", str(len(c.index.relations)))
                .replace("%3", status)
            )
        else:
            self.counts.setText("")
        modes = []
        if settings.exact_selection:
            modes.append(self.tr("EXACT"))
        if c.link_head:
            modes.append(self.tr("LINKING"))
        self.mode.setText(" ".join(modes))
