"""Plain-text articles (.txt, .text, .md), each with an optional sidecar NAME.meta.json.

The sidecar holds the fields a text file cannot: {"id", "title", "published", "source", "url"}.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dyadwatch.config import ReadOptions
from dyadwatch.ingest import problems
from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.decode import decode_bytes, read_limited
from dyadwatch.model import Article, Reject

TEXT_EXTENSIONS = (".txt", ".text", ".md")
META_SUFFIX = ".meta.json"


def finish_text(raw: str, *, origin: str, options: ReadOptions) -> str:
    """Normalize line ends and outer whitespace, then enforce the size limit."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > options.max_chars:
        raise problems.text_too_large(origin, len(text), options.max_chars)
    if not _encodable(text):
        raise problems.unpaired_surrogate(origin)
    return text


def _encodable(text: str) -> bool:
    """False for text holding lone UTF-16 surrogates (a JSON "\\ud800" escape, say)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def field_text(value: object) -> str:
    """A metadata value as a one-line string ("" for missing, JSON null, or containers)."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = str(value).encode("utf-8", "replace").decode("utf-8")  # lone surrogates → "?"
    return " ".join(text.split())


def sidecar_path(path: str) -> Path:
    """Where the sidecar of `path` lives: same folder, same stem, `.meta.json`."""
    file = Path(path)
    return file.with_name(file.stem + META_SUFFIX)


def read_sidecar(path: str) -> dict[str, Any]:
    """The sidecar object of `path`, {} when there is none. Raises InputError "bad-meta"."""
    meta = sidecar_path(path)
    if not meta.is_file():
        return {}
    try:
        loaded = json.loads(meta.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise problems.bad_meta(path, str(meta), str(err)) from None
    if not isinstance(loaded, dict):
        detail = f"expected a JSON object, got {problems.json_type_name(loaded)}"
        raise problems.bad_meta(path, str(meta), detail)
    return loaded


def text_article(
    raw: str, *, origin: str, options: ReadOptions, meta: Mapping[str, Any], default_id: str
) -> Article:
    """One Article from a whole decoded text plus its metadata. Raises InputError."""
    if not raw.strip():
        raise problems.empty(origin)
    text = finish_text(raw, origin=origin, options=options)
    return Article.from_text(
        text,
        published=parse_date(meta.get("published"), origin=origin),
        title=field_text(meta.get("title")),
        url=field_text(meta.get("url")),
        source=field_text(meta.get("source")),
        origin=origin,
        external_id=field_text(meta.get("id")) or default_id,
    )


def read_text_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """The one article in a text file. Raises InputError for the file."""
    data = read_limited(path, options)
    meta = read_sidecar(path)
    raw = decode_bytes(data, name=path)
    yield text_article(raw, origin=path, options=options, meta=meta, default_id=Path(path).stem)


def read_text_bytes(data: bytes, *, origin: str, options: ReadOptions) -> Article:
    """One article from raw bytes already read within the size limit (stdin). Raises InputError."""
    if not data.strip():
        raise problems.empty(origin)
    raw = decode_bytes(data, name=origin)
    return text_article(raw, origin=origin, options=options, meta={}, default_id=origin)
