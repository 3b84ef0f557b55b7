"""Event dates: the time expression that belongs to an event, resolved against the article's
publication date ("last August" in a 2017-01-13 article is 2016-08, precision month).

spaCy's DATE entities (plus small patterns for what the NER misses: bare months, years it
calls CARDINAL, "from 2017 to 2019") find the expressions; the parse decides which one
belongs to the trigger, and its tense picks the year of "in March". Resolving the words
themselves is coding.timeexpr's. Without an expression the event takes the publication date
and says so (precision "publication")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from dyadwatch.coding.timeexpr import (
    AGE_RE,
    CENTURY,
    DATE_WORDS,
    DAY,
    DAY_PARTS,
    DECADE,
    DEICTIC,
    FILLERS,
    FUTURE,
    MONTH,
    MONTHS,
    NONE,
    NOT_DATING,
    NUMBER_WORDS,
    NUMERIC_DATE_RE,
    ORDINAL_WORDS,
    ORDINALS,
    PAST,
    PUBLICATION,
    RANGE_SEPARATORS,
    RELATIVE,
    RESOLVABLE_BASE,
    TEMPORAL_PREPS,
    UNITS,
    WEEK,
    WEEKDAYS,
    WORD_RE,
    YEAR,
    YEAR_RE,
    YEARISH_RE,
    EventDate,
    Found,
    resolve,
    resolve_expression,
    to_event_date,
)

# The resolution tables and `resolve_expression` moved to coding.timeexpr; they stay
# importable from here, where callers have always found them.
__all__ = [
    "AGE_RE", "CENTURY", "CLAUSE_DEPS", "DATE_WORDS", "DAY", "DAY_PARTS", "DECADE", "DEICTIC",
    "FILLERS", "FUTURE", "FUTURE_AUX", "FUTURE_GOVERNORS", "FUTURE_MODIFIERS", "MODAL_AUX",
    "MONTH", "MONTHS", "NOMINAL", "NONE", "NOT_DATING", "NUMBER_WORDS", "NUMERIC_DATE_RE",
    "ORDINALS", "ORDINAL_WORDS", "PAST", "PAST_MODIFIERS", "PUBLICATION", "RANGE_SEPARATORS",
    "RELATIVE", "RESOLVABLE_BASE", "TEMPORAL_PREPS", "UNITS", "WEEK", "WEEKDAYS", "WORD_RE",
    "YEAR", "YEARISH_RE", "YEAR_RE", "EventDate", "date_of_event", "is_recap",
    "resolve_expression", "tense_of", "time_expressions",
]


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
    return resolve(span.text, RESOLVABLE_BASE, "", None) is not None


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
        # What is scheduled or planned for a day lies ahead of the report, unless the
        # sentence says otherwise ("talks scheduled for Tuesday").
        tense = FUTURE if _scheduled(expression, trigger) else tense_of(teller)
        companion = _year_companion(expression, expressions, trigger)
        year = int(WORD_RE.findall(companion.span.text)[-1]) if companion else None
        found = resolve(expression.span.text, published, tense, year)
        if found is not None:
            return _located(found, expression, companion)
    if published is None:
        return EventDate("", NONE, "")
    return EventDate(published.isoformat(), PUBLICATION, "")


def _located(found: Found, expression: _Expression, companion: _Expression | None) -> EventDate:
    spans = sorted([expression.span] + ([companion.span] if companion else []),
                   key=lambda s: s.start_char)
    text = " … ".join(s.text for s in spans)  # "August … in 2016"
    return to_event_date(found, text, spans[0].start_char, spans[-1].end_char)


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


SCHEDULING_VERBS = frozenset({"schedule", "plan", "set", "slate", "due", "expect", "timetable",
                              "hold"})
# Verbs that say a scheduled event did take place ("talks scheduled for Monday took place").
HELD_VERBS = frozenset({"take", "hold", "end", "begin", "open", "close", "conclude", "start"})


def _scheduled(expression: _Expression, trigger: Token) -> bool:
    """Dated by a scheduling participle, and not said to have taken place since."""
    anchor = expression.anchor
    if not (anchor.dep_ == "acl" and anchor.head == trigger
            and anchor.lemma_.lower() in SCHEDULING_VERBS):
        return False
    verb = _governing_verb(trigger)
    held = verb is not None and verb.lemma_.lower() in HELD_VERBS and tense_of(verb) == PAST
    return not held


def _event_tokens(trigger: Token) -> list[Token]:
    """The trigger, the verb of an event noun ("the meeting was held") or the event noun
    subject of a verb ("the August meeting ended"), and verbs it is the complement of."""
    tokens = [trigger]
    if trigger.pos_ in NOMINAL:
        verb = _governing_verb(trigger)
        tokens += [verb] if verb is not None else []
        # "talks scheduled for Tuesday", "a visit planned for March": the participle dates it.
        tokens += [c for c in trigger.children if c.dep_ == "acl"
                   and c.lemma_.lower() in SCHEDULING_VERBS]
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
        found = resolve(other.span.text, None, "", None)
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
