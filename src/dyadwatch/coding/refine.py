"""The specific code of a matched pattern: what its words add to the pattern's own code.

Crowds that use force riot (145) and crowds that blockade obstruct (144); "verbal" or
"rhetorical" attacks are criticism (111); a modifier listed in the pattern's `refine` makes the
act specific ("military aid" → 072), and conjoined modifiers make one act each ("military and
diplomatic support" → 072 and 051)."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.frames import objects, source_candidates
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Mention


def specific_codes(trigger: Token, pattern: Pattern, source: Mention,
                   target: Mention | None = None) -> list[str]:
    """The codes the matched words give the act, most specific first."""
    special = (_riot_code(trigger, pattern, source) or _verbal_attack_code(trigger, pattern)
               or _political_attack_code(trigger, pattern, source, target)
               or _leaving_code(pattern, target))
    return [special] if special else refined_codes(trigger, pattern)


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


# Crowds that use force are rioting, not fighting: "Iraqi protesters stormed the US embassy"
# is a violent protest (CAMEO 145), not military force.
CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB"})
RIOT_VERBS = frozenset({"storm", "ransack", "attack", "torch", "burn", "vandalize", "vandalise",
                        "smash", "loot", "besiege", "pelt", "stone", "clash", "overrun"})
RIOT = "145"
BLOCKADE, OBSTRUCTION = "191", "144"


def _riot_code(trigger: Token, pattern: Pattern, source: Mention) -> str:
    sectors = {a.sector for a in source.actors}
    if not sectors or not sectors <= CROWD_SECTORS:
        return ""
    if pattern.code.startswith(BLOCKADE):
        return OBSTRUCTION  # "activists blockaded the bank's office": protest, not siege
    if pattern.code[:2] in ("18", "19") and trigger.lemma_.lower() in RIOT_VERBS:
        return RIOT
    return ""


# "Rhetorical attacks on European leaders", "stepped up his verbal attacks": words, not force.
VERBAL_WORDS = frozenset({"rhetorical", "verbal", "scathing", "blistering", "vitriolic",
                          "personal"})
CRITICISM = "111"


# "The president has attacked Democrats", "Erdogan attacked Merkel", "Trump clashes with the
# courts": a politician attacking a party, the press, a court or another person attacks with
# words. Armed attacks have forces, states or places on one side.
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "LEG", "ELI", "OPP"})
ARENA_SECTORS = frozenset({"PTY", "MED", "LEG", "JUD", "OPP", "ELI"})
PERSON_RULES = frozenset({"name:person", "person-memory", "pronoun", "speaker"})
WORD_ATTACK_VERBS = frozenset({"attack", "assail", "slam", "blast", "clash", "battle", "fight",
                               "spar", "feud"})


def _political_attack_code(trigger: Token, pattern: Pattern, source: Mention,
                           target: Mention | None) -> str:
    if (target is None or pattern.code[:2] not in ("18", "19")
            or trigger.lemma_.lower() not in WORD_ATTACK_VERBS
            or source.rule not in PERSON_RULES
            or not all(a.sector in POLITICAL_SECTORS for a in source.actors)):
        return ""
    people = target.rule in PERSON_RULES
    arena = all(a.sector in ARENA_SECTORS for a in target.actors)
    return CRITICISM if people or arena else ""


# A withdrawal from an international organisation ("Britain's withdrawal from the EU", "Russia
# withdrew from the ICC") reduces relations with it; military withdrawals are from places.
RETREAT, REDUCE_RELATIONS = "087", "160"


def _leaving_code(pattern: Pattern, target: Mention | None) -> str:
    if not pattern.code.startswith(RETREAT) or target is None:
        return ""
    organisations = all(a.country[:3] in ("IGO", "NGO") for a in target.actors)
    return REDUCE_RELATIONS if organisations else ""


def _verbal_attack_code(trigger: Token, pattern: Pattern) -> str:
    if pattern.code[:2] not in ("18", "19"):
        return ""
    nouns = [trigger, *objects(trigger, pattern)]
    said = any(m.lemma_.lower() in VERBAL_WORDS for n in nouns for m in n.children
               if m.dep_ in MODIFIER_DEPS)
    return CRITICISM if said else ""


def refined_codes(trigger: Token, pattern: Pattern) -> list[str]:
    """The pattern's code, made specific by a modifier of its object or subject ("military
    aid", "military-technical cooperation") when the pattern lists one; conjoined modifiers
    name one act each ("military and diplomatic support" → 072 and 051)."""
    if not pattern.refine:
        return [pattern.code]
    heads = [*objects(trigger, pattern), *source_candidates(trigger, pattern)]
    if pattern.pos == "NOUN":
        heads.append(trigger)  # "rhetorical attacks", "humanitarian aid"
    modifiers = [m for h in heads for m in h.children if m.dep_ in MODIFIER_DEPS]
    words = {m.lemma_.lower() for m in modifiers}
    # "military-technical", "political and military": modifiers of modifiers, and conjuncts.
    words |= {m.lemma_.lower() for h in heads for m in h.subtree
              if m.dep_ in (*MODIFIER_DEPS, "conj") and m.head.dep_ in MODIFIER_DEPS}
    # "partnership in energy", "cooperation in the military sphere": the field in an in-phrase.
    fields = [p for h in (trigger, *heads) for prep in h.children if prep.dep_ == "prep"
              and prep.lower_ == "in" for p in prep.children if p.dep_ == "pobj"]
    words |= {w.lemma_.lower() for f in fields for w in (f, *f.children)
              if w is f or w.dep_ in MODIFIER_DEPS}
    first = next((code for word, code in pattern.refine if word in words), pattern.code)
    # Conjoined modifiers of one head ("military and diplomatic"): each names its own act.
    paired = {c.lemma_.lower() for m in modifiers for c in m.conjuncts if m.dep_ == "amod"}
    others = [code for word, code in pattern.refine if word in paired and code != first]
    return list(dict.fromkeys([first, *others]))
