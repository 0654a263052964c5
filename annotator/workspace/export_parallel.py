"""A large export formatted by several processes at once and written in order, byte for byte
what one process writes.

Tokenizing and tagging a million spans is ten seconds of one core; the documents are
independent, so a format whose file is one block per document (:class:`Blocks`) has its
documents formatted in batches by worker processes while this one writes the finished blocks
in document order and adds up their reports. Each worker reads its documents itself, each in
one snapshot, as the serial export does. An error is raised when its batch's turn to be
written comes, so it names the document one process would have stopped at.

The workers are forked, so they start at once and share this process's code pages. This
process closes its pooled database connections first and each worker makes its own (SQLite
forbids carrying a connection across a fork). A worker dies with this process (the kernel's
parent-death signal), so a killed export leaves none behind, and leaves Ctrl+C to it. A fork
is safe only from a process running one Python thread (the children run only our Python code,
and glibc's allocator is fork-safe), so the export falls back to one process elsewhere (the
GUI's export runs in a thread) and where fork does not exist.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Protocol, TextIO

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentRow
from annotator.formats.exporting import (
    Blocks,
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
)

# a batch is documents holding about this many spans (or characters): big enough that a
# batch's round trip (its indexes out, its text and report back) is noise, small enough that
# every process stays busy to the end and a batch waiting to be written is a megabyte or two
# (a document larger than a batch is a batch of its own)
BATCH_SPANS = 5_000
BATCH_CHARACTERS = 500_000
# below this a corpus is written by this process alone: starting workers costs more than
# they save
PARALLEL_FROM_SPANS = 40_000
PARALLEL_FROM_CHARACTERS = 4_000_000
# batches handed out ahead per worker (one being formatted, one waiting); this process formats
# batches ahead of the one due next only while those it holds have fewer characters than this,
# so what waits is bounded in bytes, not only in batches
AHEAD = 2
AHEAD_CHARACTERS = 4 * BATCH_CHARACTERS


class Documents(Protocol):
    """What a parallel export reads: documents by index, their list rows (for the batches),
    and a way for a forked worker to stop sharing this process's database connections."""

    @property
    def rows(self) -> Sequence[DocumentRow]: ...

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> ExportDocument: ...

    def before_fork(self) -> None: ...

    def after_fork(self) -> None: ...


def default_workers() -> int:
    """The cores this process may run on, at most four (memory grows with each worker)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def can_fork() -> bool:
    """Whether workers can be forked safely here: Linux, and only this thread running."""
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def worth_it(rows: Sequence[DocumentRow], workers: int) -> bool:
    """Whether an export of ``rows`` is formatted by ``workers`` processes."""
    if workers < 2 or len(rows) < 2 or not can_fork():
        return False
    spans = sum(row.span_count for row in rows)
    characters = sum(row.length for row in rows)
    big = spans >= PARALLEL_FROM_SPANS or characters >= PARALLEL_FROM_CHARACTERS
    return big and len(batches(rows)) >= 2


@dataclass(frozen=True)
class Batch:
    """Documents ``first`` to ``stop`` of an export, and how many characters they hold."""

    first: int
    stop: int
    characters: int


def batches(rows: Sequence[DocumentRow]) -> list[Batch]:
    """Consecutive documents, each batch about ``BATCH_SPANS`` spans or ``BATCH_CHARACTERS``
    characters."""
    found: list[Batch] = []
    first = spans = characters = 0
    for i, row in enumerate(rows):
        spans += row.span_count
        characters += row.length
        if spans >= BATCH_SPANS or characters >= BATCH_CHARACTERS:
            found.append(Batch(first, i + 1, characters))
            first, spans, characters = i + 1, 0, 0
    if first < len(rows):
        found.append(Batch(first, len(rows), characters))
    return found


# a batch's blocks, what they lost, and how many documents they are
Formatted = tuple[str, ExportReport, int]
# what the workers format: set before they are forked, so each inherits it
_JOB: tuple[Documents, Blocks, ExportOptions] | None = None


class CannotForkError(Exception):
    """The system would not start the workers (no process, pipe or semaphore left, no shared
    memory): nothing was written, so the caller writes the export in one process."""


def write_parallel(
    docs: Documents,
    blocks: Blocks,
    out: TextIO,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None,
    workers: int,
) -> None:
    """Write every document's block in order, formatted by at most ``workers`` processes: this
    one and forked ones. This one writes, which is little, and formats the next batch itself
    whenever the batch due next is not ready (a process fewer holding a copy of the program,
    and none waiting while there is work). Raises :class:`CannotForkError` before writing anything
    when the workers cannot be started."""
    global _JOB
    if _JOB is not None:
        raise RuntimeError("one parallel export at a time")
    todo = batches(docs.rows)
    workers = min(workers, len(todo))  # --jobs 64 on a few batches forks no idle process
    if workers < 2:
        raise ValueError("a parallel export needs two batches and two processes (worth_it)")
    _JOB = (docs, blocks, options)
    try:
        _write_batches(docs, out, todo, report, progress, workers)
    finally:
        _JOB = None
    blocks.finish(len(docs), options, report)


@dataclass(frozen=True)
class _Waiting:
    """A batch handed out, in document order: its blocks to come, and who formats them."""

    batch: Batch
    blocks: Future[Formatted]
    here: bool  # formatted by this process (done), not by a worker


def _write_batches(
    docs: Documents,
    out: TextIO,
    todo: list[Batch],
    report: ExportReport,
    progress: Progress | None,
    workers: int,
) -> None:
    left = iter(todo)
    written = 0
    docs.before_fork()
    waiting: deque[_Waiting] = deque()
    try:
        with _started(workers - 1, waiting, left) as pool:
            try:
                while True:
                    in_workers = sum(not w.here for w in waiting)
                    for batch in islice(left, max(0, AHEAD * (workers - 1) - in_workers)):
                        waiting.append(_Waiting(batch, pool.submit(_format, batch), False))
                    if not waiting:
                        break
                    if not waiting[0].blocks.done() and _can_work_ahead(waiting):
                        mine = next(left, None)
                        if mine is not None:
                            waiting.append(_Waiting(mine, _format_here(mine), True))
                            continue
                    text, part, count = waiting.popleft().blocks.result()
                    out.write(text)
                    report.absorb(part)
                    written += count
                    if progress is not None:
                        progress(written, len(docs))
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    except BrokenProcessPool as exc:
        raise AnnotatorError(
            "a process formatting the export stopped before it finished (killed, or out of "
            "memory?); nothing was written: try again with --jobs 1, which uses one process"
        ) from exc


def _started(
    forked: int, waiting: deque[_Waiting], left: Iterator[Batch]
) -> ProcessPoolExecutor:
    """A pool of ``forked`` workers, forked as the first batch is handed out, with Ctrl+C held
    back meanwhile, so that none can be interrupted before it has set Ctrl+C aside for this
    process to handle. What the system refuses (a process, a pipe, a semaphore) raises
    :class:`CannotForkError`, with every worker already started stopped."""
    before = set(multiprocessing.active_children())
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # the caller's, restored after
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        pool = ProcessPoolExecutor(
            forked, mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker, initargs=(os.getpid(),),
        )
        first = next(left)
        try:
            waiting.append(_Waiting(first, pool.submit(_format, first), False))
        except OSError as exc:
            for process in set(multiprocessing.active_children()) - before:
                process.kill()
                process.join()
            pool.shutdown(wait=False, cancel_futures=True)
            raise CannotForkError(exc.strerror or str(exc)) from exc
        return pool
    except OSError as exc:  # the pool's pipes or semaphores
        raise CannotForkError(exc.strerror or str(exc)) from exc
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _can_work_ahead(waiting: deque[_Waiting]) -> bool:
    """Whether this process may format one more batch ahead of the one due next: not after
    one of its batches failed (that error is what the export will raise), and while what it
    holds formatted stays under ``AHEAD_CHARACTERS`` (the workers' batches are bounded by
    count: ``AHEAD`` each)."""
    mine = [w for w in waiting if w.here]
    if any(w.blocks.exception() is not None for w in mine):
        return False
    return sum(w.batch.characters for w in mine) < AHEAD_CHARACTERS


def _format_here(batch: Batch) -> Future[Formatted]:
    """``batch`` formatted by this process; its error kept for its turn to be written (an
    earlier batch, still in a worker, may hold the error one process would have met)."""
    done: Future[Formatted] = Future()
    try:
        done.set_result(_format(batch))
    except Exception as exc:
        done.set_exception(exc)
    return done


_PR_SET_PDEATHSIG = 1  # prctl(2)


def _start_worker(parent: int) -> None:
    """In a new worker: killed when the parent dies (a killed export leaves no worker behind,
    waiting forever for batches), Ctrl+C left to the parent (which stops the export and says
    so; a worker would print a traceback), database connections of its own."""
    prctl = ctypes.CDLL(None).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                      ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # Linux only, as fork is here
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    assert _JOB is not None
    _JOB[0].after_fork()


def _format(batch: Batch) -> Formatted:
    """The blocks of ``batch``'s documents (in a worker or this process), what they lost, and
    how many documents they are."""
    assert _JOB is not None
    docs, blocks, options = _JOB
    report = ExportReport()
    text = "".join(
        [blocks.block(docs[i], options, report) for i in range(batch.first, batch.stop)]
    )
    return text, report, batch.stop - batch.first
