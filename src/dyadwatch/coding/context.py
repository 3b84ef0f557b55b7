"""The context of events and articles: when and where each event happened, its spheres and
tone; the agreements and amounts the article mentions; the article's tone, spheres and the
countries it names. One `ArticleContextReader` per article, fed each event with its trigger as
the coder makes it, then asked for the article-level records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.agreements import AgreementMention, find_agreements
from dyadwatch.coding.dates import EventDate, date_of_event, is_recap
from dyadwatch.coding.modality import FACTUAL, HISTORICAL
from dyadwatch.coding.places import dateline_end, place_of_event
from dyadwatch.coding.quantities import Quantity, find_quantities
from dyadwatch.coding.spheres import (
    SphereHit,
    SphereTable,
    article_spheres,
    load_spheres,
    spheres_of_event,
)
from dyadwatch.coding.tone import Tone, ToneModel, dyad_tones
from dyadwatch.dictionaries.gazetteer import Gazetteer, load_gazetteer
from dyadwatch.model import Agreement, Amount, Article, ArticleFacts, DyadTone, Event, stable_id


class ContextResources:
    """What every article's context reader shares: the gazetteer, sphere table and tone
    model (each loaded once, on first use)."""

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer()

    @cached_property
    def spheres(self) -> SphereTable:
        return load_spheres()

    @cached_property
    def tone(self) -> ToneModel:
        return ToneModel()


@dataclass(frozen=True, slots=True)
class ArticleRecords:
    agreements: tuple[Agreement, ...]
    amounts: tuple[Amount, ...]
    facts: ArticleFacts


class ArticleContextReader:
    def __init__(self, doc: Doc, article: Article, actors: DocActors,
                 resources: ContextResources) -> None:
        self.doc = doc
        self.article = article
        self.actors = actors
        self.resources = resources
        self.dateline_end = dateline_end(article.text)
        self._tones: dict[int, Tone] = {}
        self._triggers: dict[str, int] = {}  # event id -> trigger token index
        # One trigger often makes several events (both directions, each party): read its
        # date and spheres once.
        self._dates: dict[int, EventDate] = {}
        self._spheres: dict[tuple[int, str], tuple[SphereHit, ...]] = {}

    # -- events ---------------------------------------------------------------------------------
    def annotate(self, event: Event, trigger: Token) -> Event:
        """The event with its date, place, spheres and tone; a factual event the sentence
        dates well before publication becomes a historical recap."""
        self._triggers[event.event_id] = trigger.i
        sent = trigger.sent
        if trigger.i not in self._dates:
            self._dates[trigger.i] = date_of_event(sent, trigger, self.article.published)
        when = self._dates[trigger.i]
        modality = event.modality
        if modality == FACTUAL and is_recap(when, self.article.published):
            modality = HISTORICAL
        countries = {event.source_country, event.target_country,
                     *self._sentence_countries(sent)}
        place = place_of_event(sent, trigger, self.resources.gazetteer, countries=countries,
                               dateline_end=self.dateline_end)
        key = (trigger.i, event.code)
        if key not in self._spheres:
            self._spheres[key] = spheres_of_event(sent, trigger, event.code,
                                                  self.resources.spheres)
        hits = self._spheres[key]
        return replace(
            event, modality=modality, event_date=when.date, date_precision=when.precision,
            date_text=when.expression,
            place=place.place.name if place else "",
            place_country=place.place.country if place else "",
            latitude=place.place.latitude if place else None,
            longitude=place.place.longitude if place else None,
            spheres=",".join(h.sphere for h in hits), sphere_evidence=_evidence(hits),
            tone=round(self._tone(sent).score, 3),
        )

    # -- the article ----------------------------------------------------------------------------
    def records(self, events: Sequence[Event]) -> ArticleRecords:
        agreements: list[Agreement] = []
        amounts: list[Amount] = []
        for index, sent in enumerate(self.doc.sents):
            found = [(m, self._agreement(index, sent, m, events)) for m in find_agreements(sent)]
            agreements.extend(a for _, a in found)
            amounts.extend(self._amount(index, q, found, events)
                           for q in find_quantities(sent))
        return ArticleRecords(tuple(agreements), tuple(amounts), self._facts(events))

    def _facts(self, events: Sequence[Event]) -> ArticleFacts:
        sentences = list(self.doc.sents)
        tones = [self._tone(s) for s in sentences]
        named = [(s.text, set(self._sentence_countries(s))) for s in sentences]
        pairs = dyad_tones(named, self.resources.tone)
        countries = {c for _, cs in named for c in cs}
        countries |= {c for e in events for c in (e.source_country, e.target_country) if c}
        spheres = article_spheres(self.doc, self.resources.spheres)
        return ArticleFacts(
            tone=round(self.resources.tone.combine(tones).score, 3) if tones else None,
            spheres=",".join(spheres), countries=",".join(sorted(countries)),
            dyad_tones=tuple(DyadTone(self.article.id, a, b, round(t.score, 3),
                                      _sentences_naming(named, a, b))
                             for (a, b), t in sorted(pairs.items())),
        )

    def _agreement(self, index: int, sent: Span, mention: AgreementMention,
                   events: Sequence[Event]) -> Agreement:
        anchor = self.doc[mention.verb_index] if mention.verb_index >= 0 else self.doc[mention.noun]
        linked = self._events_at(events, index, {mention.verb_index, mention.noun})
        parties = _parties(linked) or self._sentence_countries(sent)
        when = date_of_event(sent, anchor, self.article.published)
        hits = spheres_of_event(sent, self.doc[mention.noun], "", self.resources.spheres)
        count = mention.count
        return Agreement(
            agreement_id=stable_id(self.article.id, "agreement", mention.noun, mention.kind),
            doc_id=self.article.id, sentence_index=index,
            parties=",".join(sorted(set(parties))), kind=mention.kind, subject=mention.subject,
            spheres=",".join(h.sphere for h in hits),
            count=count.value if count else None, count_unit=count.unit if count else "",
            count_qualifier=count.qualifier if count else "",
            period_start=mention.period_start, period_end=mention.period_end,
            status=mention.status, date=_day_or_publication(when, self.article.published),
            date_precision=when.precision, date_text=when.expression, evidence=sent.text,
            char_start=mention.start, char_end=mention.end,
            event_id=linked[0].event_id if linked else "",
        )

    def _amount(self, index: int, quantity: Quantity,
                agreements: Sequence[tuple[AgreementMention, Agreement]],
                events: Sequence[Event]) -> Amount:
        agreement = next((a for m, a in agreements if _counts(quantity, m, self.doc)), None)
        event = next((e for e in events if e.sentence_index == index
                      and e.event_id in self._triggers
                      and _under(self.doc[quantity.head], self._triggers[e.event_id])), None)
        return Amount(
            amount_id=stable_id(self.article.id, "amount", quantity.start, quantity.end),
            doc_id=self.article.id, sentence_index=index, kind=quantity.kind,
            value=quantity.value, unit=quantity.unit, qualifier=quantity.qualifier,
            text=quantity.text, char_start=quantity.start, char_end=quantity.end,
            event_id=event.event_id if event else "",
            agreement_id=agreement.agreement_id if agreement else "",
        )

    # -- helpers --------------------------------------------------------------------------------
    def _events_at(self, events: Sequence[Event], index: int, tokens: set[int]) -> list[Event]:
        return [e for e in events if e.sentence_index == index
                and self._triggers.get(e.event_id, -1) in tokens]

    def _sentence_countries(self, sent: Span) -> list[str]:
        return list(dict.fromkeys(self.actors.countries_between(sent.start, sent.end)))

    def _tone(self, sent: Span) -> Tone:
        if sent.start not in self._tones:
            self._tones[sent.start] = self.resources.tone.sentence(sent.text)
        return self._tones[sent.start]


def _evidence(hits: Iterable[SphereHit]) -> str:
    return ";".join(f"{h.sphere}:{h.evidence}" for h in hits)


def _parties(events: Sequence[Event]) -> list[str]:
    return [c for e in events for c in (e.source_country, e.target_country) if c]


def _counts(quantity: Quantity, mention: AgreementMention, doc: Doc) -> bool:
    """The quantity counts the agreement (or its signatories: "40 regions signed")."""
    if mention.count is not None and mention.count.start == quantity.start:
        return True
    return _under(doc[quantity.head], mention.noun)


def _under(token: Token, head: int) -> bool:
    """`token` is `head` or inside its phrase."""
    return token.i == head or any(a.i == head for a in token.ancestors)


def _sentences_naming(named: Sequence[tuple[str, set[str]]], a: str, b: str) -> int:
    return sum(1 for _, countries in named if a in countries and b in countries)


def _day_or_publication(when: EventDate, published: date | None) -> str:
    if when.date:
        return when.date
    return published.isoformat() if published else ""
