"""CoNLL -> import -> CoNLL export on the real corpora gives back the same tokens and tags.

The original files are parsed here by a small independent reader, their tags mapped by the
same map file the import gets and normalised to IOB2 (AQMAR starts 70 spans with ``I-``), and
compared sentence by sentence with what the export wrote. Sentence breaks are compared too:
a document imported from CoNLL keeps one line per sentence and the export writes those lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.paths import DATA

from annotator.formats.exporting import ExportOptions
from annotator.formats.registry import READERS, ReadOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import gather_documents, write_export
from annotator.workspace.importing import store

AQMAR = sorted((DATA / "aqmar").glob("*.txt"))
WOJOOD = [DATA / "wojood_sample" / f"{part}.txt" for part in ("train", "val", "test")]
AQMAR_LABELS = ["PER", "LOC", "ORG", "MIS0", "MIS1", "MIS2", "MIS3"]
WOJOOD_LABELS = [
    "PERS", "NORP", "OCC", "ORG", "GPE", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL",
    "ORDINAL", "PERCENT", "QUANTITY", "UNIT", "MONEY", "CURR", "LANGUAGE", "PRODUCT", "LAW",
    "WEBSITE",
]
# AQMAR's junk tags, repaired: whole tags first, then bare labels
AQMAR_MAP = """\
# foreign	ours
IO	O
OO	O
I--ORG	I-ORG
B-MISS1	B-MIS1
B-MIS1`	B-MIS1
B-MIS-1	B-MIS1
B-MIS-2	B-MIS2
MIS	MIS1
ENGLISH	O
SPANISH	O
"""

Sentence = list[tuple[str, list[str]]]


def schema_toml(labels: list[str]) -> str:
    entity = ", ".join(f'{{ name = "{label}" }}' for label in labels)
    return f'[[layers]]\nname = "entity"\nlabels = [{entity}]\n'


def open_project(db: Path, labels: list[str]) -> Workspace:
    ws = Workspace.open(str(db), "tester")
    ws.repo.set_project_schema_toml(schema_toml(labels))
    ws.close()
    return Workspace.open(str(db), "tester")


def read_columns(text: str) -> list[list[Sentence]]:
    """Documents -> sentences -> (token, tags); blank lines and -DOCSTART- as in CoNLL."""
    docs: list[list[Sentence]] = [[]]
    sentence: Sentence = []
    for line in [*text.split("\n"), ""]:
        fields = line.split("\t") if "\t" in line else line.split()
        if not fields or not line.strip():
            if sentence:
                docs[-1].append(sentence)
            sentence = []
        elif fields[0] == "-DOCSTART-":
            if docs[-1]:
                docs.append([])
        else:
            sentence.append((fields[0], fields[1:]))
    return [d for d in docs if d]


def parse_map(text: str) -> dict[str, str]:
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {a: b for a, b in pairs}


def mapped(tag: str, table: dict[str, str]) -> str:
    tag = table.get(tag, tag)
    if tag == "O":
        return tag
    prefix, label = tag[:2], tag[2:]
    label = table.get(label, label)
    return "O" if label == "O" else prefix + label


def iob2(tags: list[str]) -> list[str]:
    """IOB2 of a column: an I- that does not continue its type becomes B-."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def normalised(sentences: list[Sentence], columns: int, table: dict[str, str]) -> list[Sentence]:
    out = []
    for sentence in sentences:
        padded = [[mapped(t, table) for t in tags] + ["O"] * (columns - len(tags))
                  for _, tags in sentence]
        by_column = [iob2([row[c] for row in padded]) for c in range(columns)]
        out.append([
            (token, [by_column[c][i] for c in range(columns)])
            for i, (token, _) in enumerate(sentence)
        ])
    return out


def round_trip(ws: Workspace, files: list[Path], map_file: Path | None, nested: int) -> str:
    docs = []
    for path in files:
        docs += READERS["conll"](path, ws.schema, ReadOptions(map_tags=map_file))
    store(ws, docs)
    exported = gather_documents(ws, "tester")
    # documents kept apart by the line our reader (and spaCy's) splits them on
    options = ExportOptions(nested=nested, doc_separator="conll2003")
    report, text = write_export("conll", exported, None, options)
    assert not report.dropped and not report.splits and not report.joined
    assert text is not None
    return text


@pytest.mark.parametrize("path", AQMAR, ids=[p.stem for p in AQMAR])
def test_aqmar_article_round_trip(path: Path, tmp_path: Path) -> None:
    map_file = tmp_path / "aqmar.map"
    map_file.write_text(AQMAR_MAP, encoding="utf-8")
    ws = open_project(tmp_path / "db.sqlite3", AQMAR_LABELS)
    try:
        text = round_trip(ws, [path], map_file, nested=1)
    finally:
        ws.close()
    original = read_columns(path.read_text(encoding="utf-8"))
    assert len(original) == 1
    [written] = read_columns(text)
    expected = normalised(original[0], 1, parse_map(AQMAR_MAP))
    assert written == expected


def test_wojood_nested_round_trip(tmp_path: Path) -> None:
    ws = open_project(tmp_path / "db.sqlite3", WOJOOD_LABELS)
    try:
        text = round_trip(ws, WOJOOD, None, nested=4)
    finally:
        ws.close()
    written = read_columns(text)
    # documents come back in name order: test, train, val
    for path, doc in zip(sorted(WOJOOD), written, strict=True):
        [original] = read_columns(path.read_text(encoding="utf-8"))
        assert doc == normalised(original, 4, {}), path.name
    assert sum(len(s) for doc in written for s in doc) == 26_974


def test_aqmar_refused_without_map_names_lines(tmp_path: Path) -> None:
    from annotator.core.errors import InputError

    ws = open_project(tmp_path / "db.sqlite3", AQMAR_LABELS)
    try:
        with pytest.raises(InputError, match=r"Football\.txt:1: tags outside the schema") as e:
            READERS["conll"](DATA / "aqmar" / "Football.txt", ws.schema, ReadOptions())
    finally:
        ws.close()
    message = str(e.value)
    assert "'B-MISS1'" in message and "'OO'" in message and "line 1855" in message
    assert e.value.line == 1


def test_cli_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    db = str(tmp_path / "db.sqlite3")
    open_project(tmp_path / "db.sqlite3", AQMAR_LABELS).close()
    map_file = tmp_path / "aqmar.map"
    map_file.write_text(AQMAR_MAP, encoding="utf-8")
    files = [str(DATA / "aqmar" / name) for name in ("Linux.txt", "Football.txt")]
    assert main(["--db", db, "--annotator", "tester", "import", "--format", "conll",
                 "--map-tags", str(map_file), *files]) == 0
    assert "span(s) began with I-" in capsys.readouterr().err
    out = tmp_path / "out.bio"
    assert main(["--db", db, "export", "--format", "conll", "--annotator", "tester",
                 "--scheme", "bioes", "--no-docstart", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("wrote 2 document(s)")
    written = out.read_text(encoding="utf-8")
    assert "DOCSTART" not in written and "\tS-" in written and "\tE-" in written
    assert main(["--db", db, "export", "--format", "conll", "--annotator", "tester",
                 "--documents", "Linux", "--doc-separator", "conll2003"]) == 0
    stdout = capsys.readouterr().out
    assert stdout.startswith("-DOCSTART- -X- O O\n\n")
    assert stdout.count("-DOCSTART-") == 1
    assert main(["--db", db, "export", "--format", "conll", "--annotator", "nobody"]) == 1
    assert "no annotator named 'nobody'" in capsys.readouterr().err
    with pytest.raises(SystemExit, match=r"^2$") as usage:
        main(["--db", db, "export", "--format", "conll", "--gold", "--annotator", "tester"])
    assert usage.value.code == 2
    assert "give --annotator NAME or --gold, not both" in capsys.readouterr().err


def test_failed_export_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from annotator.formats.exporting import ExportDocument
    from annotator.formats.registry import FORMATS

    target = tmp_path / "out.conll"
    target.write_text("old\n", encoding="utf-8")

    def failing(docs, out, options, report, progress):  # type: ignore[no-untyped-def]
        out.write("half a file")
        raise OSError("disk full")

    monkeypatch.setitem(FORMATS, "conll", replace(FORMATS["conll"], stream_writer=failing))
    doc = ExportDocument("d", "نص", "x", [])
    with pytest.raises(OSError, match="disk full"):
        write_export("conll", [doc], target, ExportOptions())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.conll"]


@pytest.mark.parametrize("fmt", ["conll", "conllu"])
def test_cli_reports_links_and_attributes_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    import json

    from annotator.cli import main

    text = "قال بوتين إن روسيا قوية"
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({
        "name": "d", "text": text,
        "spans": [{"start": 4, "end": 9, "label": "PER"},
                  {"start": 10, "end": 23, "label": "QUOTE", "layer": "quote",
                   "attributes": {"direct": "indirect"}}],
        "relations": [{"kind": "speaker", "head": 1, "tail": 0}],
    }, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", db, "--annotator", "a", str(source)]) == 0
    capsys.readouterr()
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--db", db, "--annotator", "a", "--format", fmt,
                 "--layers", "entity,quote", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "wrote 1 document(s), 5 token(s), 2 span(s)" in err
    assert "left out 1 link(s) (speaker, source): tag columns have no place for links: d 1" in err
    assert "left out the attributes of 1 span(s)" in err
