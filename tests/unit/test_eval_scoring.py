"""Scoring convention of ../shared/README.md, on records built here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.evaluation.gold import (
    FIVE_CLASS,
    SENTENCES,
    VALIDATION,
    GoldEvent,
    GoldRecord,
    actor_code,
    read_gold,
)
from dyadwatch.evaluation.scoring import (
    ACTOR_CODE,
    PAIR_CODE,
    PAIR_ROOT,
    Produced,
    five_class,
    score,
    score_record,
)
from dyadwatch.model import Actor


def made(source: str, target: str, code: str) -> Produced:
    def actor(c: str) -> Actor:
        return Actor(c[:3], c[3:]) if not c.startswith("IGO") else Actor(c)

    return Produced(actor(source), actor(target), code)


def record(*events: GoldEvent) -> GoldRecord:
    return GoldRecord("r1", "text", None, events)


def test_root_of_an_alternative_code_counts() -> None:
    gold = record(GoldEvent("RUS", "TUR", "072", ("062", "051")))
    outcome = score_record(PAIR_ROOT, gold, [made("RUS", "TUR", "051")])
    assert outcome.found and not outcome.false


def test_direction_counts_except_for_symmetric_codes() -> None:
    attack = record(GoldEvent("RUS", "UKR", "190"))
    assert not score_record(PAIR_ROOT, attack, [made("UKR", "RUS", "190")]).found
    meeting = record(GoldEvent("RUS", "UKR", "040"))
    assert score_record(PAIR_ROOT, meeting, [made("UKR", "RUS", "043")]).found
    signing = record(GoldEvent("RUS", "UKR", "057"))
    assert score_record(PAIR_ROOT, signing, [made("UKR", "RUS", "057")]).found
    appeal = record(GoldEvent("RUS", "UKR", "051"))
    assert not score_record(PAIR_ROOT, appeal, [made("UKR", "RUS", "051")]).found


def test_repeats_count_once_on_both_sides() -> None:
    gold = record(GoldEvent("RUS", "TUR", "042"), GoldEvent("RUSGOV", "TUR", "043"))
    produced = [made("RUSGOV", "TUR", "042"), made("RUS", "TURGOV", "040")]
    result = score(PAIR_ROOT, [gold], {"r1": produced})
    assert (result.overall.expected, result.overall.found) == (1, 1)
    assert (result.overall.produced, result.overall.correct) == (1, 1)


def test_context_events_are_optional() -> None:
    gold = record(GoldEvent("RUS", "TUR", "111", context=True), GoldEvent("TUR", "SYR", "190"))
    missed_optional = score(PAIR_ROOT, [gold], {"r1": [made("TUR", "SYR", "190")]})
    assert (missed_optional.overall.expected, missed_optional.overall.found) == (1, 1)
    found_optional = score(PAIR_ROOT, [gold], {"r1": [made("TUR", "SYR", "190"),
                                                       made("RUS", "TUR", "112")]})
    assert (found_optional.overall.expected, found_optional.overall.found) == (2, 2)


def test_levels_differ_on_code_and_sector() -> None:
    gold = record(GoldEvent("RUSGOV", "TURGOV", "042"))
    produced = {"r1": [made("RUSMIL", "TURGOV", "043")]}
    assert score(PAIR_ROOT, [gold], produced).overall.f1 == 1.0
    assert score(PAIR_CODE, [gold], produced).overall.f1 == 0.0
    assert score(ACTOR_CODE, [gold], produced).overall.f1 == 0.0


def test_false_alarm_lowers_precision_per_root() -> None:
    gold = record(GoldEvent("RUS", "TUR", "042"))
    result = score(PAIR_ROOT, [gold], {"r1": [made("RUS", "TUR", "042"),
                                             made("RUS", "SYR", "190")]})
    assert result.overall.precision == 0.5 and result.overall.recall == 1.0
    assert result.by_root["19"].produced == 1 and result.by_root["19"].correct == 0


def test_igo_names_and_militant_groups_are_read_as_codes() -> None:
    assert actor_code("IGO:EU") == "IGOEEC"
    assert actor_code("igo:un") == "IGOUNO"
    assert actor_code("IMG:ISIL") == "IMG"
    # Names the project's IGO table knows take its code; unknown ones stay as written.
    assert actor_code("IGO:EAEU") == "IGOEAE"
    assert actor_code("IGO:Eurasian Economic Union") == "IGOEAE"
    assert actor_code("IGO:NOSUCHBODY") == "IGO:NOSUCHBODY"
    gold = record(GoldEvent(actor_code("IGO:EU"), "RUS", "163"))
    assert score_record(PAIR_ROOT, gold, [made("IGOEEC", "RUS", "163")]).found


@pytest.mark.parametrize(("code", "cls"), [
    ("010", 0), ("023", 0), ("036", 1), ("057", 1), ("061", 2), ("081", 2), ("090", 3),
    ("112", 3), ("138", 3), ("141", 4), ("150", 4), ("161", 3), ("173", 4), ("190", 4),
    ("202", 4)])
def test_five_class_of_codes(code: str, cls: int) -> None:
    assert five_class(code) == cls


def test_read_gold_tells_the_formats_apart(tmp_path: Path) -> None:
    sentences = tmp_path / "gold.jsonl"
    sentences.write_text(json.dumps({
        "id": "A-1-1", "article_id": "1", "date": "2017-02-16", "text": "Russia hit Syria.",
        "events": [{"source": "RUS", "target": "SYR", "code": "190", "alt_codes": [],
                    "modality": "factual", "context": False}]}) + "\n")
    gold = read_gold(sentences)
    assert gold.kind == SENTENCES and gold.records[0].events[0].code == "190"
    validation = tmp_path / "validation.jsonl"
    validation.write_text("\n".join(json.dumps({
        "set": s, "id": s, "date": "20080804", "text": "t",
        "expected": [{"source": "USA", "target": "CHN", "code": "042"}]})
        for s in ("unit", "petr2_gsr")) + "\n")
    gold = read_gold(validation)
    assert gold.kind == VALIDATION and [r.id for r in gold.records] == ["petr2_gsr"]
    assert str(gold.records[0].published) == "2008-08-04"
    with pytest.raises(InputError, match=r"no records of set 'other'.*petr2_gsr, unit"):
        read_gold(validation, set_name="other")
    classes = tmp_path / "classes.tsv"
    classes.write_text('He said "no".\t0\nTroops attacked.\t4\n')
    gold = read_gold(classes)
    assert gold.kind == FIVE_CLASS and [r.label for r in gold.records] == [0, 4]


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": []}\n{oops\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        read_gold(bad)
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("a sentence\t7\n")
    with pytest.raises(InputError, match=r"bad.tsv:1: expected sentence<TAB>class"):
        read_gold(tsv)
    with pytest.raises(InputError, match="does not exist"):
        read_gold(tmp_path / "missing.jsonl")


def test_an_unnamed_side_matches_a_gold_actor_without_a_country() -> None:
    gold = record(GoldEvent("---REB", "SYR", "190"))
    unnamed = Produced(Actor("", "REB"), Actor("SYR"), "190")
    assert score_record(PAIR_ROOT, gold, [unnamed]).found
    assert score_record(ACTOR_CODE, gold, [unnamed]).found
    assert not score_record(PAIR_ROOT, gold, [made("SYRREB", "SYR", "190")]).found
    # An unnamed side is no match for a gold actor with a country.
    named = record(GoldEvent("IRQREB", "SYR", "190"))
    assert not score_record(PAIR_ROOT, named, [unnamed]).found
