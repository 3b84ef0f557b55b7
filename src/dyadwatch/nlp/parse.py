"""The parse stage: spaCy over a batch of articles (nlp.pipe), sentences as offset spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyadwatch.model import Reject, Sentence
from dyadwatch.pipeline import Work, run_each


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character offsets of a sentence without the whitespace spaCy attaches to its end."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, max(start, sent.start_char + len(text.rstrip()))


class ParseStage:
    name = "parse"
    needs = frozenset({"article"})
    adds = frozenset({"doc", "sentences"})

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def run(self, batch: list[Work]) -> list[Work | Reject]:
        texts = [w.article.text for w in batch]
        try:
            docs = list(self.nlp.pipe(texts))
        except Exception:  # one bad text spoils nlp.pipe's batch: redo one by one to find it
            return run_each(self.name, batch, self._parse_one)
        return [self._with_doc(w, doc) for w, doc in zip(batch, docs, strict=True)]

    def _parse_one(self, work: Work) -> Work:
        return self._with_doc(work, self.nlp(work.article.text))

    def _with_doc(self, work: Work, doc: Doc) -> Work:
        sentences = tuple(
            Sentence(i, *sentence_bounds(s)) for i, s in enumerate(doc.sents)
        )
        return work.with_(self.name, doc=doc, sentences=sentences)
