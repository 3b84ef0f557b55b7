"""National bodies named without their country: "Congress", "the Senate", "Democrats".

Reporters drop the country of a legislature or party when the story is about that country
("Congress passed the bill", "Democrats demanded Sessions resign", "Democratic lawmakers").
Such a word belongs to the one country, among those the article names, that has a body of
that name; when the article names none or several such countries the word stays uncoded.
Party words are American usage: "Democrats" and "Republicans" with no modifier, and the
adjectives "Democratic"/"Republican" on a legislator or party noun."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dyadwatch.model import Actor

LEGISLATURE = "LEG"
PARTY = "PTY"

_CONGRESS = frozenset({"USA", "PHL", "BRA", "ARG", "MEX", "COL", "PER", "CHL", "GTM", "HND",
                       "SLV", "PRY", "BOL", "ECU", "DOM", "ESP"})
_SENATE = frozenset({"USA", "FRA", "ITA", "AUS", "CAN", "POL", "PHL", "MEX", "BRA", "ARG",
                     "CHL", "COL", "CZE", "ROU", "NLD", "BEL", "ESP", "IRL", "PAK", "NGA",
                     "KEN", "URY", "PRY", "BOL", "DOM", "KAZ", "JOR", "THA"})
# Russian reporting calls members of the Federation Council "senators".
_SENATORS = _SENATE | {"RUS"}
_HOUSE = frozenset({"USA", "GBR", "AUS", "NZL", "CAN", "PHL", "NGA", "JPN"})
_PARTIES = frozenset({"USA"})

# Capitalised words that name a country's legislature or party, with the countries that have
# one by that name, and common nouns for their members.
BODY_WORDS: dict[str, tuple[str, frozenset[str]]] = {
    "Congress": (LEGISLATURE, _CONGRESS),
    "Senate": (LEGISLATURE, _SENATE),
    "House": (LEGISLATURE, _HOUSE),
    "Democrats": (PARTY, _PARTIES),
    "Republicans": (PARTY, _PARTIES),
    "GOP": (PARTY, _PARTIES),
}
MEMBER_WORDS: dict[str, tuple[str, frozenset[str]]] = {
    "senator": (LEGISLATURE, _SENATORS),
    "congressman": (LEGISLATURE, _CONGRESS),
    "congresswoman": (LEGISLATURE, _CONGRESS),
    "congressmen": (LEGISLATURE, _CONGRESS),
}
# "Democratic lawmakers", "a Republican senator", "the Republican Party".
PARTY_ADJECTIVES = frozenset({"Democratic", "Republican"})
PARTY_MEMBER_NOUNS = frozenset({"lawmaker", "senator", "congressman", "congresswoman",
                                "representative", "legislator", "leader", "party", "candidate",
                                "nominee", "member", "politician", "rival", "strategist"})
# A modifier that makes the word another country's or another party's ("Christian Democrats",
# "Sweden Democrats", "the House of Lords").
NAMING_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def national_body(token: Token, article_countries: Iterable[str]) -> tuple[Actor, str] | None:
    """The actor a country-less body word stands for, and why; None when it is not such a
    word or the article does not single out its country."""
    found = _body_word(token)
    if found is None:
        return None
    sector, having = found
    candidates = {c for c in article_countries if c in having}
    if len(candidates) != 1:
        return None
    (country,) = candidates
    return Actor(country, sector), f"'{token.text}' of the one country in the article that has it"


def _body_word(token: Token) -> tuple[str, frozenset[str]] | None:
    modifiers = [c for c in token.children if c.dep_ in NAMING_DEPS]
    party = [m for m in modifiers if m.text in PARTY_ADJECTIVES]
    if party and token.lemma_.lower() in PARTY_MEMBER_NOUNS:
        sector = PARTY if token.lemma_.lower() in ("party", "candidate", "nominee",
                                                   "strategist") else LEGISLATURE
        return sector, _PARTIES
    if modifiers:
        return None
    if token.text in BODY_WORDS:
        if token.text == "House" and _followed_by_of(token):
            return None  # "House of Lords", "House of Commons": named bodies of their own
        return BODY_WORDS[token.text]
    return MEMBER_WORDS.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None


def _followed_by_of(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
