"""Actor evaluation arithmetic on hand-built gold snippets and a fake coder (no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.errors import InputError
from dyadwatch.evaluation.actors import (
    GoldSpan,
    code_matches,
    country_key,
    country_matches,
    full_key,
    join_tokens,
    parse_expected_records,
    parse_span_sentences,
    read_span_sentences,
    score_codes,
    score_spans,
)
from dyadwatch.model import Actor, Mention

CONLL = """\
Russian B-S
troops I-S
entered O
Ukraine B-T
. O

A B-S
car I-S
bomb I-S
killed O
Putin B-T
's I-T
guard I-T
in O
Kiev O
. O

The B-S
US B-T
President I-S
spoke O
. O


Armenia B-R
and I-R
Azerbaijan I-R
agreed O
. O
"""

SENTENCES = (
    "Russian troops entered Ukraine.",
    "A car bomb killed Putin's guard in Kiev.",
    "The US President spoke.",
    "Armenia and Azerbaijan agreed.",
)


def mention(text: str, words: str, *actors: Actor) -> Mention:
    start = text.index(words)
    return Mention(start, start + len(words), words, actors, "fake")


FAKE_MENTIONS = {
    SENTENCES[0]: [mention(SENTENCES[0], "Russian troops", Actor("RUS", "MIL")),
                   mention(SENTENCES[0], "Ukraine", Actor("UKR"))],
    # An overlapping mention without a country does not cover "A car bomb".
    SENTENCES[1]: [mention(SENTENCES[1], "A car bomb", Actor("", "MIL")),
                   mention(SENTENCES[1], "Putin", Actor("RUS", "GOV")),
                   mention(SENTENCES[1], "Kiev", Actor("UKR"))],
    # One mention overlapping two gold spans covers both.
    SENTENCES[2]: [mention(SENTENCES[2], "US President", Actor("USA", "GOV"))],
    SENTENCES[3]: [mention(SENTENCES[3], "Armenia", Actor("ARM")),
                   mention(SENTENCES[3], "Azerbaijan", Actor("AZE"))],
}


def fake_mentions_of(text: str, published: date | None) -> Sequence[Mention]:
    assert published is None  # the span gold has no dates
    return FAKE_MENTIONS[text]


def fake_names_of(text: str, published: date | None) -> Sequence[tuple[int, int]]:
    if text == SENTENCES[1]:
        return [(text.index("Putin"), text.index("Putin") + 5), (text.index("Kiev"), len(text) - 1)]
    return []


# -- detokenising and reading the span gold ------------------------------------------------------
@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["In", "September", ",", "a", "car", "bomb", "."], "In September, a car bomb."),
        (["Baghdad", "’", "s", "forces"], "Baghdad’s forces"),
        (["a", "Syria", "-", "related", "topic"], "a Syria-related topic"),
        (["the", "U.N.", "-", "backed", "government"], "the U.N.-backed government"),
        (["Force", "(", "NAF", ")", "says"], "Force (NAF) says"),
        (["to", "20", ",", "000", "refugees", ",", "64", ".", "5", "%"],
         "to 20,000 refugees, 64.5%"),
        (["calling", "it", "“", "dangerous", "”", "and", "$", "80", "million"],
         "calling it “dangerous” and $80 million"),
        (["Turkey", "'s", "reform", "—", "and", "Kurds", "'", "role"],
         "Turkey's reform — and Kurds' role"),
    ],
)
def test_join_tokens_writes_running_text_with_token_offsets(
    tokens: list[str], text: str
) -> None:
    joined, offsets = join_tokens(tokens)
    assert joined == text
    assert [joined[s:e] for s, e in offsets] == tokens


def test_span_reader_rebuilds_sentences_and_spans_by_role() -> None:
    sentences = parse_span_sentences(CONLL.splitlines(keepends=True))
    assert [s.text for s in sentences] == list(SENTENCES)
    assert [s.number for s in sentences] == [1, 2, 3, 4]
    assert [s.line for s in sentences] == [1, 7, 18, 25]  # two blank lines before the fourth
    assert sentences[0].spans == (GoldSpan("S", 0, 14, "Russian troops"),
                                  GoldSpan("T", 23, 30, "Ukraine"))
    assert [(g.role, g.text) for g in sentences[1].spans] == [
        ("S", "A car bomb"), ("T", "Putin's guard")]
    # An I- tag after a span of another role starts a span of its own (the CoNLL rule).
    assert [(g.role, g.text) for g in sentences[2].spans] == [
        ("S", "The"), ("T", "US"), ("S", "President")]
    assert [(g.role, g.text) for g in sentences[3].spans] == [("R", "Armenia and Azerbaijan")]


def test_span_reader_names_file_and_line_of_a_bad_tag(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("Russia B-S\nattacked B-V\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.txt:2: expected 'TOKEN TAG' .* got 'attacked B-V'"):
        read_span_sentences(path)


# -- span coverage ----------------------------------------------------------------------------
def test_span_coverage_counts_spans_roles_and_unmatched_mentions() -> None:
    sentences = parse_span_sentences(CONLL.splitlines())
    result = score_spans(sentences, fake_mentions_of, {"table name": fake_names_of})
    assert (result.sentences, result.spans, result.covered) == (4, 8, 6)
    assert result.coverage == 0.75
    assert [(r.role, r.spans, r.covered) for r in result.roles] == [
        ("S", 4, 2), ("T", 3, 3), ("R", 1, 1)]
    assert (result.mentions, result.unmatched) == (8, 1)  # only "Kiev" lies outside the gold
    assert result.unmatched_share == 0.125
    assert [m.text for _, m in result.extras] == ["Kiev"]
    assert [(m.span.text, m.sentence.number) for m in result.misses] == [
        ("A car bomb", 2), ("The", 3)]
    # Only "Putin's guard" holds a table name.
    assert result.lacking == (("table name", 7),)
    assert [m.words for m in result.misses] == [(), ()]


def test_span_coverage_without_mentions_covers_nothing() -> None:
    sentences = parse_span_sentences(CONLL.splitlines())
    result = score_spans(sentences, lambda text, published: [])
    assert (result.covered, result.mentions, result.unmatched) == (0, 0, 0)
    assert result.coverage == 0.0 and result.unmatched_share == 0.0
    assert len(result.misses) == 8 and result.lacking == ()


# -- reading and scoring actor codes --------------------------------------------------------
def _record(id_: str, text: str, expected: list[tuple[str, str]], *, set_name: str = "petr2_gsr",
            day: str = "20150609") -> str:
    events = [{"source": s, "target": t, "code": "010"} for s, t in expected]
    return json.dumps({"id": id_, "set": set_name, "date": day, "text": text,
                       "expected": events})


JSONL = [
    _record("A", "Russian troops entered Ukraine.", [("RUSMIL", "UKR"), ("RUS", "UKRGOV")]),
    _record("U", "Arnor thanked Gondor.", [("ARN", "GON")], set_name="petr_unittest"),
    _record("E", "Nothing happened.", []),
    _record("B", "The EU and UN troops in Gaza.",
            [("---GOV", "IGOEUREEC"), ("PSEGZACVL", "IGOUNOMIL"), ("PSECVL", "IGOEUREEC")],
            day="121108"),
]

FAKE_CODES = {
    ("Russian troops entered Ukraine.", date(2015, 6, 9)): [Actor("RUS", "MIL"), Actor("UKR")],
    ("The EU and UN troops in Gaza.", None): [Actor("IGOEEC"), Actor("PSE", "CVL"),
                                              Actor("IGOUNO")],
}


def fake_code_mentions(text: str, published: date | None) -> Sequence[Mention]:
    actors = FAKE_CODES[(text, published)]
    return [Mention(i, i + 1, text[i], (actor,), "fake") for i, actor in enumerate(actors)]


def test_record_reader_keeps_one_set_distinct_codes_and_strict_dates() -> None:
    records = parse_expected_records(["", *JSONL])
    assert [r.id for r in records] == ["A", "E", "B"]
    assert records[0].codes == ("RUSMIL", "UKR", "RUS", "UKRGOV")
    assert records[0].published == date(2015, 6, 9)
    assert records[1].codes == ()
    assert records[2].codes == ("---GOV", "IGOEUREEC", "PSEGZACVL", "IGOUNOMIL", "PSECVL")
    assert records[2].published is None  # '121108' is no YYYYMMDD date


def test_record_reader_names_the_line_of_a_broken_record() -> None:
    with pytest.raises(InputError, match=r"v.jsonl:2: expected a record with id, text"):
        parse_expected_records([JSONL[0], '{"set": "petr2_gsr", "id": "X"}'], source="v.jsonl")


def test_code_recall_counts_each_code_once_per_record_and_level() -> None:
    result = score_codes(parse_expected_records(JSONL), fake_code_mentions)
    assert (result.records, result.skipped, result.mentions) == (2, 1, 5)
    assert result.no_country == ("---GOV",)
    # Country level: RUS, UKR | IGOEUREEC, PSE (once for PSEGZACVL and PSECVL), IGOUNO.
    assert (result.country.expected, result.country.found) == (5, 5)
    assert result.country.share == 1.0
    # Full level: RUSMIL, UKR, RUS, UKRGOV | IGOEUREEC, PSECVL, IGOUNOMIL.
    assert (result.code.expected, result.code.found) == (7, 4)
    assert result.code.share == pytest.approx(4 / 7)
    assert [(m.record.id, m.level, m.expected) for m in result.misses] == [
        ("A", "code", "RUS"), ("A", "code", "UKRGOV"), ("B", "code", "IGOUNOMIL")]
    assert result.misses[0].produced == ("RUSMIL", "UKR")


@pytest.mark.parametrize(
    ("code", "country", "full"),
    [
        ("RUSGOV", "RUS", "RUSGOV"),
        ("USA", "USA", "USA"),
        ("IRQGOVMIL", "IRQ", "IRQGOV"),
        ("PSEREBHMSGOV", "PSE", "PSEREB"),
        ("PSEGZA", "PSE", "PSE"),
        ("BRAPPL", "BRA", "BRA"),
        ("SOMUAF", "SOM", "SOMUAF"),
        ("IGOUNOMIL", "IGOUNO", "IGOUNOMIL"),
        ("IGOCOPITP", "IGOITP", "IGOITPCOP"),
        ("IGOEUREEC", "IGOEUREEC", "IGOEUREEC"),
        ("---", None, None),
        ("---LEG", None, None),
    ],
)
def test_expected_code_keys(code: str, country: str | None, full: str | None) -> None:
    assert (country_key(code), full_key(code)) == (country, full)


@pytest.mark.parametrize(
    ("expected", "actor", "country", "code"),
    [
        ("RUSGOV", Actor("RUS", "GOV"), True, True),
        ("RUSGOV", Actor("RUS"), True, False),
        ("USA", Actor("USA", "GOV"), True, False),
        ("IGOEUREEC", Actor("IGOEEC"), True, True),
        ("IGOCOPITP", Actor("IGOITP"), True, False),
        ("IGOUNOIAE", Actor("IGOUNO"), True, True),
        ("IGOUNO", Actor("IGOUNOIAE"), False, False),
        ("IMGMUSISI", Actor("IMG"), True, True),
        ("IGOUNO", Actor("IGOEEC"), False, False),
        ("RUS", Actor("IGOUNO"), False, False),
        # '---': the text names no country; an actor the coder left without one matches.
        ("---GOV", Actor("", "GOV"), True, True),
        ("---", Actor("", "REB"), True, False),
        ("---GOV", Actor("RUS", "GOV"), False, False),
        ("RUS", Actor("", "GOV"), False, False),
    ],
)
def test_produced_actor_matching(expected: str, actor: Actor, country: bool, code: bool) -> None:
    assert (country_matches(expected, actor), code_matches(expected, actor)) == (country, code)
