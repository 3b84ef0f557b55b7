"""Finding the target of a trigger: the pattern's slots in order, then two fallbacks that the
coding conventions ask for.

- A military action that names only a place hits the place's country ("strikes in Idlib").
- Condolences go to the victims of the occasion the sentence names.
- A mediation, or an intent to help settle something, that names no parties is aimed at the
  parties of the dispute its sentence names ("the ceasefire in the conflict over Karabakh was
  restored after Moscow's mediation"); a dispute named earlier in the article may stand behind
  a definite mention ("vowed to do its utmost for the conflict resolution")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.actors import MAX_SEARCH_DEPTH, DocActors
from dyadwatch.coding.discourse import EventMemory
from dyadwatch.coding.doers import ATTACK_WORD_FORMS, means
from dyadwatch.coding.frames import slot_fillers
from dyadwatch.coding.phrases import DISPUTE_NOUNS, NON_STATE_PREFIXES, is_other
from dyadwatch.dictionaries.patterns import Pattern
from dyadwatch.model import Actor, Mention

# How deep below a plain object the target may sit: "attacked positions in Syria" (2), but not
# "hosted a hearing in its Russia investigation" (3).
PLAIN_OBJECT_DEPTH = 2
MEDIATOR = "mediator"
# Military actions that name only a place hit the place's country.
PLACE_TARGET_ROOTS = frozenset({"18", "19", "20"})
RETREAT = "087"  # a retreat from a place yields it to the place's country

LOCATIVE_PREPOSITIONS = frozenset({"in", "on", "near", "over", "across", "around", "off",
                                   "outside", "inside", "into", "at", "from"})
PLACE_RULES = frozenset({"name:name", "name:territory", "name:capital", "name:city"})

# Nouns that stand for what they say about someone: the act on them is on whom they concern.
CONTENT_NOUNS = frozenset({"allegation", "accusation", "claim", "suspicion", "report",
                           "charge"})

PHONE_CALL = "041"
OBJECT_ITSELF_VERBS = frozenset({"address"})
# Sympathy (018) names whom it is for only through its occasion.
CONDOLENCE = "018"

Found = tuple[str, Mention | None]


def is_mediation(code: str) -> bool:
    return code.startswith("045")


def aims_at_disputes(code: str) -> bool:
    """Mediation (045) and expressed intents (03x): "vowed to help end the war"."""
    return is_mediation(code) or code.startswith("03")


def find_target(
    trigger: Token, pattern: Pattern, actors: DocActors, excluded: tuple[Actor, ...], *,
    shallow: bool = False, memory: EventMemory | None = None, sentence: int = 0,
) -> Found:
    """The first slot that holds an actor other than the source, and that actor's mention;
    `shallow` looks only at the slot's phrase and its modifiers."""
    for slot in pattern.target:
        plain_object = slot in ("dobj", "dative") and not pattern.objects
        depth = 1 if shallow else PLAIN_OBJECT_DEPTH if plain_object else MAX_SEARCH_DEPTH
        if plain_object and (pattern.code.startswith(PHONE_CALL)
                             or trigger.lemma_.lower() in OBJECT_ITSELF_VERBS):
            # "called Le Drian's words slogans", "addressed sanctions against Russia": a call or
            # an address is to the object itself, not to someone inside it
            depth = 0
        for head in slot_fillers(trigger, slot):
            if head.lemma_.lower() in CONTENT_NOUNS:
                depth = MAX_SEARCH_DEPTH  # "investigate allegations of collusion between X and Y"
            direct = actors.resolve(head, lenient=True)
            if direct is not None and any(is_other(a, excluded) for a in direct.actors):
                return slot, direct
            found = actors.search(head, excluded, max_depth=depth)
            if found is not None:
                return slot, found
    if pattern.code.startswith(CONDOLENCE):
        return occasion_target(trigger, actors, excluded)
    if aims_at_disputes(pattern.code):
        return dispute_parties(trigger, actors, excluded, memory, sentence)
    if pattern.code[:2] in PLACE_TARGET_ROOTS or pattern.code.startswith(RETREAT):
        return place_target(trigger, actors, excluded)
    if pattern.code[:2] == POSTURE_ROOT:
        return posture_adversary(trigger, actors, excluded)
    return "", None


# Force posture (15) is shown to someone the sentence names by what the move faces or answers:
# "deployed troops to Ladakh, facing Chinese forces", "put its forces on alert, citing Turkish
# naval activity", "a show of force aimed at Beijing", "in response to Chinese incursions".
POSTURE_ROOT = "15"
POSTURE_AIMS = frozenset({"face", "aim", "target", "counter", "deter", "confront", "cite",
                          "respond", "response", "answer", "reply", "retaliation"})


def _own_side(excluded: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The source's actors and their bare countries: a clause around the act may name the
    source's own country ("a Russian air strike", "Russian forces"), which is no target."""
    return (*excluded, *(Actor(a.country) for a in excluded))


def posture_adversary(trigger: Token, actors: DocActors, excluded: tuple[Actor, ...]) -> Found:
    own = _own_side(excluded)
    for aim in _posture_aims(trigger):
        found = actors.search(aim, own, max_depth=3)
        if found is not None:
            return f"posture:{aim.lemma_.lower()}", found
    return "", None


def _posture_aims(trigger: Token) -> Iterator[Token]:
    """Clauses ("facing …", "to counter …") and phrases ("in response to …") of the move."""
    for clause in trigger.children:
        if clause.dep_ in ("advcl", "xcomp", "acl") and clause.lemma_.lower() in POSTURE_AIMS:
            yield clause
        elif clause.dep_ == "prep":
            yield from (p for p in clause.children
                        if p.dep_ == "pobj" and p.lemma_.lower() in POSTURE_AIMS)


def dispute_parties(trigger: Token, actors: DocActors, excluded: tuple[Actor, ...],
                    memory: EventMemory | None = None, sentence: int = 0) -> Found:
    """The actors of a dispute noun in the trigger's sentence; for a dispute noun without
    actors, the dispute the article named last (within reach)."""
    unnamed = None
    for token in trigger.sent:
        if token.lemma_.lower() in DISPUTE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            found = actors.search(token, excluded, max_depth=3)
            if found is not None:
                if memory is not None:
                    memory.remember_dispute(sentence, found)
                return f"dispute:{token.lemma_.lower()}", found
            unnamed = unnamed or token
    if unnamed is None or memory is None:
        return "", None
    earlier = memory.latest_dispute(sentence)
    if earlier is None:
        return "", None
    kept = tuple(a for a in earlier.actors if is_other(a, excluded))
    if not kept:
        return "", None
    return f"dispute:{unnamed.lemma_.lower()}", _with_actors(earlier, kept)


def _with_actors(mention: Mention, actors: tuple[Actor, ...]) -> Mention:
    return replace(mention, actors=actors)


def occasion_target(trigger: Token, actors: DocActors, excluded: tuple[Actor, ...]) -> Found:
    """"Putin sent condolences after a Russian air strike killed three Turkish soldiers":
    sympathy goes to the victims of the occasion the sentence names."""
    own = _own_side(excluded)  # "a Russian air strike" is the occasion, not its mourner
    for clause in trigger.children:
        if clause.dep_ in ("advcl", "prep"):
            found = actors.search(clause, own, max_depth=3)
            if found is not None:
                return "occasion", found
    return "", None


def _attack_means(verb: Token) -> list[Token]:
    """"killed in an air strike in Idlib", "killed in Israeli tank shelling in Gaza" (the
    gerund parsed as a clause of its own): the place may hang on the attack itself."""
    return [*means(verb), *(c for c in verb.children
                            if c.dep_ == "advcl" and c.lower_ in ATTACK_WORD_FORMS)]


def place_target(trigger: Token, actors: DocActors, excluded: tuple[Actor, ...]) -> Found:
    """The place a military action names: its object ("shelled Homs") or a locative phrase
    ("bombed areas in Aleppo"). A government's forces striking towns of their own country hit
    that country, so only the source itself is excluded."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    places = [(f"place:{c.dep_}", c) for c in objects]
    holders = (trigger, *objects, *_attack_means(trigger))
    places += [(f"place:{prep.lower_}", p) for holder in holders
               for prep in holder.children
               if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPOSITIONS
               for p in prep.children if p.dep_ == "pobj"]
    for slot, place in places:
        found = actors.search(place, max_depth=2)
        if found is not None and found.rule in PLACE_RULES:
            kept = tuple(a for a in found.actors if a not in excluded)
            if kept:
                return slot, replace(found, actors=kept)
        country = _the_country(place, actors, excluded)
        if country is not None:
            return slot, country
    return "", None


def _the_country(place: Token, actors: DocActors, excluded: tuple[Actor, ...]) -> Mention | None:
    """"struck targets across the country": the country named last before it, other than the
    attacker's own. Only as the place of a military action: elsewhere "the country" is as often
    the speaker's own country as any other."""
    if place.lemma_.lower() not in ("country", "nation") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in place.children):
        return None
    own = {a.country for a in excluded}
    named = [c for c in actors.countries_between(0, place.i)
             if c not in own and c[:3] not in NON_STATE_PREFIXES]
    if not named:
        return None
    return Mention(place.idx, place.idx + len(place.text), place.text, (Actor(named[-1]),),
                   "the-country", basis=f"'the {place.text}': {named[-1]}, named last before it")
