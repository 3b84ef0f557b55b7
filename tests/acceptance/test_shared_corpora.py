"""Acceptance on real text from ../shared (found through the `shared_dir` fixture): the seed
article and a slice of the Dai 2017 corpus, through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = "seed/000_ec2a5f488c0add38.txt"
DAI_SUBSET = "corpora/dai2017/NewsArticles_Dai2017_region_subset.csv"
DAI_COLUMNS = ("--id-column", "article_id", "--date-column", "publish_date",
               "--text-column", "text", "--url-column", "article_source_link")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyadwatch", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=1200)


def test_seed_article_yields_azerbaijan_russia_events_with_exact_evidence(
    shared_dir: Path, tmp_path: Path
) -> None:
    seed = shared_dir / SEED
    result = run("code", str(seed), "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    text = seed.read_text(encoding="utf-8")
    dyad = [e for e in events if {e["source_country"], e["target_country"]} == {"AZE", "RUS"}]
    assert len(dyad) >= 12, [(e["source"], e["target"], e["code"]) for e in events]
    assert len({e["root_code"] for e in dyad}) >= 5
    for event in events:
        assert text[event["char_start"] : event["char_end"]] == event["sentence"]
        assert event["date"] == "2017-01-13"
    zakharova = [e for e in events if "Zakharova" in e["source_text"]]
    assert zakharova and all(e["source"] == "RUSGOV" for e in zakharova)


def test_dai_slice_ingests_without_rejects_and_a_rerun_adds_nothing(
    shared_dir: Path, tmp_path: Path
) -> None:
    corpus = str(shared_dir / DAI_SUBSET)
    db = str(tmp_path / "dai.duckdb")
    first = run("ingest", corpus, *DAI_COLUMNS, "--limit", "40", "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "added: 40 articles," in first.stdout, first.stdout
    second = run("ingest", corpus, *DAI_COLUMNS, "--limit", "40", "--db", db, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "added: 0 articles, 0 events, 0 rejects" in second.stdout
    listed = run("events", "--db", db, "--dyad", "RUS", "USA", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.strip(), listed.stderr
