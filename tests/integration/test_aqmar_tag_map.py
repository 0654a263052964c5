"""The shipped AQMAR tag map reads every article of the corpus: exit 0, and each document has
the entities the file's tags say (counted here by seqeval from the file, not by our reader)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers.paths import DATA
from seqeval.metrics.sequence_labeling import get_entities

from annotator.cli import main
from annotator.core.schema import load_schema, resources_path
from annotator.workspace import Workspace

AQMAR = sorted((DATA / "aqmar").glob("*.txt"))
MAP = resources_path("tagmaps/aqmar.map")


def read_map() -> dict[str, str]:
    """FOREIGN -> OURS, the documented format: one pair a line, ``#`` comments."""
    pairs = (line.split("#", 1)[0].split() for line in MAP.read_text("utf-8").splitlines())
    return {p[0]: p[1] for p in pairs if p}


def mapped(tag: str, table: dict[str, str]) -> str:
    """A whole-tag entry wins; else the label after ``B-``/``I-`` is looked up."""
    if tag in table:
        return table[tag]
    prefix, _, label = tag.partition("-")
    if label in table:
        target = table[label]
        return target if target == "O" or "-" in target else f"{prefix}-{target}"
    return tag


def expected_entities(path: Path, table: dict[str, str]) -> Counter[str]:
    """Labels of the entities in the file, sentence by sentence (blank lines), by seqeval."""
    sentences: list[list[str]] = [[]]
    for line in path.read_text("utf-8").split("\n"):
        fields = line.split()
        if not fields:
            sentences.append([])
        elif line.startswith(" ") or len(fields) == 1:
            continue  # an empty token: no text, no tag
        else:
            sentences[-1].append(mapped(fields[-1], table))
    return Counter(label for label, _, _ in get_entities([s for s in sentences if s]))


def test_the_map_covers_every_tag_of_the_corpus() -> None:
    table = read_map()
    labels = {label.name for label in load_schema().labels("entity")}
    tags = {line.split()[-1] for path in AQMAR for line in path.read_text("utf-8").splitlines()
            if line.split()}
    unreadable = sorted(
        t for t in tags
        if (m := mapped(t, table)) != "O" and not (m[:2] in ("B-", "I-") and m[2:] in labels)
    )
    assert unreadable == []


def test_every_aqmar_article_imports_with_the_shipped_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(AQMAR) == 28
    db = tmp_path / "db.sqlite3"
    assert main(["import", "--db", str(db), "--format", "conll", "--map-tags", str(MAP),
                 *map(str, AQMAR)]) == 0
    assert "imported 28 document(s)" in capsys.readouterr().out
    table = read_map()
    ws = Workspace.open(str(db), "tester")
    try:
        for path in AQMAR:
            doc_id = ws.repo.find_document(path.stem)
            assert doc_id is not None, path.name
            found = Counter(s.label for s in ws.repo.spans(doc_id, "tester"))
            assert found == expected_entities(path, table), path.name
    finally:
        ws.close()
