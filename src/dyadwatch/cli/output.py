"""Writing records (events, agreements) as JSON Lines, CSV or a Rich table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from dyadwatch.model import EVENT_FIELDS

TABLE_COLUMNS = ("date", "source", "target", "code", "name", "plover", "modality", "confidence",
                 "sentence")
AGREEMENT_TABLE_COLUMNS = ("date", "parties", "kind", "subject", "count", "count_unit",
                           "period_start", "period_end", "status", "evidence")


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


@contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    """`-` is standard output; anything else a file (created with its folder)."""
    if path == "-":
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _json_default(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class RecordWriter:
    """Streams records; the table format collects rows and renders at close()."""

    def __init__(self, handle: TextIO, fmt: Format, *, fields: Sequence[str] = EVENT_FIELDS,
                 table_columns: Sequence[str] = TABLE_COLUMNS) -> None:
        self.handle = handle
        self.fmt = fmt
        self.table_columns = tuple(table_columns)
        self.count = 0
        self._csv: Any = None
        self._table: Table | None = None
        if fmt is Format.csv:
            self._csv = csv.DictWriter(handle, fieldnames=list(fields), extrasaction="ignore")
            self._csv.writeheader()
        elif fmt is Format.table:
            self._table = Table(*self.table_columns, show_lines=False)

    def write_all(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self.write(record)

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self.fmt is Format.jsonl:
            self.handle.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        elif self._csv is not None:
            self._csv.writerow(record)
        elif self._table is not None:
            self._table.add_row(*(_cell(record.get(c)) for c in self.table_columns))

    def close(self) -> None:
        if self._table is not None:
            Console(file=self.handle, width=200).print(self._table)
        self.handle.flush()


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:117] + "..."
