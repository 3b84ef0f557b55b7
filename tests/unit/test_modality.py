"""Modality from auxiliaries, negation and governing verbs, on hand-written sentences."""

from __future__ import annotations

from typing import Any

import pytest


def modalities(coder: Any, text: str, code_root: str) -> set[str]:
    return {e.modality for e in coder(text) if e.root_code == code_root}


@pytest.mark.parametrize(
    ("text", "root", "expected"),
    [
        ("Norway signed a trade agreement with Chile.", "05", {"factual"}),
        ("Norway did not sign a trade agreement with Chile.", "12", {"negated"}),  # a rejection
        ("Norway refused to sign a trade agreement with Chile.", "12", {"negated"}),  # a rejection
        ("Norway failed to reach an agreement with Chile.", "12", {"negated"}),  # a rejection
        ("Norway will sign a trade agreement with Chile.", "03", {"intended"}),
        ("Norway plans to sign a trade agreement with Chile.", "03", {"intended"}),
        ("Norway could sign a trade agreement with Chile.", "05", {"hypothetical"}),
        ("Norway sent no troops to Mali.", "15", {"negated"}),  # "no" on the object
        ("Norway presented no evidence against Chile.", "11", {"negated"}),
        ("Peru did not attend, and Norway signed a trade agreement with Chile.", "05",
         {"factual"}),
    ],
)
def test_modality(coder: Any, text: str, root: str, expected: set[str]) -> None:
    assert modalities(coder, text, root) == expected
