"""Trend test: Mann–Kendall, Sen's slope with a block-bootstrap interval, and the verdict."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dyadwatch.analytics import Trend, trend_test, verdict
from dyadwatch.analytics.trend import sens_slope
from dyadwatch.errors import UsageError


def monthly(values: np.ndarray, start: str = "2016-01-01") -> pd.Series:
    return pd.Series(values, index=pd.date_range(start, periods=len(values), freq="MS"))


def test_known_rising_trend_is_found_with_an_interval_around_its_slope() -> None:
    rng = np.random.default_rng(7)
    series = monthly(0.02 * np.arange(48) + rng.normal(0, 0.1, 48))
    trend = trend_test(series, n_boot=400)
    assert trend.direction == "rising"
    assert trend.confidence > 0.99
    assert trend.slope_low < 0.02 < trend.slope_high
    assert trend.slope_low > 0
    assert trend.n == 48 and trend.tau > 0
    assert trend.start == pd.Timestamp("2016-01-01")
    assert trend.end == pd.Timestamp("2019-12-01")


def test_known_falling_trend_in_quarters() -> None:
    rng = np.random.default_rng(3)
    values = 5 - 0.3 * np.arange(20) + rng.normal(0, 0.5, 20)
    series = pd.Series(values, index=pd.date_range("2010-01-01", periods=20, freq="QS"))
    trend = trend_test(series, alpha=0.05, n_boot=400)
    assert trend.direction == "falling"
    assert trend.slope_high < 0
    assert trend.p_value < 0.05


def test_noise_without_trend_is_stable() -> None:
    rng = np.random.default_rng(11)
    trend = trend_test(monthly(rng.normal(0, 1, 60)), n_boot=400)
    assert trend.direction == "stable"
    assert trend.p_value >= 0.1
    assert trend.slope_low < 0 < trend.slope_high
    assert trend.reason == ""


def test_step_change_reads_as_a_rise() -> None:
    rng = np.random.default_rng(5)
    values = np.r_[np.full(18, -0.5), np.full(18, 0.6)] + rng.normal(0, 0.15, 36)
    trend = trend_test(monthly(values), n_boot=400)
    assert trend.direction == "rising"
    assert trend.confidence > 0.99


def test_empty_periods_are_left_out_but_keep_their_place_in_time() -> None:
    values = 0.5 * np.arange(12, dtype=float)
    values[[2, 3, 7]] = np.nan
    trend = trend_test(monthly(values), n_boot=100)
    assert trend.n == 9
    assert trend.slope == pytest.approx(0.5)  # per month, not per observed value
    assert sens_slope(np.array([0.0, 1.0, 4.0]), np.array([0.0, 1.0, 4.0])) == 1.0


def test_too_few_points_or_no_variation_give_stable_with_zero_confidence() -> None:
    short = trend_test(monthly(np.array([0.1, 0.5, 0.9, np.nan, np.nan])))
    assert (short.direction, short.confidence, short.n) == ("stable", 0.0, 3)
    assert "too few periods" in short.reason
    flat = trend_test(monthly(np.ones(30)))
    assert flat.direction == "stable" and flat.reason == "the series does not vary"
    with pytest.raises(UsageError, match="alpha"):
        trend_test(monthly(np.ones(30)), alpha=1.5)


def test_bootstrap_is_repeatable_with_a_seed() -> None:
    rng = np.random.default_rng(1)
    series = monthly(0.01 * np.arange(40) + rng.normal(0, 0.2, 40))
    first = trend_test(series, n_boot=300, seed=4)
    assert first == trend_test(series, n_boot=300, seed=4)
    assert first.slope_low != trend_test(series, n_boot=300, seed=5).slope_low


def test_verdict_states_direction_confidence_and_period() -> None:
    trend = Trend("rising", 0.962, 0.038, 0.0104, 0.002, 0.019, 0.3, 70,
                  pd.Timestamp("2015-06-01"), pd.Timestamp("2021-09-01"))
    text = verdict("Azerbaijan", "Russia", trend, 0.41)
    assert text == ("Relations between Azerbaijan and Russia were rising from June 2015 to "
                    "September 2021 (Mann–Kendall p = 0.04, 96% confidence; Sen's slope +0.010 "
                    "per month, 90% interval +0.002 to +0.019; net cooperation +0.41).")
    stable = Trend("stable", 0.4, 0.6, 0.0, -0.01, 0.01, 0.02, 30,
                   pd.Timestamp("2018-01-01"), pd.Timestamp("2020-10-01"))
    text = verdict("Ghana", "Togo", stable, -0.2, freq="Q")
    assert text.startswith("Relations between Ghana and Togo were stable from 2018 Q1 to 2020 Q4")
    assert "no trend at 90% confidence" in text and "net cooperation -0.20" in text
    short = Trend("stable", 0.0, math.nan, 0.0, math.nan, math.nan, math.nan, 2,
                  pd.Timestamp("2019-01-01"), pd.Timestamp("2019-02-01"), reason="too few")
    assert "cannot be called rising or falling" in verdict("Chad", "Niger", short, math.nan)
