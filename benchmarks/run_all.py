"""`make bench`: run every benchmarks/bench_*.py and pass their JSON lines through.

Each script prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
``--quick`` is passed on: the scale scripts then leave out their largest sizes.
A failing script is reported on stderr and makes the run exit non-zero. The run also prints
how long each script took and the machine's load average before and after (the other tenants of
a shared machine move every figure), which ``scaling_table.py`` puts under its table.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import emit


def main() -> int:
    here = Path(__file__).parent
    began = time.perf_counter()
    emit("bench.load_average_start", os.getloadavg()[0], "load")
    # corpora one script builds and another starts from (bench_scale_data.kept_corpus)
    with tempfile.TemporaryDirectory(prefix="bench_cache_") as cache:
        failed = run_scripts(here, cache)
    emit("bench.load_average_end", os.getloadavg()[0], "load")
    emit("bench.total_s", time.perf_counter() - began, "s")
    return 1 if failed else 0


def run_scripts(here: Path, cache: str) -> list[str]:
    """Runs each script; the names of those that failed."""
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        t0 = time.perf_counter()
        proc = subprocess.run(
            # only the scale scripts take options (bench_suggest reads its first argument
            # as a corpus folder)
            [sys.executable, str(script),
             *(sys.argv[1:] if script.name.startswith("bench_scale") else [])],
            capture_output=True, text=True,
            cwd=here.parent, env={**os.environ, "BENCH_CACHE": cache},
        )
        sys.stdout.write(proc.stdout)
        sys.stdout.flush()
        emit(f"bench.{script.stem}_s", time.perf_counter() - t0, "s")
        if proc.returncode != 0:
            failed.append(script.name)
            sys.stderr.write(f"{script.name} failed:\n{proc.stderr}\n")
    return failed


if __name__ == "__main__":
    sys.exit(main())
