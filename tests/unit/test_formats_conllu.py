"""CoNLL-U Plus: the text comes back exactly, whatever whitespace it holds, and so do spans."""

from __future__ import annotations

import io

import conllu
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.model import Span, text_sha256
from annotator.core.schema import load_schema
from annotator.core.text import tokenize
from annotator.formats.conllu import (
    UD_COLUMNS,
    escape_spaces,
    parse_conllu,
    unescape_spaces,
    write_conllu,
)
from annotator.formats.exporting import ExportDocument, ExportOptions

SCHEMA = load_schema()
WORDS = ["قال", "بوتين", "للوكاشينكو", "،", "«", "موسكو", ".", "C++", "٣٫٥", "😀"]
GAPS = [" ", " ", " ", "", "\n", "  ", "\t", "\xa0", "\u200f ", "\n\n", " | "]


def write(text: str, spans: list[Span], **options: object) -> str:
    out = io.StringIO()
    doc = ExportDocument("d", text, text_sha256(text), spans)
    write_conllu([doc], out, ExportOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def test_header_columns_and_space_after() -> None:
    text = "قال بوتين، إن"
    out = write(text, [Span(4, 9, "entity", "PER")])
    lines = out.split("\n")
    assert lines[0] == (
        "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC ANNOTATOR:ENTITY"
    )
    assert lines[1:4] == ["# newdoc id = d", "# sent_id = d-1", f"# text = {text}"]
    assert lines[5] == "2\tبوتين\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\tB-PER"
    assert lines[7].endswith("\tSpaceAfter=No\tO")  # the end of the document


def test_escapes_round_trip() -> None:
    gap = " \t\n|\\\xa0x"
    assert escape_spaces(gap) == "\\s\\t\\n\\p\\\\\\u00A0x"
    assert unescape_spaces(escape_spaces(gap)) == gap


def test_nested_and_layers_get_named_columns() -> None:
    out = write("أ ب", [], layers=("entity", "quote"), nested=2)
    assert out.split("\n")[0].endswith(
        "MISC ANNOTATOR:ENTITY ANNOTATOR:ENTITY2 ANNOTATOR:QUOTE ANNOTATOR:QUOTE2"
    )


@settings(max_examples=80, deadline=None)
@given(
    lead=st.sampled_from(["", " ", "\n", "\u200f"]),
    pieces=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1,
                    max_size=15),
    picks=st.lists(st.tuples(st.integers(0, 20), st.integers(1, 4)), max_size=3),
)
def test_any_text_and_spans_come_back(
    lead: str, pieces: list[tuple[str, str]], picks: list[tuple[int, int]]
) -> None:
    text = lead + "".join(w + g for w, g in pieces)
    tokens = tokenize(text)
    spans: list[Span] = []
    for first, length in picks:
        if first < len(tokens):
            last = min(first + length, len(tokens)) - 1
            start, end = tokens[first][0], tokens[last][1]
            if all(end <= s.start or s.end <= start for s in spans):
                spans.append(Span(start, end, "entity", "PER"))
    out = write(text, spans)
    [back] = parse_conllu(out, "x.conllu", SCHEMA)
    assert back.text == text
    assert sorted((s.start, s.end, s.label) for s in back.spans) == sorted(
        (s.start, s.end, s.label) for s in spans
    )
    # an independent parser reads the file and each # text is the sentence's stored text
    for sentence in conllu.parse(out):
        assert sentence.metadata["text"] in text


HEADER = (
    "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC ANNOTATOR:ENTITY\n"
)


def row(ident: object, form: str, misc: str = "_", tag: str = "O") -> str:
    return f"{ident}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\t{tag}\n"


@pytest.mark.parametrize("ident", ["1-x", "1-", "x-2", "2-1", "-1", "x.1", "1.", "١"])
def test_bad_ids_are_refused_with_their_line(ident: str) -> None:
    content = HEADER + row(1, "قال") + row(ident, "في") + row(2, "ف")
    with pytest.raises(InputError, match=r"bad .*ID") as caught:
        parse_conllu(content, "x.conllu", SCHEMA)
    assert caught.value.path == "x.conllu"
    assert caught.value.line == 3


def test_empty_form_is_refused_with_its_line() -> None:
    content = HEADER + row(1, "أ") + row(2, "", tag="B-PER") + row(3, "ب")
    with pytest.raises(InputError, match="FORM") as caught:
        parse_conllu(content, "x.conllu", SCHEMA)
    assert caught.value.line == 3


@pytest.mark.parametrize("misc", ["SpacesAfter=\\uD800", "SpacesBefore=\\uDFFF"])
def test_escaped_lone_surrogate_is_refused(misc: str) -> None:
    content = HEADER + row(1, "أ", misc=misc) + row(2, "ب")
    with pytest.raises(InputError, match="surrogate") as caught:
        parse_conllu(content, "x.conllu", SCHEMA)
    assert caught.value.line == 2


def test_multiword_token_range_is_read_as_one_surface_token() -> None:
    content = (
        HEADER + row("1-2", "وفي") + row(1, "و") + row(2, "في")
        + row(3, "بغداد", "SpaceAfter=No")
    )
    [d] = parse_conllu(content, "x.conllu", SCHEMA)
    assert d.text == "وفي بغداد"


def test_misc_tags_put_ne_in_misc_and_keep_ten_columns() -> None:
    """spaCy's ``conllu`` converter unpacks exactly ten columns and reads ``NE=`` in MISC."""
    text = "قالَ فلاديمير بوتين في موسكو ٢٠٢٤."
    spans = [Span(5, 19, "entity", "PER"), Span(23, 28, "entity", "GPE")]
    out = write(text, spans, misc_tags=True)
    lines = [line for line in out.split("\n") if line and not line.startswith("#")]
    assert all(len(line.split("\t")) == 10 for line in lines)
    assert out.split("\n")[0] == "# global.columns = " + " ".join(UD_COLUMNS)
    assert [line.split("\t")[9] for line in lines] == [
        "_", "NE=B-PER", "NE=I-PER", "_", "NE=B-GPE", "SpaceAfter=No", "SpaceAfter=No",
    ]
    [back] = parse_conllu(out, "x.conllu", SCHEMA)
    assert back.text == text
    assert [(s.covered(text), s.label) for s in back.spans] == [
        ("فلاديمير بوتين", "PER"), ("موسكو", "GPE"),
    ]


@pytest.mark.parametrize(
    ("options", "why"),
    [({"scheme": "bioes"}, "B, I, L or U"), ({"nested": 2}, "one tag column"),
     ({"layers": ("entity", "quote")}, "one tag column")],
)
def test_misc_tags_refuse_what_ne_cannot_say(options: dict[str, object], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        ExportOptions(misc_tags=True, **options)  # type: ignore[arg-type]
