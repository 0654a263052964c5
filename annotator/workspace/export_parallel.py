"""A large export formatted by several processes at once and written in order, byte for byte
what one process writes.

Tokenizing and tagging a million spans is ten seconds of one core; the documents are
independent, so a format whose file is one block per document (:class:`Blocks`) has its
documents formatted in batches by worker processes while this one writes the finished blocks
in document order and adds up their reports. Each worker reads its documents itself, each in
one snapshot, as the serial export does.

The workers are forked, so they start at once and share this process's code pages; they
inherit the open workspace and make new database connections of their own (SQLAlchemy's
``dispose(close=False)``: the parent's connections are left to the parent). A fork is safe only
from a process with one thread, so the export falls back to one process elsewhere (the GUI's
export runs in a thread) and where fork does not exist.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
# both workers stay busy to the end and a block waiting to be written is a few megabytes
BATCH_SPANS = 5_000
BATCH_CHARACTERS = 500_000
# below this a corpus is written by this process alone: starting workers costs more than
# they save
PARALLEL_FROM_SPANS = 40_000
PARALLEL_FROM_CHARACTERS = 4_000_000
# batches handed out ahead per worker (one being formatted, one waiting); this process formats
# ahead of the block due next while fewer than AHEAD * (workers + 1) batches wait to be written
AHEAD = 2


class Documents(Protocol):
    """What a parallel export reads: documents by index, their list rows (for the batches),
    and a way for a forked worker to stop sharing this process's database connections."""

    @property
    def rows(self) -> Sequence[DocumentRow]: ...

    def __len__(self) -> int: ...

    def __getitem__(self, index: int, /) -> ExportDocument: ...

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
    return spans >= PARALLEL_FROM_SPANS or characters >= PARALLEL_FROM_CHARACTERS


def batches(rows: Sequence[DocumentRow]) -> Iterator[tuple[int, int]]:
    """Index ranges of consecutive documents, each about ``BATCH_SPANS`` spans or
    ``BATCH_CHARACTERS`` characters."""
    first = spans = characters = 0
    for i, row in enumerate(rows):
        spans += row.span_count
        characters += row.length
        if spans >= BATCH_SPANS or characters >= BATCH_CHARACTERS:
            yield first, i + 1
            first, spans, characters = i + 1, 0, 0
    if first < len(rows):
        yield first, len(rows)


# a batch's blocks, what they lost, and how many documents they are
Formatted = tuple[str, ExportReport, int]
# what the workers format: set before they are forked, so each inherits it
_JOB: tuple[Documents, Blocks, ExportOptions] | None = None


def write_parallel(
    docs: Documents,
    blocks: Blocks,
    out: TextIO,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None,
    workers: int,
) -> None:
    """Write every document's block in order, formatted by ``workers`` processes: this one
    and ``workers - 1`` forked ones. This one writes, which is little, and formats the next
    batch itself whenever the block due next is not ready (a process fewer holding a copy of
    the program, and none waiting while there is work)."""
    global _JOB
    if _JOB is not None:
        raise RuntimeError("one parallel export at a time")
    _JOB = (docs, blocks, options)
    todo = batches(docs.rows)
    written = 0
    try:
        with ProcessPoolExecutor(
            workers - 1, mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
        ) as pool:
            # in document order: a worker's batch as its future, this process's as its blocks
            pending: deque[Future[Formatted] | Formatted] = deque()
            try:
                while True:
                    in_workers = sum(isinstance(item, Future) for item in pending)
                    for batch in islice(todo, max(0, AHEAD * (workers - 1) - in_workers)):
                        pending.append(pool.submit(_format, *batch))
                    if not pending:
                        break
                    head = pending[0]
                    if isinstance(head, Future) and not head.done() and len(pending) < AHEAD * (
                        workers + 1
                    ):
                        mine = next(todo, None)
                        if mine is not None:
                            pending.append(_format(*mine))
                            continue
                    item = pending.popleft()
                    text, part, count = item.result() if isinstance(item, Future) else item
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
            "a process formatting the export stopped before it finished (out of memory?); "
            "nothing was written: try again with --jobs 1, which uses one process"
        ) from exc
    finally:
        _JOB = None
    blocks.finish(len(docs), options, report)


def _start_worker() -> None:
    """In a new worker: new database connections (the parent's stay the parent's), and Ctrl+C
    left to the parent, which stops the export and says so (the worker would print a
    traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    assert _JOB is not None
    _JOB[0].after_fork()


def _format(first: int, stop: int) -> Formatted:
    """The blocks of documents ``first`` to ``stop`` (in a worker or this process), what they
    lost, and how many documents they are."""
    assert _JOB is not None
    docs, blocks, options = _JOB
    report = ExportReport()
    text = "".join([blocks.block(docs[i], options, report) for i in range(first, stop)])
    return text, report, stop - first
