"""Resolving the words of one time expression against the article's publication date: years,
ranges ("2017-2019"), decades, centuries, month names ("last August", "in March" with the
trigger's tense picking the year), weekdays ("on Friday"), and everything relative ("last
week", "two years ago") through dateparser. Durations, "since 2010", ages and plain numbers
resolve to nothing. Which expression belongs to which event is decided in `coding.dates`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
DECADE, CENTURY, PUBLICATION, NONE = "decade", "century", "publication", "none"
PAST, FUTURE = "past", "future"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


MONTHS = {name: n for n, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"),
    start=1) for name in names.split()}
WEEKDAYS = {name: n for n, names in enumerate(
    ("mon monday", "tue tues tuesday", "wed wednesday", "thu thurs thursday", "fri friday",
     "sat saturday", "sun sunday")) for name in names.split()}
ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                 "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                 "nineteenth twentieth twenty-first")
ORDINALS = {w: n for n, w in enumerate(ORDINAL_WORDS.split(), start=1)}
NUMBER_WORDS = _wordset("a an one two three four five six seven eight nine ten eleven twelve "
                         "several few couple")
UNITS = _wordset("day days week weeks month months year years decade decades")
RELATIVE = {"last": "last", "past": "last", "previous": "last", "next": "next",
            "coming": "next", "this": "this", "current": "this"}
DEICTIC = _wordset("yesterday today tomorrow tonight ago")
DAY_PARTS = _wordset("morning afternoon evening night century")
# Words that only frame the date ("in", "early", "the end of") and change nothing we resolve.
FILLERS = _wordset("in on at during for from between starting beginning by around about of "
                    "the early mid late end start middle earlier later as")
RANGE_SEPARATORS = frozenset({"-", "to", "and", "through", "until", "till"})
# "since 2010", "until 2019", "before the war": an ongoing state or a bound, not the event's date.
NOT_DATING = frozenset({"since", "until", "till", "before", "after", "through", "throughout"})
TEMPORAL_PREPS = NOT_DATING | {"in", "on", "at", "during", "for", "from", "between",
                               "starting", "beginning", "by", "around"}

WORD_RE = re.compile(r"\d{4}s|\d+(?:st|nd|rd|th)?|[a-z]+(?:-first)?|-")
NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
YEAR_RE = re.compile(r"^(1\d{3}|20\d\d)$")
YEARISH_RE = re.compile(r"^(1\d{3}|20\d\d)(\s*[-–—]\s*(\d{2}|\d{4}))?$")
AGE_RE = re.compile(r"\byears?[- ]old\b|\baged?\b", re.IGNORECASE)
DATE_WORDS = (MONTHS.keys() | WEEKDAYS.keys() | ORDINALS.keys() | NUMBER_WORDS | UNITS
              | RELATIVE.keys() | DEICTIC | DAY_PARTS | FILLERS | RANGE_SEPARATORS | NOT_DATING)
RESOLVABLE_BASE = date(2000, 6, 15)  # any date: only asks "can this be resolved at all?"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as precisely as the text says."""

    date: str  # ISO day, or first day of the week/month/year/period; "" with nothing to go on
    precision: str  # day | week | month | year | decade | century | publication | none
    expression: str  # the words it came from ("in April 2016"); "" on fallback
    end: str = ""  # ISO last day of a stated period ("for 2017-2019" -> "2019-12-31")
    start_char: int = -1  # doc character offsets of the expression; -1 on fallback
    end_char: int = -1

    @property
    def resolved(self) -> bool:
        return self.precision not in (PUBLICATION, NONE)


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved date before it is tied to the words it came from."""

    start: date
    precision: str
    end: date | None = None


# ----- resolving the words of one expression -------------------------------------------------


def resolve_expression(text: str, published: date | None, *, tense: str = "") -> EventDate | None:
    """The date `text` names relative to `published`, or None when it names none (durations,
    "since 2010", ages, plain numbers). Relative words need `published`; years do not."""
    found = resolve(text, published, tense, None)
    return None if found is None else to_event_date(found, text)


def to_event_date(found: Found, text: str, start_char: int = -1,
                  end_char: int = -1) -> EventDate:
    """`found` as the EventDate of the expression `text` (at doc offsets start/end_char)."""
    end = found.end.isoformat() if found.end else ""
    return EventDate(found.start.isoformat(), found.precision, text, end, start_char, end_char)


@lru_cache(maxsize=4096)  # dateparser is slow and news repeats the same few phrases
def resolve(text: str, published: date | None, tense: str, year: int | None) -> Found | None:
    """What `text` names, with `tense` ("past"/"future"/"") choosing the year of a bare month
    unless `year` (a companion expression's) is given; None when it names no date."""
    raw = text.lower().replace("–", "-").replace("—", "-")
    if numeric := NUMERIC_DATE_RE.search(raw):
        return _parsed(numeric.group(0), published, tense)
    words = WORD_RE.findall(raw)
    if not words or words[0] in NOT_DATING or not _date_words_only(words):
        return None
    words = [RELATIVE.get(w, w) for w in words if w not in FILLERS]
    if not words or _is_duration(words):
        return None
    if (found := _range(words)) is not None:
        return found
    words = [w for w in words if w != "-"]  # "mid-2016"
    if not words:
        return None
    for resolver in (_century, _decade, _year):
        found = resolver(words)
        if found is not None:
            return found
    if "century" in words and "ago" not in words:  # "the last century" is no year
        return None
    if any(w in MONTHS for w in words):
        return _month(words, published, tense, year)
    if any(w in WEEKDAYS for w in words):
        return _weekday(words, published, tense)
    if words[0] in ("last", "next", "this") or DEICTIC.intersection(words):
        return _parsed(" ".join(words), published, tense) if published else None
    return None


def _date_words_only(words: list[str]) -> bool:
    """Every word is date vocabulary: "12 documents" and "$5 billion" are not dates."""
    return all(w in DATE_WORDS or w[0].isdigit() for w in words)


def _is_duration(words: list[str]) -> bool:
    """ "three years", "the past two months", "over the past decade": a length of time."""
    if "ago" in words:
        return False
    counted = any(w in NUMBER_WORDS or (w.isdigit() and len(w) < 4) for w in words)
    units = [w for w in words if w in UNITS]
    return bool(units) and (counted or any(w.endswith("s") or w == "decade" for w in units))


def _range(words: list[str]) -> Found | None:
    if len(words) != 3 or words[1] not in RANGE_SEPARATORS or not YEAR_RE.match(words[0]):
        return None
    first, last = int(words[0]), words[2]
    if len(last) == 2 and last.isdigit():  # "2015-25"
        last = words[0][:2] + last
    if not YEAR_RE.match(last) or int(last) <= first:
        return None
    return Found(date(first, 1, 1), YEAR, date(int(last), 12, 31))


def _century(words: list[str]) -> Found | None:
    if len(words) != 2 or words[1] != "century":
        return None
    number = ORDINALS.get(words[0]) or int(re.sub(r"\D", "", words[0]) or 0)
    return Found(date((number - 1) * 100, 1, 1), CENTURY) if 2 <= number <= 21 else None


def _decade(words: list[str]) -> Found | None:
    if len(words) == 1 and re.fullmatch(r"(1\d|20)\d0s", words[0]):
        return Found(date(int(words[0][:4]), 1, 1), DECADE)
    return None


def _year(words: list[str]) -> Found | None:
    if len(words) == 1 and YEAR_RE.match(words[0]):
        return Found(date(int(words[0]), 1, 1), YEAR)
    return None


def _month(words: list[str], published: date | None, tense: str,
           year: int | None) -> Found | None:
    """ "April 2016", "12 January", "last August", "in March" (year from `year` or tense)."""
    month = next(MONTHS[w] for w in words if w in MONTHS)
    days = [int(re.sub(r"\D", "", w)) for w in words if w[0].isdigit() and len(w) <= 4
            and not YEAR_RE.match(w)]
    years = [int(w) for w in words if YEAR_RE.match(w)]
    day = days[0] if days and 1 <= days[0] <= 31 else 0
    year = years[0] if years else year
    if year is None:
        if published is None:
            return None
        relative = words[0] if words[0] in ("last", "next", "this") else ""
        year = _year_of(month, day, published, relative or tense)
    try:
        return Found(date(year, month, day), DAY) if day else Found(date(year, month, 1), MONTH)
    except ValueError:  # "31 February"
        return None


def _year_of(month: int, day: int, published: date, when: str) -> int:
    """The year of a month (or day) named without one: "last"/"next" skip the current one,
    a future event takes the next occurrence, anything else the latest one."""
    named, now = (month, day), (published.month, published.day if day else 0)
    this = published.year
    if when == "last":
        return this if named < now else this - 1
    if when == "next":
        return this if named > now else this + 1
    if when == "this":
        return this
    if when == FUTURE:
        return this if named >= now else this + 1
    return this if named <= now else this - 1


def _weekday(words: list[str], published: date | None, tense: str) -> Found | None:
    """ "on Friday": the latest Friday up to publication, or the next one for a future event;
    "from Monday to Wednesday" a period of days."""
    if published is None:
        return None
    if len(words) == 3 and words[1] in RANGE_SEPARATORS and {words[0], words[2]} <= WEEKDAYS.keys():
        first = _weekday(words[:1], published, tense)
        length = timedelta(days=(WEEKDAYS[words[2]] - WEEKDAYS[words[0]]) % 7)
        return None if first is None else Found(first.start, DAY, first.start + length)
    if len(words) > 2:
        return None
    target = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    back = (published.weekday() - target) % 7
    when = words[0] if words[0] in ("last", "next") else tense
    if when == "last":
        back = back or 7
    if when in ("next", FUTURE):
        return Found(published + timedelta(days=(target - published.weekday()) % 7 or 7), DAY)
    return Found(published - timedelta(days=back), DAY)


def _parsed(text: str, published: date | None, tense: str) -> Found | None:
    """dateparser for relative phrases and numeric dates; its period gives the precision."""
    from dateparser.date import DateDataParser  # slow to import; many articles never need it

    base = datetime.combine(published or RESOLVABLE_BASE, datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": FUTURE if tense == FUTURE else PAST,
                "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    day: date = data.date_obj.date()
    if data.period == WEEK:
        return Found(day - timedelta(days=day.weekday()), WEEK)
    if data.period == MONTH:
        return Found(day.replace(day=1), MONTH)
    if data.period == YEAR:
        return Found(date(day.year, 1, 1), YEAR)
    return Found(day, DAY)
