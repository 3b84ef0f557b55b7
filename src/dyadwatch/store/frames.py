"""The store's tables as pandas DataFrames, for analytics, briefs and notebooks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from dyadwatch.store.duck import EventQuery, Store

ARTICLE_FRAME_COLUMNS = ("id", "title", "published", "url", "source", "origin", "tone",
                         "spheres", "countries", "n_events")


def event_frame(store: Store, *, countries: Sequence[str] = (), since: date | None = None,
                until: date | None = None) -> pd.DataFrame:
    """Events with their article's outlet, link and title; `countries` keeps events whose
    source or target is one of them. Dates filter on the event's own date where resolved."""
    where, params = _where(countries, since, until)
    sql = (f"SELECT e.*, {_outlet('a.')} AS outlet, a.url, a.title FROM events e "
           f"LEFT JOIN articles a ON a.id = e.doc_id{where} "
           "ORDER BY e.date, e.doc_id, e.sentence_index, e.event_id")
    return store.con.execute(sql, params).df()


def article_frame(store: Store, *, since: date | None = None,
                  until: date | None = None) -> pd.DataFrame:
    """Articles without their text: the news volume and outlets of a period."""
    # An article read without an outlet name is counted by its link's host (bbc.com, tass.com).
    names = ", ".join(c if c != "source" else f"{_outlet()} AS source"
                      for c in ARTICLE_FRAME_COLUMNS)
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append("published >= ?")
        params.append(since)
    if until:
        where.append("published <= ?")
        params.append(until)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return store.con.execute(f"SELECT {names} FROM articles{clause} ORDER BY published",
                             params).df()


def _outlet(table: str = "") -> str:
    """The outlet's name, else the host of the article's link ("tass.com")."""
    return (f"coalesce(nullif({table}source, ''), "
            f"nullif(regexp_extract({table}url, '^[a-z]+://(?:www\\.)?([^/:]+)', 1), ''), '')")


def agreement_frame(store: Store, a: str, b: str) -> pd.DataFrame:
    return pd.DataFrame(store.agreements(EventQuery(dyad=(a, b))))


def _where(countries: Sequence[str], since: date | None,
           until: date | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if countries:
        marks = ", ".join("?" for _ in countries)
        where.append(f"(e.source_country IN ({marks}) OR e.target_country IN ({marks}))")
        params += [*countries, *countries]
    day = "coalesce(nullif(e.event_date, ''), e.date)"
    if since:
        where.append(f"{day} >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{day} <= ?")
        params.append(until.isoformat())
    return (f" WHERE {' AND '.join(where)}" if where else ""), params
