"""Training the suggester in another process, so the window never waits for it.

A QProcess runs ``annotator suggest train`` on the same database as the same annotator (the
database and name go in its environment, never on a command line others can read). It starts
after :data:`workspace.suggestions.RETRAIN_EVERY` new spans, when a document is marked done,
or from the menu; its model is saved in the database, and the window reads the new
suggestions when it ends.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal

from annotator.core.commands import Change
from annotator.core.model import DONE
from annotator.core.suggest.model import SUGGESTED_LAYER
from annotator.ui.controller import AnnotationController
from annotator.workspace.suggestions import RETRAIN_EVERY


class SuggestionTrainer(QObject):
    """Runs one training at a time.

    Signals:
        finished(bool, str): the training ended; whether it worked, and its last line.

    Attributes:
        new_spans: the annotator's spans added since the last training started.
    """

    finished = Signal(bool, str)

    def __init__(self, controller: AnnotationController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.new_spans = 0
        self.process: QProcess | None = None
        controller.changed.connect(self._count)
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-training: end it, the next start trains again
            app.aboutToQuit.connect(self.stop)

    def running(self) -> bool:
        return self.process is not None

    def _count(self, change: Change) -> None:
        self.new_spans += len(change.added)
        marked_done = change.statuses.get(self.controller.annotator) == DONE
        if self.new_spans >= RETRAIN_EVERY or (marked_done and self._has_examples()):
            self.start()

    def _has_examples(self) -> bool:
        """Whether the done document gives training anything to learn (else it would only
        say "nothing to learn" in the status bar)."""
        return any(s.layer == SUGGESTED_LAYER for s in self.controller.index.spans.values())

    def start(self) -> bool:
        """Start a training unless one runs; False when one was already running."""
        if self.process is not None:
            return False
        self.new_spans = 0
        ws = self.controller.ws
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("ANNOTATOR_DB", ws.url)
        env.insert("ANNOTATOR_NAME", self.controller.annotator)
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.finished.connect(lambda code, _status: self._done(process, code))
        self.process = process
        if getattr(sys, "frozen", False):  # the packaged app is the command itself
            process.start(sys.executable, ["suggest", "train", "--low-priority"])
        else:
            process.start(sys.executable,
                          ["-m", "annotator.cli", "suggest", "train", "--low-priority"])
        return True

    def stop(self) -> None:
        """End a running training without waiting for its result (nothing is saved)."""
        process, self.process = self.process, None
        if process is not None:
            process.finished.disconnect()
            process.kill()
            process.waitForFinished(2000)
            process.deleteLater()

    def _done(self, process: QProcess, code: int) -> None:
        if process is not self.process:
            return  # stopped
        try:
            output = bytes(process.readAll().data()).decode("utf-8", "replace").strip()
        except RuntimeError:  # the window went away with it: nobody to tell
            self.process = None
            return
        last = output.splitlines()[-1] if output else ""
        self.process = None
        process.deleteLater()
        self.finished.emit(code == 0, last.removeprefix("annotator: error: "))
