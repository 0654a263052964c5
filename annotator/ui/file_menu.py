"""The File menu's slots: import, the sample, switching databases, export and merge.

The work itself is the workspace's (``workspace.importing`` and the others, imported when
first used: they pull in every format reader, which the window does not need to appear); this
class adds the dialogs and tells the main window what to refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.workspace import Workspace

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.workspace.importing import ImportReport


class FileMenu(QObject):
    """File menu actions of ``window`` (its controller, settings, lists and status bar)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_documents(self) -> None:
        """Open the import dialog (window-modal; it stores and reports by itself)."""
        self._import_dialog()

    def import_dropped(self, paths: list[str]) -> None:
        """Import files dropped on the window at once, in the import dialog: the same pipeline
        and rules (extensions, all or nothing) as File > Import and the command line."""
        self._import_dialog(paths)

    def _import_dialog(self, paths: list[str] | None = None) -> None:
        from annotator.ui.import_dialog import ImportDialog

        win = self.window
        dialog = ImportDialog(win.controller.ws, win.settings.last_import_dir, win)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.folder_chosen.connect(self._remember_folder)
        dialog.open()
        if paths:
            dialog.add_paths(paths)
            dialog.start_import()

    def _remember_folder(self, folder: str) -> None:
        self.window.settings.last_import_dir = folder

    def _imported(self, report: ImportReport, open_id: int) -> None:
        win = self.window
        win.refresh_documents()
        win.statusBar().showMessage(
            self.tr("Imported %1 new documents, %2 already present")
            .replace("%1", str(len(report.added))).replace("%2", str(len(report.already_present))),
            8000,
        )
        if open_id >= 0:
            win.open_document(open_id)

    def open_sample(self) -> None:
        from annotator.workspace.importing import import_sample

        doc_id = import_sample(self.window.controller.ws)
        self.window.refresh_documents()
        self.window.open_document(doc_id)

    def open_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Open or create a database"), "",
            self.tr("Annotator databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.switch_database(path)

    def switch_database(self, db: str) -> bool:
        win = self.window
        old = win.controller.ws
        try:
            ws = Workspace.open(db, old.annotator)
        except AnnotatorError as exc:
            QMessageBox.warning(win, self.tr("Cannot open database"), str(exc))
            return False
        win.controller.set_workspace(ws)
        old.close()
        win.settings.remember_database(ws.url)
        win.workspace_switched()
        return True

    def choose_annotator(self) -> None:
        """Ask for the annotator name (window-modal, not blocking) and switch to it."""
        win = self.window
        dialog = QInputDialog(win)
        dialog.setWindowTitle(self.tr("Annotator name"))
        dialog.setLabelText(self.tr(
            "Your name as an annotator: your spans are stored under it, kept apart from "
            "colleagues' (remembered for the next start)."
        ))
        dialog.setTextValue(win.controller.ws.annotator)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.switch_annotator)
        dialog.open()

    def switch_annotator(self, name: str) -> bool:
        """Work as ``name`` from now on, on the same database and document; remembered."""
        from annotator.ui.annotator_name import name_error

        win = self.window
        name = name.strip()
        why = name_error(name)
        if why is not None:
            win.show_error(why)
            return False
        old = win.controller.ws
        if name == old.annotator:
            return True
        doc_id = win.controller.doc_id
        # the same connections: whoever closes the workspace later (run_gui) closes them
        if old.on_team_server:
            win.show_error(self.tr(
                "on this team server you work as your database login %1; to annotate as "
                "someone else, connect as that login").replace("%1", old.annotator))
            return False
        win.controller.set_workspace(old.as_annotator(name))
        win.settings.annotator_name = name
        win.workspace_switched()
        if doc_id >= 0:
            win.open_document(doc_id)
        win.statusBar().showMessage(self.tr("You now annotate as %s") % name, 5000)
        return True

    def fill_recent(self) -> None:
        menu = self.window.menus["recent"]
        menu.clear()
        for url in self.window.settings.recent_databases:
            action = menu.addAction(url)
            action.triggered.connect(lambda _=False, u=url: self.switch_database(u))
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def export(self) -> None:
        from annotator.ui.export_dialog import run_export_dialog

        current, selected = self.export_choices()
        run_export_dialog(self.window, self.window.controller.ws, current, selected)

    def export_choices(self) -> tuple[str | None, list[str]]:
        """The SHA-256 of the open document and of the documents selected in the list."""
        win = self.window
        model = win.doc_model
        current = None
        if win.controller.doc_id >= 0 and model.row_of(win.controller.doc_id) >= 0:
            current = model.doc_row(model.row_of(win.controller.doc_id)).sha256
        rows = sorted(index.row() for index in win.doc_view.selectionModel().selectedRows())
        return current, [model.doc_row(r).sha256 for r in rows]

    def merge(self) -> None:
        from annotator.ui.merge_dialog import run_merge_dialog

        win = self.window
        run_merge_dialog(win, win.controller.ws)
        win.refresh_documents()
        if win.controller.doc_id >= 0:
            win.controller.open_document(win.controller.doc_id)
