"""One dyad analysed end to end; dyads side by side; spheres of a dyad; a country's partners.

The trend of a dyad is tested on its cooperation index per period (periods without events
have no index and are left out); its change points are found on the conflict intensity, a
zero-filled series, square-root stabilised (see series and changepoints).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dyadwatch.analytics.changepoints import ChangePoint, change_points
from dyadwatch.analytics.frames import DataFrame, event_time, to_period, usable_events
from dyadwatch.analytics.series import DateLike, cooperation_index, dyad_events, dyad_series
from dyadwatch.analytics.trend import Trend, trend_test, verdict
from dyadwatch.errors import UsageError


@dataclass(frozen=True)
class DyadAnalysis:
    """Everything said about one dyad: its series, index, trend, shifts and verdict."""

    a: str
    b: str
    freq: str
    series: DataFrame
    index: float
    trend: Trend
    change_points: tuple[ChangePoint, ...]
    verdict: str


def analyse_dyad(events: DataFrame, a: str, b: str, *, freq: str = "M",
                 articles: DataFrame | None = None, sphere: str | None = None,
                 direction: str = "both", since: DateLike = None, until: DateLike = None,
                 alpha: float = 0.1, n_boot: int = 1000, seed: int = 0,
                 names: tuple[str, str] | None = None, prepared: bool = False) -> DyadAnalysis:
    """The dyad's series, cooperation index, trend of the index, change points of the
    conflict intensity and the one-sentence verdict. `names` are shown instead of codes."""
    usable = events if prepared else usable_events(events)
    series = dyad_series(usable, a, b, freq=freq, direction=direction, articles=articles,
                         sphere=sphere, since=since, until=until, prepared=True)
    chosen = dyad_events(usable, a, b, direction=direction, sphere=sphere)
    in_range = _in_range(chosen, series, freq)
    index = cooperation_index(in_range)
    trend, tested = _trend(series, alpha=alpha, n_boot=n_boot, seed=seed)
    shifts = tuple(change_points(series["conflict_intensity"], stabilise=True))
    a_name, b_name = names or (a, b)
    text = verdict(a_name, b_name, trend, index, freq=freq)
    if tested != "coop_index" and text.endswith(")."):
        text = text[:-2] + (f"; trend of {FALLBACK_MEASURES[tested]}, as the index does not "
                            "vary).")
    return DyadAnalysis(a, b, freq, series, index, trend, shifts, text)


# When the index cannot be tested (a dyad whose every period is all cooperation is +1
# throughout), the trend is read from how much net cooperation the news reports per period,
# relative to the news about either country where that volume is known.
FALLBACK_MEASURES = {
    "net_goldstein_per_100_articles": "net Goldstein per 100 articles on either country",
    "goldstein_sum": "net Goldstein per period",
}


def _trend(series: DataFrame, *, alpha: float, n_boot: int, seed: int) -> tuple[Trend, str]:
    """The trend of the cooperation index, else of the first fallback measure that can be
    tested; with the name of the column tested."""
    first = trend_test(series["coop_index"], alpha=alpha, n_boot=n_boot, seed=seed)
    if not first.reason:
        return first, "coop_index"
    for column in FALLBACK_MEASURES:
        if column in series and series[column].notna().any():
            found = trend_test(series[column], alpha=alpha, n_boot=n_boot, seed=seed)
            if not found.reason:
                return found, column
    return first, "coop_index"


def _in_range(events: DataFrame, series: DataFrame, freq: str) -> DataFrame:
    """The events that fall in one of the series' periods."""
    starts = to_period(event_time(events, freq), freq).dt.start_time
    return events[starts.isin(series.index)]


def compare_dyads(events: DataFrame, dyads: Sequence[tuple[str, str]], *, freq: str = "M",
                  articles: DataFrame | None = None, alpha: float = 0.1, n_boot: int = 1000,
                  seed: int = 0) -> DataFrame:
    """One row per dyad, over the same periods: events, cooperation index, conflict mass,
    events per 100 articles about either country, the trend of the index and the number and
    latest of its change points."""
    if not dyads:
        raise UsageError("no dyads to compare", "pass pairs of country codes")
    usable = usable_events(events)
    rows = []
    for a, b in dyads:
        found = analyse_dyad(usable, a, b, freq=freq, articles=articles, alpha=alpha,
                             n_boot=n_boot, seed=seed, prepared=True)
        rows.append(_summary_row(found))
    return pd.DataFrame(rows)


def _summary_row(found: DyadAnalysis) -> dict[str, object]:
    series, trend = found.series, found.trend
    volume = series["volume"].sum()
    return {
        "dyad": f"{found.a}-{found.b}", "a": found.a, "b": found.b,
        "events": int(series["events"].sum()), "coop_index": found.index,
        "conflict_mass": float(series["conflict_mass"].sum()),
        "events_per_100_articles": (100 * series["events"].sum() / volume
                                    if volume > 0 else math.nan),
        "direction": trend.direction, "confidence": trend.confidence,
        "p_value": trend.p_value, "slope": trend.slope, "slope_low": trend.slope_low,
        "slope_high": trend.slope_high, "change_points": len(found.change_points),
        "last_change": found.change_points[-1].period if found.change_points else pd.NaT,
        "verdict": found.verdict,
    }


def sphere_table(events: DataFrame, a: str, b: str, *, freq: str = "M",
                 articles: DataFrame | None = None, alpha: float = 0.1,
                 n_boot: int = 1000, seed: int = 0) -> DataFrame:
    """One row per sphere of the dyad's events: sphere, events, share (of all the dyad's
    events; an event in two spheres counts in both, so shares may add up to more than 1),
    coop_index, and the trend of the sphere's index (direction, confidence, slope)."""
    usable = usable_events(events)
    chosen = dyad_events(usable, a, b)
    names = sorted({s for text in chosen["spheres"] for s in text.split(",") if s})
    rows = []
    for sphere in names:
        found = analyse_dyad(usable, a, b, freq=freq, articles=articles, sphere=sphere,
                             alpha=alpha, n_boot=n_boot, seed=seed, prepared=True)
        count = int(found.series["events"].sum())
        rows.append({"sphere": sphere, "events": count,
                     "share": count / len(chosen) if len(chosen) else math.nan,
                     "coop_index": found.index, "direction": found.trend.direction,
                     "confidence": found.trend.confidence, "slope": found.trend.slope})
    table = pd.DataFrame(rows, columns=["sphere", "events", "share", "coop_index",
                                        "direction", "confidence", "slope"])
    return table.sort_values(["events", "sphere"], ascending=[False, True],
                             ignore_index=True)


def rank_partners(events: DataFrame, country: str, *, freq: str = "M", min_events: int = 3,
                  articles: DataFrame | None = None, by: str = "index", alpha: float = 0.1,
                  n_boot: int = 1000, seed: int = 0) -> DataFrame:
    """`country`'s partners with at least `min_events` happenings (both directions): partner,
    events, coop_index, direction, confidence, slope — sorted by the cooperation index
    (`by='index'`, warmest first) or by the trend (`by='trend'`: Sen's slope, steepest rise
    first)."""
    if by not in ("index", "trend"):
        raise UsageError(f"unknown ranking {by!r}", "rank by index or trend")
    usable = usable_events(events)
    src, tgt = usable["source_country"], usable["target_country"]
    partners = pd.concat([tgt[src == country], src[tgt == country]])
    counts = partners[(partners != country) & (partners != "")].value_counts()
    rows = []
    for partner in sorted(counts[counts >= min_events].index):
        found = analyse_dyad(usable, country, partner, freq=freq, articles=articles,
                             alpha=alpha, n_boot=n_boot, seed=seed, prepared=True)
        rows.append({"partner": partner, "events": int(counts[partner]),
                     "coop_index": found.index, "direction": found.trend.direction,
                     "confidence": found.trend.confidence, "slope": found.trend.slope})
    table = pd.DataFrame(rows, columns=["partner", "events", "coop_index", "direction",
                                        "confidence", "slope"])
    key = "coop_index" if by == "index" else "slope"
    return table.sort_values([key, "partner"], ascending=[False, True], ignore_index=True)
