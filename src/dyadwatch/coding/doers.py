"""Who did an act the sentence puts in the passive or hands to a thing.

"The memorandum signed by X" (the by-agent), "killed in an Israeli air strike", "killed as a
result of an attack by a Russian plane" (the attacker in the means), "a roadside bomb planted
by Taliban fighters killed …" (whoever placed the weapon), "a Turkish banker was detained in
the United States" (the authorities of the place)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dyadwatch.coding.phrases import child, of_objects, preposition
from dyadwatch.dictionaries.patterns import Pattern

PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")


def is_passive(trigger: Token) -> bool:
    """A passive verb, or a past participle modifying the noun it acts on ("soldiers killed
    in Ukraine", "the memorandum signed by ...")."""
    return (any(c.dep_ in (*PASSIVE_SUBJECT_DEPS, "auxpass", "agent") for c in trigger.children)
            or is_participle_of(trigger))


def is_participle_of(trigger: Token) -> bool:
    """"the memorandum signed by ...", "ten soldiers killed in Ukraine": a past participle
    modifying the noun it acts on."""
    # A noun heading the sentence means the parser took the main verb for a participle
    # ("Chinese companies invested in Serbian mines.").
    head = trigger.head
    return (trigger.dep_ == "acl" and trigger.tag_ == "VBN" and head.dep_ != "ROOT"
            and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"))


def agent_of(trigger: Token) -> Token | None:
    """The "by" phrase of a passive verb or participle; a mishap there ("victims killed by the
    MH17 crash") is what happened, and the airline or country it names did nothing."""
    agent = child(child(trigger, ("agent",)), ("pobj",))
    return None if agent is not None and agent.lemma_.lower() in MISHAP_NOUNS else agent


MISHAP_NOUNS = frozenset({"crash", "accident", "collision", "derailment", "blaze",
                          "flood", "flooding", "earthquake", "quake", "storm", "avalanche",
                          "landslide", "collapse", "disaster", "outbreak", "epidemic", "disease",
                          "explosion", "blast", "shipwreck", "sinking"})


# Means by which a passive act is done ("killed in an Israeli air strike", "wounded in Russian
# shelling"): the actor that modifies the means did it.
ATTACK_NOUNS = frozenset({"strike", "airstrike", "shelling", "attack", "bombing", "raid",
                          "bombardment", "fire", "offensive", "assault", "operation", "ambush"})


def attacker_of(trigger: Token) -> Token | None:
    """The modifier naming who carried out the attack a passive verb happened in; for
    "were killed and 11 were injured in a Russian airstrike", the attack of a conjoined
    passive is shared."""
    for verb in (trigger, *(c for c in trigger.conjuncts if is_passive(c))):
        attacker = _attacker_in_means(verb)
        if attacker is not None:
            return attacker
    return None


# Acts of a state's authorities whose place names the state when no agent is given: "a Turkish
# banker was detained in the United States", "he was deported from Germany".
PLACE_AUTHORITY_PREPOSITIONS = {"173": ("in",), "174": ("from",)}


def authority_of_place(verb: Token, pattern: Pattern) -> Token | None:
    prepositions = PLACE_AUTHORITY_PREPOSITIONS.get(pattern.code[:3], ())
    return next((place for prep in verb.children
                 if prep.dep_ == "prep" and prep.lower_ in prepositions
                 for place in prep.children
                 if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC")), None)


def _attacker_in_means(verb: Token) -> Token | None:
    for noun in means(verb):
        if noun.lemma_.lower() in ATTACK_NOUNS:
            # "Israeli tank shelling": the actor may modify the means' compound.
            near = [m for m in noun.children if m.dep_ in ATTACKER_DEPS]
            near += [m for c in near if c.dep_ == "compound" for m in c.children
                     if m.dep_ in ATTACKER_DEPS]
            found = next((m for m in near if m.ent_type_ in ("NORP", "GPE", "ORG")
                          or m.pos_ == "PROPN"), None)
            return found or _agent_of_attack(noun)
        attacker = _attacker_before_attack_word(noun)
        if attacker is not None:
            return attacker
    return None


def means(verb: Token) -> Iterator[Token]:
    """The nouns of "in/during/by X" and "as a result of X" on a passive verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by", "as"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if prep.lower_ == "as" and noun.lemma_.lower() == "result":
                yield from of_objects(noun)  # "killed as a result of an attack by …"
            elif prep.lower_ != "as":
                yield noun


def _agent_of_attack(noun: Token) -> Token | None:
    """"an attack by Houthi rebels"; "an attack by a Russian plane": the plane's nationality."""
    agent = child(preposition(noun, "by"), ("pobj",))
    if agent is None:
        return None
    return next((m for m in agent.children if m.dep_ == "amod" and m.ent_type_ == "NORP"),
                agent)


def _attacker_before_attack_word(noun: Token) -> Token | None:
    """"killed in Israeli shelling", parsed as "in Israeli" plus a gerund "shelling", or "in
    Israeli tank shelling" as "in Israeli tank": a means cut short before an attack word is
    that attack, and its nationality is the attacker."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.lower_ not in ATTACK_WORD_FORMS:
        return None
    if noun.ent_type_ in ("NORP", "GPE"):
        return noun
    return next((m for m in noun.children if m.dep_ in ATTACKER_DEPS
                 and m.ent_type_ in ("NORP", "GPE")), None)


ATTACK_WORD_FORMS = frozenset({*ATTACK_NOUNS, "strikes", "airstrikes", "attacks", "raids",
                               "bombings", "air", "tank", "artillery", "mortar",
                               "rocket", "missile", "drone"})


ATTACKER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


# Weapons that act for whoever placed or fired them: "a roadside bomb planted by Taliban
# militants killed four soldiers", "a missile fired by Houthi rebels hit Riyadh".
WEAPON_NOUNS = frozenset({"bomb", "mine", "missile", "rocket", "shell", "drone", "explosive",
                          "device", "grenade", "mortar", "projectile", "torpedo"})


def placer_of_weapon(subject: Token) -> Token | None:
    if subject.lemma_.lower() not in WEAPON_NOUNS:
        return None
    return next((p for acl in subject.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                 for agent in acl.children if agent.dep_ == "agent"
                 for p in agent.children if p.dep_ == "pobj"), None)
