"""A parallel export adds up the reports of its batches in document order: the sum is the
report one process writing every document makes, whatever the format could not hold."""

from __future__ import annotations

import io
import pickle
from dataclasses import fields

import pytest

from annotator.core.model import Relation, Span, text_sha256
from annotator.formats import exporting
from annotator.formats.conll import write_conll
from annotator.formats.exporting import DroppedSpan, ExportDocument, ExportOptions, ExportReport

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "\u200fقالت منظمةُ الصحـــة 😀 إن Moscow Times نشرت عام ٢٠٢٤ خبرًا.\nثم عاد."


def document(i: int) -> ExportDocument:
    """A document losing something of each kind: a nested span (dropped), a token cut, a
    sentence break under a span, attributes, a link."""
    text = f"{TEXT} {i}"
    org, year = text.index("منظمةُ"), text.index("٢٠٢٤")
    spans = [
        Span(org, text.index(" 😀"), "entity", "ORG", uuid=f"a{i}"),
        Span(org, org + 3 + i % 3, "entity", "PER", uuid=f"b{i}"),
        Span(year + 1, year + 3, "entity", "ORG", uuid=f"c{i}",
             attributes={"note": "part of a year"}),
        Span(text.index("خبرًا"), text.index("عاد"), "entity", "PER", uuid=f"d{i}"),
    ]
    return ExportDocument(f"d{i}", text, text_sha256(text), spans,
                          [Relation("speaker", f"a{i}", f"d{i}", f"r{i}")])


@pytest.mark.parametrize("cut", [1, 3, 5])
def test_reports_of_parts_add_up_to_the_report_of_the_whole(
    cut: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "DROPPED_KEPT", 4)  # the bound falls inside a later part
    docs = [document(i) for i in range(7)]
    whole = write_conll(docs, io.StringIO(), ExportOptions())
    total = ExportReport()
    for part in (docs[:cut], docs[cut:]):
        report = ExportReport()
        for doc in part:
            exporting.tag_document(doc, ExportOptions(), report, join=True)
        total.absorb(pickle.loads(pickle.dumps(report)))  # as it comes back from a worker
    total.notes += whole.notes  # the notes of the whole export: Blocks.finish's
    assert total == whole
    assert len(whole.dropped) == 4 and whole.dropped_total == 7
    assert whole.splits and whole.joined and whole.attributes_dropped and whole.links_dropped


def test_absorb_adds_every_field() -> None:
    """A field added to the report and forgotten by absorb fails here."""
    later = ExportReport(
        documents=2, tokens=30, tokenized=True, spans_written=5, splits={"x": 1},
        joined={"x": 2}, trimmed={"x": 3},
        dropped=[DroppedSpan("x", Span(0, 1, "entity", "PER"), "why")],
        dropped_counts={"x": 1}, links_dropped={"x": 4}, attributes_dropped={"x": 5},
        notes=["a note"],
    )
    assert {f.name for f in fields(ExportReport)} == {
        "documents", "tokens", "tokenized", "spans_written", "splits", "joined", "trimmed",
        "dropped", "dropped_counts", "links_dropped", "attributes_dropped", "notes",
    }
    empty = ExportReport()
    empty.absorb(later)
    assert empty == later
    twice = ExportReport()
    twice.absorb(later)
    twice.absorb(later)
    for f in fields(ExportReport):
        value = getattr(twice, f.name)
        if isinstance(value, int) and not isinstance(value, bool):
            assert value == 2 * getattr(later, f.name), f.name
