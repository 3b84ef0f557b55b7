"""Table names that stand for no actor where they are written: the place of an opening
dateline, a country's name inside the name of a sea or gulf, and an international body's name
used for a national one ("the national security council")."""

from __future__ import annotations

from spacy.tokens import Doc

from dyadwatch.coding.lexicon import NameHit
from dyadwatch.coding.places import dateline_end


def kept_names(doc: Doc, names: dict[int, NameHit]) -> dict[int, NameHit]:
    """`names` (token index → hit) without the hits that name no actor."""
    kept = _outside_water_names(doc, _after_dateline(doc, names))
    return {i: hit for i, hit in kept.items() if not _national_body(doc, hit)}


def _after_dateline(doc: Doc, names: dict[int, NameHit]) -> dict[int, NameHit]:
    """"Geneva, Switzerland - UN-led talks ...": the place of an opening dateline says where
    the report was filed; it is no party to what the report tells."""
    end = dateline_end(doc.text)
    if not end:
        return names
    return {i: hit for i, hit in names.items() if doc[hit.start].idx >= end}


# Names of seas, gulfs and straits that carry a country's name: "the Sea of Japan", "the
# South China Sea", "the Persian Gulf" are waters, not the country.
WATER_NOUNS = frozenset({"sea", "gulf", "ocean", "strait", "straits", "bay", "channel"})


def _outside_water_names(doc: Doc, names: dict[int, NameHit]) -> dict[int, NameHit]:
    return {i: hit for i, hit in names.items() if not _names_water(doc, hit)}


def _names_water(doc: Doc, hit: NameHit) -> bool:
    after = doc[hit.end] if hit.end < len(doc) else None
    if after is not None and after.lower_ in WATER_NOUNS and after.text[:1].isupper():
        return True  # "South China Sea", "Persian Gulf"
    before = doc[max(0, hit.start - 2) : hit.start]
    return (len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in WATER_NOUNS
            and before[0].text[:1].isupper())  # "Sea of Japan"


# "a meeting of the national security council", "Russia's Security Council": a body of the
# same name as an international one, made national by the word before it.
NATIONAL_WORDS = frozenset({"national", "federal", "state"})


def _national_body(doc: Doc, hit: NameHit) -> bool:
    if not hit.entry.country.startswith("IGO") or hit.start == 0:
        return False
    before = doc[hit.start - 1]
    return before.lower_ in NATIONAL_WORDS or before.ent_type_ in ("NORP", "GPE") or (
        before.tag_ == "POS" and hit.start >= 2 and doc[hit.start - 2].ent_type_ == "GPE")
