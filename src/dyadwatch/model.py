"""The data model: frozen records. The Article owns the only copy of the text; everything else
points into it with character offsets."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def content_id(text: str) -> str:
    """Stable id of a text: the same words give the same id, wherever they were read from."""
    normalized = " ".join(text.split())
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).hexdigest()


def stable_id(*parts: object) -> str:
    """Deterministic id from any parts (used for events and rejects, so re-runs add nothing)."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news item. `id` is a hash of the text; `external_id` is whatever id the input gave."""

    id: str
    text: str
    published: date | None = None
    title: str = ""
    url: str = ""
    source: str = ""
    origin: str = ""
    external_id: str = ""

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        return cls(id=content_id(text), text=text, **fields)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: CAMEO-style code = country (or IGO code) + optional sector."""

    country: str
    sector: str = ""

    @property
    def code(self) -> str:
        return f"{self.country}{self.sector}"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor found in the text: its span, the actor(s) it stands for, and the rule that found it.

    A compound phrase ("Azerbaijan and Russia", "the two countries") has several members."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]
    rule: str
    basis: str = ""  # what decided it: the table entry or the context, in words


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence. Field names are the public JSON Lines record."""

    event_id: str
    doc_id: str
    date: str
    source: str
    source_country: str
    source_sector: str
    source_text: str
    target: str
    target_country: str
    target_sector: str
    target_text: str
    code: str
    root_code: str
    name: str
    goldstein: float
    quad_class: int
    modality: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    rule: str
    confidence: float
    planned_code: str = ""
    trigger: str = ""
    plover: str = ""  # PLOVER event category of `code` ("" for CAMEO 01 statements)
    plover_mode: str = ""  # PLOVER mode of that category, where one applies
    role: str = ""  # the source's part in a three-party event: "mediator" between the targets
    # Context (schema 3). `date` is the day of publication; `event_date` the day the sentence
    # dates the event to (first day of its month/year for coarser precision), or "".
    event_date: str = ""
    date_precision: str = ""  # day, week, month, year, decade, century, or publication
    date_text: str = ""  # the time expression as written ("in April 2016")
    place: str = ""  # where it happened, canonical name ("Nagorno-Karabakh")
    place_country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    spheres: str = ""  # comma-separated spheres ("energy,economic")
    sphere_evidence: str = ""  # what decided each sphere ("energy:oil;economic:CAMEO 061")
    tone: float | None = None  # the sentence's tone, -100..+100

    @property
    def one_sided(self) -> bool:
        """One side has no country in the text (its country is "")."""
        return not (self.source_country and self.target_country)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Reject:
    """Something that could not be coded, and why. Stored and counted, never silently dropped."""

    origin: str
    stage: str
    code: str
    reason: str
    article_id: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(
                self, "id", stable_id(self.origin, self.stage, self.code, self.article_id)
            )

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement, treaty, memorandum, programme, plan or contract the article mentions."""

    agreement_id: str
    doc_id: str
    sentence_index: int
    parties: str  # comma-separated country codes, sorted
    kind: str  # agreement, treaty, memorandum, programme, plan, contract, deal, document, ...
    subject: str
    spheres: str
    count: float | None  # how many ("12 documents"), or how many signatories ("40 regions")
    count_unit: str
    count_qualifier: str  # "more than", "about", ...
    period_start: str  # years of validity ("2017", "2019"), or ""
    period_end: str
    status: str  # signed, planned, under negotiation, ratified, suspended, terminated, in force
    date: str
    date_precision: str
    date_text: str
    evidence: str
    char_start: int
    char_end: int
    event_id: str = ""  # the event that signed or planned it, when one was coded

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity in the text, linked to the event or agreement it counts."""

    amount_id: str
    doc_id: str
    sentence_index: int
    kind: str  # count, money, percent, people, measure
    value: float
    unit: str  # counted noun, ISO currency, "%", or measure unit
    qualifier: str
    text: str
    char_start: int
    char_end: int
    event_id: str = ""
    agreement_id: str = ""

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DyadTone:
    """The tone of the sentences of one article that name both countries of a pair."""

    doc_id: str
    country_a: str
    country_b: str
    tone: float
    sentences: int

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Article-level context: tone, spheres, and the countries it names (news volume)."""

    tone: float | None = None
    spheres: str = ""
    countries: str = ""
    dyad_tones: tuple[DyadTone, ...] = ()


EVENT_FIELDS: tuple[str, ...] = tuple(Event.__dataclass_fields__)
AGREEMENT_FIELDS: tuple[str, ...] = tuple(Agreement.__dataclass_fields__)
AMOUNT_FIELDS: tuple[str, ...] = tuple(Amount.__dataclass_fields__)
DYAD_TONE_FIELDS: tuple[str, ...] = tuple(DyadTone.__dataclass_fields__)
