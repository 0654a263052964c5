"""Arabic and the interface are readable on a machine with no font installed at all.

fontconfig is pointed at a configuration without a font folder, in a child process (the font
database of this process is already filled), as on a bare container or a fresh user account.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""

# diacritics, tatweel, a right-to-left mark, a Latin run and Arabic-Indic digits
SAMPLE = "قالَ ‏الرئيـــس لـ Reuters في ٢٠٢٤"

CHILD = """
import sys
from PySide6.QtGui import QFont
from annotator.ui.app import make_application
from annotator.ui.fonts import arabic_family, has_glyph
from annotator.ui.main_window import MainWindow
from annotator.workspace import Workspace
from annotator.workspace.importing import import_paths

app = make_application()
family = arabic_family()
print("arabic family:", family)
missing_ui = [c for c in "File Edit View Import" if c != " " and not has_glyph(app.font(), c)]
print("interface letters without a glyph:", missing_ui)
text = sys.argv[1]
missing_doc = [hex(ord(c)) for c in text if c != " " and not has_glyph(QFont(family or ""), c)]
print("document letters without a glyph:", missing_doc)
ws = Workspace.open(sys.argv[2], "tester")
import_paths(ws, [sys.argv[4]])
win = MainWindow(ws)
win.resize(900, 500)
win.show()
win.open_document(ws.list_documents()[0].id)
app.processEvents()
win.grab().save(sys.argv[3])
ws.close()
sys.exit(0 if family and not missing_ui and not missing_doc else 3)
"""


def test_bundled_font_when_none_is_installed(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"))
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "no-fonts.png"
    doc = tmp_path / "sample.txt"
    doc.write_text(SAMPLE + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, SAMPLE, str(tmp_path / "db.sqlite3"), str(shot), str(doc)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "arabic family: Noto Sans Arabic" in proc.stdout
    assert shot.stat().st_size > 0
