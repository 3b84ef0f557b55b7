"""Reading line-oriented tables (TSV, JSONL) with errors that name file, line and field."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.errors import DictionaryError

DATA_PACKAGE = "dyadwatch.dictionaries"


def data_path(name: str) -> Path:
    """Path of a bundled table in dictionaries/data/."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath("data", name)))


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; '#' lines and blank lines are skipped.

    The first non-comment line must be the header with exactly `columns` (in that order)."""
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                _check_header(path, number, tuple(fields), columns)
                header_seen = True
                continue
            if len(fields) != len(columns):
                raise DictionaryError(
                    f"{path.name}:{number}: expected {len(columns)} tab-separated fields "
                    f"({', '.join(columns)}), got {len(fields)}",
                    "fix the line or its tabs",
                )
            yield number, dict(zip(columns, (f.strip() for f in fields), strict=True))
    if not header_seen:
        raise DictionaryError(f"{path.name}: no header line", f"start with: {' '.join(columns)}")


E = TypeVar("E")


def read_keyed_tsv(path: Path, columns: tuple[str, ...],
                   parse: Callable[[Path, int, dict[str, str]], E],
                   key: Callable[[E], str], key_column: str) -> dict[str, E]:
    """Parse each row of a table keyed by one column; a repeated key names its line."""
    entries: dict[str, E] = {}
    for number, row in read_tsv(path, columns):
        entry = parse(path, number, row)
        if key(entry) in entries:
            raise field_error(path, number, key_column, f"repeats {key(entry)}")
        entries[key(entry)] = entry
    return entries


def _check_header(path: Path, number: int, got: tuple[str, ...], want: tuple[str, ...]) -> None:
    if tuple(f.strip() for f in got) != want:
        raise DictionaryError(
            f"{path.name}:{number}: header is {', '.join(got)}; expected {', '.join(want)}",
            "fix the header line",
        )


def _table_line_error(path: Path, number: int, problem: str) -> Exception:
    return DictionaryError(f"{path.name}:{number}: {problem}", "fix the line")


def read_jsonl(
    path: Path, error: Callable[[Path, int, str], Exception] = _table_line_error,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; a line that is not a JSON object
    raises `error(path, line, problem)`."""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise error(path, number, f"not valid JSON ({exc.msg})") from None
            if not isinstance(value, dict):
                raise error(path, number, "expected a JSON object, one a line")
            yield number, value


def field_error(path: Path, number: int, field: str, problem: str) -> DictionaryError:
    return DictionaryError(f"{path.name}:{number}: field '{field}' {problem}", "fix the entry")
