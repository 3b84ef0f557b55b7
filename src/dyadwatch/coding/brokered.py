"""Mediation named by a compound participle: "Russian-brokered talks between Armenia and
Azerbaijan", "the UN-led negotiations on the war in Syria", "a Turkish-mediated ceasefire".

The word before the participle is the mediator and the parties of the talks (or truce, or
deal) are its targets (CAMEO 045, with the mediator role), besides the talks themselves, which
the noun's own pattern codes between the parties."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.acts import DerivedAct
from dyadwatch.coding.phrases import DISPUTE_NOUNS, is_other
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Actor, Mention

BROKERED = Pattern(id="noun.brokered", trigger="broker", pos="NOUN", code="045", weight=0.6,
                   note="'Russian-brokered talks between X and Y': Russia mediates between them")
MEDIATING_PARTICIPLES = frozenset({"brokered", "mediated", "led", "sponsored", "hosted",
                                   "facilitated"})
MEDIATED_NOUNS = frozenset({"talk", "negotiation", "ceasefire", "truce", "deal", "agreement",
                            "accord", "dialogue", "consultation", "process", "settlement"})
# Nouns that are the mediation itself: "following mediation by Qatar".
MEDIATION_NOUNS = frozenset({"mediation", "facilitation"})


def is_brokering_modifier(noun: Token, modifier: Token) -> bool:
    """"brokered" in "Russian-brokered talks": a participle naming who mediates the noun."""
    return (modifier.dep_ == "amod" and modifier.lower_ in MEDIATING_PARTICIPLES
            and noun.lemma_.lower() in MEDIATED_NOUNS)


def brokered_acts(noun: Token, actors: DocActors) -> Iterator[DerivedAct]:
    if noun.pos_ != "NOUN":
        return
    for broker_word in _broker_words(noun):
        broker = actors.resolve(broker_word)
        if broker is None:
            continue
        parties = _parties(noun, actors, broker.actors) or _clause_parties(
            noun, actors, broker.actors)
        if parties is not None:
            yield DerivedAct(noun, BROKERED, broker, parties)
            return


def _broker_words(noun: Token) -> Iterator[Token]:
    """Who mediates: "Russian-brokered talks", "a deal brokered by the United States",
    "mediation by Qatar"."""
    for participle in noun.children:
        if is_brokering_modifier(noun, participle):
            yield from (m for m in participle.children
                        if m.dep_ in ("npadvmod", "compound", "amod", "nmod"))
        elif (participle.dep_ == "acl" and participle.lower_ in MEDIATING_PARTICIPLES
              and noun.lemma_.lower() in MEDIATED_NOUNS):
            yield from _agents(participle)
    if noun.lemma_.lower() in MEDIATION_NOUNS:
        # "following mediation by Qatar"; the parser may hang the by-phrase on the verb.
        following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
        if not by and following is not None and following.lower_ == "by":
            by = [following]
        yield from (p for prep in by for p in prep.children if p.dep_ == "pobj")


def _agents(participle: Token) -> Iterator[Token]:
    return (p for agent in participle.children if agent.dep_ == "agent"
            for p in agent.children if p.dep_ == "pobj")


def _clause_parties(noun: Token, actors: DocActors,
                    broker: tuple[Actor, ...]) -> Mention | None:
    """"Kenya and Somalia restored relations following mediation by Qatar", "Azerbaijan
    handed over detainees to Armenia in a deal mediated by Georgia": the parties are those of
    the clause the mediated noun is a circumstance of."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
        return None
    verb = noun.head.head
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "agreed to resume relations in a deal ...": who agreed
    words = [c for c in verb.children if c.dep_ in ("nsubj", "dobj", "dative")]
    words += [p for prep in verb.children if prep.dep_ == "prep"
              and prep.lower_ in ("to", "with") for p in prep.children if p.dep_ == "pobj"]
    found = [m for m in (actors.resolve(w) for w in words) if m is not None]
    by_country: dict[str, Actor] = {}
    for actor in (a for m in found for a in m.actors if is_other(a, broker)):
        kept = by_country.get(actor.country)
        if kept is None or (kept.sector and not actor.sector):
            by_country[actor.country] = actor  # the country itself over its people
    sides = tuple(by_country.values())
    if len(sides) < 2:
        return None  # mediation is between two sides
    return replace(found[0], actors=sides)


def _parties(noun: Token, actors: DocActors, broker: tuple[Actor, ...]) -> Mention | None:
    """The sides of the talks: "between X and Y", else the place of the conflict they are
    about ("on the war in Syria")."""
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        heads = [p for p in prep.children if p.dep_ == "pobj"]
        if prep.lower_ == "between":
            found = [actors.resolve(t, lenient=True) for h in heads for t in (h, *h.conjuncts)]
        elif prep.lower_ in ("on", "over", "to"):
            found = [_conflict_place(h, actors) for h in heads]
        else:
            continue
        mentions = [m for m in found if m is not None]
        sides = tuple(dict.fromkeys(a for m in mentions for a in m.actors if is_other(a, broker)))
        if sides:
            return replace(mentions[0], actors=sides)
    return None


def _conflict_place(noun: Token, actors: DocActors) -> Mention | None:
    if noun.lemma_.lower() not in DISPUTE_NOUNS:  # "negotiations on the war in Syria"
        return None
    named = [actors.resolve(c) for c in noun.children if c.dep_ in ("amod", "compound")]
    named += [actors.resolve(p) for prep in noun.children
              if prep.dep_ == "prep" and prep.lower_ in ("in", "over", "between")
              for h in prep.children if h.dep_ == "pobj" for p in (h, *h.conjuncts)]
    return next((m for m in named if m is not None), None)
