"""Dyad time series: counts, Goldstein masses, the cooperation index, tone and news volume.

Formulas (per period, over the usable events of the dyad — see frames.usable_events):

- cooperative mass C = Σ Goldstein of events with Goldstein > 0;
  conflictual mass K = Σ |Goldstein| of events with Goldstein < 0;
- cooperation index = (C − K) / (C + K), in [−1, 1]: +1 all cooperation, −1 all conflict,
  0 balanced (or only neutral events); NaN in a period without events;
- conflict intensity = K + the Goldstein value of every happening coded (or planned) as a
  military de-escalation (CAMEO 087x: ceasefire, retreat, demobilisation). A ceasefire is only
  agreed where there is fighting, and reports of fighting often name no actors ("heavy fighting
  broke out"), so the truce is the dyad's own evidence of the war it ends (events coded with
  role 'mediator' are left out). Zero in an empty
  period, so sparse dyads have a series without holes for change-point detection;
- volume = articles published in the period that mention either country (articles.countries);
  rates per 100 such articles keep a busy news month from looking like a closer relationship.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TypeAlias

import numpy as np
import pandas as pd

from dyadwatch.analytics.frames import (
    DataFrame,
    article_columns,
    event_time,
    goldstein_masses,
    has_code,
    periods,
    to_period,
    usable_events,
)
from dyadwatch.errors import UsageError

DIRECTIONS = ("both", "a->b", "b->a")
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
DE_ESCALATION = "087"  # CAMEO: de-escalate military engagement (0871 declare ceasefire, ...)

DateLike: TypeAlias = date | str | pd.Timestamp | None


def cooperation_index(events: DataFrame) -> float:
    """(C − K) / (C + K) over `events` (see the module docstring); NaN when there are none.

    Events whose Goldstein values are all zero give 0.0: something happened, neither way."""
    if events.empty:
        return math.nan
    coop, conflict = goldstein_masses(events["goldstein"])
    total = coop + conflict
    return (coop - conflict) / total if total > 0 else 0.0


def conflict_intensity(events: DataFrame) -> float:
    """Conflictual Goldstein mass plus the Goldstein value of military de-escalations (087x)."""
    if events.empty:
        return 0.0
    _, conflict = goldstein_masses(events["goldstein"])
    planned = events["planned_code"] if "planned_code" in events.columns else ""
    truce = events["code"].str.startswith(DE_ESCALATION)
    if isinstance(planned, pd.Series):
        truce |= planned.str.startswith(DE_ESCALATION)
    if "role" in events.columns:  # a mediator's truce is evidence about the others' fighting
        truce &= events["role"] != "mediator"
    return conflict + float(events.loc[truce, "goldstein"].abs().sum())


def dyad_events(events: DataFrame, a: str, b: str, *, direction: str = "both",
                sphere: str | None = None) -> DataFrame:
    """The events between countries `a` and `b`: a→b and b→a ('both'), or one direction.

    `sphere` keeps the events whose `spheres` list contains it."""
    if direction not in DIRECTIONS:
        raise UsageError(f"unknown direction {direction!r}", "use both, a->b or b->a")
    if a == b:
        raise UsageError(f"a dyad needs two different countries, got {a} twice",
                         "name two countries")
    src, tgt = events["source_country"], events["target_country"]
    forward = (src == a) & (tgt == b)
    backward = (src == b) & (tgt == a)
    keep = {"both": forward | backward, "a->b": forward, "b->a": backward}[direction]
    if sphere is not None:
        keep &= has_code(events["spheres"], sphere)
    return events[keep]


def corpus_span(events: DataFrame, articles: DataFrame | None,
                freq: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day the corpus covers: event times and article publication days."""
    times = event_time(events, freq).dropna()
    if articles is not None and not articles.empty:
        times = pd.concat([times, article_columns(articles)["published"].dropna()])
    if times.empty:
        raise UsageError("there are no dated events to make a series of",
                         "ingest some articles, or pass since and until")
    return times.min(), times.max()


def dyad_series(events: DataFrame, a: str, b: str, *, freq: str = "M",
                direction: str = "both", articles: DataFrame | None = None,
                sphere: str | None = None, since: DateLike = None,
                until: DateLike = None, prepared: bool = False) -> DataFrame:
    """The dyad's series, one row per period (index: period start), empty periods included.

    `events` are store rows (passed through usable_events unless `prepared`). The range is
    `since`..`until`, by default the span of the whole corpus (events and `articles`), so a
    quiet dyad shows its quiet periods. Columns: events (happenings), reports, q1..q4,
    root_01..root_20, goldstein_sum, goldstein_mean, coop_mass, conflict_mass, coop_index,
    conflict_intensity, tone (mean sentence tone, NaN when unknown), articles (articles
    carrying the dyad's events), sources (their outlets; NaN without `articles`), volume
    (articles mentioning a or b; NaN without `articles`), events_per_100_articles,
    net_goldstein_per_100_articles (100·(C − K) / volume) and conflict_per_100_articles."""
    usable = events if prepared else usable_events(events)
    start, end = corpus_span(usable, articles, freq)
    start = pd.Timestamp(since) if since is not None else start
    end = pd.Timestamp(until) if until is not None else end
    if end < start:
        raise UsageError(f"the series would end ({end.date()}) before it starts "
                         f"({start.date()})", "give an until later than since")
    index = periods(start, end, freq)
    chosen = dyad_events(usable, a, b, direction=direction, sphere=sphere)
    chosen = chosen.assign(_period=to_period(event_time(chosen, freq), freq))
    chosen = chosen[chosen["_period"].isin(index)]
    rows = {period: _period_row(group) for period, group in chosen.groupby("_period")}
    table = pd.DataFrame.from_dict(rows, orient="index").reindex(index)
    table = _fill_empty(table)
    table = _add_news(table, chosen, articles, a, b, freq)
    table.index = index.to_timestamp(how="start")
    table.index.name = "period"
    return table


def _period_row(group: DataFrame) -> dict[str, float]:
    coop, conflict = goldstein_masses(group["goldstein"])
    row: dict[str, float] = {
        "events": float(len(group)), "reports": float(group["n_reports"].sum()),
        **{f"q{q}": float((group["quad_class"] == q).sum()) for q in (1, 2, 3, 4)},
        **{f"root_{r}": float((group["root_code"] == r).sum()) for r in ROOTS},
        "goldstein_sum": float(group["goldstein"].sum()),
        "goldstein_mean": float(group["goldstein"].mean()),
        "coop_mass": coop, "conflict_mass": conflict,
        "coop_index": cooperation_index(group),
        "conflict_intensity": conflict_intensity(group),
        "tone": float(group["tone"].mean()) if group["tone"].notna().any() else math.nan,
    }
    return row


_ZERO_WHEN_EMPTY = ("events", "reports", "q1", "q2", "q3", "q4", "goldstein_sum",
                    "coop_mass", "conflict_mass", "conflict_intensity",
                    *(f"root_{r}" for r in ROOTS))
_NAN_WHEN_EMPTY = ("goldstein_mean", "coop_index", "tone")


def _fill_empty(table: DataFrame) -> DataFrame:
    """Empty periods: counts and masses are 0; means, the index and tone are undefined (NaN)."""
    for name in (*_ZERO_WHEN_EMPTY, *_NAN_WHEN_EMPTY):
        if name not in table.columns:
            table[name] = np.nan
    zeros = {name: 0.0 for name in _ZERO_WHEN_EMPTY}
    table = table.fillna(zeros)
    counts = ["events", "reports", "q1", "q2", "q3", "q4", *(f"root_{r}" for r in ROOTS)]
    table[counts] = table[counts].astype(int)
    return table[[*_ZERO_WHEN_EMPTY[:6], *(f"root_{r}" for r in ROOTS), "goldstein_sum",
                  "goldstein_mean", "coop_mass", "conflict_mass", "coop_index",
                  "conflict_intensity", "tone"]]


def _add_news(table: DataFrame, chosen: DataFrame, articles: DataFrame | None,
              a: str, b: str, freq: str) -> DataFrame:
    """Articles carrying the events, their outlets, and the news volume about either country."""
    carried = chosen.assign(_doc=chosen["doc_ids"].str.split(",")).explode("_doc")
    carried = carried[carried["_doc"].fillna("") != ""]
    table["articles"] = carried.groupby("_period")["_doc"].nunique().reindex(
        table.index, fill_value=0).astype(int)
    if articles is None:
        table["sources"] = np.nan
        table["volume"] = np.nan
    else:
        arts = article_columns(articles)
        outlets = carried[["_period", "_doc"]].merge(
            arts[["id", "source"]], left_on="_doc", right_on="id")
        outlets = outlets[outlets["source"] != ""]
        table["sources"] = outlets.groupby("_period")["source"].nunique().reindex(
            table.index, fill_value=0).astype(float)
        table["volume"] = news_volume(arts, a, b, freq).reindex(table.index, fill_value=0)
    volume = table["volume"].where(table["volume"] > 0)
    table["events_per_100_articles"] = 100 * table["events"] / volume
    table["net_goldstein_per_100_articles"] = (
        100 * (table["coop_mass"] - table["conflict_mass"]) / volume)
    table["conflict_per_100_articles"] = 100 * table["conflict_mass"] / volume
    return table


def news_volume(articles: DataFrame, a: str, b: str, freq: str) -> pd.Series:
    """Articles per period (by publication day) whose `countries` list names `a` or `b`."""
    arts = article_columns(articles)
    mentions = has_code(arts["countries"], a) | has_code(arts["countries"], b)
    arts = arts[mentions & arts["published"].notna()]
    return arts.groupby(to_period(arts["published"], freq))["id"].nunique().astype(float)
