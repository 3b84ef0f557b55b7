"""Quantities linked to what they count, read from the real spaCy parse."""

from __future__ import annotations

import pytest

from dyadwatch.coding.quantities import Quantity, find_quantities


@pytest.fixture(scope="module")
def quantities(nlp):  # type: ignore[no-untyped-def]
    def read(text: str) -> list[Quantity]:
        doc = nlp(text)
        return find_quantities(doc[:])

    return read


def _only(found: list[Quantity]) -> Quantity:
    assert len(found) == 1, found
    return found[0]


def test_count_with_qualifier_links_to_the_counted_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("So far, more than 90 agreements have been signed between the two states.")
    first = find_quantities(doc[:])[0]
    assert (first.kind, first.value, first.unit, first.qualifier) == (
        "count", 90.0, "agreement", "more than")
    assert first.text == "more than 90 agreements"
    assert doc[first.head].text == "agreements"
    assert doc.text[first.start:first.end] == first.text


def test_people_are_counts_of_persons(quantities) -> None:  # type: ignore[no-untyped-def]
    found = _only(quantities("Some 90,000 students from Azerbaijan study at Russian universities."))
    assert (found.kind, found.value, found.unit, found.qualifier) == (
        "people", 90000.0, "student", "about")


def test_counted_noun_after_adjectives(quantities) -> None:  # type: ignore[no-untyped-def]
    found = quantities("Around 40 Russian regions trade with Baku.")[0]
    assert (found.kind, found.value, found.unit, found.qualifier) == (
        "count", 40.0, "region", "about")
    assert found.text == "Around 40 Russian regions"


def test_money_amount_belongs_to_the_noun_it_modifies(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Moscow and Baku sealed a $5 billion arms deal last year.")
    found = _only(find_quantities(doc[:]))
    assert (found.kind, found.value, found.unit, found.text) == ("money", 5e9, "USD", "$5 billion")
    assert doc[found.head].text == "deal"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The bank lent €300 million to the project.", 3e8, "EUR"),
    ("The contract is worth $2.3bn, officials said.", 2.3e9, "USD"),
    ("The budget set aside 1.2 mln manats for roads.", 1.2e6, "AZN"),
    ("Investment reached AZN 300 million in the region.", 3e8, "AZN"),
    ("Gazprom paid 5 billion rubles for the stake.", 5e9, "RUB"),
    ("The ministry sold the building for £20,000 only.", 2e4, "GBP"),
    ("Japan pledged 40 billion yen in loans.", 4e10, "JPY"),
])
def test_money_in_its_many_spellings(quantities, text, value, unit) -> None:  # type: ignore[no-untyped-def]
    found = [q for q in quantities(text) if q.kind == "money"]
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


def test_percent_links_to_what_changed(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Trade between the two countries grew by 15 percent in the first quarter.")
    found = find_quantities(doc[:])[-1]
    assert (found.kind, found.value, found.unit, found.text) == ("percent", 15.0, "%", "15 percent")
    assert doc[found.head].lemma_ == "grow"


@pytest.mark.parametrize("text", [
    "Russia holds 12% of the shares.",
    "Russia holds 12 per cent of the shares.",
    "Russia holds nearly 12 percent of the shares.",
])
def test_percent_spellings_and_of_phrase(nlp, text) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    found = _only(find_quantities(doc[:]))
    assert (found.kind, found.value) == ("percent", 12.0)
    assert doc[found.head].text == "shares"


def test_measure_with_scale_and_substance(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Azerbaijan will export 2.5 billion cubic metres of gas to Europe.")
    found = _only(find_quantities(doc[:]))
    assert (found.kind, found.value, found.unit) == ("measure", 2.5e9, "cubic metre")
    assert found.text == "2.5 billion cubic metres"
    assert doc[found.head].text == "gas"


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("The pipeline carries 10 bcm of gas a year.", 1e10, "cubic metre", ""),
    ("Kazakhstan shipped less than 10 tonnes of grain.", 10.0, "tonne", "less than"),
    ("The field yields almost 2 million barrels of oil.", 2e6, "barrel", "about"),
    ("The new railway is 500 km long.", 500.0, "km", ""),
    ("The rebels bought 500 pounds of explosives.", 500.0, "lb", ""),
])
def test_measures(quantities, text, value, unit, qualifier) -> None:  # type: ignore[no-untyped-def]
    found = _only(quantities(text))
    assert (found.kind, found.value, found.unit, found.qualifier) == (
        "measure", value, unit, qualifier)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The ministers signed two bilateral agreements.", 2.0, "agreement"),
    ("Twenty-five soldiers were wounded near the border.", 25.0, "soldier"),
    ("The war displaced two hundred thousand refugees.", 2e5, "refugee"),
    ("A dozen tourists were stranded at the airport.", 12.0, "tourist"),
    ("The company hired 1.2 mln workers abroad.", 1.2e6, "worker"),
    ("Roughly 2000 troops arrived at the base.", 2000.0, "troop"),
])
def test_word_numbers_and_scales(quantities, text, value, unit) -> None:  # type: ignore[no-untyped-def]
    found = _only(quantities(text))
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Dozens of soldiers were killed in the clashes.", 24.0, "soldier"),
    ("Thousands of migrants crossed the border.", 2000.0, "migrant"),
    ("Tens of thousands of refugees fled the fighting.", 20000.0, "refugee"),
])
def test_vague_plurals_are_their_least_with_at_least(quantities, text, value, unit) -> None:  # type: ignore[no-untyped-def]
    found = _only(quantities(text))
    assert (found.kind, found.value, found.unit, found.qualifier) == (
        "people", value, unit, "at least")


@pytest.mark.parametrize(("phrase", "qualifier"), [
    ("at least 300", "at least"),
    ("up to 5,000", "up to"),
    ("fewer than 300", "less than"),
    ("over 300", "more than"),
    ("approximately 300", "about"),
    ("no more than 300", "up to"),
])
def test_qualifiers_are_normalised(quantities, phrase, qualifier) -> None:  # type: ignore[no-untyped-def]
    found = _only(quantities(f"The mission sent {phrase} peacekeepers to the region."))
    assert found.qualifier == qualifier
    assert found.text == f"{phrase} peacekeepers"


@pytest.mark.parametrize("text", [
    "In 2016 the ministers met in Baku.",
    "The plan for 2017–2019 was approved.",
    "The 7th forum of regions opened in Moscow.",
    "It was the first visit of the president.",
    "The meeting began at 5 pm local time.",
    "A 25-year-old man was detained.",
    "The council cited Resolution 2231 and Article 5.",
    "The two signed it after the talks.",
    "The 2015 agreement was praised.",
    "The 2012 elections were disputed.",
    "The talks lasted two months.",
])
def test_years_dates_ordinals_times_ages_and_labels_are_not_quantities(quantities, text) -> None:  # type: ignore[no-untyped-def]
    assert quantities(text) == []


def test_several_quantities_left_to_right(quantities) -> None:  # type: ignore[no-untyped-def]
    found = quantities("The two countries signed 12 documents worth $3 billion, and trade rose "
                       "by 8 percent.")
    assert [(q.kind, q.value) for q in found] == [
        ("count", 2.0), ("count", 12.0), ("money", 3e9), ("percent", 8.0)]
    assert all(q.start < q.end for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_offsets_and_head_are_into_the_whole_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministers met in Baku on Monday. They signed 7 documents on energy.")
    second = list(doc.sents)[1]
    found = _only(find_quantities(second))
    assert doc.text[found.start:found.end] == "7 documents"
    assert doc[found.head].text == "documents"
