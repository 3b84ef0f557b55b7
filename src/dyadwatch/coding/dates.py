"""Event dates: the time expression that belongs to an event, resolved against the article's
publication date ("last August" in a 2017-01-13 article is 2016-08, precision month).

spaCy's DATE entities (plus small patterns for what the NER misses: bare months, years it
calls CARDINAL, "from 2017 to 2019") find the expressions; the parse decides which one
belongs to the trigger; month names, weekdays, ranges, decades and centuries are resolved
here (the tense of the trigger picks the year of "in March"), everything relative
("last week", "two years ago") by dateparser. Without an expression the event takes the
publication date and says so (precision "publication")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

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
class _Found:
    start: date
    precision: str
    end: date | None = None


# ----- resolving the words of one expression -------------------------------------------------


def resolve_expression(text: str, published: date | None, *, tense: str = "") -> EventDate | None:
    """The date `text` names relative to `published`, or None when it names none (durations,
    "since 2010", ages, plain numbers). Relative words need `published`; years do not."""
    found = _resolve(text, published, tense, None)
    return None if found is None else _event_date(found, text)


def _event_date(found: _Found, text: str, start_char: int = -1, end_char: int = -1) -> EventDate:
    end = found.end.isoformat() if found.end else ""
    return EventDate(found.start.isoformat(), found.precision, text, end, start_char, end_char)


@lru_cache(maxsize=4096)  # dateparser is slow and news repeats the same few phrases
def _resolve(text: str, published: date | None, tense: str, year: int | None) -> _Found | None:
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


def _range(words: list[str]) -> _Found | None:
    if len(words) != 3 or words[1] not in RANGE_SEPARATORS or not YEAR_RE.match(words[0]):
        return None
    first, last = int(words[0]), words[2]
    if len(last) == 2 and last.isdigit():  # "2015-25"
        last = words[0][:2] + last
    if not YEAR_RE.match(last) or int(last) <= first:
        return None
    return _Found(date(first, 1, 1), YEAR, date(int(last), 12, 31))


def _century(words: list[str]) -> _Found | None:
    if len(words) != 2 or words[1] != "century":
        return None
    number = ORDINALS.get(words[0]) or int(re.sub(r"\D", "", words[0]) or 0)
    return _Found(date((number - 1) * 100, 1, 1), CENTURY) if 2 <= number <= 21 else None


def _decade(words: list[str]) -> _Found | None:
    if len(words) == 1 and re.fullmatch(r"(1\d|20)\d0s", words[0]):
        return _Found(date(int(words[0][:4]), 1, 1), DECADE)
    return None


def _year(words: list[str]) -> _Found | None:
    if len(words) == 1 and YEAR_RE.match(words[0]):
        return _Found(date(int(words[0]), 1, 1), YEAR)
    return None


def _month(words: list[str], published: date | None, tense: str,
           year: int | None) -> _Found | None:
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
        return _Found(date(year, month, day), DAY) if day else _Found(date(year, month, 1), MONTH)
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


def _weekday(words: list[str], published: date | None, tense: str) -> _Found | None:
    """ "on Friday": the latest Friday up to publication, or the next one for a future event;
    "from Monday to Wednesday" a period of days."""
    if published is None:
        return None
    if len(words) == 3 and words[1] in RANGE_SEPARATORS and {words[0], words[2]} <= WEEKDAYS.keys():
        first = _weekday(words[:1], published, tense)
        length = timedelta(days=(WEEKDAYS[words[2]] - WEEKDAYS[words[0]]) % 7)
        return None if first is None else _Found(first.start, DAY, first.start + length)
    if len(words) > 2:
        return None
    target = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    back = (published.weekday() - target) % 7
    when = words[0] if words[0] in ("last", "next") else tense
    if when == "last":
        back = back or 7
    if when in ("next", FUTURE):
        return _Found(published + timedelta(days=(target - published.weekday()) % 7 or 7), DAY)
    return _Found(published - timedelta(days=back), DAY)


def _parsed(text: str, published: date | None, tense: str) -> _Found | None:
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
        return _Found(day - timedelta(days=day.weekday()), WEEK)
    if data.period == MONTH:
        return _Found(day.replace(day=1), MONTH)
    if data.period == YEAR:
        return _Found(date(day.year, 1, 1), YEAR)
    return _Found(day, DAY)


# ----- tense of the trigger ------------------------------------------------------------------

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "may", "might", "can", "should", "must", "'d"})
# Words whose to-infinitive is still to come: "agreed to meet", "plans to visit", "a plan to".
FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "vow", "agree", "pledge", "promise", "expect", "aim", "hope", "want",
     "seek", "prepare", "decide", "schedule", "set", "due", "propose", "offer", "threaten",
     "undertake", "resolve", "intention", "decision", "agreement", "proposal", "readiness"})
FUTURE_MODIFIERS = frozenset({"planned", "upcoming", "forthcoming", "scheduled", "proposed",
                              "expected", "coming", "next", "future", "prospective"})
PAST_MODIFIERS = frozenset({"last", "previous", "recent", "past", "former", "earlier"})
NOMINAL = frozenset({"NOUN", "PROPN"})


def tense_of(trigger: Token) -> str:
    """ "future", "past" or "" (unknown): from the trigger's auxiliaries and tag, the verbs
    that govern it ("will try to visit", "agreed to meet") or, for an event noun, its
    modifiers ("the planned visit") and the verb it is subject or object of."""
    if trigger.pos_ in NOMINAL:
        return _noun_tense(trigger)
    token = trigger
    for _ in range(4):
        own = _verb_tense(token)
        if own:
            return own
        head = token.head
        if head == token or token.dep_ not in ("xcomp", "acl", "conj"):
            return ""
        if token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return ""
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if infinitive and (head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ == "going"):
            return FUTURE
        if token.dep_ == "acl":
            return ""
        token = head
    return ""


def _verb_tense(token: Token) -> str:
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return FUTURE
    if words & MODAL_AUX:  # "said it would visit" looks ahead; "would have visited" back
        return PAST if "have" in words else FUTURE
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if token.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return PAST
    return ""


def _noun_tense(noun: Token) -> str:
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "advmod")}
    if modifiers & FUTURE_MODIFIERS:
        return FUTURE
    if modifiers & PAST_MODIFIERS:
        return PAST
    verb = _governing_verb(noun)
    return tense_of(verb) if verb is not None else ""


def _governing_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


# ----- finding the expressions of a sentence -------------------------------------------------

# Dependencies that open a clause of its own: a date inside one dates that clause.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis",
                         "pcomp"})


@dataclass(frozen=True, slots=True)
class _Expression:
    span: Span  # with its preposition: "in April 2016"
    anchor: Token  # the word it is attached to


def time_expressions(sent: Span) -> list[Span]:
    """The sentence's time expressions that date something (not "since 2010", durations,
    ages or counts), each with its preposition, in text order."""
    return [e.span for e in _expressions(sent)]


def _expressions(sent: Span) -> list[_Expression]:
    found: list[_Expression] = []
    for start, end in _merge_ranges(sent, sorted(_candidates(sent))):
        span = _with_preposition(sent, start, end)
        if _dates_something(span):
            found.append(_Expression(span, _anchor(span)))
    return found


def _candidates(sent: Span) -> Iterator[tuple[int, int]]:
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME") or (ent.label_ == "CARDINAL" and _after_preposition(
                sent, ent.start) and YEARISH_RE.match(ent.text)):  # "for 2017–2019"
            taken.update(range(ent.start, ent.end))
            yield ent.start, ent.end
    for token in sent:  # what the NER missed: "starting March", "in 2010" as a bare number
        if token.i in taken or token.ent_type_ not in ("", "DATE", "TIME"):
            continue
        if _is_month_name(token) or (YEAR_RE.match(token.text)
                                     and _after_preposition(sent, token.i)):
            start, end = _widen(sent, token, taken)
            taken.update(range(start, end))
            yield start, end


def _after_preposition(sent: Span, start: int) -> bool:
    return start > sent.start and sent.doc[start - 1].lower_ in TEMPORAL_PREPS


def _is_month_name(token: Token) -> bool:
    text = token.text.rstrip(".")
    return (token.pos_ == "PROPN" and text[:1].isupper() and text.lower() in MONTHS
            and token.tag_ != "MD")


def _widen(sent: Span, token: Token, taken: set[int]) -> tuple[int, int]:
    """A month token with the day number before it and the day or year after it."""
    start, end = token.i, token.i + 1
    if start > sent.start and start - 1 not in taken and sent.doc[start - 1].like_num:
        start -= 1
    while end < sent.end and end not in taken and sent.doc[end].like_num and end - token.i < 3:
        end += 1
    return start, end


def _merge_ranges(sent: Span, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "from 2017 to 2019", "between 2015 and 2020": one period, not two dates."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _joins_range(sent, merged[-1], start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _joins_range(sent: Span, previous: tuple[int, int], start: int, end: int) -> bool:
    doc = sent.doc
    if start != previous[1] + 1 or doc[previous[1]].lower_ not in RANGE_SEPARATORS:
        return False
    years = YEAR_RE.match(doc[slice(*previous)].text) and YEAR_RE.match(doc[start:end].text)
    return bool(years) and previous[0] > sent.start and doc[previous[0] - 1].lower_ in (
        "from", "between")


def _with_preposition(sent: Span, start: int, end: int) -> Span:
    return sent.doc[start - 1 if _after_preposition(sent, start) else start:end]


def _dates_something(span: Span) -> bool:
    if span[0].lower_ in NOT_DATING or AGE_RE.search(span.text):
        return False
    numbers = [t for t in span if t.like_num]
    if len(numbers) == len(span) == 1 and numbers[0].dep_ == "nummod" \
            and numbers[0].head.tag_ in ("NNS", "NNPS"):
        return False  # "2000 soldiers"
    return _resolve(span.text, RESOLVABLE_BASE, "", None) is not None


def _anchor(span: Span) -> Token:
    root = span.root
    return root if root.head == root else root.head


# ----- the date of one event -----------------------------------------------------------------


def date_of_event(sent: Span, trigger: Token, published: date | None) -> EventDate:
    """The date of the event `trigger` names: an expression attached to it (or to the event
    noun it governs or is governed by), else one in its own clause, else the sentence's only
    expression outside other clauses, else the publication date (precision "publication")."""
    expressions = _expressions(sent)
    for expression, teller in _belonging(expressions, trigger):
        tense = tense_of(teller)
        companion = _year_companion(expression, expressions, trigger)
        year = int(WORD_RE.findall(companion.span.text)[-1]) if companion else None
        found = _resolve(expression.span.text, published, tense, year)
        if found is not None:
            return _located(found, expression, companion)
    if published is None:
        return EventDate("", NONE, "")
    return EventDate(published.isoformat(), PUBLICATION, "")


def _located(found: _Found, expression: _Expression, companion: _Expression | None) -> EventDate:
    spans = sorted([expression.span] + ([companion.span] if companion else []),
                   key=lambda s: s.start_char)
    text = " … ".join(s.text for s in spans)  # "August … in 2016"
    return _event_date(found, text, spans[0].start_char, spans[-1].end_char)


def _belonging(expressions: list[_Expression],
               trigger: Token) -> list[tuple[_Expression, Token]]:
    """The expressions that may date the trigger, best first, each with the word whose tense
    resolves it: the trigger's own, or the verb of the main clause's only expression
    ("said on Thursday that Russia would send troops": Thursday is a past one)."""
    events = _event_tokens(trigger)
    attached = [e for e in expressions if e.anchor in events]
    inside = sorted((e for e in expressions if e not in attached and _inside(e, trigger)),
                    key=lambda e: _distance(e.anchor, trigger))
    if attached or inside:
        return [(e, trigger) for e in attached + inside]
    main = [e for e in expressions
            if not _premodifier(e) and _outside_other_clauses(e.anchor, trigger)]
    if len(main) != 1:
        return []
    verbal = main[0].anchor.pos_ in ("VERB", "AUX")
    return [(main[0], main[0].anchor if verbal else trigger)]


def _event_tokens(trigger: Token) -> list[Token]:
    """The trigger, the verb of an event noun ("the meeting was held") or the event noun
    subject of a verb ("the August meeting ended"), and verbs it is the complement of."""
    tokens = [trigger]
    if trigger.pos_ in NOMINAL:
        verb = _governing_verb(trigger)
        tokens += [verb] if verb is not None else []
    else:
        tokens += [c for c in trigger.children
                   if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    token = trigger
    while token.dep_ == "xcomp" and token.head != token:  # "plans to visit"
        token = token.head
        tokens.append(token)
    return tokens


def _path_up(token: Token, stop: Token | None = None) -> Iterator[Token]:
    """`token` and its heads up to (not including) `stop` or the root."""
    while token != stop:
        yield token
        if token.head == token:
            return
        token = token.head


def _opens_clause(token: Token) -> bool:
    return token.dep_ in CLAUSE_DEPS or (
        token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))


def _inside(expression: _Expression, trigger: Token) -> bool:
    """In the trigger's own clause below it, and not a modifier in front of another noun
    ("criticised the 2016 agreement" does not date the criticism)."""
    anchor = expression.anchor
    if not (anchor == trigger or trigger.is_ancestor(anchor)):
        return False
    if _premodifier(expression):
        return False
    return not any(_opens_clause(t) for t in _path_up(anchor, trigger))


def _premodifier(expression: _Expression) -> bool:
    return expression.anchor.pos_ in NOMINAL and expression.span.end <= expression.anchor.i


def _distance(token: Token, ancestor: Token) -> int:
    return sum(1 for _ in _path_up(token, ancestor))


def _outside_other_clauses(anchor: Token, trigger: Token) -> bool:
    return all(t == trigger or t.is_ancestor(trigger)
               for t in _path_up(anchor) if _opens_clause(t))


def _year_companion(expression: _Expression, expressions: list[_Expression],
                    trigger: Token) -> _Expression | None:
    """For a month without a year ("The August meeting of the two presidents in 2016"): a
    bare year attached to the same noun or verb, or to the event itself."""
    words = WORD_RE.findall(expression.span.text.lower())
    if not any(w in MONTHS for w in words) or any(YEAR_RE.match(w) for w in words):
        return None
    events = _event_tokens(trigger)
    for other in expressions:
        found = _resolve(other.span.text, None, "", None)
        if other is expression or found is None or found.precision != YEAR or found.end:
            continue
        if other.anchor in events or _linked(other.anchor, expression.anchor):
            return other
    return None


def _linked(a: Token, b: Token) -> bool:
    """One word governs the other without a clause between them."""
    for low, high in ((a, b), (b, a)):
        if low == high or high.is_ancestor(low):
            return not any(_opens_clause(t) for t in _path_up(low, high))
    return False


# ----- recaps --------------------------------------------------------------------------------


def is_recap(event_date: EventDate, published: date | None, *, years: float = 2.0) -> bool:
    """The event ended at least `years` before publication: a historical recap, not news.
    The last day the date covers counts ("in 2015" ends 2015-12-31)."""
    if published is None or not event_date.resolved:
        return False
    return (published - _last_day(event_date)).days >= years * 365.25


def _last_day(event_date: EventDate) -> date:
    if event_date.end:
        return date.fromisoformat(event_date.end)
    start = date.fromisoformat(event_date.date)
    if event_date.precision == WEEK:
        return start + timedelta(days=6)
    if event_date.precision == MONTH:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    spans = {YEAR: 1, DECADE: 10, CENTURY: 100}
    if event_date.precision in spans:
        return date(start.year + spans[event_date.precision] - 1, 12, 31)
    return start
