"""Words and word-level helpers of actor resolution: the word tables (sector groups, party and
collective words, descriptor participles, reaches), the words that make a phrase ("Russian
Foreign Ministry spokeswoman"), the group a crowd quantity counts, plural and singular heads,
lists of names, and whether one actor can act on another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from dyadwatch.model import Actor

# Modifiers that belong to a noun phrase for coding its actor.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nummod"})
COLLECTIVE_HEADS = frozenset(
    {"country", "side", "nation", "state", "president", "leader", "government", "minister",
     "capital", "neighbour", "neighbor", "party", "two"}
)
CROWD_QUANTITIES = frozenset({"thousand", "hundred", "dozen", "million", "score", "crowd",
                              "group", "number"})
# Participles that tie a phrase to the country it belongs to ("delegations representing the
# Russian regions", "officials based in Kabul"); other participles describe what it does.
AFFILIATION_VERBS = frozenset({"represent", "base", "station", "lead", "head", "accompany",
                               "command"})


# Nouns naming a dispute: its parties are what a mediation or a pledge to settle aims at, and
# it is the topic of a verb that resolves or discusses it.
DISPUTE_NOUNS = frozenset({"conflict", "war", "dispute", "crisis", "fighting", "standoff",
                           "ceasefire", "truce", "settlement", "feud", "row", "hostility",
                           "clash", "confrontation", "tension", "spat", "quarrel"})

# -- word tables of actor resolution ---------------------------------------------------------
PARTY_WORDS = frozenset({"side", "party", "minister", "president", "leader", "delegation",
                         "government", "premier", "counterpart"})
# Sectors of groups that act where they are ("rebels", "police", "protesters", "troops").
OPERATING_SECTORS = frozenset({"REB", "MIL", "COP", "OPP", "CVL", "LAB", "JUD", "REF"})
GROUP_NOUNS = frozenset({"police", "army", "military", "militia", "opposition", "junta",
                         "guerrilla", "insurgency", "rebellion"})
ACTION_NOUNS = frozenset({"strike", "airstrike", "raid", "attack", "bombing", "shelling",
                          "operation", "offensive", "patrol", "exercise", "drill"})
# Sectors whose members belong where they are: police, courts, the opposition, citizens, workers
# and armed groups of the place (the conventions code armed groups by country of operation).
LOCAL_SECTORS = frozenset({"COP", "JUD", "OPP", "CVL", "LAB", "REB"})
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
PLACE_KINDS = frozenset({"name", "capital", "territory", "city", "adjective", "seat"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Titles of people that a definite phrase may take up under another word ("the diplomat"
# for an ambassador named before).
PERSON_TITLES = frozenset({"diplomat", "ambassador", "envoy", "minister", "official",
                           "spokesman", "spokeswoman", "spokesperson", "representative",
                           "negotiator", "emissary", "chief", "head", "leader", "president",
                           "premier", "commander", "general", "officer"})
SIDE_WORDS = frozenset({"side", "party"})
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my", "me"})
# Verbs that introduce a statement: its quoted "we" is the speaker's side.
REPORTING_VERBS = frozenset({"say", "tell", "state", "add", "note", "declare", "stress",
                             "insist", "write", "announce", "warn", "explain", "quote"})
# A pronoun looks back at most this many tokens for the person it stands for.
PRONOUN_REACH = 80
# "the spokeswoman" may point further back than a pronoun.
DEFINITE_REACH = 250
# "X-backed": the country describes the phrase's head without being its actor.
DESCRIPTOR_PARTICIPLES = frozenset(
    {"backed", "supported", "sponsored", "funded", "armed", "trained", "allied", "aligned",
     "friendly", "leaning", "brokered", "imposed", "installed", "linked", "affiliated",
     "sympathetic"}
)
# Heads so general that a modifier's sector is the better code ("military officials" → MIL).
GENERIC_HEADS = frozenset(
    {"authority", "official", "delegation", "representative", "leader", "leadership", "chief",
     "head", "source", "circle", "community", "group", "organization", "organisation",
     "institution", "sector", "people", "side", "team", "expert", "member"}
)


def counted_group(token: Token) -> Token:
    """"Thousands of protesters": the group a crowd quantity counts (else the token)."""
    if token.lemma_.lower() not in CROWD_QUANTITIES:
        return token
    return next((p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for p in prep.children if p.dep_ == "pobj"), token)


def singular(token: Token) -> str:
    """The lower-case lemma; spaCy leaves capitalised plurals as they are ("The Defense
    Ministers", tagged NNP or NNPS)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in COLLECTIVE_HEADS:
        return lemma[:-1]
    return lemma


def plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or singular(token) != token.lemma_.lower()


def is_other(actor: Actor, sources: Iterable[Actor]) -> bool:
    """Whether `actor` can be the target of `sources`' act: another country, or the same
    country in another sector ("police arrested opposition activists", "FARC will release a
    Colombian sergeant"). A government and its country are one side ("Putin praised Russia"
    is no event)."""
    return all(actor.country != s.country or _distinct_sides(actor.sector, s.sector)
               for s in sources)


def _distinct_sides(one: str, other: str) -> bool:
    if one == other:
        return False
    return bool(one and other) or (one or other) not in STATE_SECTORS


# Sectors that speak for the state: with no sector, the bare country is the same side.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def listed_appositions(token: Token) -> list[Token]:
    """"The US, Russia, and Switzerland": the parser hangs "Russia, and Switzerland" off "US"
    as an apposition with a conjunct; a list of names, not a description."""
    if token.dep_ == "conj":
        return []
    in_list = bool(token.conjuncts)  # "Brazil, Argentina, and Chile": Chile is Brazil's conj
    return [m for a in token.children if a.dep_ == "appos" and a.pos_ == "PROPN"
            and token.pos_ == "PROPN"
            and (in_list or any(c.dep_ == "conj" for c in a.children))
            for m in (a, *a.conjuncts)]


def phrase_tokens(head: Token, depth: int = 0) -> Iterator[Token]:
    """The head and its modifiers: compounds, adjectives, possessives, appositions, "of X"
    complements and participle clauses ("delegations representing the Russian regions")."""
    yield head
    if depth > 3:
        return
    for child in head.children:
        if child.dep_ in ("appos", "conj") and is_postposed_speaker(child):
            continue
        if child.dep_ in NP_DEPS:
            yield from phrase_tokens(child, depth + 1)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from phrase_tokens(pobj, depth + 1)
        elif child.dep_ == "acl" and child.lemma_.lower() in AFFILIATION_VERBS:
            # "delegations representing the Russian regions", "troops commanded by X".
            for obj in child.children:
                if obj.dep_ in ("dobj", "pobj"):
                    yield from phrase_tokens(obj, depth + 1)
                elif obj.dep_ == "agent":
                    for agent in obj.children:
                        if agent.dep_ == "pobj":
                            yield from phrase_tokens(agent, depth + 1)
        elif child.dep_ == "conj" and (head.dep_ in ("amod", "compound", "nmod", "poss")
                                       or (head.dep_ in ("pobj", "conj")
                                           and (depth > 0 or not _is_name(child)))):
            # "Russian and Turkish officials", "the ministers of Russia and Turkey", "the
            # government and people of Syria"; a named conjunct of the phrase's own head is
            # another member ("between the Afghan government and the Taliban").
            yield from phrase_tokens(child, depth + 1)


def entity_start(token: Token) -> int:
    """Index of the first token of the named entity that `token` ends."""
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def acts(token: Token) -> bool:
    """The phrase is an actor in its clause: subject, possessor or passive agent."""
    if token.dep_ == "conj":
        return acts(token.head)
    return token.dep_ in ("nsubj", "poss") or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def breadth_first(root: Token, max_depth: int) -> Iterator[Token]:
    frontier = [root]
    depth = 0
    while frontier and depth <= max_depth:
        yield from frontier
        frontier = [c for t in frontier for c in t.children if c.dep_ not in ("relcl", "punct")]
        depth += 1


def unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(dict.fromkeys(actors))


def is_postposed_speaker(token: Token) -> bool:
    """"… between the government and the opposition, Russia's ambassador said": a phrase the
    parser hung on a noun as an apposition or conjunct is the subject of the reporting verb
    right after it."""
    # The phrase's own end, without the conjuncts that follow it.
    end = max([token.i, *(c.right_edge.i for c in token.children
                          if c.dep_ not in ("conj", "cc", "punct"))]) + 1
    return (token.dep_ in ("appos", "conj") and end < len(token.doc)
            and token.doc[end].lemma_.lower() in REPORTING_VERBS)


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "PERSON", "NORP")


def child(token: Token | None, deps: tuple[str, ...]) -> Token | None:
    """The first child of `token` with one of the dependency labels `deps`."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def preposition(token: Token, word: str) -> Token | None:
    """The preposition `word` hanging on `token`."""
    return next((c for c in token.children if c.dep_ == "prep" and c.lower_ == word), None)


def of_objects(noun: Token, words: tuple[str, ...] = ("of",)) -> list[Token]:
    """The objects of the prepositions `words` on `noun` ("the visit of X")."""
    return [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in words
            for p in prep.children if p.dep_ == "pobj"]
