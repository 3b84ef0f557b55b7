"""Record files: JSON Lines (.jsonl, .ndjson) and delimited tables (.csv, .tsv), streamed.

A bad record becomes a Reject naming its line and the reading goes on; only problems with the whole
file (binary, no such column...) stop it. `ReadOptions` says which key/column holds what.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dyadwatch.config import ReadOptions
from dyadwatch.errors import InputError
from dyadwatch.ingest import problems
from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.decode import open_text
from dyadwatch.ingest.text import field_text, finish_text
from dyadwatch.model import Article, Reject

JSONL_EXTENSIONS = (".jsonl", ".ndjson")
CSV_EXTENSIONS = (".csv",)
TSV_EXTENSIONS = (".tsv",)
# Large enough for any text within --max-chars; csv's default (128 KiB) is not.
CSV_FIELD_LIMIT = 2**31 - 1
_DEFAULTS = ReadOptions()
# Column options in the order they are checked: (ReadOptions attribute, CLI option name).
COLUMN_OPTIONS = (
    ("text_column", "text-column"),
    ("id_column", "id-column"),
    ("date_column", "date-column"),
    ("title_column", "title-column"),
    ("url_column", "url-column"),
    ("source_column", "source-column"),
)


def record_article(record: Mapping[str, Any], *, origin: str, options: ReadOptions) -> Article:
    """One Article from a decoded record (JSON object or CSV row). Raises InputError."""
    column = options.text_column
    if column not in record:
        raise problems.no_text_field(origin, column)
    value = record[column]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise problems.empty_text(origin, column)
    if not isinstance(value, str):
        raise problems.text_not_string(origin, column, problems.json_type_name(value))
    text = finish_text(value, origin=origin, options=options)
    return Article.from_text(
        text,
        published=parse_date(record.get(options.date_column), origin=origin),
        title=field_text(record.get(options.title_column)),
        url=field_text(record.get(options.url_column)),
        source=field_text(record.get(options.source_column)),
        origin=origin,
        external_id=field_text(record.get(options.id_column)) or origin,
    )


def _json_record(line: str, origin: str) -> dict[str, Any]:
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as err:
        raise problems.bad_json(origin, f"{err.msg}: column {err.colno}") from None
    if not isinstance(value, dict):
        raise problems.not_an_object(origin, problems.json_type_name(value))
    return value


def _line_text(line: str | bytes, number: int, origin: str) -> str:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            raise problems.line_encoding(origin) from None
    return line.lstrip("\ufeff") if number == 1 else line


def read_jsonl_lines(
    lines: Iterable[str | bytes], *, path: str, options: ReadOptions
) -> Iterator[Article | Reject]:
    """Articles and per-line Rejects from JSON Lines; raises InputError "empty" if all blank."""
    seen = False
    for number, line in enumerate(lines, start=1):
        origin = f"{path}:{number}"
        try:
            text = _line_text(line, number, origin)
            if not text.strip():
                continue
            seen = True
            yield record_article(_json_record(text, origin), origin=origin, options=options)
        except InputError as err:
            seen = True
            yield problems.to_reject(origin, err)
    if not seen:
        raise problems.empty(path)


def read_jsonl_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    """Stream a JSON Lines file, one record per line."""
    with open_text(path) as stream:
        yield from read_jsonl_lines(stream, path=path, options=options)


def check_columns(path: str, header: list[str], options: ReadOptions) -> None:
    """Raise "missing-column" for the text column, or any other column the user renamed."""
    for attribute, option in COLUMN_OPTIONS:
        column = getattr(options, attribute)
        required = attribute == "text_column" or column != getattr(_DEFAULTS, attribute)
        if required and column not in header:
            raise problems.missing_column(path, column, header, option)


def _read_header(reader: Any) -> list[str] | None:
    for row in reader:
        if any(cell.strip() for cell in row):
            return [cell.strip() for cell in row]
    return None


def _csv_records(
    reader: Any, header: list[str], *, path: str, options: ReadOptions
) -> Iterator[Article | Reject]:
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            origin = f"{path}:{previous + 1}"
            yield problems.to_reject(origin, problems.bad_csv(origin, str(err)))
            return
        start, previous = previous + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        origin = f"{path}:{start}"
        record = {name: row[i] if i < len(row) else "" for i, name in enumerate(header)}
        try:
            yield record_article(record, origin=origin, options=options)
        except InputError as err:
            yield problems.to_reject(origin, err)


def read_delimited_file(
    path: str, options: ReadOptions, *, delimiter: str
) -> Iterator[Article | Reject]:
    """Stream a table with a header row; origins are "path:line" of each record's first line."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    with open_text(path) as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = _read_header(reader)
        except csv.Error as err:
            raise problems.bad_csv(f"{path}:{reader.line_num}", str(err)) from None
        if header is None:
            raise problems.empty(path)
        check_columns(path, header, options)
        yield from _csv_records(reader, header, path=path, options=options)


def read_csv_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    return read_delimited_file(path, options, delimiter=",")


def read_tsv_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    return read_delimited_file(path, options, delimiter="\t")
