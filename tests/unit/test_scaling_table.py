"""The scaling table's fitted exponents: linear reads 1, quadratic 2; a path timed at one size
only is left out rather than given a slope."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from scaling_table import exponent, table


def test_exponent_of_linear_and_quadratic_growth() -> None:
    assert exponent([(10, 1.0), (100, 10.0), (1000, 100.0)]) == pytest.approx(1.0)
    assert exponent([(1, 3.0), (10, 300.0)]) == pytest.approx(2.0)
    assert exponent([(1, 2.0), (4, 2.0)]) == pytest.approx(0.0)


def test_table_lists_paths_with_two_sizes_and_their_floor() -> None:
    figures = {
        "merge.100k_spans_s": (2.0, "s"), "merge.1m_spans_s": (20.0, "s"),
        "merge.raw_sql_100k_spans_s": (0.5, "s"), "merge.raw_sql_1m_spans_s": (5.0, "s"),
        "scale.agree_100k_s": (5.0, "s"),  # one size: no slope to fit
    }
    out = table(figures)
    assert "| merge into an empty database | 100k / 1M spans | 2 / 20 s | 0.5 / 5 | 1.00 |" in out
    assert "agree" not in out
