"""WebAnno TSV 3.3 (INCEpTION): reading every variant its specification and its own test suite
show, writing what INCEpTION's reader takes back, and refusing in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.paths import ROOT

from annotator.core.errors import InputError
from annotator.core.model import Relation, Span
from annotator.core.schema import Schema, load_schema, parse_schema
from annotator.formats.exporting import ExportDocument, ExportOptions, ExportReport
from annotator.formats.registry import format_of
from annotator.formats.webanno import (
    escape_text,
    escape_value,
    unescape_text,
    unescape_value,
    write_webanno,
)
from annotator.formats.webanno_read import read_webanno

SUITE = ROOT / "tests" / "data" / "webanno"
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
# the spans of INCEpTION's test files: one layer per custom type, a link kind per slot/relation
SUITE_SCHEMA = """
[[layers]]
name = "span"
labels = [%s]
[[layers]]
name = "simplespan"
labels = [{ name = "S" }]
[[layers]]
name = "simplelinkhost"
labels = [{ name = "H" }]
[[relations]]
name = "relation"
from_layer = "span"
to_layer = "span"
[[relations]]
name = "links"
from_layer = "simplelinkhost"
to_layer = "simplespan"
"""


NUMBERS = [str(n) for n in range(1, 13)]


def suite_schema(*span_labels: str) -> Schema:
    """A span without a value takes its layer's one label: X unless others are asked for."""
    labels = ", ".join(f'{{ name = "{n}" }}' for n in span_labels or ("X",))
    return parse_schema(SUITE_SCHEMA % labels, "suite.toml")


def read(tmp_path: Path, content: str, schema: Schema | None = None, name: str = "d.tsv"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    docs = read_webanno(path, schema or load_schema())
    assert len(docs) == 1
    return docs[0]


def spans_of(doc) -> list[tuple[int, int, str, str]]:
    return sorted((s.start, s.end, s.label, doc.text[s.start : s.end]) for s in doc.spans)


def links_of(doc) -> list[tuple[str, str, str]]:
    by_uuid = {s.uuid: s for s in doc.spans}
    return sorted(
        (r.kind, doc.text[by_uuid[r.head].start : by_uuid[r.head].end],
         doc.text[by_uuid[r.tail].start : by_uuid[r.tail].end])
        for r in doc.relations
    )


# --- INCEpTION's own reference files -----------------------------------------------------------


def test_sub_token_and_multi_token_spans_get_inceptions_offsets(tmp_path: Path) -> None:
    content = (SUITE / "testSubMultiTokenSpanWithFeatureValue.tsv").read_text(encoding="utf-8")
    # three annotations there are empty (7-7, 10-10, 13-13): a span of ours cannot be
    with pytest.raises(InputError, match=r"covers no text .*empty span") as refused:
        read(tmp_path, content, suite_schema(*NUMBERS))
    assert refused.value.line == 11  # 1-2.3 7-7, value 11
    # without them, every offset is the one INCEpTION's reference.xmi holds
    kept = "\n".join(
        line for line in content.split("\n") if line.split("\t")[1:2] not in (
            ["7-7"], ["10-10"], ["13-13"])
    )
    doc = read(tmp_path, kept, suite_schema(*NUMBERS))
    assert doc.text == "aaaaaa bbbbbb cccccc"
    assert sorted((s.label, s.start, s.end) for s in doc.spans) == sorted([
        ("2", 0, 13), ("7", 0, 10), ("1", 0, 6), ("9", 3, 17), ("6", 3, 13), ("8", 3, 10),
        ("4", 7, 11), ("5", 9, 13), ("3", 9, 11),
    ])


def test_stacked_relation_ends_are_told_apart_by_their_ids(tmp_path: Path) -> None:
    content = (SUITE / "testSingleStackedNonTokenRelationWithoutFeatureValue.tsv").read_text(
        encoding="utf-8"
    )
    doc = read(tmp_path, content, suite_schema())
    assert len(doc.spans) == 4  # *[1]|*[2] on "This", *[3]|*[4] on "."
    assert len(doc.relations) == 1
    by_uuid = {s.uuid: s for s in doc.spans}
    link = doc.relations[0]
    head, tail = by_uuid[link.head], by_uuid[link.tail]
    assert (link.kind, doc.text[head.start : head.end], doc.text[tail.start : tail.end]) == (
        "relation", "This", ".")
    # 1-1[1_3]: the first of the two on "This" to the first of the two on "."
    first_this = min((s for s in doc.spans if s.start == 0), key=lambda s: doc.spans.index(s))
    first_dot = min((s for s in doc.spans if s.start == 15), key=lambda s: doc.spans.index(s))
    assert (head.uuid, tail.uuid) == (first_this.uuid, first_dot.uuid)


def test_slot_features_are_links(tmp_path: Path) -> None:
    content = (SUITE / "testMultiTokenStackedSlotFeature.tsv").read_text(encoding="utf-8")
    doc = read(tmp_path, content, suite_schema())
    assert spans_of(doc) == [(0, 4, "H", "This"), (5, 9, "S", "is a"), (5, 9, "S", "is a")]
    assert links_of(doc) == [("links", "This", "is a")] * 2
    assert len({r.tail for r in doc.relations}) == 2, "each role names its own stacked span"


def test_offsets_are_utf16_an_emoji_counts_two(tmp_path: Path) -> None:
    content = (SUITE / "testSentenceWithEmoji.tsv").read_text(encoding="utf-8")
    doc = read(tmp_path, content, suite_schema())
    assert spans_of(doc) == [(10, 11, "X", "😊")]


# --- the specification's variants, in Arabic ------------------------------------------------

HEADER = f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NE}|identifier|value\n\n\n"


def test_stacked_multi_token_entities_with_clitic_sub_token(tmp_path: Path) -> None:
    text = "التقى ولوكاشينكو بوتين"
    body = (
        "#Text=" + text + "\n"
        "1-1\t0-5\tالتقى\t_\t_\t\n"
        "1-2\t6-16\tولوكاشينكو\t_\t_\t\n"
        "1-2.1\t7-16\tلوكاشينكو\t*[1]|*\tPER[1]|MISC\t\n"
        "1-3\t17-22\tبوتين\t*[1]|*[2]\tPER[1]|ORG[2]\t\n"
    )
    doc = read(tmp_path, HEADER + body)
    assert doc.text == text
    assert spans_of(doc) == [
        (7, 16, "MISC", "لوكاشينكو"), (7, 22, "PER", "لوكاشينكو بوتين"), (17, 22, "ORG", "بوتين"),
    ]
    assert all(s.layer == "entity" for s in doc.spans)


def test_text_with_breaks_tabs_marks_and_digits_comes_back_exactly(tmp_path: Path) -> None:
    # two #Text lines (a line break), an escaped tab, tatweel, harakat, RLM, digits, Latin
    body = (
        "#Text=قالَ الرئيـــس\\tفي ٢٠٢٤:\n"
        "#Text=\u200fOpenAI «موسكو».\n"
        "1-1\t0-4\tقالَ\t_\t_\t\n"
        "1-2\t5-14\tالرئيـــس\t_\t_\t\n"
        "1-3\t15-17\tفي\t_\t_\t\n"
        "1-4\t18-22\t٢٠٢٤\t*\tEVENT\t\n"
        "1-5\t22-23\t:\t_\t_\t\n"
        "1-6\t25-31\tOpenAI\t*\tORG\t\n"
        "1-7\t32-33\t«\t_\t_\t\n"
        "1-8\t33-38\tموسكو\t*\tGPE\t\n"
        "1-9\t38-39\t»\t_\t_\t\n"
        "1-10\t39-40\t.\t_\t_\t\n"
    )
    doc = read(tmp_path, HEADER + body)
    assert doc.text == "قالَ الرئيـــس\tفي ٢٠٢٤:\n\u200fOpenAI «موسكو»."
    assert spans_of(doc) == [
        (18, 22, "EVENT", "٢٠٢٤"), (25, 31, "ORG", "OpenAI"), (33, 38, "GPE", "موسكو"),
    ]


def test_a_span_across_sentences_and_a_gap_padded_as_inception_pads(tmp_path: Path) -> None:
    body = (
        "#Text=قال بوتين\n"
        "1-1\t0-3\tقال\t_\t_\t\n"
        "1-2\t4-9\tبوتين\t*[1]\tPER[1]\t\n"
        "\n"
        "#Text=الروسي\n"
        "2-1\t12-18\tالروسي\t*[1]\tPER[1]\t\n"
    )
    doc = read(tmp_path, HEADER + body)
    assert doc.text == "قال بوتين\n  الروسي"  # a break after the sentence, then spaces
    assert spans_of(doc) == [(4, 18, "PER", "بوتين\n  الروسي")]


def test_quote_layer_attribute_and_speaker_relation_layer(tmp_path: Path) -> None:
    # one custom span layer holding entities and quotes, a relation layer over it (the way an
    # INCEpTION project without our layers links them), ids as the specification shows
    content = (
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=webanno.custom.Span|direct|value\n"
        "#T_RL=webanno.custom.Relation|value|BT_webanno.custom.Span\n\n\n"
        "#Text=قال بوتين «نعم»\n"
        "1-1\t0-3\tقال\t_\t_\t_\t_\t\n"
        "1-2\t4-9\tبوتين\t*\tPER\t_\t_\t\n"
        "1-3\t10-11\t«\tindirect[1]\tQUOTE[1]\tspeaker\t1-2[0_1]\t\n"
        "1-4\t11-14\tنعم\tindirect[1]\tQUOTE[1]\t_\t_\t\n"
        "1-5\t14-15\t»\tindirect[1]\tQUOTE[1]\t_\t_\t\n"
    )
    doc = read(tmp_path, content)
    quote = next(s for s in doc.spans if s.label == "QUOTE")
    assert (quote.layer, quote.attributes) == ("quote", {"direct": "indirect"})
    # INCEpTION drew the arc from the entity to the quote: the schema says which end is the head
    assert links_of(doc) == [("speaker", "«نعم»", "بوتين")]


def test_escaped_values_and_text_round_trip() -> None:
    nasty = "a\\b[c]|d_e->f;g\th\ni*j"
    assert unescape_value(escape_value(nasty)) == nasty
    assert escape_value("a_b") == "a\\_b" and escape_value("x->y") == "x\\->y"
    text = "tab\there \\ back\x01ctl\r"
    assert unescape_text(escape_text(text)) == text
    assert escape_text("a\tb\\") == "a\\tb\\\\"


# --- refusals and what is not read ----------------------------------------------------------


def test_unknown_label_is_refused_with_its_line(tmp_path: Path) -> None:
    body = "#Text=بوتين\n1-1\t0-5\tبوتين\t*\tPERSON\t\n"
    with pytest.raises(InputError, match=r"unknown label 'PERSON'") as refused:
        read(tmp_path, HEADER + body)
    assert refused.value.line == 6


def test_attribute_outside_the_schema_values_is_refused(tmp_path: Path) -> None:
    content = (
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Quote|direct\n\n\n"
        "#Text=«نعم»\n1-1\t0-1\t«\ttrue[1]\t\n1-2\t1-4\tنعم\ttrue[1]\t\n1-3\t4-5\t»\ttrue[1]\t\n"
    )
    with pytest.raises(InputError, match=r"direct='true' is not one of direct, indirect"):
        read(tmp_path, content)


def test_a_file_of_other_layers_only_is_refused_not_stored_bare(tmp_path: Path) -> None:
    content = (
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n\n\n"
        "#Text=قال بوتين\n1-1\t0-3\tقال\tVBD\t\n1-2\t4-9\tبوتين\tNNP\t\n"
    )
    with pytest.raises(InputError, match=r"no annotation here is of a layer the schema has "
                       r"\(de\.tudarmstadt\.ukp\.dkpro\.core\.api\.lexmorph\.type\.pos\.POS\)"):
        read(tmp_path, content)


def test_other_layers_beside_ours_are_counted_in_a_warning(tmp_path: Path) -> None:
    content = (
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n"
        f"#T_SP={NE}|identifier|value\n\n\n"
        "#Text=قال بوتين\n1-1\t0-3\tقال\tVBD\t_\t_\t\n1-2\t4-9\tبوتين\tNNP\tQ7747\tPER\t\n"
    )
    doc = read(tmp_path, content)
    assert spans_of(doc) == [(4, 9, "PER", "بوتين")]
    assert any("2 annotation(s) of de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS"
               in w for w in doc.warnings)
    assert any("1 value(s) of the feature identifier were not read" in w for w in doc.warnings)


@pytest.mark.parametrize(("content", "why"), [
    ("#FORMAT=WebAnno TSV 2\n\n\n#Text=a\n1-1\t0-1\ta\n", "not WebAnno TSV"),
    ("#FORMAT=WebAnno TSV 2.0\n\n\n#Text=a\n1-1\t0-1\ta\n", "only 3.x"),
    (HEADER + "#Text=ab\n1-1\t0-2\tab\t_\n", "4 fields where the header declares 5"),
    (HEADER + "#Text=ab\n1-1\t0-2\tba\t_\t_\t\n", "the token 'ba' is not the text"),
    (HEADER + "1-1\t0-2\tab\t_\t_\t\n", "before any #Text line"),
])
def test_malformed_files_are_refused(tmp_path: Path, content: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        read(tmp_path, content)


def test_auto_tells_webanno_from_conll_by_its_first_line(tmp_path: Path) -> None:
    webanno_file = tmp_path / "inception.tsv"
    webanno_file.write_text(HEADER + "#Text=a\n1-1\t0-1\ta\t_\t_\t\n", encoding="utf-8")
    conll_file = tmp_path / "corpus.tsv"
    conll_file.write_text("بوتين\tB-PER\n", encoding="utf-8")
    assert format_of(webanno_file) == "webanno"
    assert format_of(conll_file) == "conll"


# --- writing ----------------------------------------------------------------------------------

TEXT = "قال 😊 للوكاشينكو: «موسكو\tآمنةٌ».\n\nثم غادر\u200f بوتيـــن ٢٠٢٤ Putin."


def sample_doc() -> ExportDocument:
    def at(word: str, layer: str, label: str, **kw: object) -> Span:
        i = TEXT.index(word)
        return Span(i, i + len(word), layer, label, **kw)  # type: ignore[arg-type]

    per = at("لوكاشينكو", "entity", "PER")
    putin = at("بوتيـــن ٢٠٢٤", "entity", "PER")
    org = at("بوتيـــن", "entity", "ORG")
    gpe = at("موسكو", "entity", "GPE")
    quote = at("«موسكو\tآمنةٌ»", "quote", "QUOTE", attributes={"direct": "indirect"})
    claim = Span(0, TEXT.index("ثم") + 2, "claim", "CLAIM")
    return ExportDocument(
        "d", TEXT, "sha", [per, putin, org, gpe, quote, claim],
        [Relation("speaker", quote.uuid, per.uuid), Relation("source", claim.uuid, putin.uuid)],
    )


def test_export_then_import_gives_the_same_text_spans_attributes_and_links(
    tmp_path: Path,
) -> None:
    doc = sample_doc()
    options = ExportOptions(layers=("entity", "claim", "quote"), schema=load_schema())
    report = write_webanno([doc], tmp_path, options, ExportReport())
    written = (tmp_path / "d.tsv").read_text(encoding="utf-8")
    assert written.startswith("#FORMAT=WebAnno TSV 3.3\n#T_SP=" + NE + "|identifier|value\n")
    assert "\n1-2\t4-6\t😊\t" in written, "UTF-16 offsets: the emoji counts two"
    assert "\t*[3]|*[4]\tPER[3]|ORG[4]\t" in written, "stacked, tied by ids"
    assert report.splits == {"d": 1}, "ل · لوكاشينكو is cut and counted"
    back = read_webanno(tmp_path / "d.tsv", load_schema())[0]
    assert back.text == doc.text
    key = sorted((s.start, s.end, s.layer, s.label, tuple(s.attributes.items()))
                 for s in doc.spans)
    assert sorted((s.start, s.end, s.layer, s.label, tuple(s.attributes.items()))
                  for s in back.spans) == key
    assert links_of(back) == [("source", TEXT[: TEXT.index("ثم") + 2], "بوتيـــن ٢٠٢٤"),
                              ("speaker", "«موسكو\tآمنةٌ»", "لوكاشينكو")]


def test_a_span_on_spaces_is_written_to_its_tokens_and_reported(tmp_path: Path) -> None:
    text = "قال بوتين  ثم"
    doc = ExportDocument("d", text, "sha", [Span(4, 10, "entity", "PER"),
                                              Span(9, 11, "entity", "ORG")])
    report = write_webanno([doc], tmp_path, ExportOptions(schema=load_schema()))
    assert report.trimmed == {"d": 1}
    assert [(d.span.label, d.reason) for d in report.dropped] == [
        ("ORG", "covers no token (only spaces or invisible marks)")]
    assert report.spans_written == 1


def test_layers_without_spans_are_not_declared(tmp_path: Path) -> None:
    # INCEpTION refuses a header naming a layer its project lacks: NER-only needs no custom one
    doc = ExportDocument("d", "قال بوتين", "sha", [Span(4, 9, "entity", "PER")])
    write_webanno([doc], tmp_path, ExportOptions(layers=("entity", "claim", "quote"),
                                                 schema=load_schema()))
    header = (tmp_path / "d.tsv").read_text(encoding="utf-8").split("\n\n\n")[0]
    assert header == f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NE}|identifier|value"
