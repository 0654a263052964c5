"""An installed wheel carries what the program reads at run time: the default schema, the
translations, the sample document and the Alembic migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from helpers.paths import ROOT


def test_wheel_contains_resources_and_migrations(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    [wheel] = tmp_path.glob("annotator-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "annotator/resources/schema.toml",
        "annotator/resources/i18n/annotator_ar.qm",
        "annotator/resources/sample/sample_ar.txt",
        "annotator/storage/migrations/env.py",
        "annotator/storage/migrations/versions/0001_initial.py",
        "annotator/storage/migrations/versions/0003_review_decision.py",
        "annotator/ui/review/window.py",
        "annotator/workspace/workspace.py",
        "annotator/workspace/stats_plot.py",
    ):
        assert needed in names, f"{needed} missing from {wheel.name}"
    installed = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(installed),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    # the installed copy, not the checkout, opens a database and loads its schema
    code = (
        "import annotator, annotator.core.schema as s, sys;"
        "from annotator.workspace import Workspace;"
        "ws = Workspace.open(sys.argv[1], 'w');"
        "print(annotator.__file__, s.load_schema().layer_names)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "w.sqlite3")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env={"PYTHONPATH": str(installed), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert str(installed) in run.stdout and "('entity', 'claim', 'quote')" in run.stdout


def _wheel_build(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    # -v: the build backend's own output (setuptools' warnings) is shown only with it
    return subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=600,
    )


def test_wheel_builds_without_warnings_and_carries_the_license(tmp_path: Path) -> None:
    proc = _wheel_build(ROOT, tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    output = proc.stdout + proc.stderr
    warnings = [line for line in output.splitlines() if "Warning" in line]
    assert warnings == [], "\n".join(warnings)
    [wheel] = tmp_path.glob("annotator-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "annotator-0.1.0.dist-info/licenses/LICENSE" in names
    assert "MIT License" in zipfile.ZipFile(wheel).read(
        "annotator-0.1.0.dist-info/licenses/LICENSE").decode()
    metadata = zipfile.ZipFile(wheel).read("annotator-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata
