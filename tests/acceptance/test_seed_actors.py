"""The seed article's actors, as a reader of it codes them (through `dyadwatch actors`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED = "seed/000_ec2a5f488c0add38.txt"


@pytest.fixture(scope="module")
def mentions(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-m", "dyadwatch", "actors", str(shared_dir / SEED), "--format", "jsonl"],
        cwd=tmp_path_factory.mktemp("actors"), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def codes_for(mentions: list[dict[str, object]], text: str) -> set[str]:
    found = [m for m in mentions if text in str(m["text"])]
    assert found, f"no mention containing {text!r}"
    return {code for m in found for code in m["codes"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Zakharova", {"RUSGOV"}),
        ("Putin", {"RUSGOV"}),
        ("SOCAR", {"AZEBUS"}),
        ("Heydar Aliyev Foundation", {"AZENGO"}),
        ("Patriarch Kirill", {"RUSREL"}),
        ("Lomonosov Moscow State University", {"RUSEDU"}),
        ("Azerbaijan State Economic University", {"AZEEDU"}),
        ("Russian companies", {"RUSBUS"}),
    ],
)
def test_named_actors(mentions: list[dict[str, object]], text: str, expected: set[str]) -> None:
    exact = [m for m in mentions if m["text"] == text or str(m["text"]).startswith(text)]
    codes = {c for m in exact for c in m["codes"]} if exact else codes_for(mentions, text)  # type: ignore[attr-defined]
    assert codes == expected


def test_capitals_stand_for_their_countries(mentions: list[dict[str, object]]) -> None:
    baku = {c for m in mentions if m["text"] == "Baku" for c in m["codes"]}  # type: ignore[attr-defined]
    moscow = {c for m in mentions if m["text"] == "Moscow" for c in m["codes"]}  # type: ignore[attr-defined]
    assert baku <= {"AZE", "AZEGOV"} and baku
    assert moscow <= {"RUS", "RUSGOV"} and moscow


def test_minsk_group_is_an_international_organisation(mentions: list[dict[str, object]]) -> None:
    assert any(str(c).startswith("IGO") for c in codes_for(mentions, "Minsk Group"))


def test_the_two_countries_are_azerbaijan_and_russia(mentions: list[dict[str, object]]) -> None:
    collective = [m for m in mentions if m["rule"] == "collective"]
    assert collective
    assert all(sorted({c[:3] for c in m["codes"]}) == ["AZE", "RUS"] for m in collective)  # type: ignore[call-overload]
