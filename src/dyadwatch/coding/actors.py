"""Resolve a noun phrase of a parsed sentence to the actor(s) it stands for.

A phrase is coded from, in order: a table name at its head (country, capital, seat of power,
person, organisation), a collective ("the two countries", "both sides") resolved to the two
countries the article named last, a person named earlier in the article, or its modifiers —
a country name, adjective or possessive plus a sector word ("Russian Foreign Ministry
spokeswoman Maria Zakharova" → RUSGOV, "Russian companies" → RUSBUS). Phrases that refer back
(pronouns, "the ministry", "the two countries") are resolved in `coding.references`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from dyadwatch.coding.bodies import national_body
from dyadwatch.coding.lexicon import Lexicon, NameHit
from dyadwatch.coding.name_filters import kept_names
from dyadwatch.coding.phrases import (
    ACTION_NOUNS,
    DESCRIPTOR_PARTICIPLES,
    FIRST_PERSON,
    GENERIC_HEADS,
    GROUP_NOUNS,
    LOCAL_SECTORS,
    NON_STATE_PREFIXES,
    OPERATING_SECTORS,
    PERSONAL_PRONOUNS,
    PLACE_KINDS,
    STATE_SECTORS,
    acts,
    breadth_first,
    counted_group,
    entity_start,
    is_other,
    is_postposed_speaker,
    listed_appositions,
    phrase_tokens,
    unique,
)
from dyadwatch.coding.references import Coded, ReferenceBack
from dyadwatch.model import Actor, Mention

# Actors found by search are never deeper than this in a subtree (keeps targets near the verb).
MAX_SEARCH_DEPTH = 6


class DocActors(ReferenceBack):
    """Actor resolution for one document; remembers people and countries as it reads."""

    def __init__(self, doc: Doc, lexicon: Lexicon, published: date | None) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: slice one copy
        self.lexicon = lexicon
        self.names = kept_names(doc, lexicon.name_hits(doc, published))
        self.sectors = lexicon.sector_hits(doc)
        self._countries = self._country_positions()
        # Every country the article names, people's included (outlets report, they are no side).
        self._article_countries = {hit.entry.country for hit in self.names.values()
                                   if hit.sector != "MED"}
        self._people: dict[str, Actor] = {}
        self._person_positions: list[tuple[int, Actor, str]] = []
        self._remember_people()

    # -- public -------------------------------------------------------------------------------
    def resolve(self, token: Token, *, lenient: bool = False) -> Mention | None:
        """The actor(s) of the phrase headed by `token`, conjuncts included ("X and Y").

        `lenient` also accepts a plain noun with a country word ("the Greek proposal" → GRC),
        which is right for the phrase a verb acts on, not for an actor that acts."""
        members = [token, *(c for c in token.conjuncts if not is_postposed_speaker(c))
                   ] if token.dep_ != "conj" else [token]
        members += listed_appositions(token)
        found = [(m, self._resolve_one(m, lenient)) for m in members]
        coded = [c for _, c in found if c is not None]
        if not coded:
            return None
        coded += [sibling for member, c in found if c is None
                  if (sibling := self._sibling_country(member, coded[0])) is not None]
        actors = unique(a for c in coded for a in c.actors)
        tokens = [t for c in coded for t in c.tokens]
        basis = "; ".join(dict.fromkeys(c.basis for c in coded if c.basis))
        mention = self._mention(tokens, actors, coded[0].rule, basis)
        if len(coded) == 1 and coded[0].refers_to:
            # Evidence stays readable: "she (Maria Zakharova)".
            text = f"{mention.text} ({coded[0].refers_to})"
            return replace(mention, text=text)
        return mention

    def search(
        self, token: Token, exclude: Iterable[Actor] = (), *,
        max_depth: int = MAX_SEARCH_DEPTH,
    ) -> Mention | None:
        """The nearest actor in `token`'s subtree that is not one of `exclude` (see
        `is_other`)."""
        excluded = tuple(exclude)
        for candidate in breadth_first(token, max_depth):
            if candidate.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON", "NUM"):
                continue
            hit = self.names.get(candidate.i)
            if hit is not None and self._backer(hit):
                continue  # "Iranian-linked targets" are not Iran's
            mention = self.resolve(candidate)
            if mention is None:
                continue
            kept = tuple(a for a in mention.actors if is_other(a, excluded))
            if kept:
                return replace(mention, actors=kept)
        return None

    def mentions(self) -> list[Mention]:
        """Every actor mention of the document in text order: each phrase that codes to an
        actor, then table names inside phrases that do not ("Russian-Azerbaijani relations")."""
        found: list[Mention] = []
        covered: set[int] = set()
        for token in self.doc:
            if not self._phrase_head(token):
                continue
            mention = self.resolve(token)
            if mention is not None and mention.start not in covered:
                found.append(mention)
                covered.update(range(mention.start, mention.end))
        spans = {(m.start, m.end) for m in found}
        for hit in dict.fromkeys(self.names.values()):
            span = self.doc[hit.start : hit.end]
            nested = (hit.entry.kind in ("organisation", "igo", "person", "seat")
                      and (span.start_char, span.end_char) not in spans)
            if span.start_char not in covered or nested:
                coded = self._from_name(span[0], hit)
                found.append(self._mention(list(span), coded.actors, coded.rule, coded.basis))
        return sorted(found, key=lambda m: (m.start, m.end))

    def countries_between(self, start: int, end: int) -> list[str]:
        """Country codes of the names (countries, capitals, people, bodies) from token
        `start` up to `end`, in text order: what a sentence is about, for tone and volume."""
        return [country for i, country in self._countries if start <= i < end and country]

    def _phrase_head(self, token: Token) -> bool:
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") and token.i not in self.names:
            return False
        if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
            return False  # coded with the first conjunct ("Azerbaijan and Russia")
        modifier = token.dep_ in ("compound", "amod", "poss", "nmod", "nummod")
        return not (modifier and token.head.pos_ in ("NOUN", "PROPN"))

    def _sibling_country(self, member: Token, sibling: Coded) -> Coded | None:
        """"Talks between the Syrian government and the opposition": a group named only by its
        kind, next to a country's government or forces, is of that country."""
        sector = self.sectors.get(member.i, "")
        countries = {a.country for a in sibling.actors}
        if not sector or len(countries) != 1 or not all(
                a.sector in STATE_SECTORS for a in sibling.actors):
            return None
        return Coded((Actor(countries.pop(), sector),), (member,), "sibling",
                      basis="the country of the group it is named with")

    # -- one phrase -----------------------------------------------------------------------------
    def _resolve_one(self, token: Token, lenient: bool = False) -> Coded | None:
        hit = self.names.get(token.i)
        if hit is not None:
            return self._from_name(token, hit)
        if self._is_collective(token):
            # "the ministers from Japan and Russia" name their own countries.
            named = any(t.i in self.names for t in phrase_tokens(token))
            own = self._from_modifiers(token, lenient) if named else None
            return own if own is not None else self._collective(token)
        if token.pos_ == "PROPN" and token.text in self._people:
            return Coded((self._people[token.text],), (token,), "person-memory",
                          basis=f"'{token.text}' coded earlier in the article")
        if token.pos_ == "PRON" and token.lower_ in PERSONAL_PRONOUNS:
            return self._pronoun(token)
        if token.pos_ == "PRON" and token.lower_ in FIRST_PERSON:
            return self._speaker(token)
        if token.pos_ == "PRON" and token.lower_ in ("it", "its", "they", "them", "their"):
            return self._thing_pronoun(token)
        coded = self._from_modifiers(token, lenient)
        if coded is None:
            coded = self._located_in(token)
        if coded is None and self._is_definite_sector_noun(token):
            coded = self._definite(token)
        if coded is None:
            coded = self._operating_where_placed(token)
        if coded is None:
            coded = self._national_body(token)
        return coded

    def _national_body(self, token: Token) -> Coded | None:
        """"Congress", "Democratic lawmakers": see `coding.bodies`."""
        found = national_body(token, self._article_countries)
        if found is None:
            return None
        actor, basis = found
        return Coded((actor,), (token,), "national-body", basis=basis)

    def _operating_where_placed(self, token: Token) -> Coded | None:
        """"Gunmen attacked a base in Chechnya", "police in Gjilan": a group named only by
        its kind is coded with the one country its sentence names (the conventions code
        armed groups by their country of operation)."""
        sector = self.sectors.get(token.i, "")
        if sector not in OPERATING_SECTORS or token.pos_ != "NOUN" or token.i in self.names:
            return None
        lemma = token.lemma_.lower()
        if (token.tag_ != "NNS" and lemma not in GROUP_NOUNS) or lemma in ACTION_NOUNS:
            return None  # "an army base", "air strikes": things and acts, not acting groups
        # "Armenia-backed fighters ... in Nagorno-Karabakh": a backer is not where they fight.
        countries = {self.names[i].entry.country for i in range(token.sent.start, token.sent.end)
                     if i in self.names and self.names[i].entry.kind in PLACE_KINDS
                     and not self._backer(self.names[i]) and not self._base(self.names[i])}
        if len(countries) != 1:
            return None
        (country,) = countries
        return Coded((Actor(country, sector),), (token,), "place-of-operation",
                      basis=f"'{token.text}' with the only country its sentence names")

    def _located_in(self, token: Token) -> Coded | None:
        """"police in Kazan", "a court in Chelyabinsk", "protesters in Caracas": a body or
        group named by its kind, placed by an in-phrase of its own, belongs to the place's
        country (soldiers, refugees and diplomats are often foreigners where they are)."""
        if token.pos_ != "NOUN" or token.i in self.names:
            return None
        group = counted_group(token)
        sector = self.sectors.get(group.i, "")
        if sector not in LOCAL_SECTORS:
            return None
        for prep in (*token.children, *group.children):
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                hit = self.names.get(place.i)
                if (place.dep_ == "pobj" and hit is not None and hit.entry.kind in PLACE_KINDS
                        and hit.entry.country[:3] not in NON_STATE_PREFIXES):
                    return Coded((Actor(hit.entry.country, sector),), (token, prep, place),
                                  "located", basis=f"'{token.text} in {place.text}'")
        return None

    def _from_name(self, token: Token, hit: NameHit) -> Coded:
        entry = hit.entry
        sector = hit.sector
        if entry.kind in ("adjective",) and token.dep_ in ("amod", "compound"):
            sector = ""  # an adjective used as a head ("the Russians") stands for the country
        if entry.kind == "territory" and not acts(token):
            sector = ""  # "shelling in Nagorno-Karabakh": only the place, so only the country
        if entry.kind in ("name", "capital", "adjective"):
            sector = self._sector_of_modifiers(token) or sector
        tokens = tuple(self.doc[hit.start : hit.end])
        basis = f"{entry.kind} '{entry.term}'"
        if entry.kind == "person":
            term = f"{entry.start or '…'} to {entry.end or 'today'}"
            basis += f" ({term})" if hit.sector != "ELI" else f" (out of office; {term})"
        if sector != hit.sector:
            basis += f" + sector word ({sector})" if sector else " (named as a place)"
        country = entry.country
        owner = self._owner_country(hit) if entry.kind == "organisation" else ""
        if owner and owner != country:
            # "Pakistan's Supreme Court", "the Philippine Senate": a body named by its kind
            # belongs to the country that qualifies it.
            basis += f", of {owner}"
            country = owner
        return Coded((Actor(country, sector),), tokens, f"name:{entry.kind}", basis=basis)

    def _owner_country(self, hit: NameHit) -> str:
        head = self.doc[hit.end - 1]
        for child in head.children:
            owner = self.names.get(child.i)
            if (child.dep_ in ("poss", "amod", "compound", "nmod") and owner is not None
                    and owner.entry.kind in ("name", "adjective", "capital")):
                return owner.entry.country
        return ""

    def _from_modifiers(self, token: Token, lenient: bool = False) -> Coded | None:
        phrase = list(phrase_tokens(token))
        adjacent = self.names.get(token.i - 1)
        if adjacent is not None and adjacent.entry.kind == "person" and token.pos_ == "PROPN":
            # "President Xi | Jinping": the parser split a known person's name.
            return self._from_name(self.doc[adjacent.start], adjacent)
        body = self._body_named_in(token, phrase)
        if body is not None:
            # "the Vice-President of the Heydar Aliyev Foundation", "CEO of Gazprom": a person
            # speaks for the named body, which decides country and sector.
            coded = self._from_name(self.doc[body.start], body)
            return Coded(coded.actors, tuple(phrase), "modifiers",
                          basis=f"speaks for {coded.basis}")
        countries = self._countries_in(phrase)
        if not countries:
            return None
        international = [c for c in countries if c[:3] in NON_STATE_PREFIXES]
        if international and len(international) < len(countries) and token.i in self.sectors:
            # "UN Syria envoy", "the EU Russia sanctions coordinator": an organisation's official
            # whose country names the portfolio, not a second employer.
            countries = international
        sector = self._head_sector(token, phrase)
        if not sector and token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            sector = "ELI"  # a person with no office the tables know (conventions: + ELI)
        # A bare noun with a country word ("Russian language") is no actor; a possessive is
        # ("Russia's intention", "Moscow's mediation"), and so is the holder of a position
        # ("the positions of Moscow and Tokyo").
        if not (sector or lenient) and token.pos_ == "NOUN" and not any(
            t.dep_ == "poss" for t in phrase
        ) and not _held_by_of_phrase(token):
            return None
        actors = tuple(Actor(country, sector) for country in countries)
        words = ", ".join(t.text for t in phrase if t.i in self.names or t.i in self.sectors)
        return Coded(actors, tuple(phrase), "modifiers", basis=f"words in the phrase: {words}")

    def _body_named_in(self, head: Token, phrase: list[Token]) -> NameHit | None:
        """An organisation or seat of power named in an "of" phrase or apposition of a person
        or title head."""
        if head.pos_ != "PROPN" and head.i not in self.sectors:
            return None
        for token in phrase:
            hit = self.names.get(token.i)
            if (hit is not None and hit.entry.kind in ("organisation", "igo", "seat")
                    and hit.sector and token.i != head.i):
                return hit
        return None

    def _head_sector(self, head: Token, phrase: list[Token]) -> str:
        """The head word's sector, refined by a more specific modifier ("military authorities")."""
        own = self.sectors.get(head.i, "")
        modifier = self._sector_of_modifiers(head, phrase)
        if own in ("", "GOV") and modifier and modifier != "GOV":
            return modifier if own == "" or head.lemma_.lower() in GENERIC_HEADS else own
        return own or modifier

    def _sector_of_modifiers(self, head: Token, phrase: list[Token] | None = None) -> str:
        tokens = phrase if phrase is not None else list(phrase_tokens(head))
        for token in sorted(tokens, key=lambda t: abs(t.i - head.i)):
            if token.i != head.i and token.i in self.sectors and token.i not in self.names:
                return self.sectors[token.i]
        return ""

    def _countries_in(self, tokens: Iterable[Token]) -> list[str]:
        """Countries named in a phrase, including "the two countries" ("rectors from the two
        countries")."""
        found: list[str] = []
        for token in sorted(tokens, key=lambda t: t.i):
            hit = self.names.get(token.i)
            if hit is not None and self._backer(hit):
                continue
            named = [hit.entry.country] if hit is not None else []
            if not named and self._is_collective(token):
                named = self._recent_pair(token)
            found += [c for c in named if c not in found]
        return found

    def _base(self, hit: NameHit) -> bool:
        """"the UK-based monitor": where some body is based, not where a fight happens."""
        return self._hyphen_participle(hit) == "based"

    def _backer(self, hit: NameHit) -> bool:
        """"US-backed fighters" are not American: a country that only backs, funds or
        sponsors the phrase's head does not code it (a descriptor, in the conventions)."""
        return self._hyphen_participle(hit) in DESCRIPTOR_PARTICIPLES

    def _hyphen_participle(self, hit: NameHit) -> str:
        """The word glued to a name by a hyphen ("US-backed" → "backed"), or ""."""
        after = self.doc[hit.end : hit.end + 2]
        return after[1].lower_ if len(after) == 2 and after[0].text == "-" else ""

    # -- memory ---------------------------------------------------------------------------------
    def _country_positions(self) -> list[tuple[int, str]]:
        seen: set[int] = set()
        positions = []
        for i, hit in sorted(self.names.items()):
            # Outlets ("CNN", "TASS") report on the parties; they are not one of them.
            if hit.start not in seen and hit.entry.kind != "person" and hit.sector != "MED":
                seen.add(hit.start)
                positions.append((i, hit.entry.country))
        return positions

    def _remember_people(self) -> None:
        """A person coded once ("Foreign Ministry spokeswoman Maria Zakharova") is known by name
        for the rest of the article ("Zakharova added"); every coded person mention is kept in
        order for pronouns."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.root.i in self.names:
                continue
            coded = self._from_modifiers(ent.root)
            if coded is not None and len(coded.actors) == 1:
                for token in ent:
                    if token.pos_ == "PROPN" and token.text not in self._people:
                        self._people[token.text] = coded.actors[0]
        for hit in dict.fromkeys(self.names.values()):
            # "Sigmar Gabriel" from the table, then "Gabriel received Putin".
            surname = self.doc[hit.end - 1]
            if hit.entry.kind == "person" and hit.end - hit.start >= 2:
                coded = self._from_name(self.doc[hit.start], hit)
                if len(coded.actors) == 1:
                    self._people.setdefault(surname.text, coded.actors[0])
        for token in self.doc:
            found = self._person_at(token)
            if found is not None:
                self._person_positions.append((token.i, *found))

    def _person_at(self, token: Token) -> tuple[Actor, str] | None:
        hit = self.names.get(token.i)
        if hit is not None and hit.entry.kind == "person" and token.i == hit.end - 1:
            return Actor(hit.entry.country, hit.sector), self.doc[hit.start : hit.end].text
        if token.ent_type_ == "PERSON" and token.text in self._people and (
            token.i + 1 == len(self.doc) or self.doc[token.i + 1].ent_iob_ != "I"
        ):
            name = self.doc[entity_start(token) : token.i + 1].text
            return self._people[token.text], name
        return None

    def _mention(
        self, tokens: list[Token], actors: tuple[Actor, ...], rule: str, basis: str = ""
    ) -> Mention:
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t) for t in tokens)
        return Mention(start, end, self.text[start:end], actors, rule, basis)


# Nouns whose "of" phrase names whose they are, like a possessive: "the position of Moscow".
HELD_NOUNS = frozenset({"position", "stance", "view", "approach", "attitude", "opinion"})


def _held_by_of_phrase(token: Token) -> bool:
    return token.lemma_.lower() in HELD_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
