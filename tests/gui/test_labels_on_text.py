"""Labels drawn on the text, brackets by nesting depth, and the arc from a quote to its speaker.

The view computes where each mark goes (``span_marks``, ``link_lines``) from Qt's own text
layout and paints exactly that; these tests check the computed places against Qt's independent
answers (caret rectangles, hit tests) and the painted pixels, in right-to-left Arabic with
diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji before spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.core.model import ImportedDocument, Relation, Span
from annotator.ui.controller import AnnotationController
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import arabic_family
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.span_list import COLUMNS, SpanListModel
from annotator.ui.span_marks import SpanMark
from annotator.workspace import Workspace
from annotator.workspace.importing import store

LINE_1 = (
    "\u200fقالت منظمةُ الصحـــة العالمية في جنيف 😀 إن صحيفة Moscow Times نشرت الخبر "
    "عام ٢٠٢٤."
)
LINE_2 = "وقال الرئيس فلاديمير بوتين: «سنواصل العمل مع الجميع»."
TEXT = LINE_1 + "\n" + LINE_2
ISOLATES = "\u2066\u2067\u2068\u2069"


def at(needle: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_span(needle: str, layer: str, label: str, **attrs: str) -> Span:
    return Span(*at(needle), layer, label, attributes=attrs, annotator="tester")


ORG = make_span("منظمةُ الصحـــة العالمية", "entity", "ORG")
MISC = make_span("الصحـــة", "entity", "MISC")  # same-layer nesting: inside the ORG
CLAIM = make_span("منظمةُ الصحـــة العالمية في جنيف", "claim", "CLAIM")  # starts with the ORG
LATIN = make_span("Moscow Times", "entity", "ORG")  # a left-to-right run after an emoji
PER = make_span("فلاديمير بوتين", "entity", "PER")
QUOTE = make_span("«سنواصل العمل مع الجميع»", "quote", "QUOTE", direct="direct")
SPEAKER = Relation("speaker", QUOTE.uuid, PER.uuid, annotator="tester")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[tuple[Workspace, int]]:
    ws = Workspace.open(str(tmp_path / "labels.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("labels", TEXT)]).doc_ids[0]
    ws.repo.insert_spans(doc_id, [ORG, MISC, CLAIM, LATIN, PER, QUOTE])
    ws.repo.insert_relations(doc_id, [SPEAKER])
    yield ws, doc_id
    ws.close()


def shown_view(qtbot: QtBot, ws: Workspace, doc_id: int, width: int = 900) -> DocumentView:
    controller = AnnotationController(ws)
    view = DocumentView(controller)
    qtbot.addWidget(view)
    view.set_text_font(arabic_family(), 16)
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    controller.open_document(doc_id)
    return view


def mark_of(view: DocumentView, span: Span) -> SpanMark:
    found = [m for m in view.span_marks() if m.span.uuid == span.uuid]
    assert len(found) == 1, f"{len(found)} marks for {span.label}"
    return found[0]


def caret(view: DocumentView, pos: int) -> QRectF:
    """Qt's own caret rectangle at code point ``pos`` (viewport pixels)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.controller.offsets.to_qt(pos))
    return QRectF(view.cursorRect(cursor))


def test_a_right_to_left_span_has_its_label_at_its_right_hand_start_above_the_letters(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    view = shown_view(qtbot, *ws)
    mark = mark_of(view, PER)
    assert mark.rtl and mark.tag is not None
    start = caret(view, PER.start)
    # the tag hangs leftwards from where the span's first letter begins (its right edge)
    assert abs(mark.tag.right() - start.x()) <= 1.5
    # over the span's first letter, not its neighbour's
    probe = QPoint(round(mark.tag.right() - 2), round(start.center().y()))
    assert view.position_at(probe) in (PER.start, PER.start + 1)
    # above the letters of the span's own line: at most its upper third reaches into the
    # room under the line above
    assert start.top() - mark.tag.height() / 3 - 0.5 <= mark.tag.top()
    assert mark.tag.bottom() <= start.top() + 0.45 * start.height()
    assert mark.label == "PER"


def test_a_latin_run_starts_on_its_left_and_its_label_hangs_rightwards(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    view = shown_view(qtbot, *ws)
    mark = mark_of(view, LATIN)
    assert not mark.rtl and mark.tag is not None
    line = caret(view, LATIN.start + 1)  # between M and o: inside the run, unambiguous
    assert mark.tag.left() < line.x() < mark.tag.right()  # the tag starts left of "o"
    probe = QPoint(round(mark.tag.left() + 2), round(line.center().y()))
    assert view.position_at(probe) in (LATIN.start, LATIN.start + 1)  # over the M
    assert line.top() - mark.tag.height() / 3 - 0.5 <= mark.tag.top()
    assert mark.tag.bottom() <= line.top() + 0.45 * line.height()


def test_nested_spans_get_deeper_brackets_and_labels_that_do_not_overlap(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    view = shown_view(qtbot, *ws)
    misc, org, claim = (mark_of(view, s) for s in (MISC, ORG, CLAIM))
    # same-layer nesting (MISC in ORG) and across layers (ORG in CLAIM) each take a level
    assert misc.depth < org.depth < claim.depth
    assert misc.pieces[0].foot < org.pieces[0].foot < claim.pieces[0].foot
    # every bracket foot stays inside the line box, below the baseline
    for mark in (misc, org, claim):
        piece = mark.pieces[0]
        assert piece.baseline < piece.foot <= piece.bottom
    # the claim and the ORG start on the same letter: the outer one's label keeps the start,
    # the inner one's comes next in reading order (leftwards), on the same band
    assert org.tag is not None and claim.tag is not None
    assert abs(claim.tag.right() - caret(view, ORG.start).x()) <= 1.5
    assert org.tag.right() < claim.tag.left()
    assert abs(org.tag.top() - claim.tag.top()) < 1
    # spans that do not overlap need no depth
    assert mark_of(view, PER).depth == 0


def test_the_labels_are_painted_in_the_label_colour(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    view = shown_view(qtbot, *ws)
    mark = mark_of(view, PER)
    assert mark.tag is not None
    colour = view.highlighter.color("entity", "PER")
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def colours_in(rect: QRectF) -> set[str]:
        return {
            image.pixelColor(round(x * ratio), round(y * ratio)).name()
            for x in range(int(rect.left()) + 1, int(rect.right()))
            for y in range(int(rect.top()) + 1, int(rect.bottom()))
        }

    assert colour.name() in colours_in(mark.tag)
    view.set_labels_shown(False)
    assert view.span_marks() == []
    image = view.viewport().grab().toImage()
    assert colour.name() not in colours_in(mark.tag)


def test_the_current_quote_draws_a_line_to_its_speaker(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    view = shown_view(qtbot, *ws)
    assert view.link_lines() == []  # nothing current: no line
    view.controller.set_current(QUOTE.uuid)
    (line,) = view.link_lines()
    assert line.kind == "speaker" and line.off_screen == ""
    quote, per = mark_of(view, QUOTE).pieces[0], mark_of(view, PER).pieces[0]
    assert quote.left <= line.head.x() <= quote.right
    assert per.left <= line.tail.x() <= per.right
    assert abs(line.head.y() - quote.top) <= 1 and abs(line.tail.y() - per.top) <= 1
    # the speaker current shows the same link, still from the quote to the speaker
    view.controller.set_current(PER.uuid)
    (back,) = view.link_lines()
    assert (back.head, back.tail) == (line.head, line.tail)
    view.set_labels_shown(False)
    assert view.link_lines() == []


def test_a_speaker_off_screen_gets_an_arrow_to_the_edge_that_names_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    filler = "\n".join(f"سطر رقم {i} من النص الطويل" for i in range(200))
    text = LINE_2.replace("فلاديمير بوتين", "الرئيس") + "\n" + filler + "\n" + LINE_2
    ws = Workspace.open(str(tmp_path / "far.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("far", text)]).doc_ids[0]
    quote_at = text.index("«سنواصل العمل مع الجميع»")
    quote = Span(quote_at, quote_at + 24, "quote", "QUOTE", annotator="tester")
    per_at = text.rindex("فلاديمير بوتين")
    per = Span(per_at, per_at + len("فلاديمير بوتين"), "entity", "PER", annotator="tester")
    ws.repo.insert_spans(doc_id, [quote, per])
    ws.repo.insert_relations(doc_id, [Relation("speaker", quote.uuid, per.uuid,
                                               annotator="tester")])
    view = shown_view(qtbot, ws, doc_id)
    view.controller.set_current(quote.uuid)
    (line,) = view.link_lines()
    assert line.off_screen == "below"
    assert line.tail.y() == view.viewport().height()
    assert line.far_text == "speaker: فلاديمير بوتين"
    piece = mark_of(view, quote).pieces[0]
    assert piece.left <= line.head.x() <= piece.right
    # scrolled to the speaker, the quote is the one off screen (above)
    view.scroll_to(per.start, per.end)
    qtbot.waitUntil(lambda: view.firstVisibleBlock().blockNumber() > 0)
    (line,) = view.link_lines()
    assert line.off_screen == "above" and line.head.y() == 0
    assert line.far_text.startswith("speaker: «سنواصل")
    ws.close()


def test_labels_on_text_toggle_from_the_view_menu_and_are_remembered(
    window: MainWindow, settings: Settings, qtbot: QtBot
) -> None:
    action = window.action_map["labels_on_text"]
    assert action in window.menus["view"].actions()
    assert action.isCheckable() and action.isChecked() and window.view.labels_shown
    text = window.controller.text
    start = text.index("موسكو")
    window.view.select(start, start + 5)
    window.action_map["label:GPE"].trigger()
    assert [m.label for m in window.view.span_marks()] == ["GPE"]
    action.trigger()
    assert not window.view.labels_shown and window.view.span_marks() == []
    assert settings.show_labels is False
    again = MainWindow(window.controller.ws, settings)
    qtbot.addWidget(again)
    assert not again.action_map["labels_on_text"].isChecked()
    assert not again.view.labels_shown


def test_the_span_list_names_the_other_end_of_a_link(
    qtbot: QtBot, ws: tuple[Workspace, int]
) -> None:
    controller = AnnotationController(ws[0])
    model = SpanListModel(controller)
    controller.open_document(ws[1])
    model.flush()
    links = COLUMNS.index("links")

    def cell(span: Span) -> str:
        row = model.row_of(span.uuid)
        text = model.data(model.index(row, links))
        return "".join(ch for ch in text if ch not in ISOLATES)

    assert cell(QUOTE) == "→ speaker: فلاديمير بوتين"
    assert cell(PER) == "← speaker: «سنواصل العمل مع الجميع»"
    assert cell(ORG) == ""

