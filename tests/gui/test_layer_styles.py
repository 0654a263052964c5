"""Spans are drawn from their layer's schema style, not from hard-coded layer names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument, Span
from annotator.core.schema import (
    DEFAULT_STYLE,
    Schema,
    default_schema_text,
    load_schema,
    parse_schema,
)
from annotator.ui.controller import AnnotationController
from annotator.ui.document_view import DocumentView
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.offsets import OffsetMap
from annotator.ui.span_index import SpanIndex
from annotator.workspace import Workspace
from annotator.workspace.importing import store

Underline = QTextCharFormat.UnderlineStyle
NO_BRUSH = Qt.BrushStyle.NoBrush  # a format that sets no background, or no text colour
TRIGGER_COLOR = QColor("#00aa00")
EVENT_LAYER = """
[[layers]]
name = "event_trigger"
labels = [{ name = "TRIGGER", color = "#00aa00", shortcut = "T" }]
"""


def with_event_layer(style: str | None) -> str:
    """The shipped schema and a fourth layer, ``event_trigger``, styled by ``style``."""
    extra = EVENT_LAYER + (f"style = {style}\n" if style is not None else "")
    return default_schema_text() + extra


def span(start: int, end: int, layer: str, label: str) -> Span:
    return Span(start, end, layer, label, annotator="tester")


def formats(schema: Schema, text: str, spans: list[Span]) -> list[tuple[int, int, QTextCharFormat]]:
    """(start, length, format) of every formatted run, laid out by the highlighter alone."""
    doc = QTextDocument()
    highlighter = SpanHighlighter(doc, schema)
    highlighter.set_source(SpanIndex(text, spans), OffsetMap(text))
    doc.setPlainText(text)
    highlighter.ensure_highlighted(0, doc.blockCount() - 1)
    out = []
    block = doc.begin()
    while block.isValid():
        out += [
            (block.position() + r.start, r.length, QTextCharFormat(r.format))
            for r in block.layout().formats()
        ]
        block = block.next()
    return out


def format_at(runs: list[tuple[int, int, QTextCharFormat]], pos: int) -> QTextCharFormat:
    hits = [fmt for start, length, fmt in runs if start <= pos < start + length]
    assert len(hits) == 1, f"{len(hits)} formatted runs at {pos}"
    return hits[0]


def assert_no_underline(fmt: QTextCharFormat) -> None:
    assert fmt.underlineStyle() == Underline.NoUnderline
    assert not fmt.underlineColor().isValid()


# -- the shipped schema ---------------------------------------------------------------------


def test_the_shipped_layers_look_as_their_styles_declare(qtbot) -> None:
    schema = load_schema()
    assert schema.layer("entity").style.underline and schema.layer("entity").style.text_color
    text = "قال وزير خارجية روسيا إن الاتفاق قريب، وذكرت موسكو ذلك أمس"
    minister, russia = text.index("وزير"), text.index("روسيا")
    claim_at, quote_at, moscow = text.index("الاتفاق"), text.index("وذكرت"), text.index("موسكو")
    per, gpe = QColor("#1f77b4"), QColor("#9467bd")
    runs = formats(schema, text, [
        span(minister, russia + 5, "entity", "PER"),  # وزير خارجية روسيا
        span(russia, russia + 5, "entity", "GPE"),  # روسيا, nested in the PER
        span(claim_at, claim_at + 13, "claim", "CLAIM"),  # الاتفاق قريب،
        span(quote_at, len(text), "quote", "QUOTE"),  # وذكرت موسكو ذلك أمس
        span(moscow, moscow + 5, "entity", "GPE"),  # موسكو, inside the quote
    ])

    entity = format_at(runs, minister)  # one entity: underlined, letters in its colour, no tint
    assert entity.underlineStyle() == Underline.SingleUnderline
    assert entity.underlineColor() == per
    assert entity.foreground().color() == per.darker(140)
    assert entity.background().style() == NO_BRUSH and not entity.fontOverline()

    nested = format_at(runs, russia + 1)  # the inner entity draws, and its line turns wavy
    assert nested.underlineStyle() == Underline.WaveUnderline
    assert nested.underlineColor() == gpe
    assert nested.foreground().color() == gpe.darker(140)
    assert nested.background().style() == NO_BRUSH

    claim = format_at(runs, claim_at + 1)  # 30% of orange into white, and an overline
    assert claim.background().color() == QColor(255, 217, 183)
    assert claim.fontOverline()
    assert_no_underline(claim)
    assert claim.foreground().style() == NO_BRUSH

    quote = format_at(runs, quote_at + 1)  # 22% of red into white, nothing else
    assert quote.background().color() == QColor(246, 207, 208)
    assert not quote.fontOverline()
    assert_no_underline(quote)
    assert quote.foreground().style() == NO_BRUSH

    # the styles stack: the quote's tint under the entity's line and letters
    inside = format_at(runs, moscow + 1)
    assert inside.background().color() == QColor(246, 207, 208)
    assert inside.underlineStyle() == Underline.SingleUnderline
    assert inside.underlineColor() == gpe
    assert inside.foreground().color() == gpe.darker(140)
    assert not inside.fontOverline()

    outside = text.index("إن")
    assert not [r for r in runs if r[0] <= outside < r[0] + r[1]]  # no span: untouched


# -- a project's own layer ------------------------------------------------------------------


@pytest.fixture
def event_ws(tmp_path: Path) -> Iterator[tuple[Workspace, int, str]]:
    """A workspace on a schema with an ``event_trigger`` layer drawn underlined with a side bar,
    holding one document: a trigger in paragraph 0, nothing in 1, an entity in 2."""
    ws = Workspace.open(str(tmp_path / "events.sqlite3"), "tester")
    ws.schema = parse_schema(with_event_layer("{ underline = true, sidebar = true }"), "test")
    text = "\n".join([
        "قال الشهود إن الانفجار وقع صباح اليوم",
        "ولم يصدر أي تعليق رسمي حتى الآن",
        "وأعلنت موسكو الحداد",
    ])
    doc_id = store(ws, [ImportedDocument("events", text)]).doc_ids[0]
    trigger = text.index("الانفجار")
    moscow = text.index("موسكو")
    ws.repo.insert_spans(doc_id, [
        span(trigger, trigger + 8, "event_trigger", "TRIGGER"),
        span(moscow, moscow + 5, "entity", "GPE"),
    ])
    yield ws, doc_id, text
    ws.close()


def test_a_project_layer_is_underlined_and_marked_in_the_margin(
    qtbot, event_ws: tuple[Workspace, int, str]
) -> None:
    ws, doc_id, text = event_ws
    controller = AnnotationController(ws)
    view = DocumentView(controller)
    qtbot.addWidget(view)
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    controller.open_document(doc_id)

    # the highlighter underlines the trigger in its label colour; the letters keep theirs
    first = view.document().findBlockByNumber(0)
    runs = [(r.start, r.length, QTextCharFormat(r.format)) for r in first.layout().formats()]
    trigger = text.index("الانفجار")
    assert [(s, n) for s, n, _ in runs] == [(trigger, 8)]
    fmt = runs[0][2]
    assert fmt.underlineColor() == TRIGGER_COLOR
    assert fmt.underlineStyle() == Underline.SingleUnderline
    assert fmt.foreground().style() == NO_BRUSH and fmt.background().style() == NO_BRUSH

    # the side bar: the viewport's right edge (where the lines start) beside paragraph 0 only
    image = view.viewport().grab().toImage()
    width = image.width()
    offset = view.contentOffset()

    def edge(block_number: int) -> list[QColor]:
        block = view.document().findBlockByNumber(block_number)
        rect = view.blockBoundingGeometry(block).translated(offset)
        assert rect.top() >= 0 and rect.bottom() < image.height()  # on screen
        y = round(rect.center().y())
        return [image.pixelColor(x, y) for x in range(width - 3, width)]

    assert edge(0) == [TRIGGER_COLOR] * 3
    assert TRIGGER_COLOR not in edge(1)  # no span at all
    assert TRIGGER_COLOR not in edge(2)  # an entity: its layer has no side bar
    assert edge(1) == edge(2)


def test_a_layer_without_a_style_gets_the_default_tint(qtbot) -> None:
    schema = parse_schema(with_event_layer(None), "test")
    assert schema.layer("event_trigger").style == DEFAULT_STYLE
    text = "وقع الانفجار صباح اليوم"
    runs = formats(schema, text, [span(4, 12, "event_trigger", "TRIGGER")])
    fmt = format_at(runs, 6)
    assert DEFAULT_STYLE.background == 0.25  # 25% of #00aa00 into white
    assert fmt.background().color() == QColor(191, 234, 191)
    assert not fmt.fontOverline()
    assert_no_underline(fmt)
    assert fmt.foreground().style() == NO_BRUSH


# -- schema parsing ---------------------------------------------------------------------------


def test_an_unknown_style_key_is_refused_naming_the_layer() -> None:
    with pytest.raises(
        InputError, match=r"^test: layer 'event_trigger': unknown style key\(s\) wavy;"
    ):
        parse_schema(with_event_layer("{ underline = true, wavy = true }"), "test")


@pytest.mark.parametrize("background", ["1.5", "-0.1"])
def test_a_background_outside_0_to_1_is_refused_naming_the_layer(background: str) -> None:
    with pytest.raises(
        InputError, match=r"^test: layer 'event_trigger': style background must lie in 0\.\.1"
    ):
        parse_schema(with_event_layer(f"{{ background = {background} }}"), "test")


@pytest.mark.parametrize(
    ("style", "message"),
    [
        ('{ background = "0.3" }', r"style background must be a number in 0\.\.1"),
        ("{ background = true }", r"style background must be a number in 0\.\.1"),
        ('{ underline = "false" }', r"style underline must be true or false"),
        ('"wavy"', r"style must be a table"),
    ],
)
def test_a_mistyped_style_is_refused_naming_the_layer(style: str, message: str) -> None:
    with pytest.raises(InputError, match=rf"^test: layer 'event_trigger': {message}"):
        parse_schema(with_event_layer(style), "test")
