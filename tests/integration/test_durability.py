"""A process killed with SIGKILL loses no span it reported as saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.workspace import Workspace

WRITER = textwrap.dedent(
    """
    import sys
    from annotator.core.commands import AddSpan
    from annotator.core.model import Span
    from annotator.workspace import Workspace

    ws = Workspace.open(sys.argv[1], "killed")
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


def test_sigkill_loses_no_committed_span(tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite3")
    ws = Workspace.open(db, "setup")
    ws.repo.insert_document("victim", "نص " * 400, "sha-victim")
    ws.close()
    reported: list[str] = []
    for round_ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, db], stdout=subprocess.PIPE, text=True
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
