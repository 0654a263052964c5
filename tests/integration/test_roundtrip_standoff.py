"""JSONL and brat: import -> export -> import -> export gives identical bytes, nothing lost.

The input is one of the seed articles with entities, a quote (direct, with its speaker) and a
claim (with its source), written here the way a colleague's file would arrive.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers.paths import SEEDS

from annotator.formats.exporting import ExportOptions
from annotator.formats.registry import READERS, ReadOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents, write_export
from annotator.workspace.importing import store

ALL_LAYERS = ExportOptions(layers=("entity", "claim", "quote"))


def seed_annotations() -> tuple[str, list[dict], list[dict]]:
    """A seed's text, spans (doccano-like dicts) and links by span index."""
    text = SEEDS[0].read_text(encoding="utf-8").replace("\r\n", "\n")
    spans: list[dict] = []
    for word, label in (("لوكاشينكو", "PER"), ("موسكو", "GPE"), ("بيلاروسيا", "GPE"),
                        ("بوتين", "PER"), ("إنترفاكس", "ORG")):
        spans += [{"start": m.start(), "end": m.end(), "label": label, "layer": "entity"}
                  for m in re.finditer(word, text)]
    quote = re.search("“([^”“\n]+)”", text)
    assert quote is not None
    spans.append({"start": quote.start(1), "end": quote.end(1), "label": "QUOTE",
                  "layer": "quote", "attributes": {"direct": "direct"}})
    first_sentence_end = text.index(".") + 1
    spans.append({"start": 0, "end": first_sentence_end, "label": "CLAIM", "layer": "claim"})
    speaker = next(i for i, s in enumerate(spans) if s["label"] == "PER")
    source = next(i for i, s in enumerate(spans) if s["label"] == "ORG")
    relations = [
        {"kind": "speaker", "head": len(spans) - 2, "tail": speaker},
        {"kind": "source", "head": len(spans) - 1, "tail": source},
    ]
    return text, spans, relations


def import_export(db: Path, fmt: str, path: Path, out: Path) -> Path:
    ws = Workspace.open(str(db), "tester")
    try:
        store(ws, READERS[fmt](path, ws.schema, ReadOptions()))
        docs = gather_documents(ws, "tester")
        write_export(fmt, docs, out, ALL_LAYERS)
    finally:
        ws.close()
    return out


def test_jsonl_round_trip_is_identical(tmp_path: Path) -> None:
    text, spans, relations = seed_annotations()
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"name": "seed", "text": text, "spans": spans, "relations": relations},
                   ensure_ascii=False) + "\n", encoding="utf-8",
    )
    first = import_export(tmp_path / "a.sqlite3", "jsonl", source, tmp_path / "a.jsonl")
    second = import_export(tmp_path / "b.sqlite3", "jsonl", first, tmp_path / "b.jsonl")
    assert first.read_bytes() == second.read_bytes()
    [obj] = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert obj["text"] == text
    assert sorted((s["start"], s["end"], s["layer"], s["label"]) for s in obj["spans"]) == \
        sorted((s["start"], s["end"], s["layer"], s["label"]) for s in spans)
    by_uuid = {s["uuid"]: s for s in obj["spans"]}
    kinds = {(r["kind"], by_uuid[r["head"]]["label"], by_uuid[r["tail"]]["label"])
             for r in obj["relations"]}
    assert kinds == {("speaker", "QUOTE", "PER"), ("source", "CLAIM", "ORG")}
    quote = next(s for s in obj["spans"] if s["label"] == "QUOTE")
    assert quote["attributes"] == {"direct": "direct"}


def write_brat_input(folder: Path) -> tuple[str, list[dict]]:
    text, spans, relations = seed_annotations()
    folder.mkdir()
    (folder / "seed.txt").write_text(text, encoding="utf-8", newline="")
    lines = []
    # reversed: brat files need not be in order, and R/A lines may come first
    for r_number, rel in enumerate(relations, start=1):
        lines.append(f"R{r_number}\t{rel['kind']} Arg1:T{rel['head'] + 1} Arg2:T{rel['tail'] + 1}")
    lines.append(f"A1\tdirect T{len(spans) - 1} direct")
    for n, s in reversed(list(enumerate(spans, start=1))):
        lines.append(f"T{n}\t{s['label']} {s['start']} {s['end']}\t{text[s['start']:s['end']]}")
    (folder / "seed.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return text, spans


ANN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$|^(R\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)$"
                      r"|^(A\d+)\t(\S+) (T\d+)(?: (\S+))?$")


def regex_parse(ann: str) -> tuple[dict, list, list]:
    """An independent reading of .ann lines: T, R and A by regular expression."""
    spans, relations, attributes = {}, [], []
    for line in ann.splitlines():
        m = ANN_LINE.match(line)
        assert m is not None, line
        if m.group(1):
            spans[m.group(1)] = (int(m.group(3)), int(m.group(4)), m.group(2), m.group(5))
        elif m.group(6):
            relations.append((m.group(7), m.group(8), m.group(9)))
        else:
            attributes.append((m.group(11), m.group(12), m.group(13)))
    return spans, relations, attributes


def test_brat_round_trip_is_identical(tmp_path: Path) -> None:
    text, spans = write_brat_input(tmp_path / "in")
    first = import_export(tmp_path / "a.sqlite3", "brat", tmp_path / "in" / "seed.ann",
                          tmp_path / "a")
    second = import_export(tmp_path / "b.sqlite3", "brat", first / "seed.ann", tmp_path / "b")
    for name in ("seed.txt", "seed.ann"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert (first / "seed.txt").read_text(encoding="utf-8") == text
    found, relations, attributes = regex_parse((first / "seed.ann").read_text(encoding="utf-8"))
    assert sorted(v[:3] for v in found.values()) == sorted(
        (s["start"], s["end"], s["label"]) for s in spans
    )
    assert all(covered == text[s:e] for s, e, _, covered in found.values())
    assert {(kind, found[a][2], found[b][2]) for kind, a, b in relations} == {
        ("speaker", "QUOTE", "PER"), ("source", "CLAIM", "ORG"),
    }
    assert [(name, found[t][2], v) for name, t, v in attributes] == [("direct", "QUOTE", "direct")]


def test_brat_export_needs_a_folder(tmp_path: Path) -> None:
    from annotator.core.errors import AnnotatorError

    with pytest.raises(AnnotatorError, match="-o DIR"):
        write_export("brat", [], None, ALL_LAYERS)


def test_gold_provenance_and_status_survive_jsonl_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.cli import main
    from annotator.core.model import GOLD, ImportedDocument, Relation, Span

    text, spans, _ = seed_annotations()
    quote_raw = next(s for s in spans if s["label"] == "QUOTE")
    per_raw = next(s for s in spans if s["label"] == "PER")
    quote = Span(quote_raw["start"], quote_raw["end"], "quote", "QUOTE",
                 attributes={"direct": "direct"}, annotator=GOLD)
    per = Span(per_raw["start"], per_raw["end"], "entity", "PER", annotator=GOLD)
    plain = Span(0, text.index(" "), "claim", "CLAIM", annotator=GOLD)  # no provenance
    decided = {"decided_by": "curator", "from": ["a", "b"], "decision": "accept_a",
               "source_spans": ["0b9b4d0c-6d7e-4d55-9a57-2c7c4b9c0c11"]}
    agreed = {"decided_by": "curator", "from": ["a", "b"], "decision": "auto_accepted",
              "source_spans": []}
    db = tmp_path / "a.sqlite3"
    ws = Workspace.open(str(db), "curator")
    try:
        store(ws, [ImportedDocument("seed", text)])
        doc_id = ws.repo.find_document("seed")
        assert doc_id is not None
        with ws.repo.transaction():
            ws.repo.insert_span(doc_id, quote, provenance=decided)
            ws.repo.insert_span(doc_id, per, provenance=agreed)
            ws.repo.insert_span(doc_id, plain)
            ws.repo.insert_relations(
                doc_id, [Relation("speaker", quote.uuid, per.uuid, annotator=GOLD)]
            )
            ws.repo.set_status(doc_id, "done", GOLD)
    finally:
        ws.close()

    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["export", "--db", str(db), "--gold", "--format", "jsonl", "-o", str(first)]) == 0
    assert "token(s)" not in capsys.readouterr().err
    fresh = tmp_path / "b.sqlite3"
    assert main(["import", "--db", str(fresh), "--annotator", "someone", str(first)]) == 0
    ws = Workspace.open(str(fresh), "someone")
    try:
        doc_id = ws.repo.find_document("seed")
        assert doc_id is not None
        assert ws.repo.status(doc_id, GOLD) == "done"
        assert ws.repo.span_provenance(quote.uuid) == decided
        assert ws.repo.span_provenance(per.uuid) == agreed
        assert ws.repo.span_provenance(plain.uuid) is None
        assert {s.uuid for s in ws.repo.spans(doc_id, GOLD)} == {quote.uuid, per.uuid, plain.uuid}
    finally:
        ws.close()
    assert main(["export", "--db", str(fresh), "--gold", "--format", "jsonl",
                 "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    [obj] = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert obj["status"] == "done" and obj["annotator"] == GOLD
    assert [s.get("provenance") for s in obj["spans"]].count(None) == 1
