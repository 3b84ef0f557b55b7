"""Golden cases: one test per line of events.jsonl. Each line lists events that must be coded
(source and target actor codes — a bare country code matches any sector — and the root code,
optionally the modality). `expect: []` means the sentence must yield no event naming both
sides. Events with one side the text leaves without a country are tested in
tests/unit/test_one_sided.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CASES_FILE = Path(__file__).with_name("events.jsonl")
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line]


def _actor_matches(wanted: str, country: str, code: str) -> bool:
    return code == wanted if len(wanted) > 3 and not wanted.startswith("IGO") else (
        country == wanted or code == wanted
    )


def _found(expected: dict[str, Any], events: list[Any]) -> bool:
    return any(
        _actor_matches(expected["source"], e.source_country, e.source)
        and _actor_matches(expected["target"], e.target_country, e.target)
        and e.root_code == expected["root"]
        and expected.get("modality", e.modality) == e.modality
        for e in events
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_case(case: dict[str, Any], coder: Any) -> None:
    events = [e for e in coder(case["text"], date.fromisoformat(case["date"])) if not e.one_sided]
    coded = [f"{e.source}->{e.target} {e.code} {e.modality} ({e.rule})" for e in events]
    if not case["expect"]:
        assert events == [], f"expected no event, got {coded}"
    for expected in case["expect"]:
        assert _found(expected, events), f"missing {expected}; coded: {coded}"
    for event in events:
        assert case["text"][event.char_start : event.char_end] == event.sentence
