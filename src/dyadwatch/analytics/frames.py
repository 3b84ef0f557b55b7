"""Event and article frames made ready for analysis: column defaults, periods, usable events.

Everything here is a pure function over pandas DataFrames holding the store's `events` and
`articles` columns (dyadwatch's own events and imported GDELT events alike). Optional columns
that a frame lacks get defaults, so files made by older versions still work.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from dyadwatch.errors import UsageError

DataFrame: TypeAlias = pd.DataFrame

REQUIRED_EVENT_COLUMNS = ("date", "source_country", "target_country", "code", "goldstein")

# Defaults for optional event columns; '' means "not known".
EVENT_DEFAULTS: dict[str, Any] = {
    "event_id": "", "doc_id": "", "source": "", "target": "", "root_code": "",
    "name": "", "quad_class": 0, "modality": "factual", "event_date": "",
    "date_precision": "", "sentence_index": -1, "sentence": "", "confidence": 1.0,
    "planned_code": "", "role": "", "spheres": "", "tone": math.nan,
}
ARTICLE_DEFAULTS: dict[str, Any] = {"source": "", "countries": "", "spheres": "",
                                    "tone": math.nan}

# Modalities whose events did not happen in the period they are dated to: recaps of the past
# (two or more years before publication), denials of an act, and conditionals. Intentions stay:
# CAMEO codes a stated intent as a 03x event of its own. Reported claims stay, as in GDELT.
EXCLUDED_MODALITIES = frozenset({"historical", "negated", "hypothetical"})

# Series frequency -> pandas period frequency.
FREQS = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q-DEC", "Y": "Y-DEC"}
FREQ_ALIASES = {"day": "D", "daily": "D", "week": "W", "weekly": "W", "month": "M",
                "monthly": "M", "ME": "M", "quarter": "Q", "quarterly": "Q", "QE": "Q",
                "year": "Y", "yearly": "Y", "annual": "Y", "A": "Y", "YE": "Y"}
_FREQ_RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_PRECISION_RANK = {"": 0, "day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4,
                   "decade": 5, "century": 6}


def normalise_freq(freq: str) -> str:
    """One of 'D', 'W', 'M', 'Q', 'Y' for a frequency name or alias; UsageError otherwise."""
    key = FREQ_ALIASES.get(freq, FREQ_ALIASES.get(freq.lower(), freq.upper()))
    if key not in FREQS:
        raise UsageError(f"unknown series frequency {freq!r}",
                         "use day, week, month, quarter or year (D, W, M, Q, Y)")
    return key


def event_columns(events: DataFrame) -> DataFrame:
    """A copy of `events` with every optional column present (defaults above).

    `root_code` defaults to the first two digits of `code`."""
    missing = [name for name in REQUIRED_EVENT_COLUMNS if name not in events.columns]
    if missing:
        raise UsageError(f"the events have no column {', '.join(missing)}",
                         "pass rows of the store's events table")
    out = events.copy()
    for name, default in EVENT_DEFAULTS.items():
        if name not in out.columns:
            out[name] = default
    text = ["event_date", "date_precision", "modality", "planned_code", "role", "spheres",
            "source_country", "target_country", "code", "root_code", "doc_id"]
    for name in text:
        out[name] = out[name].fillna("").astype(str)
    out["date"] = out["date"].astype(str).str.slice(0, 10)
    out["root_code"] = out["root_code"].where(out["root_code"] != "", out["code"].str[:2])
    out["goldstein"] = pd.to_numeric(out["goldstein"], errors="coerce").astype(float)
    out["quad_class"] = pd.to_numeric(out["quad_class"], errors="coerce").fillna(0).astype(int)
    out["tone"] = pd.to_numeric(out["tone"], errors="coerce").astype(float)
    return out


def article_columns(articles: DataFrame) -> DataFrame:
    """A copy of `articles` with `id` and `published` required and the optional columns added."""
    missing = [name for name in ("id", "published") if name not in articles.columns]
    if missing:
        raise UsageError(f"the articles have no column {', '.join(missing)}",
                         "pass rows of the store's articles table")
    out = articles.copy()
    for name, default in ARTICLE_DEFAULTS.items():
        if name not in out.columns:
            out[name] = default
    for name in ("countries", "spheres", "source"):
        out[name] = out[name].fillna("").astype(str)
    out["published"] = pd.to_datetime(out["published"], errors="coerce")
    return out


def event_day(events: DataFrame) -> pd.Series:
    """The day an event is dated to: its own resolved `event_date`, else its publication day."""
    own = events["event_date"].str.slice(0, 10)
    return own.where(own != "", events["date"])


def event_time(events: DataFrame, freq: str) -> pd.Series:
    """Timestamp placing each event in a series of frequency `freq`.

    An event's own date is used when it is at least as precise as the period (a date known
    to the month can go in a monthly series); a coarser one ("in 2016", "last decade") would
    be pinned to the first day of its span, so the publication day is used instead."""
    rank = _FREQ_RANK[normalise_freq(freq)]
    precision = events["date_precision"].map(lambda p: _PRECISION_RANK.get(p, 99))
    own_ok = (events["event_date"] != "") & (precision <= rank)
    day = events["event_date"].str.slice(0, 10).where(own_ok, events["date"])
    return pd.to_datetime(day, errors="coerce")


def periods(start: pd.Timestamp, end: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    """Every period from the one holding `start` to the one holding `end`."""
    pfreq = FREQS[normalise_freq(freq)]
    return pd.period_range(pd.Period(start, pfreq), pd.Period(end, pfreq), freq=pfreq)


def to_period(times: pd.Series, freq: str) -> pd.Series:
    """The period (as a pandas Period) of each timestamp."""
    return times.dt.to_period(FREQS[normalise_freq(freq)])


def period_label(stamp: pd.Timestamp, freq: str) -> str:
    """A reader's name for the period starting at `stamp`: 'April 2016', '2016 Q2', '2016'..."""
    key = normalise_freq(freq)
    if key == "D":
        return f"{stamp.day} {stamp:%B %Y}"
    if key == "W":
        return f"the week of {stamp.day} {stamp:%B %Y}"
    if key == "M":
        return f"{stamp:%B %Y}"
    if key == "Q":
        return f"{stamp.year} Q{stamp.quarter}"
    return str(stamp.year)


def has_code(values: pd.Series, code: str) -> pd.Series:
    """Which comma-separated lists in `values` (e.g. spheres, countries) contain `code`."""
    return values.fillna("").astype(str).map(lambda text: code in text.split(","))


def merge_reports(events: DataFrame) -> DataFrame:
    """One row per happening: the reports of one event merged within and across articles.

    Reports are the same happening when they share the directed country pair
    (source_country → target_country, or the actor codes when a country is missing), the CAMEO
    `code` and the event's day (its resolved `event_date`; for events dated only by
    publication, the publication day). The kept row is the first evidence (earliest
    publication, then article and sentence order); `n_reports` counts the merged reports,
    `n_articles` and `doc_ids` the articles carrying them, `tone` is their mean tone and
    `confidence` the highest. Merging already merged rows sums their counts, so it is
    idempotent."""
    frame = event_columns(events)
    if frame.empty:
        return frame.assign(n_reports=pd.Series(dtype=int), n_articles=pd.Series(dtype=int),
                            doc_ids=pd.Series(dtype=str))
    frame["n_reports"] = frame["n_reports"] if "n_reports" in frame.columns else 1
    if "doc_ids" not in frame.columns:
        frame["doc_ids"] = frame["doc_id"]
    src = frame["source_country"].where(frame["source_country"] != "", frame["source"])
    tgt = frame["target_country"].where(frame["target_country"] != "", frame["target"])
    frame = frame.assign(_src=src, _tgt=tgt, _code=frame["code"], _day=event_day(frame))
    frame = frame.sort_values(["date", "doc_id", "sentence_index"], kind="stable")
    keys = ["_src", "_tgt", "_code", "_day"]
    grouped = frame.groupby(keys, sort=False)
    first = frame.drop_duplicates(keys, keep="first").set_index(keys)
    first["n_reports"] = grouped["n_reports"].sum()
    first["doc_ids"] = grouped["doc_ids"].agg(_union)
    first["n_articles"] = first["doc_ids"].map(lambda ids: len(ids.split(",")) if ids else 0)
    first["tone"] = grouped["tone"].mean()
    first["confidence"] = grouped["confidence"].max()
    return first.reset_index(drop=True)


def usable_events(events: DataFrame, *, min_confidence: float = 0.0,
                  excluded: Iterable[str] = EXCLUDED_MODALITIES) -> DataFrame:
    """The events that count in a series, one row per happening.

    Dropped: modalities in `excluded` (by default historical recaps, negated and hypothetical
    events — see EXCLUDED_MODALITIES), events under `min_confidence`, events without a
    Goldstein value or a usable date. The rest go through `merge_reports`."""
    frame = event_columns(events)
    keep = ~frame["modality"].isin(set(excluded))
    keep &= frame["confidence"].fillna(1.0) >= min_confidence
    keep &= frame["goldstein"].notna()
    keep &= pd.to_datetime(event_day(frame), errors="coerce").notna()
    return merge_reports(frame[keep])


def _union(values: pd.Series) -> str:
    ids: dict[str, None] = {}
    for text in values:
        for item in str(text).split(","):
            if item:
                ids[item] = None
    return ",".join(ids)


def goldstein_masses(goldstein: pd.Series) -> tuple[float, float]:
    """(cooperative mass, conflictual mass): Σ of positive Goldstein values and Σ |negative|."""
    values = goldstein.to_numpy(dtype=float)
    values = values[~np.isnan(values)]
    return float(values[values > 0].sum()), float(np.abs(values[values < 0]).sum())
