"""Helpers for benchmark scripts: emitting figures, building test corpora."""

from __future__ import annotations

import json
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def emit(name: str, value: float, unit: str) -> None:
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit}), flush=True)


def rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def arabic_text(chars: int) -> str:
    """Real Arabic news text (the seeds) repeated to ``chars`` code points, short paragraphs."""
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seed texts under {SHARED / 'seeds'}")
    base = "\n".join(p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in seeds)
    out = []
    total = 0
    while total < chars:
        out.append(base)
        total += len(base) + 1
    return "\n".join(out)[:chars]
