"""A process killed with SIGKILL loses no span it reported as saved."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.file_alone import count_in_file_alone

from annotator.workspace import Workspace

DOCUMENTS = "SELECT count(*) FROM document"  # counted in the database file alone
WRITER = textwrap.dedent(
    """
    import sys
    from annotator.core.commands import AddSpan
    from annotator.core.model import Span
    from annotator.workspace import Workspace

    ws = Workspace.open(sys.argv[1], "killed")
    if sys.argv[2] == "window":
        ws.checkpoint_when_idle()  # as a window has it: the WAL copied back in pauses only
    doc = ws.repo.find_document("victim")
    i = 0
    while True:
        start = (i * 3) % 900
        change = ws.execute(AddSpan(doc, Span(start, start + 2, "entity", "PER")))
        # printed only after the command returned, i.e. after its transaction committed
        print(change.added[0].uuid, flush=True)
        i += 1
    """
)


@pytest.mark.parametrize("writer", ["command", "window"])
def test_sigkill_loses_no_committed_span(tmp_path: Path, writer: str) -> None:
    db = str(tmp_path / "db.sqlite3")
    ws = Workspace.open(db, "setup")
    ws.repo.insert_document("victim", "نص " * 400, "sha-victim")
    ws.close()
    reported: list[str] = []
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, db, writer], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        for _ in range(30 + round_ * 7):
            line = proc.stdout.readline()
            assert line, "the writer died before it was killed"
            reported.append(line.strip())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # whatever it printed after our last read may or may not be saved; what we read must be
        proc.stdout.close()
    ws = Workspace.open(db, "killed")
    doc = ws.repo.find_document("victim")
    assert doc is not None
    stored = {s.uuid for s in ws.repo.spans(doc)}
    missing = [u for u in reported if u not in stored]
    assert missing == [], f"{len(missing)} reported spans lost"
    assert len(reported) >= 5 * 30
    ws.close()


def test_a_window_copies_the_log_back_in_its_pauses_not_in_its_commits(tmp_path: Path) -> None:
    """SQLite copies its write-ahead log back into the database file (a checkpoint: a copy
    and an fsync) at the commit that takes the log past 1,000 pages, every ~250 tags: one
    tag in 250 waited for it. A window leaves it to its user's pauses (``checkpoint``).
    Read from the database file alone: what a checkpoint has copied there."""
    db = tmp_path / "db.sqlite3"
    ws = Workspace.open(str(db), "layla")
    ws.checkpoint_when_idle()
    for i in range(30):  # ~100 pages each, one commit each: far past 1,000 pages of log
        text = f"نص {i} " + "كلمة " * 40_000
        ws.repo.insert_document(f"d{i}", text, f"sha-{i}")
    assert count_in_file_alone(db, DOCUMENTS) == 0, "a commit copied the log back"
    assert ws.checkpoint()
    assert count_in_file_alone(db, DOCUMENTS) == 30
    ws.close()



def test_a_checkpoint_where_the_database_went_says_so_and_raises_nothing(tmp_path: Path) -> None:
    """The window asks in a pause, from a timer: an exception there would be a crash dialog.
    The next edit says in words what is wrong with the database."""
    folder = tmp_path / "gone"
    folder.mkdir()
    ws = Workspace.open(str(folder / "db.sqlite3"), "layla")
    ws.checkpoint_when_idle()  # its pooled connections go: the next one opens the file again
    shutil.rmtree(folder)
    assert ws.checkpoint() is False
    ws.close()
