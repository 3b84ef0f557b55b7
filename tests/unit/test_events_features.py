"""Event coding features: mediation, place targets, domestic events, lists of names, reversed
patterns and the gold runner's sentence breaks. Hand-written sentences, real pipeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.errors import DictionaryError


def coded(events: list[Any]) -> list[str]:
    return [f"{e.source}->{e.target} {e.code} {e.modality} {e.role}" for e in events]


# -- mediation -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mediator", "parties"),
    [
        ("Egypt mediated between Israel and Hamas.", "EGY", {"ISR", "PSE"}),
        ("Qatar mediated between the United States and the Taliban.", "QAT", {"USA", "AFG"}),
        ("Kuwait mediated between Qatar and Saudi Arabia.", "KWT", {"QAT", "SAU"}),
        ("Norway mediated between Colombia and Venezuela.", "NOR", {"COL", "VEN"}),
    ],
)
def test_mediation_between_two_parties_gives_two_mediator_events(
    coder: Any, text: str, mediator: str, parties: set[str]
) -> None:
    mediations = [e for e in coder(text) if e.code.startswith("045")]
    assert len(mediations) == 2, coded(mediations)
    assert {e.source_country for e in mediations} == {mediator}
    assert {e.target_country for e in mediations} == parties
    assert {e.role for e in mediations} == {"mediator"}


@pytest.mark.parametrize(
    ("text", "mediator", "parties"),
    [
        ("The ceasefire in the conflict between Armenia and Azerbaijan was restored after "
         "Moscow's mediation.", "RUS", {"ARM", "AZE"}),
        ("The dispute between Qatar and Bahrain eased after Kuwaiti mediation.",
         "KWT", {"QAT", "BHR"}),
        ("The war between Russia and Ukraine continued despite Turkish mediation.",
         "TUR", {"RUS", "UKR"}),
    ],
)
def test_mediation_naming_no_parties_takes_those_of_the_dispute(
    coder: Any, text: str, mediator: str, parties: set[str]
) -> None:
    mediations = [e for e in coder(text) if e.code.startswith("045")]
    assert {(e.source_country, e.target_country) for e in mediations} == {
        (mediator, p) for p in parties}, coded(mediations)
    assert {e.role for e in mediations} == {"mediator"}


def test_only_mediation_has_a_role(coder: Any) -> None:
    events = coder("Egypt mediated between Israel and Hamas. Israel criticised Egypt.")
    assert {e.role for e in events if not e.code.startswith("045")} == {""}
    assert any(e.root_code == "11" for e in events)


# -- military actions that name only a place -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "place_country", "place"),
    [
        ("Russian jets bombed targets near Aleppo.", "RUSMIL", "SYR", "Aleppo"),
        ("Israeli warplanes struck weapons depots near Damascus.", "ISRMIL", "SYR", "Damascus"),
        ("Saudi warplanes struck a market in Sanaa.", "SAUMIL", "YEM", "Sanaa"),
        ("Turkish jets bombed targets in Idlib.", "TURMIL", "SYR", "Idlib"),
    ],
)
def test_a_military_action_on_a_place_targets_its_country(
    coder: Any, text: str, source: str, place_country: str, place: str
) -> None:
    events = coder(text)
    assert [(e.source, e.target_country, e.target_text) for e in events] == [
        (source, place_country, place)], coded(events)
    assert events[0].root_code in ("18", "19", "20")


@pytest.mark.parametrize(
    "text",
    [
        "Russian diplomats praised volunteers near Aleppo.",
        "Jets bombed targets near Aleppo.",  # no source: the place is no actor of its own
    ],
)
def test_a_place_is_no_target_outside_military_actions_or_without_a_source(
    coder: Any, text: str
) -> None:
    assert coder(text) == []


# -- domestic events -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Police arrested opposition activists in Minsk.", "BLRCOP", "BLROPP"),
        ("Police detained dozens of protesters in Caracas.", "VENCOP", "VENCVL"),
        ("Riot police arrested opposition supporters in Tbilisi.", "GEOCOP", "GEOOPP"),
        ("Security forces detained opposition leaders in Harare.", "ZWECOP", "ZWEOPP"),
        ("Police detained opposition activists in Baku.", "AZECOP", "AZEOPP"),
    ],
)
def test_groups_named_by_kind_take_the_one_country_of_their_sentence(
    coder: Any, text: str, source: str, target: str
) -> None:
    events = coder(text)
    assert [(e.source, e.target, e.root_code) for e in events] == [(source, target, "17")], (
        coded(events))


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested protesters in Minsk after Lithuania criticised the election.",
        "Police detained protesters in Tbilisi as Russia and Turkey watched.",
        "Police arrested opposition activists in Minsk, a day after Poland criticised Belarus.",
    ],
)
def test_no_country_for_a_group_when_its_sentence_names_two(coder: Any, text: str) -> None:
    arrests = [e for e in coder(text) if e.root_code == "17"]
    assert all(e.one_sided and e.source_country == "" for e in arrests), coded(arrests)


# -- lists the parser reads as appositions -------------------------------------------------------
def directed_pairs(members: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a in members for b in members if a != b}


@pytest.mark.parametrize(
    ("text", "members", "root"),
    [
        # "Russia, and Switzerland" hangs off "US" as an apposition with a conjunct.
        ("The US, Russia, and Switzerland met in Geneva.", ["USA", "RUS", "CHE"], "04"),
        ("The US, Russia, and Switzerland held talks in Geneva.", ["USA", "RUS", "CHE"], "04"),
        # Plain conjunct lists.
        ("The US, China, and Russia met in Beijing.", ["USA", "CHN", "RUS"], "04"),
        ("France, Germany, and Italy signed a defence pact.", ["FRA", "DEU", "ITA"], "05"),
    ],
)
def test_a_list_of_three_acting_together_gives_all_six_pairs(
    coder: Any, text: str, members: list[str], root: str
) -> None:
    events = coder(text)
    assert {(e.source, e.target) for e in events if e.root_code == root} == directed_pairs(
        members), coded(events)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Brazil, Argentina, and Chile met in Montevideo.", ["BRA", "ARG", "CHL"]),
        ("The UK, France, and Germany met in Vienna.", ["GBR", "FRA", "DEU"]),
        ("Canada, Russia, and Switzerland met in Geneva.", ["CAN", "RUS", "CHE"]),
    ],
)
def test_a_bare_apposition_in_a_list_is_a_member(
    coder: Any, text: str, members: list[str]
) -> None:
    events = coder(text)
    assert {(e.source, e.target) for e in events if e.root_code == "04"} == directed_pairs(
        members), coded(events)


# -- reversed patterns ----------------------------------------------------------------------------
RECEIVE_FROM = {"id": "test.receive.from", "trigger": "receive", "code": "070",
                "target": ["prep:from"]}


def write_patterns(path: Path, *patterns: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(p) + "\n" for p in patterns), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def code_with(nlp: Any) -> Any:
    """A callable: (pattern file, text) → events coded with only that file's patterns."""
    from dyadwatch.coding.stage import EventStage
    from dyadwatch.config import Settings
    from dyadwatch.dictionaries.actors import load_actor_tables
    from dyadwatch.dictionaries.codebook import load_codebook
    from dyadwatch.dictionaries.patterns import read_patterns
    from dyadwatch.model import Article
    from dyadwatch.nlp.parse import ParseStage
    from dyadwatch.pipeline import Pipeline, Work

    tables = load_actor_tables(Settings().actor_folders)

    def code(pattern_file: Path, text: str) -> list[Any]:
        stage = EventStage(nlp, tables, read_patterns(pattern_file), load_codebook())
        (work,) = Pipeline([ParseStage(nlp), stage]).run_batch(
            [Article.from_text(text, published=date(2020, 1, 15))])
        assert isinstance(work, Work), work
        return list(work.events)

    return code


@pytest.mark.parametrize(
    ("text", "receiver", "giver"),
    [
        ("Ukraine received weapons from Poland.", "UKR", "POL"),
        ("Jordan received humanitarian aid from Japan.", "JOR", "JPN"),
        ("Moldova received a loan from Romania.", "MDA", "ROU"),
    ],
)
def test_a_reversed_pattern_swaps_source_and_target(
    code_with: Any, tmp_path: Path, text: str, receiver: str, giver: str
) -> None:
    plain = write_patterns(tmp_path / "plain.jsonl", RECEIVE_FROM)
    turned = write_patterns(tmp_path / "reverse.jsonl", {**RECEIVE_FROM, "reverse": True})
    assert [(e.source, e.target, e.code) for e in code_with(plain, text)] == [
        (receiver, giver, "070")]
    reversed_events = code_with(turned, text)
    assert [(e.source, e.target, e.code) for e in reversed_events] == [(giver, receiver, "070")]
    # The evidence follows the swap: the giver's words are the source text.
    assert reversed_events[0].source_text != reversed_events[0].target_text


def test_reverse_is_a_known_pattern_key(tmp_path: Path) -> None:
    from dyadwatch.dictionaries.patterns import read_patterns

    index = read_patterns(write_patterns(tmp_path / "ok.jsonl", {**RECEIVE_FROM, "reverse": True},
                                         {**RECEIVE_FROM, "id": "test.plain"}))
    assert index.get("test.receive.from").reverse is True  # type: ignore[union-attr]
    assert index.get("test.plain").reverse is False  # type: ignore[union-attr]


def test_a_misspelt_reverse_key_is_rejected_with_its_line(tmp_path: Path) -> None:
    from dyadwatch.dictionaries.patterns import read_patterns

    path = write_patterns(tmp_path / "bad.jsonl", {**RECEIVE_FROM, "id": "test.ok"},
                          {**RECEIVE_FROM, "reversed": True})
    with pytest.raises(DictionaryError, match=r"bad\.jsonl:2: field 'reversed' is not a known key"):
        read_patterns(path)


def test_a_non_boolean_reverse_is_rejected(tmp_path: Path) -> None:
    from dyadwatch.dictionaries.patterns import read_patterns

    path = write_patterns(tmp_path / "bad.jsonl", {**RECEIVE_FROM, "reverse": "false"})
    with pytest.raises(DictionaryError, match="reverse"):
        read_patterns(path)


# -- gold sentences coded together --------------------------------------------------------------
@pytest.fixture(scope="module")
def gold_stage(nlp: Any) -> Any:
    from dyadwatch.coding.stage import EventStage
    from dyadwatch.config import Settings
    from dyadwatch.dictionaries.actors import load_actor_tables
    from dyadwatch.dictionaries.codebook import load_codebook
    from dyadwatch.dictionaries.patterns import load_patterns

    return EventStage(nlp, load_actor_tables(Settings().actor_folders), load_patterns(),
                      load_codebook())


def test_code_gold_keeps_each_event_in_its_own_gold_sentence(nlp: Any, gold_stage: Any) -> None:
    from dyadwatch.evaluation.events import code_gold
    from dyadwatch.evaluation.gold import GoldRecord

    day = date(2020, 3, 1)
    # Without their final stop, spaCy would read each pair as one sentence.
    records = [
        GoldRecord("x1", "Kenya criticised Uganda on Monday", day, article="x"),
        GoldRecord("x2", "Tanzania met Rwanda in Arusha.", day, article="x"),
        GoldRecord("y1", "Chile signed a trade deal with Peru", day, article="y"),
        GoldRecord("y2", "and Bolivia protested to Chile.", day, article="y"),
    ]
    produced = code_gold(nlp, gold_stage, records)

    def dyads(rid: str) -> set[tuple[str, str, str]]:
        return {(e.source, e.target, e.root_code) for e in produced[rid]}

    assert dyads("x1") == {("KEN", "UGA", "11")}
    assert dyads("x2") == {("TZA", "RWA", "04")}
    assert dyads("y1") == {("CHL", "PER", "05")}
    assert ("BOL", "CHL", "11") in dyads("y2")
    assert not {s for s, _, _ in dyads("y2")} - {"BOL"}
    for record in records:
        assert {e.sentence for e in produced[record.id]} <= {record.text}


def test_code_gold_lets_a_sentence_take_actors_from_the_one_before(
    nlp: Any, gold_stage: Any
) -> None:
    from dyadwatch.evaluation.events import code_gold
    from dyadwatch.evaluation.gold import GoldRecord

    day = date(2020, 3, 1)
    records = [
        GoldRecord("z1", "Ghana hosted the Togolese president.", day, article="z"),
        GoldRecord("z2", "The two presidents signed a border accord.", day, article="z"),
        GoldRecord("w1", "The two presidents signed a border accord.", day, article="w"),
    ]
    produced = code_gold(nlp, gold_stage, records)
    assert {frozenset((e.source_country, e.target_country)) for e in produced["z2"]
            if e.root_code == "05"} == {frozenset({"GHA", "TGO"})}
    assert produced["w1"] == []  # another article: nothing to refer back to


# -- who acts in a purpose clause ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The object of "use", "deploy" is the means; the subject acts in the purpose clause.
        ("Turkey used drones to attack Kurdish fighters in northern Iraq.", ("TUR", "IRQ", "19")),
        ("Russia deployed warplanes to strike rebel positions in Idlib.", ("RUS", "SYR", "19")),
        # An infinitive on the object noun: whoever carries out the mission acts.
        ("Iraqi forces launched an operation to retake Mosul from Islamic State.",
         ("IRQ", "IMG", "19")),
        ("Russian jets performed a combat mission to destroy ISIS positions.",
         ("RUS", "IMG", "19")),
    ],
)
def test_the_subject_acts_in_a_purpose_clause(
    coder: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(e.source_country, e.target_country, e.root_code) for e in coder(text)}
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The US urged Russia to withdraw its troops from Syria.",
        "Senators are putting pressure on the president to arm Ukraine.",
    ],
)
def test_an_act_asked_of_someone_is_not_coded_as_done(coder: Any, text: str) -> None:
    # The gold conventions code the appeal (02x) or demand (10x) only: what is asked is its
    # content, like the content of an accusation.
    roots = {e.root_code for e in coder(text)}
    assert not roots & {"07", "08"}, roots


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Syrian forces used unguided munitions against civilians in Aleppo.", "190"),
        ("Syrian forces used chemical weapons against civilians in Aleppo.", "2041"),
        ("North Korea threatened to use nuclear weapons against Japan.", "138"),
    ],
)
def test_weapons_are_of_mass_destruction_only_when_their_modifier_says_so(
    coder: Any, text: str, code: str
) -> None:
    assert code in {e.code for e in coder(text)}, coded(coder(text))


# -- a past participle on its noun is passive ---------------------------------------------------
def test_a_participle_on_a_noun_acts_on_the_noun(coder: Any) -> None:
    # "soldiers killed in Ukraine": the soldiers were killed; they are no attacker.
    events = coder("There were 10 Russian soldiers killed in Ukraine today.")
    assert not [e for e in events if e.source_country == "RUS"], coded(events)
    events = coder("Ten Turkish soldiers killed in a Russian airstrike were buried on Monday.")
    assert ("RUS", "TUR", "19") in {(e.source_country, e.target_country, e.root_code)
                                    for e in events}, coded(events)


def test_a_main_verb_the_parser_took_for_a_participle_stays_active(coder: Any) -> None:
    events = coder("Chinese companies invested in Serbian copper mines.")
    assert ("CHN", "SRB", "06") in {(e.source_country, e.target_country, e.root_code)
                                    for e in events}, coded(events)


# -- a reported judgement of an actor -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zakharova said the US sanctions were illegal.", ("RUS", "USA", "111")),
        ("Moscow said Kyiv's actions were a provocation.", ("RUS", "UKR", "111")),
        ("Peskov said the US claims were absurd and unfounded.", ("RUS", "USA", "111")),
        ("Lavrov said Turkey's decision was a positive step.", ("RUS", "TUR", "051")),
        ("The Indian minister said the decision of the Nepali government was wise.",
         ("IND", "NPL", "051")),
        ("The Chinese foreign ministry called the Japanese measures illegitimate.",
         ("CHN", "JPN", "111")),
    ],
)
def test_a_reported_judgement_is_criticism_or_praise_of_the_judged(
    coder: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(e.source_country, e.target_country, e.code) for e in coder(text)}
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the talks with Iran were not a mistake.",  # negated
        "The spokesman said the weather was dangerous.",  # nobody judged
        "Lavrov said the next step was a meeting in Geneva.",  # a bare 'step' is no praise
        "Wang Yi said his talks with Kerry were not productive.",  # negated
        "The Iranian minister described his visit to Paris as long.",  # no judgement
        "Zarif said the weather during his meeting with Kerry was good.",  # not the meeting
    ],
)
def test_no_judgement_event(coder: Any, text: str) -> None:
    assert not [e for e in coder(text) if e.rule.startswith("statement.")], coded(coder(text))


# -- a judged encounter: optimism or pessimism about the partner --------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wang Yi described his talks with Kerry as constructive.", ("CHN", "USA", "013")),
        ("Erdogan said his meeting with the Iranian president was very productive.",
         ("TUR", "IRN", "013")),
        ("After talks with Modi, Abe said there was a warm atmosphere.", ("JPN", "IND", "013")),
        ("The Kenyan minister said relations between Kenya and Somalia were tense.",
         ("KEN", "SOM", "012")),
        ("The Brazilian president said cooperation between China and India was beneficial.",
         ("BRA", "IND", "013")),
    ],
)
def test_a_judged_encounter_is_optimism_or_pessimism_about_the_partner(
    coder: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(e.source_country, e.target_country, e.code) for e in coder(text)}
    assert expected in found, found


def test_calling_something_a_name_is_no_phone_call(coder: Any) -> None:
    events = coder("Zakharova called the American sanctions illegal.")
    assert "041" not in {e.code for e in events}, coded(events)


# -- a gerund after a preposition acts for the clause's subject ----------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey responded by shelling Kurdish positions in Syria.", ("TUR", "SYR", "19")),
        ("Before meeting Putin, Erdogan spoke with Biden.", ("TUR", "RUS", "04")),
        ("The ceasefire allowed Syrian troops to focus on fighting ISIL.", ("SYR", "IMG", "19")),
    ],
)
def test_a_gerund_after_a_preposition_is_the_subjects_act(
    coder: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(e.source_country, e.target_country, e.root_code) for e in coder(text)}
    assert expected in found, found


def test_the_gerund_of_an_accusation_stays_the_accused_act(coder: Any) -> None:
    # "accused Y of shelling": only the accusation is coded, never the accuser shelling.
    events = coder("Russia accused Ukraine of shelling Donetsk.")
    assert {(e.source_country, e.target_country, e.root_code) for e in events} == {
        ("RUS", "UKR", "11")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian rebels, who are fighting Islamic State near al-Bab, received Turkish support.",
         ("SYR", "IMG", "19")),
        ("Iran, which supplies weapons to the Houthis, denied the report.", ("IRN", "YEM", "06")),
    ],
)
def test_a_relative_pronoun_subject_is_the_noun_it_refers_to(
    coder: Any, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(e.source_country, e.target_country, e.root_code) for e in coder(text)}
    assert expected in found, found


# -- a refusal of an act coded as that act's rejection is not coded twice ----------------------
def test_a_refusal_is_coded_once_by_the_refused_act(coder: Any) -> None:
    codes = {e.code for e in coder("Iran refused to release the British tanker.")}
    assert "1243" in codes or "124" in codes, codes
    assert "120" not in codes, codes


def test_a_refusal_of_a_meeting_keeps_the_rejection(coder: Any) -> None:
    roots = {e.root_code for e in coder("Turkey declined to meet the Dutch minister.")}
    assert "12" in roots, roots


# -- descriptors: a country linked to the target is not the target ------------------------------
def test_a_linked_descriptor_is_no_target(coder: Any) -> None:
    events = coder("Israeli jets struck Iranian-linked targets near Damascus.")
    pairs = {(e.source_country, e.target_country) for e in events}
    assert ("ISR", "SYR") in pairs and ("ISR", "IRN") not in pairs, coded(events)


def test_a_dispute_being_resolved_is_no_new_quarrel(coder: Any) -> None:
    events = coder("Chile and Bolivia agreed to keep working on resolving their maritime dispute.")
    assert "11" not in {e.root_code for e in events}, coded(events)


def test_a_comment_on_an_earlier_event_is_no_new_event(coder: Any) -> None:
    events = coder("Macron visited Algiers on Tuesday. The visit has been widely seen as a "
                   "chance for the two nations to mend ties.")
    assert [e.sentence_index for e in events if e.root_code == "04"] == [0], coded(events)


def test_a_definite_event_noun_still_borrows_its_sides(coder: Any) -> None:
    events = coder("Macron met Tebboune in Algiers on Tuesday. The talks focused on trade.")
    assert 1 in {e.sentence_index for e in events if e.root_code == "04"}, coded(events)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey's military said a Russian air strike killed three Turkish soldiers.",
        "Abdel Rahman said the raids were probably carried out by Russian fighter jets.",
    ],
)
def test_a_party_or_witness_reporting_an_attack_accuses_no_one(coder: Any, text: str) -> None:
    # Only investigative sources (inquiries, monitors, reports) turn a finding into 112.
    assert "11" not in {e.root_code for e in coder(text)}


def test_talks_only_offered_are_not_held(coder: Any) -> None:
    events = coder("Qatar offered to host talks between Sudan and South Sudan.")
    assert not [e for e in events if e.source_country in ("SDN", "SSD")
                and e.target_country in ("SDN", "SSD")]


def test_a_protest_with_its_target_in_the_purpose_clause_spares_the_host(coder: Any) -> None:
    events = coder("Thousands rallied in Dhaka on Friday to protest against Myanmar's treatment "
                   "of the Rohingya.")
    assert ("BGD", "BGD") not in {(e.source_country, e.target_country) for e in events}
