"""Pipeline composition: build-time checks and per-stage error wrapping."""

from __future__ import annotations

import pytest

from dyadwatch.errors import DyadwatchError
from dyadwatch.model import Article, Reject
from dyadwatch.pipeline import Pipeline, Work, run_each


class Upper:
    name = "upper"
    needs = frozenset({"article"})
    adds = frozenset({"upper"})

    def run(self, batch: list[Work]) -> list[Work | Reject]:
        return run_each(self.name, batch, self.step)

    def step(self, work: Work) -> Work:
        if "boom" in work.article.text:
            raise ValueError("cannot shout this")
        return work.with_(self.name)


class NeedsDoc:
    name = "needs-doc"
    needs = frozenset({"doc"})
    adds = frozenset({"events"})

    def run(self, batch: list[Work]) -> list[Work | Reject]:
        return list(batch)


def test_build_refuses_a_stage_whose_needs_are_not_met() -> None:
    with pytest.raises(DyadwatchError, match="stage 'needs-doc' needs doc"):
        Pipeline([NeedsDoc()])


def test_a_failing_article_becomes_a_reject_and_the_batch_goes_on() -> None:
    good = Article.from_text("calm words", origin="a.txt")
    bad = Article.from_text("boom", origin="b.txt")
    passed = Reject(origin="c.txt", stage="read", code="empty", reason="c.txt: file is empty")
    results = list(Pipeline([Upper()]).run([good, bad, passed, good]))
    assert [type(r).__name__ for r in results] == ["Work", "Reject", "Reject", "Work"]
    reject = results[1]
    assert isinstance(reject, Reject)
    assert (reject.stage, reject.code, reject.article_id) == ("upper", "ValueError", bad.id)
    assert reject.reason == f"b.txt: upper failed on article {bad.id}: cannot shout this"
    assert results[2] is passed
    first = results[0]
    assert isinstance(first, Work) and first.done == {"upper"}


def test_article_id_is_a_content_hash() -> None:
    a = Article.from_text("Russia and Azerbaijan signed a deal.", origin="x")
    b = Article.from_text("Russia and  Azerbaijan signed a deal.\n", origin="y")
    c = Article.from_text("Russia and Armenia signed a deal.", origin="x")
    assert a.id == b.id != c.id


def test_reject_ids_are_stable() -> None:
    r1 = Reject(origin="f.jsonl:3", stage="read", code="bad-json", reason="x")
    r2 = Reject(origin="f.jsonl:3", stage="read", code="bad-json", reason="x")
    assert r1.id == r2.id
