"""Saved HTML pages (.html, .htm): the main text via trafilatura, title and date from the page.

Nothing here touches the network: trafilatura gets the decoded markup (never a URL) and its date
search (htmldate, run on the parsed tree) is told not to search extensively.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import trafilatura

from dyadwatch.config import ReadOptions
from dyadwatch.ingest import problems
from dyadwatch.ingest.decode import decode_bytes, read_limited
from dyadwatch.ingest.text import field_text, finish_text
from dyadwatch.model import Article, Reject

HTML_EXTENSIONS = (".html", ".htm")
DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


def extract_page(markup: str) -> Any:
    """trafilatura's Document (text + metadata) for the page, or None when nothing is found.

    A bare fragment ("<p>…</p>" with no <html>) is retried wrapped in a document, because
    trafilatura rejects single-block fragments as dubious HTML."""
    document = _bare_extraction(markup)
    if _text_of(document) or "<html" in markup[:4096].lower():
        return document
    return _bare_extraction(f"<html><body>{markup}</body></html>")


def _bare_extraction(markup: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            markup,
            favor_precision=False,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        # trafilatura/lxml can fail on badly broken markup; that page simply has no text.
        return None


def _text_of(document: Any) -> str:
    text = getattr(document, "text", None)
    return text if isinstance(text, str) else ""


def _page_date(document: Any) -> date | None:
    found = getattr(document, "date", None)
    if not isinstance(found, str):
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None


def read_html_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """The one article in a saved HTML page. Raises InputError for the file."""
    data = read_limited(path, options)
    markup = decode_bytes(data, name=path)
    document = extract_page(markup)
    raw = _text_of(document)
    if not raw.strip():
        raise problems.html_no_text(path)
    text = finish_text(raw, origin=path, options=options)
    yield Article.from_text(
        text,
        published=_page_date(document),
        title=field_text(getattr(document, "title", None)),
        url=field_text(getattr(document, "url", None)),
        source=field_text(getattr(document, "sitename", None)),
        origin=path,
        external_id=Path(path).stem,
    )
