"""Running the real coder over gold sentences.

Consecutive sentences of one article (sentence gold) are coded as one text, in order, with a
sentence break forced at every gold sentence start: the coder then reads each sentence as it
would inside the article (a pronoun may take its actor from the sentence before), and every
event falls in exactly one gold sentence. Other gold is coded one sentence at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.coding.stage import EventStage
from dyadwatch.evaluation.gold import GoldRecord
from dyadwatch.model import Article, Event, Sentence
from dyadwatch.nlp.parse import sentence_bounds
from dyadwatch.pipeline import Work

SEPARATOR = " "
Progress = Callable[[int], None]


def code_gold(nlp: Language, stage: EventStage, records: Sequence[GoldRecord], *,
              on_done: Progress | None = None) -> dict[str, list[Event]]:
    """Each record's produced events, keyed by record id."""
    produced: dict[str, list[Event]] = {r.id: [] for r in records}
    for group in _article_groups(records):
        text, starts = _joined(group)
        doc = _parse_with_breaks(nlp, text, starts)
        article = Article.from_text(text, published=group[0].published)
        sentences = tuple(Sentence(i, *sentence_bounds(s)) for i, s in enumerate(doc.sents))
        work = stage.code(Work(article).with_("parse", doc=doc, sentences=sentences))
        for event in work.events:
            produced[group[_record_at(starts, event.char_start)].id].append(event)
        if on_done:
            on_done(len(group))
    return produced


def _article_groups(records: Sequence[GoldRecord]) -> Iterator[list[GoldRecord]]:
    for _, group in groupby(records, key=lambda r: (r.article, r.published)):
        yield list(group)


def _joined(group: Iterable[GoldRecord]) -> tuple[str, list[int]]:
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for record in group:
        if parts:
            parts.append(SEPARATOR)
            length += len(SEPARATOR)
        starts.append(length)
        parts.append(record.text)
        length += len(record.text)
    return "".join(parts), starts


def _parse_with_breaks(nlp: Language, text: str, starts: Sequence[int]) -> Doc:
    """Parse `text` with a sentence start at each offset in `starts` (the parser keeps
    boundaries set before it runs) and spaCy's own splits elsewhere."""
    doc = nlp.make_doc(text)
    wanted = set(starts)
    for token in doc:
        if token.idx in wanted:
            token.is_sent_start = True
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _record_at(starts: Sequence[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index
