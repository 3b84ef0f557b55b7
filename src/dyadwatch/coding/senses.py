"""Trigger words used in a sense other than their pattern's act.

"Brazil beat Argentina in the final" is sport, "Tokyo will host the Olympics" hosts no visitor,
"the offensive met with fierce resistance" is no meeting, and "battling allegations" or "new
sanctions target Russian banks" are no armed attack. The pattern matched the word; these checks
read the words around it."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.dictionaries.patterns import Pattern

HOSTING, MEETING, FIGHT_ROOT = "043", "040", "19"


def another_sense(trigger: Token, pattern: Pattern) -> bool:
    """Whether the trigger means something other than the pattern's act here."""
    if _sports_result(trigger):
        return True
    if pattern.code.startswith(HOSTING):
        return _hosts_a_contest(trigger)
    if pattern.code.startswith(MEETING):
        return _meets_with_a_reaction(trigger)
    if pattern.code[:2] == FIGHT_ROOT:
        return _fights_a_thing(trigger) or _targeted_without_force(trigger)
    return False


# Teams carry their countries' names: a contest verb in a sentence about a match is sport.
CONTEST_VERBS = frozenset({"beat", "defeat", "crush", "thrash", "edge", "rout", "overcome",
                           "down", "hammer", "outplay", "eliminate", "knock", "draw", "tie"})
SPORT_WORDS = frozenset({"match", "final", "semi-final", "semifinal", "quarter-final",
                         "quarterfinal", "tournament", "championship", "cup", "league", "game",
                         "qualifier", "goal", "derby", "olympics", "medal", "set", "race"})


def _sports_result(trigger: Token) -> bool:
    return trigger.lemma_.lower() in CONTEST_VERBS and any(
        t.lemma_.lower() in SPORT_WORDS or t.lower_ in SPORT_WORDS for t in trigger.sent)


HOSTED_CONTESTS = SPORT_WORDS | {"games", "paralympics", "expo", "festival"}


def _hosts_a_contest(verb: Token) -> bool:
    return any(o.lemma_.lower() in HOSTED_CONTESTS or o.lower_ in HOSTED_CONTESTS
               for o in verb.children if o.dep_ == "dobj")


# What a plan or an act "meets with": a reaction, not a partner.
REACTION_NOUNS = frozenset({
    "resistance", "opposition", "criticism", "approval", "success", "failure", "response",
    "reaction", "skepticism", "scepticism", "hostility", "condemnation", "derision", "silence",
    "applause", "praise", "anger", "outrage", "protest", "resentment", "scorn", "disapproval",
    "enthusiasm", "indifference", "acclaim", "backlash", "rebuff", "refusal", "rejection"})


def _meets_with_a_reaction(verb: Token) -> bool:
    return verb.lemma_.lower() == "meet" and any(
        p.lemma_.lower() in REACTION_NOUNS for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with" for p in prep.children)


# Things one fights without arms: charges, bans, diseases, disasters, social ills.
NON_COMBAT_OBJECTS = frozenset({
    "allegation", "accusation", "charge", "claim", "lawsuit", "suit", "case", "ruling",
    "decision", "order", "ban", "law", "bill", "measure", "policy", "proposal", "plan",
    "extradition", "deportation", "sanction", "tax", "tariff", "corruption", "crime",
    "poverty", "unemployment", "inflation", "disease", "virus", "epidemic", "pandemic",
    "cancer", "addiction", "wildfire", "blaze", "flood", "drought", "hunger",
    "famine", "illness", "infection", "outbreak", "misinformation", "disinformation",
    "discrimination", "racism", "doping", "fraud", "climate", "obesity"})


# What "targets" someone without arms: "sanctions targeting Russian banks", "social media
# campaigns targeting the speaker".
UNARMED_MEANS = frozenset({
    "sanction", "measure", "restriction", "tariff", "law", "bill", "ban", "policy", "order",
    "decree", "campaign", "propaganda", "disinformation", "ad", "advert", "advertisement",
    "message", "tweet", "post", "criticism", "rhetoric", "probe", "investigation", "inquiry",
    "report", "story", "article", "legislation", "regulation", "penalty", "fine"})


def _targeted_without_force(verb: Token) -> bool:
    if verb.lemma_.lower() != "target":
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in ("acl", "relcl"):
        doers.append(verb.head)  # "campaigns targeting the speaker"
    return any(d.lemma_.lower() in UNARMED_MEANS for d in doers)


def _fights_a_thing(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in NON_COMBAT_OBJECTS
        for c in verb.children)
