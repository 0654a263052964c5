"""Turning bytes into the stored text, or a clear refusal.

The stored text is the file decoded (UTF-8 by default, a BOM dropped) with line endings turned
into ``\\n``; nothing else changes. Every refusal names the byte offset and says what to do.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from annotator.core.errors import InputError

_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .xlsx?)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF before any offset exists (Qt would merge them otherwise)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_cp1256(data: bytes) -> bool:
    """True when the bytes are mostly not UTF-8 but decode as Windows-1256 Arabic.

    UTF-8 Arabic also decodes as cp1256 (into Arabic-looking mojibake), so a valid UTF-8 file
    with one stray byte must not get the cp1256 hint: most of its non-ASCII bytes are UTF-8.
    """
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    non_ascii = sum(1 for b in data if b >= 0x80)
    broken = data.decode("utf-8", errors="replace").count("\ufffd")
    if non_ascii == 0 or broken < non_ascii // 4:
        return False
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    return arabic >= max(3, len(text.strip()) // 10)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """A whole file as stored text (:func:`decode_text`), or :class:`InputError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    return decode_text(data, str(path), encoding)


def decode_text(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode a whole file into stored text, or raise :class:`InputError` naming the line and
    the byte (counted in the file as it is on disk, BOM included)."""
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(path, f"this is {what}, not a text file", line=1, byte_offset=0)
    enc = codecs.lookup(encoding).name
    if enc in ("utf-8", "utf-8-sig"):
        text = _decode_utf8(data, path)
    else:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError(
                path,
                f"not valid {encoding} ({exc.reason})",
                line=_line_of(data, exc.start),
                byte_offset=exc.start,
            ) from exc
        if text.startswith("\ufeff"):
            text = text[1:]
        nul = text.find("\x00")
        if nul >= 0:
            line = text.count("\n", 0, nul) + 1
            raise InputError(path, "NUL character: this is a binary file, not text", line=line)
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(
            path, "the file is empty" if not text else "the file holds only whitespace"
        )
    return text


def _decode_utf8(data: bytes, path: str) -> str:
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = (
            "; it looks like Arabic in Windows-1256: try --encoding cp1256"
            if _looks_like_cp1256(data[skip:])
            else "; give the right --encoding"
        )
        what = (
            "truncated UTF-8 sequence"
            if exc.reason == "unexpected end of data"
            else f"invalid UTF-8 ({exc.reason})"
        )
        offset = skip + exc.start
        raise InputError(
            path, f"{what}{hint}", line=_line_of(data, offset), byte_offset=offset
        ) from exc
    nul = data.find(b"\x00")  # in UTF-8 a NUL byte is the NUL character, nothing else
    if nul >= 0:
        raise InputError(
            path,
            "NUL byte: this is a binary file, not text",
            line=_line_of(data, nul),
            byte_offset=nul,
        )
    return text
