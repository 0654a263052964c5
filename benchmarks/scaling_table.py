"""The scaling table of BENCHMARKS.md, from the JSON lines of one `make bench` run.

    make bench | tee run.jsonl
    python benchmarks/scaling_table.py run.jsonl

Each path is timed at two or more sizes in that run; its growth exponent is the least-squares
slope of log(time) against log(size) (1 is linear, 2 quadratic). The floor beside each figure
was measured in the same run, by the same script.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Scaled:
    """A path timed at several sizes: (size, figure name) pairs, the floor's names, the unit."""

    name: str
    sizes: Sequence[tuple[float, str]]
    floors: Sequence[str]
    size_unit: str


PATHS = [
    Scaled("open the one-line corpus", [(75_000, "scale.oneline_half_open_ms"),
                                       (150_000, "scale.oneline_open_ms")],
          ["scale.oneline_half_open_floor_ms", "scale.oneline_open_floor_ms"], "tokens"),
    Scaled("tag in it, median", [(75_000, "scale.oneline_half_tag_median_ms"),
                                (150_000, "scale.oneline_tag_median_ms")], [], "tokens"),
    Scaled("tag in it, p99", [(75_000, "scale.oneline_half_tag_p99_ms"),
                             (150_000, "scale.oneline_tag_p99_ms")], [], "tokens"),
    Scaled("import JSONL (× 20 spans)", [(2_000, "scale.import_jsonl_2000_s"),
                                        (10_000, "scale.import_jsonl_10000_s")], [], "docs"),
    Scaled("CoNLL export, whole process (a process per core)",
           [(10_000, "scale.export_conll_10k_s"), (100_000, "scale.export_conll_100k_s"),
            (1_000_000, "scale.export_conll_1m_s")],
          ["scale.export_spacy_10k_s", "scale.export_spacy_100k_s", "scale.export_spacy_1m_s"],
          "spans"),
    Scaled("its peak memory (MB)", [(10_000, "scale.export_conll_10k_rss_mb"),
                                   (100_000, "scale.export_conll_100k_rss_mb"),
                                   (1_000_000, "scale.export_conll_1m_rss_mb")],
          ["scale.export_spacy_10k_rss_mb", "scale.export_spacy_100k_rss_mb",
           "scale.export_spacy_1m_rss_mb"], "spans"),
    Scaled("CoNLL export, one process (--jobs 1)",
           [(10_000, "scale.export_conll_one_process_10k_s"),
            (100_000, "scale.export_conll_one_process_100k_s"),
            (1_000_000, "scale.export_conll_one_process_1m_s")],
          ["scale.export_spacy_10k_s", "scale.export_spacy_100k_s", "scale.export_spacy_1m_s"],
          "spans"),
    Scaled("its peak memory (MB)", [(10_000, "scale.export_conll_one_process_10k_rss_mb"),
                                   (100_000, "scale.export_conll_one_process_100k_rss_mb"),
                                   (1_000_000, "scale.export_conll_one_process_1m_rss_mb")],
          ["scale.export_spacy_10k_rss_mb", "scale.export_spacy_100k_rss_mb",
           "scale.export_spacy_1m_rss_mb"], "spans"),
    Scaled("agree, whole process", [(100_000, "scale.agree_100k_s"),
                                   (1_000_000, "scale.agree_1m_s")], [], "spans"),
    Scaled("its peak memory (MB)", [(100_000, "scale.agree_100k_rss_mb"),
                                   (1_000_000, "scale.agree_1m_rss_mb")], [], "spans"),
    Scaled("merge into an empty database", [(100_000, "merge.100k_spans_s"),
                                           (1_000_000, "merge.1m_spans_s")],
          ["merge.raw_sql_100k_spans_s", "merge.raw_sql_1m_spans_s"], "spans"),
]


def exponent(points: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) on log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def size(n: float) -> str:
    return f"{n / 1_000_000:g}M" if n >= 1_000_000 else f"{n / 1000:g}k"


def table(figures: dict[str, tuple[float, str]]) -> str:
    rows = ["| path | sizes | ours | floor (same run) | exponent |", "|---|---|---|---|---|"]
    for path in PATHS:
        found = [(n, figures[name]) for n, name in path.sizes if name in figures]
        if len(found) < 2:
            continue
        unit = found[0][1][1]
        ours = " / ".join(f"{v:g}" for _, (v, _) in found)
        floors = [figures[f][0] for f in path.floors if f in figures]
        floor = " / ".join(f"{v:g}" for v in floors) if floors else "—"
        sizes = " / ".join(size(n) for n, _ in found)
        slope = exponent([(n, v) for n, (v, _) in found])
        rows.append(f"| {path.name} | {sizes} {path.size_unit} | {ours} {unit} | {floor} | "
                    f"{slope:.2f} |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    figures: dict[str, tuple[float, str]] = {}
    for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            figures[row["name"]] = (float(row["value"]), row["unit"])
    print(table(figures))
    for name in ("bench.load_average_start", "bench.load_average_end", "bench.total_s"):
        if name in figures:
            print(f"\n{name}: {figures[name][0]:g}", end="")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
