"""A document marked done is read-only for that annotator until reopened (issue 9, defect 7):
the door refuses the edit in words and changes nothing; scripts and the window alike."""

from __future__ import annotations

import pytest

from annotator.core.errors import EditError
from annotator.core.model import DONE, IN_PROGRESS
from annotator.workspace import Workspace
from annotator.workspace.importing import import_sample


def test_an_edit_to_a_done_document_is_refused_until_it_is_reopened(workspace: Workspace) -> None:
    ws = workspace
    import_sample(ws)
    doc = ws.document("sample_ar")
    span = ws.add_span(doc, 0, 7, "GPE")
    ws.set_status(doc, DONE)
    for edit in (lambda: ws.add_span(doc, 9, 14, "ORG"),
                 lambda: ws.relabel_span(span.uuid, "LOC"),
                 lambda: ws.remove_span(span.uuid)):
        with pytest.raises(EditError, match=r"sample_ar is marked done.*reopen"):
            edit()
    assert [(s.start, s.end, s.label) for s in ws.spans(doc)] == [(0, 7, "GPE")]
    assert ws.status(doc) == DONE
    ws.set_status(doc, IN_PROGRESS)
    ws.relabel_span(span.uuid, "LOC")
    assert [s.label for s in ws.spans(doc)] == ["LOC"]


def test_done_for_one_annotator_leaves_the_others_free(db_path) -> None:
    with Workspace.open(str(db_path), "alice") as alice:
        import_sample(alice)
        doc = alice.document("sample_ar")
        alice.add_span(doc, 0, 7, "GPE")
        alice.set_status(doc, DONE)
    with Workspace.open(str(db_path), "bob") as bob:
        bob.add_span(doc, 0, 7, "LOC")
        assert bob.status(doc) == IN_PROGRESS


def test_an_edit_after_adjudication_puts_that_documents_gold_out_of_date(workspace) -> None:
    from annotator.core.commands import AddSpan, RelabelSpan
    from annotator.core.model import Span
    from annotator.workspace.review import ReviewSession

    ws = workspace
    import_sample(ws)
    doc = ws.document("sample_ar")
    spans = {}
    for name, label in (("alice", "PER"), ("bob", "ORG")):
        spans[name] = Span(0, 7, "entity", label, annotator=name)
        ws.execute(AddSpan(doc, spans[name]))
    assert ws.gold_out_of_date() == {}  # no gold yet: nothing to be out of date
    ReviewSession(ws, doc, ["alice", "bob"]).decide(0, "accept_a")
    assert ws.gold_out_of_date() == {}
    ws.execute(RelabelSpan(spans["bob"].uuid, "LOC"))
    assert ws.gold_out_of_date() == {doc: ["bob"]} == ws.gold_out_of_date(doc)
    ws.set_status(doc, DONE, "alice")  # a status is not an edit of the annotation
    assert ws.gold_out_of_date() == {doc: ["bob"]}
