"""Change points (ruptures PELT), spikes as up- and down-shifts, and events around a shift."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from dyadwatch.analytics import analyse_dyad, change_points, events_around, spikes
from dyadwatch.errors import UsageError


def monthly(values: np.ndarray | list[float], start: str = "2015-01-01") -> pd.Series:
    return pd.Series(np.asarray(values, dtype=float),
                     index=pd.date_range(start, periods=len(values), freq="MS"))


def test_step_change_is_found_where_it_happens() -> None:
    rng = np.random.default_rng(2)
    series = monthly(np.r_[np.zeros(30), np.full(30, 3.0)] + rng.normal(0, 0.5, 60))
    (point,) = change_points(series)
    assert point.period == pd.Timestamp("2017-07-01")
    assert point.kind == "escalation"
    assert point.before == pytest.approx(0, abs=0.3)
    assert point.after == pytest.approx(3, abs=0.3)
    assert point.shift == pytest.approx(point.after - point.before)
    assert point.until == pd.Timestamp("2019-12-01")


def test_cooperation_measures_warm_and_cool() -> None:
    rng = np.random.default_rng(8)
    values = np.r_[np.full(20, 0.8), np.full(20, -0.4), np.full(20, 0.5)] + rng.normal(0, 0.1, 60)
    points = change_points(monthly(values), polarity="cooperation")
    assert [p.kind for p in points] == ["cooling", "warming"]
    assert [p.period for p in points] == [pd.Timestamp("2016-09-01"), pd.Timestamp("2018-05-01")]


def test_spike_in_a_sparse_series_is_an_up_shift_then_a_down_shift() -> None:
    values = np.zeros(48)
    values[[5, 30]] = [2.0, 1.0]  # everyday noise of a quiet dyad
    values[20] = 25.0  # the escalation
    points = change_points(monthly(values))
    assert [(p.period.strftime("%Y-%m"), p.kind) for p in points] == [
        ("2016-09", "escalation"), ("2016-10", "de-escalation")]
    ((rise, fall),) = spikes(points)
    assert (rise.period, fall.period if fall else None) == (
        pd.Timestamp("2016-09-01"), pd.Timestamp("2016-10-01"))
    assert "escalation in September 2016" in rise.describe("M")


def test_stabilised_detection_finds_a_sustained_run_of_moderate_conflict() -> None:
    values = np.zeros(60)
    values[10] = 20.0  # one big clash
    values[40:44] = [2.0, 3.0, 2.0, 3.0]  # months of smaller fighting
    values[25] = 2.0
    plain = change_points(monthly(values))
    stable = change_points(monthly(values), stabilise=True)
    assert [p.period.strftime("%Y-%m") for p in plain] == ["2015-11", "2015-12"]
    assert [p.period.strftime("%Y-%m") for p in stable] == [
        "2015-11", "2015-12", "2018-05", "2018-09"]
    assert stable[2].after == pytest.approx(2.5)  # reported on the original scale
    with pytest.raises(UsageError, match="negative"):
        change_points(monthly([1.0, -1.0, 2.0]), stabilise=True)


def test_no_change_points_in_flat_or_tiny_series_and_max_points_caps() -> None:
    assert change_points(monthly(np.full(24, 3.0))) == []
    assert change_points(monthly([1.0])) == []
    rng = np.random.default_rng(4)
    steps = np.repeat([0.0, 5.0, 0.0, 5.0, 0.0, 5.0, 0.0], 8) + rng.normal(0, 0.3, 56)
    assert len(change_points(monthly(steps))) == 6
    assert len(change_points(monthly(steps), max_points=3)) <= 3
    assert len(change_points(monthly(steps), penalty=1e6)) == 0
    with pytest.raises(UsageError, match="polarity"):
        change_points(monthly(steps), polarity="warmth")  # type: ignore[arg-type]


def _event(src: str, tgt: str, code: str, goldstein: float, day: str, doc: str,
           **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"doc_id": doc, "date": day, "source_country": src,
                           "target_country": tgt, "code": code, "goldstein": goldstein,
                           "quad_class": 4 if goldstein < -5 else (3 if goldstein < 0 else 1),
                           "sentence_index": 0, "sentence": f"{src} {code} {tgt} on {day}"}
    row.update(extra)
    return row


def test_sparse_dyad_escalations_are_marked_end_to_end() -> None:
    """A quiet dyad over six years: talks now and then, one spring flare-up with a truce,
    and a war in one autumn that ends in a ceasefire; the shifts must land on both."""
    rows = [_event("SRB", "KOS", "040", 1.0, f"{year}-06-10", f"talks{year}")
            for year in range(2015, 2021)]
    rows += [_event("KOS", "SRB", "112", -2.0, "2017-03-20", "acc")]
    rows += [_event("SRB", "KOS", "190", -10.0, "2016-04-02", "clash1"),
             _event("KOS", "SRB", "112", -2.0, "2016-04-02", "clash1"),
             _event("SRB", "KOS", "0871", 9.0, "2016-04-05", "truce1")]
    rows += [_event("SRB", "KOS", "112", -2.0, "2019-09-27", "war1"),
             _event("SRB", "KOS", "173", -5.0, "2019-09-28", "war1"),
             _event("KOS", "SRB", "190", -10.0, "2019-10-04", "war2"),
             _event("SRB", "KOS", "173", -5.0, "2019-10-20", "war3"),
             _event("KOS", "SRB", "112", -2.0, "2019-11-02", "war4"),
             _event("SRB", "KOS", "087", 9.0, "2019-11-10", "war5")]
    rows += [_event("SRB", "KOS", "190", -10.0, "2012-01-01", "recap", modality="historical",
                    event_date="2012-01-01", date_precision="year")]
    found = analyse_dyad(pd.DataFrame(rows), "SRB", "KOS", freq="M", n_boot=100)
    marks = [(p.period.strftime("%Y-%m"), p.kind) for p in found.change_points]
    assert ("2016-04", "escalation") in marks and ("2016-05", "de-escalation") in marks
    assert ("2019-09", "escalation") in marks and ("2019-12", "de-escalation") in marks
    assert len(marks) == 4
    assert found.series.index[0] == pd.Timestamp("2015-06-01")  # the recap is not counted
    assert found.verdict.startswith("Relations between SRB and KOS")
    around = events_around(pd.DataFrame(rows), found.change_points[2].period, freq="M",
                           window=1)  # August to October 2019
    assert sorted(set(around["doc_id"])) == ["war1", "war2", "war3"]
    assert list(around["date"]) == sorted(around["date"])


def test_events_around_respects_the_window() -> None:
    rows = pd.DataFrame([_event("PER", "CHL", "112", -2.0, day, day)
                         for day in ("2020-01-05", "2020-02-05", "2020-03-05", "2020-05-05")])
    period = pd.Timestamp("2020-03-01")
    assert list(events_around(rows, period, freq="M", window=0)["date"]) == ["2020-03-05"]
    assert list(events_around(rows, period, freq="M", window=1)["date"]) == [
        "2020-02-05", "2020-03-05"]
    assert len(events_around(rows, period, freq="M", window=2)) == 4
    assert len(events_around(rows, period, freq="Q", window=0)) == 3
    with pytest.raises(UsageError, match="window"):
        events_around(rows, period, freq="M", window=-1)
