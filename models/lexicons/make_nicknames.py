"""Regenerate nicknames.tsv from the names.csv of the nicknames package (Apache-2.0 licence,
https://github.com/carltonnorthern/nicknames): `pip install nicknames==1.0.1`, then
`python models/lexicons/make_nicknames.py`. Kept: every "NAME has_nickname NICKNAME" pair of
alphabetic names ("leslie les", "patricia patsy")."""

import csv
import importlib.util
from pathlib import Path

package = Path(importlib.util.find_spec("nicknames").submodule_search_locations[0])
with (package / "names.csv").open(encoding="utf-8") as lines:
    pairs = sorted(
        {
            (row["name1"], row["name2"])
            for row in csv.DictReader(lines)
            if row["relationship"] == "has_nickname"
            and row["name1"].isalpha()
            and row["name2"].isalpha()
        }
    )
header = (
    '# English first names and their nicknames ("leslie" / "les", "patricia" / "patsy"),\n'
    "# from the hand-curated names.csv of the nicknames package 1.0.1 (Apache-2.0 licence,\n"
    "# by Carlton Northern and Nick Crews). A lone nickname is the character of\n"
    "# the one full name it shortens (extract/stages/characters/names.py). Made by\n"
    "# make_nicknames.py; do not edit by hand.\n"
    "name\tnickname\n"
)
target = Path(__file__).parent / "nicknames.tsv"
target.write_text(header + "".join(f"{name}\t{nick}\n" for name, nick in pairs), encoding="utf-8")
