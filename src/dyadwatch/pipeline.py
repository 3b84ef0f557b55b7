"""Stages composed in order. Each stage declares what it needs and what it adds; the pipeline
checks that at build time. A stage that fails on one article turns it into a Reject naming the
stage and the article; the rest of the batch goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, Protocol, TypeVar

from dyadwatch.errors import DyadwatchError, InputError
from dyadwatch.model import Agreement, Amount, Article, ArticleFacts, Event, Reject, Sentence

BASE_FIELDS = frozenset({"article"})
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Work:
    """An article on its way through the stages; each stage returns a new Work."""

    article: Article
    doc: Any = None  # the parsed spaCy Doc, kept out of the public model
    sentences: tuple[Sentence, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    amounts: tuple[Amount, ...] = ()
    facts: ArticleFacts = field(default_factory=ArticleFacts)
    done: frozenset[str] = field(default_factory=frozenset)

    def with_(self, stage: str, **changes: Any) -> Work:
        return replace(self, done=self.done | {stage}, **changes)


class Stage(Protocol):
    name: str
    needs: frozenset[str]
    adds: frozenset[str]

    def run(self, batch: list[Work]) -> list[Work | Reject]: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of at most `size` items, in order."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def reject_for(work: Work, stage: str, exc: Exception) -> Reject:
    """Wrap a failure with the stage name and article id."""
    code = exc.code if isinstance(exc, InputError) else type(exc).__name__
    detail = exc.message if isinstance(exc, DyadwatchError) else str(exc) or type(exc).__name__
    article = work.article
    return Reject(
        origin=article.origin or article.id, stage=stage, code=code,
        reason=f"{article.origin or article.id}: {stage} failed on article {article.id}: {detail}",
        article_id=article.id,
    )


def run_each(stage: str, batch: list[Work], step: Callable[[Work], Work]) -> list[Work | Reject]:
    """Apply `step` to each item, turning an exception into that item's Reject."""
    out: list[Work | Reject] = []
    for work in batch:
        try:
            out.append(step(work))
        except Exception as exc:  # one bad article must not stop the batch
            out.append(reject_for(work, stage, exc))
    return out


class Pipeline:
    def __init__(self, stages: Sequence[Stage]) -> None:
        available = set(BASE_FIELDS)
        for stage in stages:
            missing = stage.needs - available
            if missing:
                raise DyadwatchError(
                    f"stage {stage.name!r} needs {', '.join(sorted(missing))}, "
                    "which no earlier stage adds",
                    "reorder the stages",
                )
            available |= stage.adds
        self.stages = tuple(stages)

    def run(
        self, items: Iterable[Article | Reject], *, batch_size: int = 32
    ) -> Iterator[Work | Reject]:
        """Yield a finished Work or a Reject for every input item, in input order per batch."""
        for batch in batched(items, batch_size):
            yield from self.run_batch(batch)

    def run_batch(self, batch: list[Article | Reject]) -> list[Work | Reject]:
        results: list[Work | Reject] = [
            item if isinstance(item, Reject) else Work(item) for item in batch
        ]
        for stage in self.stages:
            pending = [r for r in results if isinstance(r, Work)]
            if not pending:
                break
            outcome = iter(stage.run(pending))
            results = [r if isinstance(r, Reject) else next(outcome) for r in results]
        return results
