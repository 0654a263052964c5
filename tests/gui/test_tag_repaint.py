"""A tag repaints its paragraph, not the whole page, and what it paints is what a whole repaint
would show.

Qt reports a re-highlighted paragraph as a change reaching into the next one, and the
plain-text layout then repaints the viewport; in a corpus shown as hundreds of short
paragraphs each tag paid for a screenful of text, tags, brackets and suggestions. The tag
below is pressed as a user does; the painted region is read from the viewport's paint
events, and the pixels after the tag are compared with a full repaint of the same state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import find_nth, press, select_and_press
from helpers.file_alone import count_in_file_alone
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSizeF
from PySide6.QtGui import QImage, QPaintEvent, QRegion, QTextCharFormat
from PySide6.QtWidgets import QApplication

from annotator.core.commands import RemoveSpan
from annotator.core.model import ImportedDocument, Span
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.workspace import Workspace, suggestions
from annotator.workspace.importing import store

SENTENCES = [
    "\u200fقالت منظمةُ الصحـــة العالمية في جنيف 😀 إن صحيفة Moscow Times نشرت الخبر.",
    "وقال الرئيس فلاديمير بوتين إن المحادثات ستستمر حتى عام ٢٠٢٤ في موسكو.",
    "وأضاف المتحدث باسم الكرملين أن الوفد سيصل إلى القاهرة يوم الأحد.",
    "ونقلت وكالة رويترز عن مسؤول مصري قوله إن الاجتماع سيعقد في الإسكندرية.",
    "وكان وزير الخارجيــة قد التقى نظيره الفرنسي في باريس الشهر الماضي.",
    "وقالت مصادر إن القمة ستبحث ملف الطاقة والغذاء والمياه في المنطقة.",
]
TEXT = "\n".join(SENTENCES)
# counted in the database file alone (without its log)
ENTITIES = "SELECT count(*) FROM span WHERE layer = 'entity'"


class PaintRegions(QObject):
    """The region of each paint event a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.regions.append(QRegion(event.region()))
        return False


@pytest.fixture
def win(qtbot, db_path: Path, settings: Settings) -> MainWindow:
    ws = Workspace.open(str(db_path), "tester")
    doc_id = store(ws, [ImportedDocument("news", TEXT)]).doc_ids[0]
    at = find_nth(TEXT, "بوتين")
    ws.repo.insert_spans(doc_id, [Span(at, at + len("بوتين"), "entity", "PER", annotator="x")])
    # a suggestion in the last paragraph, far from the tag: it must not make the tag repaint
    # the page
    far = find_nth(TEXT, "الطاقة")
    suggestion = Span(far, far + len("الطاقة"), "entity", "MISC")
    suggestions.import_as_suggestions(ws, [ImportedDocument("news", TEXT, spans=[suggestion])],
                                      "x")
    window = MainWindow(ws, settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_document(doc_id)
    window.view.setFocus()
    return window


def block_rect(win: MainWindow, pos: int) -> QRect:
    view = win.view
    block = view.document().findBlock(win.controller.offsets.to_qt(pos))
    return view.blockBoundingGeometry(block).translated(view.contentOffset()).toAlignedRect()


def tag_and_watch(win: MainWindow, qtbot, needle: str) -> QRegion:
    """Tags ``needle`` with key 1; returns the region the view repainted for it."""
    view = win.view
    qtbot.waitUntil(lambda: win.suggestion_actions.state.shown != [])
    watch = PaintRegions()
    view.viewport().installEventFilter(watch)
    start = find_nth(TEXT, needle)
    view.select(start, start + len(needle))
    qtbot.waitUntil(lambda: watch.regions != [])  # the selection's own repaint
    watch.regions.clear()
    select_and_press(win, start, start + len(needle), "1")
    qtbot.waitUntil(lambda: watch.regions != [])
    qtbot.waitUntil(lambda: not win.suggestion_actions.state.echo_pending())
    view.viewport().removeEventFilter(watch)
    region = QRegion()
    for r in watch.regions:
        region = region.united(r)
    return region


@pytest.mark.parametrize("labels_shown", [True, False])
def test_a_tag_repaints_its_paragraph_and_the_strip_its_tags_reach(
    win: MainWindow, qtbot, labels_shown: bool
) -> None:
    win.view.set_labels_shown(labels_shown)
    region = tag_and_watch(win, qtbot, "القاهرة")
    paragraph = block_rect(win, find_nth(TEXT, "القاهرة"))
    reach = round(win.view.mark_metrics().tag_height) + 1 if labels_shown else 0
    # Qt pads what it repaints of a selection by a pixel or two
    allowed = QRegion(paragraph.adjusted(0, -reach - 2, 0, 2))
    assert not region.isEmpty()
    assert region.subtracted(allowed).isEmpty(), (
        f"repainted {region.boundingRect()} for a tag in {paragraph}"
    )
    whole = win.view.viewport().rect()
    assert region.boundingRect().height() < whole.height() / 2


@pytest.mark.parametrize("needle", ["القاهرة", "Moscow Times", "٢٠٢٤", "ملف"])
@pytest.mark.parametrize("then", ["", "2", "Ctrl+Z"])
def test_what_a_tag_repaints_is_what_a_whole_repaint_shows(
    win: MainWindow, qtbot, needle: str, then: str
) -> None:
    """Its tag over its first letter, its brackets, its tint, a suggestion beside it (ملف),
    and after a relabel (2) or an undo, which no selection repaints: nothing stale and
    nothing missing on the screen."""
    win.view.setCursorWidth(0)  # a blinking caret would differ between two screenshots
    tag_and_watch(win, qtbot, needle)
    if then:
        press(win, then)
    settle()
    after = on_screen(win)
    win.view.viewport().repaint()  # everything, now
    settle()
    assert after == on_screen(win)


def settle() -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def on_screen(win: MainWindow) -> QImage:
    """The viewport as the window's backing store holds it: what the paints so far left there
    (``QWidget.grab`` would paint it afresh)."""
    viewport = win.view.viewport()
    shot = win.screen().grabWindow(win.winId()).toImage()
    ratio = shot.devicePixelRatio()
    top_left = viewport.mapTo(win, QPoint(0, 0)) * ratio
    return shot.copy(QRect(top_left, viewport.size() * ratio))


def test_a_paragraph_a_tag_makes_taller_moves_the_ones_below(win: MainWindow, qtbot) -> None:
    """No shipped style changes the size of letters, but shaping can change where a line
    wraps: then the paragraphs below move, and the whole page and the scroll range follow."""
    big = QTextCharFormat()
    big.setFontPointSize(40)
    win.view.highlighter._format = lambda _covering: big  # type: ignore[method-assign]
    sizes: list[QSizeF] = []
    win.view.document().documentLayout().documentSizeChanged.connect(sizes.append)
    win.view.setCursorWidth(0)
    region = tag_and_watch(win, qtbot, "القاهرة")
    assert sizes, "the scroll range was not told"
    below = block_rect(win, find_nth(TEXT, "الإسكندرية"))
    assert region.contains(below)
    settle()
    after = on_screen(win)
    win.view.viewport().repaint()
    settle()
    assert after == on_screen(win)


def test_the_log_goes_back_into_the_database_file_in_a_pause_not_in_a_key(
    win: MainWindow, qtbot, db_path: Path
) -> None:
    """A tag's commit leaves SQLite's log as it is (its copy-back took one key in ~250 a
    10 ms fsync); a moment after the last key the database file itself holds the tag."""
    ws = win.controller.ws
    doc_id = win.controller.doc_id
    start = find_nth(TEXT, "القاهرة")
    assert ws.checkpoint() and count_in_file_alone(db_path, ENTITIES) == 1  # the fixture's بوتين
    for _ in range(5):  # a burst of tags and removals: the log grows, the file does not
        select_and_press(win, start, start + len("القاهرة"), "1")
        win.controller.execute(RemoveSpan(win.controller.current))
    select_and_press(win, start, start + len("القاهرة"), "1")
    assert count_in_file_alone(db_path, ENTITIES) == 1
    qtbot.waitUntil(lambda: count_in_file_alone(db_path, ENTITIES) == 2, timeout=5000)
    assert [s.start for s in ws.spans(doc_id)] == [start]  # the last tag, stored as said
