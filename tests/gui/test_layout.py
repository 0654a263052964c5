"""The window at 1280 x 800: every palette button whole and visible, span list columns readable."""

from __future__ import annotations

from conftest import find_nth, select_and_press
from PySide6.QtCore import QPoint, QRect, Qt

from annotator.ui.main_window import MainWindow


def window_rect(win: MainWindow, widget) -> QRect:
    return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())


def assert_palette_whole(win: MainWindow) -> None:
    palette = win.label_palette
    inside = window_rect(win, palette)
    rects = []
    for name, button in palette.buttons.items():
        assert button.isVisible(), name
        rect = window_rect(win, button)
        assert inside.contains(rect), f"{name} cut off: {rect} outside {inside}"
        assert win.rect().contains(rect), name
        assert button.width() >= button.sizeHint().width(), f"{name} squeezed"
        rects.append(rect)
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1:]), "buttons overlap"


def laid_out(win: MainWindow) -> bool:
    """The palette's flow layout has placed the buttons for the palette's present size and
    direction (a change of direction clears its geometry until the posted relayout), and the
    palette is as tall as its lines need."""
    palette = win.label_palette
    layout = palette.layout()
    assert layout is not None
    return layout.geometry() == palette.rect() and palette.height() >= layout.heightForWidth(
        palette.width()
    )


def test_palette_shows_every_label_and_key_at_1280(window: MainWindow, qtbot) -> None:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280 and laid_out(window))
    assert_palette_whole(window)
    assert window.label_palette.buttons["QUOTE"].text() == "QUOTE [Q]"


def test_palette_wraps_onto_more_lines_when_narrow(window: MainWindow, qtbot) -> None:
    window.resize(1280, 800)  # wider than the offscreen screen the first window fits
    qtbot.waitUntil(lambda: window.width() == 1280)
    window.main_splitter.setSizes([330, 950])
    qtbot.waitUntil(lambda: window.label_palette.width() > 900 and laid_out(window))
    one_line = window.label_palette.height()
    window.main_splitter.setSizes([900, 380])
    qtbot.waitUntil(lambda: window.label_palette.height() > one_line and laid_out(window))
    assert_palette_whole(window)
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # Arabic chrome mirrors it
    qtbot.waitUntil(lambda: window.label_palette.layoutDirection() == Qt.LayoutDirection.RightToLeft
                    and laid_out(window))
    assert_palette_whole(window)
    first = window.label_palette.buttons["PER"]
    assert first.mapTo(window, QPoint(first.width(), 0)).x() > window.label_palette.mapTo(
        window, QPoint(window.label_palette.width() // 2, 0)).x()  # starts on the right


def test_span_list_columns_fit_and_text_reads_right_to_left(window: MainWindow, qtbot) -> None:
    window.resize(1280, 800)  # as on a laptop screen (the offscreen one is smaller)
    window.main_splitter.setSizes([420, 860])
    text = window.controller.text
    at = find_nth(text, "خلال المحادثة")
    select_and_press(window, at, at + len("خلال المحادثة"), "Q")
    window.span_model.flush()
    view, model = window.span_view, window.span_model
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    assert view.isColumnHidden(2)  # the layer: the label's colour and tooltip tell it
    assert "quote" in model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    for column in (0, 3):  # position, label: whole
        shown = str(model.data(model.index(0, column)))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(shown), shown
    # room for what the column may show later, without a resize on each edit
    assert header.sectionSize(3) >= metrics.horizontalAdvance("QUOTE (indirect)") + 16
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    width = sum(header.sectionSize(c) for c in shown)
    assert width <= view.viewport().width()  # no horizontal scrolling
    assert header.sectionSize(1) > max(header.sectionSize(c) for c in (0, 3, 4))  # text widest
    alignment = model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignAbsolute

