"""The review window: two or more annotators side by side, their disagreements, and gold.

View > Merged (or V) shows the annotators in one pane instead, differences marked (see
``ui.review.merged``); every key below works in both views.

Keys (also on the buttons' tooltips):
    N or F8 / P or Shift+F8   next / previous disagreement
    1..9 or A, B, C...        accept the 1st, 2nd, 3rd... annotator's side
    + or H                    both (every span drawn there)
    - or X                    neither
    E                         edit: the first side in an editor (select the extent, label,
                              attributes); OK decides, Cancel changes nothing
    V                         side by side <-> merged
    Ctrl+Z / Ctrl+Shift+Z     undo / redo a decision

Agreements are written into gold when a document is first reviewed (see
``workspace.review.ReviewSession.prefill``); decisions go through the gold pane's
controller, so they sit on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from string import ascii_uppercase

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.adjudication import BOTH, EDIT, NEITHER, accept
from annotator.core.errors import AnnotatorError
from annotator.core.model import DONE, GOLD
from annotator.core.review import Disagreement, default_annotators
from annotator.ui.cell_direction import ContentDirectionDelegate, isolated
from annotator.ui.review.edit_dialog import GoldSpanEditor
from annotator.ui.review.merged import MergedPane
from annotator.ui.review.pane import ReviewPane
from annotator.ui.review.zoom import PaneZoom
from annotator.ui.screen_fit import fit_to_screen
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

EditRunner = Callable[[GoldSpanEditor], bool]
SIDE_BY_SIDE = "side_by_side"
MERGED = "merged"


def _run_editor(dialog: GoldSpanEditor) -> bool:
    return dialog.exec() == GoldSpanEditor.DialogCode.Accepted


class ReviewWindow(QMainWindow):
    """Compare annotators on a document and decide the gold.

    Attributes:
        session: the review of the shown document (None before Compare).
        panes: one per compared annotator, then the gold pane.
        merged: all compared annotators in one pane (None before Compare).
        view_mode: SIDE_BY_SIDE (the annotators' panes) or MERGED (the merged pane); gold
            shows in both.
        view_actions: View menu's action of each mode.
        disagreements: the list of disagreements; its row is the current one.
    """

    def __init__(
        self,
        ws: Workspace,
        doc_id: int | None = None,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ):
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(self.tr("Review and adjudicate"))
        self.ws = ws
        self.session: ReviewSession | None = None
        self.panes: list[ReviewPane] = []
        self.merged: MergedPane | None = None
        self.view_mode = SIDE_BY_SIDE
        self.run_editor: EditRunner = _run_editor
        self._syncing = False

        self.zoom = PaneZoom(self.settings)
        # names read in their own direction, whatever the interface's (see ui.cell_direction)
        self.documents = QComboBox(self)
        self.documents.setItemDelegate(ContentDirectionDelegate(self.documents))
        stale = ws.gold_out_of_date()
        for row in ws.list_documents():
            later = stale.get(row.id)
            if later:  # someone edited after adjudication: their change is not in gold
                self.documents.addItem(isolated(row.name) + " — " + self.tr("gold out of date"),
                                       row.id)
                self.documents.setItemData(
                    self.documents.count() - 1,
                    self.tr("Edited after adjudication by: %1").replace("%1", ", ".join(later)),
                    Qt.ItemDataRole.ToolTipRole)
            else:
                self.documents.addItem(isolated(row.name), row.id)
        if doc_id is not None and doc_id >= 0:
            self.documents.setCurrentIndex(max(self.documents.findData(doc_id), 0))
        self.annotators = QListWidget(self)
        self.annotators.setItemDelegate(ContentDirectionDelegate(self.annotators))
        self.annotators.setFlow(QListWidget.Flow.LeftToRight)
        self.annotators.setMaximumHeight(40)
        for name in default_annotators(ws.annotators()):
            item = QListWidgetItem(name, self.annotators)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        for i in range(min(2, self.annotators.count())):
            self.annotators.item(i).setCheckState(Qt.CheckState.Checked)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.clicked.connect(self.start)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document"), self))
        top.addWidget(self.documents, 2)
        top.addWidget(QLabel(self.tr("Annotators"), self))
        top.addWidget(self.annotators, 3)
        top.addWidget(self.compare_button)

        self.pane_box = QSplitter(Qt.Orientation.Horizontal, self)
        self.disagreements = QListWidget(self)
        self.disagreements.setItemDelegate(ContentDirectionDelegate(self.disagreements))
        self.disagreements.currentRowChanged.connect(self._show_current)
        self.summary = QLabel(self)
        self.buttons = QHBoxLayout()
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.disagreements)
        lower_layout.addLayout(self.buttons)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.pane_box)
        self.split.addWidget(lower)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([560, 200])  # the text gets the room; the list scrolls
        # what the window needs, in words, where it would otherwise stay empty
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setMargin(24)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.notice, 1)
        layout.addWidget(self.split)
        self.setCentralWidget(central)
        self._view_menu()
        self._shortcuts()
        self._say_what_is_needed()
        fit_to_screen(self, 1200, 800)

    # -- choosing what to compare --------------------------------------------------------

    def chosen_annotators(self) -> list[str]:
        return [
            self.annotators.item(i).text()
            for i in range(self.annotators.count())
            if self.annotators.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _say_what_is_needed(self, chosen: list[str] | None = None) -> bool:
        """Show in words why there is nothing to compare (hiding the empty panes); False when
        there is something."""
        present = [self.annotators.item(i).text() for i in range(self.annotators.count())]
        if len(present) < 2:
            who = (
                self.tr("this database has only %1").replace("%1", present[0]) if present
                else self.tr("this database has no annotations yet")
            )
            words = self.tr(
                "Review compares two annotators' work; %1.\n\nBring in a colleague's work: "
                "File > Merge colleague's work… takes their database file or JSONL export, or "
                "on the command line: annotator import THEIR_FILE --annotator THEIR_NAME."
            ).replace("%1", who)
        elif self.documents.count() == 0:
            words = self.tr("There are no documents to review: import some first (File > Import…).")
        elif chosen is not None and len(chosen) < 2:
            words = self.tr("Tick two or more annotators above, then press Compare.")
        else:
            self.notice.hide()
            self.split.show()
            return False
        self.notice.setText(words)
        self.notice.show()
        self.split.setVisible(self.session is not None)
        return True

    def start(self) -> None:
        """Compare the chosen annotators on the chosen document; pre-fill the agreements."""
        names = self.chosen_annotators()
        doc_id = self.documents.currentData()
        if self._say_what_is_needed(names) or doc_id is None:
            return
        self.session = ReviewSession(self.ws, int(doc_id), names)
        self._build_panes(int(doc_id), names)
        self.session.run = self.gold.controller.execute
        # a refused decision or undo (a colleague decided meanwhile...) is said, not swallowed
        self.gold.controller.failed.connect(self._refused)
        written = self.session.prefill()
        if written:
            self.gold.open(int(doc_id))  # show what the pre-fill wrote
        stack = self.gold.controller.undo_group.activeStack()
        if stack is not None:
            stack.indexChanged.connect(self._undo_moved)  # a bound slot: gone with the window
        self._decision_buttons(names)
        self.refresh()
        if self.disagreements.count():
            self.disagreements.setCurrentRow(0)

    def _undo_moved(self, _index: int) -> None:
        self.refresh()

    def _refused(self, reason: str) -> None:
        self.statusBar().showMessage(self.tr("Refused: %1").replace("%1", reason), 10000)

    def _build_panes(self, doc_id: int, names: list[str]) -> None:
        for pane in self._all_panes():
            pane.setParent(None)
            pane.deleteLater()
        self.panes = []
        titles = [f"{ascii_uppercase[i]}: {name}" for i, name in enumerate(names)]
        for name, title in zip(names, titles, strict=True):
            self.panes.append(ReviewPane(self.ws, name, title, self.pane_box))
        assert self.session is not None
        self.merged = MergedPane(self.ws, self.tr("merged: %s") % " · ".join(titles),
                                 self.pane_box)
        self.panes.append(ReviewPane(self.ws, GOLD, self.tr("gold"), self.pane_box))
        for pane in self._all_panes():
            self.pane_box.addWidget(pane)
            if pane is self.merged:
                self.merged.show_comparison(doc_id, self.session.comparison)
            else:
                pane.open(doc_id)
            pane.view.verticalScrollBar().valueChanged.connect(
                lambda value, source=pane: self._sync_scroll(source, value)
            )
        self.zoom.apply(self._all_panes())
        self._show_mode()

    def _all_panes(self) -> list[ReviewPane]:
        """The annotators' panes, the merged pane, then gold: the splitter's order."""
        if self.merged is None:
            return list(self.panes)
        return [*self.panes[:-1], self.merged, *self.panes[-1:]]

    @property
    def gold(self) -> ReviewPane:
        return self.panes[-1]

    def _sync_scroll(self, source: ReviewPane, value: int) -> None:
        """Same text, same width: the same scroll position shows the same lines."""
        if self._syncing:
            return
        self._syncing = True
        try:
            for pane in self._all_panes():
                if pane is not source:
                    pane.view.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False

    # -- the list of disagreements -------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the list with each disagreement's decision, keeping the current row."""
        if self.session is None:
            return
        row = self.disagreements.currentRow()
        decisions = self.session.decisions()
        text = self.gold.controller.text
        self.disagreements.blockSignals(True)
        self.disagreements.clear()
        for i, (d, decision) in enumerate(zip(self.session.disagreements, decisions, strict=True)):
            excerpt = " ".join(text[d.start : d.end].split())[:40]
            item = QListWidgetItem(
                f"{i + 1}. [{decision or self.tr('open')}] {d.layer} «{excerpt}» "
                f"{d.describe()}",
                self.disagreements,
            )
            item.setData(Qt.ItemDataRole.UserRole, decision)
        self.disagreements.blockSignals(False)
        done = sum(1 for d in decisions if d is not None)
        self.summary.setText(
            self.tr("%d disagreements, %d decided; %d agreements accepted in advance")
            % (len(decisions), done, len(self.session.comparison.agreements))
        )
        if 0 <= row < self.disagreements.count():
            self.disagreements.setCurrentRow(row)
        self._show_current(self.disagreements.currentRow())

    def current(self) -> Disagreement | None:
        row = self.disagreements.currentRow()
        if self.session is None or not 0 <= row < len(self.session.disagreements):
            return None
        return self.session.disagreements[row]

    def _show_current(self, _row: int) -> None:
        if self.session is None:
            return
        ranges = [(d.start, d.end) for d in self.session.disagreements]
        here = self.current()
        for pane in self._all_panes():
            pane.mark(ranges, (here.start, here.end) if here else None)

    # -- side by side or merged ----------------------------------------------------------

    def set_view(self, mode: str) -> None:
        """Show the annotators side by side (SIDE_BY_SIDE) or in one merged pane (MERGED)."""
        if mode not in (SIDE_BY_SIDE, MERGED):
            raise ValueError(f"unknown review view {mode!r}")
        self.view_mode = mode
        self._show_mode()

    def toggle_view(self) -> None:
        self.set_view(MERGED if self.view_mode == SIDE_BY_SIDE else SIDE_BY_SIDE)

    def _show_mode(self) -> None:
        merged = self.view_mode == MERGED
        self.view_actions[self.view_mode].setChecked(True)
        for pane in self.panes[:-1]:
            pane.setVisible(not merged)
        if self.merged is not None:
            self.merged.setVisible(merged)
            # the pane shown takes the others' scroll position
            shown = self.merged if merged else (self.panes[0] if self.panes else None)
            if shown is not None and self.panes:
                value = self.gold.view.verticalScrollBar().value()
                shown.view.verticalScrollBar().setValue(value)

    def _view_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&View"))
        group = QActionGroup(self)
        self.view_actions: dict[str, QAction] = {}
        for mode, text in ((SIDE_BY_SIDE, self.tr("&Side by side")),
                           (MERGED, self.tr("&Merged, differences marked"))):
            action = QAction(text, self, checkable=True)
            action.setToolTip(self.tr("V switches between the two"))
            action.triggered.connect(lambda _checked=False, m=mode: self.set_view(m))
            group.addAction(action)
            menu.addAction(action)
            self.view_actions[mode] = action
        self.view_actions[self.view_mode].setChecked(True)
        menu.addSeparator()
        # the panes' text size, remembered (ui.review.zoom); Ctrl+= because Ctrl++ takes Shift
        for text, keys, steps in ((self.tr("Zoom &in"), ("Ctrl++", "Ctrl+="), 1),
                                  (self.tr("Zoom &out"), ("Ctrl+-",), -1),
                                  (self.tr("&Actual size"), ("Ctrl+0",), 0)):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(
                lambda _checked=False, n=steps: self.zoom.step(n, self._all_panes())
            )
            menu.addAction(action)
            self.addAction(action)  # the keys work with the menu bar hidden too

    def go(self, step: int) -> None:
        count = self.disagreements.count()
        if count:
            row = self.disagreements.currentRow()
            self.disagreements.setCurrentRow((row + step) % count if row >= 0 else 0)

    # -- deciding ------------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        """Decide the current disagreement, then move to the next open one."""
        row = self.disagreements.currentRow()
        if self.session is None or row < 0:
            return
        self.session.decide(row, decision)
        self.refresh()
        self._next_open(row)

    def _next_open(self, row: int) -> None:
        count = self.disagreements.count()
        for k in range(1, count + 1):
            i = (row + k) % count
            if self.disagreements.item(i).data(Qt.ItemDataRole.UserRole) is None:
                self.disagreements.setCurrentRow(i)
                return

    def edit(self) -> None:
        """Open the first side that drew something in the editor; decide only on OK.

        Cancel writes nothing: the disagreement stays open and gold as it was.
        """
        row = self.disagreements.currentRow()
        here = self.current()
        if self.session is None or here is None:
            return
        chosen = next((name for name in here.annotators if here.of(name)), None)
        if chosen is None:
            return
        dialog = GoldSpanEditor(here.of(chosen)[0], self.gold.controller.text,
                                self.ws.schema, self)
        dialog.pane.setFont(self.gold.view.font())  # the panes' font and zoom, not the chrome's
        if not self.run_editor(dialog):
            self.statusBar().showMessage(
                self.tr("Edit cancelled: nothing was written to gold."), 10000
            )
            return
        self.session.decide(row, EDIT, chosen, edited=dialog.edited_span())
        self.refresh()
        self._next_open(row)

    def undo(self) -> None:
        stack = self.gold.controller.undo_group.activeStack() if self.panes else None
        if stack is not None:
            stack.undo()

    def redo(self) -> None:
        stack = self.gold.controller.undo_group.activeStack() if self.panes else None
        if stack is not None:
            stack.redo()

    def mark_gold_done(self) -> None:
        if self.session is None:
            return
        try:
            self.ws.set_status(self.session.doc_id, DONE, GOLD)
        except AnnotatorError as exc:
            self._refused(str(exc))
            return
        self.statusBar().showMessage(self.tr("Gold marked done for this document"), 4000)

    # -- keys and buttons ----------------------------------------------------------------

    def _key(self, keys: tuple[str, ...], slot: Callable[[], None]) -> None:
        for key in keys:
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    def _shortcuts(self) -> None:
        self._key(("N", "F8"), lambda: self.go(1))
        self._key(("P", "Shift+F8"), lambda: self.go(-1))
        self._key(("+", "H"), lambda: self.decide(BOTH))
        self._key(("-", "X"), lambda: self.decide(NEITHER))
        self._key(("E",), self.edit)
        self._key(("V",), self.toggle_view)
        self._key(("Ctrl+Z",), self.undo)
        self._key(("Ctrl+Shift+Z", "Ctrl+Y"), self.redo)
        for i in range(9):
            keys = (str(i + 1), ascii_uppercase[i]) if ascii_uppercase[i] not in "EHNPVX" else (
                str(i + 1),
            )
            self._key(keys, partial(self._accept, i))

    def _accept(self, index: int) -> None:
        if self.session is not None and index < len(self.session.annotators):
            self.decide(accept(index))

    def _decision_buttons(self, names: list[str]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        entries: list[tuple[str, str, Callable[[], None]]] = [
            (self.tr("◀ Previous"), "P, Shift+F8", lambda: self.go(-1)),
            (self.tr("Next ▶"), "N, F8", lambda: self.go(1)),
        ]
        for i, name in enumerate(names):
            entries.append(
                (self.tr("Accept %s (%s)") % (ascii_uppercase[i], name), f"{i + 1}",
                 partial(self._accept, i))
            )
        entries += [
            (self.tr("Both"), "+, H", lambda: self.decide(BOTH)),
            (self.tr("Neither"), "-, X", lambda: self.decide(NEITHER)),
            (self.tr("Edit…"), "E", self.edit),
            (self.tr("Mark gold done"), "", self.mark_gold_done),
        ]
        for text, keys, slot in entries:
            button = QPushButton(text, self)
            button.setToolTip(keys)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the window
            button.clicked.connect(slot)
            self.buttons.addWidget(button)


def open_review(
    parent: QWidget | None, ws: Workspace, doc_id: int | None, settings: Settings | None = None
) -> None:
    """Open the review window (non-modal) on ``doc_id``, comparing the first two annotators."""
    window = ReviewWindow(ws, doc_id, parent, settings)
    if parent is not None:  # a window of its own, on the workbench's screen
        fit_to_screen(window, 1200, 800)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.Window)
    window.show()
    if len(window.chosen_annotators()) >= 2 and window.documents.count():
        window.start()
