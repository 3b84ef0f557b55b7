"""Evaluation against gold material: how well the coder finds actors (later: events).

The scorers are pure functions over a callable that codes one text, so they are tested without
spaCy; `code_texts` builds that callable from the real pipeline for scripts and acceptance tests."""

from dyadwatch.evaluation.actors import (
    CodedTexts,
    CodeRecall,
    ExpectedRecord,
    GoldSpan,
    SpanCoverage,
    SpanSentence,
    code_texts,
    parse_expected_records,
    parse_span_sentences,
    read_expected_records,
    read_span_sentences,
    score_codes,
    score_spans,
)

__all__ = [
    "CodeRecall",
    "CodedTexts",
    "ExpectedRecord",
    "GoldSpan",
    "SpanCoverage",
    "SpanSentence",
    "code_texts",
    "parse_expected_records",
    "parse_span_sentences",
    "read_expected_records",
    "read_span_sentences",
    "score_codes",
    "score_spans",
]
