"""The agreements register: kind, subject, count, period and status, from the real parse."""

from __future__ import annotations

import pytest

from dyadwatch.coding.agreements import AgreementMention, find_agreements


@pytest.fixture(scope="module")
def agreements(nlp):  # type: ignore[no-untyped-def]
    def read(text: str) -> list[AgreementMention]:
        return find_agreements(nlp(text)[:])

    return read


def _only(found: list[AgreementMention]) -> AgreementMention:
    assert len(found) == 1, found
    return found[0]


def test_signed_cooperation_plan_for_a_year(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The defence ministers of the two countries signed a cooperation plan for 2018.")
    found = _only(find_agreements(doc[:]))
    assert (found.kind, found.subject, found.status, found.verb) == (
        "plan", "cooperation", "signed", "sign")
    assert (found.period_start, found.period_end) == ("2018", "2018")
    assert doc[found.noun].text == "plan" and doc[found.verb_index].text == "signed"
    assert doc.text[found.start:found.end] == "a cooperation plan"
    assert found.evidence == doc.text


def test_counted_documents_about_what_their_clause_says(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The presidents signed 14 documents that envisage cooperation in "
                             "the energy and transport sectors."))
    assert (found.kind, found.status) == ("document", "signed")
    assert found.count is not None and (found.count.value, found.count.unit) == (14.0, "document")
    assert found.subject == "cooperation in the energy and transport sectors"


def test_passive_signing_with_a_qualified_count(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("To date, more than 90 agreements in various spheres of science "
                             "and education have been signed."))
    assert found.status == "signed"
    assert found.count is not None
    assert (found.count.value, found.count.qualifier) == (90.0, "more than")
    assert found.subject == "various spheres of science and education"


def test_programme_with_period_range_on_the_verb(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The two ministries lately inked a program for cooperation in the "
                             "field of sport for 2020-2022."))
    assert (found.kind, found.status, found.verb) == ("programme", "signed", "ink")
    assert found.subject == "cooperation in the field of sport"
    assert (found.period_start, found.period_end) == ("2020", "2022")


def test_future_signing_is_planned(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("Georgia and Armenia will soon sign three bilateral agreements on "
                             "cooperation in the spheres of customs and tourism."))
    assert (found.kind, found.status, found.verb) == ("agreement", "planned", "sign")
    assert found.count is not None and found.count.value == 3.0
    assert found.subject == "cooperation in the spheres of customs and tourism"


def test_uncounted_agreements_take_the_count_of_signatories(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("About 30 Italian companies have signed contracts with Baku."))
    assert (found.kind, found.status) == ("contract", "signed")
    assert found.count is not None
    assert (found.count.value, found.count.unit, found.count.qualifier) == (
        30.0, "company", "about")


def test_a_single_agreement_does_not_take_the_signatories_count(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The two countries signed an agreement on visas."))
    assert found.count is None
    assert found.subject == "visas"


@pytest.mark.parametrize(("text", "kind", "status", "verb"), [
    ("Washington withdrew from the INF Treaty in 2019.", "treaty", "terminated", "withdraw"),
    ("The United States pulled out of the nuclear deal.", "deal", "terminated", "pull"),
    ("Kyiv scrapped the friendship treaty with Moscow.", "treaty", "terminated", "scrap"),
    ("The Duma ratified the convention on the legal status of the Caspian Sea.", "convention",
     "ratified", "ratify"),
    ("Ankara suspended the accord on readmission.", "accord", "suspended", "suspend"),
    ("Moscow froze the gas deal after the incident.", "deal", "suspended", "freeze"),
    ("Talks on a free trade agreement continue in Minsk.", "agreement", "under negotiation",
     "talk"),
    ("The diplomats are negotiating a new protocol.", "protocol", "under negotiation",
     "negotiate"),
    ("The agreement came into force in 2018.", "agreement", "in force", "come"),
    ("The sides began to implement the roadmap.", "roadmap", "in force", "implement"),
])
def test_status_from_the_governing_word(agreements, text, kind, status, verb) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements(text))
    assert (found.kind, found.status, found.verb) == (kind, status, verb)


@pytest.mark.parametrize("text", [
    "An agreement on visa-free travel is to be signed next month.",
    "The sides are ready to sign a memorandum on energy.",
    "Baku and Tbilisi are expected to sign the contract in May.",
    "The ministers plan to conclude a treaty on borders.",
    "The sides agreed to sign a roadmap on tourism.",
])
def test_intended_signing_is_planned(agreements, text) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements(text))
    assert found.status == "planned"
    assert found.verb in ("sign", "conclude")


@pytest.mark.parametrize("text", [
    "Russia did not sign the agreement.",
    "Turkey refused to sign the protocol.",
    "Washington urged Tehran to sign the additional protocol.",
    "Iran would sign the deal if the sanctions were lifted.",
])
def test_negated_requested_or_conditional_signing_is_a_mention(agreements, text) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements(text))
    assert (found.status, found.verb) == ("mentioned", "sign")


def test_future_ratification_means_signed(agreements) -> None:  # type: ignore[no-untyped-def]
    assert _only(agreements("Parliament will ratify the treaty next week.")).status == "signed"


def test_draft_agreement_is_planned_unless_under_discussion(agreements) -> None:  # type: ignore[no-untyped-def]
    assert _only(agreements("The draft agreement was published on Monday.")).status == "planned"
    found = _only(agreements("The ministers discussed a draft agreement on military "
                             "cooperation."))
    assert (found.status, found.subject) == ("under negotiation", "military cooperation")


def test_coordinated_nouns_give_one_mention_each(agreements) -> None:  # type: ignore[no-untyped-def]
    found = agreements("Agreements and memorandums were signed on trade and energy.")
    assert [(m.kind, m.status, m.subject) for m in found] == [
        ("agreement", "signed", "trade and energy"), ("memorandum", "signed", "trade and energy")]
    assert found[0].noun != found[1].noun


def test_memorandum_of_understanding_subject_skips_understanding(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The companies signed a memorandum of understanding on solar "
                             "energy."))
    assert (found.kind, found.subject) == ("memorandum", "solar energy")


@pytest.mark.parametrize("text", [
    "Russia plans to deploy more troops to the border.",
    "The plan to attack the convoy was revealed by the press.",
    "Iran expanded its nuclear programme last year.",
    "Documents show that the minister lied.",
    "The reform caused a great deal of trouble.",
    "He acted of his own accord.",
])
def test_nouns_that_are_not_agreements(agreements, text) -> None:  # type: ignore[no-untyped-def]
    assert agreements(text) == []


def test_cooperation_plans_and_named_plans_count_without_a_verb(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The action plan covers energy."))
    assert (found.kind, found.subject, found.status) == ("plan", "action", "mentioned")
    named = _only(agreements("Tehran still respects the Joint Comprehensive Plan of Action."))
    assert named.kind == "plan"


@pytest.mark.parametrize(("text", "start", "end"), [
    ("The government adopted the 2015-2025 action plan.", "2015", "2025"),
    ("The sides extended the memorandum on oil until 2025.", "", "2025"),
    ("The sides praised the 2015 nuclear deal.", "", ""),
    ("Moscow and Baku signed a cooperation program for 2017–2019.", "2017", "2019"),
])
def test_periods(agreements, text, start, end) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements(text))
    assert (found.period_start, found.period_end) == (start, end)


def test_place_of_signing_is_not_the_subject(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("Russia signed an agreement with Azerbaijan in Baku."))
    assert (found.subject, found.status) == ("", "signed")


def test_signing_noun_decides_and_can_be_scheduled(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The signing of the agreement is expected next week."))
    assert (found.status, found.verb) == ("planned", "signing")


def test_participle_clause_decides_status(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The accord reached in Minsk calls for a ceasefire."))
    assert (found.kind, found.status, found.verb) == ("accord", "signed", "reach")


def test_occasion_of_signing_is_cut_from_the_subject(agreements) -> None:  # type: ignore[no-untyped-def]
    found = _only(agreements("The governors signed 9 documents that envisage cooperation in "
                             "trade at the 5th forum of regions."))
    assert found.subject == "cooperation in trade"
    assert found.count is not None and found.count.value == 9.0


def test_second_sentence_offsets_are_into_the_whole_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministers met in Baku on Monday. They signed a protocol on customs.")
    found = _only(find_agreements(list(doc.sents)[1]))
    assert doc.text[found.start:found.end] == "a protocol on customs"
    assert found.evidence == "They signed a protocol on customs."
    assert doc[found.verb_index].lemma_ == "sign"
