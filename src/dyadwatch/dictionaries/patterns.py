"""Event patterns: a trigger lemma in a syntactic frame → a CAMEO code.

A pattern names where the target actor is looked for (`target` slots, in order), optional
constraints (the direct object's lemma, or `@person` for a person's name; a verb particle),
whether a compound subject ("X and Y signed") means each acted on the other (`symmetric`) and
whether the roles are turned round (`reverse`: "X received weapons from Y" — Y gave, so Y is
the source)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadwatch.dictionaries.codebook import Codebook, load_codebook
from dyadwatch.dictionaries.tables import data_path, field_error, read_jsonl

POS_VALUES = ("VERB", "ADJ", "NOUN")
PLAIN_SLOTS = ("dobj", "dative", "xcomp", "ccomp", "any")
PREP_SLOT = re.compile(r"^prep:[a-z]+$")
KNOWN_KEYS = {
    "id", "trigger", "pos", "code", "target", "object", "particle",
    "symmetric", "negated_code", "weight", "note", "reverse", "subject", "refine",
}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    trigger: str
    code: str
    pos: str = "VERB"
    target: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    particle: str = ""
    symmetric: bool = False
    negated_code: str = ""
    weight: float = 0.8
    note: str = ""
    reverse: bool = False  # the slot's actor acts on the subject ("received aid from Y")
    subjects: frozenset[str] = frozenset()  # lemmas the subject must have ("relations develop")
    # A modifier of the object or subject that makes the act more specific: "military aid" →
    # 072, "military-technical cooperation is developing" → 062. First listed match wins.
    refine: tuple[tuple[str, str], ...] = ()

    @property
    def specificity(self) -> int:
        """Constrained patterns are tried before plain ones for the same trigger."""
        return (2 if self.objects or self.subjects else 0) + (1 if self.particle else 0)


class PatternIndex:
    """Patterns grouped by (pos, trigger), most specific first."""

    def __init__(self, patterns: list[Pattern]) -> None:
        grouped: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            grouped[(pattern.pos, pattern.trigger)].append(pattern)
        self._by_key = {
            key: tuple(sorted(group, key=lambda p: (-p.specificity, -p.weight)))
            for key, group in grouped.items()
        }
        self._by_id = {p.id: p for p in patterns}

    def __len__(self) -> int:
        return len(self._by_id)

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self._by_key.get((pos, lemma), ())

    def get(self, pattern_id: str) -> Pattern | None:
        return self._by_id.get(pattern_id)

    def all(self) -> list[Pattern]:
        return list(self._by_id.values())


def _string(path: Path, number: int, obj: dict[str, Any], key: str, default: str = "") -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        raise field_error(path, number, key, f"must be a string, got {type(value).__name__}")
    return value.strip()


def _string_list(path: Path, number: int, obj: dict[str, Any], key: str) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise field_error(path, number, key, "must be a list of strings")
    return tuple(v.strip().lower() for v in value)


def _check_slots(path: Path, number: int, slots: tuple[str, ...]) -> None:
    for slot in slots:
        if slot not in PLAIN_SLOTS and not PREP_SLOT.match(slot):
            raise field_error(
                path, number, "target",
                f"has unknown slot {slot!r} (use {', '.join(PLAIN_SLOTS)} or prep:WORD)",
            )


def _check_code(path: Path, number: int, key: str, code: str, codebook: Codebook) -> None:
    if code not in codebook:
        raise field_error(path, number, key, f"is not a CAMEO code in the codebook: {code!r}")


def _flag(path: Path, number: int, obj: dict[str, Any], key: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise field_error(path, number, key, f"must be true or false, got {value!r}")
    return value


def _refinements(path: Path, number: int, obj: dict[str, Any],
                 codebook: Codebook) -> tuple[tuple[str, str], ...]:
    value = obj.get("refine", {})
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise field_error(path, number, "refine", "must map modifier words to CAMEO codes")
    for code in value.values():
        _check_code(path, number, "refine", code, codebook)
    return tuple((word.strip().lower(), code) for word, code in value.items())


def parse_pattern(path: Path, number: int, obj: dict[str, Any], codebook: Codebook) -> Pattern:
    unknown = set(obj) - KNOWN_KEYS
    if unknown:
        raise field_error(path, number, sorted(unknown)[0], "is not a known key")
    pattern_id, trigger = _string(path, number, obj, "id"), _string(path, number, obj, "trigger")
    if not pattern_id or not trigger:
        raise field_error(path, number, "id" if not pattern_id else "trigger", "is empty")
    pos = _string(path, number, obj, "pos", "VERB").upper()
    if pos not in POS_VALUES:
        raise field_error(path, number, "pos", f"must be one of {', '.join(POS_VALUES)}")
    code = _string(path, number, obj, "code")
    _check_code(path, number, "code", code, codebook)
    negated = _string(path, number, obj, "negated_code")
    if negated:
        _check_code(path, number, "negated_code", negated, codebook)
    slots = _string_list(path, number, obj, "target")
    _check_slots(path, number, slots)
    weight = obj.get("weight", 0.8)
    if not isinstance(weight, int | float) or not 0.0 < float(weight) <= 1.0:
        raise field_error(path, number, "weight", "must be a number in (0, 1]")
    refine = _refinements(path, number, obj, codebook)
    return Pattern(
        refine=refine,
        id=pattern_id, trigger=trigger.lower(), code=code, pos=pos, target=slots,
        objects=frozenset(_string_list(path, number, obj, "object")),
        particle=_string(path, number, obj, "particle").lower(),
        symmetric=_flag(path, number, obj, "symmetric"), negated_code=negated,
        reverse=_flag(path, number, obj, "reverse"),
        subjects=frozenset(_string_list(path, number, obj, "subject")),
        weight=float(weight), note=_string(path, number, obj, "note"),
    )


def read_patterns(path: Path, codebook: Codebook | None = None) -> PatternIndex:
    book = codebook or load_codebook()
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for number, obj in read_jsonl(path):
        pattern = parse_pattern(path, number, obj, book)
        if pattern.id in seen:
            raise field_error(path, number, "id", f"repeats {pattern.id!r}")
        seen.add(pattern.id)
        patterns.append(pattern)
    return PatternIndex(patterns)


@lru_cache(maxsize=1)
def load_patterns() -> PatternIndex:
    """The bundled pattern table (read once per process)."""
    return read_patterns(data_path("patterns.jsonl"))
