"""`make bench`: run every benchmarks/bench_*.py and pass their JSON lines through.

Each script prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
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
            [sys.executable, str(script)], capture_output=True, text=True, cwd=here.parent
        )
        sys.stdout.write(proc.stdout)
        sys.stdout.flush()
        if proc.returncode != 0:
            failed.append(script.name)
            sys.stderr.write(f"{script.name} failed:\n{proc.stderr}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
