"""`dyadwatch explain EVENT_ID` shows an event's context: when, where, spheres, tone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyadwatch.cli.report import print_explain_event
from dyadwatch.model import Event


def _event(**context: object) -> dict[str, object]:
    base = Event(
        event_id="e1", doc_id="d1", date="2017-01-13", source="RUS", source_country="RUS",
        source_sector="", source_text="Moscow", target="AZE", target_country="AZE",
        target_sector="", target_text="Baku", code="045", root_code="04", name="Mediate",
        goldstein=5.0, quad_class=1, modality="factual", sentence_index=3,
        sentence="The truce held after Moscow's mediation.", char_start=10, char_end=50,
        rule="noun.mediation", confidence=0.5, trigger="mediation", plover="CONSULT")
    return replace(base, **context).to_record()  # type: ignore[arg-type]


def test_explain_shows_date_place_spheres_and_tone(capsys: pytest.CaptureFixture[str]) -> None:
    print_explain_event(_event(event_date="2016-04-01", date_precision="month",
                               date_text="in April 2016", place="Nagorno-Karabakh",
                               place_country="AZE", latitude=39.82, longitude=46.76,
                               spheres="political,conflict",
                               sphere_evidence="political:CAMEO 045;conflict:truce", tone=-9.4))
    out = capsys.readouterr().out
    assert "(published 2017-01-13)" in out
    assert 'happened: 2016-04-01 (month, from "in April 2016")' in out
    assert "place: Nagorno-Karabakh (AZE) at 39.82, 46.76" in out
    assert "spheres: political,conflict (evidence political:CAMEO 045;conflict:truce)" in out
    assert "sentence tone: -9.4" in out


def test_explain_says_when_only_the_publication_dates_the_event(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_explain_event(_event(event_date="2017-01-13", date_precision="publication"))
    out = capsys.readouterr().out
    assert "happened: no time expression for it; dated by publication" in out
    assert "place:" not in out and "sentence tone" not in out
