"""Label Studio on the real corpora: JSONL -> Label Studio JSON (and JSON-MIN) -> import -> JSONL
gives the same documents, spans (with their UUIDs) and links.

AQMAR and the Wojood sample (nested entities) come in as CoNLL, the seed article with a quote,
its speaker, a claim and its source as JSONL; each is exported as JSONL and as Label Studio JSON
from one database, the Label Studio file imported into a fresh one, and that exported as JSONL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import annotator
from test_roundtrip_conll import AQMAR, AQMAR_LABELS, AQMAR_MAP, WOJOOD, WOJOOD_LABELS, open_project
from test_roundtrip_standoff import seed_annotations

from annotator.core.schema import default_schema_text
from annotator.formats.exporting import ExportOptions
from annotator.formats.registry import READERS, ReadOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents, write_export
from annotator.workspace.importing import store

ALL = ExportOptions(layers=("entity", "claim", "quote"))


def jsonl_view(path: Path) -> list[tuple[Any, ...]]:
    """Per document: name, text, spans and links (by span uuid), as JSONL carries them."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        spans = sorted((s["uuid"], s["start"], s["end"], s["layer"], s["label"],
                        json.dumps(s["attributes"], sort_keys=True)) for s in obj["spans"])
        links = sorted((r["kind"], r["head"], r["tail"]) for r in obj["relations"])
        out.append((obj["name"], obj["text"], spans, links))
    return sorted(out)


def extents(view: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted((name, text, sorted(s[1:5] for s in spans)) for name, text, spans, _ in view)


def export(ws: Workspace, fmt: str, out: Path) -> Path:
    write_export(fmt, gather_documents(ws, "tester"), out, ALL)
    return out


def round_trip(
    first: Workspace, schema_of_second: str, tmp_path: Path, fmt: str
) -> list[tuple[Any, ...]]:
    """Export ``first`` as JSONL and as ``fmt``, import the latter afresh; what JSONL saw."""
    try:
        jsonl = export(first, "jsonl", tmp_path / "a.jsonl")
        exported = export(first, fmt, tmp_path / "a.json")
    finally:
        first.close()
    second = Workspace.open(str(tmp_path / "b.sqlite3"), "someone-else")
    second.repo.set_project_schema_toml(schema_of_second)
    second.close()  # the schema is read when a workspace opens
    second = Workspace.open(str(tmp_path / "b.sqlite3"), "someone-else")
    try:
        report = store(second, READERS[fmt](exported, second.schema, ReadOptions()))
        assert report.spans_skipped == 0
        back = export(second, "jsonl", tmp_path / "b.jsonl")
    finally:
        second.close()
    before, after = jsonl_view(jsonl), jsonl_view(back)
    assert sum(len(doc[2]) for doc in before) > 0
    if fmt == "label-studio-min":  # no region ids, no links, no attributes: what it holds
        assert all(not links for *_, links in after)
        before, after = extents(before), extents(after)
    assert after == before
    return before


def schema_toml(labels: list[str]) -> str:
    entity = ", ".join(f'{{ name = "{label}" }}' for label in labels)
    return f'[[layers]]\nname = "entity"\nlabels = [{entity}]\n'


@pytest.mark.parametrize("fmt", ["label-studio", "label-studio-min"])
def test_aqmar_round_trip(fmt: str, tmp_path: Path) -> None:
    map_file = tmp_path / "aqmar.map"
    map_file.write_text(AQMAR_MAP, encoding="utf-8")
    ws = open_project(tmp_path / "a.sqlite3", AQMAR_LABELS)
    docs = []
    for path in AQMAR:
        docs += READERS["conll"](path, ws.schema, ReadOptions(map_tags=map_file))
    store(ws, docs)
    round_trip(ws, schema_toml(AQMAR_LABELS), tmp_path, fmt)


def test_wojood_nested_round_trip(tmp_path: Path) -> None:
    ws = open_project(tmp_path / "a.sqlite3", WOJOOD_LABELS)
    docs = []
    for path in WOJOOD:
        docs += READERS["conll"](path, ws.schema, ReadOptions())
    store(ws, docs)
    round_trip(ws, schema_toml(WOJOOD_LABELS), tmp_path, "label-studio")


def test_seed_with_links_and_attributes_round_trip(tmp_path: Path) -> None:
    text, spans, relations = seed_annotations()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"name": "seed", "text": text, "spans": spans,
                                  "relations": relations}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    ws = Workspace.open(str(tmp_path / "a.sqlite3"), "tester")
    store(ws, READERS["jsonl"](source, ws.schema, ReadOptions()))
    [(_, _, spans, links)] = round_trip(ws, default_schema_text(), tmp_path, "label-studio")
    assert len(links) == 2 and any('"direct"' in s[5] for s in spans)


def test_cli_imports_the_label_studio_export_with_its_annotators(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "data" / "label_studio" / "project-7-full.json"
    db = str(tmp_path / "ls.sqlite3")
    proc = annotator("--db", db, "--annotator", "tester", "import", str(fixture))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("imported 3 document(s), 11 span(s), 3 link(s)")
    assert "3 span(s) had offsets in UTF-16 code units" in proc.stderr
    assert "1 cancelled (skipped) annotation(s)" in proc.stderr
    out = tmp_path / "bob.json"
    proc = annotator("--db", db, "export", "--format", "label-studio",
                     "--annotator", "bob@example.org", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    tasks = json.loads(out.read_text(encoding="utf-8"))
    annotated = [t for t in tasks if t["annotations"]]
    assert len(annotated) == 1
    result = annotated[0]["annotations"][0]["result"]
    assert sorted(r["value"]["labels"][0] for r in result if r["type"] == "labels") == [
        "LOC", "PER", "QUOTE",
    ]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"data": {"text": "نص"}, "annotations": [{"result": [{"type": '
                   '"rectanglelabels", "id": "r1", "value": {}}]}]}]', encoding="utf-8")
    proc = annotator("--db", db, "import", str(bad))
    assert proc.returncode == 1
    assert "bad.json: task 1, annotation 1, region r1: a rectanglelabels result" in proc.stderr
    assert "Traceback" not in proc.stderr
