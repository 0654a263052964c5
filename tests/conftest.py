"""Shared fixtures. Qt runs offscreen for the whole session (Picard's habit)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the default database must never be the user's real one during tests
os.environ.pop("ANNOTATOR_DB", None)
os.environ.setdefault("ANNOTATOR_NAME", "tester")

sys.path.insert(0, str(Path(__file__).parent))  # tests/helpers importable as `helpers`

# Test modules import these from helpers.paths; they stay here for older imports.
from helpers.paths import DATA, ROOT, SEEDS, SHARED

__all__ = ["DATA", "ROOT", "SEEDS", "SHARED"]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """platformdirs and QSettings write under a throwaway HOME, never the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[object]:
    from annotator.workspace import Workspace

    ws = Workspace.open(str(db_path), "tester")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server: $ANNOTATOR_TEST_PG_URL, else a private cluster started here."""
    from helpers.pgserver import private_postgres

    url = os.environ.get("ANNOTATOR_TEST_PG_URL")
    if url:
        yield url
        return
    with private_postgres() as started:
        yield started
