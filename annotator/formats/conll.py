"""CoNLL NER columns: ``token<TAB>tag [<TAB>tag ...]``, one token a line.

Writing
    One tag column per layer (``--layers``), ``--nested N`` columns per layer, outer spans first
    (the Wojood layout); IOB2, BIOES or BILOU. A blank line ends each sentence. Between
    documents (``--doc-separator``): nothing by default, because flair's column probe reads
    ``-DOCSTART- -X- O O`` as a token and then ignores the tags, and pandas reads it as a row;
    ``conll2003`` writes that line and a blank line before each document (the exact line spaCy's
    ``ner`` converter splits documents on); ``token`` writes ``-DOCSTART-`` as a token tagged
    ``O`` in every column. Sentences are the document's own lines when it came from CoNLL (see
    ``tokens.py``), else those of :func:`annotator.core.text.sentence_tokens`; a sentence break
    inside a written span is removed. Tokens are cut where a span edge falls inside them.

Reading
    Columns are separated by tabs, or by spaces when a line has no tab (AQMAR, ANERcorp). The
    first column is the token; every further column is a tag column, read on its own (Wojood's
    multi-tag lines, outer first; a short line leaves its missing columns ``O``, and an empty
    column between tabs is ``O`` too, so later columns keep their place). A line whose first
    field is ``-DOCSTART-`` (``-DOCSTART-``, ``-DOCSTART- O``, ``-DOCSTART- -X- O O``) starts a
    new document; blank lines end sentences.

    The stored text is the tokens joined by single spaces, sentences by ``\\n``, so each token keeps
    exactly the characters of the file: a right-to-left mark glued to a token stays in it, and a
    line whose token is empty (``<TAB>O``, or a space then a tag: a line that begins with its
    separator) adds nothing to the text: it is skipped, its tag ignored, and the skipped lines
    are counted in a warning. Tags must be ``O`` or ``B/I/E/S/L/U-LABEL`` with a label of the
    schema, after ``--map-tags``; every other tag is listed with its lines and the file is
    refused. ``I-X`` that does not continue an ``X`` span (IOB1 habit) starts one, counted in a
    warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate, chain, repeat
from operator import lt
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import tagging
from annotator.formats.decoding import read_text
from annotator.formats.exporting import (
    Blocks,
    ExportDocument,
    ExportOptions,
    ExportReport,
    TaggedDocument,
    tag_document,
)
from annotator.formats.tokens import LINES

DOCSTART = "-DOCSTART- -X- O O"
DOCSTART_TOKEN = "-DOCSTART-"


# --- writing --------------------------------------------------------------------------------


def _block(doc: ExportDocument, options: ExportOptions, report: ExportReport) -> str:
    """One document: the separator before it, then its sentences."""
    tagged = tag_document(doc, options, report, join=True)
    return _separator(options) + document_block(doc.text, tagged)


def _finish(documents: int, options: ExportOptions, report: ExportReport) -> None:
    if not _separator(options) and documents > 1:
        report.notes.append(
            f"{documents} documents follow each other with no line between them (a reader sees "
            "one run of sentences); --doc-separator conll2003 marks them for spaCy's ner "
            "converter, --doc-separator token for flair's document_separator_token"
        )


BLOCKS = Blocks(_block, _finish)
write_conll = BLOCKS.write  # every block in order, in this process


def _separator(options: ExportOptions) -> str:
    """What goes before each document (see the module docstring)."""
    if options.doc_separator == "conll2003":
        return DOCSTART + "\n\n"
    if options.doc_separator == "token":
        columns = len(options.layers) * options.nested
        return DOCSTART_TOKEN + "\tO" * columns + "\n\n"
    return ""


def document_block(text: str, tagged: TaggedDocument) -> str:
    """The lines of one document, each sentence followed by a blank line."""
    words, columns = tagged.words(text), tagged.columns
    if any(len(column) != len(words) for column in columns):
        raise ValueError("a tag column and the tokens differ in length")
    firsts = tagged.tokens.sentence_starts
    if firsts and firsts[0] == 0 and firsts[-1] < len(words) and all(map(lt, firsts, firsts[1:])):
        # sentences that cover the tokens, none empty (as tokenizers make them): the last
        # token of each ends its line with the blank line, and the document is one join of
        # its cells (no string per row, per sentence or per slice: a million-span export
        # made, and freed, ten million of them)
        last = list(columns[-1]) if columns else [""] * len(words)  # the caller's untouched
        for first in firsts[1:]:
            last[first - 1] += "\n"
        last[-1] += "\n"
        cells: list[Iterable[str]] = [words]
        for column in columns[:-1]:
            cells += [repeat("\t"), column]
        cells += [repeat("\t"), last] if columns else [last]
        return "".join(chain.from_iterable(zip(*cells, repeat("\n"))))
    rows = list(map("\t".join, zip(words, *columns, strict=True)))
    return "".join(
        "\n".join(rows[a:b]) + "\n\n" for a, b in tagged.tokens.sentence_ranges()
    )


# --- reading --------------------------------------------------------------------------------


class _Document:
    """Tokens of one document as read: words, first tag column, rarer extra columns."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.tags: list[str] = []
        self.extra: dict[int, list[str]] = {}  # token index -> tags after the first
        self.lines: list[int] = []
        self.sentence_starts: list[int] = [0]
        self.empty: list[int] = []  # lines whose token is empty: skipped
        self.empty_tagged: list[int] = []  # those of them with a tag other than O

    def end_sentence(self) -> None:
        if self.sentence_starts[-1] < len(self.words):
            self.sentence_starts.append(len(self.words))


def _fields(line: str) -> list[str]:
    if "\t" in line:
        # an empty column between tabs is an O: dropping it would shift later columns left
        fields = line.rstrip("\t ").split("\t")
        return [fields[0], *(f.strip(" ") or "O" for f in fields[1:])]
    fields = line.split(" ")
    if "" not in fields:
        return fields
    # a line that begins with its separator has an empty token, as in the tab form (ANERcorp
    # has lines that are a space and a tag); runs of spaces elsewhere are one separator
    return [*([""] if line.startswith(" ") else []), *(f for f in fields if f)]


def _parse(content: str, path: str) -> list[_Document]:
    docs = [_Document()]
    doc = docs[0]
    # bound methods of the current document's lists: this loop runs once per token
    words, tags, lines = doc.words.append, doc.tags.append, doc.lines.append
    for number, line in enumerate(content.split("\n"), start=1):
        if not line or line.isspace():
            doc.end_sentence()
            continue
        fields = _fields(line)
        # before the two-field fast path: ``-DOCSTART- O`` is the usual two-column form
        if fields[0] == "-DOCSTART-":
            if doc.words:
                doc = _Document()
                docs.append(doc)
                words, tags, lines = doc.words.append, doc.tags.append, doc.lines.append
            continue
        if len(fields) == 2 and fields[0]:
            words(fields[0])
            tags(fields[1])
            lines(number)
            continue
        if len(fields) < 2:
            raise InputError(path, "no tag on this line: a line is TOKEN<TAB>TAG", line=number)
        if not fields[0]:
            doc.empty.append(number)
            if any(tag != "O" for tag in fields[1:]):
                doc.empty_tagged.append(number)
            continue
        doc.extra[len(doc.words)] = fields[2:]
        words(fields[0])
        tags(fields[1])
        lines(number)
    return [doc for doc in docs if doc.words]


def read_conll(
    path: Path,
    schema: Schema,
    encoding: str = "utf-8",
    map_tags: Path | None = None,
) -> list[ImportedDocument]:
    return parse_conll(read_text(path, encoding), str(path), schema, map_tags)


def parse_conll(
    content: str, path: str, schema: Schema, map_tags: Path | None = None
) -> list[ImportedDocument]:
    """Documents of a CoNLL file's text (see the module docstring for the rules)."""
    docs = _parse(content, path)
    if not docs:
        raise InputError(path, "no token line in this file")
    resolver = tagging.TagResolver.with_map_file(schema, map_tags)
    for doc in docs:
        resolver.resolve_all(set(doc.tags))
        resolver.resolve_all({t for tags in doc.extra.values() for t in tags})
    if resolver.problems:
        raise tagging.refusal(path, resolver.problems, _problem_lines(docs, resolver.problems))
    stem = Path(path).stem
    width = len(str(len(docs)))
    return [
        _document(
            doc, stem if len(docs) == 1 else f"{stem}-{k:0{width}}", path, schema, resolver
        )
        for k, doc in enumerate(docs, start=1)
    ]


def _problem_lines(docs: list[_Document], problems: dict[str, str]) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {tag: [] for tag in problems}
    for doc in docs:
        for i, tag in enumerate(doc.tags):
            for t in (tag, *doc.extra.get(i, ())):
                if t in lines:
                    lines[t].append(doc.lines[i])
    return lines


def _document(
    doc: _Document, name: str, path: str, schema: Schema, resolver: tagging.TagResolver
) -> ImportedDocument:
    words = doc.words
    bounds = [*(s for s in doc.sentence_starts if s < len(words)), len(words)]
    text = "\n".join(" ".join(words[bounds[k] : bounds[k + 1]]) for k in range(len(bounds) - 1))
    # every token is followed by exactly one separator (a space or a line break)
    starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    canonical = resolver.canonical()
    columns = [[canonical(t) for t in doc.tags]]
    depth = max((len(tags) for tags in doc.extra.values()), default=0)
    for level in range(depth):
        column = ["O"] * len(words)
        for i, tags in doc.extra.items():
            if level < len(tags):
                column[i] = canonical(tags[level])
        columns.append(column)
    breaks = frozenset(bounds[:-1])
    decoded = [tagging.decode_column(column, starts, ends, breaks) for column in columns]
    spans = tagging.make_spans([span for d in decoded for span in d.spans], schema)
    repaired = [i for d in decoded for i in d.repaired]
    return ImportedDocument(
        name=name,
        text=text,
        meta={"source": Path(path).name, "source_format": "conll", "tokenization": LINES},
        spans=spans,
        warnings=_warnings(path, doc, repaired),
    )


def _warnings(path: str, doc: _Document, repaired: list[int]) -> list[str]:
    out = []
    if repaired:
        lines = sorted(doc.lines[i] for i in repaired)
        out.append(
            f"{path}: {len(lines)} span(s) began with I-, E- or L- (IOB1 habit, or a type change)"
            f" and were read as starting there: line(s) {_first(lines)}"
        )
    if doc.empty:
        tagged = (
            f" ({len(doc.empty_tagged)} of them carried a tag, ignored: line(s) "
            f"{_first(doc.empty_tagged)})" if doc.empty_tagged else ""
        )
        out.append(
            f"{path}: {len(doc.empty)} line(s) with an empty token were skipped: line(s) "
            f"{_first(doc.empty)}{tagged}"
        )
    return out


def _first(numbers: list[int], shown: int = 10) -> str:
    more = f" and {len(numbers) - shown} more" if len(numbers) > shown else ""
    return ", ".join(map(str, numbers[:shown])) + more
