"""The coding stage: actors and events for each parsed article, and (when given the context
resources) each event's date, place, spheres and tone, the article's agreements, amounts,
tone, spheres and countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.discourse import EventMemory
from dyadwatch.coding.events import ArticleContext, EventCoder
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.dictionaries.actors import ActorTables
from dyadwatch.dictionaries.codebook import Codebook
from dyadwatch.dictionaries.patterns import PatternIndex
from dyadwatch.model import Event, Reject
from dyadwatch.pipeline import Work, run_each

if TYPE_CHECKING:
    from dyadwatch.coding.context import ArticleContextReader, ContextResources


class EventStage:
    name = "events"
    needs = frozenset({"doc", "sentences"})
    adds = frozenset({"events"})

    def __init__(
        self, nlp: Language, tables: ActorTables, patterns: PatternIndex, codebook: Codebook,
        *, context: ContextResources | None = None,
    ) -> None:
        self.lexicon = Lexicon(nlp, tables)
        self.coder = EventCoder(patterns, codebook)
        self.context = context  # None: events only (evaluation needs no context)

    def run(self, batch: list[Work]) -> list[Work | Reject]:
        return run_each(self.name, batch, self.code)

    def code(self, work: Work) -> Work:
        article = work.article
        actors = DocActors(work.doc, self.lexicon, article.published)
        day = article.published.isoformat() if article.published else ""
        context = ArticleContext(article.id, day, article.text, article.published)
        reader = self._reader(work, actors)
        annotate = reader.annotate if reader is not None else None
        events: list[Event] = []
        memory = EventMemory()
        for sent, sentence in zip(work.doc.sents, work.sentences, strict=True):
            events.extend(self.coder.code_sentence(sent, sentence, actors, context, memory,
                                                   annotate))
        if reader is None:
            return work.with_(self.name, events=tuple(events))
        found = reader.records(events)
        return work.with_(self.name, events=tuple(events), agreements=found.agreements,
                          amounts=found.amounts, facts=found.facts)

    def _reader(self, work: Work, actors: DocActors) -> ArticleContextReader | None:
        if self.context is None:
            return None
        # Imported here: evaluation runs the coder without the context's tables and models.
        from dyadwatch.coding.context import ArticleContextReader

        return ArticleContextReader(work.doc, work.article, actors, self.context)
