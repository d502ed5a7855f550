"""Regenerate first_names.tsv from two name datasets:
`pip install nomquamgender==0.1.4 names-dataset==3.3.1` beside the base model, then
`python models/lexicons/make_first_names.py`.
- nomquamgender (https://github.com/ianvanbuskirk/nomquamgender), mostly Western names: the
  alphabetic ASCII names seen in at least 3 sources and 50 times whose share of women is at most
  0.1 (male) or at least 0.9 (female), and those given to both, unknown, when seen in at least
  15 sources and 1,000 times ("jean", "leslie", "thanh"; not the rarer "tennis" or "ku").
- names-dataset (https://github.com/philipperemy/name-dataset; MIT in its metadata, an Apache
  2.0 licence file), first names of 105 countries counted in a leak of social-network profiles
  (only aggregate counts of first names are used, never a person's record):
  the names it does not already hold that rank among the 1,000 most given in a country and go
  to one gender 9 times in 10, and those given to both among a country's 300 most given
  ("Nasiru", "Zibuyile", "Thando"), written as `ascii_folded` reads them ("Nahidə": "nahide").
  Left out: words of fewer than three letters, with no vowel or a letter thrice ("mdp"),
  English words (the base model's lemmatizer and stop words know them: "war", "bank", "the")
  and the places of places.tsv, which a first name would keep from being read as places.
Regnal numbers ("Henry II") are left out."""

import gzip
import importlib.util
import json
import pickle
import re
from pathlib import Path

import spacy

from extract.lexicons import ascii_folded, read_table
from extract.pipeline import DEFAULT_MODEL
from extract.syntax import known_words

MIN_SOURCES, MIN_COUNT, CLEAR_SHARE = 3, 50, 0.1
MIN_SOURCES_BOTH, MIN_COUNT_BOTH = 15, 1000
MAX_RANK, MAX_RANK_BOTH = 1000, 300
REGNAL_NUMBER = re.compile(r"x{0,2}(ix|iv|v?i{0,3})")  # i to xxix
WORD_LIKE = re.compile(r"(?=.*[aeiouy])(?!.*(.)\1\1)[a-z]{3,}")  # not "mdp", "aaaaaa", "ch"


def package_folder(name: str) -> Path:
    """Located without importing the package (nomquamgender's import pulls in pandas)."""
    return Path(importlib.util.find_spec(name).submodule_search_locations[0])


def nomquamgender_genders() -> dict[str, str]:
    data = json.loads((package_folder("nomquamgender") / "name_data.json").read_text("utf-8"))
    genders = {}
    for name, (sources, count, share_female, *_rest) in data.items():
        if not (name.isalpha() and name.isascii()) or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if share_female <= CLEAR_SHARE:
            genders[name] = "male"
        elif share_female >= 1 - CLEAR_SHARE:
            genders[name] = "female"
        elif sources >= MIN_SOURCES_BOTH and count >= MIN_COUNT_BOTH:
            genders[name] = "unknown"
    return genders


def names_dataset_genders(excluded: set[str]) -> dict[str, str]:
    path = package_folder("names_dataset") / "v3" / "first_names.pkl.gz"
    with gzip.open(path) as file:
        data = pickle.load(file)  # noqa: S301 - the package's own data file
    genders: dict[str, str] = {}
    for name, info in data.items():
        key = ascii_folded(name.lower())
        if not name[:1].isupper() or not WORD_LIKE.fullmatch(key):
            continue
        ranks, shares = info.get("rank") or {}, info.get("gender") or {}
        if key in excluded or not ranks or not shares:
            continue
        best = min(ranks.values())
        if best <= MAX_RANK and shares.get("M", 0) >= 1 - CLEAR_SHARE:
            gender = "male"
        elif best <= MAX_RANK and shares.get("F", 0) >= 1 - CLEAR_SHARE:
            gender = "female"
        elif best <= MAX_RANK_BOTH:
            gender = "unknown"
        else:
            continue
        genders[key] = gender if genders.get(key, gender) == gender else "unknown"
    return genders


genders = nomquamgender_genders()
base = spacy.load(DEFAULT_MODEL)
english = known_words(base, "noun", "verb", "adj", "adv") | base.Defaults.stop_words
places = {ascii_folded(row["name"].lower()) for row in read_table("lexicons/places.tsv")}
genders |= names_dataset_genders(set(genders) | english | places)
rows = [
    f"{name}\t{gender}\n"
    for name, gender in sorted(genders.items())
    if not REGNAL_NUMBER.fullmatch(name)
]
header = (
    "# First names and the gender they are clearly given to (unknown: given to both), a prior\n"
    "# used only when the text says nothing. Derived from nomquamgender 0.1.4 (MIT licence,\n"
    "# Copyright (c) 2022 Ian Van Buskirk) and names-dataset 3.3.1 (Philippe Remy; MIT in its\n"
    "# metadata, Apache 2.0 licence file) by make_first_names.py; do not edit by hand.\n"
    "name\tgender\n"
)
Path(__file__).with_name("first_names.tsv").write_text(header + "".join(rows), encoding="utf-8")
