"""JSONL reader and writer: uuids, links, status and provenance; refusals that name the line."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.model import STATUSES, Relation, Span, text_sha256
from annotator.core.schema import load_schema
from annotator.formats import jsonl
from annotator.formats.exporting import ExportDocument
from annotator.formats.jsonl import parse_jsonl_line, read_jsonl, write_jsonl

SCHEMA = load_schema()
TEXT = "قال بوتين إن روسيا قوية"
PER = {"start": 4, "end": 9, "label": "PER"}
GPE = {"start": 13, "end": 18, "label": "GPE"}
QUOTE = {"start": 10, "end": 23, "label": "QUOTE", "layer": "quote"}


def line(**fields: Any) -> str:
    return json.dumps({"text": TEXT, **fields}, ensure_ascii=False)


def refusal(text: str, line_number: int = 4) -> InputError:
    """The refusal of one line; it names the file and line first, the callers check why."""
    with pytest.raises(InputError, match=rf"^in\.jsonl:{line_number}: ") as caught:
        parse_jsonl_line(text, SCHEMA, "in.jsonl", line_number)
    assert caught.value.path == "in.jsonl" and caught.value.line == line_number
    return caught.value


# --- links join the layers of their kind ----------------------------------------------------


def test_link_between_the_wrong_layers_is_refused() -> None:
    err = refusal(line(spans=[PER, GPE], relations=[{"kind": "speaker", "head": 0, "tail": 1}]))
    assert "speaker link joins quote -> entity, not entity/PER -> entity/GPE" in str(err)


def test_link_the_wrong_way_round_is_refused() -> None:
    err = refusal(line(spans=[PER, QUOTE], relations=[{"kind": "speaker", "head": 0, "tail": 1}]))
    assert "not entity/PER -> quote/QUOTE" in str(err)


def test_link_of_a_kind_the_schema_lacks_is_refused() -> None:
    err = refusal(line(spans=[QUOTE, PER], relations=[{"kind": "said", "head": 0, "tail": 1}]))
    assert "unknown kind 'said'" in str(err)


def test_link_between_the_right_layers_is_read() -> None:
    d = parse_jsonl_line(
        line(spans=[QUOTE, PER], relations=[{"kind": "speaker", "head": 0, "tail": 1}]),
        SCHEMA, "in.jsonl", 1,
    )
    [rel] = d.relations
    assert (rel.kind, rel.head, rel.tail) == ("speaker", d.spans[0].uuid, d.spans[1].uuid)


# --- uuids ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["5", "not-a-uuid", 5, ["x"], "0" * 33])
def test_span_uuid_that_is_not_a_uuid_is_refused(bad: object) -> None:
    err = refusal(line(spans=[PER | {"uuid": bad}]))
    assert "is not a UUID" in str(err)


def test_relation_uuid_that_is_not_a_uuid_is_refused() -> None:
    rel = {"kind": "speaker", "head": 0, "tail": 1, "uuid": "x" * 50}
    assert "relation 0: uuid" in str(refusal(line(spans=[QUOTE, PER], relations=[rel])))


def test_uuids_are_kept_in_canonical_form_and_links_may_name_them_any_way() -> None:
    u = uuid.uuid4()
    spans = [QUOTE | {"uuid": str(u).upper()}, PER]
    relations = [{"kind": "speaker", "head": "{" + u.hex + "}", "tail": 1}]
    d = parse_jsonl_line(line(spans=spans, relations=relations), SCHEMA, "in.jsonl", 1)
    assert d.spans[0].uuid == str(u)
    assert d.relations[0].head == str(u)


def test_duplicate_span_uuid_on_one_line_is_refused() -> None:
    u = str(uuid.uuid4())
    err = refusal(line(spans=[PER | {"uuid": u}, GPE | {"uuid": u.upper()}]))
    assert f"span 1: uuid {u} is used twice (also on this line)" in str(err)


def test_duplicate_uuids_across_lines_are_refused(tmp_path: Path) -> None:
    u, r = str(uuid.uuid4()), str(uuid.uuid4())
    other = "زار وزير الخارجية القاهرة أمس."
    first = line(spans=[QUOTE, PER | {"uuid": u}],
                 relations=[{"kind": "speaker", "head": 0, "tail": 1, "uuid": r}])
    for second, what in (
        (json.dumps({"text": other, "spans": [{"start": 18, "end": 25, "label": "GPE",
                                               "uuid": u}]}, ensure_ascii=False), "span 0"),
        (line(spans=[QUOTE, PER], relations=[{"kind": "speaker", "head": 0, "tail": 1,
                                               "uuid": r}]), "relation 0"),
    ):
        f = tmp_path / "in.jsonl"
        f.write_text(first + "\n\n" + second + "\n", encoding="utf-8")
        with pytest.raises(InputError, match=f"{what}: uuid .* is used twice") as caught:
            read_jsonl(f, SCHEMA)
        assert caught.value.line == 3
        assert "also on line 1" in str(caught.value)


# --- status and provenance ------------------------------------------------------------------


def test_status_and_provenance_are_read() -> None:
    prov = {"decided_by": "curator", "decision": "accept_a", "from": ["a", "b"]}
    d = parse_jsonl_line(
        line(status="done", spans=[PER | {"provenance": prov}, GPE]), SCHEMA, "in.jsonl", 1
    )
    assert d.status == "done"
    assert d.provenance == {d.spans[0].uuid: prov}


def test_no_status_leaves_it_alone() -> None:
    assert parse_jsonl_line(line(spans=[PER]), SCHEMA, "in.jsonl", 1).status is None


@pytest.mark.parametrize("bad", ["finished", 3])
def test_unknown_status_is_refused(bad: object) -> None:
    assert "'status'" in str(refusal(line(status=bad)))


def test_provenance_must_be_an_object() -> None:
    assert "provenance must be an object" in str(refusal(line(spans=[PER | {"provenance": "x"}])))


def test_reader_knows_the_statuses_of_the_database() -> None:
    assert jsonl.STATUSES == STATUSES


def test_writer_emits_status_and_provenance_where_present() -> None:
    per, gpe = Span(4, 9, "entity", "PER"), Span(13, 18, "entity", "GPE")
    prov = {"decided_by": "curator", "decision": "both"}
    doc = ExportDocument("d", TEXT, text_sha256(TEXT), [gpe, per], annotator="gold",
                         status="in_progress", provenance={per.uuid: prov})
    out = io.StringIO()
    write_jsonl([doc], out)
    obj = json.loads(out.getvalue())
    assert list(obj)[:6] == ["name", "text", "sha256", "annotator", "status", "meta"]
    assert obj["status"] == "in_progress"
    assert [s.get("provenance") for s in obj["spans"]] == [prov, None]
    assert "provenance" not in obj["spans"][1]
    back = parse_jsonl_line(out.getvalue(), SCHEMA, "out.jsonl", 1)
    assert (back.status, back.provenance, back.annotator) == ("in_progress", {per.uuid: prov},
                                                              "gold")


# --- other malformed input ------------------------------------------------------------------


@pytest.mark.parametrize("escaped", ["\\ud800", "\\uDFFF x"])
def test_escaped_lone_surrogate_is_refused(escaped: str) -> None:
    err = refusal('{"text": "' + escaped + ' abc", "sha256": "0"}')
    assert "surrogate" in str(err)


@pytest.mark.parametrize("bad", [
    line(annotator={"name": "x"}),
    line(spans=[PER | {"annotator": 3}]),
    line(spans=[QUOTE, PER], relations=[{"kind": "speaker", "head": 0, "tail": 1,
                                          "annotator": []}]),
])
def test_annotator_that_is_not_a_string_is_refused(bad: str) -> None:
    assert "annotator" in str(refusal(bad)) and "must be a string" in str(refusal(bad))


def test_relation_written_with_uuid_ends_reads_back() -> None:
    quote, per = Span(10, 23, "quote", "QUOTE"), Span(4, 9, "entity", "PER")
    rel = Relation("speaker", quote.uuid, per.uuid)
    out = io.StringIO()
    write_jsonl([ExportDocument("d", TEXT, text_sha256(TEXT), [quote, per], [rel])], out)
    back = parse_jsonl_line(out.getvalue(), SCHEMA, "out.jsonl", 1)
    assert back.relations == [rel]
