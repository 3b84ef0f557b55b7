"""Modality beyond auxiliaries: acts requested of someone, reported claims, the content of
accusations and denials, and historical recaps. Hand-written sentences, real pipeline."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest


def coded(events: list[Any]) -> list[str]:
    return [f"{e.source}->{e.target} {e.code} {e.modality}" for e in events]


# -- requested acts ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "appeal", "requested"),
    [
        ("The United States pressed Turkey to halt its offensive in Syria.",
         ("USA", "TUR"), ("TUR", "SYR")),
        ("The EU asked Serbia to recognise Kosovo.", ("IGOEEC", "SRB"), ("SRB", "XKX")),
        ("Germany urged Hungary to accept more refugees from Greece.",
         ("DEU", "HUN"), ("HUN", "GRC")),
        ("Washington wants Moscow to withdraw its troops from Syria.", ("USA", "RUS"),
         ("RUS", "SYR")),
        ("Kenya wants Ethiopia to sign a water deal with Sudan.", ("KEN", "ETH"),
         ("ETH", "SDN")),
        ("Germany called on Russia to withdraw troops from the Ukrainian border.",
         ("DEU", "RUS"), ("RUS", "UKR")),
    ],
)
def test_the_appeal_is_the_event_and_the_requested_act_its_content(
    coder: Any, text: str, appeal: tuple[str, str], requested: tuple[str, str]
) -> None:
    # Conventions: what is asked of someone is the appeal's content (its code says what kind
    # of act is asked: 025 "appeal to yield"), not an act of the asked party.
    events = coder(text)
    got = coded(events)
    assert any((e.source_country, e.target_country) == appeal and e.root_code == "02"
               and e.modality == "factual" for e in events), got
    assert not [e for e in events if (e.source_country, e.target_country) == requested], got


# -- reported claims -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Armenia alleged that Azerbaijan shelled Armenian villages.", ("AZE", "ARM", "19")),
        ("Venezuela claimed that Colombian troops attacked Venezuelan border posts.",
         ("COL", "VEN", "19")),
        ("Pakistan claimed that Indian jets bombed Pakistani territory.", ("IND", "PAK", "19")),
        ("Syria alleged that Turkish troops shelled Syrian villages.", ("TUR", "SYR", "19")),
    ],
)
def test_a_claimed_act_is_reported(coder: Any, text: str, claimed: tuple[str, str, str]) -> None:
    events = coder(text)
    acts = [e for e in events
            if (e.source_country, e.target_country, e.root_code) == claimed]
    assert acts, coded(events)
    assert {e.modality for e in acts} == {"reported"}


def test_the_same_act_stated_plainly_is_factual(coder: Any) -> None:
    events = coder("Azerbaijan shelled Armenian villages.")
    assert [e.modality for e in events if e.root_code == "19"] == ["factual"]


# -- content of accusations, denials and suggestions -----------------------------------------------
@pytest.mark.parametrize(
    ("text", "accusation"),
    [
        ("India accused Pakistan of shelling Indian villages.", ("IND", "PAK")),
        ("Lebanon accused Israel of bombing Lebanese villages.", ("LBN", "ISR")),
        ("Vietnam accused China of ramming Vietnamese fishing boats.", ("VNM", "CHN")),
    ],
)
def test_only_the_accusation_is_coded(coder: Any, text: str, accusation: tuple[str, str]) -> None:
    events = coder(text)
    assert {(e.source, e.target, e.code) for e in events} == {(*accusation, "112")}, coded(events)


@pytest.mark.parametrize(
    "text",
    [
        "Russia denied that its jets bombed Syrian hospitals.",
        "Turkey rejected suggestions that its troops attacked Kurdish civilians in Syria.",
        "Ethiopia accused Egypt of arming Sudanese rebels.",
    ],
)
def test_denied_or_suggested_content_is_no_event(coder: Any, text: str) -> None:
    events = coder(text)
    assert not [e for e in events if e.root_code in ("06", "07", "19", "20")], coded(events)


# -- historical recaps ---------------------------------------------------------------------------
ARTICLE_DATE = date(2017, 5, 10)


@pytest.mark.parametrize(
    ("text", "root", "modality"),
    [
        ("Russia recognised Abkhazia in 2008.", "05", "historical"),
        ("Russia recognised Abkhazia in 2016.", "05", "factual"),
        ("Ethiopia and Eritrea signed a peace deal in 2000.", "05", "historical"),
        ("Ethiopia and Eritrea signed a peace deal in 2016.", "05", "factual"),
        ("Turkey shot down a Russian jet in November 2015.", "19", "historical"),
        ("Turkey shot down a Russian jet in 2016.", "19", "factual"),
    ],
)
def test_a_year_long_before_the_article_makes_a_recap(
    coder: Any, text: str, root: str, modality: str
) -> None:
    events = [e for e in coder(text, ARTICLE_DATE) if e.root_code == root]
    assert events
    assert {e.modality for e in events} == {modality}


def test_without_an_article_date_nothing_is_historical(coder: Any) -> None:
    events = coder("Russia recognised Abkhazia in 2008.", None)
    assert events
    assert "historical" not in {e.modality for e in events}


# -- "said it would": the future of a report ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "pair", "code", "modality"),
    [
        # After a past verb of saying, "would" is the future of the report: an intent.
        ("Russia said it would supply S-300 missiles to Iran.", ("RUS", "IRN"), "0312",
         "intended"),
        ("Israel announced it would free 150 Palestinian prisoners.", ("ISR", "PSE"), "035",
         "intended"),
        # A condition keeps it hypothetical, as does "would" outside a report.
        ("Russia said it would retaliate against Turkey if Ankara imposed sanctions.",
         ("RUS", "TUR"), "", "hypothetical"),
        ("If elected, Trump would lift sanctions on Russia.", ("USA", "RUS"), "085",
         "hypothetical"),
    ],
)
def test_would_after_a_past_verb_of_saying_is_an_intent(
    coder: Any, text: str, pair: tuple[str, str], code: str, modality: str
) -> None:
    events = [e for e in coder(text) if (e.source_country, e.target_country) == pair]
    assert events, coded(coder(text))
    assert all(e.modality == modality for e in events), coded(events)
    if code:
        assert code in {e.code for e in events}, coded(events)


# -- a negated cooperative act is a rejection ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "pair", "code"),
    [
        ("Obama said he would not provide support to Israel.", ("USA", "ISR"), "121"),
        ("Germany did not send weapons to Ukraine.", ("DEU", "UKR"), "121"),
        ("Iran refused to release the British tanker.", ("IRN", "GBR"), "124"),
    ],
)
def test_a_negated_cooperative_act_is_coded_as_its_rejection(
    coder: Any, text: str, pair: tuple[str, str], code: str
) -> None:
    events = [e for e in coder(text) if (e.source_country, e.target_country) == pair]
    assert code in {e.code for e in events}, coded(events)
    assert not {e.root_code for e in events} & {"06", "07", "08"}, coded(events)
