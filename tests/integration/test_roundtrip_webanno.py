"""WebAnno TSV on the real corpora: JSONL -> WebAnno TSV -> import -> JSONL gives the same text,
spans, attributes and links for every document (AQMAR with its shipped tag map, and a seed
article with quotes, claims and their links)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.paths import DATA
from test_roundtrip_standoff import seed_annotations

from annotator.core.schema import resources_path
from annotator.formats.exporting import ExportOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents, write_export
from annotator.workspace.importing import import_paths

AQMAR_MAP = resources_path("tagmaps/aqmar.map")


def comparable(jsonl: str) -> dict[str, tuple[str, list[tuple], list[tuple]]]:
    """Per document: its text, its spans and its links, without the uuids a format makes."""
    out = {}
    for line in jsonl.splitlines():
        doc = json.loads(line)
        spans = {s["uuid"]: (s["start"], s["end"], s["layer"], s["label"],
                             tuple(sorted(s["attributes"].items()))) for s in doc["spans"]}
        links = sorted((r["kind"], spans[r["head"]], spans[r["tail"]]) for r in doc["relations"])
        out[doc["name"]] = (doc["text"], sorted(spans.values()), links)
    return out


def test_corpora_survive_a_trip_through_webanno_tsv(tmp_path: Path) -> None:
    text, spans, relations = seed_annotations()
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"name": "seed", "text": text, "spans": spans,
                                "relations": relations}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    first = Workspace.open(str(tmp_path / "first.sqlite3"), "tester")
    try:
        import_paths(first, [DATA / "aqmar"], "conll", map_tags=AQMAR_MAP)
        import_paths(first, [seed], "jsonl")
        docs = gather_documents(first, "tester")
        options = ExportOptions(layers=first.schema.layer_names, schema=first.schema)
        _, before = write_export("jsonl", docs, None, options)
        report, _ = write_export("webanno", docs, tmp_path / "tsv", options)
    finally:
        first.close()
    assert before is not None
    assert report.dropped == [] and report.trimmed == {}
    assert len(list((tmp_path / "tsv").glob("*.tsv"))) == len(docs) == 29

    second = Workspace.open(str(tmp_path / "second.sqlite3"), "tester")
    try:
        import_paths(second, [tmp_path / "tsv"], "webanno")
        again = gather_documents(second, "tester")
        _, after = write_export("jsonl", again, None, options)
    finally:
        second.close()
    assert after is not None
    expected, got = comparable(before), comparable(after)
    assert sum(len(v[1]) for v in expected.values()) > 1000
    assert sum(len(v[2]) for v in expected.values()) == 2
    assert got == expected
