"""The parse stage: spaCy over a batch of articles (nlp.pipe), sentences as offset spans."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.model import Reject, Sentence
from dyadwatch.pipeline import Work, run_each


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

    def _with_doc(self, work: Work, doc: object) -> Work:
        sentences = tuple(
            Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)  # type: ignore[attr-defined]
        )
        return work.with_(self.name, doc=doc, sentences=sentences)
