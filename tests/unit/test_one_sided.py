"""Events with one side the text leaves without a country (coding/one_sided.py), with the real
spaCy model and the bundled tables."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.one_sided import UNKNOWN_COUNTRY, may_be_one_sided


def sides(events: list[Any]) -> list[tuple[str, str, str]]:
    return [(e.source, e.target, e.root_code) for e in events]


@pytest.mark.parametrize(
    ("text", "source", "target", "root", "described"),
    [
        # An unnamed attacker: its sector from the word, no country.
        ("Unknown attackers shelled the Turkish embassy in Kabul.", "REB", "TURGOV", "19",
         "Unknown attackers"),
        ("Kidnappers seized two Chinese engineers near Peshawar.", "REB", "CHN", "17",
         "Kidnappers"),
        # An unnamed side the act falls on, described by the object.
        ("Turkey detained 40 suspects in raids across the country.", "TUR", "", "17",
         "40 suspects in raids"),
        # The object a pattern asks for is the means, not the side: no phrase for it.
        ("Japan sent emergency supplies and doctors.", "JPN", "", "07", ""),
        ("North Korea fired two ballistic missiles into the Sea of Japan.", "PRK", "", "19",
         ""),
    ],
)
def test_a_side_without_a_country_is_coded_as_unknown(
    coder: Any, text: str, source: str, target: str, root: str, described: str
) -> None:
    events = coder(text)
    assert sides(events) == [(source, target, root)]
    (event,) = events
    assert event.one_sided
    unknown_text = event.source_text if not event.source_country else event.target_text
    assert unknown_text == described
    assert UNKNOWN_COUNTRY in (event.source_country, event.target_country)


def test_one_sided_events_are_less_confident_than_full_ones(coder: Any) -> None:
    (one,) = coder("Kidnappers seized two Chinese engineers near Peshawar.")
    (full,) = coder("Pakistani militants seized two Chinese engineers near Peshawar.")
    assert not full.one_sided and full.source_country == "PAK"
    assert one.confidence < full.confidence


@pytest.mark.parametrize(
    "text",
    [
        # Acts that exist only between two parties need both named.
        "Russian President Vladimir Putin met officials on Tuesday.",
        "France rejected the accusations.",
        "Brazil launched a mediation effort.",
        # A transitive sense used without its object is another sense ("want to ...").
        "The United Nations wants to re-examine the refineries.",
        "The Turkish army shelled on Tuesday.",
        # A reflexive object: the source is its own target.
        "Iraq's army attacked themselves.",
        # Background clauses: a relative clause is no report of its own.
        "The ministry, which released the hostages last year, said nothing.",
        # The expectations of someone unnamed are opinions.
        "Analysts expect Egypt to raise its interest rates.",
    ],
)
def test_no_one_sided_event(coder: Any, text: str) -> None:
    assert sides(coder(text)) == []


def test_a_full_event_in_the_sentence_leaves_out_the_one_sided_ones(coder: Any) -> None:
    events = coder("Insurgents bombarded a government-held part of Aleppo, killing at least "
                   "eight people.")
    assert events and not any(e.one_sided for e in events)


def test_only_verbs_of_main_clauses_make_one_sided_events(nlp: Any) -> None:
    from dyadwatch.dictionaries.patterns import load_patterns

    patterns = load_patterns()
    doc = nlp("Israel released the prisoners, who had attacked soldiers.")
    released, attacked = doc[1], doc[7]
    assert attacked.dep_ == "relcl"
    release = next(iter(patterns.candidates("VERB", "release")))
    attack = next(iter(patterns.candidates("VERB", "attack")))
    assert may_be_one_sided(released, release)
    assert not may_be_one_sided(attacked, attack)
