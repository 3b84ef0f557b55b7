"""Publication dates: a fast path for the usual forms, dateparser for the rest, a sanity range.

A timestamp with a time zone keeps the local date as written ("2017-01-13T23:30:00+04:00" is the
13th), because that is the date the outlet printed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dyadwatch.ingest import problems

MIN_DATE = date(1900, 1, 1)
MAX_DATE_TEXT = 64
STRPTIME_FORMATS = (
    "%Y/%m/%d",
    "%Y%m%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
)
DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: object, *, origin: str, today: date | None = None) -> date | None:
    """The date in `value`; None when it is missing or blank.

    Raises InputError "bad-date" when a value is present but unreadable, before 1900, or more
    than a day after `today` (default: the local date)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise problems.bad_date(origin, _shorten(repr(value)))
    text = str(value).strip()
    if not text:
        return None
    found = _fast_path(text) or _slow_path(text)
    if found is None:
        raise problems.bad_date(origin, _shorten(text))
    latest = (today or date.today()) + timedelta(days=1)
    if not MIN_DATE <= found <= latest:
        raise problems.date_out_of_range(origin, _shorten(text))
    return found


def _fast_path(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for pattern in STRPTIME_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _slow_path(text: str) -> date | None:
    # Bare numbers other than a Unix timestamp ("5", "2017") are not dates we can trust.
    if len(text) > MAX_DATE_TEXT or (text.isdigit() and len(text) != 10):
        return None
    import dateparser  # slow to import; most inputs never get here

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if isinstance(parsed, datetime) else None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
