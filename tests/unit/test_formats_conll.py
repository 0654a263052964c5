"""CoNLL writer and reader on small hand-made cases: clitic splits, nesting, drops, repairs."""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span, text_sha256
from annotator.core.schema import load_schema
from annotator.core.text import tokenize
from annotator.formats import tagging
from annotator.formats.conll import DOCSTART, document_block, parse_conll, write_conll
from annotator.formats.conllu import write_conllu
from annotator.formats.exporting import (
    ExportDocument,
    ExportOptions,
    ExportReport,
    TaggedDocument,
)
from annotator.formats.jsonl import write_jsonl
from annotator.formats.tokens import Tokens

SCHEMA = load_schema()
TEXT = "قال الرئيس للوكاشينكو في موسكو."


def doc(text: str, spans: list[Span], name: str = "d", meta: dict | None = None) -> ExportDocument:
    return ExportDocument(name, text, text_sha256(text), spans, meta=meta or {})


def export(docs: list[ExportDocument], **options: object) -> tuple[str, ExportReport]:
    out = io.StringIO()
    report = write_conll(docs, out, ExportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue(), report


def rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.split("\n") if line and "DOCSTART" not in line]


def test_entity_behind_proclitic_splits_the_token() -> None:
    start = TEXT.index("لوكاشينكو")
    span = Span(start, start + len("لوكاشينكو"), "entity", "PER")
    text, report = export([doc(TEXT, [span])])
    assert rows(text) == [
        ["قال", "O"], ["الرئيس", "O"], ["ل", "O"], ["لوكاشينكو", "B-PER"],
        ["في", "O"], ["موسكو", "O"], [".", "O"],
    ]
    assert report.splits == {"d": 1}
    assert any("split 1 token" in line for line in report.summary())


def test_bioes_and_several_layers_give_one_column_each() -> None:
    text = "قال بوتين إن روسيا قوية"
    spans = [
        Span(4, 9, "entity", "PER"),
        Span(13, 18, "entity", "GPE"),
        Span(10, 23, "quote", "QUOTE"),
    ]
    out, _ = export([doc(text, spans)], layers=("entity", "quote"), scheme="bioes")
    assert rows(out) == [
        ["قال", "O", "O"], ["بوتين", "S-PER", "O"], ["إن", "O", "B-QUOTE"],
        ["روسيا", "S-GPE", "I-QUOTE"], ["قوية", "O", "E-QUOTE"],
    ]


def test_overlap_in_one_column_keeps_the_outer_span_and_reports_the_other() -> None:
    text = "جامعة بيرزيت في فلسطين"
    outer = Span(0, 12, "entity", "ORG")
    inner = Span(6, 12, "entity", "GPE")
    out, report = export([doc(text, [inner, outer], name="w")])
    assert [r[1] for r in rows(out)] == ["B-ORG", "I-ORG", "O", "O"]
    [drop] = report.dropped
    assert drop.document == "w" and drop.span == inner
    assert "nested in ORG [0, 12)" in drop.reason
    assert "dropped 1 span(s) in w:" in report.summary()


def test_nested_columns_write_outer_first() -> None:
    text = "جامعة بيرزيت في فلسطين"
    spans = [Span(6, 12, "entity", "GPE"), Span(0, 12, "entity", "ORG")]
    out, report = export([doc(text, spans)], nested=2)
    assert rows(out)[:2] == [["جامعة", "B-ORG", "O"], ["بيرزيت", "I-ORG", "B-GPE"]]
    assert not report.dropped


def test_crossing_spans_are_dropped_with_their_reason() -> None:
    text = "أ ب ج د"
    spans = [Span(0, 3, "entity", "ORG"), Span(2, 5, "entity", "PER")]
    _, report = export([doc(text, spans)])
    assert [d.reason.split(";")[0] for d in report.dropped] == ["overlaps ORG [0, 3)"]


@pytest.mark.parametrize("fmt", ["conll", "conllu"])
def test_links_and_attributes_the_columns_cannot_hold_are_reported(fmt: str) -> None:
    text = "قال بوتين إن روسيا قوية"
    per = Span(4, 9, "entity", "PER")
    quote = Span(10, 23, "quote", "QUOTE", attributes={"direct": "indirect"})
    claim = Span(13, 23, "claim", "CLAIM")
    links = [Relation("speaker", quote.uuid, per.uuid), Relation("source", claim.uuid, per.uuid)]
    docs = [
        ExportDocument("a", text, text_sha256(text), [per, quote, claim], links),
        doc("ثلاثة", [], name="b"),
    ]
    writer = write_conll if fmt == "conll" else write_conllu
    report = writer(docs, io.StringIO(), ExportOptions(layers=("entity", "quote", "claim")))
    assert report.spans_written == 3
    assert report.links_dropped == {"a": 2}
    assert report.attributes_dropped == {"a": 1}
    summary = report.summary()
    assert any(line.startswith("left out 2 link(s)") and line.endswith(": a 2")
               for line in summary), summary
    assert any(line.startswith("left out the attributes of 1 span(s)") and line.endswith(": a 1")
               for line in summary), summary


def test_summary_counts_tokens_only_for_formats_with_tokens() -> None:
    text = "قال بوتين"
    docs = [doc(text, [Span(4, 9, "entity", "PER")])]
    _, tagged = export(docs)
    assert tagged.summary()[0] == "wrote 1 document(s), 2 token(s), 1 span(s)"
    plain = write_jsonl(docs, io.StringIO())
    assert plain.summary() == ["wrote 1 document(s), 1 span(s)"]


def test_docstart_between_documents_and_blank_lines_between_sentences() -> None:
    a = doc("واحد. اثنان", [], name="a")
    b = doc("ثلاثة", [], name="b")
    out, report = export([a, b], doc_separator="conll2003")
    assert out == (
        f"{DOCSTART}\n\nواحد\tO\n.\tO\n\nاثنان\tO\n\n{DOCSTART}\n\nثلاثة\tO\n\n"
    )
    assert report.documents == 2 and report.tokens == 4


def test_span_across_a_sentence_break_joins_the_sentences() -> None:
    text = "قال: مرحبا. وداعا"
    span = Span(5, 17, "quote", "QUOTE")
    out, report = export([doc(text, [span])], layers=("quote",))
    assert "\n\n" not in out.strip("\n")
    assert report.joined == {"d": 1}


def test_span_on_spaces_only_is_dropped() -> None:
    text = "أ \u200f ب"
    out, report = export([doc(text, [Span(1, 4, "entity", "PER")])])
    assert report.dropped[0].reason.startswith("covers no token")
    assert "B-" not in out


def test_reader_builds_text_from_tokens_and_keeps_rtl_marks() -> None:
    content = "الطولونية\u200f B-LOC\n\u200f O\nجامع O\n\nفي\tO\n\tO\nمصر\tB-GPE\n"
    [d] = parse_conll(content, "x.conll", SCHEMA)
    assert d.text == "الطولونية\u200f \u200f جامع\nفي مصر"
    assert [(s.covered(d.text), s.label) for s in d.spans] == [
        ("الطولونية\u200f", "LOC"), ("مصر", "GPE"),
    ]
    assert d.meta["tokenization"] == "lines"


def test_reader_repairs_iob1_and_warns_with_lines() -> None:
    content = "أ O\nب I-PER\nج I-PER\nد I-ORG\n"
    [d] = parse_conll(content, "x.conll", SCHEMA)
    assert [(s.covered(d.text), s.label) for s in d.spans] == [("ب ج", "PER"), ("د", "ORG")]
    assert len(d.warnings) == 1 and "line(s) 2, 4" in d.warnings[0]


def test_reader_refuses_unknown_tags_listing_lines() -> None:
    content = "أ B-PER\nب IO\nج B-MISS1\nد I-MISS1\n"
    with pytest.raises(InputError, match=r"^x\.conll:2: tags outside the schema: ") as caught:
        parse_conll(content, "x.conll", SCHEMA)
    assert caught.value.line == 2
    assert "'IO' (malformed" in str(caught.value)
    assert "'I-MISS1' (label 'MISS1' is not in the schema) on line 4" in str(caught.value)
    assert "--map-tags" in str(caught.value)


def test_map_tags_file_maps_whole_tags_and_labels(tmp_path: Path) -> None:
    table = tmp_path / "map.tsv"
    table.write_text("# comment\nIO\tO\nMISS1\tMISC\nI--ORG\tI-ORG\n", encoding="utf-8")
    content = "أ B-ORG\nب I--ORG\nج IO\nد B-MISS1\n"
    [d] = parse_conll(content, "x.conll", SCHEMA, table)
    assert [(s.covered(d.text), s.label) for s in d.spans] == [("أ ب", "ORG"), ("د", "MISC")]


def test_map_to_a_label_outside_the_schema_names_the_map_line(tmp_path: Path) -> None:
    table = tmp_path / "map.tsv"
    table.write_text("IO\tO\nMIS1\tNOPE\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mapped by .*map.tsv:2 to 'NOPE'"):
        parse_conll("أ B-MIS1\n", "x.conll", SCHEMA, table)


def test_docstart_gives_several_documents() -> None:
    content = f"{DOCSTART}\n\nأ B-PER\n\n{DOCSTART}\n\nب O\nج B-GPE\n"
    docs = parse_conll(content, "news.conll", SCHEMA)
    assert [d.name for d in docs] == ["news-1", "news-2"]
    assert [d.text for d in docs] == ["أ", "ب ج"]


@pytest.mark.parametrize("docstart", ["-DOCSTART- O", "-DOCSTART-\tO", "-DOCSTART-"])
def test_two_field_and_bare_docstart_lines_split_documents(docstart: str) -> None:
    content = f"{docstart}\n\nمحمد B-PER\n\n{docstart}\n\nبغداد B-LOC\n"
    docs = parse_conll(content, "news.conll", SCHEMA)
    assert [d.text for d in docs] == ["محمد", "بغداد"]
    assert [[(s.covered(d.text), s.label) for s in d.spans] for d in docs] == [
        [("محمد", "PER")], [("بغداد", "LOC")],
    ]


def test_empty_middle_tag_column_reads_as_o_and_keeps_later_columns_in_place() -> None:
    content = "جامعة\tB-ORG\tO\tB-GPE\nبيرزيت\tI-ORG\t\tI-GPE\nفي\tO\n"
    [d] = parse_conll(content, "w.conll", SCHEMA)
    # I-GPE continues the third column's B-GPE: one GPE span over both tokens, no repair
    assert sorted((s.covered(d.text), s.label) for s in d.spans) == [
        ("جامعة بيرزيت", "GPE"), ("جامعة بيرزيت", "ORG"),
    ]
    assert d.warnings == []


def test_multi_tag_lines_read_each_column() -> None:
    content = "جامعة B-ORG\nبيرزيت I-ORG B-GPE\nفي O\n"
    [d] = parse_conll(content, "w.conll", SCHEMA)
    assert sorted((s.covered(d.text), s.label) for s in d.spans) == [
        ("بيرزيت", "GPE"), ("جامعة بيرزيت", "ORG"),
    ]


def test_line_without_tag_is_refused() -> None:
    with pytest.raises(InputError, match="no tag") as caught:
        parse_conll("أ O\nب\n", "x.conll", SCHEMA)
    assert caught.value.line == 2


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(["بوتين", "وبوتين", "موسكو", "،", "في", "C++", "3.5"]),
                   min_size=1, max_size=12),
    picks=st.lists(st.tuples(st.integers(0, 11), st.integers(1, 3),
                             st.sampled_from(["PER", "GPE"])), max_size=4),
)
def test_exported_spans_come_back_on_import(
    words: list[str], picks: list[tuple[int, int, str]]
) -> None:
    """Any non-overlapping token-aligned spans survive export and re-import exactly."""
    text = " ".join(words)
    tokens = tokenize(text)
    spans: list[Span] = []
    for first, length, label in picks:
        if first >= len(tokens):
            continue
        last = min(first + length, len(tokens)) - 1
        start, end = tokens[first][0], tokens[last][1]
        if all(end <= s.start or s.end <= start for s in spans):
            spans.append(Span(start, end, "entity", label))
    out, report = export([doc(text, spans)])
    assert not report.dropped
    [back] = parse_conll(out, "x.conll", SCHEMA)
    # the re-imported text joins tokens by spaces: compare the covered strings in order
    ours = sorted(spans, key=lambda s: s.start)
    assert [(s.covered(back.text).replace(" ", ""), s.label) for s in back.spans] == [
        (s.covered(text).replace(" ", ""), s.label) for s in ours
    ]


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_lines_whose_token_is_empty_are_skipped_and_counted(sep: str) -> None:
    """ANERcorp has five lines that are a space and a tag: the token is empty, in either form."""
    content = (
        f"قَالَ{sep}O\n{sep}O\nمُحـمّد{sep}B-PER\n{sep}B-PER\n\u200fبغداد{sep}B-LOC\n"
        f"Linux{sep}B-MISC\n٢٠٢٤{sep}O\n😀{sep}O\n"
    )
    [d] = parse_conll(content, "anercorp.txt", SCHEMA)
    assert d.text == "قَالَ مُحـمّد \u200fبغداد Linux ٢٠٢٤ 😀"
    assert [(s.covered(d.text), s.label) for s in d.spans] == [
        ("مُحـمّد", "PER"), ("\u200fبغداد", "LOC"), ("Linux", "MISC"),
    ]
    [warning] = d.warnings
    assert "2 line(s) with an empty token were skipped" in warning
    assert "1 of them carried a tag" in warning and "line(s) 2, 4" in warning


def test_leading_space_line_with_two_tags_is_an_empty_token_too() -> None:
    """The space form reads like the tab form: a line that begins with its separator has an
    empty token, even when several tag columns follow (Wojood's multi-tag lines)."""
    [d] = parse_conll("أ B-ORG\n I-ORG B-GPE\nب I-ORG\n", "w.txt", SCHEMA)
    assert d.text == "أ ب"
    assert [(s.covered(d.text), s.label) for s in d.spans] == [("أ ب", "ORG")]


def test_the_default_export_has_no_document_line_and_says_so() -> None:
    """flair's column probe and pandas read ``-DOCSTART- -X- O O`` as a token: the default
    writes sentences only, and the report says the documents run on."""
    a = doc("قالَ بوتين.", [Span(5, 10, "entity", "PER")], name="a")
    b = doc("موسكو ٢٠٢٤ 😀", [Span(0, 5, "entity", "GPE")], name="b")
    out, report = export([a, b])
    assert out == "قالَ\tO\nبوتين\tB-PER\n.\tO\n\nموسكو\tB-GPE\n٢٠٢٤\tO\n😀\tO\n\n"
    assert any("2 documents follow each other with no line between them" in line
               and "--doc-separator" in line for line in report.summary())
    _, single = export([a])
    assert not single.notes


def test_the_token_separator_is_a_token_line_with_o_in_every_column() -> None:
    a = doc("قال بوتين", [Span(4, 9, "entity", "PER")], name="a")
    b = doc("في موسكو", [Span(3, 8, "quote", "QUOTE")], name="b")
    out, report = export([a, b], layers=("entity", "quote"), doc_separator="token")
    assert out.split("\n\n")[0] == "-DOCSTART-\tO\tO"
    assert out.count("-DOCSTART-\tO\tO\n\n") == 2 and not report.notes
    docs = parse_conll(out, "x.conll", SCHEMA)
    assert [(d.text, [(s.covered(d.text), s.label) for s in d.spans]) for d in docs] == [
        ("قال بوتين", [("بوتين", "PER")]), ("في موسكو", [("موسكو", "QUOTE")]),
    ]


def test_an_unknown_document_separator_is_refused() -> None:
    with pytest.raises(ValueError, match="document separator"):
        ExportOptions(doc_separator="blank")


def test_bilou_writes_u_and_l_and_reads_back() -> None:
    text = "قال فلاديمير بوتين في موسكو"
    spans = [Span(4, 18, "entity", "PER"), Span(22, 27, "entity", "GPE")]
    out, _ = export([doc(text, spans)], scheme="bilou")
    assert [r[1] for r in rows(out)] == ["O", "B-PER", "L-PER", "O", "U-GPE"]
    [back] = parse_conll(out, "x.conll", SCHEMA)
    assert [(s.covered(back.text), s.label) for s in back.spans] == [
        ("فلاديمير بوتين", "PER"), ("موسكو", "GPE"),
    ]


@pytest.mark.parametrize(
    "sentence_starts",
    [[0], [0, 1], [0, 2, 3], [], [0, 3], [0, 1, 1], [1, 2], [0, 2, 1]],
)
@pytest.mark.parametrize("columns", [0, 1, 3])
def test_a_document_block_is_its_sentences_each_with_a_blank_line(
    sentence_starts: list[int], columns: int
) -> None:
    # the one-join writing of sentences, and the sentence by sentence one it falls back to
    # for starts no tokenizer makes (empty, repeated, out of order, past the end); no tag
    # column, one, or several (--nested, --layers)
    words = ["w0", "w1", "w2", "w3"][: 3 if sentence_starts == [0, 3] else 4]
    tokens = Tokens([0] * len(words), [1] * len(words), sentence_starts, words)
    tags = [[f"t{c}.{k}" for k in range(len(words))] for c in range(columns)]
    tagged = TaggedDocument(tokens, tags)
    lines = ["\t".join([w, *(column[k] for column in tags)]) for k, w in enumerate(words)]
    bounds = [*sentence_starts, len(words)]
    expected = "".join(
        "\n".join(lines[a:b]) + "\n\n" for a, b in pairwise(bounds)
    )
    assert document_block("", tagged) == expected
    assert tagged.columns == tags  # the caller's columns untouched


def test_a_tag_column_shorter_than_the_tokens_is_refused() -> None:
    tokens = Tokens([0, 1], [1, 2], [0], ["w0", "w1"])
    with pytest.raises(ValueError, match="differ in length"):
        document_block("", TaggedDocument(tokens, [["O"]]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 4), st.sampled_from("ABC")),
                max_size=12))
def test_spans_are_dealt_by_start_longest_first_in_the_given_order_of_ties(
    raw: list[tuple[int, int, str]],
) -> None:
    # sorted or not (the database gives them sorted, other callers need not), ties included
    spans = [Span(start, start + width, "entity", label) for start, width, label in raw]
    for columns in (1, 2):
        # the rule, plainly: each span by (start, -end), stable, to the first column it fits
        expected: list[list[Span]] = [[] for _ in range(columns)]
        left_out = []
        for span in sorted(spans, key=lambda s: (s.start, -s.end)):
            free = [c for c in expected if not c or c[-1].end <= span.start]
            free[0].append(span) if free else left_out.append(span)
        dealt, dropped = tagging.deal_into_columns(spans, columns)
        assert dealt == expected
        assert [s for s, _ in dropped] == left_out
