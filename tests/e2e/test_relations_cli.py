"""The relationship commands as a user runs them: `import-gdelt`, `brief`, `compare`,
`partners` and `agreements` in a real process, with exit codes and exact error texts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.store import Store
from dyadwatch.store.gdelt import V2_FIELDS

BOOT = ("--bootstrap", "200")
NO_DB = ("Error: database none.duckdb does not exist — run `dyadwatch ingest` or "
         "`dyadwatch import-gdelt` first")
FIPS = {"GEO": "GG", "RUS": "RS", "ARM": "AM"}
NAMES = {"GEO": "GEORGIA", "RUS": "RUSSIA", "ARM": "ARMENIA"}
PLACES = {"GG": ("Tbilisi, T'bilisi, Georgia", "41.725", "44.7908"),
          "RS": ("Moscow, Moskva, Russia", "55.7522", "37.6156"),
          "AM": ("Yerevan, Yerevan, Armenia", "40.1811", "44.5136")}
# (day of October 2019, source, target, CAMEO code, QuadClass, Goldstein, place)
ROWS = [
    (1, "GEOGOV", "RUSGOV", "112", "3", "-2.0", "GG"),
    (2, "RUSGOV", "GEOGOV", "111", "3", "-2.0", "RS"),
    (3, "GEOGOV", "RUSGOV", "036", "1", "4.0", "GG"),
    (4, "RUSGOV", "GEOGOV", "042", "1", "1.9", "GG"),
    (5, "GEOGOV", "RUSGOV", "046", "1", "7.0", "RS"),
    (6, "RUSGOV", "GEOGOV", "057", "1", "8.0", "RS"),
    (7, "GEOBUS", "RUSBUS", "061", "2", "6.4", "GG"),
    (2, "ARMGOV", "RUSGOV", "042", "1", "1.9", "RS"),
    (4, "RUSGOV", "ARMGOV", "043", "1", "2.8", "AM"),
    (6, "ARMGOV", "RUSMIL", "1384", "3", "-7.0", "AM"),
]
GEO_RUS_EVENTS, ARM_RUS_EVENTS = 7, 3
ARTICLE = ("Azerbaijan and Russia signed 12 documents on energy cooperation in Baku on Friday. "
           "The presidents of the two countries then discussed gas transit across the Caspian.")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A wide terminal, so that typer's usage-error box does not wrap its message.
    return subprocess.run([sys.executable, "-m", "dyadwatch", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "250"})


def gdelt_line(number: int, day: int, source: str, target: str, code: str, quad: str,
               goldstein: str, place: str) -> str:
    name, lat, lon = PLACES[place]
    cells = {
        "GLOBALEVENTID": str(880000000 + number), "SQLDATE": f"201910{day:02d}",
        "MonthYear": "201910", "Year": "2019", "FractionDate": "2019.7562",
        "Actor1Code": source, "Actor1Name": NAMES[source[:3]], "Actor1CountryCode": source[:3],
        "Actor1Type1Code": source[3:], "Actor2Code": target, "Actor2Name": NAMES[target[:3]],
        "Actor2CountryCode": target[:3], "Actor2Type1Code": target[3:], "IsRootEvent": "1",
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": quad, "GoldsteinScale": goldstein, "NumMentions": "4", "NumSources": "1",
        "NumArticles": "4", "AvgTone": "-1.25", "ActionGeo_Type": "4",
        "ActionGeo_FullName": name, "ActionGeo_CountryCode": place, "ActionGeo_Lat": lat,
        "ActionGeo_Long": lon, "DATEADDED": f"201910{day:02d}151500",
        "SOURCEURL": f"https://news.example.ge/2019/10/{day:02d}/story-{number}",
    }
    return "\t".join(cells.get(field, "") for field in V2_FIELDS)


@pytest.fixture()
def gdelt_file(tmp_path: Path) -> Path:
    lines = [gdelt_line(n, *row) for n, row in enumerate(ROWS, start=1)]
    assert all(line.count("\t") == 60 for line in lines)
    lines.insert(3, "880009999\t20191003\tGEOGOV\tRUSGOV\t042")  # cut short: line 4
    path = tmp_path / "20191008.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def gdelt_db(gdelt_file: Path, tmp_path: Path) -> Path:
    db = tmp_path / "gdelt.duckdb"
    result = run("import-gdelt", str(gdelt_file), "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return db


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# --- import-gdelt and brief ---------------------------------------------------------------------


def test_import_gdelt_reports_the_reject_and_adds_nothing_twice(gdelt_file: Path,
                                                                tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    first = run("import-gdelt", str(gdelt_file), "--db", str(db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (f"Rejected: {gdelt_file.name}:4: 5 columns, expected 61 as in GDELT 2 — fix or "
            "remove the line") in first.stderr
    assert f"{len(ROWS)} new events from {len(ROWS)} GDELT rows ({len(ROWS)} new source " \
        f"articles) in {db}" in first.stderr
    again = run("import-gdelt", str(gdelt_file), "--db", str(db), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"0 new events from {len(ROWS)} GDELT rows (0 new source articles)" in again.stderr
    with Store(db) as store:
        assert store.count("events") == len(ROWS)
        assert store.count("rejects") == 1


def test_brief_writes_html_and_prints_the_verdict(gdelt_db: Path, tmp_path: Path) -> None:
    result = run("brief", "geo", "rus", "--db", str(gdelt_db), "--freq", "day", *BOOT,
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "brief-GEO-RUS.html"
    assert f"Brief written to {page.resolve()}" in result.stderr
    verdict = result.stdout.strip()
    assert verdict.startswith("Relations between Georgia and Russia ")
    assert "from 1 October 2019 to 7 October 2019" in verdict and verdict.endswith(".")
    assert "\n" not in verdict
    html = page.read_text(encoding="utf-8")
    assert "GDELT import" in html and "Tbilisi" in html


def test_brief_as_markdown_to_a_chosen_path(gdelt_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs" / "arm-rus.md"
    result = run("brief", "ARM", "RUS", "--db", str(gdelt_db), "--freq", "day", "--out",
                 str(out), *BOOT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert result.stdout.strip() in text
    assert list((tmp_path / "briefs" / "arm-rus-charts").glob("*.svg"))


def test_brief_errors(gdelt_db: Path, tmp_path: Path) -> None:
    db = ("--db", str(gdelt_db))
    same = run("brief", "GEO", "geo", *db, cwd=tmp_path)
    assert same.returncode == 2
    assert same.stderr.strip() == ("Error: a dyad needs two different countries, got GEO "
                                   "twice — name two countries, e.g. AZE RUS")
    none = run("brief", "GEO", "ARM", *db, *BOOT, cwd=tmp_path)
    assert none.returncode == 1
    assert none.stderr.strip() == ("Error: no events between GEO and ARM in the store — check "
                                   "the codes (ISO alpha-3, e.g. AZE RUS), widen --since/--until,"
                                   " or ingest more news")
    freq = run("brief", "GEO", "RUS", *db, "--freq", "fortnight", cwd=tmp_path)
    assert freq.returncode == 2
    assert freq.stderr.strip() == ("Error: unknown series frequency 'fortnight' — use day, "
                                   "week, month, quarter or year (D, W, M, Q, Y)")
    since = run("brief", "GEO", "RUS", *db, "--since", "autumn", cwd=tmp_path)
    assert since.returncode == 2
    assert "Error: --since 'autumn' is not a date — use YYYY-MM-DD" in since.stderr
    assert run("brief", "GEO", "RUS", *db, "--bootstrap", "10", cwd=tmp_path).returncode == 2
    odd = run("brief", "GEO", "RUS", *db, "--out", "brief.pdf", *BOOT, cwd=tmp_path)
    assert odd.returncode == 2
    assert "Error: brief.pdf: cannot tell the brief format from '.pdf'" in odd.stderr
    assert not list(tmp_path.glob("brief*"))


# --- compare and partners -----------------------------------------------------------------------


@pytest.mark.parametrize("dyads", [("--dyad", "GEO", "RUS", "--dyad", "arm", "RUS",
                                    "--dyad", "GEO", "ARM"),
                                   ("--dyad", "GEO-RUS", "--dyad", "arm-rus", "--dyad", "GEO,ARM")])
def test_compare_two_dyads_in_jsonl(gdelt_db: Path, tmp_path: Path,
                                    dyads: tuple[str, ...]) -> None:
    result = run("compare", *dyads, "--db", str(gdelt_db), "--freq", "day", "-f", "jsonl",
                 *BOOT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = records(result.stdout)
    assert [(r["dyad"], r["a"], r["b"]) for r in rows] == [
        ("GEO-RUS", "GEO", "RUS"), ("ARM-RUS", "ARM", "RUS"), ("GEO-ARM", "GEO", "ARM")]
    assert [r["events"] for r in rows] == [GEO_RUS_EVENTS, ARM_RUS_EVENTS, 0]
    for row in rows:  # missing values are JSON nulls, dates ISO days
        assert (row["change_points"] == 0) == (row["last_change"] is None), row
        assert row["last_change"] is None or re.fullmatch(r"2019-10-0\d", row["last_change"])
    assert rows[2]["coop_index"] is None and rows[2]["direction"] == "stable"
    georgia = rows[0]
    assert georgia["conflict_mass"] == pytest.approx(4.0)
    assert -1 <= georgia["coop_index"] <= 1
    assert georgia["direction"] in ("rising", "stable", "falling")
    assert georgia["verdict"].startswith("Relations between GEO and RUS")
    assert rows[1]["conflict_mass"] == pytest.approx(7.0)


@pytest.mark.parametrize("dyads", [("--dyad", "GEO"), ("--dyad", "GEO-RUS-ARM"),
                                   ("--dyad", "GEO", "RUS", "--dyad", "ARM")])
def test_compare_with_odd_codes_is_a_usage_error(gdelt_db: Path, tmp_path: Path,
                                                 dyads: tuple[str, ...]) -> None:
    result = run("compare", *dyads, "--db", str(gdelt_db), *BOOT, cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "give two country codes per dyad, e.g. --dyad AZE RUS" in result.stderr
    assert result.stdout == ""


def test_compare_names_a_misspelt_option(gdelt_db: Path, tmp_path: Path) -> None:
    result = run("compare", "--dyad", "GEO", "RUS", "--db", str(gdelt_db), "--bootstrp", "200",
                 cwd=tmp_path)
    assert result.returncode == 2
    assert "--bootstrp" in result.stderr


def test_partners_of_russia(gdelt_db: Path, tmp_path: Path) -> None:
    result = run("partners", "rus", "--db", str(gdelt_db), "--min-events", "1", "--freq", "day",
                 "-f", "jsonl", *BOOT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = records(result.stdout)
    assert {r["partner"]: r["events"] for r in rows} == {"GEO": GEO_RUS_EVENTS,
                                                         "ARM": ARM_RUS_EVENTS}
    indices = [r["coop_index"] for r in rows]
    assert indices == sorted(indices, reverse=True)  # warmest first
    few = run("partners", "RUS", "--db", str(gdelt_db), "--min-events", "50", *BOOT,
              cwd=tmp_path)
    assert few.returncode == 1
    assert few.stderr.strip() == ("Error: no partner of RUS has 50 or more events — lower "
                                  "--min-events or ingest more news")
    assert run("partners", "RUS", "--db", str(gdelt_db), "--min-events", "0",
               cwd=tmp_path).returncode == 2


# --- agreements ---------------------------------------------------------------------------------


def test_agreements_register_of_an_ingested_article(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "baku-1", "date": "2019-03-15", "source": "example.az",
                                "url": "https://example.az/energy", "text": ARTICLE}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "news.duckdb"
    ingested = run("ingest", str(news), "--db", str(db), cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr
    listed = run("agreements", "--db", str(db), "--dyad", "rus", "aze", "-f", "jsonl",
                 cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    (row,) = records(listed.stdout)
    assert (row["kind"], row["count"], row["status"], row["parties"]) == (
        "document", 12.0, "signed", "AZE,RUS")
    assert row["subject"] == "energy cooperation" and "energy" in row["spheres"].split(",")
    assert row["evidence"] == ARTICLE.split(". ")[0] + "."
    assert (row["outlet"], row["url"], row["date"]) == ("example.az", "https://example.az/energy",
                                                        "2019-03-15")
    assert "1 agreements" in listed.stderr
    signed = run("agreements", "--db", str(db), "--status", "signed", "-f", "jsonl", cwd=tmp_path)
    assert len(records(signed.stdout)) == 1
    planned = run("agreements", "--db", str(db), "--status", "planned", "-f", "jsonl",
                  cwd=tmp_path)
    assert planned.returncode == 0 and planned.stdout == ""
    other = run("agreements", "--db", str(db), "--dyad", "GEO", "RUS", "-f", "jsonl",
                cwd=tmp_path)
    assert other.returncode == 0 and other.stdout == ""


def test_agreements_usage_errors(tmp_path: Path) -> None:
    Store(tmp_path / "dyadwatch.duckdb").close()
    bad = run("agreements", "--status", "nonsense", cwd=tmp_path)
    assert bad.returncode == 2
    assert ("Invalid value for --status: 'nonsense' is not a status; use one of signed, "
            "planned, under negotiation, ratified, suspended, terminated, in force, "
            "mentioned") in bad.stderr
    assert run("agreements", "--dyad", "AZE", cwd=tmp_path).returncode == 2


# --- a missing database -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [("brief", "GEO", "RUS"),
                                  ("compare", "--dyad", "GEO", "RUS"),
                                  ("partners", "RUS")])
def test_a_missing_database_exits_1(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, "--db", "none.duckdb", *BOOT, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == NO_DB
    assert not (tmp_path / "none.duckdb").exists()


def test_agreements_without_a_database(tmp_path: Path) -> None:
    result = run("agreements", "--db", "none.duckdb", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == ("Error: database none.duckdb does not exist — run "
                                     "`dyadwatch ingest` first or point to it with --db")
    assert not (tmp_path / "none.duckdb").exists()


# --- the real GDELT file ------------------------------------------------------------------------


def test_a_real_gdelt_export_to_a_brief(shared_dir: Path, tmp_path: Path) -> None:
    export = shared_dir / "reference" / "gdelt" / "gdelt2_events_20191024143000.export.CSV"
    imported = run("import-gdelt", str(export), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "new events from" in imported.stderr and "in dyadwatch.duckdb" in imported.stderr
    result = run("brief", "NOR", "RUS", "--freq", "day", *BOOT, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Relations between Norway and Russia ")
    assert "24 October 2019" in result.stdout
    html = (tmp_path / "brief-NOR-RUS.html").read_text(encoding="utf-8")
    assert "GDELT import" in html and "Norway" in html
