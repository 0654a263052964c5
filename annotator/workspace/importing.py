"""Importing: one pipeline for the command line, the import dialog and drag-and-drop.

Reading (finding the files, decoding, parsing) touches no database, so the GUI runs it off its
thread; storing is one command through the workspace's door, in one transaction: one unreadable
file and nothing at all is stored. The rule for extensions is the registry's
(``formats.registry.format_of``): a file whose format cannot be told is refused, never guessed.
"""

from __future__ import annotations

import codecs
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.invariants import imported_problem
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema, resources_path
from annotator.formats import line_ends, txt
from annotator.formats.registry import FORMATS, READERS, ReadOptions, folder_files, format_of
from annotator.storage.importing import ImportReport, store_documents
from annotator.workspace.workspace import Workspace

AUTO = "auto"
SAMPLE = "sample/sample_ar.txt"
Progress = Callable[[int, int], None]

__all__ = [
    "AUTO",
    "ImportReport",
    "ReadOptions",
    "checked",
    "expand_paths",
    "format_of",
    "import_paths",
    "import_sample",
    "paused_gc",
    "read_documents",
    "read_options",
    "store",
]


def read_options(
    encoding: str = "utf-8",
    map_tags: Path | str | None = None,
    map_relations: Path | str | None = None,
) -> ReadOptions:
    """Options for the readers; an encoding Python does not know is refused before reading."""
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise AnnotatorError(f"unknown encoding {encoding!r}") from exc
    return ReadOptions(
        encoding=encoding,
        map_tags=Path(map_tags) if map_tags else None,
        map_relations=Path(map_relations) if map_relations else None,
    )


def expand_paths(paths: Sequence[str | Path], chosen: str = AUTO) -> list[tuple[Path, str]]:
    """Each input file with its format; a folder gives its files of that format (without
    one: its brat documents and plain texts, ``registry.folder_files``)."""
    out: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if chosen == AUTO:
                out += folder_files(path)
            elif chosen == "txt":
                out += [(p, "txt") for p in txt.txt_files(path)]
            else:
                wanted = FORMATS[chosen].folder_suffixes
                found = sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted
                )
                if not found:
                    raise InputError(str(path), f"the folder holds no {chosen} file")
                out += [(p, chosen) for p in found]
        elif path.exists():
            out.append((path, chosen if chosen != AUTO else format_of(path)))
        else:
            raise InputError(str(path), "no such file or folder")
    return out


def read_documents(
    paths: Sequence[str | Path],
    chosen: str,
    schema: Schema,
    options: ReadOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportedDocument]:
    """Read every input before anything is stored; an empty list if ``cancelled`` says so."""
    files = expand_paths(paths, chosen)
    if progress is not None:
        progress(0, len(files))
    docs: list[ImportedDocument] = []
    for n, (path, fmt) in enumerate(files, start=1):
        if cancelled is not None and cancelled():
            return []
        _refuse_undecodable_name(path)
        docs += checked(path, READERS[fmt](path, schema, options), schema)
        if progress is not None:
            progress(n, len(files))
    return docs


def _refuse_undecodable_name(path: Path) -> None:
    """A document is named after its file: a name that is not UTF-8 (bytes Python keeps as
    lone surrogates) cannot be stored as text, so the file is refused before it is read."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            str(path), "the file name is not valid UTF-8 (shown with \\x escapes); rename the "
            "file: the document is named after it"
        ) from None


def checked(
    path: Path, docs: Sequence[ImportedDocument], schema: Schema
) -> list[ImportedDocument]:
    """What a reader made of ``path``, made to keep the stored invariants (``core.invariants``)
    or refused: the net under every reader, so none hands the database a row ``check`` flags.

    A CR left in a text becomes LF as the .txt reader makes it (offsets moved to match, and
    said in a warning); anything else that breaks a rule refuses the file, naming the document
    and why (a reader that knows the line refuses before this, with the line).
    """
    out = []
    for doc in docs:
        if "\r" in doc.text:
            _to_lf(path, doc)
        problem = imported_problem(doc, schema)
        if problem is not None:
            raise InputError(str(path), f"document {doc.name!r}: {problem}")
        out.append(doc)
    return out


def _to_lf(path: Path, doc: ImportedDocument) -> None:
    ends = line_ends.normalise(doc.text)
    spans = []
    for s in doc.spans:
        start, end = ends.offset(s.start), ends.offset(s.end)
        if start >= end:
            raise InputError(
                str(path),
                f"document {doc.name!r}: span {s.label} [{s.start}, {s.end}) covers only the CR "
                "of a CR LF line end, which the stored text does not keep",
            )
        spans.append(s.with_changes(start=start, end=end))
    doc.text, doc.spans = ends.text, spans
    doc.warnings.append(
        f"{path}: {doc.name}: the text had CR line ends, stored with LF (offsets moved to match)"
    )


def store(
    ws: Workspace,
    docs: Sequence[ImportedDocument],
    annotator: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Store ``docs`` through the door, all in one transaction (matched by text hash, spans
    never doubled)."""
    return ws.write_in_bulk(
        "import", lambda repo: store_documents(repo, docs, annotator, progress)
    )


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused while a command reads and stores its input: the
    documents and spans it makes hold no cycles and live until it ends, yet each full
    collection walked all of them again (a tenth of a 10,000-document import). Reference
    counting frees everything else as before. Not for the window: the pause is process-wide."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_paths(
    ws: Workspace,
    paths: Sequence[str | Path],
    fmt: str = AUTO,
    encoding: str = "utf-8",
    map_tags: Path | str | None = None,
    map_relations: Path | str | None = None,
) -> ImportReport:
    """Read files and folders (all of them first), then store them all or nothing."""
    options = read_options(encoding, map_tags, map_relations)
    with paused_gc():
        docs = read_documents(paths, fmt, ws.schema, options)
        return store(ws, docs)


def import_sample(ws: Workspace) -> int:
    """Store the shipped sample article (once; a second call finds it by hash). Its id."""
    doc = txt.read_txt(resources_path(SAMPLE))
    doc.name = "sample_ar"
    return store(ws, [doc]).doc_ids[0]
