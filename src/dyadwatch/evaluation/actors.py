"""How well the coder finds actors, measured on two kinds of gold.

Span gold (ConfliBERT's CAMEO NER files): one token and tag a line, `B-S`/`I-S` source span,
`B-T`/`I-T` target span, `B-R`/`I-R` an actor that is both (the parties of a symmetric event), `O`
outside, a blank line between sentences. It marks where the actors are, not their codes, so it
measures *coverage*: the share of gold spans that some coded mention overlaps with an actor that
has a country, and the share of coded mentions that overlap no gold span. The gold marks only
the source and target of the sentence's event, so the second share is an upper bound on the
coder's false actors: "Kiev" in "a car bomb in Kiev" is a real place, never a gold span.

Code gold (PETRARCH2's `validation.jsonl`): records with text, date and expected events whose
source and target are CAMEO/Phoenix actor codes. It measures *recall of codes* among all of a
sentence's mentions, at country level and at full-code (country + sector) level; see
`country_key` and `full_key` for how Phoenix's longer codes are read.

The scorers are pure: they take a `mentions_of(text, published)` callable, so tests pass a fake;
`code_texts` builds the real one from a spaCy pipeline with `nlp.pipe`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.errors import InputError
from dyadwatch.model import Actor, Mention

MentionsOf = Callable[[str, date | None], Sequence[Mention]]
# Character spans of words that may carry a country (table names, named entities) in a text.
WordsOf = Callable[[str, date | None], Sequence[tuple[int, int]]]

ROLES = ("S", "T", "R")
TAGS = frozenset({"O", *(f"{p}-{r}" for p in "BI" for r in ROLES)})

# -- detokenising ------------------------------------------------------------------------------
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "'",
                              "´", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "…"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "“", "‘", "`", "$", "€", "£"})
_APOSTROPHES = frozenset({"’", "'", "´"})


def join_tokens(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A readable sentence from gold tokens and each token's character span in it.

    Punctuation, possessives and brackets attach as in running text; a hyphen between two
    words closes up ("Damascus-based"), as the spaCy tokenizer expects."""
    glue = _glue_flags(tokens)
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for token, glued in zip(tokens, glue, strict=True):
        if parts and not glued:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
    return "".join(parts), tuple(offsets)


def _glue_flags(tokens: Sequence[str]) -> list[bool]:
    """For each token, whether it is written without a space before it."""
    flags = [False] * len(tokens)
    for i in range(1, len(tokens)):
        previous, token = tokens[i - 1], tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        before = tokens[i - 2] if i >= 2 else ""
        flags[i] = (
            previous in _NO_SPACE_AFTER
            or (previous in _APOSTROPHES and token.lower() == "s")
            or (token == "-" and _is_word(previous) and _is_word(following))
            or (previous == "-" and _is_word(before) and _is_word(token))
            or _in_number(previous, token, following)
            or _in_number(before, previous, token)
            or token in _NO_SPACE_BEFORE
        )
    return flags


def _is_word(token: str) -> bool:
    """A word or an abbreviation ("U.N.")."""
    return token[:1].isalnum() and (token[-1:].isalnum() or token[-2:-1].isalpha())


def _in_number(left: str, mark: str, right: str) -> bool:
    """A separator inside a number as the gold splits it: "20 , 000", "06 : 00", "64 . 5"."""
    if not (left.isdigit() and right.isdigit()):
        return False
    return (mark == "," and len(right) == 3) or (mark == ":" and len(right) == 2) or mark == "."


# -- span gold ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold actor span: role S (source), T (target) or R (both), character offsets, text."""

    role: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SpanSentence:
    """One gold sentence re-joined from its tokens; `line` is the line of its first token."""

    number: int
    line: int
    text: str
    spans: tuple[GoldSpan, ...]


def read_span_sentences(path: Path) -> list[SpanSentence]:
    """Read a CoNLL-like span gold file (`TOKEN TAG` lines, blank line between sentences)."""
    with path.open(encoding="utf-8") as handle:
        return parse_span_sentences(handle, source=path.name)


def parse_span_sentences(lines: Iterable[str], *, source: str = "<lines>") -> list[SpanSentence]:
    """Sentences from `TOKEN TAG` lines. An `I-` tag that does not continue a span of its role
    starts one (the CoNLL evaluation rule; the ConfliBERT train file has three such tags)."""
    sentences: list[SpanSentence] = []
    rows: list[tuple[str, str]] = []
    first = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if rows:
                sentences.append(_sentence(len(sentences) + 1, first, rows))
                rows = []
            continue
        token, _, tag = line.rpartition(" ")
        if not token or tag not in TAGS:
            tags = ", ".join(sorted(TAGS))
            raise InputError(f"{source}:{number}: expected 'TOKEN TAG' with TAG one of {tags},"
                             f" got {line!r}", "check the file is a CoNLL span gold file",
                             code="gold")
        if not rows:
            first = number
        rows.append((token, tag))
    if rows:
        sentences.append(_sentence(len(sentences) + 1, first, rows))
    return sentences


def _sentence(number: int, line: int, rows: list[tuple[str, str]]) -> SpanSentence:
    text, offsets = join_tokens([token for token, _ in rows])
    spans: list[GoldSpan] = []
    open_role, start = "", 0
    for i, (_, tag) in enumerate([*rows, ("", "O")]):
        prefix, _, role = tag.partition("-")
        if open_role and (prefix != "I" or role != open_role):
            begin, end = offsets[start][0], offsets[i - 1][1]
            spans.append(GoldSpan(open_role, begin, end, text[begin:end]))
            open_role = ""
        if prefix == "B" or (prefix == "I" and not open_role):
            open_role, start = role, i
    return SpanSentence(number, line, text, tuple(spans))


# -- code gold ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ExpectedRecord:
    """A code gold record: its text, date (None when not YYYYMMDD) and the distinct source and
    target codes of its expected events, in order of first appearance (empty: no events)."""

    id: str
    text: str
    published: date | None
    codes: tuple[str, ...]


def read_expected_records(path: Path, *, set_name: str = "petr2_gsr") -> list[ExpectedRecord]:
    """Read the records of one set of a PETRARCH validation JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return parse_expected_records(handle, set_name=set_name, source=path.name)


def parse_expected_records(
    lines: Iterable[str], *, set_name: str = "petr2_gsr", source: str = "<lines>"
) -> list[ExpectedRecord]:
    records: list[ExpectedRecord] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row.get("set") != set_name:
                continue
            codes = [str(e[side]).strip().upper()
                     for e in row["expected"] for side in ("source", "target")]
            records.append(ExpectedRecord(str(row["id"]), str(row["text"]),
                                          _yyyymmdd(str(row.get("date", ""))),
                                          tuple(dict.fromkeys(c for c in codes if c))))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InputError(f"{source}:{number}: expected a record with id, text, date and"
                             f" expected [{{source, target, code}}], got an error: {error}",
                             "check the file is PETRARCH validation JSONL", code="gold") from None
    return records


def _yyyymmdd(value: str) -> date | None:
    """20150609 → date(2015, 6, 9); anything else (one petr2_gsr record has '121108') → None."""
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


# -- reading actor codes -----------------------------------------------------------------------
# Prefixes of codes that are no country: the organisation follows in 3-letter segments.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"})
# Role and sector segments (CAMEO primary, secondary and tertiary roles plus dyadwatch sectors).
SECTORS = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "UAF", "INS", "SEP", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "REL",
    "NGO", "MOD", "RAD",
})
NO_COUNTRY = "---"


def _segments(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def country_key(code: str) -> str | None:
    """The country-level part of an expected code; None when it names no country ('---GOV').

    A state code keeps its first three letters ("RUSGOV" → "RUS", "PSEGZACVL" → "PSE"). An
    international code keeps its prefix and its non-role segments ("IGOUNOMIL" → "IGOUNO",
    "IGOCOPITP" → "IGOITP", "IGOEUREEC" stays)."""
    if not code or code.startswith(NO_COUNTRY):
        return None
    head, *rest = _segments(code)
    if head not in INTERNATIONAL:
        return head
    return head + "".join(s for s in rest if s not in SECTORS)


def sector_key(code: str) -> str:
    """The first role/sector segment after the country part ("IRQGOVMIL" → "GOV",
    "PSEGZACVL" → "CVL", "EGYOPPMUS" → "OPP"); "" when none ("BRAPPL", "IRQMUS", "PSEGZA":
    Phoenix agents for people, religion and places are no sector)."""
    return next((s for s in _segments(code)[1:] if s in SECTORS), "")


def full_key(code: str) -> str | None:
    """Country part + first sector: what dyadwatch's country + one sector can express."""
    country = country_key(code)
    return None if country is None else country + sector_key(code)


def country_matches(expected: str, actor: Actor) -> bool:
    """A produced actor has the expected code's country. International codes match when the
    prefixes agree and every 3-letter segment of the produced organisation appears in the
    expected code: IGOEEC finds IGOEUREEC, IGOUNO finds IGOUNOMIL, and dyadwatch's bare IMG
    (the Islamic State) finds IMGMUSISI."""
    key = country_key(expected)
    if key is None:
        return actor.country == ""  # '---': the text names no country, nor did the coder
    if not actor.country:
        return False
    head, *rest = _segments(actor.country)
    if key[:3] not in INTERNATIONAL or head != key[:3]:
        return actor.country == key
    return set(rest) <= set(_segments(expected)[1:])


def code_matches(expected: str, actor: Actor) -> bool:
    """Country matches and the produced sector is the expected code's first sector ("" = none)."""
    return country_matches(expected, actor) and actor.sector == sector_key(expected)


# -- scoring -----------------------------------------------------------------------------------
def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True, slots=True)
class RoleCount:
    role: str
    spans: int
    covered: int

    @property
    def share(self) -> float:
        return share(self.covered, self.spans)


@dataclass(frozen=True, slots=True)
class SpanMiss:
    """A gold span no mention with a country overlaps; `nearby` are the sentence's mentions,
    `words` the word checks that found a word in the span."""

    sentence: SpanSentence
    span: GoldSpan
    words: tuple[str, ...]
    nearby: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class SpanCoverage:
    sentences: int
    spans: int
    covered: int
    mentions: int
    unmatched: int  # mentions that overlap no gold span
    roles: tuple[RoleCount, ...]
    lacking: tuple[tuple[str, int], ...]  # per word check: gold spans with no such word
    misses: tuple[SpanMiss, ...]
    extras: tuple[tuple[SpanSentence, Mention], ...]

    @property
    def coverage(self) -> float:
        return share(self.covered, self.spans)

    @property
    def unmatched_share(self) -> float:
        return share(self.unmatched, self.mentions)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_spans(
    sentences: Iterable[SpanSentence], mentions_of: MentionsOf,
    word_checks: Mapping[str, WordsOf] | None = None,
) -> SpanCoverage:
    """Coverage of gold spans by mentions with a country, and mentions outside every span.

    `word_checks` name callables giving the character spans of words that could carry a
    country (table names, named entities); the result counts gold spans without any."""
    checks = dict(word_checks or {})
    counts = {role: [0, 0] for role in ROLES}
    lacking = dict.fromkeys(checks, 0)
    misses: list[SpanMiss] = []
    extras: list[tuple[SpanSentence, Mention]] = []
    total_sentences = total_mentions = 0
    for sentence in sentences:
        total_sentences += 1
        mentions = tuple(mentions_of(sentence.text, None))
        words = {name: list(check(sentence.text, None)) for name, check in checks.items()}
        total_mentions += len(mentions)
        for span in sentence.spans:
            over = [m for m in mentions if _overlaps(m.start, m.end, span.start, span.end)]
            covered = any(a.country for m in over for a in m.actors)
            found = tuple(name for name, spans in words.items()
                          if any(_overlaps(s, e, span.start, span.end) for s, e in spans))
            for name in checks:
                lacking[name] += name not in found
            counts[span.role][0] += 1
            counts[span.role][1] += covered
            if not covered:
                misses.append(SpanMiss(sentence, span, found, mentions))
        extras += [(sentence, m) for m in mentions if not any(
            _overlaps(m.start, m.end, s.start, s.end) for s in sentence.spans)]
    roles = tuple(RoleCount(role, *counts[role]) for role in ROLES)
    return SpanCoverage(
        total_sentences, sum(r.spans for r in roles), sum(r.covered for r in roles),
        total_mentions, len(extras), roles, tuple(lacking.items()), tuple(misses), tuple(extras))


@dataclass(frozen=True, slots=True)
class LevelCount:
    level: str  # "country" or "code"
    expected: int
    found: int

    @property
    def share(self) -> float:
        return share(self.found, self.expected)


@dataclass(frozen=True, slots=True)
class CodeMiss:
    record: ExpectedRecord
    level: str
    expected: str  # the expected code as written
    produced: tuple[str, ...]  # every actor code of the sentence's mentions


@dataclass(frozen=True, slots=True)
class CodeRecall:
    records: int  # records scored (with at least one expected event)
    skipped: int  # records without expected events
    no_country: tuple[str, ...]  # expected codes naming no country ('---', '---GOV'), per record
    country: LevelCount
    code: LevelCount
    mentions: int
    misses: tuple[CodeMiss, ...]


_LEVELS: dict[str, tuple[Callable[[str], str | None], Callable[[str, Actor], bool]]] = {
    "country": (country_key, country_matches),
    "code": (full_key, code_matches),
}


def score_codes(records: Iterable[ExpectedRecord], mentions_of: MentionsOf) -> CodeRecall:
    """Share of expected codes found among each record's mentions, counted once per record
    and level: "PSECVL" and "PSEGZACVL" in one record are one PSE at country level."""
    found = {level: [0, 0] for level in _LEVELS}
    misses: list[CodeMiss] = []
    no_country: list[str] = []
    scored = skipped = total_mentions = 0
    for record in records:
        if not record.codes:
            skipped += 1
            continue
        scored += 1
        mentions = list(mentions_of(record.text, record.published))
        total_mentions += len(mentions)
        actors = [a for m in mentions for a in m.actors]
        produced = tuple(dict.fromkeys(a.code for a in actors))
        no_country += [c for c in record.codes if country_key(c) is None]
        for level, (key, matches) in _LEVELS.items():
            wanted = {key(c): c for c in reversed(record.codes) if key(c) is not None}
            for code in sorted(wanted.values(), key=record.codes.index):
                hit = any(matches(code, a) for a in actors)
                found[level][0] += 1
                found[level][1] += hit
                if not hit:
                    misses.append(CodeMiss(record, level, code, produced))
    return CodeRecall(scored, skipped, tuple(no_country), LevelCount("country", *found["country"]),
                      LevelCount("code", *found["code"]), total_mentions, tuple(misses))


# -- the real coder ----------------------------------------------------------------------------
# Entity labels that may stand for or carry a country.
ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Coded:
    """One coded text: its mentions, and the character spans of its table names and of its
    named entities (labels in ACTOR_ENTITIES)."""

    mentions: tuple[Mention, ...]
    names: Spans
    entities: Spans


@dataclass(frozen=True, slots=True)
class CodedTexts:
    """Texts coded in advance; the methods are lookups for the scorers (KeyError for a text
    that was not coded)."""

    coded: Mapping[tuple[str, date | None], Coded]

    def mentions_of(self, text: str, published: date | None) -> Sequence[Mention]:
        return self.coded[(text, published)].mentions

    def names_of(self, text: str, published: date | None) -> Spans:
        return self.coded[(text, published)].names

    def entities_of(self, text: str, published: date | None) -> Spans:
        return self.coded[(text, published)].entities


def code_texts(
    nlp: Language, lexicon: Lexicon, items: Iterable[tuple[str, date | None]], *,
    batch_size: int = 64,
) -> CodedTexts:
    """Parse each distinct (text, date) once with `nlp.pipe` and keep what the scorers need."""
    keys = list(dict.fromkeys(items))
    coded = {}
    docs = nlp.pipe([text for text, _ in keys], batch_size=batch_size)
    for (text, published), doc in zip(keys, docs, strict=True):
        actors = DocActors(doc, lexicon, published)
        names = {doc[h.start : h.end] for h in actors.names.values()}
        coded[(text, published)] = Coded(
            tuple(actors.mentions()),
            tuple(sorted((n.start_char, n.end_char) for n in names)),
            tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ in ACTOR_ENTITIES))
    return CodedTexts(coded)
