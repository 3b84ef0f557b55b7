"""The seed article's Azerbaijan–Russia picture (issue 4's acceptance): at least 16 distinct
AZE–RUS events (an event coded in both directions counts once) across at least 7 root codes,
the intentions and plans marked as such, and the April 2016 ceasefire coded with Moscow as the
mediator. Through the command line, on ../shared (the `shared_dir` fixture)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SEED = "seed/000_ec2a5f488c0add38.txt"


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-m", "dyadwatch", "code", str(shared_dir / SEED), "--format", "jsonl"],
        cwd=tmp_path_factory.mktemp("seed"), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def dyad(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if {e["source_country"], e["target_country"]} == {"AZE", "RUS"}]


def test_distinct_events_across_roots(seed_events: list[dict[str, Any]]) -> None:
    distinct = {(e["sentence_index"], e["code"], frozenset((e["source"], e["target"])))
                for e in dyad(seed_events)}
    roots = {code[:2] for _, code, _ in distinct}
    listing = sorted((i, c, tuple(sorted(p))) for i, c, p in distinct)
    assert len(distinct) >= 16, listing
    assert len(roots) >= 7, sorted(roots)


@pytest.mark.parametrize("words", [
    "will continue to develop", "will soon sign", "vowed to do utmost", "will visit Baku"])
def test_intentions_and_plans_are_marked(seed_events: list[dict[str, Any]], words: str) -> None:
    found = [e for e in dyad(seed_events) if words in e["sentence"]]
    assert found, f"no AZE–RUS event in the sentence with {words!r}"
    assert any(e["modality"] == "intended" and e["code"].startswith("03") for e in found), [
        (e["code"], e["modality"]) for e in found]


def test_the_april_2016_ceasefire_has_moscow_as_mediator(
    seed_events: list[dict[str, Any]]
) -> None:
    ceasefire = [e for e in seed_events if "ceasefire" in e["sentence"]]
    mediated = [e for e in ceasefire if e["role"] == "mediator"]
    assert mediated, [(e["source"], e["target"], e["code"]) for e in ceasefire]
    assert {e["source_country"] for e in mediated} == {"RUS"}
    assert all(e["code"].startswith("045") for e in mediated)
    assert "AZE" in {e["target_country"] for e in mediated}
