"""``annotator agree`` reads a corpus a few documents at a time and sums counts as it goes, so
its memory stays that of a batch of documents; its figures equal those of the report that held
every document at once (tests/helpers/agreement_all_at_once.py), on real text."""

from __future__ import annotations

import json
import weakref
from pathlib import Path

import pytest
from helpers.agreement_all_at_once import agreement_report as all_at_once

from annotator.core.corpus_agreement import AnnotatedDocument, agreement_report
from annotator.core.model import ImportedDocument, Span
from annotator.core.schema import resources_path
from annotator.storage import annotations as stored
from annotator.workspace import Workspace, reports
from annotator.workspace.importing import import_paths, store

AQMAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "aqmar"
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji before spans
ODD = "\u200fقالت منظمةُ الصحـــة 😀 إن Moscow Times نشرت عام ٢٠٢٤ خبرًا عن بوتين."
LABELS = ["PER", "LOC", "ORG", "MISC"]


def variant(spans: list[Span], seed: int) -> list[Span]:
    """Another annotator's reading of ``spans``: some left out, some longer, some relabelled."""
    out = []
    for i, s in enumerate(spans):
        k = i + seed
        if k % 5 == 0:
            continue
        end = s.end + 3 if k % 7 == 0 else s.end
        label = LABELS[(LABELS.index(s.label) + 1) % len(LABELS)] if k % 11 == 0 else s.label
        out.append(Span(s.start, end, s.layer, label, attributes=dict(s.attributes)))
    return out


@pytest.fixture
def ws(tmp_path: Path, db_path: Path) -> Workspace:
    """AQMAR as annotator A; B a variant of A on every document, C on every third one."""
    ws = Workspace.open(str(db_path), "A")
    odd = tmp_path / "odd.jsonl"
    spans = [
        {"start": ODD.index("منظمةُ"), "end": ODD.index(" 😀"), "label": "ORG"},
        {"start": ODD.index("Moscow"), "end": ODD.index(" نشرت"), "label": "ORG"},
        {"start": ODD.index("٢٠٢٤"), "end": ODD.index(" خبرًا"), "label": "MISC"},
        {"start": ODD.index("بوتين"), "end": ODD.index("."), "label": "PER"},
    ]
    odd.write_text(json.dumps({"text": ODD, "spans": spans}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    import_paths(ws, sorted(AQMAR.glob("*.txt")), fmt="conll",
                 map_tags=resources_path("tagmaps/aqmar.map"))
    import_paths(ws, [odd])
    rows = ws.repo.list_documents()
    assert len(rows) == 29
    for who, step in (("B", 1), ("C", 3)):
        docs = [
            ImportedDocument(row.name, ws.repo.document_text(row.id),
                             spans=variant(ws.repo.spans(row.id, "A"), n))
            for n, row in enumerate(rows) if n % step == 0
        ]
        store(ws, docs, annotator=who)
    return ws


def test_the_streamed_report_equals_the_one_that_held_every_document(ws: Workspace) -> None:
    streamed = reports.agreement(ws).to_json()
    held = all_at_once(
        stored.load_documents(ws.repo, ["A", "B", "C"]), ["A", "B", "C"],
        list(ws.schema.layer_names),
    ).to_json()
    assert streamed == held
    entity = next(p for p in streamed["pairs"] if p["layer"] == "entity" and p["b"] == "C")
    assert entity["documents"] == 10 and 0 < entity["span_f1_exact"] < 1  # real figures
    assert set(streamed["krippendorff_alpha_per_label"]["entity"]) >= {"PER", "LOC", "ORG"}


def test_a_report_over_a_one_pass_iterator_equals_one_over_a_list(ws: Workspace) -> None:
    docs = stored.load_documents(ws.repo, ["A", "B", "C"])
    layers = list(ws.schema.layer_names)
    once = agreement_report(iter(docs), ["A", "B", "C"], layers).to_json()
    assert once == all_at_once(docs, ["A", "B", "C"], layers).to_json()


def test_only_a_batch_of_documents_is_held_at_once(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    alive, most = [0], [0]

    def gone() -> None:
        alive[0] -= 1

    class Counted(AnnotatedDocument):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            alive[0] += 1
            most[0] = max(most[0], alive[0])
            weakref.finalize(self, gone)

    monkeypatch.setattr(stored, "AnnotatedDocument", Counted)
    monkeypatch.setattr(stored, "BATCH", 4, raising=False)
    report = reports.agreement(ws)
    assert len(report.documents) == 29
    assert most[0] <= 4 + 1  # a batch, and the one the tally is finishing
