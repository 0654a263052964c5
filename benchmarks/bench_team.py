"""Team-server figures, on a private PostgreSQL cluster started here (as tests do).

team.edit_p99_ms
    One relabel through the door (the team policy's ownership read, then the UPDATE under the
    row-level-security policies of ``annotator team init``), 99th percentile over two
    processes editing their own spans of one document at the same time, each as its own
    login (annotators, not superusers: the policies apply).
team.merge_20k_spans_s
    ``annotator merge`` of a laptop database (SQLite, 10 documents, 20,000 spans of one
    annotator) into the server, as an admin login (not a superuser: every row passes the
    policies). 100,000 spans until 2026-12-01: 68 s of what should be a 5-minute bench.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import ROOT, arabic_text, emit  # benchmarks/ is on sys.path when a script runs
from sqlalchemy.engine import make_url

from annotator.cli import main as cli
from annotator.core.model import Span, text_sha256
from annotator.workspace import Workspace
from annotator.workspace.merging import merge, read_source

sys.path.insert(0, str(ROOT / "tests"))  # the private cluster of the team-mode tests
from helpers.pgserver import private_postgres

LABELS = ["PER", "ORG", "LOC", "GPE", "MISC"]
EDITS = 400  # per writer
SPANS_PER_WRITER = 200


def as_login(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def _writer(url: str, doc_id: int, seed: int) -> list[float]:
    """Relabel this login's own spans EDITS times; the latency of each edit in ms."""
    rng = random.Random(seed)
    with Workspace.open(url) as ws:
        uuids = [s.uuid for s in ws.spans(doc_id)]
        times = []
        for _ in range(EDITS):
            uuid = rng.choice(uuids)
            started = time.perf_counter()
            ws.relabel_span(uuid, rng.choice(LABELS))
            times.append((time.perf_counter() - started) * 1000)
    return times


def bench_edits(url: str) -> None:
    text = arabic_text(40_000)
    with Workspace.open(url) as owner:
        doc = owner.repo.insert_document("shared", text, text_sha256(text))
    for login in ("alice", "bob"):
        with Workspace.open(as_login(url, login)) as ws:
            for i in range(SPANS_PER_WRITER):
                start = i * 150 + (0 if login == "alice" else 70)
                ws.add_span(doc, start, start + 6, "PER")
    with ProcessPoolExecutor(2) as pool:
        runs = pool.map(_writer, [as_login(url, "alice"), as_login(url, "bob")], [doc, doc],
                        [1, 2])
        times = sorted(t for run in runs for t in run)
    emit("team.edit_p99_ms", times[int(len(times) * 0.99) - 1], "ms")
    emit("team.edit_median_ms", times[len(times) // 2], "ms")


SPANS_PER_DOC = 2_000


def bench_merge(url: str) -> None:
    texts = [arabic_text(20_000 + n) for n in range(10)]  # ten distinct documents
    with tempfile.TemporaryDirectory() as tmp:
        laptop = Path(tmp) / "laptop.sqlite3"
        with Workspace.open(str(laptop), "omar") as theirs:
            rng = random.Random(3)
            with theirs.repo.transaction():
                for n, text in enumerate(texts):
                    doc = theirs.repo.insert_document(f"doc{n}", text, text_sha256(text))
                    theirs.repo.insert_spans(doc, [
                        Span(start, start + rng.randint(1, 20), "entity", rng.choice(LABELS),
                             annotator="omar")
                        for start in rng.sample(range(len(text) - 20), SPANS_PER_DOC)
                    ])
        with Workspace.open(as_login(url, "importer")) as ours:
            started = time.perf_counter()
            report = merge(ours, read_source(str(laptop), ours.schema))
            elapsed = time.perf_counter() - started
    if report.spans_added != 10 * SPANS_PER_DOC:
        raise SystemExit(f"bench_team: merged {report.spans_added} spans, not "
                         f"{10 * SPANS_PER_DOC}")
    emit(f"team.merge_{10 * SPANS_PER_DOC // 1000}k_spans_s", elapsed, "s")


def main() -> None:
    os.environ["ANNOTATOR_TEAM_PASSWORD"] = "bench"  # the cluster trusts local logins
    with private_postgres() as url:
        steps = (["team", "init"], ["team", "add", "alice"], ["team", "add", "bob"],
                 ["team", "add", "importer", "--admin"])
        for args in steps:
            if cli(["--db", url, *args]) != 0:
                raise SystemExit(f"bench_team: annotator {' '.join(args)} failed")
        bench_edits(url)
        bench_merge(url)


if __name__ == "__main__":
    main()
