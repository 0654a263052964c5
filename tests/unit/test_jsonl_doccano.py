"""doccano's JSONL exports, as its data_export pipeline writes them (tests/data/doccano)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.paths import ROOT

from annotator.cli import main
from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import load_schema
from annotator.formats.jsonl import read_jsonl

SCHEMA = load_schema()
DOCCANO = ROOT / "tests" / "data" / "doccano"


def read(name: str, map_relations: Path | None = None) -> list[ImportedDocument]:
    return read_jsonl(DOCCANO / name, SCHEMA, map_relations=map_relations)


def covered(doc: ImportedDocument) -> list[tuple[str, str]]:
    return [(s.label, doc.text[s.start : s.end]) for s in doc.spans]


def relation_map(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "relations.map"
    path.write_text(text, encoding="utf-8")
    return path


def test_relation_project_without_relations_reads_every_entity() -> None:
    docs = read("relations-none.jsonl")
    assert [len(d.spans) for d in docs] == [3, 3, 0]
    assert covered(docs[0]) == [
        ("PER", "فلاديمير بوتين"), ("QUOTE", "«المحادثاتِ كانت مثمرة»"), ("GPE", "موسكو"),
    ]
    assert covered(docs[1]) == [("PER", "لوكاشينكو"), ("GPE", "بيلاروسيا"), ("GPE", "روسيا")]
    assert all(d.relations == [] for d in docs)


def test_relation_types_are_mapped_onto_the_schema(tmp_path: Path) -> None:
    mapping = relation_map(tmp_path, "# doccano -> ours\nsaid_by\tspeaker\n")
    docs = read("relations-admin.jsonl", mapping)
    [rel] = docs[0].relations
    by_uuid = {s.uuid: s for s in docs[0].spans}
    assert rel.kind == "speaker"
    assert (by_uuid[rel.head].label, by_uuid[rel.tail].label) == ("QUOTE", "PER")


def test_a_relation_type_the_schema_lacks_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match=r"relations-admin\.jsonl:1: ") as caught:
        read("relations-admin.jsonl")
    assert "'said_by'" in str(caught.value) and "--map-relations" in str(caught.value)


def test_a_relation_drawn_the_other_way_is_turned_round_when_the_map_says_so(
    tmp_path: Path,
) -> None:
    docs = read("relations-reversed.jsonl", relation_map(tmp_path, "says speaker reverse\n"))
    [rel] = docs[0].relations
    by_uuid = {s.uuid: s for s in docs[0].spans}
    assert (rel.kind, by_uuid[rel.head].label, by_uuid[rel.tail].label) == (
        "speaker", "QUOTE", "PER",
    )


def test_a_relation_drawn_the_other_way_without_reverse_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"relations-reversed\.jsonl:1: .*speaker link joins"):
        read("relations-reversed.jsonl", relation_map(tmp_path, "says speaker\n"))


def test_a_map_may_leave_a_relation_type_out_and_says_so(tmp_path: Path) -> None:
    docs = read("relations-admin.jsonl", relation_map(tmp_path, "said_by -\n"))
    assert docs[0].relations == [] and len(docs[0].spans) == 3
    assert any("left out 1 link(s) of type 'said_by'" in w for w in docs[0].warnings)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("said_by\tquoted\n", "'quoted' is not a link kind of the schema"),
        ("said_by\n", "FOREIGN<TAB>OURS"),
        ("said_by speaker backwards\n", "'backwards'"),
    ],
)
def test_a_bad_relation_map_is_refused_with_its_line(tmp_path: Path, text: str, why: str) -> None:
    path = relation_map(tmp_path, "# map\n" + text)
    with pytest.raises(InputError, match=rf"relations\.map:2: .*{why}"):
        read("relations-admin.jsonl", path)


def test_sequence_labelling_export_keeps_working_and_keeps_its_fields() -> None:
    docs = read("sequence-all.jsonl")
    assert covered(docs[0]) == [("PER", "فلاديمير بوتين"), ("GPE", "موسكو")]
    assert covered(docs[1]) == [("PER", "لوكاشينكو"), ("GPE", "روسيا")]
    assert docs[0].meta == {"id": 1, "source": "tass", "Comments": ["تحقق من المصدر"]}


def test_extra_fields_and_comments_of_a_relation_project_are_kept_in_meta(tmp_path: Path) -> None:
    docs = read("relations-admin.jsonl", relation_map(tmp_path, "said_by speaker\n"))
    assert docs[0].meta == {
        "id": 1, "source": "tass", "Comments": [{"id": 3, "comment": "تحقق من المصدر"}],
    }


def line_file(tmp_path: Path, obj: dict[str, object]) -> Path:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entities", "relations", "why"),
    [
        ([{"id": 1, "label": "PER", "start": 0, "end": 3}], [], "entity 0 has no 'start_offset'"),
        ([{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 99}], [], "outside the text"),
        ([{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 3}],
         [{"id": 1, "from_id": 1, "to_id": 5, "type": "speaker"}], "to_id 5 names no entity"),
        ([{"id": 1, "label": "PER", "start_offset": 0, "end_offset": 3},
          {"id": 1, "label": "GPE", "start_offset": 4, "end_offset": 9}], [], "id 1 is used twice"),
    ],
)
def test_doccano_lines_that_cannot_be_read_are_refused(
    tmp_path: Path, entities: list[object], relations: list[object], why: str
) -> None:
    path = line_file(tmp_path, {"id": 1, "text": "قال بوتين إن", "entities": entities,
                                "relations": relations, "Comments": []})
    with pytest.raises(InputError, match=rf"d\.jsonl:1: .*{why}"):
        read_jsonl(path, SCHEMA)


# --- through the command line ---------------------------------------------------------------


def test_cli_imports_a_relation_project_without_relations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", db, str(DOCCANO / "relations-none.jsonl")]) == 0
    assert "imported 3 document(s), 6 span(s), 0 link(s)" in capsys.readouterr().out


def test_cli_refuses_unmapped_relations_then_reads_them_with_a_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db.sqlite3")
    source = str(DOCCANO / "relations-admin.jsonl")
    assert main(["import", "--db", db, source]) == 1
    err = capsys.readouterr().err
    assert f"annotator: error: {source}:1: " in err and "--map-relations" in err
    assert "Traceback" not in err
    mapping = relation_map(tmp_path, "said_by\tspeaker\n")
    assert main(["import", "--db", db, "--map-relations", str(mapping), source]) == 0
    assert "imported 3 document(s), 6 span(s), 1 link(s)" in capsys.readouterr().out
