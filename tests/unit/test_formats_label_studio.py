"""Label Studio: its full JSON export and JSON-MIN, read as Label Studio writes them and written
so that Label Studio (and our reader) take them back.

The fixtures in ``tests/data/label_studio`` follow Label Studio's own export code
(``data_export/mixins.py``, ``data_export/serializers.py``) and label-studio-converter's
``convert_to_json_min``: annotators as ``completed_by`` objects with an email (or bare user ids in
older exports), cancelled annotations, predictions, drafts, a text under a data key that is not
``text``, per-region choices sharing their region's id, relations without ids.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import GOLD, ImportedDocument, Relation, Span, text_sha256
from annotator.core.schema import load_schema
from annotator.formats import label_studio
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport
from annotator.formats.registry import FORMATS, READERS, ReadOptions, format_of

SCHEMA = load_schema()
DATA = Path(__file__).resolve().parents[1] / "data" / "label_studio"
FULL = DATA / "project-7-full.json"
MIN = DATA / "project-8-min.json"
IDS_CRLF = DATA / "project-9-ids-crlf.json"
ALL_LAYERS = ExportOptions(layers=("entity", "claim", "quote"))


def read(path: Path, fmt: str = "label-studio") -> list[ImportedDocument]:
    return READERS[fmt](path, SCHEMA, ReadOptions())


def covered(doc: ImportedDocument, annotator: str) -> list[tuple[str, str]]:
    return sorted((s.label, doc.text[s.start : s.end]) for s in doc.spans
                  if s.annotator == annotator)


def links(doc: ImportedDocument, annotator: str) -> set[tuple[str, str, str]]:
    by_uuid = {s.uuid: s for s in doc.spans}
    return {(r.kind, doc.text[by_uuid[r.head].start : by_uuid[r.head].end],
             doc.text[by_uuid[r.tail].start : by_uuid[r.tail].end])
            for r in doc.relations if r.annotator == annotator}


def write(docs: list[ExportDocument], fmt: str = "label-studio",
          report: ExportReport | None = None) -> str:
    import io

    out = io.StringIO()
    writer = FORMATS[fmt].stream_writer
    assert writer is not None
    writer(docs, out, ALL_LAYERS, report or ExportReport(), None)
    return out.getvalue()


def test_a_json_file_is_label_studio() -> None:
    assert format_of(Path("project-7-at-2024-05-02-10-00-3f2a.json")) == "label-studio"


def test_full_export_keeps_each_annotator_and_their_links() -> None:
    first, second, third = read(FULL)
    # the text is the data key the spans fit ("article"), not the other string ("source_url")
    assert first.text.startswith("قال الرئيسُ بوتين") and first.text.endswith("Interfax.\u200f")
    assert covered(first, "alice@example.org") == sorted([
        ("PER", "بوتين"), ("GPE", "موسكو"), ("QUOTE", "«الوضعُ آمـــن»"), ("ORG", "Interfax"),
        ("CLAIM", "الوضعُ آمـــن"),
    ])
    assert covered(first, "bob@example.org") == sorted([
        ("QUOTE", "«الوضعُ آمـــن»"), ("PER", "بوتين"), ("LOC", "موسكو"),
    ])
    assert links(first, "alice@example.org") == {
        ("speaker", "«الوضعُ آمـــن»", "بوتين"), ("source", "الوضعُ آمـــن", "Interfax"),
    }
    # bob's link has no label: the layers it joins name it
    assert links(first, "bob@example.org") == {("speaker", "«الوضعُ آمـــن»", "بوتين")}
    quotes = {s.annotator: s.attributes for s in first.spans if s.layer == "quote"}
    assert quotes == {"alice@example.org": {"direct": "direct"},
                      "bob@example.org": {"direct": "indirect"}}
    assert not any(s.annotator == "carol@example.org" for s in first.spans)
    assert third.spans == [] and third.text == "نصّ بلا وسم بعد."
    assert first.meta["label_studio_task"] == 101 and first.name == "project-7-full-101"
    assert len(second.spans) == 3


def test_what_is_not_imported_is_counted() -> None:
    docs = read(FULL)
    said = " ".join(w for d in docs for w in d.warnings)
    assert "1 cancelled (skipped) annotation(s)" in said
    assert "1 prediction(s)" in said
    assert "1 draft(s)" in said


def test_utf16_offsets_after_an_emoji_are_read_and_reported() -> None:
    doc = read(FULL)[1]
    assert doc.text.startswith("🙂 غرّد")
    assert covered(doc, "alice@example.org") == sorted(
        [("PER", "ترامب"), ("GPE", "واشنطن"), ("PER", "بايدن")]
    )
    said = " ".join(w for d in read(FULL) for w in d.warnings)
    assert "3 span(s) had offsets in UTF-16 code units" in said


def test_offsets_that_fit_no_reading_are_refused_with_task_and_region(tmp_path: Path) -> None:
    tasks = json.loads(FULL.read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["result"][0]["value"]["start"] += 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: task 101, annotation 11, region r-putin: "
                       r"the text at \[13, 17\) is 'وتين', not 'بوتين'"):
        read(bad)


def test_bare_user_ids_and_crlf_text() -> None:
    [doc] = read(IDS_CRLF)
    assert "\r" not in doc.text and doc.text == "سطر أول\nقال بوتين\nفي موسكو"
    assert covered(doc, "label-studio-user-1") == [("GPE", "موسكو"), ("PER", "بوتين")]
    assert any("2 span(s) moved with the line ends" in w for w in doc.warnings)


def test_json_min_groups_annotators_by_task() -> None:
    docs = read(MIN, "label-studio-min")
    # without --format the shape is recognised: the same documents
    assert [(d.text, len(d.spans)) for d in read(MIN)] == [(d.text, len(d.spans)) for d in docs]
    first, second = docs
    assert covered(first, "bob@example.org") == sorted(
        [("PER", "ماكرون"), ("PER", "تبّون"), ("GPE", "الجزائر")]
    )
    assert covered(first, "alice@example.org") == [("LOC", "الجزائر"), ("PER", "ماكرون")]
    assert second.spans == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda r: r.update(type="textarea", value={"text": ["note"]}),
         r"region r-putin: a textarea result \(from_name 'label'\) is not read"),
        (lambda r: r["value"].update(labels=["Person"]), r"unknown label 'Person'"),
        (lambda r: r["value"].update(start="/p[1]/text()[1]"), r"offsets are not numbers"),
    ],
)
def test_results_we_cannot_read_are_refused(tmp_path: Path, change: object, says: str) -> None:
    tasks = json.loads(FULL.read_text(encoding="utf-8"))
    change(tasks[0]["annotations"][0]["result"][0])  # type: ignore[operator]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=says):
        read(bad)


def test_relation_to_a_missing_region_or_of_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    tasks = json.loads(FULL.read_text(encoding="utf-8"))
    relation = tasks[0]["annotations"][0]["result"][6]
    relation["to_id"] = "nowhere"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"task 101, annotation 11: a relation's to_id "
                       r"'nowhere' names no region"):
        read(bad)
    relation["to_id"], relation["labels"] = "r-putin", ["said_by"]
    bad.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown relation 'said_by'"):
        read(bad)


def test_json_min_attribute_key_is_refused(tmp_path: Path) -> None:
    records = json.loads(MIN.read_text(encoding="utf-8"))
    records[0]["direct"] = "indirect"  # a per-region choice, its region lost by JSON-MIN
    bad = tmp_path / "min.json"
    bad.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=r"task 201: key 'direct' .*full JSON export"):
        read(bad, "label-studio-min")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{\"a\": 1", r"malformed JSON"),
        ("[]", r"no task in this file"),
        ("[{\"data\": {\"body\": \"نص\", \"title\": \"عنوان\"}, \"annotations\": []}]",
         r"task 1: cannot tell which data key holds the text \(body, title\)"),
        ("[{\"data\": {\"image\": 3}, \"annotations\": []}]", r"task 1: no text in 'data'"),
    ],
)
def test_files_we_cannot_read_are_refused(tmp_path: Path, content: str, says: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=says):
        read(path)


def test_text_key_wins_among_several_strings_when_no_span_decides(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"data": {"title": "عنوان", "text": "نص"}, "annotations": []}]',
                    encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "نص"


TEXT = "🙂 قال بوتين «موسكو آمنة» يوم ١٢ لـ Interfax"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def export_doc(annotator: str = "alice@example.org") -> ExportDocument:
    per = Span(*at("بوتين"), "entity", "PER")
    quote = Span(*at("«موسكو آمنة»"), "quote", "QUOTE", attributes={"direct": "indirect"})
    ifax = Span(*at("Interfax"), "entity", "ORG")
    return ExportDocument(
        "news-1", TEXT, text_sha256(TEXT), [quote, per, ifax],
        [Relation("speaker", quote.uuid, per.uuid)], meta={"source": "news-1.txt"},
        annotator=annotator, status="done",
    )


def test_written_full_json_is_label_studio_shaped() -> None:
    doc = export_doc()
    [task] = json.loads(write([doc]))
    assert task["data"] == {"text": TEXT, "name": "news-1"}
    [annotation] = task["annotations"]
    assert annotation["completed_by"] == {
        "id": 1, "email": "alice@example.org", "first_name": "", "last_name": "",
    }
    assert annotation["was_cancelled"] is False and annotation["ground_truth"] is False
    regions = [r for r in annotation["result"] if r["type"] == "labels"]
    # code points, as Label Studio's export counts them: the emoji is one
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["text"], r["value"]["labels"],
             r["from_name"], r["to_name"]) for r in regions] == [
        (6, 11, "بوتين", ["PER"], "entity", "text"),
        (12, 24, "«موسكو آمنة»", ["QUOTE"], "quote", "text"),
        (35, 43, "Interfax", ["ORG"], "entity", "text"),
    ]
    [choice] = [r for r in annotation["result"] if r["type"] == "choices"]
    assert choice["value"]["choices"] == ["indirect"] and choice["from_name"] == "direct"
    [relation] = [r for r in annotation["result"] if r["type"] == "relation"]
    assert relation == {"from_id": regions[1]["id"], "to_id": regions[0]["id"],
                        "type": "relation", "direction": "right", "labels": ["speaker"]}
    assert task["predictions"] == []


def test_gold_is_ground_truth_and_untouched_documents_have_no_annotation() -> None:
    gold = export_doc(GOLD)
    untouched = ExportDocument("empty", "نص", text_sha256("نص"), [], annotator="a", status="new")
    tasks = json.loads(write([gold, untouched]))
    assert tasks[0]["annotations"][0]["ground_truth"] is True
    assert tasks[1]["annotations"] == []


def test_full_json_round_trip_keeps_spans_links_attributes_and_uuids(tmp_path: Path) -> None:
    doc = export_doc()
    path = tmp_path / "out.json"
    path.write_text(write([doc]), encoding="utf-8")
    [back] = read(path)
    assert back.text == TEXT and back.name == "news-1"
    assert {(s.uuid, s.start, s.end, s.layer, s.label, tuple(s.attributes.items()))
            for s in back.spans} == {
        (s.uuid, s.start, s.end, s.layer, s.label, tuple(s.attributes.items()))
        for s in doc.spans
    }
    assert {(r.kind, r.head, r.tail) for r in back.relations} == {
        (r.kind, r.head, r.tail) for r in doc.relations
    }
    assert not any("UTF-16" in w for w in back.warnings)


def test_json_min_reports_links_and_attributes_it_cannot_hold(tmp_path: Path) -> None:
    report = ExportReport()
    text = write([export_doc()], "label-studio-min", report)
    [record] = json.loads(text)
    assert record["text"] == TEXT and record["annotator"] == "alice@example.org"
    assert [v["labels"] for v in record["entity"]] == [["PER"], ["ORG"]]
    assert report.links_dropped == {"news-1": 1} and report.attributes_dropped == {"news-1": 1}
    path = tmp_path / "min.json"
    path.write_text(text, encoding="utf-8")
    [back] = read(path, "label-studio-min")
    assert sorted((s.start, s.end, s.label) for s in back.spans) == [
        (*at("بوتين"), "PER"), (*at("«موسكو آمنة»"), "QUOTE"), (*at("Interfax"), "ORG"),
    ]


def test_module_names_its_formats() -> None:
    assert {label_studio.FULL, label_studio.MIN} <= set(FORMATS)
