"""Places in parsed sentences: which names are places, and where an event happened.

`find_places` accepts a name spaCy tags as a place (GPE, LOC, FAC) and resolves it with the
gazetteer, using the actors' countries and the other places of the sentence as context
("Paris, Texas", "Tripoli" next to "Beirut"); names from places.tsv are also taken when
capitalised, since spaCy often tags "Nagorno-Karabakh" as an organisation or misses "the
Donetsk region". A name inside a longer name ("the Moscow State University") is not a place.

`place_of_event` picks the place of one event from the syntax around its trigger; the actors'
names are not places (a metonym such as "Tehran's position" or the object in "Russia attacked
Ukraine" is an actor), nor is an opening dateline ("BAKU, Jan 13 (Reuters) -")."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.dictionaries.gazetteer import Gazetteer, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# spaCy sometimes tags a city as a group ("the city of Aleppo" → NORP); a proper noun of that
# label is taken when it is a known name, which demonyms ("Georgian") are not.
PROPER_NOUN_LABELS = frozenset({"NORP"})
ARTICLES = frozenset({"the"})
# A name may grow by this many words on each side of spaCy's entity ("Donetsk" + "region").
EXTEND_WORDS = 2
# Prepositions that put an action somewhere; "on" only with water, islands or an area noun
# ("on the Black Sea", "on the outskirts of Kabul"), since "talks on Syria" name a topic.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "within",
                            "throughout", "along", "off", "around", "over", "beyond"})
MOVEMENT_PREPS = frozenset({"to", "from", "into", "toward", "towards", "through", "via"})
# Locatives that, on a noun other than the event's own, say what the noun is about.
TOPIC_PREPS = frozenset({"over", "across", "beyond", "throughout"})
# Places an action can be "on" ("drills on the Kuril Islands", "patrols on the Black Sea").
ON_KINDS = frozenset({"sea", "ocean", "strait", "canal", "lake", "islands"})
MOVEMENT_LEMMAS = frozenset(
    {"travel", "fly", "go", "come", "arrive", "return", "head", "sail", "march", "move",
     "send", "deploy", "dispatch", "transfer", "ship", "deliver", "withdraw", "pull",
     "retreat", "evacuate", "flee", "leave", "depart", "expel", "deport", "redeploy", "fire",
     "launch", "export", "import", "smuggle", "bring", "take", "drive", "cross", "visit",
     "trip", "journey", "flight", "mission", "deployment", "withdrawal", "pullout", "delivery",
     "shipment", "evacuation", "transit", "route", "pipeline", "convoy"}
)
# Nouns a place may stand in front of as where the event is ("the Baku meeting").
EVENT_NOUNS = frozenset(
    {"meeting", "talk", "talks", "summit", "conference", "negotiation", "forum", "process",
     "format", "round", "session", "visit", "accord", "agreement", "deal", "declaration",
     "ceremony", "attack", "bombing", "blast", "explosion", "clash", "fighting", "offensive",
     "raid", "strike", "airstrike", "protest", "rally", "massacre", "siege", "battle", "war",
     "conflict", "ceasefire", "truce", "exercise", "drill", "parade", "election", "referendum",
     "operation", "shelling", "incursion", "standoff", "skirmish", "crisis"}
)
# Nouns a place name describes without being an actor ("the city of Aleppo", "the Azerbaijani
# capital, Baku", "the Donetsk region").
AREA_NOUNS = frozenset(
    {"city", "town", "village", "region", "province", "capital", "district", "oblast",
     "governorate", "port", "area", "territory", "enclave", "exclave", "island", "peninsula",
     "outskirts", "suburb", "vicinity", "coast", "shore", "waters", "border", "resort",
     "republic", "state", "county", "prefecture"}
)
AREA_SIDE_NOUNS = frozenset({"outskirts", "suburb", "coast", "shore", "border", "waters"})
# Labels of names a place may be part of without being the place.
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# How far from a noun to look up the tree for the event it belongs to ("a summit in Paris" →
# "on the sidelines of" → "met").
EVENT_REACH = 5
# Where an event is beats where it goes to or comes from ("fired from the Black Sea at targets
# in Idlib" → Idlib), which beats a locative of another clause.
ROLE_ORDER = {"event": 0, "route": 1, "clause": 2}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text; start and end are character offsets into the document."""

    start: int
    end: int
    text: str
    place: Place


def find_places(sent: Span, gazetteer: Gazetteer, *,
                countries: Collection[str] = ()) -> list[PlaceMention]:
    """The place names of a sentence in text order, each resolved with the actors' `countries`
    and the countries the sentence's unambiguous places name."""
    spans = _place_spans(sent, gazetteer)
    context = set(countries) | _anchors(spans)
    mentions = []
    for span, candidates in spans:
        place = gazetteer.rank(candidates, countries=context)[0]
        mentions.append(PlaceMention(span.start_char, span.end_char, span.text, place))
    return sorted(mentions, key=lambda m: m.start)


def _anchors(spans: list[tuple[Span, list[Place]]]) -> set[str]:
    """Countries of the sentence's names that can mean only one country ("Idaho", "Beirut")."""
    found = set()
    for _, candidates in spans:
        codes = {p.country for p in candidates}
        if len(codes) == 1 and "" not in codes:
            found |= codes
    return found


def _place_spans(sent: Span, gazetteer: Gazetteer) -> list[tuple[Span, list[Place]]]:
    found: list[tuple[Span, list[Place]]] = []
    taken: set[int] = set()
    for ent in sent.ents:
        hit = _entity_place(sent, ent, gazetteer)
        if hit is not None and not taken & set(range(hit[0].start, hit[0].end)):
            found.append(hit)
            taken.update(range(hit[0].start, hit[0].end))
    for span in _curated_spans(sent, gazetteer, taken):
        found.append((span, gazetteer.candidates(span.text)))
        taken.update(range(span.start, span.end))
    for span in _locative_names(sent, gazetteer, taken):
        found.append((span, gazetteer.candidates(span.text)))
        taken.update(range(span.start, span.end))
    return found


def _locative_names(sent: Span, gazetteer: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Proper names the entity recogniser missed but a locative preposition governs ("a
    branch in Derbent operates"): a place when the gazetteer knows the name."""
    for token in sent:
        if (token.pos_ != "PROPN" or token.dep_ != "pobj" or token.i in taken
                or token.head.lower_ not in LOCATIVE_PREPS or token.ent_type_):
            continue
        left = min((t.i for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"),
                   default=token.i)
        span = sent.doc[left : token.i + 1]
        if _name_edges(span) and gazetteer.candidates(span.text):
            yield span


def _entity_place(sent: Span, ent: Span,
                  gazetteer: Gazetteer) -> tuple[Span, list[Place]] | None:
    if ent.label_ in PROPER_NOUN_LABELS:
        if ent.root.pos_ != "PROPN":
            return None
    elif ent.label_ not in PLACE_LABELS:
        return None
    span = _without_article(ent)
    if len(span) == 0:
        return None
    span = _longest_known(sent, span, gazetteer)
    candidates = gazetteer.candidates(span.text)
    return (span, candidates) if candidates else None


def _without_article(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in ARTICLES:
        start += 1
    return span.doc[start:span.end]


def _longest_known(sent: Span, span: Span, gazetteer: Gazetteer) -> Span:
    """The entity grown by up to EXTEND_WORDS words each side when that makes a longer known
    name ("Donetsk" → "Donetsk region", "Karabakh" → "Nagorno-Karabakh")."""
    doc = sent.doc
    best = span
    for left in range(EXTEND_WORDS + 1):
        for right in range(EXTEND_WORDS + 1):
            start, end = span.start - left, span.end + right
            if start < sent.start or end > sent.end or (left == 0 and right == 0):
                continue
            grown = doc[start:end]
            if len(grown) > len(best) and _name_edges(grown) \
                    and gazetteer.candidates(grown.text):
                best = grown
    return best


def _name_edges(span: Span) -> bool:
    """A name starts with a capitalised word that is not an article and ends with a word."""
    first, last = span[0], span[-1]
    return (first.is_alpha and first.text[0].isupper() and first.lower_ not in ARTICLES
            and not last.is_punct)


def _curated_spans(sent: Span, gazetteer: Gazetteer, taken: set[int]) -> Iterator[Span]:
    """Capitalised names from places.tsv that spaCy did not tag as places, longest first."""
    i = sent.start
    while i < sent.end:
        span = _curated_at(sent, i, gazetteer, taken)
        if span is None:
            i += 1
            continue
        yield span
        i = span.end


def _curated_at(sent: Span, i: int, gazetteer: Gazetteer, taken: set[int]) -> Span | None:
    doc = sent.doc
    if not doc[i].text[:1].isupper():
        return None
    for end in range(min(sent.end, i + 2 * gazetteer.max_words), i, -1):
        span = doc[i:end]
        if taken & set(range(i, end)) or not _name_edges(span):
            continue
        if gazetteer.is_curated(span.text) and not _inside_longer_name(sent, span):
            return span
    return None


def _inside_longer_name(sent: Span, span: Span) -> bool:
    """True when the span is part of a longer organisation, person or other name, or is
    itself a person's name."""
    for ent in sent.ents:
        if ent.end <= span.start or ent.start >= span.end:
            continue
        if ent.label_ == "PERSON" or (ent.label_ in NAME_LABELS and len(_without_article(ent))
                                      > len(span)):
            return True
    return False


def place_of_event(sent: Span, trigger: Token, gazetteer: Gazetteer, *,
                   countries: Collection[str] = (), dateline_end: int = 0,
                   exclude: Collection[tuple[int, int]] = ()) -> PlaceMention | None:
    """Where the event of `trigger` happened: a place in a prepositional phrase or compound
    attached to the trigger or its event noun, else a place in a locative phrase of a clause of
    the sentence, else None. `exclude` holds (start, end) character spans of the actors."""
    ranked: list[tuple[int, int, PlaceMention]] = []
    nodes = _event_nodes(trigger)
    for mention in find_places(sent, gazetteer, countries=countries):
        if mention.start < dateline_end or _overlaps(mention, exclude):
            continue
        head = _mention_root(sent, mention)
        role = _role(head, mention.place, nodes, countries, trigger) if head is not None else ""
        if head is not None and role in ROLE_ORDER:
            ranked.append((ROLE_ORDER[role], abs(head.i - trigger.i), mention))
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None


def _overlaps(mention: PlaceMention, spans: Collection[tuple[int, int]]) -> bool:
    return any(start < mention.end and mention.start < end for start, end in spans)


def _mention_root(sent: Span, mention: PlaceMention) -> Token | None:
    span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _event_nodes(trigger: Token) -> set[Token]:
    """The trigger, the nouns it governs ("held talks") and, for a noun trigger, the verb or
    noun that governs it."""
    nodes = {trigger}
    nodes.update(c for c in trigger.children if c.pos_ in NOUN_POS and c.dep_ != "poss")
    if trigger.pos_ in NOUN_POS and trigger.head is not trigger:
        nodes.add(trigger.head)
    return nodes


def _role(head: Token, place: Place, nodes: set[Token], countries: Collection[str],
          trigger: Token) -> str:
    """"event" when the place is where the event is, "route" when the event moves to or from
    it, "clause" when it is a locative of a clause the trigger belongs to, "" when it is an
    actor or part of one, or the place of another clause ("As soon as the structures are
    formed in Washington, contacts will be established")."""
    node = _climb(head)
    if node.dep_ in ("compound", "nmod") and node.head in nodes \
            and node.head.lemma_.lower() in EVENT_NOUNS:
        return "event"
    if node.dep_ != "pobj":
        return ""
    prep = node.head
    attach = _prep_attachment(prep)
    word = prep.lower_
    if word in MOVEMENT_PREPS:
        if place.kind == "country" and place.country in countries:
            return ""  # the destination country is the target actor ("sent troops to Syria")
        if attach.lemma_.lower() not in MOVEMENT_LEMMAS:
            return ""
    elif word == "on":
        if place.kind not in ON_KINDS and node.lemma_.lower() not in AREA_SIDE_NOUNS:
            return ""
    elif word not in LOCATIVE_PREPS:
        return ""
    if word in TOPIC_PREPS and attach not in nodes and attach.pos_ in NOUN_POS:
        return ""  # "a memorandum on flights over Syria": the area a noun is about
    if _reaches(attach, nodes):
        return "route" if word in MOVEMENT_PREPS else "event"
    inside = attach is trigger or attach in trigger.ancestors
    return "clause" if attach.pos_ in VERB_POS and inside else ""


def _climb(token: Token) -> Token:
    """From a place name to the phrase that carries it: "Moscow and Beijing" → Moscow, "the
    capital, Baku" → capital, "the city of Aleppo" → city, "Donetsk region" → region."""
    for _ in range(4):
        head = token.head
        joined = token.dep_ in ("conj", "appos") and head.pos_ in NOUN_POS
        if joined or (token.dep_ == "compound" and head.lemma_.lower() in AREA_NOUNS):
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" \
                and head.head.lemma_.lower() in AREA_NOUNS:
            token = head.head
        else:
            break
    return token


def _prep_attachment(prep: Token) -> Token:
    """What a preposition modifies; "in X and near Y" attaches "near" where "in" is."""
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head is not prep:
        prep = prep.head
    return prep.head


def _reaches(token: Token, nodes: set[Token]) -> bool:
    """True when `token` is an event node or a noun below one through nouns and prepositions
    ("targets in Idlib" of "fired at targets")."""
    for _ in range(EVENT_REACH):
        if token in nodes:
            return True
        if token.pos_ in VERB_POS or token.head is token:
            return False
        token = token.head
    return False


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_WORD = r"[A-Z][\w.'\u2019-]*"
_PLACE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_PLACE})(?P<region>(?:[ \t]*,[ \t]*{_PLACE}){{0,2}})"
    rf"(?:[ \t]*,?[ \t]*(?P<date>{_DATE}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"[ \t]*(?:[\u2014\u2013]|--|-(?=\s)|:(?=\s))\s*"
)


def dateline_end(text: str) -> int:
    """Character offset where an opening dateline ends ("BAKU, Jan 13 (Reuters) -", "MOSCOW
    (AP) —", "Baku, Azerbaijan, Jan. 5 —"), else 0. A dateline needs a place in capitals, a
    place with its region or country, a date or an agency, so a text opening "Russia - ..."
    has none."""
    match = _DATELINE.match(text)
    if match is None:
        return 0
    place = match.group("place")
    shouting = place.upper() == place and any(c.isalpha() for c in place)
    if shouting or match.group("region") or match.group("date") or match.group("agency"):
        return match.end()
    return 0
