"""A re-import that meets spans already stored keeps the links pointing to them (it used to drop
them with no word), and never doubles a link already stored."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths

TEXT = "قال بوتين: «سنرد» 🙂"
P, P2, Q = (f"00000000-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))


def line(spans: list[dict[str, object]], relations: list[dict[str, object]]) -> str:
    return json.dumps({"name": "خبر", "text": TEXT, "spans": spans, "relations": relations},
                      ensure_ascii=False)


PER = {"uuid": P, "start": 4, "end": 9, "layer": "entity", "label": "PER"}
QUOTE = {"uuid": Q, "start": 11, "end": 17, "layer": "quote", "label": "QUOTE",
         "attributes": {"direct": "direct"}}


def test_links_to_spans_already_stored_are_kept(tmp_path: Path, workspace: Workspace) -> None:
    first, second = tmp_path / "ner.jsonl", tmp_path / "rel.jsonl"
    first.write_text(line([PER], []) + "\n", encoding="utf-8")
    # the same entity again (a new id: another tool's export), with a quote linked to it
    again = {**PER, "uuid": P2}
    link = {"kind": "speaker", "head": Q, "tail": P2}
    second.write_text(line([again, QUOTE], [link]) + "\n", encoding="utf-8")
    import_paths(workspace, [first])
    report = import_paths(workspace, [second])
    assert (report.spans_added, report.spans_skipped, report.relations_added) == (1, 1, 1)
    doc = workspace.document("خبر")
    (rel,) = workspace.relations(doc)
    spans = {s.uuid: s for s in workspace.spans(doc)}
    assert (spans[rel.head].label, spans[rel.tail].label) == ("QUOTE", "PER")
    again_report = import_paths(workspace, [second])  # all of it already there
    assert (again_report.spans_added, again_report.relations_added) == (0, 0)
    assert len(workspace.relations(doc)) == 1
