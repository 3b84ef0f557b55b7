"""Check tables in the project's format and report every error, not just the first.

The loaders stop at the first bad line (a table is either usable or not); `validate_path` runs
the same checks line by line and collects `file:line: field 'x' ...` messages, so a user can fix
a whole table in one pass (`dyadwatch dict validate`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.dictionaries.actors import ACTOR_TABLES, ROW_READERS, sector_row
from dyadwatch.dictionaries.codebook import COLUMNS as CODEBOOK_COLUMNS
from dyadwatch.dictionaries.codebook import Codebook, load_codebook, read_codebook
from dyadwatch.dictionaries.codebook import _parse_entry as codebook_row
from dyadwatch.dictionaries.patterns import parse_pattern
from dyadwatch.dictionaries.plover import COLUMNS as PLOVER_COLUMNS
from dyadwatch.dictionaries.plover import PloverEntry, PloverTable
from dyadwatch.dictionaries.plover import parse_row as plover_row
from dyadwatch.dictionaries.tables import field_error
from dyadwatch.errors import DictionaryError

PATTERNS = "patterns.jsonl"
CODEBOOK = "cameo_codebook.tsv"
PLOVER = "plover.tsv"
TSV_TABLES: dict[str, tuple[str, ...]] = {**ACTOR_TABLES, CODEBOOK: CODEBOOK_COLUMNS,
                                          PLOVER: PLOVER_COLUMNS}
TABLE_NAMES = (*TSV_TABLES, PATTERNS)

Row = dict[str, str]
T = TypeVar("T")


@dataclass(slots=True)
class Validation:
    """Files checked, entries (data lines) read, and every error found."""

    files: int = 0
    entries: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def files_with_errors(self) -> int:
        return len({e.split(":", 1)[0] for e in self.errors})


# -- which table is a file -------------------------------------------------------------------
def table_of(path: Path) -> str:
    """The table a file holds: from its name, else from its header line (or .jsonl)."""
    if path.name in TABLE_NAMES:
        return path.name
    if path.suffix == ".jsonl":
        return PATTERNS
    header = _first_line(path)
    for name, columns in TSV_TABLES.items():
        if header == columns:
            return name
    raise DictionaryError(
        f"{path}: cannot tell which table this is (header {', '.join(header) or 'missing'})",
        f"name it one of {', '.join(TABLE_NAMES)} or start it with that table's header",
    )


def _first_line(path: Path) -> tuple[str, ...]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            if raw.strip() and not raw.startswith("#"):
                return tuple(f.strip() for f in raw.rstrip("\r\n").split("\t"))
    return ()


def tables_in(path: Path) -> list[tuple[Path, str]]:
    """(file, table) pairs to check: the file itself, or the known tables in a folder."""
    if path.is_file():
        return [(path, table_of(path))]
    if not path.is_dir():
        raise DictionaryError(f"{path}: no such file or folder", "check the path")
    found = [(path / name, name) for name in TABLE_NAMES if (path / name).is_file()]
    if not found:
        raise DictionaryError(f"{path}: holds none of {', '.join(TABLE_NAMES)}",
                              "give a table file or a folder of tables")
    return found


# -- line by line ----------------------------------------------------------------------------
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            yield number, raw.rstrip("\n").rstrip("\r")


def tsv_rows(path: Path, columns: tuple[str, ...], result: Validation) -> Iterator[tuple[int, Row]]:
    """Data rows of a TSV table; header and field-count errors go to `result`."""
    header_seen = False
    for number, line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if not header_seen:
            if fields != columns:
                result.errors.append(f"{path.name}:{number}: header is {', '.join(fields)}; "
                                     f"expected {', '.join(columns)}")
                return  # the rows cannot be read without the right columns
            header_seen = True
            continue
        result.entries += 1
        if len(fields) != len(columns):
            result.errors.append(f"{path.name}:{number}: expected {len(columns)} tab-separated "
                                 f"fields ({', '.join(columns)}), got {len(fields)}")
            continue
        yield number, dict(zip(columns, fields, strict=True))
    if not header_seen:
        result.errors.append(f"{path.name}: no header line (start with: {' '.join(columns)})")


def _check(result: Validation, check: Callable[[Path, int, Any], T], path: Path, number: int,
           row: Any) -> T | None:
    """The checked row, or None with the error recorded."""
    try:
        return check(path, number, row)
    except DictionaryError as exc:
        result.errors.append(exc.problem)
        return None


def _repeats(key: str, seen: set[str], path: Path, number: int, field_name: str, problem: str,
             result: Validation) -> None:
    if key in seen:
        result.errors.append(field_error(path, number, field_name, problem).problem)
    seen.add(key)


def check_tsv(path: Path, table: str, result: Validation) -> None:
    seen: set[str] = set()
    for number, row in tsv_rows(path, TSV_TABLES[table], result):
        if table in ROW_READERS:
            _check(result, ROW_READERS[table], path, number, row)
        elif table == "sectors.tsv":
            parsed = _check(result, sector_row, path, number, row)
            if parsed is not None:
                term, _, kind = parsed
                _repeats(f"{term}\t{kind}", seen, path, number, "term",
                         f"repeats {term!r} ({kind})", result)
        elif _check(result, codebook_row, path, number, row) is not None:
            code = row["code"]
            _repeats(code, seen, path, number, "code", f"repeats {code}", result)


def _json_objects(path: Path, result: Validation) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in _lines(path):
        if not line.strip():
            continue
        result.entries += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(f"{path.name}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(value, dict):
            result.errors.append(f"{path.name}:{number}: expected a JSON object")
            continue
        yield number, value


def check_patterns(path: Path, codebook: Codebook, result: Validation) -> None:
    seen: set[str] = set()
    for number, obj in _json_objects(path, result):
        try:
            pattern = parse_pattern(path, number, obj, codebook)
        except DictionaryError as exc:
            result.errors.append(exc.problem)
            continue
        _repeats(pattern.id, seen, path, number, "id", f"repeats {pattern.id!r}", result)


def check_plover(path: Path, codebook: Codebook, result: Validation) -> None:
    """Rows of the CAMEO → PLOVER mapping: known codes, PLOVER categories and modes, and a row
    covering every code of the codebook."""
    entries: dict[str, PloverEntry] = {}
    for number, row in tsv_rows(path, PLOVER_COLUMNS, result):
        entry = _check(result, plover_row, path, number, row)
        if entry is None:
            continue
        if entry.cameo not in codebook:
            result.errors.append(field_error(path, number, "cameo",
                                             f"{entry.cameo} is not in the codebook").problem)
        _repeats(entry.cameo, set(entries), path, number, "cameo", f"repeats {entry.cameo}",
                 result)
        entries.setdefault(entry.cameo, entry)
    if entries:
        table = PloverTable(entries)
        uncovered = [c for c in codebook.codes() if table.lookup(c) is None]
        if uncovered:
            result.errors.append(f"{path.name}: no row covers the CAMEO codes "
                                 f"{', '.join(uncovered)} (add their root)")


def _codebook_for(files: list[tuple[Path, str]]) -> Codebook:
    """Patterns and the PLOVER mapping are checked against the codebook beside them when it is
    valid."""
    for path, table in files:
        if table == CODEBOOK:
            try:
                return read_codebook(path)
            except DictionaryError:
                break  # its own errors are reported; fall back to the bundled codebook
    return load_codebook()


def validate_path(path: Path) -> Validation:
    """Check a table file, or every known table in a folder, collecting all errors."""
    files = tables_in(path)
    result = Validation(files=len(files))
    for file, table in files:
        try:
            if table == PATTERNS:
                check_patterns(file, _codebook_for(files), result)
            elif table == PLOVER:
                check_plover(file, _codebook_for(files), result)
            else:
                check_tsv(file, table, result)
        except UnicodeDecodeError:
            result.errors.append(f"{file.name}: not UTF-8 text")
    return result
