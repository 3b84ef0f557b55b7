"""Actor tables: countries (pycountry + the project's names, adjectives, capitals, seats of
power), international organisations, named people with dated roles, named organisations, and
sector nouns and titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pycountry

from dyadwatch.dictionaries.tables import data_path, field_error, read_tsv

SECTORS = frozenset(
    ["GOV", "MIL", "BUS", "EDU", "REL", "NGO", "MED", "JUD", "LEG", "COP", "REB", "OPP", "CVL",
     "LAB", "HLH", "SPY", "REF", "ELI", "PTY", "AGR", "ENV"]
)
COUNTRY_KINDS = ("name", "adjective", "capital", "seat")
# Codes that are not ISO 3166 countries but are used as the country part of actor codes.
EXTRA_COUNTRY_CODES = frozenset({"XKX", "IMG", "WST", "EUR"})


@dataclass(frozen=True, slots=True)
class NamedActor:
    """A name in the text that stands for an actor: kind says how (capital, seat, person...)."""

    term: str
    country: str
    sector: str
    kind: str
    start: date | None = None
    end: date | None = None

    def in_force(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class ActorTables:
    names: dict[str, tuple[NamedActor, ...]]
    sector_nouns: dict[str, str]
    sector_titles: dict[str, str]
    known_codes: frozenset[str] = field(default_factory=frozenset)


def _valid_country(code: str) -> bool:
    return code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_3=code) is not None


def _check_country(path: Path, number: int, code: str, column: str = "country") -> None:
    if not (_valid_country(code) or code.startswith("IGO")):
        raise field_error(path, number, column, f"is not an ISO 3166 alpha-3 code: {code!r}")


def _check_sector(path: Path, number: int, sector: str) -> None:
    if sector and sector not in SECTORS:
        raise field_error(path, number, "sector", f"is not a known sector code: {sector!r}")


def _parse_date(path: Path, number: int, column: str, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise field_error(path, number, column, f"is not a YYYY-MM-DD date: {value!r}") from None


def pycountry_names() -> list[NamedActor]:
    """Official and common names from pycountry, skipping inverted forms ("Korea, Republic of")."""
    found: list[NamedActor] = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                found.append(NamedActor(value, country.alpha_3, "", "name"))
    return found


def read_countries(path: Path) -> list[NamedActor]:
    found = []
    for number, row in read_tsv(path, ("code", "kind", "term")):
        _check_country(path, number, row["code"], "code")
        if row["kind"] not in COUNTRY_KINDS:
            raise field_error(path, number, "kind", f"must be one of {', '.join(COUNTRY_KINDS)}")
        # A seat of power speaks for the government; a capital or name for the whole country.
        sector = "GOV" if row["kind"] == "seat" else ""
        found.append(NamedActor(row["term"], row["code"], sector, row["kind"]))
    return found


def read_igos(path: Path) -> list[NamedActor]:
    found = []
    for number, row in read_tsv(path, ("code", "term")):
        code = row["code"]
        if not (code.isupper() and 3 <= len(code) <= 9):
            raise field_error(path, number, "code", f"is not an IGO/NGO code: {code!r}")
        found.append(NamedActor(row["term"], code, "", "igo"))
    return found


def read_people(path: Path) -> list[NamedActor]:
    columns = ("name", "aliases", "country", "sector", "role", "start", "end")
    found = []
    for number, row in read_tsv(path, columns):
        _check_country(path, number, row["country"])
        _check_sector(path, number, row["sector"])
        start = _parse_date(path, number, "start", row["start"])
        end = _parse_date(path, number, "end", row["end"])
        if start and end and end < start:
            raise field_error(path, number, "end", "is before start")
        for term in _terms(row["name"], row["aliases"]):
            found.append(NamedActor(term, row["country"], row["sector"], "person", start, end))
    return found


def read_organisations(path: Path) -> list[NamedActor]:
    found = []
    for number, row in read_tsv(path, ("name", "aliases", "country", "sector")):
        _check_country(path, number, row["country"])
        _check_sector(path, number, row["sector"])
        for term in _terms(row["name"], row["aliases"]):
            found.append(NamedActor(term, row["country"], row["sector"], "organisation"))
    return found


def read_sectors(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    nouns: dict[str, str] = {}
    titles: dict[str, str] = {}
    for number, row in read_tsv(path, ("term", "sector", "kind")):
        _check_sector(path, number, row["sector"])
        if row["kind"] not in ("noun", "title"):
            raise field_error(path, number, "kind", "must be noun or title")
        table = nouns if row["kind"] == "noun" else titles
        term = row["term"].lower()
        if term in table:
            raise field_error(path, number, "term", f"repeats {term!r} ({row['kind']})")
        table[term] = row["sector"]
    return nouns, titles


def _terms(name: str, aliases: str) -> list[str]:
    return [t.strip() for t in [name, *aliases.split("|")] if t.strip()]


def _ambiguous(entries: list[NamedActor]) -> bool:
    """A non-person term listed for two countries ("Congolese") cannot be coded from itself."""
    countries = {e.country for e in entries if e.kind != "person"}
    return len(countries) > 1


def build_tables(named: list[NamedActor], sectors_path: Path) -> ActorTables:
    names: dict[str, list[NamedActor]] = {}
    for entry in named:
        names.setdefault(entry.term, []).append(entry)
    names = {term: entries for term, entries in names.items() if not _ambiguous(entries)}
    nouns, titles = read_sectors(sectors_path)
    codes = frozenset(e.country for e in named)
    return ActorTables({k: tuple(v) for k, v in names.items()}, nouns, titles, codes)


def read_actor_tables(folder: Path) -> ActorTables:
    named = pycountry_names()
    named += read_countries(folder / "countries.tsv")
    named += read_igos(folder / "igos.tsv")
    named += read_people(folder / "people.tsv")
    named += read_organisations(folder / "organisations.tsv")
    return build_tables(named, folder / "sectors.tsv")


@lru_cache(maxsize=1)
def load_actor_tables() -> ActorTables:
    """The bundled actor tables (read once per process)."""
    return read_actor_tables(data_path("countries.tsv").parent)
