"""The bundled tables load and validate; malformed lines are reported by file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.dictionaries import load_codebook, load_patterns
from dyadwatch.dictionaries.actors import load_actor_tables, read_people
from dyadwatch.dictionaries.codebook import read_codebook
from dyadwatch.dictionaries.patterns import read_patterns
from dyadwatch.errors import DictionaryError


def test_codebook_has_every_root_with_goldstein_and_quad_class() -> None:
    book = load_codebook()
    assert book.roots() == [f"{i:02d}" for i in range(1, 21)]
    signed = book.get("057")
    assert (signed.goldstein, signed.quad_class) == (8.0, 1)
    assert book.get("190").quad_class == 4
    assert book.get("120").quad_class == 3
    assert book.get("061").quad_class == 2
    assert len(book) > 280


def test_patterns_reach_all_twenty_roots() -> None:
    roots = {p.code[:2] for p in load_patterns().all()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_constrained_patterns_come_first() -> None:
    candidates = load_patterns().candidates("VERB", "sign")
    assert candidates, "no pattern for 'sign'"
    assert candidates[0].objects, "the object-constrained 'sign' pattern must be tried first"


def test_actor_tables_know_countries_capitals_and_sectors() -> None:
    tables = load_actor_tables()
    assert tables.names["Baku"][0].country == "AZE"
    assert tables.names["Kremlin"][0].sector == "GOV"
    assert tables.names["Azerbaijani"][0].country == "AZE"
    assert tables.sector_nouns["ministry"] == "GOV"
    assert tables.sector_nouns["army"] == "MIL"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_codebook_error_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "book.tsv", "code\tname\tgoldstein\tquad_class\n057\tSign\tlots\t1\n")
    with pytest.raises(DictionaryError, match=r"book.tsv:2: field 'goldstein' is not a number"):
        read_codebook(path)


def test_pattern_with_unknown_code_is_rejected(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "trigger": "sign", "code": "999", "target": ["dobj"]})
    path = _write(tmp_path, "p.jsonl", line + "\n")
    with pytest.raises(DictionaryError, match=r"p.jsonl:1: field 'code' is not a CAMEO code"):
        read_patterns(path)


def test_pattern_with_unknown_slot_is_rejected(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "trigger": "sign", "code": "057", "target": ["sideways"]})
    path = _write(tmp_path, "p.jsonl", "\n" + line + "\n")
    with pytest.raises(DictionaryError, match=r"p.jsonl:2: field 'target' has unknown slot"):
        read_patterns(path)


def test_repeated_pattern_id_is_rejected(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "trigger": "sign", "code": "057"})
    path = _write(tmp_path, "p.jsonl", f"{line}\n{line}\n")
    with pytest.raises(DictionaryError, match=r"p.jsonl:2: field 'id' repeats 'x'"):
        read_patterns(path)


def test_people_dates_are_checked(tmp_path: Path) -> None:
    header = "name\taliases\tcountry\tsector\trole\tstart\tend\n"
    path = _write(tmp_path, "people.tsv", header + "A B\tB\tRUS\tGOV\tpm\t2010-01-01\t2009-01-01\n")
    with pytest.raises(DictionaryError, match=r"people.tsv:2: field 'end' is before start"):
        read_people(path)
    path = _write(tmp_path, "people.tsv", header + "A B\tB\tXXQ\tGOV\tpm\t2010-01-01\t\n")
    with pytest.raises(DictionaryError, match=r"people.tsv:2: field 'country' is not an ISO"):
        read_people(path)


def test_manifest_checksums_match_the_tables() -> None:
    from dyadwatch.dictionaries.manifest import stale_entries

    assert stale_entries() == [], (
        "tables changed without updating MANIFEST.json: run "
        "`python -m dyadwatch.dictionaries.manifest`"
    )
