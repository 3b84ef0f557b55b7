"""Quantities in a sentence, linked to what they count: "more than 90 agreements", "90,000
students", "$5 billion arms deal", "by 15 percent", "2.5 billion cubic metres of gas".

A quantity is a run of number tokens (read by coding.numbers), then what follows or precedes
it decides its kind: a percent sign, a currency, a measure unit, or else the noun it counts.
Years ("in 2016", "2017-2019") and bare numbers that count nothing ("Resolution 2231", "the
two signed") are not quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.numbers import (
    NOT_QUANTITY_ENTS,
    PLURAL_SCALES,
    SCALES,
    NumberRun,
    number_run_at,
    qualifier_before,
)

__all__ = ["Quantity", "find_quantities"]

COUNT, MONEY, PERCENT, PEOPLE, MEASURE = "count", "money", "percent", "people", "measure"
KINDS = (COUNT, MONEY, PERCENT, PEOPLE, MEASURE)

YEAR_RANGE = re.compile(r"^(1[89]\d\d|20\d\d)\s*[-–—/]\s*(1[89]\d\d|20\d\d|\d\d)$")

PERCENT_WORDS = frozenset({"percent", "%", "pct", "per cent", "percentage points",
                           "percentage point", "per cent."})
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                    "₼": "AZN", "₺": "TRY", "₹": "INR", "₾": "GEL", "a$": "AUD", "c$": "CAD",
                    "hk$": "HKD", "֏": "AMD", "₸": "KZT", "₴": "UAH"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB",
                  "manat": "AZN", "pound": "GBP", "sterling": "GBP", "yuan": "CNY",
                  "renminbi": "CNY", "yen": "JPY", "lira": "TRY", "lire": "TRY", "lari": "GEL",
                  "dram": "AMD", "tenge": "KZT", "rial": "IRR", "hryvnia": "UAH",
                  "rupee": "INR", "franc": "CHF", "riyal": "SAR", "dirham": "AED",
                  "shekel": "ILS", "zloty": "PLN", "som": "KGS"}
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD",
                    "australian": "AUD", "singapore": "SGD"}
# Measure units: tokens (lower-cased) -> (unit, multiplier the unit itself carries).
UNITS: dict[tuple[str, ...], tuple[str, float]] = {}
for _unit, _forms in {
    "cubic metre": ("cubic metres", "cubic meters", "cubic metre", "cubic meter", "cubic m",
                    "cu m"),
    "cubic foot": ("cubic feet", "cubic foot"), "sq km": ("square kilometres",
    "square kilometers", "square km", "sq km"), "sq mile": ("square miles",),
    "tonne": ("tonnes", "tonne", "tons", "ton", "metric tons", "metric tonnes", "t"),
    "barrel": ("barrels", "barrel", "bbl"), "barrel per day": ("barrels per day", "bpd"),
    "km": ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "mile": ("miles", "mile"), "metre": ("metres", "meters", "metre", "meter"),
    "hectare": ("hectares", "hectare", "ha"), "kg": ("kg", "kilograms", "kilogram", "kilos"),
    "litre": ("litres", "liters", "litre", "liter"), "MW": ("mw", "megawatts", "megawatt"),
    "GW": ("gw", "gigawatts", "gigawatt"), "kWh": ("kwh", "kilowatt-hours"),
    "TEU": ("teu", "teus"), "lb": ("lbs", "lb", "pounds", "pound"),
}.items():
    for _form in _forms:
        UNITS[tuple(_form.split())] = (_unit, 1.0)
UNITS.update({("bcm",): ("cubic metre", 1e9), ("tcm",): ("cubic metre", 1e12),
              ("mcm",): ("cubic metre", 1e6)})
LONGEST_UNIT = max(len(k) for k in UNITS)

PEOPLE_NOUNS = frozenset(
    ["person", "people", "student", "soldier", "refugee", "tourist", "worker", "migrant",
     "civilian", "troop", "citizen", "resident", "pilgrim", "prisoner", "detainee", "hostage",
     "victim", "casualty", "militant", "fighter", "serviceman", "servicemen", "officer",
     "policeman", "police", "diplomat", "official", "journalist", "peacekeeper", "volunteer",
     "child", "children", "woman", "women", "man", "men", "adult", "visitor", "passenger",
     "labourer", "laborer", "employee", "specialist", "expert", "doctor", "teacher", "delegate",
     "engineer", "farmer", "settler", "idp", "immigrant", "emigrant", "expatriate", "compatriot",
     "deputy", "lawmaker", "mp", "senator", "athlete", "artist", "scientist", "scholar", "cadet",
     "sailor", "marine", "conscript", "recruit", "mercenary", "insurgent", "rebel", "terrorist",
     "protester", "protestor", "demonstrator", "inhabitant", "pensioner", "guest", "participant",
     "spectator", "pupil", "graduate", "trainee",
     "serviceperson", "personnel", "staff", "minister", "ambassador", "representative",
     "entrepreneur", "businessman", "businessmen", "pilot", "president", "leader", "executive",
     "member", "crew", "monitor", "observer", "instructor", "adviser",
     "advisor", "seeker", "voter", "candidate", "patient"])
# Counted times are durations or frequencies, not quantities: "two months", "3 times".
TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century",
                        "time", "night", "weekend", "quarter"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number and what it measures; offsets and indices are into the whole Doc."""

    kind: str  # one of KINDS
    value: float  # 90000.0, 5e9, 15.0
    unit: str  # counted noun lemma, ISO currency, "%", or a measure unit
    qualifier: str  # "more than" | "about" | "at least" | "up to" | "less than" | ""
    text: str  # as written
    start: int
    end: int
    head: int  # token index of the counted noun, or of the word that governs the quantity


def _phrase_at(doc: Doc, i: int, stop: int, table: dict[tuple[str, ...], str] | dict[
        tuple[str, ...], tuple[str, float]], longest: int) -> tuple[int, tuple[str, ...]] | None:
    """The longest key of `table` spelled by the tokens from i: (end index, key)."""
    for size in range(min(longest, stop - i), 0, -1):
        key = tuple(t.lower_ for t in doc[i:i + size])
        if key in table:
            return i + size, key
    return None


@lru_cache(maxsize=256)
def _iso_currency(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and pycountry.currencies.get(alpha_3=code) is not None


def _currency_before(doc: Doc, i: int, start: int) -> tuple[int, str] | None:
    """A currency sign or ISO code right before token i: (its index, ISO code)."""
    if i <= start:
        return None
    token = doc[i - 1]
    if token.lower_ in CURRENCY_SYMBOLS:
        return i - 1, CURRENCY_SYMBOLS[token.lower_]
    if token.text.isupper() and _iso_currency(token.text):
        return i - 1, token.text
    return None


def _currency_after(doc: Doc, i: int, stop: int) -> tuple[int, str] | None:
    """A currency word or code from token i: "manats", "US dollars", "USD": (end, ISO code)."""
    if i >= stop:
        return None
    token = doc[i]
    if token.lower_ in DOLLAR_COUNTRIES and i + 1 < stop and doc[i + 1].lemma_.lower() in (
            "dollar", "dollars"):
        return i + 2, DOLLAR_COUNTRIES[token.lower_]
    lemma = token.lemma_.lower().rstrip("s") if token.lower_ != "lari" else "lari"
    if token.lower_ in CURRENCY_WORDS or lemma in CURRENCY_WORDS:
        if lemma == "pound" and i + 1 < stop and doc[i + 1].lower_ == "of":
            return None  # "500 pounds of explosives" is a weight
        end = i + 2 if i + 1 < stop and doc[i + 1].lower_ == "sterling" else i + 1
        return end, CURRENCY_WORDS.get(token.lower_, CURRENCY_WORDS.get(lemma, ""))
    if token.text.isupper() and _iso_currency(token.text):
        return i + 1, token.text
    return None


def _is_countable(token: Token) -> bool:
    if token.ent_type_ in NOT_QUANTITY_ENTS or token.ent_type_ in ("MONEY", "PERCENT"):
        return False
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and (
        token.tag_ == "NNPS" or token.ent_type_ == "NORP"))


def _noun_after(doc: Doc, i: int, stop: int) -> Token | None:
    """The head of the noun phrase right after token i ("40 Russian regions", "five oil
    tankers"): the last noun of a run of adjectives and nouns."""
    noun: Token | None = None
    for j in range(i, min(stop, i + 5)):
        token = doc[j]
        if token.ent_type_ in NOT_QUANTITY_ENTS or token.pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        if _is_countable(token):
            noun = token
        elif noun is not None:
            break
    return noun


def _of_noun(doc: Doc, i: int, stop: int) -> Token | None:
    """"dozens of soldiers", "2.5 billion cubic metres of gas": the noun after "of"."""
    if i < stop and doc[i].lower_ == "of":
        j = i + 1
        if j < stop and doc[j].pos_ == "DET":
            j += 1
        return _noun_after(doc, j, stop)
    return None


def _governor(doc: Doc, start: int, end: int) -> Token:
    """The word the tokens start..end hang from, through a preposition ("rose by 15 percent",
    "worth €300 million", "millions of dollars were lost")."""
    inside = range(start, end)
    root = next((doc[i] for i in inside if doc[i].head.i not in inside or doc[i].head.i == i),
                doc[end - 1])
    head = root.head
    if head.pos_ == "ADP" and head.head != head:
        head = head.head
    return head


def _is_year(doc: Doc, run: NumberRun, noun: Token | None) -> bool:
    """"in 2016", "2017-2019": a bare four-digit year that counts no plural noun."""
    if run.end - run.start != 1:
        return False
    text = doc[run.start].text
    if YEAR_RANGE.match(text):
        return True
    if not (len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100):
        return False
    dash = (run.end < len(doc) and doc[run.end].text in "-–—") or (
        run.start > 0 and doc[run.start - 1].text in "-–—")
    if dash or noun is None or noun.tag_ != "NNS":
        return True
    # Tagged a date, it counts only people or with a qualifier: "2012 elections" is a year,
    # "some 2000 troops" a count.
    return doc[run.start].ent_type_ == "DATE" and noun.lemma_.lower() not in PEOPLE_NOUNS and (
        not qualifier_before(doc, run.start, 0)[1])


@dataclass(frozen=True, slots=True)
class _Reading:
    kind: str
    unit: str
    end: int  # token index after the quantity's last word
    head: int
    scale: float = 1.0


def _percent(doc: Doc, run: NumberRun, k: int, stop: int) -> _Reading | None:
    found = _phrase_at(doc, k, stop, {tuple(w.split()): "%" for w in PERCENT_WORDS}, 2)
    if found is None:
        return None
    end = found[0]
    noun = _of_noun(doc, end, stop)
    return _Reading(PERCENT, "%", end, noun.i if noun else _governor(doc, run.start, end).i)


def _money(doc: Doc, run: NumberRun, k: int, stop: int,
           before: tuple[int, str] | None) -> _Reading | None:
    after = _currency_after(doc, k, stop)
    if after is None and before is None:
        return None
    end, code = after if after is not None else (k, before[1] if before else "")
    # "$5 billion arms deal": the amount is the deal's; else "$5 bn of aid"; else its governor.
    noun = _noun_after(doc, end, stop) or _of_noun(doc, end, stop)
    head = noun.i if noun else _governor(doc, before[0] if before else run.start, end).i
    return _Reading(MONEY, code, end, head)


def _measure(doc: Doc, run: NumberRun, k: int, stop: int) -> _Reading | None:
    found = _phrase_at(doc, k, stop, UNITS, LONGEST_UNIT)
    if found is None:
        return None
    end, key = found
    unit, scale = UNITS[key]
    noun = _of_noun(doc, end, stop)
    head = noun.i if noun else _governor(doc, run.start, end).i
    return _Reading(MEASURE, unit, end, head, scale)


def _count(doc: Doc, run: NumberRun, k: int, stop: int) -> _Reading | None:
    noun = _of_noun(doc, k, stop) if run.vague or doc[k - 1].lower_ in SCALES else None
    noun = noun or _noun_after(doc, k, stop)
    if noun is None or noun.lemma_.lower() in TIME_NOUNS or _is_year(doc, run, noun):
        return None
    lemma = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.text
    # Plural proper nouns counted are peoples: "2 million Azerbaijanis".
    people = (lemma in PEOPLE_NOUNS or noun.lower_ in PEOPLE_NOUNS
              or noun.ent_type_ == "NORP" or noun.tag_ == "NNPS")
    return _Reading(PEOPLE if people else COUNT, lemma, noun.i + 1, noun.i)


def _read(doc: Doc, run: NumberRun, sent: Span, before: tuple[int, str] | None) -> Quantity | None:
    stop, k, value = sent.end, run.end, run.value
    if run.vague and k + 1 < stop and doc[k].lower_ == "of" and doc[k + 1].lower_ in (
            PLURAL_SCALES):  # "tens of thousands of refugees"
        value, k = value * PLURAL_SCALES[doc[k + 1].lower_], k + 2
    # "millions of dollars", "hundreds of tonnes": the unit follows "of".
    unit_at = k + 1 if run.vague and k < stop and doc[k].lower_ == "of" else k
    reading = (_percent(doc, run, k, stop) or _money(doc, run, unit_at, stop, before)
               or _measure(doc, run, unit_at, stop) or _count(doc, run, k, stop))
    if reading is None:
        return None
    first, qualifier = qualifier_before(doc, before[0] if before else run.start, sent.start)
    if run.vague and not qualifier:
        qualifier = "at least"
    last = doc[reading.end - 1]
    start, end = doc[first].idx, last.idx + len(last.text)
    # The span's own text: spaCy rebuilds Doc.text from every token on each access.
    return Quantity(reading.kind, value * reading.scale, reading.unit, qualifier,
                    doc[first : reading.end].text, start, end, reading.head)


def find_quantities(sent: Span) -> list[Quantity]:
    """Every quantity of the sentence, left to right."""
    doc = sent.doc
    found: list[Quantity] = []
    i = sent.start
    while i < sent.end:
        before = _currency_before(doc, i, sent.start)
        run = number_run_at(doc, i, sent.end, before is not None)
        if run is None:
            i += 1
            continue
        quantity = _read(doc, run, sent, before)
        i = run.end
        if quantity is not None:
            found.append(quantity)
            while i < sent.end and doc[i].idx < quantity.end:
                i += 1
    return found
