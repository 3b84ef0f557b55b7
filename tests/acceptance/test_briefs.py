"""Issue 6's acceptance: briefs on the bundled sample corpus and on the Dai 2017 region subset,
rendered in headless Chromium (Debian's package, driven by Playwright).

- ARM–AZE: the April 2016 and autumn 2020 escalations are change points;
- AZE–RUS: the 10 November 2020 ceasefire statement, with Russia as mediator, is a key event;
- every verdict states a direction, a confidence and the period;
- Dai 2017 region subset: briefs for RUS–TUR and RUS–IRN and the ranking of Russia's partners.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.jobs import sample_corpus_path

DAI = "corpora/dai2017/NewsArticles_Dai2017_region_subset.csv"
DAI_COLUMNS = ["--id-column", "article_id", "--date-column", "publish_date", "--text-column",
               "text", "--title-column", "title", "--url-column", "article_source_link"]
VERDICT = re.compile(r"(rising|falling|stable|cannot be called)\b.* from .*?\d{4} to .*?\d{4}")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "dyadwatch", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    run("ingest", str(sample_corpus_path()), "--db", "sample.duckdb", cwd=folder)
    return folder / "sample.duckdb"


def _view(db: Path, a: str, b: str) -> Any:
    import dyadwatch

    return dyadwatch.dyad(a, b, db=db, n_boot=200)


def test_arm_aze_change_points_mark_april_2016_and_autumn_2020(sample_db: Path) -> None:
    view = _view(sample_db, "ARM", "AZE")
    escalations = [p.period for p in view.analysis.change_points if p.kind == "escalation"]
    months = {(p.year, p.month) for p in escalations}
    assert (2016, 4) in months, escalations
    assert months & {(2020, 9), (2020, 10), (2020, 11)}, escalations


def test_aze_rus_key_events_hold_the_10_november_2020_statement_with_russia_mediating(
    sample_db: Path,
) -> None:
    view = _view(sample_db, "AZE", "RUS")
    key = view.key_events
    statement = key[(key["date"].astype(str) == "2020-11-10")
                    & key["evidence"].str.contains("statement")]
    assert not statement.empty, key[["date", "code", "evidence"]].to_string()
    assert (statement["role"] == "mediator").any(), statement.to_string()
    assert set(statement.loc[statement["role"] == "mediator", "source"].str[:3]) == {"RUS"}


@pytest.mark.parametrize("pair", [("ARM", "AZE"), ("AZE", "RUS")])
def test_each_verdict_states_direction_confidence_and_period(sample_db: Path,
                                                             pair: tuple[str, str]) -> None:
    verdict = _view(sample_db, *pair).verdict
    assert VERDICT.search(verdict), verdict
    assert re.search(r"\d+% (confidence|interval)", verdict), verdict


def test_the_sample_briefs_render_in_chromium(sample_db: Path, tmp_path: Path,
                                              render_brief: Any) -> None:
    for a, b in (("AZE", "RUS"), ("ARM", "AZE")):
        out = tmp_path / f"brief-{a}-{b}.html"
        result = run("brief", a, b, "--db", str(sample_db), "--out", str(out),
                     "--bootstrap", "200", cwd=tmp_path)
        assert VERDICT.search(result.stdout), result.stdout
        _rendered_cleanly(render_brief(out))


def _rendered_cleanly(seen: dict[str, Any]) -> None:
    assert len(seen["charts"]) == 5, seen["charts"]
    assert all(box and box["width"] > 100 and box["height"] > 50 for box in seen["charts"])
    assert seen["errors"] == [] and seen["failed"] == [] and seen["foreign"] == []
    assert seen["screenshot"].stat().st_size > 10_000


@pytest.fixture(scope="module")
def dai_db(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dai")
    run("ingest", str(shared_dir / DAI), "--db", "dai.duckdb", *DAI_COLUMNS, cwd=folder)
    return folder / "dai.duckdb"


@pytest.mark.slow
@pytest.mark.parametrize("partner", ["TUR", "IRN"])
def test_dai_briefs_for_russia_render(dai_db: Path, tmp_path: Path, render_brief: Any,
                                      partner: str) -> None:
    out = tmp_path / f"brief-RUS-{partner}.html"
    result = run("brief", "RUS", partner, "--db", str(dai_db), "--out", str(out),
                 "--freq", "week", "--bootstrap", "200", cwd=tmp_path)
    assert VERDICT.search(result.stdout) or "cannot be called" in result.stdout, result.stdout
    _rendered_cleanly(render_brief(out))


@pytest.mark.slow
def test_dai_ranking_of_russias_partners(dai_db: Path, tmp_path: Path) -> None:
    result = run("partners", "RUS", "--db", str(dai_db), "--freq", "week", "--bootstrap", "200",
                 "--format", "jsonl", cwd=tmp_path)
    import json

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    partners = {r["partner"] for r in rows}
    assert {"TUR", "IRN", "USA", "SYR"} <= partners, sorted(partners)
    indices = [r["coop_index"] for r in rows]
    assert indices == sorted(indices, reverse=True)
