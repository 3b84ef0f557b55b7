"""The CAMEO event codebook: code → name, Goldstein value, QuadClass, and the PLOVER category
and mode of the code (from plover.tsv)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dyadwatch.dictionaries.plover import PloverTable, load_plover
from dyadwatch.dictionaries.tables import data_path, field_error, read_keyed_tsv

COLUMNS = ("code", "name", "goldstein", "quad_class")
QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str = ""  # PLOVER event category, "" where PLOVER has none (CAMEO 01)
    plover_mode: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]


class Codebook:
    """Lookup of CAMEO codes; every code's root must exist too."""

    def __init__(self, entries: dict[str, CodeEntry]) -> None:
        self._entries = entries

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, code: str) -> CodeEntry:
        try:
            return self._entries[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def roots(self) -> list[str]:
        return sorted({e.root for e in self._entries.values()})

    def codes(self) -> list[str]:
        return sorted(self._entries)

    def with_plover(self, table: PloverTable) -> Codebook:
        """The same codebook with each entry's PLOVER category and mode filled in."""
        entries = {}
        for code, entry in self._entries.items():
            category, mode = table.category(code)
            entries[code] = replace(entry, plover=category, plover_mode=mode)
        return Codebook(entries)


def _parse_entry(path: Path, number: int, row: dict[str, str]) -> CodeEntry:
    code = row["code"]
    if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
        raise field_error(path, number, "code", f"must be a CAMEO code like 057, got {code!r}")
    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        problem = f"is not a number: {row['goldstein']!r}"
        raise field_error(path, number, "goldstein", problem) from None
    if not -10.0 <= goldstein <= 10.0:
        raise field_error(path, number, "goldstein", "must lie between -10 and 10")
    if row["quad_class"] not in {"1", "2", "3", "4"}:
        raise field_error(path, number, "quad_class", "must be 1, 2, 3 or 4")
    if not row["name"]:
        raise field_error(path, number, "name", "is empty")
    return CodeEntry(code, row["name"], goldstein, int(row["quad_class"]))


def read_codebook(path: Path) -> Codebook:
    return Codebook(read_keyed_tsv(path, COLUMNS, _parse_entry, lambda e: e.code, "code"))


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The bundled codebook with PLOVER categories (read once per process)."""
    return read_codebook(data_path("cameo_codebook.tsv")).with_plover(load_plover())
