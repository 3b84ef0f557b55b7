"""Names in PETRARCH/TABARI dictionaries ("VLADIMIR_PUTIN_") as the press writes them
("Vladimir Putin"): title case, with acronyms, initials and abbreviations kept as written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from dyadwatch.dictionaries.actors import read_igos, read_organisations
from dyadwatch.dictionaries.tables import data_path

# Lower-case inside a name ("Organization of American States", "Hans van den Broek").
FUNCTION_WORDS = frozenset({
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "della", "des", "du", "da",
    "la", "le", "van", "von", "der", "den", "bin", "ibn", "y", "et",
})
# Short vowel-less words that are abbreviations to title-case, not acronyms to keep.
ABBREVIATIONS = frozenset(
    {"MR", "MRS", "MS", "DR", "JR", "SR", "ST", "MT", "FT", "LT", "SGT", "CPL", "PVT"}
)
VOWELS = frozenset("AEIOUY")
DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
ABBREVIATED = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()]+)\)$")
PARENTHESISED = re.compile(r"\([A-Z0-9&]+\)")
ARTICLE = re.compile(r"(?<= )(?:Al|El)-(?=\w)")


def phrase_words(phrase: str) -> list[str]:
    return phrase.replace("_", " ").split()


def _initials(words: list[str]) -> set[str]:
    parts = [p for w in words for p in w.split("-") if p]
    content = [p for p in parts if p.lower() not in FUNCTION_WORDS]
    return {"".join(p[0] for p in parts).upper(), "".join(p[0] for p in content).upper()}


def find_acronyms(groups: Iterable[list[str]], known: frozenset[str] = frozenset()) -> set[str]:
    """All-caps words of 2-5 letters kept as written: vowel-less ones (ANSF), the initials of
    another phrase of the same entry (NATO; 3 letters or more), and those the project's
    tables write so (OSCE)."""
    found: set[str] = set()
    for phrases in groups:
        worded = [phrase_words(p) for p in phrases]
        for index, words in enumerate(worded):
            others = set().union(*(_initials(w) for i, w in enumerate(worded) if i != index))
            for word in words:
                if not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()):
                    continue
                vowelless = not VOWELS & set(word) and word not in ABBREVIATIONS
                initials = len(word) >= 3 and word in others  # two letters match by chance
                if vowelless or initials or word in known:
                    found.add(word)
    return found


def known_acronyms() -> frozenset[str]:
    """Short all-caps words in the project's IGO and organisation tables (UN, OSCE, SOCAR)."""
    terms = [e.term for e in read_igos(data_path("igos.tsv"))]
    terms += [e.term for e in read_organisations(data_path("organisations.tsv"))]
    words = {w for t in terms for w in t.split()}
    return frozenset(w for w in words if w.isalpha() and w.isupper() and 2 <= len(w) <= 5)


def _upper_first(text: str) -> str:
    """Lower case with the first letter upper ("`ISA" → "`Isa")."""
    return re.sub(r"[^\W\d_]", lambda m: m[0].upper(), text.lower(), count=1)


def _cap(part: str) -> str:
    """"O'BRIEN" → "O'Brien", "APO'S" → "Apo's"."""
    pieces = part.split("'")
    out = [_upper_first(pieces[0])]
    for before, piece in pairwise(pieces):
        out.append(_upper_first(piece) if len(before) == 1 else piece.lower())
    return "'".join(out)


def _word_case(word: str, position: int, acronyms: set[str]) -> str:
    if word != word.upper() or DOTTED.fullmatch(word) or PARENTHESISED.fullmatch(word):
        return word  # written in mixed case already, initials (U.N.), an abbreviation (GIA)
    if position > 0 and word.lower() in FUNCTION_WORDS:
        return word.lower()
    return re.sub(r"[^-/]+", lambda m: _part_case(m[0], acronyms), word)


def _part_case(part: str, acronyms: set[str]) -> str:
    """One part of a hyphenated or slashed word: an acronym as written, else capitalised."""
    return part if part in acronyms or DOTTED.fullmatch(part) else _cap(part)


def display_names(phrase: str, acronyms: set[str]) -> list[str]:
    """"VLADIMIR_PUTIN_" → ["Vladimir Putin"]; "ARMED_ISLAMIC_GROUP_(GIA)_" → the name and
    "GIA"; a leading "The" is dropped (the article is not part of the name in running text)."""
    words = phrase_words(phrase)
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    name = " ".join(_word_case(w, i, acronyms) for i, w in enumerate(words))
    match = ABBREVIATED.match(name)
    names = [match["name"], match["short"].strip()] if match else [name]
    # The press writes the Arabic article in lower case inside a name: "Nuri al-Maliki".
    names += [ARTICLE.sub(lambda m: m[0].lower(), n) for n in names if ARTICLE.search(n)]
    return [n for n in names if n]
