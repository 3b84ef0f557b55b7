"""Acceptance: the Phoenix country actors dictionary from ../shared/reference/petrarch (found
through the `shared_dir` fixture) imported with `dyadwatch dict import-petrarch`, then used with
`dyadwatch code --actors` on sentences naming people only that dictionary knows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PHOENIX = "reference/petrarch/Phoenix.Countries.actors.txt"
# People in Phoenix.Countries.actors.txt and absent from the bundled people.tsv, each named on
# a day inside (or, for Masalila, after) a term the dictionary gives them; text written for
# this test.
RECORDS = [
    {"id": "gaolathe", "date": "2006-05-10",  # [BWAGOVDEV 030101-090831]
     "text": "Baledzi Gaolathe criticized Zimbabwe over its economic policies."},
    {"id": "gyamtsho", "date": "2006-05-10",  # [BTNGOVEDU 041101-080430]
     "text": "Thinley Gyamtsho accused Nepal of ignoring the refugees."},
    {"id": "masalila", "date": "2012-03-01",  # [BWAGOV 041201-080430], then out of office
     "text": "Ambrose Masalila praised South Africa for its support."},
    {"id": "spla-2005", "date": "2005-06-01",  # [SDNREB 19830101-20110711]
     "text": "The Sudan People's Liberation Army accused Uganda of arming militias."},
    {"id": "spla-2013", "date": "2013-06-01",  # [SSDMIL >20110711]
     "text": "The SPLA accused Uganda of arming militias."},
]
EXPECTED = {
    ("Baledzi Gaolathe", "BWAGOV", "ZWE"),
    ("Thinley Gyamtsho", "BTNGOV", "NPL"),
    ("Ambrose Masalila", "BWAELI", "ZAF"),
    ("Sudan People's Liberation Army", "SDNREB", "UGA"),
    ("SPLA", "SSDMIL", "UGA"),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyadwatch", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=1200)


def _events(result: subprocess.CompletedProcess[str]) -> set[tuple[str, str, str]]:
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    return {(e["source_text"], e["source"], e["target"]) for e in events}


def test_phoenix_people_are_coded_only_with_the_imported_dictionary(
    shared_dir: Path, tmp_path: Path
) -> None:
    phoenix = shared_dir / PHOENIX
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    imported = run("dict", "import-petrarch", str(phoenix), "-o", "phoenix", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    first = imported.stdout.splitlines()[0]
    assert first.startswith("Phoenix.Countries.actors.txt (actors): 18353 entries read, "), first
    people = (tmp_path / "phoenix" / "people.tsv").read_text(encoding="utf-8")
    assert "Baledzi Goalathe\tBaledzi Gaolathe\tBWA\tGOV\tBWAGOVDEV\t2003-01-01\t2009-08-31" \
        in people
    validated = run("dict", "validate", "phoenix", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout
    assert validated.stdout.startswith("ok: ")

    with_phoenix = _events(run("code", str(news), "--actors", "phoenix", cwd=tmp_path))
    assert with_phoenix == EXPECTED

    without = _events(run("code", str(news), cwd=tmp_path))
    assert not without & EXPECTED, without
    assert not {source for _, source, _ in without} & {"BWAGOV", "BTNGOV", "BWAELI", "SDNREB"}
