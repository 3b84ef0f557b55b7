"""The DuckDB store: idempotent inserts, queries, a real file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dyadwatch.model import Article, Event, Reject, stable_id
from dyadwatch.pipeline import Work
from dyadwatch.store import EventQuery, Store


def _event(doc_id: str, source: str, target: str, day: str, code: str = "057") -> Event:
    return Event(
        event_id=stable_id(doc_id, source, target, code), doc_id=doc_id, date=day,
        source=source, source_country=source[:3], source_sector=source[3:], source_text=source,
        target=target, target_country=target[:3], target_sector=target[3:], target_text=target,
        code=code, root_code=code[:2], name="Sign formal agreement", goldstein=8.0, quad_class=1,
        modality="factual", sentence_index=0, sentence="They signed.", char_start=0,
        char_end=12, rule="test", confidence=0.9,
    )


def _work(text: str, day: date, *pairs: tuple[str, str]) -> Work:
    article = Article.from_text(text, published=day, origin="t.jsonl:1")
    events = tuple(_event(article.id, s, t, day.isoformat()) for s, t in pairs)
    return Work(article, events=events)


def test_adding_the_same_batch_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "x.duckdb"
    work = _work("Azerbaijan and Russia signed.", date(2017, 1, 13), ("AZE", "RUS"), ("RUS", "AZE"))
    reject = Reject(origin="bad.jsonl:2", stage="read", code="bad-json", reason="broken")
    with Store(db) as store:
        first = store.add([work], [reject])
        second = store.add([work], [reject])
    assert (first.articles, first.events, first.rejects) == (1, 2, 1)
    assert (second.articles, second.events, second.rejects) == (0, 0, 0)
    with Store(db) as store:  # reopening the file keeps everything
        assert store.count("events") == 2
        assert store.known_articles([work.article.id, "nope"]) == {work.article.id}


def test_event_query_filters_dyad_either_direction_and_dates(tmp_path: Path) -> None:
    works = [
        _work("one", date(2016, 4, 5), ("AZE", "RUSGOV")),
        _work("two", date(2017, 1, 13), ("RUS", "AZE")),
        _work("three", date(2017, 2, 1), ("TUR", "RUS")),
    ]
    with Store(tmp_path / "x.duckdb") as store:
        store.add(works, [])
        pair = store.events(EventQuery(dyad=("AZE", "RUS")))
        assert [e["source"] for e in pair] == ["AZE", "RUS"]
        recent = store.events(EventQuery(since=date(2017, 1, 1), until=date(2017, 1, 31)))
        assert [e["source"] for e in recent] == ["RUS"]
        one = store.event(pair[0]["event_id"])
        assert one is not None and one["target"] == "RUSGOV"
