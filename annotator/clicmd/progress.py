"""Progress on stderr, only when stderr is a terminal (scripts and CI get clean output)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def progress_printer(what: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        end = "\n" if done >= total else ""
        print(f"\r{what}: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return report
