"""Scale figure of import: 10,000 JSONL documents × 20 spans into a fresh SQLite file.

The documents are AQMAR sentences (real Arabic Wikipedia text) strung together, each made a
distinct document by a closing word of its own; 20 entity spans each, on whole words. Timed
from the file to committed rows (``import_paths``, as ``annotator import`` runs it).
``--quick`` imports 2,000 documents only; the full run 2,000, then 10,000 (the peak memory
figure is the process's so far).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import SHARED, emit, rss_mb

from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths

AQMAR = SHARED / "data" / "aqmar"
SPANS_PER_DOC = 20


def sentences() -> list[list[str]]:
    out: list[list[str]] = []
    for path in sorted(AQMAR.glob("*.txt")):
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                words.append(parts[0])
            elif words:
                out.append(words)
                words = []
        if words:
            out.append(words)
    return out


def write_corpus(path: Path, n_docs: int) -> None:
    sents = sentences()
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_docs):
            words: list[str] = []
            k = i
            while len(words) < 2 * SPANS_PER_DOC:
                words += sents[k % len(sents)]
                k += 7
            words.append(f"وثيقة{i}")
            starts, at = [], 0
            for word in words:
                starts.append(at)
                at += len(word) + 1
            spans = [
                {"start": starts[j], "end": starts[j] + len(words[j]), "label": "PER"}
                for j in range(0, 2 * SPANS_PER_DOC, 2)
            ]
            row = {"text": " ".join(words), "spans": spans}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    # the full run imports 2,000 documents too: two sizes give the growth exponent
    for n_docs in (2_000,) if "--quick" in sys.argv else (2_000, 10_000):
        import_once(n_docs)


def import_once(n_docs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "docs.jsonl"
        write_corpus(corpus, n_docs)
        ws = Workspace.open(str(Path(tmp) / "bench.sqlite3"), "bench")
        t0 = time.perf_counter()
        report = import_paths(ws, [corpus])
        elapsed = time.perf_counter() - t0
        assert len(report.added) == n_docs and report.spans_added == n_docs * SPANS_PER_DOC
        ws.close()
    emit(f"scale.import_jsonl_{n_docs}_docs_per_s", n_docs / elapsed, "docs/s")
    emit(f"scale.import_jsonl_{n_docs}_s", elapsed, "s")
    emit(f"scale.import_jsonl_{n_docs}_rss_mb", rss_mb(), "MB")


if __name__ == "__main__":
    main()
