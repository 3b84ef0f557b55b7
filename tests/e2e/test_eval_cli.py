"""`dyadwatch eval` as a user runs it: a real process on small gold files written here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch", *args], cwd=cwd, capture_output=True, text=True,
        timeout=600, env={**os.environ, "COLUMNS": "120"},
    )


SENTENCE_GOLD = [
    {"id": "s1", "article_id": "a1", "date": "2019-02-03",
     "text": "Kenya criticised Uganda over the border closure.",
     "events": [{"source": "KEN", "target": "UGA", "code": "111"}]},
    {"id": "s2", "article_id": "a1", "date": "2019-02-03",
     "text": "Tanzania met Rwanda in Arusha.",
     "events": [{"source": "TZA", "target": "RWA", "code": "040"},
                {"source": "TZA", "target": "BDI", "code": "190"}]},
]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "gold.jsonl", SENTENCE_GOLD)


def test_eval_prints_the_three_levels(gold: Path, tmp_path: Path) -> None:
    result = run("eval", gold.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "gold.jsonl: 2 sentences, 3 gold events" in result.stdout
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines()
            if line.count("│") > 2}
    for level in ("pair-root", "pair-code", "actor-code"):
        assert level in rows, result.stdout
        assert "2/3" in rows[level] and "2/2" in rows[level]  # found/expected, correct/produced
    for root in ("04", "11", "19"):
        assert root in rows


def test_eval_json_has_every_level_with_its_counts(gold: Path, tmp_path: Path) -> None:
    result = run("eval", gold.name, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["kind"] == "sentences" and record["records"] == 2
    assert set(record["levels"]) == {"pair-root", "pair-code", "actor-code"}
    overall = record["levels"]["pair-root"]["overall"]
    assert {k: overall[k] for k in ("expected", "found", "produced", "correct")} == {
        "expected": 3, "found": 2, "produced": 2, "correct": 2}
    assert set(overall) >= {"precision", "recall", "f1"}
    assert record["levels"]["pair-root"]["by_root"]["19"]["found"] == 0


def test_eval_errors_lists_the_miss(gold: Path, tmp_path: Path) -> None:
    result = run("eval", gold.name, "--errors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "s2 Tanzania met Rwanda in Arusha." in result.stdout
    assert "miss  TZA → BDI 190" in result.stdout
    assert "miss  KEN" not in result.stdout


def test_eval_five_class_tsv(tmp_path: Path) -> None:
    tsv = tmp_path / "classes.tsv"
    tsv.write_text("Kenya criticised Uganda over the border closure.\t3\n"
                   "Tanzania met Rwanda in Arusha.\t1\nPrices rose in March.\t0\n",
                   encoding="utf-8")
    result = run("eval", tsv.name, "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["kind"], record["sentences"], record["coded"]) == ("five-class", 3, 2)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("broken.jsonl", json.dumps(SENTENCE_GOLD[0]) + "\n{not json\n", 2),
        ("fields.jsonl", json.dumps(SENTENCE_GOLD[0]) + "\n\n" + json.dumps({"id": "s9"}) + "\n",
         3),
        ("broken.tsv", "Kenya criticised Uganda.\t3\nno class here\n", 2),
    ],
)
def test_a_malformed_gold_file_exits_1_naming_file_and_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("eval", name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {name}:{line}: "), result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_validation_set_names_the_sets(tmp_path: Path) -> None:
    validation = write_jsonl(tmp_path / "validation.jsonl", [
        {"set": "petr2_gsr", "id": "v1", "date": "20190203", "text": "Kenya criticised Uganda.",
         "expected": [{"source": "KEN", "target": "UGA", "code": "111"}]},
        {"set": "handmade", "id": "v2", "date": "20190203", "text": "Chile met Peru.",
         "expected": [{"source": "CHL", "target": "PER", "code": "040"}]},
    ])
    result = run("eval", validation.name, "--set", "nosuch", cwd=tmp_path)
    assert result.returncode == 1
    assert "no records of set 'nosuch'" in result.stderr
    assert "choose one of: handmade, petr2_gsr" in result.stderr
    chosen = run("eval", validation.name, "--set", "handmade", "-f", "json", cwd=tmp_path)
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["records"] == 1


def test_eval_errors_prints_gold_text_verbatim(tmp_path: Path) -> None:
    text = "Tanzania met Rwanda in Arusha [sic] near the [closure] [/sic]."
    path = write_jsonl(tmp_path / "brackets.jsonl", [
        {"id": "b1", "date": "2019-02-03", "text": text,
         "events": [{"source": "TZA", "target": "BDI", "code": "190"}]}])
    result = run("eval", path.name, "--errors", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-500:]
    assert text in result.stdout
