"""Reading a trigger's syntactic frame from the dependency parse: which phrases are its
subject (the source), its objects, and the fillers of a pattern's target slots.

Handled: active and passive clauses, passive participles with a "by" agent ("a memorandum
signed by X and Y"), control ("X plans to visit", "X urged Y to", "X is expected to"),
conjoined and subordinate verbs sharing a subject, relative and reduced clauses ("companies
invested in"), predicative adjectives ("X is optimistic about Y") and nominal triggers
("Moscow's mediation", "the meeting between X and Y")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dyadwatch.coding.brokered import is_brokering_modifier
from dyadwatch.coding.doers import (
    PASSIVE_SUBJECT_DEPS,
    agent_of,
    attacker_of,
    authority_of_place,
    is_participle_of,
    is_passive,
    placer_of_weapon,
)
from dyadwatch.coding.modality import INTENT_NOUNS
from dyadwatch.coding.phrases import child, of_objects, preposition
from dyadwatch.dictionaries.patterns import Pattern

SUBJECT_DEPS = ("nsubj", "csubj")
# "any" covers the trigger's own arguments, not the clauses hanging off it.
ANY_SLOT_DEPS = frozenset({"dobj", "dative", "iobj", "prep", "attr", "oprd", "xcomp", "ccomp",
                           "npadvmod", "acomp"})
# Heads that only count what follows "of": "a series of agreements", "a number of documents".
QUANTITY_NOUNS = frozenset(
    {"series", "number", "package", "set", "range", "couple", "dozen", "dozens", "hundreds",
     "pair", "raft", "batch", "total", "bundle", "list", "round", "host", "shipment",
     "consignment", "delivery", "cargo", "barrel", "ton", "tonne", "load", "supply"}
)
# "$2 billion in security assistance", "500 million euros of aid": what an amount is of.
AMOUNT_WORDS = frozenset({"billion", "million", "trillion", "dollar", "euro", "ruble",
                          "rouble", "yuan", "pound", "$"})


# Legal status participles on a noun describe it: "the Islamic State terror group (outlawed in
# Russia)", "a group designated as terrorist" are descriptors, not acts.
STATUS_PARTICIPLES = frozenset({"outlaw", "ban", "prohibit", "designate", "blacklist", "list",
                                "proscribe"})


def is_status_descriptor(trigger: Token) -> bool:
    """"the group outlawed in Russia", also when the parser makes the participle a relative
    clause of some other noun ("ISIL (the former name of the IS terror group outlawed in
    Russia)"): a legal status where no one acts on an object."""
    if trigger.lemma_.lower() not in STATUS_PARTICIPLES:
        return False
    return is_participle_of(trigger) or (
        trigger.dep_ == "relcl" and trigger.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("dobj", "auxpass", "aux") for c in trigger.children))


def objects(trigger: Token, pattern: Pattern) -> list[Token]:
    """What the trigger acts on: direct objects, the passive subject ("a plan was signed"), the
    noun a participle modifies, or for an intransitive verb the object of its first
    prepositional slot ("participate in projects"); with conjuncts, looking through quantity
    nouns ("a series of agreements")."""
    heads = [c for c in trigger.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)]
    # "found Wilders guilty", "declared the vote illegal": the small clause's predicate; the
    # parser may also hang it after the object ("found a Russian man guilty").
    heads += [c for c in trigger.children
              if c.dep_ in ("ccomp", "oprd") and c.pos_ in ("ADJ", "NOUN")
              and any(s.dep_ == "nsubj" for s in c.children)]
    heads += [a for d in trigger.children if d.dep_ == "dobj" for a in d.children
              if a.dep_ == "amod" and a.i > d.i and a.pos_ == "ADJ"]
    if is_participle_of(trigger):
        heads.append(trigger.head)
    if not heads:
        first_prep = next((s for s in pattern.target if s.startswith("prep:")), None)
        heads = slot_fillers(trigger, first_prep) if first_prep else []
    # "provided Turkey with support": what is given sits in the with-phrase; "supplier of
    # arms": an agent noun's goods in its of-phrase.
    given: tuple[str, ...] = ("with", "of") if trigger.pos_ == "NOUN" else ("with", "as")
    if trigger.pos_ == "VERB" and any(c.dep_ == "dobj" for c in trigger.children):
        given += ("in",)  # "engaged peacekeepers in a firefight": the act is in the in-phrase
    heads += [p for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in given
              for p in prep.children if p.dep_ == "pobj" and p not in heads]
    # "views systems being deployed in Asia as a threat": the parser may hang the as-phrase on
    # the object's participle, or make the object the subject of a participle clause.
    heads += [p for d in heads if d.dep_ == "dobj" for acl in d.children if acl.dep_ == "acl"
              for p in _as_objects(acl)]
    if trigger.pos_ == "VERB":
        heads += [p for c in _as_clauses(trigger) for p in (*_as_objects(c), *_subjects(c))]
    found = [o for h in heads for o in (h, *h.conjuncts)]
    return found + [q for o in found for q in _counted_objects(o)]


def _counted_objects(noun: Token) -> list[Token]:
    """What a quantity or an amount counts: "a shipment of missiles", "$2 billion in aid"."""
    lemma = noun.lemma_.lower()
    if lemma in QUANTITY_NOUNS:
        return of_objects(noun)
    if lemma in AMOUNT_WORDS or noun.ent_type_ == "MONEY":
        return of_objects(noun, ("of", "in"))
    return []


def _as_objects(verb: Token) -> list[Token]:
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for p in prep.children if p.dep_ == "pobj"]


def _as_clauses(verb: Token) -> list[Token]:
    """"views American warships being deployed in the Gulf as a threat", parsed as a clause:
    a participle complement carrying the as-phrase of the viewing."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBG")
            and _as_objects(c)]


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", *PASSIVE_SUBJECT_DEPS)]


def source_candidates(trigger: Token, pattern: Pattern) -> Iterator[Token]:
    """Phrases that may name the source, best first."""
    if pattern.pos == "NOUN":
        found = nominal_source(trigger)
    elif pattern.pos == "ADJ":
        found = child(trigger.head, SUBJECT_DEPS)
    elif is_passive(trigger):
        found = agent_of(trigger) or attacker_of(trigger) or authority_of_place(trigger, pattern)
    else:
        found = verbal_subject(trigger)
    if found is not None:
        yield found
        planter = placer_of_weapon(found) if pattern.pos == "VERB" else None
        if planter is not None:
            yield planter
    if pattern.pos == "VERB" and trigger.dep_ == "acl" and trigger.head.head is not trigger.head:
        # "blocked an EU statement criticising China": the noun's own author acts first.
        author = nominal_source(trigger.head) if trigger.tag_ == "VBG" else None
        if author is not None and author is not found:
            yield author
        # "Putin signed a decree imposing sanctions": whoever acts on the noun acts through its
        # clause; not "there was information supporting …" (no one acts on the noun) nor a
        # passive participle ("to identify victims killed by the crash").
        through = trigger.head.dep_ == "dobj" and not is_passive(trigger)
        governing = verbal_subject(trigger.head.head) if through else None
        if governing is not None and governing is not found:
            yield governing
    if pattern.pos == "NOUN":
        yield from _nominal_fallbacks(trigger, pattern)


# Event nouns that a phrase of time or circumstance ties to the clause's subject:
# "Following a talk with Merkel, Kaczynski said", "after his meeting with Lavrov".
CIRCUMSTANCE_PREPOSITIONS = frozenset({"after", "following", "before", "during", "at", "upon",
                                       "on", "ahead"})
# Verbs through which the subject performs the act its object names.
ENACTING_VERBS = frozenset({"announce", "renew", "issue", "launch", "make", "declare",
                            "order", "begin", "start", "resume", "step", "extend", "impose",
                            "conduct", "carry", "stage", "mount", "deliver", "lodge", "file",
                            "hold"})
# Roots of acts done by speaking: a statement's speaker performs them ("'... demands
# condemnation of Russian actions,' the ambassador said"), and "from X" names who did them
# ("accusations from Georgia", "criticism from Berlin").
SPOKEN_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
REPORTING_VERBS = frozenset({"say", "tell", "state", "add", "note", "declare", "stress",
                             "insist", "write", "announce", "warn", "explain"})


def _nominal_fallbacks(noun: Token, pattern: Pattern) -> Iterator[Token]:
    spoken = pattern.code[:2] in SPOKEN_ROOTS
    if spoken:
        source = child(preposition(noun, "from"), ("pobj",))
        if source is not None:
            yield source
    head = noun.head
    # "addressed sanctions in a call with Kislyak": an "in" encounter with a partner is the
    # subject's (not "in the first contact between the two countries").
    in_encounter = head.lower_ == "in" and preposition(noun, "with") is not None
    if noun.dep_ == "pobj" and (head.lower_ in CIRCUMSTANCE_PREPOSITIONS or in_encounter) and (
            head.head.pos_ in ("VERB", "AUX")):
        subject = verbal_subject(head.head)
        if subject is not None:
            yield subject
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ENACTING_VERBS:
        # "Turkey renewed an appeal to Belgium", "Italy announced a suspension of flights".
        subject = verbal_subject(head)
        if subject is not None:
            yield subject
    if spoken:
        speaker = _reporting_subject(noun)
        if speaker is not None:
            yield speaker
    if noun.lemma_.lower() in AGENT_NOUNS:
        yield from _agent_of(noun)


# Nouns that name the actor by what it does: "Russia is the main supplier of arms to Syria".
AGENT_NOUNS = frozenset({"supplier", "exporter", "provider", "seller", "donor", "sponsor",
                         "backer", "investor", "mediator", "broker", "guarantor", "ally"})


def _agent_of(noun: Token) -> Iterator[Token]:
    """Who the agent noun is: the subject of its copula ("Russia is the main supplier"), or,
    when the copula is left out ("as Russia among main exporters"), the name just before
    "among"."""
    head = noun.head
    if noun.dep_ in ("attr", "acomp", "oprd") and head.lemma_.lower() in COPULAS:
        subject = child(head, SUBJECT_DEPS)
        if subject is not None:
            yield subject
        return
    if not (noun.dep_ == "pobj" and head.lower_ == "among"):
        return  # "Russia and the OSCE as mediators" describes roles; it reports no act
    for before in reversed(noun.sent[: max(0, noun.i - noun.sent.start)]):
        if before.pos_ == "PROPN" and before.i >= noun.i - AGENT_REACH:
            yield before
            return


COPULAS = frozenset({"be", "remain", "become", "stay"})
AGENT_REACH = 4  # tokens between a verbless agent noun and its name ("Russia among main")


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the reporting verb the token's clause hangs from ("X said")."""
    root = token.sent.root
    if root.lemma_.lower() not in REPORTING_VERBS:
        return None
    return child(root, SUBJECT_DEPS)


# Verbs whose object is the means of the purpose that follows ("used drones to strike",
# "deployed troops to secure"): the subject acts in the purpose clause.
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "deploy", "fire",
                              "mobilize", "mobilise", "spend", "exploit", "enlist"})


# Prepositions whose gerund is an act of the clause's own subject ("responded by shelling",
# "after meeting"); not "of" ("accused Y of attacking": Y's alleged act) nor "without"
# (what did not happen) nor "against" ("warned against attacking").
OWN_ACT_PREPOSITIONS = frozenset({"by", "after", "before", "while", "upon", "on", "through",
                                  "since", "following", "in"})


def verbal_subject(verb: Token, depth: int = 0) -> Token | None:
    subject = child(verb, SUBJECT_DEPS)
    if subject is not None and verb.dep_ == "relcl" and _relative_pronoun(subject):
        return verb.head  # "Syrian rebels, who are fighting IS": the rebels fight
    if subject is not None or depth > 3 or verb.head is verb:
        return subject
    author = _author_of_plan(verb)
    if author is not None:
        # "a plan by the US and South Korea to deploy THAAD", "Turkey's bid to buy S-400s":
        # whoever plans acts in the plan's infinitive.
        return author
    if _purpose_of_object(verb):
        # "performed a mission to destroy", "launched an operation to retake": whoever
        # carries out the noun acts in its purpose clause.
        return verbal_subject(verb.head.head, depth + 1)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and (
            verb.tag_ in ("VBN", "VBG", "VBD") or verb.head.dep_ == "ROOT")):
        # "countries that signed", and reduced clauses: "companies invested in X"; a noun
        # heading the sentence is the subject the parser took apart ("Thousands protested"),
        # and so is a noun with a finite verb on it ("Cavusoglu, Turkey's foreign minister,
        # called on the EU").
        return verb.head
    if verb.dep_ == "xcomp":
        # "urged Y to": the object controls; "is expected to": the passive subject does;
        # "called on Y to": the object of "on".
        controller = child(verb.head, ("dobj", *PASSIVE_SUBJECT_DEPS))
        if controller is not None and controller.dep_ == "dobj" and (
                verb.head.lemma_.lower() in INSTRUMENT_VERBS):
            controller = None  # "used munitions to bomb": the user bombs, not the munitions
        if controller is None:
            controller = child(preposition(verb.head, "on"), ("pobj",))
        return controller if controller is not None else verbal_subject(verb.head, depth + 1)
    if verb.dep_ in ("conj", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        return verbal_subject(verb.head, depth + 1)
    if (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep"
            and verb.head.lower_ in OWN_ACT_PREPOSITIONS
            and verb.head.head.pos_ in ("VERB", "AUX")):
        # "responded by shelling", "after fighting a war with Georgia", "focus on fighting":
        # the gerund's subject is the clause's.
        return verbal_subject(verb.head.head, depth + 1)
    return None


def _author_of_plan(verb: Token) -> Token | None:
    noun = verb.head
    if (verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN"
            or noun.lemma_.lower() not in INTENT_NOUNS
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)):
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None) or child(
        preposition(noun, "by"), ("pobj",))


def _purpose_of_object(verb: Token) -> bool:
    """An infinitive on a verb's object noun: "a mission to destroy" (the parser may call it
    a relative clause)."""
    noun = verb.head
    return (verb.dep_ in ("relcl", "acl") and noun.pos_ == "NOUN" and noun.dep_ == "dobj"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
            and noun.head.pos_ == "VERB")


def nominal_source(noun: Token) -> Token | None:
    for c in noun.children:
        if is_brokering_modifier(noun, c):
            continue  # "a Turkish-mediated ceasefire": the mediator is no party to it
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.pos_ != "NOUN"):
            return c
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if by is None and noun.lemma_.lower() in AGENT_OF_NOUNS:
        # "the visit of the Iranian president to Moscow": the of-phrase names who travels.
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return child(by, ("pobj",))


# Event nouns whose of-phrase names their agent rather than what they act on.
AGENT_OF_NOUNS = frozenset({"visit", "trip", "arrival", "departure", "stay", "withdrawal",
                            "pullout", "retreat"})


def raised_object(verb: Token) -> list[Token]:
    """"wants Putin to attack": the parser makes Putin the subject of "attack"; for the
    wanting, it is the one asked."""
    return [subject for c in verb.children
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for subject in c.children if subject.dep_ == "nsubj"]


def _relative_pronoun(token: Token) -> bool:
    return token.lower_ in ("that", "which", "who", "whom") and token.tag_ in ("WDT", "WP", "DT")


def relative_object(verb: Token) -> list[Token]:
    """"the separatists it supports": in a relative clause with a subject of its own and no
    object, the noun the clause describes is what the verb acts on."""
    if verb.dep_ != "relcl" or is_passive(verb) or child(verb, ("nsubj",)) is None:
        return []
    return [verb.head]


# Verbs that say an event noun took place; the parties may hang on them ("clashes erupted
# between X and Y", "talks took place with Y").
OCCURRENCE_VERBS = frozenset({"break", "erupt", "flare", "resume", "continue", "escalate",
                              "intensify", "rage", "occur", "begin", "start", "take", "persist",
                              "spread", "subside", "end"})
PARTY_PREPS = frozenset({"between", "with"})


def _happens(trigger: Token) -> bool:
    """The trigger is the subject of a verb that only says it took place."""
    return (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB"
            and trigger.head.lemma_.lower() in OCCURRENCE_VERBS)


def _counted_group(subject: Token, verb: Token) -> Token:
    """"Three Turkish soldiers were killed and 11 were injured": a bare number subject of a
    conjoined passive counts the group its sibling names."""
    if subject.pos_ != "NUM" or subject.dep_ not in PASSIVE_SUBJECT_DEPS or any(
            c.dep_ == "prep" for c in subject.children):
        return subject
    siblings = [c for v in verb.conjuncts for c in v.children
                if c.dep_ in PASSIVE_SUBJECT_DEPS and c.pos_ != "NUM"]
    return siblings[0] if siblings else subject


MEDIUM_NOUNS = frozenset({"phone", "telephone", "videoconference", "video", "videolink",
                          "link", "hotline"})


def slot_fillers(trigger: Token, slot: str) -> list[Token]:
    """The phrase heads that fill a target slot of the trigger."""
    if slot == "dobj":
        if is_participle_of(trigger):
            return [trigger.head]
        deps = PASSIVE_SUBJECT_DEPS if is_passive(trigger) else ("dobj",)
        objects = [trigger.head if _relative_pronoun(c) and trigger.dep_ == "relcl" else c
                   for c in trigger.children if c.dep_ in deps]
        objects = [_counted_group(o, trigger) for o in objects]
        if not objects and not is_passive(trigger):
            objects = [s for c in _as_clauses(trigger) for s in _subjects(c)]
        return objects or raised_object(trigger) or relative_object(trigger)
    if slot == "dative":
        datives = [c for c in trigger.children if c.dep_ in ("dative", "iobj")]
        # "sent Ukraine military aid", parsed with "Ukraine" as a modifier of the aid: a name
        # right after the verb, before its object, is whom it goes to.
        return datives or [n for d in trigger.children if d.dep_ == "dobj"
                           for n in d.children if n.dep_ in ("nmod", "compound")
                           and n.pos_ == "PROPN" and n.i == trigger.i + 1]
    if slot in ("xcomp", "ccomp"):
        # A noun's that-clause is an acl: "accusations that the Kremlin is absorbing ...";
        # an adjective's clause may hang off its copula: "Moscow is confident that ...".
        deps = (slot, "acl") if slot == "ccomp" and trigger.pos_ == "NOUN" else (slot,)
        holders = [trigger, trigger.head] if trigger.dep_ in ("acomp", "oprd") else [trigger]
        clauses = [c for h in holders for c in h.children if c.dep_ in deps]
        # "found Wilders guilty of inciting ...": a verbless small clause is about its subject.
        return [next((s for s in c.children if s.dep_ == "nsubj"), c)
                if c.pos_ in ("ADJ", "NOUN") else c for c in clauses]
    if slot == "any":
        return [c for c in trigger.children if c.dep_ in ANY_SLOT_DEPS]
    word = slot.split(":", 1)[1]
    # "presented evidence against Russia" and "evidence against Russia was presented": the
    # object, active or passive, may hold the preposition.
    holders = [trigger, *(c for c in trigger.children
                          if c.dep_ in ("dobj", "attr", "acomp", *PASSIVE_SUBJECT_DEPS))]
    # "spoke by telephone with Rouhani": the parser may hang the partner on the medium.
    holders += [p for prep in trigger.children if prep.dep_ == "prep"
                and prep.lower_ in ("by", "via", "over")
                for p in prep.children if p.lemma_.lower() in MEDIUM_NOUNS]
    if trigger.dep_ in ("acomp", "oprd"):
        holders.append(trigger.head)  # "X is optimistic | on Y": the copula holds the preposition
    if word in PARTY_PREPS and _happens(trigger):
        holders.append(trigger.head)  # "fighting broke out | between X and Y"
    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "agent", "dative")
             and c.lower_ == word]
    if not preps and word in PARTNER_PREPS:
        preps = _partner_attached_low(holders, word)
    return [p for prep in preps for p in prep.children if p.dep_ in ("pobj", "pcomp")]


PARTNER_PREPS = frozenset({"with", "between"})


def _partner_attached_low(holders: list[Token], word: str) -> list[Token]:
    """"discussed performance of the agreement with Novak", "talks in the 2+2 format with
    Japan": the parser often hangs the partner on the last noun of a phrase chain after the
    trigger; taken only when the trigger and its object have no such phrase themselves."""
    nouns = holders
    for _ in range(2):
        nouns = [p for n in nouns for prep in n.children if prep.dep_ == "prep"
                 and prep.lower_ in CHAIN_PREPOSITIONS for p in prep.children
                 if p.dep_ == "pobj" and p.lemma_.lower() not in PREPOSITION_IDIOMS]
        found = [c for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == word]
        if found:
            return found
    return []


CHAIN_PREPOSITIONS = frozenset({"of", "on", "in", "about", "over", "regarding"})
# "in line with the accords", "in connection with the case": a compound preposition, not a
# noun with a partner.
PREPOSITION_IDIOMS = frozenset({"line", "accordance", "connection", "comparison", "keeping",
                                "conjunction", "compliance", "contrast", "step", "tandem"})
