"""The main window: layout, menus and actions wired to the controller. No editing logic here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFontDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.commands import Change
from annotator.core.model import DONE, IN_PROGRESS
from annotator.ui import keymap, menus, tagging
from annotator.ui.controller import AnnotationController
from annotator.ui.docks import SideDocks
from annotator.ui.document_list import DocumentListModel, DocumentListView
from annotator.ui.document_view import DocumentView
from annotator.ui.done_banner import DoneBanner
from annotator.ui.file_menu import FileMenu
from annotator.ui.find_bar import FindBar
from annotator.ui.fonts import arabic_family
from annotator.ui.occurrences_dialog import OccurrencesDialog
from annotator.ui.palette import Palette, action_label, label_actions
from annotator.ui.screen_fit import fit_to_screen
from annotator.ui.settings import Settings
from annotator.ui.shortcut_editor import ShortcutEditor
from annotator.ui.shortcuts_dialog import ShortcutsDialog, action_name, shortcut_rows
from annotator.ui.span_list import SpanListModel, SpanListView
from annotator.ui.status_line import StatusLine
from annotator.ui.suggestion_actions import SuggestionActions
from annotator.ui.welcome import WelcomePanel
from annotator.workspace import Workspace


class MainWindow(QMainWindow):
    """The workbench for one workspace.

    Attributes:
        controller: edits and the open document.
        view, span_view, doc_view, find_bar, label_palette: the parts, for tests and screenshots.
        action_map: every QAction by name (label actions are ``label:NAME``).
    """

    def __init__(self, ws: Workspace, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.controller = AnnotationController(ws, self)
        self.action_map: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._build_widgets()
        self._build_actions()
        self.suggestion_actions = SuggestionActions(self)  # its actions are in the menus
        menus.build_menus(self)
        self.side_docks = SideDocks(self)  # guidelines and statistics, from the View menu
        self.status_line = StatusLine(self.statusBar())
        self._connect()
        self._restore()
        self.refresh_documents()
        self._update_title()
        self.setAcceptDrops(True)  # files dropped on the window are imported

    # -- construction --------------------------------------------------------------------

    def _build_widgets(self) -> None:
        c = self.controller
        self.view = DocumentView(c, self)
        self.find_bar = FindBar(c, self)
        self.find_bar.hide()
        self.doc_model = DocumentListModel(self)
        self.doc_view = DocumentListView(self.doc_model, self)
        self.span_model = SpanListModel(c, self)
        self.span_view = SpanListView(self.span_model, self)
        self.welcome = WelcomePanel(self)
        # the palette wraps its buttons (a FlowLayout) rather than widen the window
        self.palette_host = QWidget(self)
        QVBoxLayout(self.palette_host).setContentsMargins(0, 0, 0, 0)

        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.palette_host)
        self.done_banner = DoneBanner(self)
        column.addWidget(self.done_banner)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(editor)

        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.addWidget(self.doc_view)
        self.side_splitter.addWidget(self.span_view)
        self.side_splitter.setStretchFactor(1, 2)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.addWidget(self.stack)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setSizes([420, 860])  # room for the span list's text
        self.setCentralWidget(self.main_splitter)

    def _action(
        self, name: str, text: str, slot: Callable[..., object],
        checkable: bool = False, view_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        keymap.set_default_keys(action, keymap.DEFAULT_KEYS.get(name, ()))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        if view_only:  # keys that mean something else in the find bar (Enter, Escape)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.span_view.addAction(action)
        else:
            self.addAction(action)
        self.action_map[name] = action
        return action

    def _build_actions(self) -> None:
        a, c = self._action, self.controller
        f = self.file_menu = FileMenu(self)
        a("open_db", self.tr("&Open database…"), f.open_database)
        a("import", self.tr("&Import…"), f.import_documents)
        a("export", self.tr("&Export…"), f.export)
        a("merge", self.tr("&Merge colleague's work…"), f.merge)
        a("annotator_name", self.tr("Annotator &name…"), f.choose_annotator)
        a("quit", self.tr("&Quit"), self.close)
        a("toggle_done", self.tr("Mark document &done / in progress"), c.toggle_done)
        undo = c.undo_group.createUndoAction(self, self.tr("&Undo"))
        redo = c.undo_group.createRedoAction(self, self.tr("&Redo"))
        for name, action in (("undo", undo), ("redo", redo)):
            keymap.set_default_keys(action, keymap.DEFAULT_KEYS[name])
            self.addAction(action)
            self.action_map[name] = action
        a("find", self.tr("&Find…"), self.open_find)
        a("find_next", self.tr("Find next"), self.find_bar.next)
        a("find_previous", self.tr("Find previous"), self.find_bar.previous)
        a("annotate_all", self.tr("&Annotate all occurrences…"), self.annotate_all)
        a("delete", self.tr("&Delete span"), c.remove_current)
        a("proclitic", self.tr("Move span start past next &proclitic"), self.proclitic)
        a("grow_end", self.tr("Move span end one word left (forward)"),
          lambda: c.step_edge("end", True))
        a("shrink_end", self.tr("Move span end one word right (back)"),
          lambda: c.step_edge("end", False))
        a("grow_start", self.tr("Move span start one word right (back)"),
          lambda: c.step_edge("start", True))
        a("shrink_start", self.tr("Move span start one word left (forward)"),
          lambda: c.step_edge("start", False))
        a("next_span", self.tr("Select next span"), lambda: self._step_span(True))
        a("previous_span", self.tr("Select previous span"), lambda: self._step_span(False))
        a("quote_kind", self.tr("Quote &direct / indirect"), c.cycle_attribute)
        a("link", self.tr("&Link quote/claim to speaker/source"), c.start_link)
        a("finish_link", self.tr("Finish link"), c.finish_link, view_only=True)
        a("cancel", self.tr("Cancel link / clear selection"), self.cancel, view_only=True)
        a("unlink", self.tr("&Unlink selected span"), c.unlink_current)
        a("font", self.tr("&Font…"), self.choose_font)
        a("zoom_in", self.tr("Zoom &in"), lambda: self.zoom(1))
        a("zoom_out", self.tr("Zoom &out"), lambda: self.zoom(-1))
        a("exact", self.tr("&Exact selection (no snapping to words)"), self._set_exact,
          checkable=True)
        a("strip", self.tr("&Strip proclitics automatically for entities"), self._set_strip,
          checkable=True)
        a("labels_on_text", self.tr("&Labels on the text"), self._set_labels_on_text,
          checkable=True)
        a("compare", self.tr("&Compare annotators…"), self.compare)
        a("team_progress", self.tr("&Team progress…"), self.team_progress)
        a("shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        a("edit_shortcuts", self.tr("&Keyboard shortcuts…"), self.edit_shortcuts)
        a("about", self.tr("&About"), self.about)
        self.action_map["exact"].setChecked(self.settings.exact_selection)
        self.action_map["strip"].setChecked(self.settings.strip_proclitics)
        self.action_map["labels_on_text"].setChecked(self.settings.show_labels)
        self.view.set_labels_shown(self.settings.show_labels)
        self._install_label_actions()

    def _install_label_actions(self) -> None:
        for name in [n for n in self.action_map if n.startswith("label:")]:
            old = self.action_map.pop(name)
            self.removeAction(old)
            # its key must go now: the old palette's buttons still hold the action until they
            # are deleted, and two live actions on one key fire neither (Qt's ambiguity)
            old.setShortcuts([])
            old.deleteLater()
        for action in label_actions(self.controller.ws.schema, self):
            keymap.set_default_keys(action, keymap.live_keys(action))  # the schema's key
            action.triggered.connect(lambda _=False, act=action: self.tag(act))
            self.addAction(action)
            self.action_map[f"label:{action_label(action).name}"] = action
        # a project schema may give D to a label: the label keeps it
        taken = {k for act in self.label_actions() for k in keymap.live_keys(act)}
        keymap.set_default_keys(
            self.action_map["quote_kind"],
            [k for k in keymap.DEFAULT_KEYS["quote_kind"] if k not in taken],
        )
        self.apply_shortcuts()

    def apply_shortcuts(self) -> None:
        """The annotator's own keys (Edit > Keyboard shortcuts) over the defaults, and the
        palette rebuilt to show them."""
        keymap.apply_bindings(self.action_map, self.settings.shortcut_overrides())
        layout = self.palette_host.layout()
        assert layout is not None
        old = getattr(self, "label_palette", None)
        if old is not None:
            layout.removeWidget(old)
            old.deleteLater()
        self.label_palette = Palette(self.label_actions(), self.palette_host)
        layout.addWidget(self.label_palette)

    def label_actions(self) -> list[QAction]:
        return [act for name, act in self.action_map.items() if name.startswith("label:")]

    def label_tips(self) -> dict[str, str]:
        """Each label action's tooltip (the schema's definition) by its name in the key help."""
        return {action_name(a): a.toolTip() for a in self.label_actions()}

    def _connect(self) -> None:
        c = self.controller
        c.document_opened.connect(self._document_opened)
        c.changed.connect(self._changed)
        c.current_changed.connect(self.span_view.show_span)
        c.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        c.failed.connect(self.show_error)
        c.documents_changed.connect(self._documents_changed)
        c.link_mode_changed.connect(lambda _on: self._update_status())
        self.doc_view.document_chosen.connect(self.open_document)
        self.span_view.span_activated.connect(self.show_span)
        self.find_bar.matches_changed.connect(lambda m: self.view.set_overlay("search", m))
        self.find_bar.match_chosen.connect(self.view.select)
        self.done_banner.reopen_requested.connect(lambda: c.set_status(IN_PROGRESS))
        self.view.context_menu_requested.connect(self.show_context_menu)
        self.welcome.import_requested.connect(self.file_menu.import_documents)
        self.welcome.sample_requested.connect(self.file_menu.open_sample)
        self.welcome.name_requested.connect(self.file_menu.choose_annotator)
        self.status_line.annotator.linkActivated.connect(
            lambda _link: self.file_menu.choose_annotator())

    # -- settings ------------------------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        else:  # 1280 x 800, or less on a smaller screen (a 1366 x 768 laptop)
            fit_to_screen(self, 1280, 800)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.main_splitter.isEmpty():
            self.main_splitter.restoreState(s.main_splitter)
        if not s.side_splitter.isEmpty():
            self.side_splitter.restoreState(s.side_splitter)
        family = s.font_family or arabic_family()
        self.view.set_text_font(family, s.font_size + s.zoom)
        if arabic_family() is None and not s.arabic_font_warned:
            s.arabic_font_warned = True
            QTimer.singleShot(0, self._warn_no_arabic_font)

    def _warn_no_arabic_font(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("No Arabic font"), self.tr(
            "No Arabic font (Noto Naskh Arabic, Amiri) is installed; Arabic may show as boxes. "
            "Install fonts-noto-core (Debian/Ubuntu) or the Amiri font, then restart."
        ), QMessageBox.StandardButton.Ok, self)
        box.open()  # not modal-blocking: the window stays usable

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        s = self.settings
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.main_splitter = self.main_splitter.saveState()
        s.side_splitter = self.side_splitter.saveState()
        s.sync()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = _dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.file_menu.import_dropped(paths)

    # -- documents -----------------------------------------------------------------------

    def refresh_documents(self) -> None:
        rows = self.controller.ws.list_documents()
        self.doc_model.set_rows(rows)
        self.stack.setCurrentIndex(0 if not rows else 1)
        self.welcome.show_annotator(self.controller.ws.annotator)
        self._update_status()
        if self.controller.doc_id >= 0:
            self.doc_view.show_document(self.controller.doc_id)

    def workspace_switched(self) -> None:
        """The controller now works on another database: its schema, labels and documents."""
        self.view.highlighter.set_schema(self.controller.ws.schema)
        self._install_label_actions()
        self.menus["labels"].clear()
        self.menus["labels"].addActions(self.label_actions())
        self.side_docks.set_workspace(self)
        self.refresh_documents()
        self._update_title()

    def open_document(self, doc_id: int) -> None:
        if doc_id != self.controller.doc_id:
            self.controller.cancel_link()
            self.controller.open_document(doc_id)

    def open_document_named(self, name: str) -> bool:
        doc_id = self.controller.ws.find_document(name)
        if doc_id is None:
            self.show_error(self.tr("No document named %s") % name)
            return False
        self.open_document(doc_id)
        return True

    def _document_opened(self, doc_id: int) -> None:
        self.stack.setCurrentIndex(1 if doc_id >= 0 or self.doc_model.rowCount() else 0)
        self.doc_view.show_document(doc_id)
        self._update_status()
        self._update_title()
        self.view.setFocus()

    def _changed(self, change: Change) -> None:
        c = self.controller
        self.doc_model.update_row(c.doc_id, span_count=len(c.index.spans), status=c.status)
        self._update_status()

    def _documents_changed(self) -> None:
        c = self.controller
        if c.doc_id >= 0:
            self.doc_model.update_row(c.doc_id, status=c.status)
            self._update_status()
        else:
            self.refresh_documents()

    # -- tagging -------------------------------------------------------------------------

    def tag(self, action: QAction) -> None:
        c, label = self.controller, action_label(action)
        selection = self.view.selection()
        if selection is None:
            c.apply_label(label, None)
            return
        exact = self.settings.exact_selection or self.view.selection_is_exact()
        span = c.span_for_selection(*selection, label, exact, self.settings.strip_proclitics)
        if span is None:
            self.statusBar().showMessage(self.tr("The selection holds no word"), 4000)
            return
        if c.apply_label(label, span):
            self.view.clear_selection()

    def proclitic(self) -> None:
        """With a selection: move its start past the next proclitic; else resize the span."""
        selection = self.view.selection()
        if selection is None:
            self.controller.cycle_proclitic()
            return
        text = self.controller.text
        snapped = tagging.span_from_selection(
            text, *selection, exact=self.view.selection_is_exact())
        if snapped is None:
            return
        start = tagging.next_proclitic_start(text, *snapped)
        if start is not None:
            self.view.select(start, snapped[1])
            self.view.keep_exact()  # the next tag keeps this exact start

    def show_context_menu(self, pos: int, where: QPoint) -> None:
        from annotator.ui.span_menu import build_menu

        menu = build_menu(self, pos, self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)

    def show_span(self, uuid: str) -> None:
        """A span picked in the list: make it current, scroll to it and flash it."""
        c = self.controller
        c.set_current(uuid)
        span = c.current_span()
        if span is not None:
            self.view.scroll_to(span.start, span.end)
            self.view.flash(span.start, span.end)

    def _step_span(self, forward: bool) -> None:
        span = self.controller.step_current(forward)
        if span is not None:
            self.view.scroll_to(span.start, span.end)

    def cancel(self) -> None:
        self.controller.cancel_link()
        self.view.clear_selection()
        self.controller.set_current("")

    def annotate_all(self) -> None:
        """List the current span's untagged occurrences (Find's rule and options), then tag
        them as one undo step if the annotator agrees; nothing is tagged before that."""
        c = self.controller
        span = c.current_span()
        if span is None:
            self.statusBar().showMessage(self.tr("Select a span first"), 5000)
            return
        hits = c.occurrences_to_tag(span, self.find_bar.options())
        if not hits:
            self.statusBar().showMessage(self.tr("No other untagged occurrence"), 5000)
            return
        dialog = OccurrencesDialog(c.text, hits, span.label, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def tag() -> None:
            count = c.tag_occurrences(span, hits)
            if count:
                self.statusBar().showMessage(self.tr("Tagged %n occurrences", "", count), 5000)

        dialog.accepted.connect(tag)
        dialog.open()  # window-modal: nothing else is edited while it asks

    def open_find(self) -> None:
        selection = self.view.selection()
        seed = self.controller.text[selection[0]:selection[1]] if selection else ""
        self.find_bar.open_bar(seed if "\n" not in seed else "")

    def _set_exact(self, on: bool) -> None:
        self.settings.exact_selection = on
        self._update_status()

    def _set_strip(self, on: bool) -> None:
        self.settings.strip_proclitics = on

    def _set_labels_on_text(self, on: bool) -> None:
        self.settings.show_labels = on
        self.view.set_labels_shown(on)

    # -- status --------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("Not done: %s") % text, 8000)
        QApplication.beep()

    def _update_status(self) -> None:
        c = self.controller
        self.status_line.update(c, self.settings)
        self.done_banner.setVisible(c.doc_id >= 0 and c.status == DONE)

    def _update_title(self) -> None:
        c = self.controller
        title = "Annotator — " + c.ws.display_url
        if c.doc_id >= 0:
            title = f"{c.doc_name} — {title}"
        self.setWindowTitle(title)
        self._update_status()

    # -- review, view and help -----------------------------------------------------------

    def compare(self) -> None:
        from annotator.ui.review.window import open_review  # written alongside

        open_review(self, self.controller.ws, self.controller.doc_id, self.settings)

    def team_progress(self) -> None:
        from annotator.ui.team_dialog import TeamProgressDialog

        TeamProgressDialog(self.controller.ws, self).exec()

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.font(), self, self.tr("Document font"))
        if ok:
            self.settings.font_family = font.family()
            self.settings.font_size = font.pointSizeF() - self.settings.zoom
            self.view.set_text_font(font.family(), font.pointSizeF())

    def zoom(self, steps: int) -> None:
        s = self.settings
        s.zoom = max(-8, min(40, s.zoom + steps))
        self.view.set_text_font(s.font_family or arabic_family(), s.font_size + s.zoom)

    def set_language(self, lang: str) -> None:
        if lang == self.settings.language:
            return
        self.settings.language = lang
        QMessageBox.information(
            self, self.tr("Interface language"),
            self.tr("The interface language changes the next time the program starts."),
        )

    def shortcut_groups(self) -> list[tuple[str, list[QAction]]]:
        return menus.shortcut_groups(self)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(shortcut_rows(self.shortcut_groups()), self, self.label_tips()).exec()

    def edit_shortcuts(self) -> None:
        """Edit > Keyboard shortcuts…: saved in the settings and applied when accepted."""
        editor = ShortcutEditor(self.shortcut_groups(), self.action_map, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save() -> None:
            self.settings.set_shortcut_overrides(editor.overrides())
            self.apply_shortcuts()
            self.statusBar().showMessage(self.tr("Keyboard shortcuts saved"), 5000)

        editor.accepted.connect(save)
        editor.open()

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Annotator"),
            self.tr("Arabic annotation workbench %s: entities, claims and quotes, with links, "
                    "review and agreement.") % QCoreApplication.applicationVersion(),
        )


def _dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[str]:
    """The local files and folders a drag carries (none for text or web links)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
