"""Turning bytes into the stored text, or a clear refusal.

The stored text is the file decoded (UTF-8 by default, a BOM dropped) with line endings turned
into ``\\n``; nothing else changes. Every refusal names the byte offset and says what to do.
"""

from __future__ import annotations

import codecs

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
    """True when the bytes decode as Windows-1256 into mostly Arabic letters."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    return arabic >= max(3, len(text.strip()) // 10)


def decode_text(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode a whole file into stored text, or raise :class:`InputError`."""
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(path, f"this is {what}, not a text file", byte_offset=0)
    enc = codecs.lookup(encoding).name
    if enc in ("utf-8", "utf-8-sig"):
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            hint = (
                "; it looks like Arabic in Windows-1256: try --encoding cp1256"
                if _looks_like_cp1256(data)
                else "; give the right --encoding"
            )
            what = (
                "truncated UTF-8 sequence"
                if exc.reason == "unexpected end of data"
                else (f"invalid UTF-8 ({exc.reason})")
            )
            raise InputError(path, f"{what}{hint}", byte_offset=exc.start) from exc
    else:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError(
                path, f"not valid {encoding} ({exc.reason})", byte_offset=exc.start
            ) from exc
        if text.startswith("\ufeff"):
            text = text[1:]
    nul = text.find("\x00")
    if nul >= 0:
        byte = len(text[:nul].encode("utf-8")) if enc.startswith("utf-8") else nul
        raise InputError(path, "NUL byte: this is a binary file, not text", byte_offset=byte)
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(
            path, "the file is empty" if not text else "the file holds only whitespace"
        )
    return text
