"""Trend test with its uncertainty, and the one-sentence verdict built from it.

- Mann–Kendall test (pymannkendall.original_test): is there a monotonic trend? The p-value is
  two-sided; `confidence` = 1 − p. The direction is 'rising' or 'falling' when p < alpha (by
  the sign of Kendall's tau), else 'stable'.
- Sen's slope: the median of (y_j − y_i) / (t_j − t_i) over all pairs i < j, with t the
  period's position in the series, so the slope is per period even when empty periods
  (NaN) are left out.
- Its interval: a moving-block bootstrap of the residuals around the Sen line. Residuals are
  resampled in blocks of ⌈n^(1/3)⌉ consecutive periods (which keeps short-range
  autocorrelation), added back to the line, and Sen's slope is recomputed; the interval is
  the alpha/2 and 1 − alpha/2 percentiles of `n_boot` such slopes (seeded, so repeatable).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pymannkendall as mk

from dyadwatch.analytics.frames import normalise_freq, period_label
from dyadwatch.errors import UsageError

MIN_POINTS = 6  # below this Mann–Kendall cannot reach p < 0.05 even for a perfect trend


@dataclass(frozen=True)
class Trend:
    """The verdict of `trend_test` on one series.

    `confidence` = 1 − p (0 when the test could not run; `reason` says why); `slope` is Sen's
    slope per period with its bootstrap interval [slope_low, slope_high] at level 1 − alpha;
    `start`/`end` the first and last periods tested; `n` the number of periods with a value."""

    direction: str  # 'rising' | 'stable' | 'falling'
    confidence: float
    p_value: float
    slope: float
    slope_low: float
    slope_high: float
    tau: float
    n: int
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    alpha: float = 0.1
    reason: str = ""


def sens_slope(t: np.ndarray, y: np.ndarray) -> float:
    """Median of the pairwise slopes (y_j − y_i) / (t_j − t_i), i < j."""
    i, j = np.triu_indices(len(y), k=1)
    return float(np.median((y[j] - y[i]) / (t[j] - t[i])))


def block_bootstrap(t: np.ndarray, y: np.ndarray, slope: float, *, n_boot: int,
                    rng: np.random.Generator) -> np.ndarray:
    """Sen's slopes of `n_boot` series: the Sen line plus moving-block resampled residuals."""
    n = len(y)
    intercept = float(np.median(y - slope * t))
    fitted = intercept + slope * t
    residuals = y - fitted
    size = max(1, math.ceil(n ** (1 / 3)))
    blocks = math.ceil(n / size)
    slopes = np.empty(n_boot)
    for k in range(n_boot):
        starts = rng.integers(0, n - size + 1, size=blocks)
        picked = np.concatenate([residuals[s:s + size] for s in starts])[:n]
        slopes[k] = sens_slope(t, fitted + picked)
    return slopes


def trend_test(series: pd.Series, *, alpha: float = 0.1, n_boot: int = 1000, seed: int = 0,
               min_points: int = MIN_POINTS) -> Trend:
    """Mann–Kendall and Sen's slope with a block-bootstrap interval (see the module docstring).

    NaN periods are left out. Fewer than `min_points` values, or all equal, give 'stable'
    with confidence 0 and a `reason`."""
    if not 0 < alpha < 1:
        raise UsageError(f"alpha must be between 0 and 1, got {alpha}", "pass e.g. alpha=0.1")
    positions = np.arange(len(series), dtype=float)
    mask = series.notna().to_numpy()
    t, y = positions[mask], series.to_numpy(dtype=float)[mask]
    index = series.index[mask]
    start = pd.Timestamp(index[0]) if len(index) else None
    end = pd.Timestamp(index[-1]) if len(index) else None
    if len(y) < min_points or np.ptp(y) == 0:
        why = (f"too few periods with a value ({len(y)}; need {min_points})"
               if len(y) < min_points else "the series does not vary")
        return Trend("stable", 0.0, math.nan, 0.0, math.nan, math.nan, math.nan, len(y),
                     start, end, alpha, why)
    result = mk.original_test(y, alpha=alpha)
    p_value = float(result.p)
    tau = float(result.Tau)
    slope = sens_slope(t, y)
    boot = block_bootstrap(t, y, slope, n_boot=n_boot, rng=np.random.default_rng(seed))
    low, high = np.quantile(boot, [alpha / 2, 1 - alpha / 2])
    direction = "stable"
    if p_value < alpha and tau != 0:
        direction = "rising" if tau > 0 else "falling"
    return Trend(direction, 1 - p_value, p_value, slope, float(low), float(high), tau, len(y),
                 start, end, alpha)


def verdict(a_name: str, b_name: str, trend: Trend, index: float, *, freq: str = "M",
            start: pd.Timestamp | None = None, end: pd.Timestamp | None = None,
            measure: str = "net cooperation") -> str:
    """One sentence stating the direction, its confidence and the period, e.g.

    "Relations between Azerbaijan and Russia were rising from June 2015 to September 2021
    (Mann–Kendall p = 0.04, 96% confidence; Sen's slope +0.010 per month, 90% interval
    +0.002 to +0.019; net cooperation +0.41)."

    `index` is the dyad's cooperation index over the period; `start`/`end` override the
    trend's own period."""
    first, last = start or trend.start, end or trend.end
    span = (f"from {period_label(first, freq)} to {period_label(last, freq)}"
            if first is not None and last is not None else "over no period")
    level = f"{measure} {index:+.2f}" if not math.isnan(index) else f"no {measure} to measure"
    who = f"Relations between {a_name} and {b_name}"
    if trend.reason:
        return f"{who} cannot be called rising or falling {span}: {trend.reason} ({level})."
    unit = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[
        normalise_freq(freq)]
    test = f"Mann–Kendall p = {trend.p_value:.2f}"
    slope = (f"Sen's slope {trend.slope:+.3f} per {unit}, {1 - trend.alpha:.0%} interval "
             f"{trend.slope_low:+.3f} to {trend.slope_high:+.3f}")
    if trend.direction == "stable":
        return (f"{who} were stable {span}: no trend at {1 - trend.alpha:.0%} confidence "
                f"({test}; {slope}; {level}).")
    return (f"{who} were {trend.direction} {span} ({test}, {trend.confidence:.0%} "
            f"confidence; {slope}; {level}).")
