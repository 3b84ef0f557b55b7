"""Phrases that refer back: pronouns ("it", "they", "he", a quoted "we"), definite sector nouns
("the ministry", "the diplomat") and collectives ("the two countries", "the sides").

`ReferenceBack` is the part of `actors.DocActors` that looks elsewhere in the article for what
a phrase stands for; the resolver supplies the tables and the coding of a phrase found there."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyadwatch.coding.lexicon import NameHit
from dyadwatch.coding.phrases import (
    COLLECTIVE_HEADS,
    DEFINITE_REACH,
    PARTY_WORDS,
    PERSON_TITLES,
    PRONOUN_REACH,
    REPORTING_VERBS,
    SIDE_WORDS,
    plural,
    singular,
    unique,
)
from dyadwatch.model import Actor


@dataclass(frozen=True, slots=True)
class Coded:
    """What a phrase codes to, the tokens that decided it and the rule that did."""

    actors: tuple[Actor, ...]
    tokens: tuple[Token, ...]
    rule: str
    refers_to: str = ""  # for a pronoun: the name it stands for
    basis: str = ""


class ReferenceBack:
    """Resolution of phrases that stand for an actor named elsewhere in the article."""

    doc: Doc
    names: dict[int, NameHit]
    sectors: dict[int, str]
    _countries: list[tuple[int, str]]
    _person_positions: list[tuple[int, Actor, str]]

    # Supplied by the resolver (actors.DocActors).
    def _resolve_one(self, token: Token, lenient: bool = False) -> Coded | None:
        raise NotImplementedError

    def _from_name(self, token: Token, hit: NameHit) -> Coded:
        raise NotImplementedError

    def _from_modifiers(self, token: Token, lenient: bool = False) -> Coded | None:
        raise NotImplementedError

    def _window_start(self, token: Token) -> int:
        """Pronouns and definite phrases look back to the start of the previous sentence."""
        sentence = token.sent
        if sentence.start == 0:
            return 0
        return self.doc[sentence.start - 1].sent.start

    def _thing_pronoun(self, token: Token) -> Coded | None:
        """"it"/"its" → the one country or body named just before; "they"/"their" → the one
        group of actors named together ("Azerbaijan and Russia") just before. The pronoun's own
        sentence is searched first; nothing when there is more than one candidate. The subject
        of a reported clause is first the speaker ("the US military says it carried out")."""
        speaker = self._reporting_speaker(token)
        if speaker is not None:
            return speaker
        for start in (token.sent.start, self._window_start(token)):
            groups = self._pronoun_candidates(token, start)
            if len(groups) == 1:
                (actors, text), = groups.items()
                return Coded(actors, (token,), "pronoun", refers_to=text,
                              basis=f"pronoun for {text}, the only candidate just before")
            if groups:
                return None
        return None

    def _reporting_speaker(self, token: Token) -> Coded | None:
        clause = token.head
        if token.dep_ != "nsubj" or token.lower_ != "it" or clause.dep_ != "ccomp":
            return None
        reporting = clause.head
        if reporting.lemma_.lower() not in REPORTING_VERBS:
            return None
        subject = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON" or subject.tag_ in ("NNS", "NNPS"):
            return None
        coded = self._resolve_one(subject)
        if coded is None:
            return None
        text = self.doc[subject.left_edge.i : subject.i + 1].text
        return Coded(coded.actors, (token,), "pronoun", refers_to=text,
                      basis=f"'it' in what {text} says")

    def _pronoun_candidates(self, token: Token, start: int) -> dict[tuple[Actor, ...], str]:
        plural = token.lower_ in ("they", "them", "their")
        groups: dict[tuple[Actor, ...], str] = {}
        for i in range(start, token.i):
            hit = self.names.get(i)
            if hit is None or i != hit.start or hit.entry.kind == "adjective":
                continue
            if hit.entry.kind == "person" and not plural:
                continue  # people named together ("Obama and Putin") can be "they"
            head = self.doc[hit.end - 1]
            if head.dep_ in ("compound", "amod", "poss") or head.dep_ == "conj":
                continue
            members = [head, *head.conjuncts]
            coded = [self._from_name(m, self.names[m.i]) for m in members if m.i in self.names]
            actors = unique(a for c in coded for a in c.actors)
            if (len(actors) > 1) == plural:
                groups[actors] = self.doc[hit.start : members[-1].i + 1].text
        return groups

    def _is_definite_sector_noun(self, token: Token) -> bool:
        """"the spokeswoman", "the ministry": a sector noun with a definite article and no
        country of its own."""
        return (token.pos_ == "NOUN" and token.i in self.sectors
                and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children))

    def _definite(self, token: Token) -> Coded | None:
        """The nearest earlier phrase with the same head word that was coded with a country;
        else, for a person's title ("the diplomat"), the nearest earlier one of the same sector
        ("Russia's ambassador to Egypt")."""
        return self._definite_by(token, same_word=True) or (
            self._definite_by(token, same_word=False)
            if token.lemma_.lower() in PERSON_TITLES else None)

    def _definite_by(self, token: Token, *, same_word: bool) -> Coded | None:
        lemma = token.lemma_.lower()
        sector = self.sectors.get(token.i, "")
        for i in range(token.i - 1, max(-1, token.i - DEFINITE_REACH), -1):
            earlier = self.doc[i]
            if same_word and earlier.lemma_.lower() != lemma:
                continue
            if not same_word and not (earlier.lemma_.lower() in PERSON_TITLES
                                      and self.sectors.get(i) == sector
                                      and plural(earlier) == plural(token)):
                continue  # "the president" is not "Russian officials" named before
            head = earlier
            while head.dep_ == "compound" and head.head is not head:
                head = head.head  # "spokeswoman" in "Ministry spokeswoman Maria Zakharova"
            coded = self._from_modifiers(head)
            if coded is None and head.i in self.names:
                coded = self._from_name(head, self.names[head.i])
            if coded is not None:
                text = self.doc[head.left_edge.i : head.i + 1].text
                return Coded(coded.actors, (token,), "definite", refers_to=text,
                              basis=f"refers back to {text}")
        return None

    def _speaker(self, token: Token) -> Coded | None:
        """"'Our cooperation with Egypt is developing,' the diplomat said", "Sessions said: 'I
        never met …'": "we"/"I" in a quoted statement is the side of whoever the sentence
        says is speaking."""
        root = token.sent.root
        if root.lemma_.lower() not in REPORTING_VERBS:
            return None
        if token.i > root.i and not any(t.is_quote for t in self.doc[root.i : token.i]):
            return None  # "He said we …": reported, not quoted, speech
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i == token.i:
            return None
        coded = self._resolve_one(subject)
        if coded is None or coded.rule == "speaker":
            return None
        text = self.doc[subject.left_edge.i : subject.i + 1].text
        return Coded(coded.actors, (token,), "speaker", refers_to=text,
                      basis=f"'{token.text}' in a statement by {text}")

    def _pronoun(self, token: Token) -> Coded | None:
        """"he"/"she": the person who is the subject of a clause governing the pronoun's
        ("Flynn misled Pence about whether he discussed sanctions": Flynn), else the person
        coded most recently before it, if close enough."""
        governing = self._governing_subject_person(token)
        if governing is not None:
            return governing
        for position, actor, name in reversed(self._person_positions):
            if position < token.i:
                if token.i - position > PRONOUN_REACH:
                    return None
                return Coded((actor,), (token,), "pronoun", refers_to=name,
                              basis=f"pronoun for {name}, named just before")
        return None

    def _governing_subject_person(self, token: Token) -> Coded | None:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for verb in token.head.ancestors:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            inside = range(subject.left_edge.i, subject.right_edge.i + 1)
            people = [(a, n) for p, a, n in self._person_positions if p in inside]
            if not people:
                return None  # the nearest governing subject is no person: take the nearest one
            actor, name = people[-1]
            return Coded((actor,), (token,), "pronoun", refers_to=name,
                          basis=f"pronoun for {name}, the subject of its governing clause")
        return None

    def is_collective(self, token: Token) -> bool:
        """"the two countries", "the sides", "the ministers": a phrase for both parties."""
        return self._is_collective(token)

    def _is_collective(self, token: Token) -> bool:
        lemma = singular(token)
        if lemma not in COLLECTIVE_HEADS or token.dep_ == "nummod":
            return False
        words = {c.lower_ for c in token.children} | {token.lower_}
        if "two" in words or "both" in words:
            return True
        # "the sides agreed", "the ministers signed": the two parties the article just named.
        return (lemma in PARTY_WORDS and plural(token)
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                and not any(c.dep_ in ("amod", "poss", "compound") and c.i in self.names
                            for c in token.children))

    def _recent_pair(self, token: Token) -> list[str]:
        """The last two distinct countries named before `token`, in text order."""
        return [country for _, country in self._recent_pair_at(token)]

    def _recent_pair_at(self, token: Token) -> list[tuple[int, str]]:
        recent: list[tuple[int, str]] = []
        for position, country in reversed(self._countries):
            if position < token.i and country not in (c for _, c in recent):
                recent.append((position, country))
            if len(recent) == 2:
                return recent[::-1]
        return []

    def _collective(self, token: Token) -> Coded | None:
        named = self._recent_pair_at(token)
        if not named:
            return None
        pair = [country for _, country in named]
        # "the parties" are the two sides, not political parties.
        sector = "" if singular(token) in SIDE_WORDS else self.sectors.get(token.i, "")
        # "Relations between Berlin and Warsaw ..., with trade between the two countries
        # booming": a pair named earlier in the same sentence is meant, whatever came before.
        here = all(position >= token.sent.start for position, _ in named)
        return Coded(tuple(Actor(c, sector) for c in pair), (token,),
                      "collective-here" if here else "collective",
                      basis=f"the two countries named last: {', '.join(pair)}")
