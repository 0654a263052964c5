"""Every AQMAR article out as our JSONL, into doccano's relation-project shape with the text
typed on Windows (CR LF, offsets counted in it, as doccano keeps them), back in: the same texts
and the same spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.paths import DATA, ROOT

from annotator.cli import main

AQMAR = DATA / "aqmar"
TAG_MAP = ROOT / "resources" / "tagmaps" / "aqmar.map"


def spans_by_text(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        out[obj["sha256"]] = sorted((s["start"], s["end"], s["label"]) for s in obj["spans"])
    return out


def as_doccano_from_windows(ours: Path, out: Path) -> int:
    """Our export rewritten as doccano writes a relation project, with CR LF line ends."""
    lines, crlf = [], 0
    for i, line in enumerate(ours.read_text(encoding="utf-8").splitlines()):
        obj = json.loads(line)
        text = obj["text"]
        crlf += text.count("\n")

        def moved(offset: int, text: str = text) -> int:
            return offset + text.count("\n", 0, offset)

        entities = [
            {"id": 10_000 * i + j, "label": s["label"], "start_offset": moved(s["start"]),
             "end_offset": moved(s["end"])}
            for j, s in enumerate(obj["spans"])
        ]
        lines.append(json.dumps(
            {"id": i, "text": text.replace("\n", "\r\n"), "entities": entities,
             "relations": [], "Comments": []}, ensure_ascii=False,
        ))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return crlf


def test_aqmar_through_doccano_with_crlf_keeps_every_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert main(["import", "--db", first, "--format", "conll", "--map-tags", str(TAG_MAP),
                 str(AQMAR)]) == 0
    ours = tmp_path / "ours.jsonl"
    assert main(["export", "--db", first, "--format", "jsonl", "-o", str(ours)]) == 0
    doccano = tmp_path / "doccano.jsonl"
    crlf = as_doccano_from_windows(ours, doccano)
    capsys.readouterr()
    assert main(["import", "--db", second, str(doccano)]) == 0
    err = capsys.readouterr().err
    assert f"had {crlf} CR LF line ends, stored as LF" in err
    back = tmp_path / "back.jsonl"
    assert main(["export", "--db", second, "--format", "jsonl", "-o", str(back)]) == 0
    expected = spans_by_text(ours)
    assert len(expected) == 28 and sum(map(len, expected.values())) > 5000
    assert spans_by_text(back) == expected
