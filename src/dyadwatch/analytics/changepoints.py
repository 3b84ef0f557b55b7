"""Change points: the periods where a dyad's series shifted, and the events around each shift.

Detection is ruptures' PELT with the least-squares (`l2`) cost: the series is cut into
segments of constant mean, each cut costing `penalty`. The default penalty is the BIC-type
value σ̂²·ln(n) (ruptures' documentation uses ln(n)·d·σ² for d-dimensional signals), where
σ̂² is the variance of the whole series. The variance is deliberately not a robust one: in a
sparse series (most periods empty) the robust scale is 0 and every non-empty period would be
cut out. With the plain variance, a period or run of periods is cut out only when its excess
over the rest outweighs the series' own spread: a single-period spike of height h above the
surrounding level is marked when h² > 2·σ̂²·ln(n), as an up-shift at the spike followed by a
down-shift after it.

Counts and Goldstein masses spread more the higher they are (one shelling weighs −10, a
month of accusations −2 each), so `stabilise=True` detects on the square root of the series,
the variance-stabilising transform for counts: a sustained run of moderate conflict then
weighs against a single large spike as it should. Segment means are still reported on the
original scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import numpy as np
import pandas as pd
import ruptures as rpt

from dyadwatch.analytics.frames import (
    DataFrame,
    event_columns,
    event_time,
    normalise_freq,
    period_label,
    to_period,
)
from dyadwatch.errors import UsageError

Polarity = Literal["conflict", "cooperation"]
_KINDS = {"conflict": ("escalation", "de-escalation"), "cooperation": ("warming", "cooling")}


@dataclass(frozen=True)
class ChangePoint:
    """A shift in a series: from `period` on, the level moved from `before` to `after`.

    `before`/`after` are the means of the segments either side; `shift` = after − before.
    `kind` names the direction for the measure: escalation / de-escalation for a conflict
    measure, warming / cooling for a cooperation measure."""

    period: pd.Timestamp
    before: float
    after: float
    shift: float
    kind: str
    until: pd.Timestamp  # the last period of the new level (the next shift's period − 1)

    def describe(self, freq: str = "M") -> str:
        """'escalation in April 2016, lasting to May 2016 (mean 0.0 → 20.0)'."""
        start, end = period_label(self.period, freq), period_label(self.until, freq)
        span = f"{self.kind} in {start}" + (f", lasting to {end}" if end != start else "")
        return f"{span} (mean {self.before:.1f} → {self.after:.1f})"


def default_penalty(values: np.ndarray) -> float:
    """σ̂²·ln(n): the series' variance times the log of its length (see the module docstring)."""
    n = len(values)
    return float(np.var(values)) * math.log(n) if n > 1 else math.inf


def change_points(series: pd.Series, *, penalty: float | None = None, min_size: int = 1,
                  max_points: int = 10, polarity: Polarity = "conflict",
                  stabilise: bool = False) -> list[ChangePoint]:
    """The shifts in `series` (index: period starts), in time order.

    NaN periods are left out (an undefined value is not a zero). `penalty` defaults to
    `default_penalty` of the (stabilised) values; when more than `max_points` cuts come out,
    the penalty is raised by half until at most `max_points` remain. `stabilise` detects on
    √series (needs values ≥ 0). A constant or too short series has none."""
    if polarity not in _KINDS:
        raise UsageError(f"unknown polarity {polarity!r}", "use conflict or cooperation")
    clean = series.dropna().astype(float)
    values = clean.to_numpy()
    if stabilise:
        if (values < 0).any():
            raise UsageError("stabilise needs a series without negative values",
                             "pass counts or masses, or stabilise=False")
        values = np.sqrt(values)
    if len(values) < 2 * min_size or float(np.var(values)) == 0.0:
        return []
    pen = default_penalty(values) if penalty is None else penalty
    cuts = _cuts(values, pen, min_size)
    while len(cuts) > max_points:
        pen *= 1.5
        cuts = _cuts(values, pen, min_size)
    return _describe(clean, cuts, polarity)


def _cuts(values: np.ndarray, penalty: float, min_size: int) -> list[int]:
    """Indices where a new segment starts (PELT, l2 cost)."""
    algo = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(values.reshape(-1, 1))
    ends: list[int] = algo.predict(pen=penalty)
    return [end for end in ends if end < len(values)]


def _describe(series: pd.Series, cuts: list[int], polarity: Polarity) -> list[ChangePoint]:
    bounds = [0, *cuts, len(series)]
    means = [float(series.iloc[lo:hi].mean()) for lo, hi in pairwise(bounds)]
    up, down = _KINDS[polarity]
    points = []
    for k, cut in enumerate(cuts):
        before, after = means[k], means[k + 1]
        points.append(ChangePoint(period=pd.Timestamp(series.index[cut]), before=before,
                                  after=after, shift=after - before,
                                  kind=up if after > before else down,
                                  until=pd.Timestamp(series.index[bounds[k + 2] - 1])))
    return points


def spikes(points: list[ChangePoint]) -> list[tuple[ChangePoint, ChangePoint | None]]:
    """Pairs (rise, fall) of conflict escalations: each escalation with the next shift back
    down (None while still high at the end). A spike is an up-shift followed by a down-shift."""
    pairs: list[tuple[ChangePoint, ChangePoint | None]] = []
    for k, point in enumerate(points):
        if point.shift > 0:
            fall = next((p for p in points[k + 1:] if p.shift < 0), None)
            pairs.append((point, fall))
    return pairs


def events_around(events: DataFrame, period: pd.Timestamp, *, freq: str,
                  window: int = 1) -> DataFrame:
    """The events dated within `window` periods either side of the period starting at
    `period` (the shift's own period included), in date order, with a `period` column."""
    if window < 0:
        raise UsageError(f"window must be 0 or more, got {window}", "pass window=0 or more")
    frame = event_columns(events) if not events.empty else events
    if frame.empty:
        return frame
    key = normalise_freq(freq)
    centre = to_period(pd.Series([pd.Timestamp(period)]), key).iloc[0]
    own = to_period(event_time(frame, key), key)
    keep = own.map(lambda p: not pd.isna(p) and abs((p - centre).n) <= window)
    out = frame[keep.astype(bool)].assign(period=own[keep.astype(bool)].map(
        lambda p: p.to_timestamp(how="start")))
    return out.sort_values(["date", "doc_id", "sentence_index"], kind="stable")
