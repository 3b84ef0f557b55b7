"""Numbers as news writes them: digits ("90,000", "2.5", "5bn"), words ("twenty-five", "a
dozen"), scales ("billion", "mln"), vague plurals ("dozens", "tens of") and the qualifier
before them ("more than", "nearly"). A run of such tokens is read left to right into one
value; what the number measures is decided in coding.quantities.

Numbers inside DATE, TIME and ORDINAL entities are not read, unless the tagger took a count
for a year ("roughly 2000 troops"). Vague plurals are the least they imply: "dozens" 24,
"hundreds" 200, "thousands" 2,000. Qualifiers are normalised to five values; "nearly",
"almost" and "some" read as "about"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SMALL = {w: float(n) for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen"])}
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL.update({w: float(n) for w, n in zip(TENS, range(20, 100, 10), strict=True)})
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
          "trn": 1e12, "trln": 1e12}
# Scales that are also words or units: only scales right after digits in a money amount.
AMBIGUOUS_SCALES = frozenset({"k", "m", "b"})
# Vague plurals, read as the least they imply ("dozens" is at least two dozen).
VAGUE = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2e3,
         "millions": 2e6, "billions": 2e9, "tens": 20.0}
PLURAL_SCALES = {"hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)$")
# Entities whose numbers are years, clock times or ranks, never amounts.
NOT_QUANTITY_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})

# Qualifier phrases (lower-cased, as tokens) and the five values they are normalised to.
QUALIFIERS = {
    "more than": ("more than", "over", "above", "in excess of", "upwards of", "exceeding",
                  "greater than", "just over", "well over", "more then"),
    "about": ("about", "around", "approximately", "roughly", "some", "nearly", "almost",
              "close to", "an estimated", "estimated", "circa", "approx .", "about some"),
    "at least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "up to": ("up to", "as many as", "as much as", "at most", "no more than", "not more than",
              "a maximum of"),
    "less than": ("less than", "fewer than", "under", "below", "just under"),
}
QUALIFIER_OF = {tuple(p.split()): name for name, ps in QUALIFIERS.items() for p in ps}


@dataclass(frozen=True, slots=True)
class NumberRun:
    """The number words of one quantity and the value they spell."""

    start: int  # doc token indices of the number words, end exclusive
    end: int
    value: float
    vague: bool


def _digits(text: str) -> tuple[float, float] | None:
    """"90,000" -> (90000, 1); "5bn" -> (5, 1e9); "7th" and "2,5" -> None."""
    match = DIGITS.match(text.lower())
    if match is None or (match.group(3) and match.group(3) not in SCALES):
        return None
    number = float(match.group(1).replace(",", "") + (match.group(2) or ""))
    return number, SCALES.get(match.group(3), 1.0)


def _is_number_word(token: Token, money: bool, previous: Token | None) -> bool:
    word = token.lower_
    if _digits(token.text) is not None or word in SMALL or word in VAGUE:
        return True
    if word in ("hundred", "dozen"):
        return True
    if word in SCALES:
        return word not in AMBIGUOUS_SCALES or (
            money and previous is not None and _digits(previous.text) is not None)
    return False


def number_run_at(doc: Doc, i: int, stop: int, money: bool) -> NumberRun | None:
    """The number words starting at token i ("a dozen", "twenty-five", "$ 2.5 billion")."""
    j = i
    if doc[i].lower_ in ("a", "an") and i + 1 < stop and doc[i + 1].lower_ in (
            "dozen", "hundred", "thousand", "million", "billion", "trillion"):
        j += 1
    if not _is_number_word(doc[j], money, None):
        return None
    j += 1
    while j < stop:
        if _is_number_word(doc[j], money, doc[j - 1]) and doc[j].lower_ not in VAGUE:
            j += 1
        elif (doc[j].text == "-" and j + 1 < stop and doc[j - 1].lower_ in SMALL
              and doc[j + 1].lower_ in SMALL):
            j += 1  # "twenty-five" split in three tokens
        else:
            break
    if any(doc[k].ent_type_ in NOT_QUANTITY_ENTS for k in range(i, j)) and not _miscalled_date(
            doc[i:j]):
        return None
    value, vague = _value(doc[i:j])
    return NumberRun(i, j, value, vague)


def _miscalled_date(tokens: Span) -> bool:
    """"Roughly 2000 troops": a number the tagger took for a year, though it counts a plural
    noun that is not itself a time ("two years")."""
    number = tokens[-1]
    head = number.head
    return (all(t.ent_type_ == "DATE" for t in tokens) and number.dep_ == "nummod"
            and head.i == number.i + 1 and head.tag_ == "NNS" and head.ent_type_ != "DATE")


def _value(tokens: Span) -> tuple[float, bool]:
    total, current, vague = 0.0, 0.0, False
    for token in tokens:
        word = token.lower_
        digits = _digits(token.text)
        if digits is not None:
            current += digits[0]
            if digits[1] > 1:
                total, current = total + current * digits[1], 0.0
        elif word in ("a", "an"):
            current = 1.0
        elif word in SMALL:
            current += SMALL[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * (100.0 if word == "hundred" else 12.0)
        elif word in SCALES:
            total, current = total + (current or 1.0) * SCALES[word], 0.0
        elif word in VAGUE:
            current, vague = (current or 1.0) * VAGUE[word], True
    return total + current, vague


def qualifier_before(doc: Doc, i: int, start: int) -> tuple[int, str]:
    """The qualifier phrase ending right before token i: (its first index, normalised)."""
    for size in (3, 2, 1):
        if i - size < start:
            continue
        key = tuple(t.lower_ for t in doc[i - size:i])
        if key in QUALIFIER_OF:
            return i - size, QUALIFIER_OF[key]
    return i, ""
