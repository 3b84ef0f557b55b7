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


EVENT_FIELDS: tuple[str, ...] = tuple(Event.__dataclass_fields__)
