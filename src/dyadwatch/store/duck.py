"""Read and write the DuckDB file. One transaction per batch, so a killed run keeps every
finished batch and a re-run skips the articles already stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dyadwatch.dictionaries.codebook import load_codebook
from dyadwatch.errors import StoreError
from dyadwatch.model import (
    AGREEMENT_FIELDS,
    AMOUNT_FIELDS,
    DYAD_TONE_FIELDS,
    EVENT_FIELDS,
    Reject,
)
from dyadwatch.pipeline import Work
from dyadwatch.store import schema

ARTICLE_COLUMNS = ("id", "external_id", "title", "published", "url", "source", "origin",
                   "text", "n_sentences", "n_events", "tone", "spheres", "countries")
REJECT_COLUMNS = ("id", "origin", "stage", "code", "reason", "article_id")


@dataclass(frozen=True, slots=True)
class Added:
    articles: int = 0
    events: int = 0
    rejects: int = 0

    def __add__(self, other: Added) -> Added:
        return Added(self.articles + other.articles, self.events + other.events,
                     self.rejects + other.rejects)


@dataclass(frozen=True, slots=True)
class EventQuery:
    dyad: tuple[str, str] | None = None
    since: date | None = None
    until: date | None = None
    limit: int | None = None
    min_confidence: float = 0.0  # only events at least this confident (0 keeps all)
    country: str | None = None  # events with this country on either side
    sides: str = "all"  # "both": both countries named; "one": one side without a country


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(path))
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}",
                             "check the path, or close other programs using it") from exc
        for statement in schema.ALL:
            self.con.execute(statement)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                         [str(schema.SCHEMA_VERSION)])
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a file made by an older version up to the current schema: add the missing
        columns and fill in the PLOVER category and mode of the events already stored."""
        missing = [(table, name, type_) for table, name, type_, _ in schema.ADDED_COLUMNS
                   if name not in self._columns(table)]
        if not missing:
            return
        self.con.execute("BEGIN")
        try:
            for table, name, type_ in missing:
                default = " DEFAULT ''" if type_ == "VARCHAR" else ""
                self.con.execute(
                    f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {type_}{default}")
            if ("events", "plover", "VARCHAR") in missing:
                self._fill_plover()
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                             [str(schema.SCHEMA_VERSION)])
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot upgrade the database {self.path} to schema version "
                             f"{schema.SCHEMA_VERSION}: {exc}",
                             "check that the file is writable, or open it with the version "
                             "that made it") from exc

    def _columns(self, table: str) -> set[str]:
        rows = self.con.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall()
        return {r[0] for r in rows}

    def _fill_plover(self) -> None:
        book = load_codebook()
        codes = book.codes()
        mapping = pa.table({  # noqa: F841 - read by DuckDB's replacement scan
            "code": codes,
            "plover": [book.get(c).plover for c in codes],
            "plover_mode": [book.get(c).plover_mode for c in codes],
        })
        self.con.execute("UPDATE events SET plover = m.plover, plover_mode = m.plover_mode "
                         "FROM mapping m WHERE events.code = m.code")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------------
    def known_articles(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        wanted = pa.table({"id": list(ids)})  # noqa: F841 - read by DuckDB's replacement scan
        rows = self.con.execute("SELECT a.id FROM articles a JOIN wanted w USING (id)").fetchall()
        return {r[0] for r in rows}

    def add(self, works: Sequence[Work], rejects: Sequence[Reject]) -> Added:
        """Store a batch in one transaction; rows already present are left as they are."""
        return self.add_rows(
            articles=[_article_row(w) for w in works],
            events=[e.to_record() for w in works for e in w.events],
            rejects=rejects,
            agreements=[a.to_record() for w in works for a in w.agreements],
            amounts=[q.to_record() for w in works for q in w.amounts],
            dyad_tones=[t.to_record() for w in works for t in w.facts.dyad_tones],
        )

    def add_rows(
        self, *, articles: Sequence[dict[str, Any]] = (), events: Sequence[dict[str, Any]] = (),
        rejects: Sequence[Reject] = (), agreements: Sequence[dict[str, Any]] = (),
        amounts: Sequence[dict[str, Any]] = (), dyad_tones: Sequence[dict[str, Any]] = (),
    ) -> Added:
        """Store rows made elsewhere (a GDELT import) in one transaction, like `add`."""
        self.con.execute("BEGIN")
        try:
            added = Added(
                self._insert("articles", ARTICLE_COLUMNS, list(articles)),
                self._insert("events", EVENT_FIELDS, list(events)),
                self._insert("rejects", REJECT_COLUMNS, [r.to_record() for r in rejects]),
            )
            self._insert("agreements", AGREEMENT_FIELDS, list(agreements))
            self._insert("amounts", AMOUNT_FIELDS, list(amounts))
            self._insert("dyad_tones", DYAD_TONE_FIELDS, list(dyad_tones))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return added

    def _insert(self, table: str, columns: Sequence[str], rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        batch = pa.Table.from_pylist([{c: r[c] for c in columns} for r in rows])  # noqa: F841
        before = self.count(table)
        names = ", ".join(columns)
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM batch ON CONFLICT DO NOTHING"
        )
        return self.count(table) - before

    # -- reading --------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def events(self, query: EventQuery) -> list[dict[str, Any]]:
        sql, params = _event_sql(query)
        return self._dicts(sql, params)

    def agreements(self, query: EventQuery, *, status: str | None = None) -> list[dict[str, Any]]:
        """The agreements register, with the outlet and link of the article that mentions
        each; `query.dyad` keeps agreements naming both countries among the parties."""
        sql, params = _agreement_sql(query, status)
        return self._dicts(sql, params)

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM events WHERE event_id = ?", [event_id])
        return rows[0] if rows else None

    def rejects(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM rejects ORDER BY origin, stage", [])

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _article_row(work: Work) -> dict[str, Any]:
    a = work.article
    return {"id": a.id, "external_id": a.external_id, "title": a.title, "published": a.published,
            "url": a.url, "source": a.source, "origin": a.origin, "text": a.text,
            "n_sentences": len(work.sentences), "n_events": len(work.events),
            "tone": work.facts.tone, "spheres": work.facts.spheres,
            "countries": work.facts.countries}


# Events by how many of their sides the text ties to a country (coding/one_sided.py).
SIDES_SQL = {"both": "(source_country <> '' AND target_country <> '')",
             "one": "(source_country = '' OR target_country = '')"}


def _event_sql(query: EventQuery) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.dyad:
        a, b = query.dyad
        where.append("((source_country = ? AND target_country = ?) "
                     "OR (source_country = ? AND target_country = ?))")
        params += [a, b, b, a]
    if query.country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [query.country, query.country]
    if query.sides in SIDES_SQL:
        where.append(SIDES_SQL[query.sides])
    if query.since:
        where.append("date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("date <= ?")
        params.append(query.until.isoformat())
    if query.min_confidence > 0:
        where.append("confidence >= ?")
        params.append(query.min_confidence)
    sql = "SELECT * FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date, doc_id, sentence_index, event_id"
    if query.limit:
        sql += f" LIMIT {int(query.limit)}"
    return sql, params


def _agreement_sql(query: EventQuery, status: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.dyad:
        where.append("list_contains(string_split(g.parties, ','), ?) "
                     "AND list_contains(string_split(g.parties, ','), ?)")
        params += list(query.dyad)
    day = "coalesce(nullif(g.date, ''), CAST(a.published AS VARCHAR))"
    if query.since:
        where.append(f"{day} >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append(f"{day} <= ?")
        params.append(query.until.isoformat())
    if status:
        where.append("g.status = ?")
        params.append(status)
    sql = ("SELECT g.*, a.published, a.source AS outlet, a.url FROM agreements g "
           "LEFT JOIN articles a ON a.id = g.doc_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {day}, g.doc_id, g.sentence_index, g.char_start"
    if query.limit:
        sql += f" LIMIT {int(query.limit)}"
    return sql, params
