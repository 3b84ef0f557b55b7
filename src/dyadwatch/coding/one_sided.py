"""Events with one side the text does not tie to a country.

"Gunmen killed 12 villagers in northern Nigeria", "Rebels shelled Aleppo", "Israel released
the prisoners": the act and one party are clear, the other is described ("gunmen", "the
prisoners") or not named at all. Event data from PETRARCH to PLOVER codes such events with an
unknown actor ("---"); dyadwatch codes them too, so that a country's record and a sentence's
class are complete, and marks the unknown side by an empty country. A dyad view never counts
them (it needs both countries); evaluation against gold that codes only events with both sides
named leaves them out.

Only verbs make one-sided events: a bare event noun ("the war", "sanctions") names a topic
more often than an act."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.frames import objects, source_candidates
from dyadwatch.coding.phrases import CROWD_QUANTITIES, counted_group
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Actor, Mention

UNKNOWN_COUNTRY = ""
# Acts that exist only between two parties: statements (a speaker talking to nobody named is a
# source of information), consultations and diplomatic cooperation (04, 05: "attended the
# ceremony", "approved the deployment" are domestic business), disapproval and rejection
# (11, 12: "rejected the accusations", "expressed concern about the fate" fall on a thing, not
# a party). Material acts and intents have a victim, recipient or partner even when unnamed.
NO_ONE_SIDED_ROOTS = frozenset({"01", "04", "05", "11", "12"})
# An unnamed side is a guess: an event with one is worth less than one naming both.
ONE_SIDED_FACTOR = 0.6


def is_one_sided(actor: Actor) -> bool:
    return actor.country == UNKNOWN_COUNTRY


# "Analysts expect Turkey to buy more gas": wishes and expectations of someone unnamed are
# opinions, not acts on anyone.
OPINION_VERBS = frozenset({"expect", "want", "wish", "hope"})


def may_be_one_sided(trigger: Token, pattern: Pattern) -> bool:
    return (pattern.pos == "VERB" and pattern.code[:2] not in NO_ONE_SIDED_ROOTS
            and trigger.lemma_.lower() not in OPINION_VERBS and _main_predicate(trigger))


# Clauses that state what happened; modifiers ("the civilians imprisoned for ..."), purposes
# and circumstances ("..., killing eight people", "to help identify victims") are background,
# where an unnamed side is most often a party named elsewhere in the sentence.
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp"})


def _main_predicate(trigger: Token) -> bool:
    while trigger.dep_ == "conj":
        trigger = trigger.head
    return trigger.dep_ in MAIN_CLAUSE_DEPS


def one_sided_sides(trigger: Token, pattern: Pattern, actors: DocActors,
                    source: Mention | None, target: Mention | None,
                    ) -> tuple[Mention, Mention] | None:
    """(source, target) of a verb's act with one side named and the other only described,
    or not there; None when the act may not be one-sided."""
    if not may_be_one_sided(trigger, pattern):
        return None
    if source is not None and target is None:
        unknown = unknown_target(trigger, pattern, actors)
        return None if unknown is None else (source, unknown)
    if source is None and target is not None:
        described = next(iter(source_candidates(trigger, pattern)), None)
        found = unknown_source(described, actors)
        return None if found is None else (found, target)
    return None


def unknown_target(trigger: Token, pattern: Pattern, actors: DocActors) -> Mention | None:
    """The object the act falls on, with its sector when its head word has one ("arrested
    opposition activists" → OPP); an empty phrase when the verb has no object ("rebels
    attacked"); None when the verb's object rules the act out."""
    found = objects(trigger, pattern)
    if pattern.objects:
        # "sent troops", "fired missiles", "approved a loan": the object the pattern asks for
        # is the means or the matter of the act, not the side it falls on.
        return _nobody(trigger)
    if not found:
        if _object_missing(trigger, pattern):
            return None  # "wants to re-examine": a transitive sense with no object is another
        return _nobody(trigger)
    if found[0].lower_ in REFLEXIVES:
        return None  # "Iraq had attacked themselves": the source is its own target
    return _unknown_party(found[0], actors)


OBJECT_SLOTS = frozenset({"dobj", "dative"})
CLAUSE_SLOTS = frozenset({"xcomp", "ccomp"})


def _object_missing(trigger: Token, pattern: Pattern) -> bool:
    """The pattern's first slot is an object and the verb has neither an object nor a clause
    the pattern takes instead ("threatened to shell")."""
    if not pattern.target or pattern.target[0] not in OBJECT_SLOTS:
        return False
    clauses = CLAUSE_SLOTS & set(pattern.target)
    return not any(c.dep_ in clauses for c in trigger.children)
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "oneself"})


def unknown_source(candidate: Token | None, actors: DocActors) -> Mention | None:
    """A subject that describes who acted without a country: a sector word ("gunmen",
    "insurgents", "police") or a name the tables do not know (an entity the parser marks as
    an organisation or a person). Pronouns and things ("the fire", "it") are no party."""
    if candidate is None or candidate.pos_ == "PRON":
        return None
    described = candidate.i in actors.sectors or candidate.ent_type_ in ("ORG", "PERSON", "NORP")
    return _unknown_party(candidate, actors) if described else None


def _nobody(trigger: Token) -> Mention:
    return Mention(trigger.idx, trigger.idx, "", (Actor(UNKNOWN_COUNTRY),), "unknown")


def _unknown_party(head: Token, actors: DocActors) -> Mention:
    phrase = sorted(head.subtree, key=lambda t: t.i)
    sector = actors.sectors.get(head.i, "")
    span = head.doc[phrase[0].i : phrase[-1].i + 1]
    return Mention(span.start_char, span.end_char, span.text,
                   (Actor(UNKNOWN_COUNTRY, sector),), "unknown", basis="no country in the text")


# Street protest (CAMEO 14): a crowd without a country protests where it is.
PROTEST_ROOT = "14"
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
CROWD_SECTOR = "CVL"  # protesters named by who they are ("Kurds") are civilians
CROWD_NOUNS = frozenset({"people", "person"})  # too general for the sector table


def _bare_crowd(word: Token) -> Mention | None:
    """"Tens of thousands rallied in Islamabad", "thousands of people protested": a crowd named
    only by its size."""
    if word.lemma_.lower() not in CROWD_QUANTITIES | CROWD_NOUNS:
        return None
    return Mention(word.idx, word.idx + len(word.text), word.text,
                   (Actor(UNKNOWN_COUNTRY, CROWD_SECTOR),), "unknown")


def crowd_of_the_place(trigger: Token, pattern: Pattern, actors: DocActors) -> Mention | None:
    """"Hundreds of protesters rallied outside the Russian embassy in Kiev": the protesters,
    described without a country, are people of the place they protest in."""
    if pattern.code[:2] != PROTEST_ROOT:
        return None
    found = _crowd(trigger, pattern, actors)
    place = _protest_place(trigger, actors) if found is not None else None
    if found is None or place is None:
        return None
    return _of_the_place(found[1], place)


def protest_at_home(trigger: Token, pattern: Pattern, actors: DocActors,
                    source: Mention | None) -> tuple[Mention, Mention] | None:
    """"Thousands rallied in Beirut against tax hikes", "Russians protested in Moscow against
    corruption": a protest at home with no party named against is aimed at the authorities of
    its place. A crowd abroad ("Turks protested in Berlin", "Hundreds of Kurds protested in
    Paris": named by a people, not the host country's public) or a rally in support is not."""
    if (pattern.code[:2] != PROTEST_ROOT or pattern.pos != "VERB" or _in_support(trigger)
            or _protest_named_elsewhere(trigger)):
        return None
    place = _protest_place(trigger, actors)
    if place is None:
        return None
    if source is None:
        found = _crowd(trigger, pattern, actors)
        if found is None or found[0].ent_type_ == "NORP":
            return None
        source = _of_the_place(found[1], place)
    country = place.actors[0].country
    if any(a.country != country for a in source.actors):
        return None
    authorities = replace(place, actors=(Actor(country, "GOV"),), rule="authorities-of-place",
                          basis=f"a protest in {place.text} with no party named is aimed at "
                                "its authorities")
    return source, authorities


def _crowd(trigger: Token, pattern: Pattern, actors: DocActors) -> tuple[Token, Mention] | None:
    """The group the protest's subject counts or describes, and its mention without a country."""
    described = next(iter(source_candidates(trigger, pattern)), None)
    if described is None:
        return None
    group = counted_group(described)
    crowd = unknown_source(group, actors) or _bare_crowd(group)
    return None if crowd is None else (group, crowd)


def _of_the_place(crowd: Mention, place: Mention) -> Mention:
    sector = crowd.actors[0].sector or CROWD_SECTOR
    return replace(crowd, actors=(Actor(place.actors[0].country, sector),),
                   rule="place-of-protest", basis=f"protesting in {place.text}")


PROTEST_VERBS = frozenset({"protest", "demonstrate", "rally", "march", "picket"})


def _protest_named_elsewhere(trigger: Token) -> bool:
    """"Thousands rallied in Islamabad to protest against Macron": the clause of purpose names
    whom the protest is against."""
    return any(c.dep_ in ("xcomp", "advcl", "conj") and c.lemma_.lower() in PROTEST_VERBS
               for c in trigger.children)


SUPPORT_WORDS = frozenset({"support", "favour", "favor", "defence", "defense", "solidarity"})


def _in_support(trigger: Token) -> bool:
    return any(t.lemma_.lower() in SUPPORT_WORDS for t in trigger.subtree)


def _protest_place(trigger: Token, actors: DocActors) -> Mention | None:
    """The country named as where a protest happens: "in Islamabad", "in Lebanon's capital",
    "outside the Russian embassy in Kiev"."""
    holders = [trigger, *(t for t in trigger.children if t.dep_ in ("dobj", "prep"))]
    if trigger.dep_ in ("advcl", "xcomp", "conj"):
        holders.append(trigger.head)  # "rallied in Islamabad to protest against ..."
    places = [p for h in holders for prep in h.children
              if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS
              for p in prep.children if p.dep_ == "pobj"]
    places += [p for prep in trigger.children if prep.dep_ == "prep"
               for obj in prep.children for inner in obj.children
               if inner.dep_ == "prep" and inner.lower_ == "in"
               for p in inner.children if p.dep_ == "pobj"]
    places += [owner for p in list(places) for owner in p.children if owner.dep_ == "poss"]
    for place in places:
        found = actors.resolve(place)
        if found is not None and found.rule.startswith("name:") and not any(
                a.sector for a in found.actors):
            return found
    return None
