"""An annotator's edit after adjudication marks that document's gold out of date in the review's
document list (issue 9, defect 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.commands import AddSpan, RelabelSpan
from annotator.core.model import Span, text_sha256
from annotator.ui.review.window import ReviewWindow, open_review
from annotator.ui.settings import Settings
from annotator.workspace import Workspace
from annotator.workspace.review import ReviewSession

TEXT = "قال الرئيس لوكاشينكو في موسكو إن بوتين وافق"


def test_the_review_list_says_which_gold_is_out_of_date(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with Workspace.open(str(tmp_path / "db.sqlite3"), "curator") as ws:
        fresh = ws.repo.insert_document("خبر قديم", TEXT, text_sha256(TEXT + "1"))
        doc = ws.repo.insert_document("خبر", TEXT, text_sha256(TEXT))
        spans = {}
        for d in (fresh, doc):
            for who, label in (("layla", "PER"), ("omar", "ORG")):
                spans[d, who] = Span(11, 20, "entity", label, annotator=who)
                ws.execute(AddSpan(d, spans[d, who]))
            ReviewSession(ws, d, ["layla", "omar"]).decide(0, "accept_a")
        ws.execute(RelabelSpan(spans[doc, "omar"].uuid, "LOC"))  # after the adjudication
        open_review(None, ws, doc, settings)
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, ReviewWindow) and w.isVisible()]
        qtbot.addWidget(window)
        combo = window.documents
        texts = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
        tips = {combo.itemData(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
                for i in range(combo.count())}
        assert "gold out of date" in texts[doc] and "omar" in tips[doc]
        assert "out of date" not in texts[fresh] and not tips[fresh]
        window.close()
