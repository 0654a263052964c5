"""``annotator suggest train|apply|eval`` and ``import --as-suggestions`` as scripts call them;
``agree`` is the same with or without suggestions in the database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_cli import annotator

from annotator.core.model import DONE, Span, text_sha256
from annotator.workspace import Workspace

TEXTS = [
    "التقى لوكاشينكو مع بوتين في موسكو .",
    "قال بوتين إن روسيا لن تتراجع عن موقفها .",
    "وصل لوكاشينكو إلى مينسك بعد زيارة موسكو .",
    "أكد بوتين أن موسكو ترحب بالضيوف .",
]
NAMES = {"لوكاشينكو": "PER", "بوتين": "PER", "موسكو": "GPE", "روسيا": "GPE", "مينسك": "GPE"}
OPEN = "زار بُوتِـين موسكو ثم كتب للوكاشينكو ."


def spans_of(text: str, who: str) -> list[Span]:
    out = []
    for name, label in NAMES.items():
        start = text.find(name)
        while start >= 0:
            out.append(Span(start, start + len(name), "entity", label, annotator=who))
            start = text.find(name, start + 1)
    return out


def make_db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.sqlite3")
    ws = Workspace.open(path, "layla")
    for n, text in enumerate(TEXTS):
        doc = ws.repo.insert_document(f"d{n}", text, text_sha256(text))
        ws.repo.insert_spans(doc, spans_of(text, "layla"))
        ws.repo.insert_spans(doc, spans_of(text, "omar")[:-1])
        ws.repo.set_status(doc, DONE, "layla")
    ws.repo.insert_document("open", OPEN, text_sha256(OPEN))
    ws.close()
    return path


def test_train_apply_eval_and_agree_untouched(tmp_path: Path) -> None:
    db = make_db(tmp_path)
    before = annotator("agree", "--db", db, "--annotators", "layla,omar", "--json")
    assert before.returncode == 0, before.stderr
    done = annotator("suggest", "train", "--db", db, "--annotator", "layla")
    assert done.returncode == 0, done.stderr
    assert "model v1" in done.stdout and "suggestion(s)" in done.stdout
    applied = annotator("suggest", "apply", "open", "--db", db, "--annotator", "layla")
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.startswith("open: ") and not applied.stdout.startswith("open: 0 ")
    after = annotator("agree", "--db", db, "--annotators", "layla,omar", "--json")
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout) == json.loads(before.stdout)
    ev = annotator("suggest", "eval", "--db", db, "--annotator", "layla", "--folds", "2",
                   "--json")
    assert ev.returncode == 0, ev.stderr
    report = json.loads(ev.stdout)
    assert report["documents"] == 4 and report["folds"] == 2
    assert set(report["labels"]) <= {"PER", "GPE"}
    assert [p["documents"] for p in report["learning_curve"]][-1] == 2


def test_nothing_to_learn_exits_1_in_words(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.sqlite3")
    done = annotator("suggest", "train", "--db", db, "--annotator", "nobody")
    assert done.returncode == 1
    assert done.stderr.startswith("annotator: error: nothing to learn")
    assert "Traceback" not in done.stderr


def test_import_as_suggestions_adds_suggestions_not_spans(tmp_path: Path) -> None:
    db = make_db(tmp_path)
    pre = tmp_path / "camel.jsonl"
    pre.write_text(json.dumps({"text": OPEN, "spans": [
        {"start": 4, "end": 12, "label": "PER"}, {"start": 13, "end": 18, "label": "GPE"},
    ]}, ensure_ascii=False) + "\n", encoding="utf-8")
    done = annotator("import", "--as-suggestions", str(pre), "--db", db, "--annotator", "layla")
    assert done.returncode == 0, done.stderr
    assert "imported 2 suggestion(s)" in done.stdout and "no span was added" in done.stdout
    exported = annotator("export", "--format", "jsonl", "--db", db, "--annotator", "layla")
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [r["spans"] for r in rows if r["text"] == OPEN] == [[]]


def test_low_priority_takes_only_an_idle_core() -> None:
    """The window's training asks for Linux's idle class (else the lowest nice): a tag must
    never wait for a core the training holds."""
    probe = (
        "import os\n"
        "from annotator.clicmd.suggest import lower_priority\n"
        "lower_priority()\n"
        "idle = hasattr(os, 'SCHED_IDLE') and os.sched_getscheduler(0) == os.SCHED_IDLE\n"
        "print('idle' if idle else os.nice(0))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out in ("idle", "19")
