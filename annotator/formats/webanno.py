"""WebAnno TSV 3.3, INCEpTION's tab-separated format: writing, and what reading shares.

The format (INCEpTION's user guide, "WebAnno TSV 3.3 File format", and its reference
implementation ``Tsv3XSerializer`` / ``Tsv3XDeserializer``)::

    #FORMAT=WebAnno TSV 3.3
    #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
    #T_SP=webanno.custom.Quote|direct|value|ROLE_webanno.custom.Quote:speaker_...|<target type>
    (two blank lines)
    #Text=the sentence's text (a line per line of it)
    1-1<TAB>0-3<TAB>token<TAB>one column per feature<TAB>

Offsets count UTF-16 code units (Java's strings): an emoji counts two. Values escape
``\\ [ ] | _ -> ; * TAB LF`` with a backslash; ``_`` is "no annotation here", ``*`` "an
annotation without a value"; ``X[3]`` ties the rows of one annotation that covers several
tokens or shares a row with another of its layer; stacked annotations are joined by ``|``.

How ours is written:

* entity spans go to INCEpTION's built-in named-entity layer (``value`` holds the label), a
  claim or quote to ``webanno.custom.Claim`` / ``webanno.custom.Quote``; a layer's schema
  attributes (a quote's ``direct``) are features of that layer, before ``value``.
* links go where INCEpTION keeps links between two layers, a slot (link) feature of the head
  layer: the quote's ``speaker`` slot holds the entity (role ``speaker``). INCEpTION's relation
  layers (``#T_RL``) join two annotations of one layer, so they cannot hold a quote -> entity
  link; the reader takes them where the schema allows (:mod:`annotator.formats.webanno_read`).
* a sentence's ``#Text`` runs from its first token to the next sentence's first token, so the
  text comes back exactly (a line break becomes a further ``#Text`` line). Only what precedes
  the first token can be written as nothing but spaces; the export says so when it was not.
* tokens are cut at span edges (ل · لوكاشينكو) as in the CoNLL export, and counted; a span
  that begins or ends on a space is written to its token edges, and counted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

from annotator.core.model import Relation, Span
from annotator.core.schema import Schema
from annotator.formats.brat import safe_name
from annotator.formats.exporting import (
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
)
from annotator.formats.tokens import document_tokens, split_at

FORMAT_LINE = "#FORMAT=WebAnno TSV 3.3"
FORMAT_PREFIX = b"#FORMAT=WebAnno TSV 3"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
CUSTOM = "webanno.custom."
# the types our layers are written as; any other layer becomes webanno.custom.<Name>
LAYER_TYPES = {"entity": NAMED_ENTITY}
NULL_COLUMN, NULL_VALUE = "_", "*"

_VALUE_ESCAPES = [
    ("\\", "\\\\"), ("[", "\\["), ("]", "\\]"), ("|", "\\|"), ("_", "\\_"), ("->", "\\->"),
    (";", "\\;"), ("\t", "\\t"), ("\n", "\\n"), ("*", "\\*"),
]
# INCEpTION's Escaping.escapeText: C0 controls other than 8-13 get a backslash before them
_TEXT_ESCAPES = [
    *((chr(i), "\\" + chr(i)) for i in range(32) if not 7 < i < 14),
    ("\t", "\\t"), ("\n", "\\n"), ("\f", "\\f"), ("\r", "\\r"), ("\b", "\\b"), ("\\", "\\\\"),
]


def _replacer(pairs: Sequence[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One left-to-right pass, as commons-lang's ``replaceEach``: longer keys first."""
    table = dict(pairs)
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table


_ESCAPE_VALUE = _replacer(_VALUE_ESCAPES)
_UNESCAPE_VALUE = _replacer([(b, a) for a, b in _VALUE_ESCAPES])
_ESCAPE_TEXT = _replacer(_TEXT_ESCAPES)
_UNESCAPE_TEXT = _replacer([(b, a) for a, b in _TEXT_ESCAPES])


def _apply(how: tuple[re.Pattern[str], dict[str, str]], text: str) -> str:
    pattern, table = how
    return pattern.sub(lambda m: table[m.group(0)], text)


def escape_value(value: str) -> str:
    return _apply(_ESCAPE_VALUE, value)


def unescape_value(value: str) -> str:
    return _apply(_UNESCAPE_VALUE, value)


def escape_text(text: str) -> str:
    return _apply(_ESCAPE_TEXT, text)


def unescape_text(text: str) -> str:
    return _apply(_UNESCAPE_TEXT, text)


def utf16_offsets(text: str) -> list[int] | None:
    """Code point index -> UTF-16 offset (length + 1 entries), or None when they are equal."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    return list(accumulate((2 if ord(ch) > 0xFFFF else 1 for ch in text), initial=0))


def type_of(layer: str) -> str:
    """The UIMA type a layer of ours is written as."""
    return LAYER_TYPES.get(layer, CUSTOM + layer[:1].upper() + layer[1:])


def _link_type(head_type: str, kind: str) -> str:
    short = head_type.rsplit(".", 1)[-1]
    return f"{CUSTOM}{short}{kind[:1].upper()}{kind[1:]}Link"


# --- writing --------------------------------------------------------------------------------


class _Layout:
    """The columns of one export: per layer its features, then a role and a target column for
    each kind of link that starts in that layer."""

    def __init__(
        self, schema: Schema | None, layers: Sequence[str], docs: Sequence[ExportDocument]
    ) -> None:
        # INCEpTION refuses a file whose header names a layer its project lacks: a layer no
        # document has a span of is left out, so an entities-only export needs no custom layer
        used = {s.layer for d in docs for s in d.spans}
        self.layers = [layer for layer in layers if layer in used]
        self.features: dict[str, list[str]] = {}
        self.links: dict[str, list[tuple[str, str]]] = {}  # layer -> [(kind, target layer)]
        # the schema's attributes and links, and any a colleague's spans carry beyond it
        found_attrs = {(s.layer, a) for d in docs for s in d.spans for a in s.attributes}
        kinds = {(r.name, r.from_layer, r.to_layer) for r in (schema.relations if schema else ())}
        for doc in docs:
            layer_of = {s.uuid: s.layer for s in doc.spans}
            kinds |= {
                (r.kind, layer_of[r.head], layer_of[r.tail])
                for r in doc.relations
                if r.head in layer_of and r.tail in layer_of
            }
        for layer in self.layers:
            attrs = {a.name for a in schema.attributes_of(layer)} if schema else set()
            attrs |= {a for lay, a in found_attrs if lay == layer}
            extra = ["identifier"] if type_of(layer) == NAMED_ENTITY else []
            self.features[layer] = [*extra, *sorted(attrs - {"identifier", "value"}), "value"]
            self.links[layer] = sorted(
                (kind, tail) for kind, head, tail in kinds if head == layer and tail in self.layers
            )

    def header(self) -> list[str]:
        lines = [FORMAT_LINE]
        for layer in self.layers:
            fields = [type_of(layer), *self.features[layer]]
            for kind, target in self.links[layer]:
                fields.append(
                    f"ROLE_{type_of(layer)}:{kind}_{_link_type(type_of(layer), kind)}"
                )
                fields.append(type_of(target))
            lines.append("#T_SP=" + "|".join(fields))
        return lines


def _unit_ranges(
    spans: Sequence[Span], starts: list[int], ends: list[int]
) -> dict[str, tuple[int, int]]:
    """Span uuid -> the tokens [i, j) it covers (i == j: it covers none)."""
    out = {}
    for span in spans:
        i = bisect_right(ends, span.start)  # first token ending after the span starts
        j = bisect_left(starts, span.end)  # tokens starting before the span ends
        out[span.uuid] = (i, max(i, j))
    return out


def document_tsv(doc: ExportDocument, layout: _Layout, report: ExportReport) -> str:
    """The TSV of one document; losses and changes go to ``report``."""
    text = doc.text
    spans = sorted(
        (s for s in doc.spans if s.layer in layout.features), key=lambda s: (s.start, -s.end)
    )
    tokens = document_tokens(text, doc.meta)
    report.count(
        report.splits, doc.name, split_at(tokens, {e for s in spans for e in (s.start, s.end)})
    )
    starts, ends = tokens.starts, tokens.ends
    ranges = _unit_ranges(spans, starts, ends)
    written: list[Span] = []
    trimmed = 0
    for span in spans:
        i, j = ranges[span.uuid]
        if i >= j:
            report.drop(doc.name, span, "covers no token (only spaces or invisible marks)")
            continue
        written.append(span)
        if starts[i] != span.start or ends[j - 1] != span.end:
            trimmed += 1
    report.count(report.trimmed, doc.name, trimmed)
    report.spans_written += len(written)
    if text[: starts[0] if starts else len(text)].strip(" "):
        report.notes.append(
            f"{doc.name}: what precedes the first token was written as spaces (WebAnno TSV "
            "keeps no text before a sentence)"
        )

    by_unit: list[list[Span]] = [[] for _ in starts]
    for span in written:
        i, j = ranges[span.uuid]
        for k in range(i, j):
            by_unit[k].append(span)
    ids = _disambiguation_ids(written, ranges, by_unit)
    sentence_of = [0] * len(starts)
    unit_ids = [""] * len(starts)
    for number, (a, b) in enumerate(tokens.sentence_ranges(), start=1):
        for k in range(a, b):
            sentence_of[k] = number
            unit_ids[k] = f"{number}-{k - a + 1}"
    kept = {s.uuid: s for s in written}
    links: dict[str, list[Relation]] = {}
    for rel in doc.relations:
        if rel.head in kept and rel.tail in kept:
            links.setdefault(rel.head, []).append(rel)
    report.count(
        report.links_dropped, doc.name,
        sum(1 for r in doc.relations if not (r.head in kept and r.tail in kept)),
    )

    def target_ref(uuid: str) -> str:
        i = ranges[uuid][0]
        return unit_ids[i] + (f"[{ids[uuid]}]" if uuid in ids else "")

    offsets16 = utf16_offsets(text)

    def u16(pos: int) -> int:
        return offsets16[pos] if offsets16 is not None else pos

    out: list[str] = []
    sentences = tokens.sentence_ranges()
    for number, (a, b) in enumerate(sentences):
        following = starts[sentences[number + 1][0]] if number + 1 < len(sentences) else None
        piece = text[starts[a] : following]
        if piece.endswith("\n"):  # the reader puts one line break after every sentence
            piece = piece[:-1]
        out.append("")
        out += ["#Text=" + escape_text(line) for line in piece.split("\n")]
        for k in range(a, b):
            fields = [unit_ids[k], f"{u16(starts[k])}-{u16(ends[k])}", text[starts[k] : ends[k]]]
            for layer in layout.layers:
                here = [s for s in by_unit[k] if s.layer == layer]
                fields += _layer_columns(layer, here, layout, ids, links, target_ref)
            out.append("\t".join(fields) + "\t")
    return "\n".join(out) + "\n"


def _disambiguation_ids(
    spans: Sequence[Span], ranges: dict[str, tuple[int, int]], by_unit: list[list[Span]]
) -> dict[str, int]:
    """``[n]`` for each span over several tokens or sharing a token with another of its layer:
    the rows of one annotation are tied together by it."""
    ids: dict[str, int] = {}
    for span in spans:
        i, j = ranges[span.uuid]
        stacked = any(
            other is not span and other.layer == span.layer
            for k in range(i, j)
            for other in by_unit[k]
        )
        if j - i > 1 or stacked:
            ids[span.uuid] = len(ids) + 1
    return ids


def _layer_columns(
    layer: str,
    here: Sequence[Span],
    layout: _Layout,
    ids: dict[str, int],
    links: dict[str, list[Relation]],
    target_ref: Callable[[str], str],
) -> list[str]:
    """One row's cells for ``layer``: features, then role and target per link kind."""
    columns: list[str] = []
    if not here:
        width = len(layout.features[layer]) + 2 * len(layout.links[layer])
        return [NULL_COLUMN] * width

    def tag(span: Span) -> str:
        return f"[{ids[span.uuid]}]" if span.uuid in ids else ""

    for feature in layout.features[layer]:
        cells = []
        for span in here:
            value = span.label if feature == "value" else span.attributes.get(feature)
            shown = NULL_VALUE if value is None or feature == "identifier" else escape_value(
                str(value)
            )
            cells.append(shown + tag(span))
        columns.append("|".join(cells))
    for kind, _target in layout.links[layer]:
        roles, targets = [], []
        for span in here:
            mine = [r for r in links.get(span.uuid, ()) if r.kind == kind]
            roles.append((";".join(kind for _ in mine) or NULL_COLUMN) + tag(span))
            targets.append(";".join(target_ref(r.tail) for r in mine) or NULL_VALUE)
        columns += ["|".join(roles), "|".join(targets)]
    return columns


def write_webanno(
    docs: Sequence[ExportDocument],
    folder: Path,
    options: ExportOptions,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """One ``NAME.tsv`` per document into ``folder`` (which must exist): INCEpTION imports a
    document from each file."""
    report = report if report is not None else ExportReport()
    layout = _Layout(options.schema, options.layers, docs)
    used: set[str] = set()
    for n, doc in enumerate(docs, start=1):
        stem = safe_name(doc.name)
        base, k = stem, 1
        while stem in used:
            k += 1
            stem = f"{base}-{k}"
        used.add(stem)
        if stem != doc.name:
            report.notes.append(f"{doc.name}: written as {stem}.tsv")
        body = document_tsv(doc, layout, report)
        # newline="": the file's line breaks are the format's, on every platform
        (folder / f"{stem}.tsv").write_text(
            "\n".join(layout.header()) + "\n\n" + body, encoding="utf-8", newline=""
        )
        report.documents += 1
        if progress is not None:
            progress(n, len(docs))
    return report
