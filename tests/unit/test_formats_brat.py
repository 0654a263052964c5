"""brat standoff: line forms, spans over line breaks, refusals that name the line."""

from __future__ import annotations

import pytest

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.core.schema import load_schema
from annotator.formats.brat import ann_text, parse_ann, safe_name
from annotator.formats.exporting import ExportDocument

SCHEMA = load_schema()
TEXT = "قال بوتين:\n«موسكو آمنة»"


def test_lines_for_spans_relations_and_attributes() -> None:
    per = Span(4, 9, "entity", "PER")
    quote = Span(11, 23, "quote", "QUOTE", attributes={"direct": "direct"})
    doc = ExportDocument("d", TEXT, text_sha256(TEXT), [quote, per],
                         [Relation("speaker", quote.uuid, per.uuid)])
    assert ann_text(doc).splitlines() == [
        "T1\tPER 4 9\tبوتين",
        "T2\tQUOTE 11 23\t«موسكو آمنة»",
        "R1\tspeaker Arg1:T2 Arg2:T1",
        "A1\tdirect T2 direct",
    ]


def test_span_over_a_line_break_is_written_as_fragments_and_read_whole() -> None:
    span = Span(4, 17, "quote", "QUOTE")
    ann = ann_text(ExportDocument("d", TEXT, text_sha256(TEXT), [span]))
    assert ann == "T1\tQUOTE 4 10;11 17\tبوتين: «موسكو\n"
    back = parse_ann(ann, TEXT, "d.ann", SCHEMA)
    assert [(s.start, s.end, s.layer) for s in back.spans] == [(4, 17, "quote")]


def test_covered_text_must_match_the_offsets() -> None:
    with pytest.raises(InputError, match="not the text at those offsets") as caught:
        parse_ann("T1\tPER 4 9\tبوتين\nT2\tGPE 0 3\tموسكو\n", TEXT, "d.ann", SCHEMA)
    assert caught.value.line == 2


def test_relation_naming_a_missing_span_is_refused() -> None:
    with pytest.raises(InputError, match="T9 names no T line"):
        parse_ann("T1\tPER 4 9\tبوتين\nR1\tspeaker Arg1:T9 Arg2:T1\n", TEXT, "d.ann", SCHEMA)


def test_unknown_type_is_refused() -> None:
    with pytest.raises(InputError, match="unknown type 'Person'"):
        parse_ann("T1\tPerson 4 9\tبوتين\n", TEXT, "d.ann", SCHEMA)


def test_binary_attribute_reads_as_true_and_notes_are_counted() -> None:
    ann = "T1\tPER 4 9\tبوتين\nA1\tnegated T1\n#1\tAnnotatorNotes T1\tnote\n"
    back = parse_ann(ann, TEXT, "d.ann", SCHEMA)
    assert back.spans[0].attributes == {"negated": True}
    assert "1 line(s) of other kinds" in back.warnings[0]


def test_document_names_become_safe_file_names() -> None:
    assert safe_name("../أخبار/يوم:1") == "_أخبار_يوم_1"


SPANS = "T1\tPER 4 9\tبوتين\nT2\tQUOTE 11 23\t«موسكو آمنة»\nT3\tGPE 12 17\tموسكو\n"


@pytest.mark.parametrize(("relation", "why"), [
    ("R1\tspeaker Arg1:T3 Arg2:T1", r"not entity/GPE \(T3\) -> entity/PER \(T1\)"),
    # the wrong way round
    ("R1\tspeaker Arg1:T1 Arg2:T2", r"not entity/PER \(T1\) -> quote/QUOTE \(T2\)"),
    # a source link starts at a claim, not a quote
    ("R1\tsource Arg1:T2 Arg2:T1", "a source link joins claim -> entity, not quote/QUOTE"),
])
def test_link_between_the_wrong_layers_is_refused_with_its_line(relation: str, why: str) -> None:
    with pytest.raises(InputError, match=why) as caught:
        parse_ann(SPANS + relation + "\n", TEXT, "d.ann", SCHEMA)
    assert caught.value.line == 4 and caught.value.path == "d.ann"


def test_arguments_are_read_by_role_not_position() -> None:
    back = parse_ann(SPANS + "R1\tspeaker Arg2:T1 Arg1:T2\n", TEXT, "d.ann", SCHEMA)
    [rel] = back.relations
    by_uuid = {s.uuid: s.label for s in back.spans}
    assert (by_uuid[rel.head], by_uuid[rel.tail]) == ("QUOTE", "PER")


def test_unknown_argument_roles_are_refused() -> None:
    with pytest.raises(InputError, match="arguments are Arg1:T1 Arg2:T2") as caught:
        parse_ann(SPANS + "R1\tspeaker From:T2 To:T1\n", TEXT, "d.ann", SCHEMA)
    assert caught.value.line == 4


def test_an_id_defined_twice_is_refused() -> None:
    with pytest.raises(InputError, match=r"T1 is defined twice \(also on line 1\)") as caught:
        parse_ann(SPANS + "T1\tGPE 12 17\tموسكو\n", TEXT, "d.ann", SCHEMA)
    assert caught.value.line == 4
