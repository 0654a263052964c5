"""Other people's tools read our files and find the same entities we wrote.

spaCy's ``convert --converter ner`` (the training-data path of most Arabic NER projects),
seqeval (strict IOB2 and BIOES), the ``conllu`` parser, and a regular-expression reading of
brat ``.ann`` lines. The documents are real: two AQMAR articles (MIS0-3 mapped onto MISC via
``--map-tags``) and a seed article with an entity behind a proclitic (ل+لوكاشينكو).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import conllu
import pytest
import spacy
from helpers.paths import DATA, SEEDS
from seqeval.scheme import IOB2, IOBES, Entities
from spacy.tokens import DocBin

from annotator.core.model import Span, text_sha256
from annotator.core.schema import load_schema
from annotator.formats.brat import ann_text, parse_ann
from annotator.formats.conll import write_conll
from annotator.formats.conllu import write_conllu
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.formats.registry import READERS, ReadOptions

SCHEMA = load_schema()
TAG_MAP = "MIS0\tMISC\nMIS1\tMISC\nMIS2\tMISC\nMIS3\tMISC\nMIS\tMISC\nMISS1\tMISC\nMIS-1\tMISC\n" \
    "MIS-2\tMISC\nMIS1`\tMISC\nIO\tO\nOO\tO\nI--ORG\tI-ORG\nENGLISH\tO\nSPANISH\tO\n"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[ExportDocument]:
    map_file = tmp_path_factory.mktemp("map") / "aqmar.map"
    map_file.write_text(TAG_MAP, encoding="utf-8")
    docs = []
    for name in ("Damascus", "Linux"):
        path = DATA / "aqmar" / f"{name}.txt"
        [d] = READERS["conll"](path, SCHEMA, ReadOptions(map_tags=map_file))
        docs.append(ExportDocument(d.name, d.text, d.sha256, d.spans, meta=d.meta))
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


def conll_text(docs: list[ExportDocument], scheme: str = "iob2") -> str:
    out = io.StringIO()
    report = write_conll(docs, out, ExportOptions(scheme=scheme))
    assert not report.dropped
    assert report.splits.get("seed", 0) >= 1  # ل · لوكاشينكو
    return out.getvalue()


def test_spacy_convert_finds_our_entities(documents: list[ExportDocument], tmp_path: Path) -> None:
    source = tmp_path / "ours.conll"
    source.write_text(conll_text(documents), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(source), str(tmp_path),
         "--converter", "ner", "--file-type", "spacy"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    nlp = spacy.blank("xx")
    spacy_docs = list(DocBin().from_disk(tmp_path / "ours.spacy").get_docs(nlp.vocab))
    assert len(spacy_docs) == len(documents)
    for ours, theirs in zip(documents, spacy_docs, strict=True):
        assert [(e.text, e.label_) for e in theirs.ents] == expected(ours)


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


@pytest.mark.parametrize(("scheme", "seqeval_scheme"), [("iob2", IOB2), ("bioes", IOBES)])
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
