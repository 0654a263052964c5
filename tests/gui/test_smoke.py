"""The self-check the packaged app runs in CI (``annotator --smoke-test``), run from source."""

from __future__ import annotations

from pathlib import Path

from annotator.ui.smoke import main
from annotator.workspace import Workspace


def test_smoke_tags_the_sample_and_draws_the_statistics(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "smoke.sqlite3"
    assert main(["--db", str(db), "--out", str(tmp_path / "out")]) == 0
    for png in ("stats.png", "statistics-panel.png"):
        assert (tmp_path / "out" / png).stat().st_size > 10_000
    ws = Workspace.open(str(db), "smoke")
    [doc] = ws.list_documents()
    labels = sorted(s.label for s in ws.repo.spans(doc.id, "smoke"))
    ws.close()
    assert labels == ["GPE", "PER"]


def test_smoke_reports_a_failed_step_in_words(qtbot, tmp_path: Path, capsys) -> None:
    (tmp_path / "db").mkdir()  # a folder where the database file should be
    assert main(["--db", str(tmp_path / "db"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("annotator-smoke: failed: ") and "Traceback" not in err
