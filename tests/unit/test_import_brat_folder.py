"""A brat collection (``.ann`` beside ``.txt``) imported without ``--format`` is read as brat.

Read as plain text it gave every document with 0 spans and exit status 0: the silent failure
this guards against.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.workspace import Workspace
from annotator.workspace.importing import expand_paths, import_paths

# diacritics, tatweel, a right-to-left mark, a Latin run, Arabic-Indic digits and an emoji
# before the spans: brat offsets are code points, so none of them may move a span
TEXT = "قالَ الرئيـس 😀 \u200fفلاديمير بوتين (Putin) في موسكو يوم ٢٠٢٤.\n"
PUTIN = "فلاديمير بوتين"
MOSCOW = "موسكو"


def ann(text: str) -> str:
    p, m = text.index(PUTIN), text.index(MOSCOW)
    return (
        f"T1\tPER {p} {p + len(PUTIN)}\t{PUTIN}\n"
        f"T2\tGPE {m} {m + len(MOSCOW)}\t{MOSCOW}\n"
    )


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """A brat collection: two annotated documents (one in a sub-folder, as brat nests
    collections), brat's configuration, and a text brat shows unannotated."""
    root = tmp_path / "collection"
    (root / "sub").mkdir(parents=True)
    for folder, name in ((root, "news1"), (root / "sub", "news2")):
        text = TEXT.replace("٢٠٢٤", "٢٠٢٤" if name == "news1" else "٢٠٢٥")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.ann").write_text(ann(text), encoding="utf-8")
    (root / "annotation.conf").write_text("[entities]\nPER\nGPE\n", encoding="utf-8")
    (root / "plain.txt").write_text("نص بلا تعليقات.\n", encoding="utf-8")
    return root


def test_a_folder_of_ann_beside_txt_is_brat(collection: Path) -> None:
    found = {p.name: fmt for p, fmt in expand_paths([collection])}
    assert found == {"news1.ann": "brat", "news2.ann": "brat", "plain.txt": "txt"}


def test_workspace_import_of_a_brat_folder_stores_its_spans(
    collection: Path, workspace: Workspace
) -> None:
    report = import_paths(workspace, [collection])
    assert sorted(report.added) == ["news1", "news2", "plain"]
    assert report.spans_added == 4
    for name in ("news1", "news2"):
        doc_id = workspace.repo.find_document(name)
        assert doc_id is not None
        text = workspace.repo.document_text(doc_id)
        assert sorted((s.covered(text), s.label) for s in workspace.repo.spans(
            doc_id, workspace.annotator
        )) == [(PUTIN, "PER"), (MOSCOW, "GPE")]


def test_cli_import_of_a_brat_folder_without_format(
    collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--db", str(tmp_path / "db.sqlite3"), str(collection)]) == 0
    out = capsys.readouterr().out
    assert "imported 3 document(s), 4 span(s)" in out


def test_an_ann_without_its_txt_is_refused_in_words(
    collection: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (collection / "news1.txt").unlink()
    assert main(["import", "--db", str(tmp_path / "db.sqlite3"), str(collection)]) == 1
    err = capsys.readouterr().err
    assert "news1" in err and "Traceback" not in err
