"""The CoNLL options on the command line: separators, schemes spaCy can read, MISC tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main

TEXT = "قالَ فلاديمير بوتين في موسكو ٢٠٢٤ 😀.\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    source = tmp_path / "news.jsonl"
    start = TEXT.index("فلاديمير")
    span = {"start": start, "end": start + len("فلاديمير بوتين"), "label": "PER"}
    source.write_text(json.dumps({"text": TEXT, "spans": [span]}) + "\n", encoding="utf-8")
    path = str(tmp_path / "db.sqlite3")
    assert main(["import", "--db", path, str(source)]) == 0
    return path


def test_bioes_to_a_spacy_bound_name_is_warned(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    out = tmp_path / "train.spacy.conll"
    assert main(["export", "--db", db, "--format", "conll", "--scheme", "bioes",
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "split every BIOES entity" in err and "--scheme bilou" in err
    assert main(["export", "--db", db, "--format", "conll", "--scheme", "bilou",
                 "-o", str(out)]) == 0
    assert "BIOES" not in capsys.readouterr().err
    assert "B-PER\n" in out.read_text(encoding="utf-8").replace("\t", "\n")


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "conllu", "--misc-tags", "--scheme", "bioes"],
        ["--format", "conllu", "--misc-tags", "--layers", "entity,quote"],
        ["--format", "conll", "--no-docstart", "--doc-separator", "conll2003"],
    ],
)
def test_options_a_format_cannot_honour_are_usage_errors(
    db: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "--db", db, *args])
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_doc_separator_token_and_no_docstart_still_accepted(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "conll", "--doc-separator", "token"]) == 0
    assert capsys.readouterr().out.startswith("-DOCSTART-\tO\n\n")
    assert main(["export", "--db", db, "--format", "conll", "--no-docstart"]) == 0
    assert capsys.readouterr().out.startswith("قالَ\tO\n")
