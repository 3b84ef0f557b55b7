"""The DuckDB store: idempotent inserts, queries, a real file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb

from dyadwatch.model import EVENT_FIELDS, Article, Event, Reject, stable_id
from dyadwatch.pipeline import Work
from dyadwatch.store import EventQuery, Store
from dyadwatch.store.schema import SCHEMA_VERSION


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


def test_event_query_min_confidence(tmp_path: Path) -> None:
    sure = _event("d1", "AZE", "RUS", "2017-01-13")
    unsure = replace(_event("d2", "TUR", "RUS", "2017-01-14"), confidence=0.6)
    article = Article.from_text("x", published=date(2017, 1, 13))
    with Store(tmp_path / "x.duckdb") as store:
        store.add([Work(article, events=(sure, unsure))], [])
        assert len(store.events(EventQuery())) == 2
        assert [e["source"] for e in store.events(EventQuery(min_confidence=0.9))] == ["AZE"]
        assert store.events(EventQuery(min_confidence=0.95)) == []


def test_new_event_fields_are_stored(tmp_path: Path) -> None:
    event = replace(_event("d1", "NOR", "COL", "2016-06-23", "045"), plover="CONSULT",
                    role="mediator")
    with Store(tmp_path / "x.duckdb") as store:
        store.add([Work(Article.from_text("x"), events=(event,))], [])
        (row,) = store.events(EventQuery())
    assert (row["plover"], row["plover_mode"], row["role"]) == ("CONSULT", "", "mediator")
    assert list(row) == list(EVENT_FIELDS)


# The events table as dyadwatch 0.1.0 (schema version 1) created it.
VERSION_1_EVENTS = """
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    date VARCHAR,
    source VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_text VARCHAR,
    target VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_text VARCHAR,
    code VARCHAR, root_code VARCHAR, name VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    modality VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    char_start INTEGER, char_end INTEGER, rule VARCHAR, confidence DOUBLE,
    planned_code VARCHAR, trigger VARCHAR
)"""


def test_a_file_made_with_the_version_1_schema_opens_and_gains_the_new_columns(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(VERSION_1_EVENTS)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    old = _event("d0", "RUS", "UKR", "2015-02-01", "193").to_record()
    old_columns = list(EVENT_FIELDS[: EVENT_FIELDS.index("trigger") + 1])
    con.execute(f"INSERT INTO events ({', '.join(old_columns)}) VALUES "
                f"({', '.join('?' for _ in old_columns)})", [old[c] for c in old_columns])
    con.close()

    with Store(db) as store:
        (row,) = store.events(EventQuery())
        assert list(row) == list(EVENT_FIELDS)
        assert (row["plover"], row["plover_mode"], row["role"]) == ("ASSAULT", "firearms", "")
        version = store.query("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version == [(str(SCHEMA_VERSION),)]
        new = replace(_event("d1", "AZE", "RUS", "2017-01-13"), plover="SUPPORT")
        assert store.add([Work(Article.from_text("y"), events=(new,))], []).events == 1
    with Store(db) as store:  # a second open finds nothing to upgrade
        rows = store.events(EventQuery())
    assert [(r["code"], r["plover"]) for r in rows] == [("193", "ASSAULT"), ("057", "SUPPORT")]


def test_an_article_without_outlet_is_counted_by_its_links_host(tmp_path: Path) -> None:
    from dyadwatch.store.frames import article_frame

    named = Article.from_text("a", source="TASS", url="https://tass.com/politics/1")
    linked = Article.from_text("b", url="https://www.aljazeera.com/news/2")
    bare = Article.from_text("c")
    with Store(tmp_path / "o.duckdb") as store:
        store.add([Work(named), Work(linked), Work(bare)], [])
        outlets = dict(zip(*(article_frame(store)[c] for c in ("id", "source")), strict=True))
    assert outlets == {named.id: "TASS", linked.id: "aljazeera.com", bare.id: ""}


def test_a_version_2_file_gains_the_article_context_columns(tmp_path: Path) -> None:
    from dyadwatch.store.frames import article_frame

    db = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, external_id VARCHAR, "
                "title VARCHAR, published DATE, url VARCHAR, source VARCHAR, origin VARCHAR, "
                "text VARCHAR NOT NULL, n_sentences INTEGER, n_events INTEGER, "
                "coded_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute("INSERT INTO articles (id, text, source) VALUES ('old', 'x', 'TASS')")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.close()
    with Store(db) as store:
        frame = article_frame(store)
        assert list(frame["id"]) == ["old"] and frame["countries"].tolist() == [""]
        new = Article.from_text("y", source="AzerNews")
        assert store.add([Work(new)], []).articles == 1
        assert store.count("agreements") == 0  # the new tables exist
