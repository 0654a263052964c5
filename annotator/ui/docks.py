"""The window's side panels: the project's annotation guidelines and its statistics.

Both are dock widgets the annotator opens from the View menu (hidden at first, remembered
with the window's state); they only show, never edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.schema import Schema
from annotator.ui.statistics import StatisticsPanel

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class GuidelinesPanel(QWidget):
    """The guidelines the schema names, rendered from Markdown; or why there are none."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        # the guidelines are mostly English prose with Arabic examples: the direction of each
        # paragraph follows its own text (Qt's default for rich text)
        QVBoxLayout(self).addWidget(self.browser)
        self.show_schema(schema)

    def show_schema(self, schema: Schema) -> None:
        if schema.guidelines:
            self.browser.setMarkdown(schema.guidelines)
        elif schema.guidelines_error:
            self.browser.setPlainText(schema.guidelines_error)
        else:
            self.browser.setPlainText(self.tr(
                "This project's label schema names no guidelines. Add a line "
                'guidelines = "FILE.md" to the schema and put the Markdown file beside it.'
            ))


class SideDocks:
    """The two docks of ``window`` and the View menu actions that show them.

    Attributes:
        guidelines, statistics: the panels inside the docks.
    """

    def __init__(self, window: MainWindow) -> None:
        ws = window.controller.ws
        self.guidelines = GuidelinesPanel(ws.schema)
        self.statistics = StatisticsPanel(ws)
        view_menu = window.menus["view"]
        view_menu.addSeparator()
        for name, title, panel in (
            # written out in full: pyside6-lupdate reads only this form (ui/i18n.py)
            ("guidelines", QCoreApplication.translate("MainWindow", "Guidelines"),
             self.guidelines),
            ("statistics", QCoreApplication.translate("MainWindow", "Statistics"),
             self.statistics),
        ):
            dock = QDockWidget(title, window)
            dock.setObjectName(name)  # restoreState finds it by this name
            dock.setWidget(panel)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            action = dock.toggleViewAction()
            window.action_map[name] = action
            view_menu.addAction(action)
        stats_dock = self.statistics.parentWidget()
        assert isinstance(stats_dock, QDockWidget)
        stats_dock.visibilityChanged.connect(self._statistics_shown)

    def _statistics_shown(self, visible: bool) -> None:
        if visible:
            self.statistics.refresh()

    def set_workspace(self, window: MainWindow) -> None:
        """After a database switch: the new schema's guidelines, the new numbers."""
        ws = window.controller.ws
        self.guidelines.show_schema(ws.schema)
        self.statistics.set_workspace(ws)
