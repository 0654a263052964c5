"""Suggestions through the workspace: stored apart, accepted through the door (undoable, with
provenance), rejected for good, saved models, imported pre-annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.model import DONE, ImportedDocument, Span, text_sha256
from annotator.core.suggest.model import IMPORTED, Suggestion
from annotator.workspace import Workspace, suggestions
from annotator.workspace.exporting import export

DONE_TEXTS = [
    "التقى لوكاشينكو مع بوتين في موسكو .",
    "قال بوتين إن روسيا لن تتراجع .",
    "وصل لوكاشينكو إلى مينسك بعد زيارة موسكو .",
]
NAMES = {"لوكاشينكو": "PER", "بوتين": "PER", "موسكو": "GPE", "روسيا": "GPE", "مينسك": "GPE"}
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits, an emoji before the names
OPEN_TEXT = "😀 في ١٢ مايو أرسل Reuters خبرا: زار بُوتِـين\u200f موسكو ثم كتب للوكاشينكو ."


def tag_names(ws: Workspace, doc_id: int, text: str) -> None:
    for name, label in NAMES.items():
        start = text.find(name)
        while start >= 0:
            ws.add_span(doc_id, start, start + len(name), label)
            start = text.find(name, start + 1)


@pytest.fixture
def ws(db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "layla")
    for n, text in enumerate(DONE_TEXTS):
        doc = ws.repo.insert_document(f"done{n}", text, text_sha256(text))
        tag_names(ws, doc, text)
        ws.set_status(doc, DONE)
    ws.repo.insert_document("open", OPEN_TEXT, text_sha256(OPEN_TEXT))
    return ws


def open_doc(ws: Workspace) -> int:
    doc = ws.find_document("open")
    assert doc is not None
    return doc


def trained(ws: Workspace) -> list[Suggestion]:
    report = suggestions.train(ws)
    assert report.version == 1 and report.documents == 3
    suggestions.apply(ws)
    return suggestions.visible(ws, open_doc(ws))


def test_train_saves_a_model_and_apply_stores_suggestions_apart(ws: Workspace) -> None:
    shown = trained(ws)
    doc = open_doc(ws)
    found = {(OPEN_TEXT[s.start:s.end], s.label) for s in shown}
    assert ("موسكو", "GPE") in found
    assert ("لوكاشينكو", "PER") in found  # the stem inside للوكاشينكو
    assert ("بُوتِـين", "PER") in found  # through diacritics and tatweel
    assert all(s.model_version == 1 for s in shown)
    assert ws.spans(doc) == []  # suggestions are not annotations
    # the next start has the model: a second workspace loads it without training
    again = Workspace.open(ws.url, "layla")
    loaded = suggestions.load(again)
    assert loaded is not None and loaded.version == 1
    again.close()


def test_accept_is_an_undoable_edit_with_provenance(ws: Workspace) -> None:
    doc = open_doc(ws)
    moscow = next(s for s in trained(ws) if OPEN_TEXT[s.start:s.end] == "موسكو")
    span = suggestions.accept(ws, moscow.uuid)
    assert (span.start, span.end, span.label, span.annotator) == (
        moscow.start, moscow.end, "GPE", "layla"
    )
    prov = ws.repo.span_provenance(span.uuid)
    assert prov is not None and prov["origin"] == "suggestion"
    assert prov["text"].startswith(f"suggested by {moscow.engine} v1 and accepted")
    assert moscow.uuid not in {s.uuid for s in suggestions.visible(ws, doc)}  # now a span
    ws.undo(doc)
    assert ws.spans(doc) == []
    assert moscow.uuid in {s.uuid for s in suggestions.visible(ws, doc)}  # offered again
    ws.redo(doc)
    assert [s.key() for s in ws.spans(doc)] == [span.key()]


def test_a_rejected_suggestion_never_returns(ws: Workspace) -> None:
    doc = open_doc(ws)
    moscow = next(s for s in trained(ws) if OPEN_TEXT[s.start:s.end] == "موسكو")
    suggestions.reject(ws, [moscow.uuid])
    assert moscow.key() not in {s.key() for s in suggestions.visible(ws, doc)}
    # retraining and applying again makes it anew: still not offered
    suggestions.train(ws)
    suggestions.apply(ws)
    assert moscow.key() not in {s.key() for s in suggestions.visible(ws, doc, threshold=0.0)}
    # undoing the rejection brings it back
    ws.undo(doc)
    assert moscow.key() in {s.key() for s in suggestions.visible(ws, doc)}


def test_accept_all_is_one_undo_step(ws: Workspace) -> None:
    doc = open_doc(ws)
    shown = trained(ws)
    suggestions.accept_all(ws, [s.uuid for s in shown])
    assert len(ws.spans(doc)) == len(shown)
    ws.undo(doc)
    assert ws.spans(doc) == []


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "conllu", "brat", "label-studio", "webanno"])
def test_suggestions_are_never_exported(ws: Workspace, tmp_path: Path, fmt: str) -> None:
    """Every format that can be read back: what comes back is the annotator's spans only."""
    from annotator.formats.registry import READERS, ReadOptions

    shown = trained(ws)
    assert shown
    stored = sum(len(ws.spans(row.id)) for row in ws.list_documents())
    out = tmp_path / fmt
    export(ws, fmt, out)
    files = [out] if out.is_file() else sorted(
        p for p in out.rglob("*") if p.suffix in (".ann", ".tsv")
    )
    read_back = [d for f in files for d in READERS[fmt](f, ws.schema, ReadOptions())]
    # the open document has no span, only suggestions: a leaked one would raise the count
    assert sum(len(d.spans) for d in read_back) == stored


def test_nothing_to_learn_is_said_in_words(db_path: Path) -> None:
    ws = Workspace.open(str(db_path), "omar")
    with pytest.raises(AnnotatorError, match="nothing to learn"):
        suggestions.train(ws)
    with pytest.raises(AnnotatorError, match="suggest train"):
        suggestions.apply(ws)


def test_import_as_suggestions_adds_no_span(ws: Workspace) -> None:
    text = "زار ماكرون باريس ."
    docs = [ImportedDocument("بعيد", text, spans=[
        Span(4, 10, "entity", "PER"), Span(11, 16, "entity", "GPE"),
    ])]
    report = suggestions.import_as_suggestions(ws, docs, "camel.jsonl")
    doc = ws.find_document("بعيد")
    assert doc is not None and report.suggestions == 2
    assert ws.spans(doc) == []
    shown = suggestions.visible(ws, doc)
    assert {(text[s.start:s.end], s.label, s.engine) for s in shown} == {
        ("ماكرون", "PER", f"{IMPORTED}:camel.jsonl"), ("باريس", "GPE", f"{IMPORTED}:camel.jsonl")
    }
    # importing the same file again replaces, never doubles
    suggestions.import_as_suggestions(ws, docs, "camel.jsonl")
    assert len(suggestions.visible(ws, doc)) == 2
