"""Tone of sentences, articles and dyads, on GDELT's −100..+100 AvgTone scale.

GDELT's tone is the percentage of words that are positive minus the percentage that are
negative. We score with VADER (its lexicon ships in the vaderSentiment package; nothing is
downloaded) and keep that definition:

    positive = 100 × pos,   negative = 100 × neg,   score = positive − negative

where `pos` and `neg` are VADER's proportions: the share of the sentence's sentiment-weighted
word mass that is positive or negative (each neutral word weighs 1, each sentiment word 1 plus
its valence, after VADER's rules for negation, boosters and "but"). So the score lies in
−100..+100, is 0 for a neutral sentence, and like GDELT's it is diluted by neutral words.
VADER's `compound` was not chosen: it saturates near ±1 for any long or emphatic text, so
article means would pile up at the ends of the scale and no longer compare with GDELT's.

An article's (or dyad's) tone is the word-weighted mean of its sentences' tones, so a long
sentence counts as much as its words — what GDELT gets by scoring the article's words at once.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# A word starts with a letter ("U.S.", "don't" and "Nagorno-Karabakh" are each one word);
# numbers and punctuation are not words, as in GDELT's word count.
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Tone:
    """score = positive − negative, each a percentage (see the module docstring); `words` is
    the number of words scored, the weight when tones are combined."""

    score: float
    positive: float
    negative: float
    words: int


NEUTRAL = Tone(0.0, 0.0, 0.0, 0)


def count_words(text: str) -> int:
    return len(WORD.findall(text))


class ToneModel:
    """VADER with its lexicon loaded once; make one per process (or use `load_tone_model`)."""

    def __init__(self) -> None:
        self._analyzer: Any = SentimentIntensityAnalyzer()

    def sentence(self, text: str) -> Tone:
        """Tone of one sentence; a text with no words is neutral with weight 0."""
        words = count_words(text)
        if words == 0:
            return NEUTRAL
        scores = self._analyzer.polarity_scores(text)
        positive, negative = 100.0 * scores["pos"], 100.0 * scores["neg"]
        return Tone(positive - negative, positive, negative, words)

    def text(self, sentences: Sequence[str]) -> Tone:
        """Tone of an article given as its sentences."""
        return self.combine([self.sentence(s) for s in sentences])

    @staticmethod
    def combine(tones: Sequence[Tone]) -> Tone:
        """Word-weighted mean of tones (an article's tone from its sentences'); neutral with
        weight 0 when there are no words at all."""
        words = sum(t.words for t in tones)
        if words == 0:
            return NEUTRAL
        positive = sum(t.positive * t.words for t in tones) / words
        negative = sum(t.negative * t.words for t in tones) / words
        return Tone(positive - negative, positive, negative, words)


@lru_cache(maxsize=1)
def load_tone_model() -> ToneModel:
    """One shared model per process (VADER's lexicon is read once)."""
    return ToneModel()


def dyad_tones(sentences: Sequence[tuple[str, Collection[str]]],
               model: ToneModel) -> dict[tuple[str, str], Tone]:
    """Tone per unordered country pair (a sorted tuple) over the sentences that mention both.

    Each item is (sentence text, countries mentioned in it); a sentence naming three countries
    counts for each of its three pairs. Pairs come in sorted order."""
    grouped: dict[tuple[str, str], list[Tone]] = {}
    for text, countries in sentences:
        named = sorted({c for c in countries if c})
        if len(named) < 2:
            continue
        tone = model.sentence(text)
        for pair in combinations(named, 2):
            grouped.setdefault((pair[0], pair[1]), []).append(tone)
    return {pair: model.combine(grouped[pair]) for pair in sorted(grouped)}
