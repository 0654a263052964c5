"""Exporting: one annotator's work gathered from the database and written atomically.

The command line and the GUI's export dialog both call :func:`gather_documents` and
:func:`write_export`, so they write the same bytes and the same report of what a format could
not hold.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, overload

from annotator.core.errors import AnnotatorError
from annotator.core.model import DocumentRow
from annotator.formats.exporting import (
    DOC_SEPARATORS,
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
)
from annotator.formats.registry import FORMATS, Format, StreamWriter
from annotator.formats.tagging import BIOES
from annotator.storage import export_read
from annotator.workspace.export_parallel import (
    CannotForkError,
    default_workers,
    worth_it,
    write_parallel,
)
from annotator.workspace.workspace import Workspace

__all__ = [
    "DOC_SEPARATORS",
    "ExportDocument",
    "ExportOptions",
    "ExportReport",
    "StoredDocuments",
    "default_workers",
    "export",
    "export_layers",
    "gather_documents",
    "stored_documents",
    "write_export",
]


def gather_documents(
    ws: Workspace,
    annotator: str,
    names: Sequence[str] | None = None,
    layers: Iterable[str] | None = None,
) -> list[ExportDocument]:
    """One annotator's spans and links on the chosen documents (all, by name, by default),
    all read now (the export dialog formats them in a worker thread, away from the
    database)."""
    return list(stored_documents(ws, annotator, names, layers))


def stored_documents(
    ws: Workspace,
    annotator: str,
    names: Sequence[str] | None = None,
    layers: Iterable[str] | None = None,
) -> StoredDocuments:
    """The documents ``gather_documents`` gives, each read only when a writer reaches it.

    A writer holds one document at a time, so an export's memory stays that of its largest
    document, not of the corpus. The workspace must stay open until the writing ends.
    """
    repo = ws.repo
    rows = repo.list_documents(annotator)
    if names:
        wanted = []
        for name in names:
            doc_id = repo.find_document(name)
            if doc_id is None:
                raise AnnotatorError(f"no document named {name!r}")
            wanted.append(doc_id)
        by_id = {row.id: row for row in rows}
        rows = [by_id[doc_id] for doc_id in dict.fromkeys(wanted)]
    return StoredDocuments(ws, annotator, rows, None if layers is None else set(layers))


class StoredDocuments(Sequence[ExportDocument]):
    """Documents of an export, read from the database one at a time, in order."""

    def __init__(
        self, ws: Workspace, annotator: str, rows: Sequence[DocumentRow],
        layers: set[str] | None,
    ) -> None:
        self._ws, self._annotator, self._rows, self._layers = ws, annotator, rows, layers

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> ExportDocument: ...

    @overload
    def __getitem__(self, index: slice) -> list[ExportDocument]: ...

    def __getitem__(self, index: int | slice) -> ExportDocument | list[ExportDocument]:
        if isinstance(index, slice):
            return [self._read(row) for row in self._rows[index]]
        return self._read(self._rows[index])

    def __iter__(self) -> Iterator[ExportDocument]:
        for row in self._rows:
            yield self._read(row)

    @property
    def rows(self) -> Sequence[DocumentRow]:
        """The documents' lines of the document list, in the export's order."""
        return self._rows

    @property
    def shareable(self) -> bool:
        """Whether worker processes can read these documents themselves: the database is a
        file or a server (not SQLite's memory, which only this connection sees), and no
        transaction of this process is open (its snapshot cannot be handed over)."""
        url = self._ws.engine.url
        in_memory = url.get_backend_name() == "sqlite" and (
            url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
        )
        return not in_memory and self._ws.repo._conn is None

    def before_fork(self) -> None:
        """Before processes are forked: no open database connection for them to inherit
        (this process makes new ones as it reads on)."""
        self._ws.engine.dispose()

    def after_fork(self) -> None:
        """In a forked process: connections of its own, anything of the parent's left
        untouched."""
        self._ws.engine.dispose(close=False)

    def _read(self, row: DocumentRow) -> ExportDocument:
        stored = export_read.read_document(self._ws.repo, row.id, self._annotator, self._layers)
        return ExportDocument(
            name=row.name, text=stored.text, sha256=row.sha256,
            spans=stored.spans, relations=stored.relations, meta=stored.meta,
            annotator=self._annotator, status=row.status, provenance=stored.provenance,
        )


def write_export(
    fmt: str,
    docs: Sequence[ExportDocument],
    output: Path | None,
    options: ExportOptions,
    progress: Progress | None = None,
    *,
    workers: int = 1,
) -> tuple[ExportReport, str | None]:
    """Write ``docs``; ``output`` None means return the text instead (for stdout).

    Nothing partial is left behind: a file is written beside its target and renamed over it;
    brat files are written into a fresh folder whose files are then moved into place.

    With ``workers`` above one, a large export read from the database (``stored_documents``)
    in a format of document blocks is formatted by that many processes (see
    :mod:`export_parallel`; the same bytes and report).
    """
    report = ExportReport()
    form = FORMATS[fmt]
    if form.tags and options.scheme == BIOES and output is not None and "spacy" in str(
        output.name
    ).lower():
        report.notes.append(
            f"{output.name}: spaCy's converters read IOB or BILUO and split every BIOES entity "
            "of two or more tokens in two; write --scheme bilou (or iob2) for spaCy"
        )
    if form.folder_writer is not None:
        if output is None:
            raise AnnotatorError(f"{fmt} writes a folder of files: give -o DIR")
        _write_folder(form, docs, output, options, report, progress)
        return report, None
    writer = form.stream_writer
    if writer is None:
        raise AnnotatorError(f"{fmt} is read, not written")
    writer = _in_processes(writer, form, docs, workers)
    if output is None:
        buffer = io.StringIO()
        writer(docs, buffer, options, report, progress)
        return report, buffer.getvalue()
    target = output.resolve()
    if not target.parent.is_dir():
        raise AnnotatorError(f"{output}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise AnnotatorError(f"{output} is a folder; {fmt} writes one file")
    fd, tmp = _new_file(target)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            writer(docs, out, options, report, progress)
        if target.exists():  # as a shell's ``>`` does: the owner chose that file's mode
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report, None


def _in_processes(
    writer: StreamWriter, form: Format, docs: Sequence[ExportDocument], workers: int
) -> StreamWriter:
    """``writer``, or for a large export read from a database other processes can open, in a
    format of document blocks, one that has ``workers`` processes format them (``writer``
    itself when the system will not start them)."""
    blocks = form.blocks
    if (
        blocks is None
        or not isinstance(docs, StoredDocuments)
        or not docs.shareable
        or not worth_it(docs.rows, workers)
    ):
        return writer
    stored = docs

    def in_processes(
        _: Sequence[ExportDocument], out: TextIO, options: ExportOptions,
        report: ExportReport, progress: Progress | None,
    ) -> ExportReport:
        try:
            write_parallel(stored, blocks, out, options, report, progress, workers)
        except CannotForkError as exc:  # nothing written yet
            report.notes.append(
                f"written by one process: the system would not start more ({exc})"
            )
            return writer(stored, out, options, report, progress)
        return report

    return in_processes


def _write_folder(
    form: Format,
    docs: Sequence[ExportDocument],
    folder: Path,
    options: ExportOptions,
    report: ExportReport,
    progress: Progress | None,
) -> None:
    assert form.folder_writer is not None
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{folder} is a file; {form.name} writes a folder")
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = _new_folder(folder)
    try:
        form.folder_writer(docs, staging, options, report, progress)
        if not folder.exists():
            staging.rename(folder)
            return
        for path in sorted(staging.iterdir()):
            os.replace(path, folder / path.name)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


# ``tempfile.mkstemp``/``mkdtemp`` create 0600/0700 whatever the umask, and a rename keeps
# that: the staging file and folder are created here with 0666/0777, which the kernel narrows
# by the umask, as every other tool's output is.
def _new_file(target: Path) -> tuple[int, Path]:
    """A new, empty file beside ``target``, open for writing: its descriptor and path."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue


def _new_folder(target: Path) -> Path:
    """A new, empty folder beside ``target``."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}")
        try:
            tmp.mkdir(0o777)
            return tmp
        except FileExistsError:
            continue


def export_layers(fmt: str, layer_names: Sequence[str], chosen: Iterable[str] | None) -> tuple[
    str, ...
]:
    """The layers an export writes: the chosen ones (each once), else the format's default."""
    if chosen is None:
        return FORMATS[fmt].default_layers(layer_names)
    layers = tuple(dict.fromkeys(chosen))
    unknown = [x for x in layers if x not in layer_names]
    if unknown or not layers:
        raise AnnotatorError(
            f"unknown layer(s) {', '.join(unknown) or '(none given)'}; "
            f"the schema has {', '.join(layer_names)}"
        )
    return layers


def export(
    ws: Workspace,
    fmt: str,
    output: str | Path | None,
    *,
    layers: Iterable[str] | None = None,
    annotator: str | None = None,
    documents: Sequence[str] | None = None,
    scheme: str = "iob2",
    nested: int = 1,
    doc_separator: str = "none",
    misc_tags: bool = False,
    progress: Progress | None = None,
    workers: int = 1,
) -> tuple[ExportReport, str | None]:
    """Gather and write in one call (scripts); a named annotator must exist. ``output`` None
    returns the text instead of writing a file. ``workers``: see :func:`write_export`."""
    chosen = export_layers(fmt, ws.schema.layer_names, layers)
    who = annotator or ws.annotator
    if annotator is not None:
        ws.require_annotator(who)
    docs = stored_documents(ws, who, documents, chosen)  # read one by one while written
    options = ExportOptions(
        layers=chosen, scheme=scheme, nested=nested, doc_separator=doc_separator,
        misc_tags=misc_tags, schema=ws.schema
    )
    target = None if output is None else Path(output)
    return write_export(fmt, docs, target, options, progress, workers=workers)
