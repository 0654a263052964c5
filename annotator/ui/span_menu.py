"""The document view's right-click menu: what can be done to the spans under the pointer and
to the selection. Every item runs the same controller method as its key, so the menu is a
second way in, never a second set of rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core.model import Span
from annotator.ui.span_list import label_text

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

_EXCERPT = 30


def build_menu(window: MainWindow, pos: int, parent: QWidget) -> QMenu:
    """The menu for a right click at code point ``pos``."""
    c = window.controller
    menu = QMenu(parent)
    if window.view.selection() is not None:
        tag = menu.addMenu(QCoreApplication.translate("SpanMenu", "Tag selection as"))
        tag.addActions(window.label_actions())
    spans = c.index.spans_at(pos)
    if len(spans) == 1:
        if menu.actions():
            menu.addSeparator()
        menu.addAction(_title(window, spans[0])).setEnabled(False)  # which span this is about
        _span_items(window, menu, spans[0])
    else:  # nested spans: one submenu each, innermost first
        for span in spans:
            _span_items(window, menu.addMenu(_title(window, span)), span)
    return menu


def _title(window: MainWindow, span: Span) -> str:
    c = window.controller
    words = " ".join(span.covered(c.text).split())
    words = words if len(words) <= _EXCERPT else words[: _EXCERPT - 1] + "…"
    return f"{label_text(span.label, c.attribute_values(span))} «{words}»"


def _span_items(window: MainWindow, menu: QMenu, span: Span) -> None:
    c = window.controller
    schema = c.ws.schema

    def on_span(run: object) -> object:
        def go() -> None:
            if span.uuid in c.index.spans:
                c.set_current(span.uuid)
                run()  # type: ignore[operator]
        return go

    if menu.actions():
        menu.addSeparator()
    relabel = menu.addMenu(QCoreApplication.translate("SpanMenu", "Relabel as"))
    for label in schema.labels():
        if label.layer == span.layer and label.name != span.label:
            relabel.addAction(label.name).triggered.connect(
                on_span(lambda lab=label: c.apply_label(lab, None)))
    relabel.setEnabled(not relabel.isEmpty())
    for attr in c.attribute_defs(span.layer):
        value = span.attributes.get(attr.name, attr.default)
        for option in attr.values:
            action = menu.addAction(str(option))
            action.setCheckable(True)
            action.setChecked(option == value)
            action.triggered.connect(on_span(
                lambda a=attr.name, v=option: c.set_attribute(span.uuid, a, v)))
    if schema.links_from(span.layer):
        link = QCoreApplication.translate("SpanMenu", "Link to speaker/source…")
        menu.addAction(link).triggered.connect(on_span(c.start_link))
    for rel in c.index.links_of(span.uuid):
        other = c.index.spans.get(rel.tail if rel.head == span.uuid else rel.head)
        if other is not None:
            text = QCoreApplication.translate("SpanMenu", "Unlink %1: %2")
            text = text.replace("%1", rel.kind).replace("%2", _title(window, other))
            menu.addAction(text).triggered.connect(on_span(lambda uuid=rel.uuid: c.unlink(uuid)))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("SpanMenu", "Copy text")).triggered.connect(
        lambda: QGuiApplication.clipboard().setText(span.covered(c.text)))
    delete = QCoreApplication.translate("SpanMenu", "Delete")
    menu.addAction(delete).triggered.connect(on_span(c.remove_current))
