"""The table models, checked without a window (and by pytest-qt's qtmodeltester)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.commands import AddSpan, RelabelSpan, RemoveSpan
from annotator.core.model import DocumentRow, Span
from annotator.ui.controller import AnnotationController
from annotator.ui.document_list import DocumentListModel
from annotator.ui.span_list import SpanListModel
from annotator.workspace import Workspace

ROWS = [
    DocumentRow(1, "000_seed", "ab" * 32, 4166, "new", 0),
    DocumentRow(2, "003_seed", "cd" * 32, 3796, "in_progress", 12),
    DocumentRow(3, "sample_ar", "ef" * 32, 700, "done", 31),
]


def test_document_list_model_shows_name_status_and_count(qtmodeltester) -> None:
    model = DocumentListModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    cells = [[model.data(model.index(r, c)) for c in range(3)] for r in range(3)]
    assert cells == [
        ["000_seed", "new", 0], ["003_seed", "in progress", 12], ["sample_ar", "done", 31]
    ]
    model.update_row(2, status="done", span_count=13)
    assert model.data(model.index(1, 1)) == "done"
    assert model.data(model.index(1, 2)) == 13
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Document"


def test_span_list_model_follows_changes_in_position_order(
    qtmodeltester, qtbot, seed_ws: Workspace
) -> None:
    controller = AnnotationController(seed_ws)
    doc_id = seed_ws.repo.list_documents()[0].id
    controller.open_document(doc_id)
    model = SpanListModel(controller)
    model.reload()
    text = controller.text
    words = ["موسكو", "إنترفاكس", "بيلاروسيا"]
    for word in words:
        at = text.index(word)
        controller.execute(AddSpan(doc_id, Span(at, at + len(word), "entity", "GPE")))
    assert model.rowCount() == 0  # changes reach the list after the view has painted
    model.flush()
    qtmodeltester.check(model)
    shown = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert shown == sorted(words, key=text.index)
    first = model.span_at(0)
    controller.execute(RelabelSpan(first.uuid, "ORG"))
    model.flush()
    assert model.data(model.index(0, 3)) == "ORG"
    controller.execute(RemoveSpan(first.uuid))
    qtbot.waitUntil(lambda: model.rowCount() == 2)  # the timer applies it without a flush
    assert model.rowCount() == 2
    start = text.index("بيلاروسيا")
    assert model.data(model.index(0, 0)) == f"\u2066{start}–{start + len('بيلاروسيا')}\u2069"
    qtmodeltester.check(model)


def test_span_text_cells_align_by_their_own_direction(qtbot, tmp_path) -> None:
    from annotator.core.model import ImportedDocument
    from annotator.workspace.importing import store

    text = "انضمت إلى حلف NATO عام 1991"
    ws = Workspace.open(str(tmp_path / "dir.sqlite3"), "tester")
    doc_id = store(ws, [ImportedDocument("dir", text)]).doc_ids[0]
    controller = AnnotationController(ws)
    controller.open_document(doc_id)
    model = SpanListModel(controller)
    for word, label in (("حلف", "ORG"), ("NATO", "ORG"), ("1991", "MISC")):
        at = text.index(word)
        controller.execute(AddSpan(doc_id, Span(at, at + len(word), "entity", label)))
    model.flush()
    role = Qt.ItemDataRole.TextAlignmentRole
    sides = {
        model.data(model.index(r, 1)): Qt.AlignmentFlag(model.data(model.index(r, 1), role))
        for r in range(3)
    }
    absolute = Qt.AlignmentFlag.AlignAbsolute
    assert sides["حلف"] & Qt.AlignmentFlag.AlignRight and sides["حلف"] & absolute
    assert sides["NATO"] & Qt.AlignmentFlag.AlignLeft and sides["NATO"] & absolute
    assert sides["1991"] & Qt.AlignmentFlag.AlignRight  # no letter: the document's direction
    ws.close()
