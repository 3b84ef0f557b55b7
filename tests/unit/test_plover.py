"""The CAMEO → PLOVER mapping: every code is covered, the documented choices hold, bad rows are
reported by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries import load_codebook
from dyadwatch.dictionaries.plover import CATEGORIES, MODES, load_plover, read_plover
from dyadwatch.dictionaries.validate import validate_path
from dyadwatch.errors import DictionaryError

HEADER = "cameo\tcategory\tmode\tnote\n"


def test_plover_has_the_sixteen_categories() -> None:
    assert len(CATEGORIES) == 16
    assert {"REQUEST", "ACCUSE", "ASSAULT", "RETREAT", "CONCEDE"} <= set(CATEGORIES)
    assert not {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"} & set(CATEGORIES)


def test_every_codebook_code_has_a_plover_row_with_a_valid_category_and_mode() -> None:
    book = load_codebook()
    table = load_plover()
    for code in book.codes():
        entry = table.lookup(code)
        assert entry is not None, f"no plover.tsv row covers {code}"
        assert code.startswith(entry.cameo)
        if entry.category:
            assert entry.mode == "" or entry.mode in MODES[entry.category], code
        else:
            assert code[:2] == "01", f"only CAMEO 01 has no PLOVER category, not {code}"
        assert (book.get(code).plover, book.get(code).plover_mode) == (entry.category,
                                                                       entry.mode)


@pytest.mark.parametrize(("code", "category", "mode"), [
    ("010", "", ""),              # statements: not a PLOVER event
    ("0233", "REQUEST", "assist"),  # appeals fold into REQUEST
    ("036", "AGREE", ""),
    ("042", "CONSULT", "visit"),
    ("057", "SUPPORT", ""),
    ("055", "CONCEDE", ""),       # apology
    ("061", "COOPERATE", ""),
    ("0841", "RETREAT", "release"),
    ("0871", "CONCEDE", ""),      # a declared ceasefire is a promise
    ("0874", "RETREAT", "withdraw"),
    ("091", "ACCUSE", "investigate"),
    ("1053", "REQUEST", "yield"),
    ("111", "ACCUSE", "disapprove"),
    ("1121", "ACCUSE", "allege"),
    ("116", "SANCTION", "convict"),
    ("1246", "REJECT", "yield"),
    ("1382", "THREATEN", "territory"),
    ("1411", "PROTEST", "demo"),
    ("145", "PROTEST", "riot"),
    ("154", "MOBILIZE", "troops"),
    ("161", "SANCTION", "discontinue"),
    ("1712", "ASSAULT", "destroy"),
    ("173", "COERCE", "arrest"),
    ("1831", "ASSAULT", "suicide-attack"),
    ("190", "ASSAULT", ""),       # fighting: PLOVER has no FIGHT category
    ("191", "COERCE", "restrict"),
    ("193", "ASSAULT", "firearms"),
    ("195", "ASSAULT", "heavy-weapons"),
    ("2042", "ASSAULT", "unconventional"),
])
def test_known_mappings(code: str, category: str, mode: str) -> None:
    assert load_plover().category(code) == (category, mode)
    entry = load_codebook().get(code)
    assert (entry.plover, entry.plover_mode) == (category, mode)


def test_the_longest_listed_prefix_wins(tmp_path: Path) -> None:
    path = tmp_path / "plover.tsv"
    path.write_text(HEADER + "19\tASSAULT\t\tfighting\n193\tASSAULT\tfirearms\tsmall arms\n"
                    "1931\tASSAULT\tbeat\tnarrower still\n", encoding="utf-8")
    table = read_plover(path)
    assert table.category("190") == ("ASSAULT", "")
    assert table.category("193") == ("ASSAULT", "firearms")
    assert table.category("1931") == ("ASSAULT", "beat")
    assert table.category("04") == ("", "")


@pytest.mark.parametrize(("row", "message"), [
    ("19\tFIGHT\t\tx", r"plover.tsv:2: field 'category' is not a PLOVER category: 'FIGHT'"),
    ("193\tASSAULT\tguns\tx", r"plover.tsv:2: field 'mode' 'guns' is not a PLOVER mode of ASSAULT"),
    ("057\tSUPPORT\tvisit\tx", r"plover.tsv:2: field 'mode' 'visit' is not a PLOVER mode of "
     r"SUPPORT \(modes: none\)"),
    ("01\t\tdemo\tx", r"plover.tsv:2: field 'mode' needs a category"),
    ("01\t\t\t", r"plover.tsv:2: field 'note' must say why"),
    ("99\tASSAULT\t\tx", r"plover.tsv:2: field 'cameo' must be a CAMEO code"),
])
def test_bad_rows_name_file_line_and_field(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "plover.tsv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        read_plover(path)


def test_validate_reports_every_bad_row_and_uncovered_codes(tmp_path: Path) -> None:
    path = tmp_path / "plover.tsv"
    rows = ["0571\tSUPPORT\t\tnot a code", "05\tSUPPORT\t\tok", "05\tAGREE\t\trepeated",
            "19\tFIGHT\t\told name"]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    errors = validate_path(path).errors
    assert errors[:3] == [
        "plover.tsv:2: field 'cameo' 0571 is not in the codebook",
        "plover.tsv:4: field 'cameo' repeats 05",
        "plover.tsv:5: field 'category' is not a PLOVER category: 'FIGHT' (one of "
        + ", ".join(CATEGORIES) + ", or empty)",
    ]
    assert errors[3].startswith("plover.tsv: no row covers the CAMEO codes 01, 010,")
    assert "057" not in errors[3] and "190" in errors[3]


def test_the_bundled_mapping_validates() -> None:
    from dyadwatch.dictionaries.tables import data_path

    result = validate_path(data_path("plover.tsv"))
    assert result.errors == []
    assert result.entries == len(load_plover())
