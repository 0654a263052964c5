"""What every exporter takes and gives back: documents as plain values, options, a report.

The report is how an export is honest about what its format could not hold: tokens cut at span
edges, sentence breaks removed under a span, spans dropped (counted by document; the first
``DROPPED_KEPT`` kept with their reason, so a million dropped spans do not sit in memory),
links and span attributes that tag columns have no place for (counted by document).
The command line prints :meth:`ExportReport.summary` on stderr; the GUI shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import Any, TextIO

from annotator.core.model import Relation, Span
from annotator.core.schema import Schema
from annotator.formats import tagging
from annotator.formats.tokens import Tokens, document_tokens, join_sentences, split_at

Progress = Callable[[int, int], None]
_START = attrgetter("start")
_END = attrgetter("end")
_LAYER = attrgetter("layer")


@dataclass(frozen=True)
class ExportDocument:
    """One document and one annotator's annotations on it, as gathered from the database."""

    name: str
    text: str
    sha256: str
    spans: list[Span]
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    annotator: str = ""
    status: str = ""  # the annotator's status of the document ("" unknown)
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)  # span uuid -> origin


# CoNLL, between documents: no line; the CoNLL-2003 line ``-DOCSTART- -X- O O`` (the one
# spaCy's ner converter splits on); ``-DOCSTART-`` as a token tagged O in every column
DOC_SEPARATORS = ("none", "conll2003", "token")


@dataclass(frozen=True)
class ExportOptions:
    layers: tuple[str, ...] = ("entity",)
    scheme: str = tagging.IOB2
    nested: int = 1  # tag columns per layer
    # what a CoNLL export writes between documents (DOC_SEPARATORS; docs/formats.md has who
    # reads which): nothing by default, since flair's column probe and pandas take any
    # ``-DOCSTART-`` line for a token
    doc_separator: str = "none"
    misc_tags: bool = False  # CoNLL-U: the one tag column as ``NE=`` in MISC (spaCy's conllu)
    # the project's schema: formats that describe it (brat's annotation.conf, WebAnno's
    # layers, Hugging Face's label names) read it here; None: what the documents carry
    schema: Schema | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.scheme not in tagging.SCHEMES:
            raise ValueError(f"unknown tag scheme {self.scheme!r}")
        if self.nested < 1:
            raise ValueError("--nested must be at least 1")
        if self.doc_separator not in DOC_SEPARATORS:
            raise ValueError(
                f"unknown document separator {self.doc_separator!r} "
                f"(one of {', '.join(DOC_SEPARATORS)})"
            )
        if self.misc_tags:
            if len(self.layers) * self.nested != 1:
                raise ValueError(
                    "--misc-tags writes one tag column (NE= in MISC): export one layer with "
                    "--nested 1"
                )
            if self.scheme == tagging.BIOES:
                raise ValueError(
                    "--misc-tags: spaCy's conllu converter reads B, I, L or U in NE=; "
                    "use --scheme iob2 or bilou"
                )


@dataclass(frozen=True)
class DroppedSpan:
    document: str
    span: Span
    reason: str


# dropped spans kept with their reason for the summary; the rest are only counted (a nested
# corpus exported with one column drops a span in ten: at a million spans that was 200 MB)
DROPPED_KEPT = 100


@dataclass
class ExportReport:
    """What an export wrote and what it had to change or leave out."""

    documents: int = 0
    tokens: int = 0
    tokenized: bool = False  # the format writes tokens (CoNLL, CoNLL-U): count them
    spans_written: int = 0
    splits: dict[str, int] = field(default_factory=dict)  # document -> tokens cut
    joined: dict[str, int] = field(default_factory=dict)  # document -> sentence breaks removed
    trimmed: dict[str, int] = field(default_factory=dict)  # document -> spans narrowed
    dropped: list[DroppedSpan] = field(default_factory=list)  # the first DROPPED_KEPT
    dropped_counts: dict[str, int] = field(default_factory=dict)  # document -> spans dropped
    # what tag columns have no place for: links, and the attributes of written spans
    links_dropped: dict[str, int] = field(default_factory=dict)  # document -> links
    attributes_dropped: dict[str, int] = field(default_factory=dict)  # document -> spans
    notes: list[str] = field(default_factory=list)

    def absorb(self, later: ExportReport) -> None:
        """Add the report of the documents written after these (a parallel export's parts,
        taken in document order, give the report one process writing them all gives)."""
        self.documents += later.documents
        self.tokens += later.tokens
        self.tokenized = self.tokenized or later.tokenized
        self.spans_written += later.spans_written
        for mine, theirs in (
            (self.splits, later.splits), (self.joined, later.joined),
            (self.trimmed, later.trimmed), (self.dropped_counts, later.dropped_counts),
            (self.links_dropped, later.links_dropped),
            (self.attributes_dropped, later.attributes_dropped),
        ):
            for document, n in theirs.items():
                self.count(mine, document, n)
        self.dropped += later.dropped[: max(0, DROPPED_KEPT - len(self.dropped))]
        self.notes += later.notes

    def count(self, table: dict[str, int], document: str, n: int) -> None:
        if n:
            table[document] = table.get(document, 0) + n

    def drop(self, document: str, span: Span, reason: str) -> None:
        """Count a span the format could not hold; keep it, with why, while under the bound."""
        self.count(self.dropped_counts, document, 1)
        if len(self.dropped) < DROPPED_KEPT:
            self.dropped.append(DroppedSpan(document, span, reason))

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped_counts.values())

    def dropped_by_document(self) -> dict[str, list[DroppedSpan]]:
        """The kept dropped spans by document."""
        out: dict[str, list[DroppedSpan]] = {}
        for drop in self.dropped:
            out.setdefault(drop.document, []).append(drop)
        return out

    def summary(self) -> list[str]:
        """Lines for a person: totals first, then each loss by document."""
        tokens = f"{self.tokens} token(s), " if self.tokenized else ""
        lines = [f"wrote {self.documents} document(s), {tokens}{self.spans_written} span(s)"]
        lines += _loss(
            self.splits,
            "split {n} token(s) at span edges (e.g. ل · لوكاشينكو) in {documents} document(s): ",
        )
        lines += _loss(self.joined, "removed {n} sentence break(s) that fell inside a span: ")
        lines += _loss(
            self.trimmed,
            "{n} span(s) began or ended on spaces or invisible marks and were written to their "
            "token edges: ",
        )
        kept = self.dropped_by_document()
        for document, n in self.dropped_counts.items():
            drops = kept.get(document, [])
            lines.append(f"dropped {n} span(s) in {document}:")
            lines += [
                f"  {d.span.layer}/{d.span.label} [{d.span.start}, {d.span.end}): {d.reason}"
                for d in drops
            ]
            if n > len(drops):
                lines.append(f"  … and {n - len(drops)} more (not listed)")
        lines += _loss(
            self.links_dropped,
            "left out {n} link(s) (speaker, source): tag columns have no place for links: ",
        )
        lines += _loss(
            self.attributes_dropped,
            "left out the attributes of {n} span(s) (e.g. a quote's direct/indirect): tag "
            "columns have no place for attributes: ",
        )
        lines += self.notes
        return lines


def _loss(table: dict[str, int], says: str) -> list[str]:
    """``says`` (``{n}``: the total, ``{documents}``: how many documents) and the count by
    document, or nothing when the table is empty."""
    if not table:
        return []
    by_document = ", ".join(f"{name} {n}" for name, n in table.items())
    return [says.format(n=sum(table.values()), documents=len(table)) + by_document]


@dataclass(frozen=True)
class Blocks:
    """A stream format whose file is one block per document and nothing else: its documents
    can be formatted apart (by several processes) and the blocks written in order.

    ``block`` formats one document and records its losses in the report; ``finish`` adds what
    the report says of the whole export once every block is written (it is given how many
    documents there were).
    """

    block: Callable[[ExportDocument, ExportOptions, ExportReport], str]
    finish: Callable[[int, ExportOptions, ExportReport], None]

    def write(
        self,
        docs: Sequence[ExportDocument],
        out: TextIO,
        options: ExportOptions,
        report: ExportReport | None = None,
        progress: Progress | None = None,
    ) -> ExportReport:
        """Every document's block in order, in this process."""
        report = report if report is not None else ExportReport()
        for n, doc in enumerate(docs, start=1):
            out.write(self.block(doc, options, report))
            if progress is not None:
                progress(n, len(docs))
        self.finish(len(docs), options, report)
        return report


@dataclass
class TaggedDocument:
    """Tokens (cut at span edges) and one tag list per column, ready to be written."""

    tokens: Tokens
    columns: list[list[str]]

    def words(self, text: str) -> list[str]:
        if self.tokens.words is not None:
            return self.tokens.words
        return [text[s:e] for s, e in zip(self.tokens.starts, self.tokens.ends, strict=True)]


def column_names(options: ExportOptions) -> list[str]:
    """``entity``, ``entity2`` ... per layer, outer columns first."""
    return [
        layer if level == 1 else f"{layer}{level}"
        for layer in options.layers
        for level in range(1, options.nested + 1)
    ]


def tag_document(
    doc: ExportDocument, options: ExportOptions, report: ExportReport, *, join: bool
) -> TaggedDocument:
    """Deal spans into columns, cut tokens at span edges, tag; record every loss in ``report``.

    With ``join``, sentence breaks inside a written span are removed (CoNLL, where a blank line
    would cut the entity); without it the tags run on across the break (CoNLL-U).
    """
    tokens = document_tokens(doc.text, doc.meta)
    dealt: list[list[Span]] = []
    for layer in options.layers:
        # the layer's spans picked in C (a comprehension was a frame step per span)
        of_layer = compress(doc.spans, map(layer.__eq__, map(_LAYER, doc.spans)))
        columns, dropped = tagging.deal_into_columns(of_layer, options.nested)
        dealt += columns
        for span, why in dropped:
            report.drop(doc.name, span, why)
    edges: set[int] = set()
    for column in dealt:
        edges.update(map(_START, column))
        edges.update(map(_END, column))
    report.count(report.splits, doc.name, split_at(tokens, edges))
    tag_columns: list[list[str]] = []
    crossing: list[tuple[int, int]] = []
    trimmed = 0
    with_attributes = 0
    written = 0
    starts, ends = tokens.starts, tokens.ends
    for column in dealt:
        tags, ranges = tagging.encode_column(column, starts, ends, options.scheme)
        tag_columns.append(tags)
        for span, (i, j) in zip(column, ranges, strict=True):
            if i >= j:
                report.drop(doc.name, span, "covers no token (only spaces or invisible marks)")
                continue
            written += 1
            # nearly every span has no attributes: no generator for an empty dict
            if span.attributes and any(
                value not in (None, False) for value in span.attributes.values()
            ):
                with_attributes += 1
            if j - i > 1:
                crossing.append((i + 1, j))
            if starts[i] != span.start or ends[j - 1] != span.end:
                trimmed += 1
    report.spans_written += written
    if join:
        report.count(report.joined, doc.name, join_sentences(tokens, crossing))
    report.count(report.trimmed, doc.name, trimmed)
    report.count(report.links_dropped, doc.name, len(doc.relations))
    report.count(report.attributes_dropped, doc.name, with_attributes)
    report.documents += 1
    report.tokens += len(tokens)
    report.tokenized = True
    return TaggedDocument(tokens, tag_columns)

