"""Legislatures and parties named without their country ("Congress", "Democratic lawmakers")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.dictionaries.actors import load_actor_tables


@pytest.fixture(scope="module")
def lexicon(nlp: Any) -> Lexicon:
    return Lexicon(nlp, load_actor_tables())


def code_of(nlp: Any, lexicon: Lexicon, text: str, word: str) -> list[str]:
    doc = nlp(text)
    actors = DocActors(doc, lexicon, date(2017, 3, 1))
    token = next(t for t in doc if t.text == word)
    mention = actors.resolve(token)
    return [a.code for a in mention.actors] if mention else []


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Trump met Putin. Congress criticized the meeting.", "Congress", ["USALEG"]),
    ("Trump met Putin. Democrats criticized the meeting.", "Democrats", ["USAPTY"]),
    ("Trump met Putin. Several Democratic lawmakers criticized the meeting.", "lawmakers",
     ["USALEG"]),
    ("Merkel met Putin. Several Democratic lawmakers criticized the meeting.", "lawmakers",
     []),  # party words are American usage, and the article names no US actor
    ("Duterte spoke to Xi. The Senate criticized the call.", "Senate", ["PHLLEG"]),
    ("Lavrov met Le Drian in Paris. Two senators criticized the talks.", "senators", []),
    ("Putin met Russian senators.", "senators", ["RUSLEG"]),
    ("Merkel met Putin. Congress criticized the meeting.", "Congress", []),  # no country with one
    ("Trump met Theresa May. The House criticized it.", "House", []),  # two such countries
    ("Merkel praised the Christian Democrats in Washington.", "Democrats", []),
])
def test_body_takes_the_one_country_that_has_it(nlp: Any, lexicon: Lexicon, text: str,
                                                word: str, expected: list[str]) -> None:
    assert code_of(nlp, lexicon, text, word) == expected
