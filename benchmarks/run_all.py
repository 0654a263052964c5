"""`make bench`: run every benchmarks/bench_*.py and pass their JSON lines through.

Each script prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
``--quick`` is passed on: the scale scripts then leave out their largest sizes.
A failing script is reported on stderr and makes the run exit non-zero.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        proc = subprocess.run(
            # only the scale scripts take options (bench_suggest reads its first argument
            # as a corpus folder)
            [sys.executable, str(script),
             *(sys.argv[1:] if script.name.startswith("bench_scale") else [])],
            capture_output=True, text=True,
            cwd=here.parent,
        )
        sys.stdout.write(proc.stdout)
        sys.stdout.flush()
        if proc.returncode != 0:
            failed.append(script.name)
            sys.stderr.write(f"{script.name} failed:\n{proc.stderr}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
