"""From bytes to text: size limits, binary sniffing, UTF-8 first, charset detection as fallback.

UTF-8 files are streamed; a file in another encoding is detected and decoded whole (it has to be
looked at as a whole to guess its encoding).
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import charset_normalizer

from dyadwatch.config import ReadOptions
from dyadwatch.ingest import problems

SNIFF_BYTES = 8192
CHUNK_BYTES = 1 << 20
BYTES_PER_CHAR = 4
# Share of control bytes (other than whitespace and ESC) above which bytes are not text.
CONTROL_SHARE = 0.05
# When charset-normalizer finds several equally good single-byte encodings, news text is far more
# often Western European than anything else (it ranks cp1250 first on plain latin-1 French).
PREFERRED_FALLBACKS = ("cp1252", "latin_1", "iso8859_15")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of `data`, if there is one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(head: bytes) -> bool:
    """True when the first bytes hold NULs or many control bytes (and no UTF-16/32 BOM)."""
    if bom_encoding(head) not in (None, "utf-8-sig"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(
        1 for byte in head if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return bool(head) and controls / len(head) > CONTROL_SHARE


def decode_bytes(data: bytes, *, name: str) -> str:
    """Decode a whole input: BOM, else UTF-8, else the best guess of charset-normalizer.

    Raises InputError "binary" or "encoding" (naming `name`) when no text can be had."""
    bom = bom_encoding(data)
    if looks_binary(data[:SNIFF_BYTES]):
        raise problems.binary(name)
    try:
        return data.decode(bom or "utf-8")
    except UnicodeDecodeError:
        if bom:
            raise problems.encoding(name) from None
    return _detect(data, name=name)


def _detect(data: bytes, *, name: str) -> str:
    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise problems.encoding(name)
    for preferred in PREFERRED_FALLBACKS:
        for match in results:
            if (
                match.encoding == preferred
                and match.chaos <= best.chaos + 0.01
                and match.coherence >= best.coherence - 0.01
            ):
                return str(match)
    return str(best)


def read_limited(path: str, options: ReadOptions) -> bytes:
    """The bytes of a one-article file, refused before reading when it cannot fit the limit."""
    size = os.stat(path).st_size
    if size > options.max_chars * BYTES_PER_CHAR:
        raise problems.file_too_large(path, size, options.max_chars)
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.strip():
        raise problems.empty(path)
    return data


def is_utf8_file(path: str) -> bool:
    """True when the whole file is valid UTF-8; reads it in chunks, never all at once."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@contextmanager
def open_text(path: str) -> Iterator[TextIO]:
    """A text stream over a record file (newline="" as the csv module wants).

    UTF-8 (with or without BOM) is streamed from disk; anything else is decoded whole."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        raise problems.empty(path)  # whitespace-only files are caught by the readers
    if looks_binary(head):
        raise problems.binary(path)
    if bom_encoding(head) in (None, "utf-8-sig") and is_utf8_file(path):
        with open(path, encoding="utf-8-sig", newline="") as stream:
            yield stream
        return
    with open(path, "rb") as handle:
        text = decode_bytes(handle.read(), name=path)
    yield io.StringIO(text, newline="")
