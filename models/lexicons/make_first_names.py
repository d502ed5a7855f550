"""Regenerate first_names.tsv from the name data of the nomquamgender package (MIT licence,
https://github.com/ianvanbuskirk/nomquamgender): `pip install nomquamgender==0.1.4`, then
`python models/lexicons/make_first_names.py`. Kept: alphabetic ASCII names seen in at least
3 sources and 50 times whose share of women is at most 0.1 (male) or at least 0.9 (female), and
those given to both, unknown, when seen in at least 15 sources and 1,000 times ("jean",
"leslie", "thanh"; not the rarer "tennis" or "ku"). Regnal numbers ("Henry II") are left out."""

import importlib.util
import json
import re
from pathlib import Path

MIN_SOURCES, MIN_COUNT, CLEAR_SHARE = 3, 50, 0.1
MIN_SOURCES_BOTH, MIN_COUNT_BOTH = 15, 1000
REGNAL_NUMBER = re.compile(r"x{0,2}(ix|iv|v?i{0,3})")  # i to xxix

# located without importing the package (its import pulls in pandas)
package = Path(importlib.util.find_spec("nomquamgender").submodule_search_locations[0])
data = json.loads((package / "name_data.json").read_text(encoding="utf-8"))
rows = []
for name, (sources, count, share_female, *_rest) in sorted(data.items()):
    if not (name.isalpha() and name.isascii()) or sources < MIN_SOURCES or count < MIN_COUNT:
        continue
    if REGNAL_NUMBER.fullmatch(name):
        continue
    if share_female <= CLEAR_SHARE:
        rows.append(f"{name}\tmale\n")
    elif share_female >= 1 - CLEAR_SHARE:
        rows.append(f"{name}\tfemale\n")
    elif sources >= MIN_SOURCES_BOTH and count >= MIN_COUNT_BOTH:
        rows.append(f"{name}\tunknown\n")
header = (
    "# First names and the gender they are clearly given to (unknown: given to both), a prior\n"
    "# used only when the text says nothing. Derived from nomquamgender 0.1.4 (MIT licence,\n"
    "# Copyright (c) 2022 Ian Van Buskirk) by make_first_names.py; do not edit by hand.\n"
    "name\tgender\n"
)
Path(__file__).with_name("first_names.tsv").write_text(header + "".join(rows), encoding="utf-8")
