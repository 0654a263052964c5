"""Tokenizer and sentence-splitter throughput on a ~1 MB Arabic document.

Prints one JSON line per figure; MB is 10**6 bytes of UTF-8.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.text import sentences, tokenize

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
TARGET_BYTES = 1_000_000
REPEATS = 3


def build_document(seeds: Path = SEEDS, target_bytes: int = TARGET_BYTES) -> str:
    """Repeat the seed texts, one paragraph each, until the document reaches target_bytes."""
    paths = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not paths:
        raise SystemExit(f"bench_text: no seed texts (*.txt) in {seeds}")
    block = "\n".join(p.read_text(encoding="utf-8-sig").strip() for p in paths) + "\n"
    copies = -(-target_bytes // len(block.encode("utf-8")))
    return block * copies


def best_seconds(func: Callable[[str], object], text: str, repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    text = build_document()
    megabytes = len(text.encode("utf-8")) / 1e6
    for name, func in (
        ("text.tokenize_mb_per_s", tokenize),
        ("text.sentences_mb_per_s", sentences),
    ):
        rate = megabytes / best_seconds(func, text)
        print(json.dumps({"name": name, "value": round(rate, 2), "unit": "MB/s"}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
