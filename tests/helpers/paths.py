"""Where the test data lives: the project root and ../shared beside it (as CI lays it out)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
DATA = SHARED / "data"

__all__ = ["DATA", "ROOT", "SEEDS", "SHARED"]
