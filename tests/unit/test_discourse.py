"""Discourse: definite event nouns that borrow their parties from an earlier event ("Lavrov
met Safadi. The talks focused on Syria."), and collectives ("the sides", "the parties") that
mean the parties of the event just before. Hand-written articles, coded by the real pipeline."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest


def in_sentence(events: list[Any], index: int) -> list[Any]:
    return [e for e in events if e.sentence_index == index]


def pairs(events: list[Any], root: str | None = None) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in events if root is None or e.root_code == root}


def undirected(events: list[Any], root: str) -> set[frozenset[str]]:
    return {frozenset((e.source, e.target)) for e in events if e.root_code == root}


# -- definite event nouns ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Sergey Lavrov met Ayman Safadi in Amman. The talks focused on Syria.",
         {"RUSGOV", "JORGOV"}),
        ("Indian Foreign Minister S. Jaishankar met Wang Yi in Moscow. The talks lasted two "
         "hours.", {"INDGOV", "CHNGOV"}),
        ("Mike Pompeo met Mohammad Javad Zarif in Geneva. The meeting ended without a deal.",
         {"USAGOV", "IRNGOV"}),
        ("Kenya and Tanzania held talks in Nairobi. The negotiations covered fishing rights.",
         {"KEN", "TZA"}),
    ],
)
def test_definite_event_noun_borrows_the_parties_of_the_earlier_event(
    coder: Any, text: str, parties: set[str]
) -> None:
    later = in_sentence(coder(text), 1)
    assert later, "the definite event noun of the second sentence was not coded"
    # 04x is symmetric: the borrowed event may run in either direction, but only between the
    # two parties of the first sentence.
    assert undirected(later, "04") == {frozenset(parties)}
    assert all(e.root_code == "04" for e in later)


def test_compound_parties_are_borrowed_in_both_directions(coder: Any) -> None:
    events = coder("Ghana and Togo held talks in Lome. The negotiations covered cocoa smuggling.")
    assert pairs(in_sentence(events, 1), "04") == {("GHA", "TGO"), ("TGO", "GHA")}


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops shelled Kurdish positions in Syria. The talks focused on trade.",
        "Israeli jets bombed Hezbollah depots in Lebanon. The meeting lasted three hours.",
        "Germany criticised Brazil over deforestation. The negotiations resumed on Monday.",
    ],
)
def test_no_borrowing_from_an_event_of_another_kind(coder: Any, text: str) -> None:
    events = coder(text)
    assert in_sentence(events, 0), "the first sentence should give an event"
    assert in_sentence(events, 1) == []


def test_borrowing_reaches_two_sentences_back(coder: Any) -> None:
    events = coder("Sergey Lavrov met Ayman Safadi in Amman. It rained in the capital. "
                   "The talks focused on Syria.")
    assert undirected(in_sentence(events, 2), "04") == {frozenset({"RUSGOV", "JORGOV"})}


@pytest.mark.parametrize(
    "text",
    [
        "Sergey Lavrov met Ayman Safadi in Amman. It rained in the capital. Traffic was heavy. "
        "The talks focused on Syria.",
        "Mike Pompeo met Mohammad Javad Zarif in Geneva. Prices rose. Markets fell. Shops "
        "closed early. The meeting ended without a deal.",
    ],
)
def test_no_borrowing_beyond_two_sentences(coder: Any, text: str) -> None:
    events = coder(text)
    assert {e.sentence_index for e in events} == {0}


@pytest.mark.parametrize(
    "text",
    [
        "Sergey Lavrov met Ayman Safadi in Amman. Lavrov spoke to reporters after the meeting.",
        "Mike Pompeo met Mohammad Javad Zarif in Geneva. Zarif left Geneva after the talks.",
        "Mike Pompeo met Mohammad Javad Zarif in Geneva. Pompeo flew home following the "
        "meeting.",
    ],
)
def test_an_event_noun_that_only_dates_the_sentence_is_not_coded(coder: Any, text: str) -> None:
    events = coder(text)
    assert in_sentence(events, 0)
    assert in_sentence(events, 1) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia annexed Crimea in 2014. Ukraine has protested since the annexation.",
        "Ukraine has boycotted Russian goods since the annexation of Crimea by Russia.",
        "Armenia and Azerbaijan signed a truce. Fighting has continued since the truce.",
    ],
)
def test_since_the_event_is_never_coded(coder: Any, text: str) -> None:
    triggers = {e.trigger.lower() for e in coder(text)}
    assert not triggers & {"annexation", "truce"}


@pytest.mark.parametrize(
    ("text", "published", "parties"),
    [
        ("Mike Pompeo met Sergey Lavrov in Sochi. The meeting with Lavrov was tense.",
         date(2020, 1, 15), {"USAGOV", "RUSGOV"}),
        ("Wang Yi met Dmytro Kuleba in Beijing. The talks with Kuleba covered grain exports.",
         date(2021, 6, 1), {"CHNGOV", "UKRGOV"}),
    ],
)
def test_the_meeting_with_x_takes_the_other_party_of_xs_meeting(
    coder: Any, text: str, published: date, parties: set[str]
) -> None:
    later = in_sentence(coder(text, published), 1)
    assert undirected(later, "04") == {frozenset(parties)}


def test_a_host_named_again_takes_the_visitor_not_the_other_hosts(coder: Any) -> None:
    events = coder("President Xi Jinping visited Greece, Italy and Spain last week. The visit to "
                   "Italy was the longest.", date(2019, 3, 30))
    assert pairs(in_sentence(events, 1), "04") == {("CHNGOV", "ITA")}


def test_the_meeting_with_someone_else_borrows_nothing(coder: Any) -> None:
    events = coder("Mike Pompeo met Mohammad Javad Zarif in Geneva. The meeting with Lavrov "
                   "was tense.")
    assert in_sentence(events, 1) == []


def test_borrowed_side_keeps_its_own_evidence_text(coder: Any) -> None:
    later = in_sentence(coder("Mike Pompeo met Sergey Lavrov in Sochi. The meeting with Lavrov "
                              "was tense."), 1)
    assert later
    for event in later:
        usa_text = event.source_text if event.source_country == "USA" else event.target_text
        assert "Lavrov" not in usa_text


def test_the_meeting_with_x_looks_past_a_meeting_of_others(coder: Any) -> None:
    events = coder("Mike Pompeo met Sergey Lavrov in Sochi. Mevlut Cavusoglu met Mohammad Javad "
                   "Zarif in Ankara. The meeting with Lavrov was tense.")
    assert undirected(in_sentence(events, 2), "04") == {frozenset({"USAGOV", "RUSGOV"})}


# -- collectives ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "parties", "root"),
    [
        # The two countries named last (Accra → Ghana, Senegal) are not the parties.
        ("Ghana met Nigeria in Accra on the sidelines of a summit hosted by Senegal. The parties "
         "agreed to cooperate on security.", {"GHA", "NGA"}, "03"),
        ("Chile met Argentina in Santiago during a forum attended by Bolivia and Paraguay. The "
         "sides signed a border accord.", {"CHL", "ARG"}, "05"),
        # The latest two-party event, not an earlier one.
        ("Sweden and Finland held talks. Norway criticised Denmark. The sides signed a fisheries "
         "accord.", {"NOR", "DNK"}, "05"),
        # The parties keep the sectors they had in the event.
        ("Morocco hosted the Algerian foreign minister in Rabat on Monday. The parties signed a "
         "deal on gas.", {"MAR", "DZAGOV"}, "05"),
    ],
)
def test_collective_binds_to_the_parties_of_the_event_just_before(
    coder: Any, text: str, parties: set[str], root: str
) -> None:
    events = coder(text)
    later = in_sentence(events, max(e.sentence_index for e in events))
    assert later
    assert {e.source for e in later} | {e.target for e in later} == parties
    assert any(e.root_code == root for e in later)


def test_collective_binds_to_parties_named_by_people(coder: Any) -> None:
    events = coder("Sergey Lavrov met Ayman Safadi in Amman. The sides signed a memorandum on "
                   "energy.")
    assert undirected(in_sentence(events, 1), "05") == {frozenset({"RUSGOV", "JORGOV"})}
