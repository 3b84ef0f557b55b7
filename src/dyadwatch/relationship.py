"""`dyadwatch.dyad("AZE", "RUS", db=...)`: one relationship as data frames, for notebooks and
for the brief — the series, the verdict and its trend, the change points with the events
around them, the spheres, the agreements, the key events, the actors, the places, and what
the figures rest on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pycountry

from dyadwatch.analytics import (
    DyadAnalysis,
    analyse_dyad,
    dyad_events,
    events_around,
    sphere_table,
    usable_events,
)
from dyadwatch.analytics.frames import normalise_freq
from dyadwatch.analytics.roles import mark_mediators
from dyadwatch.config import DEFAULT_DB
from dyadwatch.dictionaries.tables import data_path
from dyadwatch.errors import DyadwatchError, UsageError
from dyadwatch.store import Store
from dyadwatch.store.frames import agreement_frame, article_frame, event_frame

KEY_EVENTS_PER_SPHERE = 3
NONE = "unclassified"  # the sphere of events no sphere rule matched
EVENT_COLUMNS = ("sphere", "date", "code", "name", "source", "target", "modality", "role",
                 "evidence", "outlet", "url")


@dataclass(frozen=True)
class DyadView:
    """What dyadwatch can say about the relationship of `a` and `b` (see the fields)."""

    a: str
    b: str
    a_name: str
    b_name: str
    freq: str
    analysis: DyadAnalysis  # series, index, trend, change points, verdict
    events: pd.DataFrame  # the dyad's usable happenings (reports merged), with evidence
    change_points: pd.DataFrame  # period, before, after, shift, kind, until, events
    spheres: pd.DataFrame  # sphere, events, share, coop_index, direction, confidence, slope
    agreements: pd.DataFrame  # the register for the pair, with outlet and link
    key_events: pd.DataFrame
    actors: pd.DataFrame  # side, actor, name, events
    places: pd.DataFrame  # place, country, latitude, longitude, events
    coverage: dict[str, object]

    @property
    def series(self) -> pd.DataFrame:
        return self.analysis.series

    @property
    def verdict(self) -> str:
        return self.analysis.verdict


def country_name(code: str) -> str:
    """The name a reader expects: pycountry's common name, else its name unless that is an
    inverted or official form ("Iran, Islamic Republic of", "Russian Federation"), in which
    case the first full name in the project's countries table ("Iran", "Russia")."""
    code = code.upper()
    country = pycountry.countries.get(alpha_3=code)
    common = getattr(country, "common_name", None) if country else None
    if common:
        return str(common)
    name = str(country.name) if country else ""
    if name and "," not in name and "Federation" not in name:
        return name
    return _short_names().get(code) or name or code


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for line in data_path("countries.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "name" and parts[0] not in names \
                and len(parts[2]) >= 4 and not parts[2].isupper() and "." not in parts[2]:
            names[parts[0]] = parts[2].removeprefix("the ")
    return names


def require_database(db: Path | str) -> Path:
    """The store's path; an error naming how to make one when there is none (opening a
    missing file would create an empty store)."""
    path = Path(db)
    if not path.exists():
        raise DyadwatchError(f"database {path} does not exist",
                             "run `dyadwatch ingest` or `dyadwatch import-gdelt` first")
    return path


def dyad(a: str, b: str, *, db: Path | str = DEFAULT_DB, freq: str = "M",
         since: date | None = None, until: date | None = None, n_boot: int = 1000,
         seed: int = 0) -> DyadView:
    """Read the store at `db` and analyse the dyad `a`–`b` (ISO alpha-3 or CAMEO codes)."""
    a, b = a.upper(), b.upper()
    if since and until and until < since:
        raise UsageError(f"the period ends ({until}) before it starts ({since})",
                         "give --since before --until")
    if a == b:
        raise UsageError(f"a dyad needs two different countries, got {a} twice",
                         "name two countries, e.g. AZE RUS")
    path = require_database(db)
    with Store(path) as store:
        events = event_frame(store, countries=(a, b), since=since, until=until)
        articles = article_frame(store, since=since, until=until)
        register = agreement_frame(store, a, b)
    return analyse(events, articles, register, a, b, freq=normalise_freq(freq), since=since,
                   until=until, n_boot=n_boot, seed=seed)


def analyse(events: pd.DataFrame, articles: pd.DataFrame, register: pd.DataFrame, a: str,
            b: str, *, freq: str, since: date | None = None, until: date | None = None,
            n_boot: int = 1000, seed: int = 0) -> DyadView:
    names = (country_name(a), country_name(b))
    events = mark_mediators(events)
    usable = usable_events(events)
    chosen = dyad_events(usable, a, b)
    if chosen.empty:
        span = (f" from {since or 'the start'} to {until or 'the end'}"
                if since or until else "")
        raise DyadwatchError(f"no events between {a} and {b} in the store{span}",
                             "check the codes (ISO alpha-3, e.g. AZE RUS), widen --since/--until,"
                             " or ingest more news")
    found = analyse_dyad(usable, a, b, freq=freq, articles=articles, since=since, until=until,
                         n_boot=n_boot, seed=seed, names=names, prepared=True)
    return DyadView(
        a=a, b=b, a_name=names[0], b_name=names[1], freq=freq, analysis=found, events=chosen,
        change_points=_change_points(found, chosen),
        spheres=sphere_table(events, a, b, freq=freq, articles=articles, n_boot=n_boot,
                             seed=seed),
        agreements=register, key_events=key_events(chosen), actors=_actors(chosen, a, b),
        places=_places(chosen), coverage=_coverage(events, chosen, articles, a, b),
    )


def _change_points(found: DyadAnalysis, chosen: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for point in found.change_points:
        around = events_around(chosen, point.period, freq=found.freq, window=1)
        rows.append({"period": point.period, "before": point.before, "after": point.after,
                     "shift": point.shift, "kind": point.kind, "until": point.until,
                     "events": _short(around)})
    return pd.DataFrame(rows, columns=["period", "before", "after", "shift", "kind", "until",
                                       "events"])


def _short(events: pd.DataFrame, limit: int = 4) -> str:
    """'2016-04-02 AZEMIL→ARM 190 Use conventional military force; …'."""
    strongest = events.reindex(events["goldstein"].abs().sort_values(ascending=False).index)
    parts = [f"{_day(r)} {r['source']}→{r['target']} {r['code']} {r['name']}"
             for _, r in strongest.head(limit).iterrows()]
    return "; ".join(parts)


def key_events(chosen: pd.DataFrame, per_sphere: int = KEY_EVENTS_PER_SPHERE) -> pd.DataFrame:
    """Per sphere, the happenings that weigh most: reported most often, then largest
    |Goldstein|, then most confident; three-party events (a mediator) always come first,
    since they are what a brief on a conflict is read for."""
    rows: list[dict[str, Any]] = []
    ranked = chosen.assign(
        _third=(chosen["role"] != "").astype(int),
        _reports=chosen.get("n_reports", pd.Series(1, index=chosen.index)),
        _weight=chosen["goldstein"].abs(),
    ).sort_values(["_third", "_reports", "_weight", "confidence"], ascending=False,
                  kind="stable")
    for sphere in _spheres_in(ranked):
        members = ranked[ranked["spheres"].map(lambda s, x=sphere: x in (_split(s) or [NONE]))]
        # One row per sentence: a mutual or three-party act is several events of one report.
        members = members.drop_duplicates(subset=["doc_id", "sentence_index"])
        for _, row in members.head(per_sphere).iterrows():
            rows.append(_event_row(sphere, row))
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def _spheres_in(events: pd.DataFrame) -> list[str]:
    counts: dict[str, int] = {}
    for text in events["spheres"]:
        for sphere in _split(text) or [NONE]:
            counts[sphere] = counts.get(sphere, 0) + 1
    return sorted(counts, key=lambda s: (-counts[s], s))


def _split(text: object) -> list[str]:
    return [s for s in str(text or "").split(",") if s] if isinstance(text, str) else []


def _event_row(sphere: str, row: pd.Series) -> dict[str, Any]:
    return {"sphere": sphere, "date": _day(row), "code": row["code"], "name": row["name"],
            "source": row["source"], "target": row["target"], "modality": row["modality"],
            "role": row["role"], "evidence": row["sentence"], "outlet": row.get("outlet", ""),
            "url": row.get("url", "")}


def _day(row: pd.Series) -> str:
    own = row.get("event_date") or ""
    return str(own if own and row.get("date_precision") == "day" else row["date"])


def _actors(chosen: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    sides = pd.concat([
        chosen[["source_country", "source", "source_text"]].set_axis(
            ["side", "actor", "name"], axis=1),
        chosen[["target_country", "target", "target_text"]].set_axis(
            ["side", "actor", "name"], axis=1),
    ])
    sides = sides[sides["side"].isin([a, b])]
    if sides.empty:
        return pd.DataFrame(columns=["side", "actor", "name", "events"])
    grouped = sides.groupby(["side", "actor"], as_index=False).agg(
        name=("name", lambda names: names.mode().iloc[0] if len(names) else ""),
        events=("name", "size"))
    return grouped.sort_values(["side", "events"], ascending=[True, False], ignore_index=True)


def _places(chosen: pd.DataFrame) -> pd.DataFrame:
    located = chosen[chosen["place"].fillna("") != ""] if "place" in chosen else chosen[:0]
    if located.empty:
        return pd.DataFrame(columns=["place", "country", "latitude", "longitude", "events"])
    return located.groupby("place", as_index=False).agg(
        country=("place_country", "first"), latitude=("latitude", "first"),
        longitude=("longitude", "first"), events=("place", "size"),
    ).sort_values(["events", "place"], ascending=[False, True], ignore_index=True)


def _coverage(events: pd.DataFrame, chosen: pd.DataFrame, articles: pd.DataFrame, a: str,
              b: str) -> dict[str, object]:
    imported = bool((events.get("rule", pd.Series(dtype=str)) == "gdelt-import").any())
    reports = int(chosen["n_reports"].sum()) if "n_reports" in chosen else len(chosen)
    pair = {a, b}
    raw = events[[{s, t} == pair for s, t in zip(events["source_country"],
                                                  events["target_country"], strict=True)]]
    excluded = raw["modality"].value_counts()
    docs = {d for ids in chosen["doc_ids"] for d in str(ids).split(",") if d}  # merged too
    outlets = articles[articles["id"].isin(docs)]["source"] if not articles.empty else []
    return {
        "origin": "GDELT import" if imported else "dyadwatch coder",
        "articles": len(docs), "sources": len(set(outlets)), "events": len(chosen),
        "merged_reports": reports - len(chosen),
        "first_date": str(chosen["date"].min()), "last_date": str(chosen["date"].max()),
        "excluded": {m: int(excluded.get(m, 0))
                     for m in ("historical", "negated", "hypothetical") if excluded.get(m, 0)},
        "notes": [
            "Cooperation index = (cooperative − conflictual Goldstein mass) / (both), per period.",
            "Historical recaps, negated and hypothetical events are left out; reports of one "
            "happening (same pair, code and date) across articles count once.",
            "Trend: Mann–Kendall test with Sen's slope and a moving-block bootstrap interval; "
            "change points: PELT (ruptures) on the conflict intensity.",
        ],
    }
