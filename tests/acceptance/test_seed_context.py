"""The seed article's context (issue 5's acceptance): spheres with evidence, the agreements
register, event dates and places. Through `dyadwatch ingest` into a real DuckDB file, on
../shared (the `shared_dir` fixture)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

SEED = "seed/000_ec2a5f488c0add38.txt"
SEED_SPHERES = ("political", "military", "conflict", "economic", "transport", "energy",
                "tourism", "culture", "education", "religion", "migration")


@pytest.fixture(scope="module")
def seed_db(shared_dir: Path,
            tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "dyadwatch", "ingest", str(shared_dir / SEED), "--db", str(db)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return duckdb.connect(str(db), read_only=True)


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def test_at_least_ten_of_the_eleven_spheres_with_evidence(seed_db: duckdb.DuckDBPyConnection
                                                          ) -> None:
    (article,) = rows(seed_db, "SELECT spheres FROM articles")
    events = rows(seed_db, "SELECT spheres, sphere_evidence FROM events")
    found = set(article["spheres"].split(","))
    evidence = ";".join(e["sphere_evidence"] for e in events)
    assert len(found & set(SEED_SPHERES)) >= 10, sorted(found)
    assert evidence.count(":") >= 10, evidence


def _agreement(register: list[dict[str, Any]], words: str) -> dict[str, Any]:
    found = [a for a in register if words in a["evidence"]]
    assert found, f"no agreement in the sentence with {words!r}: " + repr(
        [(a["kind"], a["evidence"][:60]) for a in register])
    return found[0]


@pytest.mark.parametrize(("words", "kind", "count", "period", "status"), [
    ("signed a cooperation plan for 2017", "plan", None, ("2017", "2017"), "signed"),
    ("signed 12 documents", "document", 12, None, "signed"),
    ("around 40 Russian regions", "agreement", 40, None, "signed"),
    ("more than 90 agreements", "agreement", 90, None, "signed"),
    ("for 2017-2019", "programme", None, ("2017", "2019"), "signed"),
    ("will soon sign two bilateral agreements", "agreement", 2, None, "planned"),
])
def test_the_six_agreements_are_in_the_register(
    seed_db: duckdb.DuckDBPyConnection, words: str, kind: str, count: int | None,
    period: tuple[str, str] | None, status: str,
) -> None:
    found = _agreement(rows(seed_db, "SELECT * FROM agreements"), words)
    assert (found["kind"], found["status"]) == (kind, status), found
    if count is not None:
        assert found["count"] == count, found
    if period is not None:
        assert (found["period_start"], found["period_end"]) == period, found
    assert "AZE" in found["parties"] or "RUS" in found["parties"], found


@pytest.mark.parametrize(("words", "day", "precision"), [
    ("The August meeting of the two presidents", "2016-08-01", "month"),
    ("ceasefire was restored", "2016-04-01", "month"),
    ("will visit Baku starting March", "2017-03-01", "month"),
])
def test_events_are_dated_from_the_sentence(seed_db: duckdb.DuckDBPyConnection, words: str,
                                            day: str, precision: str) -> None:
    events = [e for e in rows(seed_db, "SELECT * FROM events") if words in e["sentence"]]
    assert events, f"no event in the sentence with {words!r}"
    dated = {(e["event_date"], e["date_precision"]) for e in events}
    assert (day, precision) in dated, dated


def test_the_seed_places_resolve_with_coordinates(shared_dir: Path, nlp: Any) -> None:
    from dyadwatch.coding.places import find_places
    from dyadwatch.dictionaries.gazetteer import load_gazetteer

    doc = nlp((shared_dir / SEED).read_text(encoding="utf-8"))
    gazetteer = load_gazetteer()
    found = {m.place.name: m.place for s in doc.sents
             for m in find_places(s, gazetteer, countries=("AZE", "RUS"))}
    for name in ("Baku", "Moscow", "Tehran", "Derbent", "Caspian Sea", "Nagorno-Karabakh"):
        assert name in found, sorted(found)
        place = found[name]
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        assert place.latitude and place.longitude, place
    assert found["Derbent"].country == "RUS" and found["Baku"].country == "AZE"
    assert found["Nagorno-Karabakh"].country == "AZE"
