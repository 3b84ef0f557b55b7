"""Tone on the −100..+100 scale: direction, bounds, word-weighted combination, dyad grouping."""

from __future__ import annotations

import pytest

from dyadwatch.coding.tone import NEUTRAL, Tone, ToneModel, count_words, dyad_tones, load_tone_model

FRIENDLY = [
    "The presidents praised their warm friendship and celebrated a successful partnership.",
    "Kazakhstan thanked Uzbekistan for its generous help and welcomed the excellent agreement.",
    "Both leaders hailed the fruitful talks as a great success for peace.",
]
HOSTILE = [
    "Armenia accused Azerbaijan of a brutal attack that killed and wounded civilians.",
    "Russia condemned the hostile, illegal aggression and threatened harsh retaliation.",
    "The violent clashes left dozens dead and the border in terrible chaos.",
]
NEUTRAL_TEXT = "The delegation arrived in Tashkent on Tuesday morning."


@pytest.fixture(scope="module")
def model() -> ToneModel:
    return load_tone_model()


def test_model_is_shared() -> None:
    assert load_tone_model() is load_tone_model()


@pytest.mark.parametrize("text", FRIENDLY)
def test_friendly_sentences_are_positive(model: ToneModel, text: str) -> None:
    tone = model.sentence(text)
    assert tone.score > 10 and tone.positive > 0 and tone.negative == 0


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_sentences_are_negative(model: ToneModel, text: str) -> None:
    tone = model.sentence(text)
    assert tone.score < -10 and tone.negative > tone.positive


def test_neutral_sentence_scores_zero(model: ToneModel) -> None:
    tone = model.sentence(NEUTRAL_TEXT)
    assert tone == Tone(0.0, 0.0, 0.0, 8)


@pytest.mark.parametrize("text", [*FRIENDLY, *HOSTILE, NEUTRAL_TEXT,
                                  "Great great great wonderful excellent superb!!!",
                                  "Horrible evil terrible killing murder war!!!"])
def test_score_is_difference_within_bounds(model: ToneModel, text: str) -> None:
    tone = model.sentence(text)
    assert -100 <= tone.score <= 100
    assert 0 <= tone.positive <= 100 and 0 <= tone.negative <= 100
    assert tone.score == pytest.approx(tone.positive - tone.negative)


def test_extreme_sentences_approach_bounds(model: ToneModel) -> None:
    assert model.sentence("Wonderful excellent superb!").score > 90
    assert model.sentence("Horrible evil murder!").score < -90


def test_negation_flips_direction(model: ToneModel) -> None:
    assert model.sentence("The talks were not a success.").score < 0
    assert model.sentence("The talks were a success.").score > 0


def test_empty_and_wordless_text_is_neutral(model: ToneModel) -> None:
    assert model.sentence("") == NEUTRAL
    assert model.sentence("  2017 -- 12.5%  ") == NEUTRAL


def test_word_count() -> None:
    assert count_words("The U.S. and Nagorno-Karabakh don't agree, 12 times.") == 7
    assert count_words("") == 0


def test_combine_is_word_weighted() -> None:
    short = Tone(50.0, 50.0, 0.0, 2)
    long = Tone(-10.0, 0.0, 10.0, 8)
    combined = ToneModel.combine([short, long])
    assert combined.words == 10
    assert combined.positive == pytest.approx(10.0)
    assert combined.negative == pytest.approx(8.0)
    assert combined.score == pytest.approx(2.0)  # the plain mean would be 20


def test_combine_edge_cases() -> None:
    only = Tone(12.5, 20.0, 7.5, 16)
    assert ToneModel.combine([only]) == only
    assert ToneModel.combine([]) == NEUTRAL
    assert ToneModel.combine([NEUTRAL, NEUTRAL]) == NEUTRAL
    assert ToneModel.combine([NEUTRAL, only]) == only  # a wordless sentence weighs nothing


def test_article_tone_lies_between_its_sentences(model: ToneModel) -> None:
    sentences = [FRIENDLY[0], HOSTILE[0], NEUTRAL_TEXT]
    tones = [model.sentence(s) for s in sentences]
    article = model.text(sentences)
    assert article == model.combine(tones)
    assert min(t.score for t in tones) < article.score < max(t.score for t in tones)
    assert article.words == sum(t.words for t in tones)


def test_dyad_tones_group_unordered_pairs(model: ToneModel) -> None:
    items = [
        (FRIENDLY[1], {"KAZ", "UZB"}),
        (HOSTILE[0], ["AZE", "ARM"]),
        (HOSTILE[2], ("ARM", "AZE")),
        (FRIENDLY[2], {"UZB", "KAZ"}),
        (NEUTRAL_TEXT, {"UZB"}),  # one country: no dyad
    ]
    tones = dyad_tones(items, model)
    assert list(tones) == [("ARM", "AZE"), ("KAZ", "UZB")]
    assert tones[("KAZ", "UZB")] == model.combine([model.sentence(FRIENDLY[1]),
                                                   model.sentence(FRIENDLY[2])])
    assert tones[("ARM", "AZE")].score < 0 < tones[("KAZ", "UZB")].score
    assert tones[("ARM", "AZE")].words == count_words(HOSTILE[0]) + count_words(HOSTILE[2])


def test_sentence_with_three_countries_counts_for_each_pair(model: ToneModel) -> None:
    tones = dyad_tones([(HOSTILE[1], ["RUS", "UKR", "GEO", "RUS", ""])], model)
    assert list(tones) == [("GEO", "RUS"), ("GEO", "UKR"), ("RUS", "UKR")]
    assert len(set(tones.values())) == 1


def test_dyad_tones_empty(model: ToneModel) -> None:
    assert dyad_tones([], model) == {}
    assert dyad_tones([(FRIENDLY[0], {"TUR"})], model) == {}
