"""Other people's tools read our files and find the same entities we wrote.

spaCy's ``convert --converter ner`` (the training-data path of most Arabic NER projects) and
``--converter conllu``, seqeval (strict IOB2, BIOES, BILOU), the ``conllu`` parser, pandas,
flair's column probe, and a regular-expression reading of brat ``.ann`` lines. The documents
are real: AQMAR articles (read with the shipped tag map, ``resources/tagmaps/aqmar.map``) and
a seed article with an entity behind a proclitic (ل+لوكاشينكو). These are the rows of the
"who reads what" table in docs/formats.md.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import conllu
import pandas as pd
import pytest
import spacy
from helpers.paths import DATA, SEEDS
from seqeval.scheme import BILOU, IOB2, IOBES, Entities
from spacy.tokens import DocBin

from annotator.core.model import Span, text_sha256
from annotator.core.schema import load_schema, resources_path
from annotator.formats.brat import ann_text, parse_ann
from annotator.formats.conll import write_conll
from annotator.formats.conllu import write_conllu
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.formats.registry import READERS, ReadOptions

SCHEMA = load_schema()
AQMAR_MAP = resources_path("tagmaps/aqmar.map")


def aqmar(names: list[str]) -> list[ExportDocument]:
    docs = []
    for name in names:
        path = DATA / "aqmar" / f"{name}.txt"
        [d] = READERS["conll"](path, SCHEMA, ReadOptions(map_tags=AQMAR_MAP))
        docs.append(ExportDocument(d.name, d.text, d.sha256, d.spans, meta=d.meta))
    return docs


@pytest.fixture(scope="module")
def corpus() -> list[ExportDocument]:
    """Every AQMAR article, as a user exports the corpus after importing it."""
    return aqmar(sorted(p.stem for p in (DATA / "aqmar").glob("*.txt")))


@pytest.fixture(scope="module")
def documents() -> list[ExportDocument]:
    docs = aqmar(["Damascus", "Linux"])
    text = SEEDS[0].read_text(encoding="utf-8").replace("\r\n", "\n")
    spans = [Span(m.start() + 1, m.end(), "entity", "PER") for m in re.finditer("للوكاشينكو", text)]
    spans += [Span(m.start(), m.end(), "entity", "GPE") for m in re.finditer("موسكو", text)]
    assert spans
    docs.append(ExportDocument("seed", text, text_sha256(text), spans))
    return docs


def expected(doc: ExportDocument) -> list[tuple[str, str]]:
    """(covered text with single spaces, label) of each span, in text order."""
    return [
        (" ".join(s.covered(doc.text).split()), s.label)
        for s in sorted(doc.spans, key=lambda s: s.start)
    ]


def conll_text(docs: list[ExportDocument], scheme: str = "iob2", **options: str) -> str:
    out = io.StringIO()
    report = write_conll(docs, out, ExportOptions(scheme=scheme, **options))  # type: ignore[arg-type]
    assert not report.dropped
    return out.getvalue()


def spacy_convert(source: Path, converter: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(source), str(source.parent),
         "--converter", converter, "--file-type", "spacy"],
        capture_output=True, text=True, check=False,
    )


def spacy_entities(path: Path) -> list[list[tuple[str, str]]]:
    nlp = spacy.blank("xx")
    return [
        [(e.text, e.label_) for e in doc.ents]
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab)
    ]


@pytest.mark.parametrize("scheme", ["iob2", "bilou"])
def test_spacy_ner_convert_reads_the_default_export(
    documents: list[ExportDocument], tmp_path: Path, scheme: str
) -> None:
    """No document line: spaCy groups every ten sentences into a doc (and says so), and every
    entity is read as we wrote it."""
    source = tmp_path / "ours.conll"
    source.write_text(conll_text(documents, scheme), encoding="utf-8")
    done = spacy_convert(source, "ner")
    assert done.returncode == 0, done.stderr + done.stdout
    found = [e for doc in spacy_entities(tmp_path / "ours.spacy") for e in doc]
    assert found == [pair for doc in documents for pair in expected(doc)]


def test_spacy_ner_convert_splits_documents_on_conll2003(
    documents: list[ExportDocument], tmp_path: Path
) -> None:
    source = tmp_path / "ours.conll"
    text = conll_text(documents, doc_separator="conll2003")
    source.write_text(text, encoding="utf-8")
    done = spacy_convert(source, "ner")
    assert done.returncode == 0, done.stderr + done.stdout
    assert spacy_entities(tmp_path / "ours.spacy") == [expected(doc) for doc in documents]


def test_spacy_ner_convert_splits_bioes_entities_as_documented(
    documents: list[ExportDocument], tmp_path: Path
) -> None:
    """Why --scheme bilou exists: spaCy reads E- and S- as entities of their own."""
    source = tmp_path / "ours.conll"
    source.write_text(conll_text(documents, "bioes"), encoding="utf-8")
    assert spacy_convert(source, "ner").returncode == 0
    found = [e for doc in spacy_entities(tmp_path / "ours.spacy") for e in doc]
    ours = [pair for doc in documents for pair in expected(doc)]
    longer = sum(1 for text, _ in ours if " " in text)
    assert longer and len(found) == len(ours) + longer


def test_spacy_conllu_convert_reads_misc_tags(
    documents: list[ExportDocument], tmp_path: Path
) -> None:
    source = tmp_path / "ours.conllu"
    out = io.StringIO()
    write_conllu(documents, out, ExportOptions(misc_tags=True))
    source.write_text(out.getvalue(), encoding="utf-8")
    done = spacy_convert(source, "conllu")
    assert done.returncode == 0, done.stderr + done.stdout
    found = [e for doc in spacy_entities(tmp_path / "ours.spacy") for e in doc]
    assert found == [pair for doc in documents for pair in expected(doc)]
    # without it, the tag columns make eleven: spaCy's converter stops
    out = io.StringIO()
    write_conllu(documents, out, ExportOptions())
    source.write_text(out.getvalue(), encoding="utf-8")
    assert spacy_convert(source, "conllu").returncode != 0


def sentences_of(text: str) -> tuple[list[list[str]], list[list[str]]]:
    words: list[list[str]] = []
    tags: list[list[str]] = []
    current: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if line and not line.startswith("-DOCSTART-"):
            current.append(tuple(line.split("\t")))  # type: ignore[arg-type]
        elif current:
            words.append([w for w, _ in current])
            tags.append([t for _, t in current])
            current = []
    return words, tags


@pytest.mark.parametrize(
    ("scheme", "seqeval_scheme"), [("iob2", IOB2), ("bioes", IOBES), ("bilou", BILOU)]
)
def test_seqeval_strict_reads_our_tags(
    documents: list[ExportDocument], scheme: str, seqeval_scheme: type
) -> None:
    words, tags = sentences_of(conll_text(documents, scheme))
    entities = Entities(tags, seqeval_scheme, suffix=False)
    found = [
        (" ".join(words[e.sent_id][e.start : e.end]), e.tag)
        for e in entities.entities for e in e
    ]
    assert found == [pair for doc in documents for pair in expected(doc)]


def test_conllu_parser_reads_our_conllu_plus(documents: list[ExportDocument]) -> None:
    out = io.StringIO()
    write_conllu(documents, out, ExportOptions())
    sentences = conllu.parse(out.getvalue())
    found = []
    for sentence in sentences:
        for token in sentence:
            tag = token["annotator:entity"]  # the parser lower-cases column names
            if tag.startswith("B-"):
                found.append(([token["form"]], tag[2:]))
            elif tag.startswith("I-"):
                found[-1][0].append(token["form"])
    assert [(" ".join(w), label) for w, label in found] == [
        pair for doc in documents for pair in expected(doc)
    ]
    texts = [s.metadata["text"] for s in sentences]
    assert len(texts) == len(sentences) and all(any(t in d.text for d in documents) for t in texts)


def test_brat_ann_read_by_regex_and_by_our_reader(documents: list[ExportDocument]) -> None:
    doc = documents[-1]
    ann = ann_text(doc)
    pattern = re.compile(r"^T(\d+)\t(\w+) (\d+) (\d+)\t(.+)$")
    parsed = [pattern.match(line) for line in ann.splitlines()]
    assert all(parsed)
    assert [(m.group(5), m.group(2)) for m in parsed if m] == expected(doc)
    assert all(doc.text[int(m.group(3)) : int(m.group(4))] == m.group(5) for m in parsed if m)
    back = parse_ann(ann, doc.text, "seed.ann", SCHEMA)
    assert sorted(s.key() for s in back.spans) == sorted(s.key() for s in doc.spans)


def read_with_pandas(text: str, tmp_path: Path) -> pd.DataFrame:
    """The call docs/formats.md gives: tabs, no header, no quoting, no NaN guessing (a token
    ``NA`` or ``null`` stays a word)."""
    path = tmp_path / "ours.conll"
    path.write_text(text, encoding="utf-8")
    return pd.read_csv(
        path, sep="\t", header=None, names=["token", "tag"], quoting=csv.QUOTE_NONE,
        keep_default_na=False, na_filter=False, dtype=str, encoding="utf-8",
    )


def test_pandas_reads_the_default_export_of_the_corpus_as_token_rows(
    corpus: list[ExportDocument], tmp_path: Path
) -> None:
    text = conll_text(corpus)
    table = read_with_pandas(text, tmp_path)
    lines = [line.split("\t") for line in text.split("\n") if line]
    assert table.values.tolist() == lines
    assert int(table["tag"].str.startswith("B-").sum()) == sum(len(d.spans) for d in corpus)
    # with the CoNLL-2003 line, pandas reads it as one more token with an empty tag
    docstart = read_with_pandas(conll_text(corpus, doc_separator="conll2003"), tmp_path)
    assert (docstart["token"] == "-DOCSTART- -X- O O").sum() == len(corpus)


# flair (flair/datasets/sequence_labeling.py, ColumnDataset._identify_span_columns, at
# flairNLP/flair d4ea377): the first five sentences are probed; a tag column is span-level
# (entities) when a token's value starts with B-, I-, E- or S- before any token carries
# another value other than O, which makes it token-level (no entities at all). Lines are
# split on ``\s+`` (its default column_delimiter), sentences end at blank lines.
FLAIR_SPAN_PREFIXES = ("B-", "I-", "E-", "S-")


def flair_column_kind(text: str, column: int = 1) -> str:
    sentences: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            sentences[-1].append(line)
        elif sentences[-1]:
            sentences.append([])
    for sentence in sentences[:5]:
        for line in sentence:
            fields = re.split(r"\s+", line.rstrip())
            value = fields[column] if len(fields) > column else "O"
            if value[0:2] in FLAIR_SPAN_PREFIXES:
                return "span"
            if value != "O":
                return "token"
    return "span"  # only O seen: flair's default


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        ({}, "span"),
        ({"scheme": "bioes"}, "span"),
        ({"doc_separator": "token"}, "span"),
        ({"doc_separator": "conll2003"}, "token"),  # "-X-": flair reads 0 entities
        ({"scheme": "bilou"}, "token"),  # AQMAR's first entity is one token: U-
    ],
)
def test_flair_column_probe_on_our_corpus_export(
    corpus: list[ExportDocument], options: dict[str, str], kind: str
) -> None:
    assert flair_column_kind(conll_text(corpus, **options)) == kind


def test_conllu_parser_reads_misc_tags(documents: list[ExportDocument]) -> None:
    out = io.StringIO()
    write_conllu(documents, out, ExportOptions(misc_tags=True))
    found: list[tuple[list[str], str]] = []
    for sentence in conllu.parse(out.getvalue()):
        for token in sentence:
            tag = (token["misc"] or {}).get("NE", "O")
            if tag.startswith("B-"):
                found.append(([token["form"]], tag[2:]))
            elif tag.startswith("I-"):
                found[-1][0].append(token["form"])
    assert [(" ".join(w), label) for w, label in found] == [
        pair for doc in documents for pair in expected(doc)
    ]


def test_hugging_face_datasets_reads_our_jsonl(
    corpus: list[ExportDocument], tmp_path: Path
) -> None:
    """``datasets.load_dataset("json", ...)`` on the JSONL export: one row per document, its
    spans as a list of records, and each span's offsets slice its own text out of the row's
    text (code points, as in Python)."""
    import datasets  # the hf extra; dev installs it

    from annotator.formats.jsonl import write_jsonl

    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_jsonl(corpus, out)
    rows = datasets.load_dataset("json", data_files=str(path), split="train")
    assert rows.num_rows == len(corpus)
    for row, doc in zip(rows, corpus, strict=True):
        assert row["text"] == doc.text
        got = sorted((s["start"], s["end"], s["label"]) for s in row["spans"])
        assert got == sorted((s.start, s.end, s.label) for s in doc.spans)
