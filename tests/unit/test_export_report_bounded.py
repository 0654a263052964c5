"""An export's report keeps counts of every dropped span but only a bounded sample of them, so
its memory does not grow with the corpus; the printed summary says how many were not listed."""

from __future__ import annotations

import io

from annotator.core.model import Span, text_sha256
from annotator.formats.conll import write_conll
from annotator.formats.exporting import DROPPED_KEPT, ExportDocument, ExportOptions

# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
TEXT = "\u200fقالت منظمةُ الصحـــة 😀 إن Moscow Times نشرت عام ٢٠٢٤ خبرًا."


def nested_document(name: str, inner: int) -> ExportDocument:
    """One outer span over the text and ``inner`` spans nested in it (dropped at --nested 1)."""
    start, end = TEXT.index("منظمةُ"), TEXT.index(" نشرت")
    spans = [Span(start, end, "entity", "ORG")]
    spans += [Span(start, start + 5 + i % 3, "entity", "PER") for i in range(inner)]
    return ExportDocument(name, TEXT, text_sha256(TEXT), spans)


def test_dropped_spans_are_counted_all_but_kept_only_up_to_the_bound() -> None:
    docs = [nested_document(f"d{i}", DROPPED_KEPT) for i in range(3)]
    out = io.StringIO()
    report = write_conll(docs, out, ExportOptions())
    assert len(report.dropped) == DROPPED_KEPT  # the sample: the first document's drops
    assert report.dropped_counts == {"d0": DROPPED_KEPT, "d1": DROPPED_KEPT, "d2": DROPPED_KEPT}
    assert report.dropped_total == 3 * DROPPED_KEPT
    summary = report.summary()
    for name in ("d0", "d1", "d2"):
        assert f"dropped {DROPPED_KEPT} span(s) in {name}:" in summary
    listed = [line for line in summary if line.startswith("  entity/PER")]
    assert len(listed) == DROPPED_KEPT
    assert summary.count(f"  … and {DROPPED_KEPT} more (not listed)") == 2


def test_under_the_bound_every_dropped_span_is_listed() -> None:
    out = io.StringIO()
    report = write_conll([nested_document("w", 2)], out, ExportOptions())
    summary = report.summary()
    assert "dropped 2 span(s) in w:" in summary
    assert len([line for line in summary if line.startswith("  entity/PER")]) == 2
    assert not any("more (not listed)" in line for line in summary)
