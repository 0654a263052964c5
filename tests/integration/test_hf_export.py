"""``annotator export --format hf``: a folder ``datasets.load_from_disk`` opens, with tokens,
``ner_tags`` as ClassLabel named by our tags and the document per row; without the datasets
package, a refusal that says what to install and writes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import datasets
import pytest

from annotator import cli
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.schema import load_schema, resources_path
from annotator.formats.exporting import ExportDocument, ExportOptions
from annotator.workspace import Workspace
from annotator.workspace.exporting import write_export
from annotator.workspace.importing import import_paths

TEXT = "قال 😊 للوكاشينكو: «موسكو آمنةٌ».\nثم غادر\u200f بوتيـــن ٢٠٢٤ Putin."


def at(word: str, label: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), "entity", label)


def test_load_from_disk_gives_tokens_class_labels_and_documents(tmp_path: Path) -> None:
    schema = load_schema()
    docs = [
        ExportDocument("أخبار", TEXT, "sha", [at("لوكاشينكو", "PER"), at("بوتيـــن ٢٠٢٤", "PER"),
                                               at("موسكو", "GPE")]),
        ExportDocument("second", "Putin visited Moscow.", "sha2", []),
    ]
    out = tmp_path / "hf"
    report, _ = write_export("hf", docs, out, ExportOptions(schema=schema))
    assert report.splits == {"أخبار": 1}, "ل · لوكاشينكو cut and reported"
    loaded = datasets.load_from_disk(str(out))
    names = loaded.features["ner_tags"].feature.names
    assert names[:3] == ["O", "B-PER", "I-PER"]
    assert len(names) == 1 + 2 * len(schema.labels("entity"))
    assert loaded["document"] == ["أخبار", "أخبار", "second"]
    first = loaded[0]
    assert first["tokens"] == ["قال", "😊", "ل", "لوكاشينكو", ":", "«", "موسكو", "آمنةٌ", "»",
                               "."]
    tags = [names[k] for k in first["ner_tags"]]
    assert tags == ["O", "O", "O", "B-PER", "O", "O", "B-GPE", "O", "O", "O"]
    second = loaded[1]
    assert [names[k] for k in second["ner_tags"]] == ["O", "O", "B-PER", "I-PER", "O", "O"]
    assert second["tokens"][2:4] == ["بوتيـــن", "٢٠٢٤"]


def test_bioes_names_and_a_real_corpus(tmp_path: Path, db_path: Path) -> None:
    from helpers.paths import DATA

    ws = Workspace.open(str(db_path), "tester")
    try:
        import_paths(ws, [DATA / "aqmar" / "Damascus.txt"], "conll",
                     map_tags=resources_path("tagmaps/aqmar.map"))
        code = cli.main(["export", "--db", str(db_path), "--format", "hf", "--scheme", "bioes",
                         "-o", str(tmp_path / "hf")])
        assert code == 0
        spans = sum(len(ws.repo.spans(row.id, "tester"))
                    for row in ws.repo.list_documents("tester"))
    finally:
        ws.close()
    loaded = datasets.load_from_disk(str(tmp_path / "hf"))
    names = loaded.features["ner_tags"].feature.names
    assert names[:5] == ["O", "B-PER", "I-PER", "E-PER", "S-PER"]
    starts = sum(names[k][:2] in ("B-", "S-") for row in loaded["ner_tags"] for k in row)
    assert starts > 0 and starts <= spans  # outer spans only: one tag column


def test_without_datasets_the_export_is_refused_with_an_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)  # import datasets now fails
    doc = ExportDocument("d", TEXT, "sha", [at("موسكو", "GPE")])
    out = tmp_path / "hf"
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[hf\]'"):
        write_export("hf", [doc], out, ExportOptions())
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [], "no staging folder left behind"
    code = cli.main(["export", "--db", str(db_path), "--format", "hf", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "pip install 'annotator[hf]'" in err and "Traceback" not in err
    assert not out.exists()
