"""The CAMEO → PLOVER mapping: each CAMEO code's PLOVER event category and, where one applies,
its PLOVER mode. The table (`data/plover.tsv`) lists roots and the codes that refine them; a code
takes the row of its longest listed prefix."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyadwatch.dictionaries.tables import data_path, field_error, read_keyed_tsv

COLUMNS = ("cameo", "category", "mode", "note")

# The sixteen PLOVER event categories and the modes PLOVER defines for each (none for some).
MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access",
                          "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "expel", "territory",
                           "violence"}),
    "PROTEST": frozenset({"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"confiscate", "restrict", "ban", "censor", "curfew", "martial-law",
                         "arrest", "deport", "withhold"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate",
                          "destroy", "primitive", "firearms", "explosives", "suicide-attack",
                          "heavy-weapons", "cleansing", "massacre", "unconventional", "sideAB"}),
}
CATEGORIES: tuple[str, ...] = tuple(MODES)


@dataclass(frozen=True, slots=True)
class PloverEntry:
    cameo: str
    category: str  # "" where PLOVER has no event category (CAMEO 01 statements)
    mode: str
    note: str


class PloverTable:
    """CAMEO code → PloverEntry by the longest listed prefix of the code."""

    def __init__(self, entries: dict[str, PloverEntry]) -> None:
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, code: str) -> PloverEntry | None:
        for end in range(len(code), 1, -1):
            entry = self._entries.get(code[:end])
            if entry is not None:
                return entry
        return None

    def category(self, code: str) -> tuple[str, str]:
        """(category, mode) of a code; ("", "") when no row covers it."""
        entry = self.lookup(code)
        return (entry.category, entry.mode) if entry else ("", "")


def parse_row(path: Path, number: int, row: dict[str, str]) -> PloverEntry:
    """One checked row of plover.tsv."""
    cameo, category, mode = row["cameo"], row["category"], row["mode"]
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4 and 1 <= int(cameo[:2]) <= 20):
        raise field_error(path, number, "cameo", f"must be a CAMEO code or root like 19 or "
                          f"057, got {cameo!r}")
    if category and category not in MODES:
        raise field_error(path, number, "category", f"is not a PLOVER category: {category!r} "
                          f"(one of {', '.join(CATEGORIES)}, or empty)")
    if mode and not category:
        raise field_error(path, number, "mode", "needs a category")
    if mode and mode not in MODES[category]:
        allowed = ", ".join(sorted(MODES[category])) or "none"
        raise field_error(path, number, "mode", f"{mode!r} is not a PLOVER mode of {category} "
                          f"(modes: {allowed})")
    if not row["note"] and not category:
        raise field_error(path, number, "note", "must say why a code has no PLOVER category")
    return PloverEntry(cameo, category, mode, row["note"])


def read_plover(path: Path) -> PloverTable:
    return PloverTable(read_keyed_tsv(path, COLUMNS, parse_row, lambda e: e.cameo, "cameo"))


@lru_cache(maxsize=1)
def load_plover() -> PloverTable:
    """The bundled mapping (read once per process)."""
    return read_plover(data_path("plover.tsv"))
