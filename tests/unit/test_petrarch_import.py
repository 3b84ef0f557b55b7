"""PETRARCH/TABARI dictionaries imported into the project's tables, user tables added to the
built-in ones (`--actors`, DYADWATCH_ACTORS), and `dyadwatch dict validate`.

The dictionary snippets below are fictional, written for these tests."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.app import app
from dyadwatch.config import ACTORS_ENV, Settings
from dyadwatch.dictionaries.actors import load_actor_tables, read_actor_tables
from dyadwatch.dictionaries.petrarch import import_petrarch, parse_code, tabari_date
from dyadwatch.dictionaries.petrarch_names import display_names
from dyadwatch.dictionaries.tables import data_path
from dyadwatch.dictionaries.validate import validate_path
from dyadwatch.errors import DictionaryError

ACTORS = """\
# Fictional entries written for the dyadwatch tests.
<!-- a one-line XML comment [AZEGOV] -->
<!-- a comment
     over several lines [AZEGOV] -->
<Directive line>
MARTA_VELLANOVA_  # a fictional finance minister
+VELLANOVA_
+MINISTER_VELLANOVA  ; a legacy comment
\t[MLTGOVBUS 050101-091231]
\t[MLTELI >100101]
\t[MLTELI]
JONAS_KVIST_  [NORGOV 19990301-20030615] [NORELI >20030616]
KLAUS_O'DONNELL_
\t[AUTGOV <980101]
\t[AUTMIL 980101 - 031231]
PATRIA_DEFENCE_FORCE_ [MLTMIL]
+PDF
ORPHAN_NAME_
LINKED_NAME_
\t[MLTOPP]
BROKEN_CODES_
\t[MLTGOV 20100931-20111231]
\t[MLTGOV 120101-110101]
\t[XYZGOV 050101-060101]
\t[---]
NORTH_ATLANTIC_ALLIANCE_ [IGOWSTNAT]
+NATO_
---STOP---
AFTER_THE_STOP_ [MLT]
"""

AGENTS = """\
# Fictional agents for the dyadwatch tests.
!PERSON! = MAN, WOMAN
TREASURER [~GOV]  # regular plural
MILITIA {} [~MIL]
CHIEF_JUSTICE {CHIEFS_JUSTICE} [~JUD]
DEPUTY [~LEGGOV]
ENVOY [~GOV]
ASSEMBLY!PERSON! [~LEG]
SMUGGLER [~CRM]
WATCHDOG_GROUP [NGO~]
TREASURER [~MIL]
NO_CODE_HERE
"""

PEOPLE_HEADER = "name\taliases\tcountry\tsector\trole\tstart\tend"
BUILT_IN = data_path("countries.tsv").parent


def _table(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


@pytest.fixture()
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "test.actors.txt"
    agents = tmp_path / "test.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.fixture()
def imported(dictionaries: tuple[Path, Path], tmp_path: Path) -> Path:
    out = tmp_path / "mine"
    import_petrarch(list(dictionaries), out)
    return out


# -- the TABARI conventions ------------------------------------------------------------------
def test_two_digit_years_up_to_30_are_this_century() -> None:
    assert tabari_date("300615") == date(2030, 6, 15)
    assert tabari_date("310615") == date(1931, 6, 15)
    assert tabari_date("000101") == date(2000, 1, 1)
    assert tabari_date("19270101") == date(1927, 1, 1)
    with pytest.raises(ValueError):
        tabari_date("2004017")


def test_date_restrictions_before_after_and_between() -> None:
    assert parse_code("RUSELI >080507").start == date(2008, 5, 7)  # type: ignore[union-attr]
    assert parse_code("RUSELI >080507").end is None  # type: ignore[union-attr]
    before = parse_code("HOB < 950601")
    assert (before.start, before.end) == (None, date(1995, 6, 1))  # type: ignore[union-attr]
    between = parse_code("rusgov 000101-080507")
    assert between.code == "RUSGOV"  # type: ignore[union-attr]
    assert (between.start, between.end) == (date(2000, 1, 1), date(2008, 5, 7))  # type: ignore[union-attr]
    assert parse_code("MNEGOV 20121204") == "date restriction not <date, >date or date-date"
    assert parse_code("EGYGOV 20121207-20120802") == "end date before start date"


def test_names_are_title_cased_with_acronyms_kept() -> None:
    assert display_names("VLADIMIR_PUTIN_", set()) == ["Vladimir Putin"]
    assert display_names("THE_UNITED_NATIONS_", set()) == ["United Nations"]
    assert display_names("ORGANIZATION_OF_AMERICAN_STATES", set()) == [
        "Organization of American States"]
    assert display_names("ARMED_ISLAMIC_GROUP_(GIA)_", {"GIA"}) == ["Armed Islamic Group", "GIA"]
    assert display_names("NURI_AL-MALIKI_", set()) == ["Nuri Al-Maliki", "Nuri al-Maliki"]
    assert display_names("U.N._SECRETARY_GENERAL", set()) == ["U.N. Secretary General"]
    assert display_names("SEAN_O'BRIEN", set()) == ["Sean O'Brien"]


# -- actors ----------------------------------------------------------------------------------
def test_actors_become_dated_people_and_undated_organisations(imported: Path) -> None:
    marta = "Marta Vellanova\tVellanova|Minister Vellanova\tMLT"
    assert _table(imported / "people.tsv") == [
        PEOPLE_HEADER,
        f"{marta}\tGOV\tMLTGOVBUS\t2005-01-01\t2009-12-31",
        f"{marta}\tELI\tMLTELI\t2010-01-01\t",
        f"{marta}\tELI\tMLTELI\t\t",  # the default code comes last: it applies otherwise
        "Jonas Kvist\t\tNOR\tGOV\tNORGOV\t1999-03-01\t2003-06-15",
        "Jonas Kvist\t\tNOR\tELI\tNORELI\t2003-06-16\t",
        "Klaus O'Donnell\t\tAUT\tGOV\tAUTGOV\t\t1998-01-01",
        "Klaus O'Donnell\t\tAUT\tMIL\tAUTMIL\t1998-01-01\t2003-12-31",
    ]
    assert _table(imported / "organisations.tsv") == [
        "name\taliases\tcountry\tsector",
        "Patria Defence Force\tPDF\tMLT\tMIL",
        "Orphan Name\tLinked Name\tMLT\tOPP",  # a code-less phrase shares the next entry's codes
        "North Atlantic Alliance\tNATO\tIGOWSTNAT\t",
    ]


def test_actor_counts_name_every_reason(dictionaries: tuple[Path, Path], tmp_path: Path) -> None:
    (report,) = import_petrarch([dictionaries[0]], tmp_path / "out")
    assert (report.kind, report.read, report.written) == ("actors", 7, 6)
    assert report.lines == {"people.tsv": 7, "organisations.tsv": 3}
    assert report.skipped == {"no usable code": 1}
    assert report.dropped == {
        "date is not a valid YYMMDD or YYYYMMDD": 1, "end date before start date": 1,
        "country not ISO 3166 alpha-3": 1, "null code [---]": 1,
    }
    assert report.examples["country not ISO 3166 alpha-3"] == {"XYZGOV": 1}
    assert report.notes == {"code-less phrase joined to the entry after it": 1}
    assert not (tmp_path / "out" / "sectors.tsv").exists()


# -- agents ----------------------------------------------------------------------------------
def test_agents_become_sector_nouns_with_plurals(imported: Path) -> None:
    assert _table(imported / "sectors.tsv") == [
        "term\tsector\tkind",
        "treasurer\tGOV\tnoun", "treasurers\tGOV\tnoun",
        "militia\tMIL\tnoun",
        "chief justice\tJUD\tnoun", "chiefs justice\tJUD\tnoun",
        "deputy\tLEG\tnoun", "deputies\tLEG\tnoun",
        "envoy\tGOV\tnoun", "envoys\tGOV\tnoun",
        "assemblyman\tLEG\tnoun", "assemblywoman\tLEG\tnoun",
        "watchdog group\tNGO\tnoun", "watchdog groups\tNGO\tnoun",
    ]


def test_agent_counts(dictionaries: tuple[Path, Path], tmp_path: Path) -> None:
    (report,) = import_petrarch([dictionaries[1]], tmp_path / "out")
    assert (report.kind, report.read, report.written) == ("agents", 10, 7)
    assert report.skipped == {"agent code not among the project's sectors": 1,
                              "agent without a [code]": 1, "all its terms already listed": 1}
    assert report.examples["agent code not among the project's sectors"] == {"CRM": 1}
    assert report.dropped == {"term already listed": 2}


def test_kind_is_told_from_the_codes_when_the_name_does_not(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("ENVOY [~GOV]\nMILITIA [~MIL]\n", encoding="utf-8")
    (report,) = import_petrarch([path], tmp_path / "out")
    assert report.kind == "agents"
    assert (tmp_path / "out" / "sectors.tsv").exists()


def test_missing_dictionary_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.actors.txt"
    with pytest.raises(DictionaryError) as caught:
        import_petrarch([missing], tmp_path / "out")
    assert caught.value.message == f"{missing}: no such file — check the path"


# -- user tables on top of the built-in ones -------------------------------------------------
def test_imported_tables_load_on_top_of_the_built_in_ones(imported: Path) -> None:
    tables = read_actor_tables(BUILT_IN, (imported,))
    marta = tables.names["Minister Vellanova"]
    assert [(e.country, e.sector, e.start) for e in marta][:2] == [
        ("MLT", "GOV", date(2005, 1, 1)), ("MLT", "ELI", date(2010, 1, 1))]
    assert tables.names["PDF"][0].kind == "organisation"
    assert tables.sector_nouns["assemblywoman"] == "LEG"
    assert tables.names["Baku"][0].country == "AZE"  # the built-in names are still there
    assert "Minister Vellanova" not in read_actor_tables(BUILT_IN).names


def test_built_in_entries_win_over_a_users_for_the_same_term(tmp_path: Path) -> None:
    (tmp_path / "organisations.tsv").write_text(
        "name\taliases\tcountry\tsector\nGeorgia\t\tUSA\tGOV\n", encoding="utf-8")
    (tmp_path / "sectors.tsv").write_text("term\tsector\tkind\narmy\tGOV\tnoun\n",
                                          encoding="utf-8")
    tables = read_actor_tables(BUILT_IN, (tmp_path,))
    assert tables.names["Georgia"][0].country == "GEO"  # not dropped as ambiguous
    assert tables.sector_nouns["army"] == "MIL"


def test_tables_are_cached_per_tuple_of_folders(imported: Path) -> None:
    assert load_actor_tables((imported,)) is load_actor_tables((imported,))
    assert load_actor_tables() is not load_actor_tables((imported,))
    assert "Jonas Kvist" in load_actor_tables((imported,)).names


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as caught:
        read_actor_tables(BUILT_IN, (tmp_path / "nowhere",))
    assert caught.value.message == (f"{tmp_path / 'nowhere'}: no such folder of actor tables — "
                                    "check the path given with --actors or DYADWATCH_ACTORS")


def test_a_malformed_user_table_names_folder_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text(
        f"{PEOPLE_HEADER}\nJonas Kvist\t\tNOR\tGOV\t\t1999-03-01\t\n"
        "Marta Vellanova\t\tMLX\tGOV\t\t2005-01-01\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        read_actor_tables(BUILT_IN, (tmp_path,))
    assert caught.value.message == (
        f"{tmp_path}{os.sep}people.tsv:3: field 'country' is not an ISO 3166 alpha-3 code: "
        "'MLX' — fix the entry")


def test_actors_env_is_the_default_and_the_option_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ACTORS_ENV, os.pathsep.join(["one", "", "two"]))
    assert Settings().actor_folders == (Path("one"), Path("two"))
    assert Settings(actors=(Path("three"),)).actor_folders == (Path("three"),)
    monkeypatch.delenv(ACTORS_ENV)
    assert Settings().actor_folders == ()


# -- the command line ------------------------------------------------------------------------
def test_import_petrarch_command_prints_the_counts(dictionaries: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["dict", "import-petrarch", *map(str, dictionaries), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ("test.actors.txt (actors): 7 entries read, 6 written "
                        "(3 lines to organisations.tsv, 7 lines to people.tsv), 1 skipped")
    assert lines[1] == "  skipped entries: 1 no usable code (BROKEN_CODES_ 1)"
    assert ("test.agents.txt (agents): 10 entries read, 7 written (13 lines to sectors.tsv), "
            "3 skipped") in lines
    assert validate_path(out).errors == []


def test_code_with_a_missing_actors_folder_exits_1(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Malta criticized Italy.", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(article), "--actors", str(tmp_path / "no")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {tmp_path / 'no'}: no such folder of actor "
                                     "tables — check the path given with --actors or "
                                     "DYADWATCH_ACTORS")
    assert result.stdout == ""


def _coded(*args: str) -> list[tuple[str, str, str]]:
    result = CliRunner().invoke(app, ["code", *args])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    return [(e["date"], e["source"], e["target"]) for e in events]


def test_code_uses_the_actors_folders_from_the_environment_or_the_option(
    imported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [
        {"id": "in-office", "date": "2007-03-01",
         "text": "Marta Vellanova criticized Italy over the migrant policy."},
        {"id": "out-of-office", "date": "2012-03-01",
         "text": "Marta Vellanova criticized Italy over the migrant policy again."},
        {"id": "other-folder", "date": "2012-03-01", "text": "Ines Albrecht criticized Italy."},
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "people.tsv").write_text(
        f"{PEOPLE_HEADER}\nInes Albrecht\t\tAUT\tGOV\tminister\t2010-01-01\t\n",
        encoding="utf-8")
    marta = [("2007-03-01", "MLTGOV", "ITA"), ("2012-03-01", "MLTELI", "ITA")]
    monkeypatch.setenv(ACTORS_ENV, str(imported))
    assert _coded(str(corpus)) == marta
    monkeypatch.setenv(ACTORS_ENV, str(tmp_path / "nowhere"))  # --actors wins, and repeats
    both = _coded(str(corpus), "--actors", str(imported), "--actors", str(other))
    assert both == [*marta, ("2012-03-01", "AUTGOV", "ITA")]
    monkeypatch.delenv(ACTORS_ENV)
    assert _coded(str(corpus)) == []


# -- dict validate ---------------------------------------------------------------------------
def test_validate_lists_every_error_with_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "people.tsv").write_text(
        f"{PEOPLE_HEADER}\n"
        "Jonas Kvist\t\tNOR\tGOV\t\t1999-03-01\t2003-06-15\n"
        "Marta Vellanova\t\tMLX\tGOV\t\t2005-01-01\t\n"
        "Klaus O'Donnell\t\tAUT\tARMY\t\t\t\n"
        "Orphan Name\t\tAUT\tGOV\t\t2005-02-30\t\n"
        "Too Few\tFields\n", encoding="utf-8")
    (tmp_path / "sectors.tsv").write_text(
        "term\tsector\tkind\ntreasurer\tGOV\tnoun\ntreasurer\tGOV\tnoun\nenvoy\tGOV\tverb\n",
        encoding="utf-8")
    result = CliRunner().invoke(app, ["dict", "validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "people.tsv:3: field 'country' is not an ISO 3166 alpha-3 code: 'MLX'",
        "people.tsv:4: field 'sector' is not a known sector code: 'ARMY'",
        "people.tsv:5: field 'start' is not a YYYY-MM-DD date: '2005-02-30'",
        "people.tsv:6: expected 7 tab-separated fields "
        "(name, aliases, country, sector, role, start, end), got 2",
        "sectors.tsv:3: field 'term' repeats 'treasurer' (noun)",
        "sectors.tsv:4: field 'kind' must be noun or title",
    ]
    assert result.stderr.strip() == (
        "Error: 6 errors in 2 of 2 files — fix the lines listed above")


def test_validate_a_clean_folder_and_a_clean_file(imported: Path) -> None:
    result = CliRunner().invoke(app, ["dict", "validate", str(imported)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 23 entries in 3 files\n"
    one = CliRunner().invoke(app, ["dict", "validate", str(imported / "sectors.tsv")])
    assert one.stdout == "ok: 13 entries in 1 files\n"


def test_validate_the_bundled_tables_and_a_broken_pattern(tmp_path: Path) -> None:
    bundled = validate_path(BUILT_IN)
    assert bundled.errors == [] and bundled.files == 9  # with plover.tsv
    patterns = tmp_path / "patterns.jsonl"
    good = {"id": "x", "trigger": "sign", "code": "057"}
    patterns.write_text("\n".join([json.dumps(good), "{broken", json.dumps(good),
                                   json.dumps({**good, "id": "y", "code": "999"})]) + "\n",
                        encoding="utf-8")
    assert validate_path(patterns).errors == [
        "patterns.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes)",
        "patterns.jsonl:3: field 'id' repeats 'x'",
        "patterns.jsonl:4: field 'code' is not a CAMEO code in the codebook: '999'",
    ]


def test_validate_a_missing_path_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["dict", "validate", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {tmp_path / 'nowhere'}: no such file or folder "
                                     "— check the path")
