"""The coding stage: actors and events for each parsed article."""

from __future__ import annotations

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


class EventStage:
    name = "events"
    needs = frozenset({"doc", "sentences"})
    adds = frozenset({"events"})

    def __init__(
        self, nlp: Language, tables: ActorTables, patterns: PatternIndex, codebook: Codebook
    ) -> None:
        self.lexicon = Lexicon(nlp, tables)
        self.coder = EventCoder(patterns, codebook)

    def run(self, batch: list[Work]) -> list[Work | Reject]:
        return run_each(self.name, batch, self.code)

    def code(self, work: Work) -> Work:
        article = work.article
        actors = DocActors(work.doc, self.lexicon, article.published)
        day = article.published.isoformat() if article.published else ""
        context = ArticleContext(article.id, day, article.text, article.published)
        events: list[Event] = []
        memory = EventMemory()
        for sent, sentence in zip(work.doc.sents, work.sentences, strict=True):
            events.extend(self.coder.code_sentence(sent, sentence, actors, context, memory))
        return work.with_(self.name, events=tuple(events))
