"""Dyad series, the cooperation index, report merging, and the comparison tables."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest

from dyadwatch.analytics import (
    compare_dyads,
    conflict_intensity,
    cooperation_index,
    dyad_series,
    merge_reports,
    rank_partners,
    sphere_table,
    usable_events,
)
from dyadwatch.analytics.frames import event_columns, event_time
from dyadwatch.errors import UsageError

_GOLDSTEIN = {"190": -10.0, "112": -2.0, "057": 8.0, "046": 7.0, "040": 1.0, "0871": 9.0,
              "030": 4.0, "010": 0.0, "173": -5.0}
_QUAD = {"190": 4, "112": 3, "057": 1, "046": 1, "040": 1, "0871": 2, "030": 1, "010": 1,
         "173": 4}


def event(src: str, tgt: str, code: str, day: str, **extra: Any) -> dict[str, Any]:
    """One store-shaped event row; `extra` overrides any column."""
    row: dict[str, Any] = {
        "event_id": f"{src}{tgt}{code}{day}{extra.get('doc_id', 'd')}",
        "doc_id": f"doc-{day}", "date": day, "source": src + "GOV", "source_country": src,
        "target": tgt, "target_country": tgt, "code": code, "goldstein": _GOLDSTEIN[code],
        "quad_class": _QUAD[code], "modality": "factual", "sentence_index": 0,
        "sentence": f"{src} did {code} to {tgt}.", "spheres": "", "tone": math.nan,
    }
    row.update(extra)
    return row


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_cooperation_index_is_net_goldstein_mass_over_all_mass() -> None:
    rows = frame(event("GEO", "TUR", "057", "2019-01-03"), event("TUR", "GEO", "112", "2019-01-04"),
                 event("GEO", "TUR", "040", "2019-01-05"))
    assert cooperation_index(rows) == pytest.approx((9 - 2) / 11)
    assert cooperation_index(frame(event("GEO", "TUR", "190", "2019-01-03"))) == -1.0
    assert cooperation_index(frame(event("GEO", "TUR", "010", "2019-01-03"))) == 0.0
    assert math.isnan(cooperation_index(frame(event("GEO", "TUR", "040", "2019-01-03"))[:0]))


def test_conflict_intensity_counts_truces_as_evidence_of_fighting() -> None:
    rows = frame(event("ARM", "AZE", "112", "2016-04-02"),
                 event("ARM", "AZE", "0871", "2016-04-05"),
                 event("AZE", "ARM", "030", "2016-04-05", planned_code="087"),
                 event("RUS", "AZE", "0871", "2016-04-05", role="mediator"))
    assert conflict_intensity(event_columns(rows)) == pytest.approx(2 + 9 + 4)


def test_reports_of_one_happening_merge_across_articles() -> None:
    rows = frame(
        event("IRN", "IRQ", "046", "2018-02-10", doc_id="a1", tone=-10.0),
        event("IRN", "IRQ", "046", "2018-02-10", doc_id="a2", tone=10.0, sentence_index=3),
        event("IRQ", "IRN", "046", "2018-02-10", doc_id="a1"),  # other direction
        event("IRN", "IRQ", "046", "2018-02-11", doc_id="a3"),  # other day
        event("IRN", "IRQ", "046", "2018-02-20", doc_id="a4", event_date="2018-02-10",
              date_precision="day"),  # a later report of the 10 February talks
    )
    merged = merge_reports(rows)
    assert len(merged) == 3
    talks = merged[(merged["source_country"] == "IRN") & (merged["date"] == "2018-02-10")]
    assert talks["n_reports"].item() == 3
    assert talks["n_articles"].item() == 3
    assert talks["doc_id"].item() == "a1"  # the first evidence is kept
    assert talks["tone"].item() == pytest.approx(0.0)
    again = merge_reports(merged)
    assert again["n_reports"].sum() == merged["n_reports"].sum() == 5


def test_usable_events_drop_recaps_denials_and_conditionals() -> None:
    modalities = ["factual", "intended", "reported", "historical", "negated", "hypothetical"]
    rows = frame(*(event("EGY", "SDN", "057", f"2020-03-0{k + 1}", modality=m)
                   for k, m in enumerate(modalities)))
    kept = usable_events(rows)
    assert sorted(kept["modality"]) == ["factual", "intended", "reported"]
    assert len(usable_events(rows, min_confidence=0.5)) == 3
    low = rows.assign(confidence=0.3)
    assert usable_events(low, min_confidence=0.5).empty


def test_event_time_uses_own_date_only_when_precise_enough() -> None:
    rows = event_columns(frame(
        event("FRA", "MLI", "190", "2021-06-30", event_date="2021-03-01", date_precision="month"),
        event("FRA", "MLI", "190", "2021-06-30", event_date="2021-01-01", date_precision="year"),
    ))
    monthly = event_time(rows, "M")
    assert list(monthly.dt.strftime("%Y-%m")) == ["2021-03", "2021-06"]
    yearly = event_time(rows, "Y")
    assert list(yearly.dt.strftime("%Y-%m")) == ["2021-03", "2021-01"]


def test_series_fill_empty_periods_and_split_directions() -> None:
    rows = frame(event("KEN", "SOM", "057", "2017-01-10"), event("SOM", "KEN", "173", "2017-01-20"),
                 event("KEN", "SOM", "112", "2017-04-02"), event("KEN", "ETH", "190", "2017-02-02"))
    series = dyad_series(rows, "KEN", "SOM", freq="M")
    assert list(series.index.strftime("%Y-%m")) == ["2017-01", "2017-02", "2017-03", "2017-04"]
    assert list(series["events"]) == [2, 0, 0, 1]
    assert list(series["conflict_mass"]) == [5.0, 0.0, 0.0, 2.0]
    assert series.loc["2017-01-01", "coop_index"] == pytest.approx((8 - 5) / 13)
    assert math.isnan(series.loc["2017-02-01", "coop_index"])
    assert list(series["q4"]) == [1, 0, 0, 0]
    assert list(series["root_05"]) == [1, 0, 0, 0]
    forward = dyad_series(rows, "KEN", "SOM", freq="M", direction="a->b")
    assert list(forward["events"]) == [1, 0, 0, 1]
    backward = dyad_series(rows, "KEN", "SOM", freq="quarter", direction="b->a")
    assert list(backward["events"]) == [1, 0]  # the corpus runs into the second quarter
    assert backward.loc["2017-01-01", "goldstein_sum"] == -5.0


def test_series_normalise_by_news_volume_about_either_country() -> None:
    rows = frame(event("BRA", "ARG", "057", "2019-05-02", doc_id="x1"),
                 event("BRA", "ARG", "057", "2019-06-02", doc_id="x2"))
    articles = pd.DataFrame({
        "id": ["x1", "x2", "n1", "n2", "n3", "n4", "n5"],
        "published": ["2019-05-02", "2019-06-02", "2019-06-03", "2019-06-04", "2019-06-05",
                      "2019-06-06", "2019-05-09"],
        "source": ["Outlet A", "Outlet B", "Outlet A", "Outlet A", "Outlet A", "Outlet A", "C"],
        "countries": ["BRA,ARG", "ARG", "BRA", "ARG,CHL", "BRA", "BRA", "CHL,PER"],
    })
    series = dyad_series(rows, "BRA", "ARG", freq="M", articles=articles)
    assert list(series["volume"]) == [1.0, 5.0]
    assert list(series["events_per_100_articles"]) == [100.0, 20.0]
    assert list(series["coop_index"]) == [1.0, 1.0]  # a busier month is not a warmer one
    assert list(series["articles"]) == [1, 1]
    assert list(series["sources"]) == [1.0, 1.0]


def test_series_by_sphere_and_explicit_range() -> None:
    rows = frame(event("NOR", "RUS", "057", "2020-01-05", spheres="energy,economic"),
                 event("NOR", "RUS", "112", "2020-01-06", spheres="security"))
    energy = dyad_series(rows, "NOR", "RUS", freq="W", sphere="energy", since="2019-12-30",
                         until="2020-01-19")
    assert len(energy) == 3
    assert list(energy["events"]) == [1, 0, 0]
    with pytest.raises(UsageError, match="before it starts"):
        dyad_series(rows, "NOR", "RUS", since="2020-02-01", until="2020-01-01")
    with pytest.raises(UsageError, match="frequency"):
        dyad_series(rows, "NOR", "RUS", freq="fortnight")
    with pytest.raises(UsageError, match="two different"):
        dyad_series(rows, "NOR", "NOR")


def _warming(a: str, b: str, months: int, start_conflict: bool) -> list[dict[str, Any]]:
    """A dyad turning from conflict to cooperation over `months` months (or staying warm)."""
    rows = []
    for k in range(months):
        day = f"{2015 + k // 12}-{k % 12 + 1:02d}-15"
        code = "190" if start_conflict and k < months // 2 else "057"
        rows.append(event(a, b, code, day, doc_id=f"{a}{b}{k}"))
        rows.append(event(b, a, "046", day, doc_id=f"{a}{b}{k}"))
    return rows


def test_rank_partners_by_index_and_by_trend() -> None:
    rows = frame(*_warming("IND", "PAK", 24, True), *_warming("IND", "NPL", 24, False),
                 event("IND", "BTN", "057", "2015-03-03"))
    by_index = rank_partners(rows, "IND", freq="M", min_events=3, n_boot=200)
    assert list(by_index["partner"]) == ["NPL", "PAK"]  # BTN has too few events
    assert by_index.loc[0, "coop_index"] == 1.0
    by_trend = rank_partners(rows, "IND", freq="M", by="trend", n_boot=200)
    assert list(by_trend["partner"]) == ["PAK", "NPL"]
    assert by_trend.loc[0, "direction"] == "rising"


def test_compare_dyads_and_sphere_table() -> None:
    rows = frame(*_warming("IND", "PAK", 24, True),
                 event("IND", "NPL", "057", "2016-01-01", spheres="economic"),
                 event("IND", "NPL", "112", "2016-02-01", spheres="security,economic"))
    table = compare_dyads(rows, [("IND", "PAK"), ("IND", "NPL")], freq="M", n_boot=200)
    assert list(table["dyad"]) == ["IND-PAK", "IND-NPL"]
    assert list(table["events"]) == [48, 2]
    assert table.loc[0, "direction"] == "rising"
    assert table.loc[1, "coop_index"] == pytest.approx((8 - 2) / 10)
    spheres = sphere_table(rows, "IND", "NPL", freq="M", n_boot=200)
    assert list(spheres["sphere"]) == ["economic", "security"]
    assert list(spheres["share"]) == [1.0, 0.5]
    assert list(spheres["coop_index"]) == [pytest.approx(0.6), -1.0]
