"""Third parties of three-country peace acts, and the trend read when the index cannot vary."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dyadwatch.analytics import analyse_dyad
from dyadwatch.analytics.roles import mark_mediators


def event(doc: str, sentence: int, day: str, source: str, target: str, code: str,
          quad: int, goldstein: float, role: str = "") -> dict[str, object]:
    return {"event_id": f"{doc}-{sentence}-{source}-{target}-{code}", "doc_id": doc,
            "sentence_index": sentence, "date": day, "event_date": "", "source": source,
            "source_country": source, "target": target, "target_country": target, "code": code,
            "quad_class": quad, "goldstein": goldstein, "modality": "factual", "role": role}


def signing(doc: str, day: str) -> list[dict[str, object]]:
    """Three leaders sign one statement: every pair, both directions."""
    trio = ("AAA", "BBB", "CCC")
    return [event(doc, 0, day, x, y, "057", 2, 8.0) for x in trio for y in trio if x != y]


def test_the_third_party_of_a_three_country_signing_after_fighting_is_the_mediator() -> None:
    fight = [event("d1", 0, "2020-10-01", "AAA", "BBB", "190", 4, -10.0)]
    marked = mark_mediators(pd.DataFrame(fight + signing("d2", "2020-11-10")))
    roles = marked[marked["doc_id"] == "d2"].groupby("source_country")["role"].agg(set)
    assert roles.to_dict() == {"AAA": {""}, "BBB": {""}, "CCC": {"mediator"}}


def test_no_mediator_without_recent_fighting_or_when_two_pairs_fought() -> None:
    old_fight = [event("d1", 0, "2019-01-01", "AAA", "BBB", "190", 4, -10.0)]
    marked = mark_mediators(pd.DataFrame(old_fight + signing("d2", "2020-11-10")))
    assert set(marked["role"]) == {""}
    two_fights = [event("d1", 0, "2020-10-01", "AAA", "BBB", "190", 4, -10.0),
                  event("d1", 1, "2020-10-02", "CCC", "BBB", "190", 4, -10.0)]
    marked = mark_mediators(pd.DataFrame(two_fights + signing("d2", "2020-11-10")))
    assert set(marked["role"]) == {""}


def test_a_role_the_coder_gave_is_kept() -> None:
    fight = [event("d1", 0, "2020-10-01", "AAA", "BBB", "190", 4, -10.0)]
    rows = signing("d2", "2020-11-10")
    rows[-1] = {**rows[-1], "role": "host"}
    marked = mark_mediators(pd.DataFrame(fight + rows))
    assert "host" in set(marked["role"])


def test_an_all_cooperative_dyad_is_judged_on_its_volume_of_cooperation() -> None:
    months = pd.date_range("2019-01-01", periods=24, freq="MS")
    rows = []
    for i, month in enumerate(months):
        for k in range(1 + i // 3):  # ever more cooperation, never any conflict
            rows.append(event(f"m{i}-{k}", 0, (month + pd.Timedelta(days=k)).date().isoformat(),
                              "AAA", "BBB", "042", 1, 1.9))
    found = analyse_dyad(pd.DataFrame(rows), "AAA", "BBB", freq="M", n_boot=200)
    assert np.allclose(found.series["coop_index"].dropna(), 1.0)
    assert found.trend.direction == "rising", found.verdict
    assert "as the index does not vary" in found.verdict
