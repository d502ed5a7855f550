"""Regenerate irregular_participles.tsv from the verb exceptions of the base English
pipeline's lemmatizer (spaCy's lookups data, MIT licence): run
`python models/lexicons/make_irregular_participles.py` in the project's environment.
Kept: the inflected forms that are neither -ing nor -s forms and differ from their base form
("caught", "led", "smitten", also spellings such as "abetted")."""

from pathlib import Path

import spacy

from extract.pipeline import DEFAULT_MODEL

lemmatizer = spacy.load(DEFAULT_MODEL).get_pipe("lemmatizer")
exceptions = lemmatizer.lookups.get_table("lemma_exc")["verb"]
forms = sorted(
    form
    for form, bases in exceptions.items()
    if form.isalpha() and not form.endswith(("ing", "s")) and all(base != form for base in bases)
)
header = (
    '# Irregular past forms of English verbs ("caught", "led", "smitten"), from the verb\n'
    "# exceptions of the base pipeline's lemmatizer (spaCy lookups, MIT licence). A sentence\n"
    '# opening with one of them opens a participle clause, not a name ("Stung by his rejection,\n'
    '# she..."). Made by make_irregular_participles.py; do not edit by hand.\n'
    "form\n"
)
target = Path(__file__).parent / "irregular_participles.tsv"
target.write_text(header + "".join(form + "\n" for form in forms), encoding="utf-8")
