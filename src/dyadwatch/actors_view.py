"""Actor mentions of an article, for inspection (`dyadwatch actors`) and evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.config import Settings
from dyadwatch.dictionaries.actors import load_actor_tables
from dyadwatch.model import Article, Mention
from dyadwatch.nlp.model import load_pipeline


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    article: Article
    mentions: tuple[Mention, ...]


MENTION_FIELDS = ("doc_id", "start", "end", "text", "codes", "rule", "basis")


def mention_record(article: Article, mention: Mention) -> dict[str, Any]:
    return {
        "doc_id": article.id, "start": mention.start, "end": mention.end, "text": mention.text,
        "codes": [a.code for a in mention.actors], "rule": mention.rule, "basis": mention.basis,
    }


def actor_mentions(articles: list[Article], settings: Settings) -> Iterator[ArticleMentions]:
    """Parse each article and list every actor mention with what decided it."""
    nlp = load_pipeline(settings.model_name)
    lexicon = Lexicon(nlp, load_actor_tables(settings.actor_folders))
    texts = (a.text for a in articles)
    for article, doc in zip(articles, nlp.pipe(texts), strict=True):
        found = DocActors(doc, lexicon, article.published).mentions()
        yield ArticleMentions(article, tuple(found))
