"""Regenerate role_nouns.tsv from WordNet 3.0 (Princeton University; the WordNet licence, a
BSD-style licence that allows redistribution with its copyright notice):
`apt-get install wordnet-base` (Debian's package puts the database in /usr/share/wordnet), then
`python models/lexicons/make_role_nouns.py [/usr/share/wordnet]`.

A role noun is a one-word noun whose most frequent sense (the first of its senses in WordNet's
index) belongs to WordNet's noun.person file and is no named individual ("sniper", "bellhop",
"gambler"; not "publisher", whose first sense is a firm, nor "Voltaire"). The nouns of
person_nouns.tsv, kinship.tsv and creature_nouns.tsv, and English stop words, are left out:
those lists say more of them (gender, generic or not, kin)."""

import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from extract.lexicons import creature_nouns, person_nouns

PERSON_FILE = 18  # WordNet's lexicographer file noun.person
HERE = Path(__file__).parent
HEADER = (
    "# Role nouns: one-word nouns whose most frequent sense in WordNet 3.0 is a person (noun.person)\n"
    "# and no named individual, beside the richer person_nouns.tsv and kinship.tsv. Made by\n"
    "# make_role_nouns.py from WordNet 3.0 (Princeton University, WordNet licence); do not edit\n"
    "# by hand. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n"
    "noun\n"
)


def synsets_of_person_file(data_noun: Path) -> set[str]:
    """Offsets of the noun synsets of noun.person that name no individual (all of whose words
    are lowercase: "sniper", not "Voltaire")."""
    offsets = set()
    for line in data_noun.open(encoding="latin-1"):
        if line.startswith("  "):  # the licence at the top
            continue
        fields = line.split(" ")
        offset, lexicographer_file, word_count = fields[0], int(fields[1]), int(fields[3], 16)
        words = fields[4 : 4 + 2 * word_count : 2]
        if lexicographer_file == PERSON_FILE and all(word.islower() for word in words):
            offsets.add(offset)
    return offsets


def role_nouns(folder: Path) -> list[str]:
    """The one-word lemmas whose first sense is a synset of `synsets_of_person_file`."""
    persons = synsets_of_person_file(folder / "data.noun")
    known = set(person_nouns()) | set(creature_nouns()) | STOP_WORDS
    nouns = []
    for line in (folder / "index.noun").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, pointer_count = fields[0], int(fields[3])
        first_sense = fields[6 + pointer_count]
        if first_sense in persons and lemma.isalpha() and lemma not in known:
            nouns.append(lemma)
    return sorted(nouns)


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    nouns = role_nouns(folder)
    (HERE / "role_nouns.tsv").write_text(HEADER + "".join(f"{noun}\n" for noun in nouns))
    print(f"{len(nouns)} role nouns")
