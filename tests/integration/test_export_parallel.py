"""A large CoNLL export is formatted by several processes: the same bytes and the same report
as one process, worker processes really used, a worker's death or error said in words with
nothing written, and one process where forking is unsafe."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers.paths import DATA, ROOT

from annotator.core.errors import AnnotatorError, DatabaseError
from annotator.core.schema import resources_path
from annotator.workspace import Workspace, export_parallel
from annotator.workspace.exporting import (
    ExportOptions,
    ExportReport,
    stored_documents,
    write_export,
)
from annotator.workspace.importing import import_paths

AQMAR = DATA / "aqmar"
# diacritics, tatweel, a bidi mark, a Latin run, Arabic-Indic digits and an emoji
ODD = "\u200fقالت منظمةُ الصحـــة 😀 إن Moscow Times نشرت عام ٢٠٢٤ خبرًا عن بوتين.\nثم عاد."


def odd_lines(n: int) -> str:
    """``n`` JSONL documents with what an export must report: a span nested in another
    (dropped at one column), one cutting a token (split), one over a line break (joined), one
    with attributes (left out); each text its own (the same text twice is one document)."""
    org, year = ODD.index("منظمةُ"), ODD.index("٢٠٢٤")
    spans = [
        {"start": org, "end": ODD.index(" 😀"), "label": "ORG"},
        {"start": org, "end": org + 5, "label": "PER"},  # inside ORG, and cuts منظمةُ
        {"start": ODD.index("Moscow"), "end": ODD.index(" نشرت"), "label": "ORG",
         "attributes": {"note": "Latin"}},
        {"start": ODD.index("بوتين"), "end": ODD.index("عاد"), "label": "PER"},
        {"start": year + 2, "end": year + 4, "label": "ORG"},  # cuts ٢٠٢٤
    ]
    return "".join(
        json.dumps({"text": f"{ODD} {i}", "spans": spans, "meta": {"name": f"odd{i}"}},
                   ensure_ascii=False) + "\n"
        for i in range(n)
    )


def fill(ws: Workspace, tmp_path: Path) -> None:
    odd = tmp_path / "odd.jsonl"
    odd.write_text(odd_lines(7), encoding="utf-8")
    import_paths(ws, sorted(AQMAR.glob("*.txt"))[:4], fmt="conll",
                 map_tags=resources_path("tagmaps/aqmar.map"))
    import_paths(ws, [odd])
    import_paths(ws, sorted(AQMAR.glob("*.txt"))[4:8], fmt="conll",
                 map_tags=resources_path("tagmaps/aqmar.map"))


@pytest.fixture(autouse=True)
def _one_thread() -> None:
    """Workers are forked only from a process running one thread: tqdm's monitor thread, left
    by an earlier test's Hugging Face export, is stopped (tqdm starts it again when needed)."""
    for thread in threading.enumerate():
        if type(thread).__name__ == "TMonitor":
            thread.exit()  # type: ignore[attr-defined]
    assert threading.active_count() == 1, threading.enumerate()


@pytest.fixture
def ws(tmp_path: Path, db_path: Path) -> Workspace:
    ws = Workspace.open(str(db_path), "tester")
    fill(ws, tmp_path)
    return ws


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every corpus worth two processes, in batches of a few documents."""
    monkeypatch.setattr(export_parallel, "PARALLEL_FROM_SPANS", 1)
    monkeypatch.setattr(export_parallel, "BATCH_SPANS", 120)


# which processes formatted a batch: written by the wrapper below in whichever process runs it
FORMATTED_BY: Path | None = None
ORIGINAL_FORMAT = export_parallel._format


def recording_format(batch: export_parallel.Batch) -> export_parallel.Formatted:
    assert FORMATTED_BY is not None
    with FORMATTED_BY.open("a") as f:
        f.write(f"{os.getpid()}\n")
    return ORIGINAL_FORMAT(batch)


@pytest.fixture
def formatters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file that lists, a line per batch, the process that formatted it."""
    global FORMATTED_BY
    FORMATTED_BY = tmp_path / "formatted-by"
    FORMATTED_BY.touch()
    monkeypatch.setattr(export_parallel, "_format", recording_format)
    return FORMATTED_BY


def export_with(
    ws: Workspace, target: Path, workers: int, **options: object
) -> ExportReport:
    docs = stored_documents(ws, ws.annotator, None, ("entity",))
    report, _ = write_export(
        "conll", docs, target, ExportOptions(schema=ws.schema, **options),  # type: ignore[arg-type]
        workers=workers,
    )
    return report


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("options", [
    {},
    {"nested": 2, "scheme": "bioes"},
    {"doc_separator": "conll2003"},
    {"doc_separator": "token", "scheme": "bilou"},
])
def test_two_processes_write_the_bytes_and_the_report_of_one(
    ws: Workspace, tmp_path: Path, formatters: Path, options: dict[str, object]
) -> None:
    one = export_with(ws, tmp_path / "one.conll", 1, **options)
    assert formatters.read_text() == ""  # one process: no batches
    two = export_with(ws, tmp_path / "two.conll", 2, **options)
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
    assert two == one
    assert two.summary() == one.summary()
    assert one.documents == 15 and one.spans_written > 500
    if options.get("nested", 1) == 1:
        assert one.dropped_counts and one.splits and one.joined and one.attributes_dropped
    pids = formatters.read_text().split()
    assert len(pids) > 6  # several batches
    assert str(os.getpid()) in pids and len(set(pids)) == 2  # this process and a worker


@pytest.mark.usefixtures("small_batches")
def test_progress_counts_every_document_in_order(ws: Workspace, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    docs = stored_documents(ws, ws.annotator, None, ("entity",))
    write_export("conll", docs, tmp_path / "o.conll", ExportOptions(schema=ws.schema),
                 lambda n, total: seen.append((n, total)), workers=2)
    assert seen[-1] == (15, 15)
    assert [n for n, _ in seen] == sorted({n for n, _ in seen})
    assert len(seen) > 2


def dying_format(batch: export_parallel.Batch) -> export_parallel.Formatted:
    if os.getpid() != PARENT:  # a worker dies as the kernel's out-of-memory killer ends it
        os._exit(9)
    return ORIGINAL_FORMAT(batch)


PARENT = os.getpid()


@pytest.mark.usefixtures("small_batches")
def test_a_worker_that_dies_is_said_and_nothing_is_written(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "o.conll"
    target.write_text("yesterday's export\n", encoding="utf-8")
    monkeypatch.setattr(export_parallel, "_format", dying_format)
    with pytest.raises(AnnotatorError, match=r"stopped before it finished.*--jobs 1"):
        export_with(ws, target, 2)
    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".o.conll")) == []
    # and the next export works: the job was cleared
    monkeypatch.setattr(export_parallel, "_format", ORIGINAL_FORMAT)
    export_with(ws, target, 2)
    export_with(ws, tmp_path / "one.conll", 1)
    assert target.read_bytes() == (tmp_path / "one.conll").read_bytes()


def damage(db_path: Path, doc_id: int) -> None:
    """The document's first span made empty, as the sqlite3 shell could (past the checks)."""
    shell = sqlite3.connect(db_path)
    with shell:
        shell.execute("PRAGMA ignore_check_constraints = ON")
        shell.execute('UPDATE span SET "end" = start WHERE id = (SELECT min(id) FROM span '
                      "WHERE document_id = ?)", (doc_id,))
    shell.close()


# the first batch's worker waits until this process has formatted the last batch, so that
# this process meets the last document's error first: a pipe (inherited by the fork) and the
# number of documents
LAST_FORMATTED: tuple[int, int] = (-1, -1)
DOCUMENTS = 0


def first_batch_last(batch: export_parallel.Batch) -> export_parallel.Formatted:
    if os.getpid() != PARENT:
        if batch.first == 0 and not select.select([LAST_FORMATTED[0]], [], [], 30)[0]:
            raise RuntimeError("this process never formatted the last batch")
        return ORIGINAL_FORMAT(batch)
    try:
        return ORIGINAL_FORMAT(batch)
    finally:
        if batch.stop == DOCUMENTS:
            os.write(LAST_FORMATTED[1], b"x")


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("damaged", [(0,), (0, -1)])
def test_a_damaged_span_is_refused_in_the_words_of_one_process(
    ws: Workspace, tmp_path: Path, db_path: Path, damaged: tuple[int, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first batch is a worker's (its error crosses processes), held back until this
    process has formatted the last; with the last document damaged too, this process meets
    that error first, and must still name the first document, as one process does."""
    global LAST_FORMATTED, DOCUMENTS
    rows = ws.repo.list_documents()
    for i in damaged:
        damage(db_path, rows[i].id)
    with pytest.raises(DatabaseError) as alone:
        export_with(ws, tmp_path / "one.conll", 1)
    LAST_FORMATTED, DOCUMENTS = os.pipe(), len(rows)
    monkeypatch.setattr(export_parallel, "_format", first_batch_last)
    monkeypatch.setattr(export_parallel, "AHEAD_CHARACTERS", 10**9)  # reach the last batch
    try:
        with pytest.raises(DatabaseError) as parallel:
            export_with(ws, tmp_path / "two.conll", 2)
    finally:
        os.close(LAST_FORMATTED[0])
        os.close(LAST_FORMATTED[1])
    assert str(parallel.value) == str(alone.value)
    assert f"of {rows[0].name!r} is damaged: [" in str(alone.value)
    assert "empty or negative; `annotator check` lists" in str(alone.value)
    assert not (tmp_path / "two.conll").exists() and not (tmp_path / "one.conll").exists()
    assert not list(tmp_path.glob(".*.tmp"))


REAL_FORK = os.fork


@pytest.mark.usefixtures("small_batches")
def test_a_second_fork_refused_stops_the_first_worker_and_one_process_writes_it_all(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = export_with(ws, tmp_path / "one.conll", 1)
    forks: list[int] = []

    def fork_once() -> int:  # then EAGAIN, as at the system's process limit
        if forks:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        forks.append(1)
        return REAL_FORK()

    monkeypatch.setattr(os, "fork", fork_once)
    three = export_with(ws, tmp_path / "three.conll", 3)
    monkeypatch.setattr(os, "fork", REAL_FORK)
    assert forks == [1]  # one worker was started, then stopped
    assert (tmp_path / "three.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
    assert three.notes == [
        "written by one process: the system would not start more (Resource temporarily "
        "unavailable)", *one.notes,
    ]
    three.notes = one.notes
    assert three == one
    assert children(os.getpid()) == []


@pytest.mark.usefixtures("small_batches")
def test_a_pool_the_system_cannot_make_is_one_process(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formatters: Path
) -> None:
    def no_shared_memory(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # a container without /dev/shm

    monkeypatch.setattr(export_parallel, "ProcessPoolExecutor", no_shared_memory)
    report = export_with(ws, tmp_path / "two.conll", 2)
    export_with(ws, tmp_path / "one.conll", 1)
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
    assert report.notes[0] == (
        "written by one process: the system would not start more (Function not implemented)"
    )
    assert formatters.read_text() == ""


@pytest.mark.usefixtures("small_batches")
def test_a_database_in_memory_is_exported_by_one_process(
    tmp_path: Path, formatters: Path
) -> None:
    ws = Workspace.open("sqlite://", "tester")  # only this connection sees it
    try:
        fill(ws, tmp_path)
        export_with(ws, tmp_path / "two.conll", 2)
        export_with(ws, tmp_path / "one.conll", 1)
        assert len(ws.repo.list_documents()) == 15  # still there
    finally:
        ws.close()
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
    assert b"B-ORG" in (tmp_path / "one.conll").read_bytes()
    assert formatters.read_text() == ""


@pytest.mark.usefixtures("small_batches")
def test_with_another_thread_running_one_process_formats_everything(
    ws: Workspace, tmp_path: Path, formatters: Path
) -> None:
    export_with(ws, tmp_path / "one.conll", 1)
    failure: list[BaseException] = []

    def work() -> None:  # as the GUI's export dialog runs it: forking there is unsafe
        try:
            export_with(ws, tmp_path / "thread.conll", 2)
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert not failure
    assert formatters.read_text() == ""  # no batches: the serial path
    assert (tmp_path / "thread.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()


@pytest.mark.usefixtures("small_batches")
def test_on_a_postgresql_server_too(pg_db_url: str, tmp_path: Path, formatters: Path) -> None:
    ws = Workspace.open(pg_db_url, "tester")
    try:
        fill(ws, tmp_path)
        one = export_with(ws, tmp_path / "one.conll", 1)
        two = export_with(ws, tmp_path / "two.conll", 2)
        # the parent's connections still work after the workers made their own
        assert len(ws.repo.list_documents()) == 15
    finally:
        ws.close()
    assert (tmp_path / "two.conll").read_bytes() == (tmp_path / "one.conll").read_bytes()
    assert two == one
    assert len(set(formatters.read_text().split())) == 2


def children(pid: int) -> list[int]:
    """The processes ``pid`` has started and that run now (none once it has ended)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(k) for k in f.read().split()]
    except FileNotFoundError:
        return []


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command line on a database past the size where two processes pay (50,000 spans)."""
    tmp_path = tmp_path_factory.mktemp("big")
    odd = tmp_path / "odd.jsonl"
    odd.write_text(odd_lines(10_000), encoding="utf-8")
    cli = [sys.executable, "-m", "annotator.cli", "--db", str(tmp_path / "c.sqlite3"),
           "--annotator", "t"]
    subprocess.run([*cli, "import", str(odd)], check=True, env=ENV, capture_output=True)
    return cli


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_the_command_line_takes_jobs_and_refuses_none(big: list[str], tmp_path: Path) -> None:
    outs = {}
    for jobs in ("1", "2"):
        done = subprocess.run([*big, "export", "--format", "conll", "--jobs", jobs, "-o",
                               str(tmp_path / f"{jobs}.conll")], env=ENV, capture_output=True,
                              text=True, check=True)
        outs[jobs] = ((tmp_path / f"{jobs}.conll").read_bytes(), done.stderr)
    assert outs["1"] == outs["2"] and b"B-ORG" in outs["1"][0]
    assert "wrote 10000 document(s)" in outs["1"][1]
    refused = subprocess.run([*big, "export", "--format", "conll", "--jobs", "0"], env=ENV,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "--jobs must be at least 1" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_ctrl_c_stops_every_process_says_so_and_leaves_nothing(
    big: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "o.conll"
    for _ in range(3):  # a run the signal came too late for (it had finished) is run again
        export = subprocess.Popen(
            [*big, "export", "--format", "conll", "--jobs", "2", "-o", str(target)], env=ENV,
            stderr=subprocess.PIPE, text=True, start_new_session=True,
            # a terminal's Ctrl+C: SIGINT to the whole process group, handled by default
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            while export.poll() is None and not any(
                p.stat().st_size for p in tmp_path.glob(".o.conll.*.tmp")
            ):
                time.sleep(0.005)  # polls the file system for the first block: no event
            workers = children(export.pid)
            if export.poll() is None:
                os.killpg(export.pid, signal.SIGINT)
            errors = export.communicate(timeout=60)[1]
        finally:
            if export.poll() is None:
                os.killpg(export.pid, signal.SIGKILL)
                export.wait()
        if export.returncode != 0:
            break
        target.unlink(missing_ok=True)
    assert workers, "the export ran in one process"
    assert export.returncode == 130, errors
    assert errors.strip() == "annotator: interrupted; nothing partial was written"
    assert not target.exists() and not list(tmp_path.glob(".o.conll*"))
    with pytest.raises(ProcessLookupError):  # no worker left behind in the group
        os.killpg(export.pid, 0)


def test_an_export_killed_leaves_no_worker_behind(big: list[str], tmp_path: Path) -> None:
    target = tmp_path / "k.conll"
    for _ in range(3):  # a run that finished before its workers were seen is run again
        export = subprocess.Popen(
            [*big, "export", "--format", "conll", "--jobs", "2", "-o", str(target)], env=ENV,
            stderr=subprocess.DEVNULL,
        )
        workers: list[int] = []
        while export.poll() is None and not workers:
            workers = children(export.pid)
            time.sleep(0.005)  # polls /proc for the fork: no event to await
        if workers:
            break
        target.unlink(missing_ok=True)
    assert workers, "the export ran in one process"
    watched = []
    for pid in workers:
        with contextlib.suppress(ProcessLookupError):  # already gone
            watched.append(os.pidfd_open(pid))
    export.kill()  # as the out-of-memory killer or `kill -9` would
    export.wait()
    try:
        for fd in watched:  # readable once the worker has ended
            assert select.select([fd], [], [], 30)[0], "a worker outlived its export"
    finally:
        for fd in watched:
            os.close(fd)
    assert not target.exists()
