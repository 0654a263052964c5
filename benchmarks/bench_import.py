"""Import throughput: plain-text documents read, decoded and stored in a fresh SQLite file."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import arabic_text, emit

from annotator.formats.txt import read_txt
from annotator.workspace import Workspace
from annotator.workspace.importing import store

N_DOCS = 500


def main() -> None:
    base = arabic_text(4000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i in range(N_DOCS):
            # distinct texts: the same text twice would be one document
            (folder / f"doc{i:04d}.txt").write_text(f"{base}\nوثيقة رقم {i}", encoding="utf-8")
        ws = Workspace.open(str(Path(tmp) / "bench.sqlite3"), "bench")
        t0 = time.perf_counter()
        docs = [read_txt(p) for p in sorted(folder.glob("*.txt"))]
        report = store(ws, docs)
        elapsed = time.perf_counter() - t0
        assert len(report.added) == N_DOCS
        ws.close()
    emit("import.txt_docs_per_s", N_DOCS / elapsed, "docs/s")


if __name__ == "__main__":
    main()
