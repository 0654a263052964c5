"""CoNLL-U Plus: the ten UD columns plus one tag column per layer (and nesting level).

Writing
    ``# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC ANNOTATOR:ENTITY``
    (then ``ANNOTATOR:ENTITY2`` ... for ``--nested``, ``ANNOTATOR:CLAIM``, ``ANNOTATOR:QUOTE``),
    ``# newdoc id = NAME`` per document, ``# sent_id = NAME-K`` and ``# text =`` per sentence.
    Only FORM, MISC and the tag columns are filled (``_`` elsewhere). The whitespace after each
    token goes in MISC so the document text is rebuilt exactly:

    * inside a sentence a single space is the default; nothing else follows: ``SpaceAfter=No``;
    * after the last token of a sentence a line break is the default; no space: ``SpaceAfter=No``
    * any other gap: ``SpacesAfter=`` with ``\\s`` space, ``\\t`` tab, ``\\n`` line break,
      ``\\p`` ``|``, ``\\\\`` backslash, ``\\uXXXX`` for other whitespace (the UDPipe habit);
      text before the first token: ``SpacesBefore=`` on it.

    The last token of a document has no default: ``SpaceAfter=No`` when the text ends there.
    Tags are IOB2, BIOES or BILOU. ``misc_tags`` (``--misc-tags``) writes the one tag column
    as ``NE=TAG`` in MISC instead, ten columns in all, which spaCy's ``conllu`` converter
    reads (it unpacks exactly ten). A span that crosses a sentence break runs on into the next
    sentence (this reader keeps it whole; readers that reset per sentence see two spans).

Reading
    ``# newdoc`` starts a document (named by its id, else ``FILE-K``); without any, the file is
    one document. A ``# newdoc id`` repeating the current document's id continues it (UD-PUD
    repeats the line on every sentence). The text is rebuilt from the surface tokens
    (multiword-token lines, not the words inside them) and the rules above; the words are kept
    in ``meta["words"]`` so an export writes the treebank's tokens again. Columns named in
    ``# global.columns`` after MISC are tag columns, read like CoNLL tag columns (``_`` and
    ``*`` mean ``O``); a ``NE=`` tag in MISC (``--misc-tags``, spaCy's form) is one more tag
    column. An ID other than ``N``, ``N-M`` (N <= M) or ``N.M`` in ASCII digits, an
    empty FORM, or a spacing escape that makes a lone surrogate refuses the file at that line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.invariants import character_problem
from annotator.core.model import ImportedDocument
from annotator.core.schema import Schema
from annotator.formats import tagging
from annotator.formats.decoding import normalise_newlines, read_text
from annotator.formats.exporting import (
    ExportDocument,
    ExportOptions,
    ExportReport,
    Progress,
    column_names,
    tag_document,
)
from annotator.formats.tokens import WORDS, Tokens

MISC_TAG = "NE="  # a tag in MISC, as spaCy's conllu converter reads it
UD_COLUMNS = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")
_ESCAPES = {" ": "\\s", "\t": "\\t", "\n": "\\n", "|": "\\p", "\\": "\\\\"}
_UNESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")
_UNESCAPES = {"s": " ", "t": "\t", "n": "\n", "p": "|", "\\": "\\", "r": "\r"}


def escape_spaces(gap: str) -> str:
    return "".join(
        _ESCAPES.get(ch) or (f"\\u{ord(ch):04X}" if ch.isspace() else ch) for ch in gap
    )


def unescape_spaces(value: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 else _UNESCAPES.get(code, code)

    return _UNESCAPE_RE.sub(one, value)


def tag_column_name(column: str) -> str:
    return "ANNOTATOR:" + column.upper()


# --- writing --------------------------------------------------------------------------------


def write_conllu(
    docs: Sequence[ExportDocument],
    out: TextIO,
    options: ExportOptions,
    report: ExportReport | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    report = report if report is not None else ExportReport()
    # with --misc-tags the one tag column goes in MISC: ten columns, as spaCy's conllu
    # converter unpacks them
    names = [] if options.misc_tags else [tag_column_name(c) for c in column_names(options)]
    crossing_before = 0
    for n, doc in enumerate(docs, start=1):
        tagged = tag_document(doc, options, report, join=False)
        if n == 1:
            out.write("# global.columns = " + " ".join((*UD_COLUMNS, *names)) + "\n")
        crossing_before += _write_document(
            out, doc, tagged.tokens, tagged.columns, options.misc_tags
        )
        if progress is not None:
            progress(n, len(docs))
    if crossing_before:
        report.notes.append(
            f"{crossing_before} sentence(s) begin inside a span (its tags run on from the "
            "previous sentence)"
        )
    return report


def _misc(gap: str, default: str | None) -> str:
    """MISC for the gap after a token; ``default`` is the gap that needs no mention (none after
    the last token of the document)."""
    if gap == default:
        return "_"
    if gap == "":
        return "SpaceAfter=No"
    return "SpacesAfter=" + escape_spaces(gap)


def _write_document(
    out: TextIO, doc: ExportDocument, tokens: Tokens, columns: list[list[str]],
    misc_tags: bool = False,
) -> int:
    """Write one document; return how many sentences start inside a span. ``misc_tags``: the
    one tag column is written as ``NE=TAG`` in MISC instead of a column of its own."""
    text, starts, ends = doc.text, tokens.starts, tokens.ends
    out.write(f"# newdoc id = {doc.name}\n")
    runs_on = 0
    ranges = tokens.sentence_ranges()
    for k, (a, b) in enumerate(ranges, start=1):
        lines = [f"# sent_id = {doc.name}-{k}", f"# text = {text[starts[a] : ends[b - 1]]}"]
        if any(column[a][0] in "IE" for column in columns):
            runs_on += 1
        for i in range(a, b):
            nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
            gap = text[ends[i] : nxt]
            misc = _misc(gap, None if i + 1 == len(starts) else " " if i + 1 < b else "\n")
            if i == 0 and starts[0] > 0:
                before = "SpacesBefore=" + escape_spaces(text[: starts[0]])
                misc = before if misc == "_" else f"{misc}|{before}"
            if misc_tags:
                if columns[0][i] != "O":
                    ne = f"{MISC_TAG}{columns[0][i]}"
                    misc = ne if misc == "_" else f"{misc}|{ne}"
                tags = ""
            else:
                tags = "".join("\t" + column[i] for column in columns)
            lines.append(
                f"{i - a + 1}\t{text[starts[i] : ends[i]]}\t_\t_\t_\t_\t_\t_\t_\t{misc}{tags}"
            )
        out.write("\n".join(lines) + "\n\n")
    return runs_on


# --- reading --------------------------------------------------------------------------------


class _Doc:
    def __init__(self, name: str | None) -> None:
        self.name = name
        self.parts: list[str] = []
        self.length = 0
        self.words: list[list[list[int]]] = []
        self.tokens: list[tuple[int, int]] = []
        self.tags: list[list[str]] = []  # per tag column
        self.misc_tags: list[str] = []  # per token: its MISC ``NE=`` tag, else O
        self.pending_break = False  # a line break goes before the next sentence

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)


def _misc_fields(misc: str) -> dict[str, str]:
    if misc in ("_", ""):
        return {}
    out = {}
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def read_conllu(
    path: Path, schema: Schema, encoding: str = "utf-8", map_tags: Path | None = None
) -> list[ImportedDocument]:
    return parse_conllu(read_text(path, encoding), str(path), schema, map_tags)


def parse_conllu(
    content: str, path: str, schema: Schema, map_tags: Path | None = None
) -> list[ImportedDocument]:
    docs, tag_lines, warnings = _read_sentences(content, path)
    resolver = tagging.TagResolver.with_map_file(schema, map_tags)
    resolver.resolve_all(tag_lines)
    if resolver.problems:
        raise tagging.refusal(path, resolver.problems, tag_lines)
    stem = Path(path).stem
    out = []
    for k, doc in enumerate(docs, start=1):
        starts = [s for s, _ in doc.tokens]
        ends = [e for _, e in doc.tokens]
        # ``NE=`` in MISC (our --misc-tags, spaCy's habit) is one more tag column
        columns = [*doc.tags, *([doc.misc_tags] if any(t != "O" for t in doc.misc_tags) else [])]
        found = [
            span
            for column in columns
            for span in tagging.decode_column(
                [resolver.resolved[t] for t in column], starts, ends
            ).spans
        ]
        out.append(
            ImportedDocument(
                name=doc.name or (stem if len(docs) == 1 else f"{stem}-{k}"),
                text="".join(doc.parts),
                meta={
                    "source": Path(path).name, "source_format": "conllu",
                    "tokenization": WORDS, "words": doc.words,
                },
                spans=tagging.make_spans(found, schema),
                warnings=warnings if k == 1 else [],
            )
        )
    return out


def _read_sentences(
    content: str, path: str
) -> tuple[list[_Doc], dict[str, list[int]], list[str]]:
    """Documents with their text and tokens; tag -> lines; warnings."""
    docs: list[_Doc] = []
    extra = 0
    tag_lines: dict[str, list[int]] = {}
    sentence: list[tuple[int, list[str]]] = []
    sentence_text: str | None = None
    warnings: list[str] = []

    def finish(number: int) -> None:
        nonlocal sentence, sentence_text
        if sentence:
            if not docs:
                docs.append(_Doc(None))
            rebuilt = _add_sentence(docs[-1], sentence, extra, path)
            if sentence_text is not None and rebuilt != sentence_text:
                warnings.append(
                    f"{path}:{number}: '# text' differs from the tokens; the tokens were kept"
                )
        sentence, sentence_text = [], None

    lines = content.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            finish(number)
        elif line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key = key.strip()
            if key == "global.columns":
                names = value.split()
                extra = max(0, len(names) - len(UD_COLUMNS))
            elif key.startswith("newdoc"):
                finish(number)
                ident = value.strip() or None
                # UD-PUD repeats its newdoc line on every sentence of a document
                if not docs or ident is None or docs[-1].name != ident:
                    docs.append(_Doc(ident))
            elif key == "text":
                sentence_text = value[1:] if value.startswith(" ") else value
        else:
            fields = line.split("\t")
            if len(fields) < len(UD_COLUMNS):
                raise InputError(path, f"{len(fields)} columns, CoNLL-U needs 10", line=number)
            for tag in fields[len(UD_COLUMNS) : len(UD_COLUMNS) + extra]:
                tag_lines.setdefault(_o(tag), []).append(number)
            if MISC_TAG in fields[9]:
                tag = _misc_fields(fields[9]).get(MISC_TAG[:-1], "O")
                tag_lines.setdefault(_o(tag), []).append(number)
            sentence.append((number, fields))
    finish(len(lines))
    if not docs or not any(d.tokens for d in docs):
        raise InputError(path, "no token line in this file")
    return [d for d in docs if d.tokens], tag_lines, warnings


def _o(tag: str) -> str:
    return "O" if tag in ("_", "*", "") else tag


def _is_number(ident: str) -> bool:
    """ASCII digits only: ``int()`` also takes Arabic-Indic digits, signs and underscores."""
    return ident.isascii() and ident.isdigit()


def _gap(escaped: str, path: str, number: int) -> str:
    gap = unescape_spaces(escaped)
    # a lone surrogate cannot be stored as UTF-8 (nor hashed), nor a NUL on the server
    problem = character_problem(gap)
    if problem is not None:
        raise InputError(path, f"{escaped[:40]!r} escapes {problem}", line=number)
    # \r, as a .txt file's CR LF or lone CR: stored text has LF line ends
    gap = normalise_newlines(gap)
    return gap


def _add_sentence(doc: _Doc, rows: list[tuple[int, list[str]]], extra: int, path: str) -> str:
    """Append one sentence's surface tokens to the document; return the sentence's text."""
    surface: list[tuple[int, list[str]]] = []
    inside_until = 0
    for number, fields in rows:
        ident = fields[0]
        if "." in ident:
            whole, _, decimal = ident.partition(".")
            if not (_is_number(whole) and _is_number(decimal)):
                raise InputError(path, f"bad empty-node ID {ident!r}: N.M", line=number)
            continue  # empty node: no surface form
        if "-" in ident:
            first, _, last = ident.partition("-")
            if not (_is_number(first) and _is_number(last) and int(first) <= int(last)):
                raise InputError(
                    path, f"bad multiword token ID {ident!r}: FIRST-LAST, FIRST <= LAST",
                    line=number,
                )
            if not fields[1]:
                raise InputError(path, "empty FORM (write _ for an underscore)", line=number)
            surface.append((number, fields))
            inside_until = int(last)
            continue
        if not _is_number(ident):
            raise InputError(path, f"bad ID {ident!r}", line=number)
        if int(ident) <= inside_until:
            continue
        if not fields[1]:
            raise InputError(path, "empty FORM (write _ for an underscore)", line=number)
        surface.append((number, fields))
    if doc.pending_break:  # the previous sentence ended with the default gap
        doc.add("\n")
        doc.pending_break = False
    if not doc.tags:
        doc.tags = [[] for _ in range(extra)]
    pieces: list[str] = []  # this sentence's text, for comparing with '# text'
    words: list[list[int]] = []
    for j, (number, fields) in enumerate(surface):
        misc = _misc_fields(fields[9])
        if "SpacesBefore" in misc and not doc.tokens:
            doc.add(_gap(misc["SpacesBefore"], path, number))
        start = doc.length
        doc.add(fields[1])
        pieces.append(fields[1])
        doc.tokens.append((start, doc.length))
        words.append([start, doc.length])
        for c in range(extra):
            doc.tags[c].append(_o(fields[10 + c]) if 10 + c < len(fields) else "O")
        doc.misc_tags.append(_o(misc.get(MISC_TAG[:-1], "O")))
        if "SpacesAfter" in misc:
            gap = _gap(misc["SpacesAfter"], path, number)
        elif misc.get("SpaceAfter") == "No":
            gap = ""
        elif j == len(surface) - 1:
            doc.pending_break = True
            gap = ""
        else:
            gap = " "
        doc.add(gap)
        if j < len(surface) - 1:
            pieces.append(gap)
    doc.words.append(words)
    return "".join(pieces)
