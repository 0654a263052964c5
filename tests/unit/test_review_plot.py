"""`stats --plot`: Arabic goes to matplotlib raw when it shapes, in visual order otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib import ft2font
from matplotlib.text import Text

from annotator.core.corpus_agreement import AnnotatedDocument, agreement_report
from annotator.core.model import Span, text_sha256
from annotator.display import plotting
from annotator.display.visual import visual
from annotator.workspace import Workspace
from annotator.workspace.stats_plot import _spans_per_document, build_figure, per_document_counts

DOC = "تقرير من القاهرة"
WHO = "ليلى"


def figure_texts(shapes: bool | None) -> list[str]:
    text = "قال الرئيس في القاهرة"
    doc = AnnotatedDocument(DOC, text, {
        WHO: [Span(4, 10, "entity", "PER", annotator=WHO)],
        "omar": [Span(4, 10, "entity", "PER", annotator="omar")],
    })
    report = agreement_report([doc], [WHO, "omar"], ["entity"])
    data = {"labels": {WHO: {"entity/PER": 1}, "omar": {"entity/PER": 1}}}
    fig = build_figure(data, report, {DOC: {WHO: 1, "omar": 1}}, shapes=shapes)
    return [t.get_text() for t in fig.findobj(Text)]


def test_raw_arabic_goes_to_a_matplotlib_that_shapes() -> None:
    texts = figure_texts(shapes=True)
    assert DOC in texts and WHO in texts
    assert visual(DOC) not in texts


def test_visual_order_goes_to_a_matplotlib_without_libraqm() -> None:
    texts = figure_texts(shapes=False)
    assert visual(DOC) in texts and visual(WHO) in texts
    assert DOC not in texts
    assert "entity/PER" in texts  # Latin is left alone


def test_detection_decides_when_not_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plotting, "matplotlib_shapes_arabic", lambda: False)
    assert visual(DOC) in figure_texts(shapes=None)
    monkeypatch.setattr(plotting, "matplotlib_shapes_arabic", lambda: True)
    assert DOC in figure_texts(shapes=None)


def test_detection_reads_libraqm_from_ft2font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.1", raising=False)
    assert plotting.matplotlib_shapes_arabic() is True
    monkeypatch.delattr(ft2font, "__libraqm_version__")
    assert plotting.matplotlib_shapes_arabic() is False


def test_plot_text_reshapes_only_right_to_left_text() -> None:
    assert plotting.plot_text("PER", shapes=False) == "PER"
    converted = plotting.plot_text(DOC, shapes=False)
    assert converted == visual(DOC) and converted != DOC
    assert any("\ufb50" <= ch <= "\ufeff" for ch in converted)  # presentation forms, for eyes


def run_cli(*args: str, pythonpath: str = "") -> subprocess.CompletedProcess[str]:
    paths = [p for p in (pythonpath, os.environ.get("PYTHONPATH", "")) if p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [sys.executable, "-m", "annotator.cli", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


def test_stats_plot_writes_a_png(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    src = tmp_path / "doc.jsonl"
    line = {"name": DOC, "text": "قال الرئيس", "annotator": WHO,
            "spans": [{"start": 4, "end": 10, "label": "PER"}]}
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import", "--db", db, str(src)).returncode == 0
    out = tmp_path / "stats.png"
    proc = run_cli("stats", "--db", db, "--plot", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stats_plot_without_matplotlib_says_how_to_install(tmp_path: Path) -> None:
    blocker = tmp_path / "block" / "matplotlib"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('blocked: no matplotlib here')\n")
    proc = run_cli("stats", "--db", str(tmp_path / "db.sqlite3"), "--plot",
                   str(tmp_path / "x.png"), pythonpath=str(tmp_path / "block"))
    assert proc.returncode == 1
    assert "pip install 'annotator[plot]'" in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_documents_sharing_a_name_are_two_bars(workspace: Workspace) -> None:
    repo = workspace.repo
    first = repo.insert_document(DOC, "نص أول", text_sha256("نص أول"))
    second = repo.insert_document(DOC, "نص ثان آخر", text_sha256("نص ثان آخر"))
    repo.insert_span(first, Span(0, 2, "entity", "PER", annotator=WHO))
    repo.insert_spans(second, [Span(0, 2, "entity", "PER", annotator=WHO),
                               Span(3, 6, "entity", "LOC", annotator=WHO)])
    counts = _spans_per_document(workspace, [WHO])
    assert counts == {DOC: {WHO: 1}, f"{DOC} (2)": {WHO: 2}}
    texts = [t.get_text() for t in build_figure(
        {"labels": {WHO: {"entity/PER": 2}}}, None, counts, shapes=True
    ).findobj(Text)]
    assert DOC in texts and f"{DOC} (2)" in texts


def test_a_numbered_label_never_takes_another_documents_name() -> None:
    docs = [AnnotatedDocument("a (2)", "x", doc_id=1), AnnotatedDocument("a", "y", doc_id=2),
            AnnotatedDocument("a", "z", doc_id=3)]
    assert list(per_document_counts(docs)) == ["a (2)", "a", "a (3)"]
