"""Loads the word lists and rule tables kept as data in `models/`, once per process."""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path


def models_dir() -> Path:
    """The project's model assets: `models/` at the top of a checkout (an editable install),
    else the copy a wheel carries inside the package (`extract/models`)."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "models", package / "models"):
        if (candidate / "rules" / "rules.tsv").is_file():
            return candidate
    raise FileNotFoundError(f"no models/ beside or inside {package}")


MODELS_DIR = models_dir()


def read_table(relative_path: str) -> list[dict[str, str]]:
    """Rows of a TSV file under models/: a header line, '#' lines are comments."""
    path = MODELS_DIR / relative_path
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def word_set(relative_path: str, column: str) -> frozenset[str]:
    """One column of a word-list TSV under models/."""
    return frozenset(row[column] for row in read_table(relative_path))


def word_groups(relative_path: str, key: str, column: str) -> dict[str, frozenset[str]]:
    """The words of one column of a TSV under models/, grouped by another column."""
    groups: dict[str, set[str]] = {}
    for row in read_table(relative_path):
        groups.setdefault(row[key], set()).add(row[column])
    return {name: frozenset(words) for name, words in groups.items()}


@dataclass(frozen=True)
class KinshipNoun:
    noun: str
    type: str
    referent: str  # "source" or "target": which end of the relation the noun names
    gender: str


@dataclass(frozen=True)
class Pronoun:
    form: str
    gender: str
    number: str
    case: str


@dataclass(frozen=True)
class RelationType:
    type: str
    category: str
    symmetric: bool
    couple: bool
    reversible: bool


@cache
def kinship_nouns() -> dict[str, KinshipNoun]:
    """Relational nouns ("sister", "maid") by lemma."""
    return {row["noun"]: KinshipNoun(**row) for row in read_table("lexicons/kinship.tsv")}


@cache
def pronouns() -> dict[str, Pronoun]:
    """Personal pronouns by lower-cased form."""
    return {row["form"]: Pronoun(**row) for row in read_table("lexicons/pronouns.tsv")}


@cache
def relation_types() -> dict[str, RelationType]:
    """The relation types of the output contract."""
    return {
        row["type"]: RelationType(
            row["type"],
            row["category"],
            row["symmetric"] == "yes",
            row["couple"] == "yes",
            row["reversible"] == "yes",
        )
        for row in read_table("rules/relation_types.tsv")
    }


@cache
def modality_triggers() -> dict[tuple[str, str], str]:
    """(trigger lemma, "xcomp" | "aux" | "ccomp" | "pcomp") -> modality of the governed event."""
    return {
        (row["trigger"], row["relation"]): row["modality"]
        for row in read_table("rules/modality.tsv")
    }


@cache
def group_words(kind: str) -> dict[str, int]:
    """Words that say how many characters a group holds, of one kind: "noun" ("the trio")
    or "number" (counting a plural person noun: "the three men") -> how many."""
    return {
        row["word"]: int(row["size"])
        for row in read_table("lexicons/group_words.tsv")
        if row["kind"] == kind
    }


@cache
def honorifics() -> dict[str, str]:
    """Titles written before a name ("Mr", "Inspector") -> gender of their bearer."""
    return {row["form"]: row["gender"] for row in read_table("lexicons/honorifics.tsv")}


@cache
def title_nouns() -> dict[str, str]:
    """Titles -> the person noun a definite description uses for their bearer ("Dr" ->
    "doctor", "Captain" -> "captain"), for the titles that have one."""
    return {
        row["form"]: row["noun"]
        for row in read_table("lexicons/honorifics.tsv")
        if row["noun"] != "-"
    }


@cache
def abbreviated_honorifics() -> frozenset[str]:
    """Titles written short with a period ("Sgt", "Lt")."""
    return frozenset(
        row["form"] for row in read_table("lexicons/honorifics.tsv") if row["abbreviation"] == "yes"
    )


@cache
def person_nouns() -> dict[str, str]:
    """Nouns denoting a person, kinship and social nouns included -> gender of the person."""
    nouns = {row["noun"]: row["gender"] for row in read_table("lexicons/person_nouns.tsv")}
    for noun, kinship in kinship_nouns().items():
        nouns.setdefault(noun, kinship.gender)
    return nouns


@cache
def role_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense is a person, from WordNet (models/lexicons/role_nouns.tsv):
    the roles person_nouns.tsv does not list ("sniper", "bellhop", "gambler")."""
    return word_set("lexicons/role_nouns.tsv", "noun")


@cache
def generic_person_nouns() -> frozenset[str]:
    """Person nouns that say nothing of a role ("man", "girl")."""
    return frozenset(
        row["noun"] for row in read_table("lexicons/person_nouns.tsv") if row["generic"] == "yes"
    )


@cache
def trade_nouns() -> frozenset[str]:
    """Person nouns of a trade whose members, named together, are colleagues ("prospectors")."""
    return frozenset(
        row["noun"] for row in read_table("lexicons/person_nouns.tsv") if row["trade"] == "yes"
    )


@cache
def animate_verbs() -> frozenset[str]:
    """Verbs whose subject is almost always a person."""
    return word_set("lexicons/animate_verbs.tsv", "verb")


@cache
def nonperson_heads() -> frozenset[str]:
    """Last words that make a capitalised name a place or an organisation."""
    return word_set("lexicons/nonperson_heads.tsv", "word")


@cache
def person_evidence_weights() -> dict[str, float]:
    """Weight of each clue that a name names a person (and the two thresholds)."""
    return {row["clue"]: float(row["weight"]) for row in read_table("rules/person_evidence.tsv")}


@cache
def once_per_name_clues() -> frozenset[str]:
    """Clues about how a name is written, counted once per name ("the" before it)."""
    return frozenset(
        row["clue"] for row in read_table("rules/person_evidence.tsv") if row["once"] == "yes"
    )


@cache
def real_person_clues() -> frozenset[str]:
    """Clues that make a name a real person (a film maker, a critic), not a character."""
    return frozenset(
        row["clue"]
        for row in read_table("rules/person_evidence.tsv")
        if row["real_person"] == "yes"
    )


@cache
def crew_nouns() -> frozenset[str]:
    """Nouns for film-makers and critics: names beside them are real people."""
    return word_set("lexicons/crew_nouns.tsv", "noun")


@cache
def personal_nouns() -> dict[str, str]:
    """Nouns for what only a person has (body, death, career, request), with their kind
    (body, life, mind, act): their possessor is a person."""
    return {row["noun"]: row["kind"] for row in read_table("lexicons/personal_nouns.tsv")}


@cache
def work_nouns() -> frozenset[str]:
    """Nouns for works (film, novel): their possessor is a maker, not a character."""
    return word_set("lexicons/work_nouns.tsv", "noun")


@cache
def reciprocal_verbs() -> frozenset[str]:
    """Verbs whose coordinated subjects act on each other ("Nikolai and Anna kiss")."""
    return frozenset(participle_verbs().values())


@cache
def participle_verbs() -> dict[str, str]:
    """Verb lemma by past participle, for the reciprocal verbs ("married" -> "marry")."""
    return {row["participle"]: row["verb"] for row in read_table("lexicons/reciprocal_verbs.tsv")}


@cache
def support_verbs() -> dict[str, tuple[str, ...]]:
    """Where each light or support verb carries its meaningful word: "object", "complement" or
    a preposition."""
    slots: dict[str, tuple[str, ...]] = {}
    for row in read_table("lexicons/support_verbs.tsv"):
        slots[row["verb"]] = (*slots.get(row["verb"], ()), row["slot"])
    return slots


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside names ("van", "de la")."""
    return word_set("lexicons/name_particles.tsv", "particle")


@cache
def creature_nouns() -> frozenset[str]:
    """Animals, monsters and machines that can act as story characters ("the shark")."""
    return word_set("lexicons/creature_nouns.tsv", "noun")


@cache
def perception_verbs() -> frozenset[str]:
    """Verbs of perception whose object may be the doer of a participle ("sees him leaving")."""
    return word_set("lexicons/perception_verbs.tsv", "verb")


@cache
def sending_verbs() -> frozenset[str]:
    """Verbs whose object does the purpose infinitive after them ("sends X to persuade Y")."""
    return word_set("lexicons/sending_verbs.tsv", "verb")


@cache
def tie_holding_verbs() -> frozenset[str]:
    """Verbs whose subject holds the tie their object names ("develops a crush on X")."""
    return word_set("lexicons/tie_holding_verbs.tsv", "verb")


@cache
def naming_verbs() -> dict[str, frozenset[str]]:
    """Verbs that give a person another name, with the prepositions before that name ("-":
    none)."""
    return word_groups("lexicons/naming_verbs.tsv", "verb", "marker")


@cache
def irregular_participles() -> frozenset[str]:
    """Irregular past forms of verbs ("caught", "led", "smitten"), from the base model's
    lemmatizer (models/lexicons/make_irregular_participles.py)."""
    return word_set("lexicons/irregular_participles.tsv", "form")


@cache
def places() -> frozenset[str]:
    """Names of continents, countries, US states and large cities (models/lexicons/places.tsv,
    from GeoNames)."""
    return word_set("lexicons/places.tsv", "name")


@cache
def motion_verbs() -> frozenset[str]:
    """Verbs of motion, after which "to X" names a place."""
    return word_set("lexicons/motion_verbs.tsv", "verb")


@dataclass(frozen=True)
class RelationVerb:
    predicate: str
    noun: str | None
    type: str
    source: str  # "agent" or "patient"
    presupposed: bool = False  # "divorce": the tie it ends holds, whatever the modality


@dataclass(frozen=True)
class ImplicationRule:
    first: tuple[str, str, str]  # (type, source letter, target letter)
    second: tuple[str, str, str]
    implied: tuple[str, str, str]


@cache
def implication_rules() -> list[ImplicationRule]:
    """Relations implied by two others (models/rules/implied_relations.tsv)."""
    return [
        ImplicationRule(*(tuple(row[column].split()) for column in ("first", "second", "implied")))
        for row in read_table("rules/implied_relations.tsv")
    ]


@cache
def unrealised_relations() -> dict[tuple[str, str], str]:
    """(relation type, modality) -> the type an unrealised event of that verb shows ("agrees
    to marry": engaged), models/rules/unrealised_relations.tsv."""
    return {
        (row["type"], row["modality"]): row["shown"]
        for row in read_table("rules/unrealised_relations.tsv")
    }


@cache
def relation_verbs() -> dict[str, list[RelationVerb]]:
    """Event predicates that show a relation between agent and patient, by predicate."""
    verbs: dict[str, list[RelationVerb]] = {}
    for row in read_table("rules/relation_verbs.tsv"):
        noun = None if row["noun"] == "-" else row["noun"]
        verbs.setdefault(row["predicate"], []).append(
            RelationVerb(
                row["predicate"], noun, row["type"], row["source"], row["presupposed"] == "yes"
            )
        )
    return verbs


@cache
def relation_nouns() -> dict[str, str]:
    """Nouns naming a symmetric tie between two people ("wedding") -> relation type."""
    return {row["noun"]: row["type"] for row in read_table("rules/relation_nouns.tsv")}


@cache
def relation_adjectives() -> dict[tuple[str, str], str]:
    """(adjective or participle as written, preposition) naming a symmetric tie from the
    subject to the preposition's object ("enamored of") -> relation type."""
    return {
        (row["word"], row["preposition"]): row["type"]
        for row in read_table("rules/relation_adjectives.tsv")
    }


@cache
def first_name_genders() -> dict[str, str]:
    """Lower-cased first names -> the gender they are clearly given to, "unknown" for those
    given to both (a prior, nothing more)."""
    return {row["name"]: row["gender"] for row in read_table("lexicons/first_names.tsv")}


def is_first_name(word: str) -> bool:
    """A known first name, its accents aside ("Véronique" is read as "veronique": the list
    holds ASCII spellings), whatever gender it is given to."""
    return ascii_folded(word.lower()) in first_name_genders()


@cache
def full_names_of_nicknames() -> dict[str, frozenset[str]]:
    """Lower-cased nickname -> the first names it shortens ("les": {"leslie", "lester"})."""
    return word_groups("lexicons/nicknames.tsv", "nickname", "name")


def first_name_gender(word: str) -> str | None:
    """The gender a first name is clearly given to, its accents aside, or None for a name given
    to both and a word that is no known name."""
    gender = first_name_genders().get(ascii_folded(word.lower()))
    return gender if gender in {"male", "female"} else None


# lower-case Latin letters that Unicode does not decompose into an ASCII letter and a mark
UNDECOMPOSED_LETTERS = str.maketrans(
    {
        "ı": "i", "ə": "e", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
    }
)  # fmt: skip


@cache
def ascii_folded(word: str) -> str:
    """The word with its accents and other combining marks dropped, and the lower-case Latin
    letters that have none written as ASCII ("léon" -> "leon", "ülkər" -> "ulker")."""
    decomposed = unicodedata.normalize("NFKD", word.translate(UNDECOMPOSED_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def surnames() -> frozenset[str]:
    """Lower-cased first names that are mostly surnames ("williams", "carter")."""
    return word_set("lexicons/surnames.tsv", "name")


@cache
def function_word_sets() -> dict[str, frozenset[str]]:
    """Closed-class words the rules test for, by set name (models/lexicons/function_words.tsv)."""
    return word_groups("lexicons/function_words.tsv", "set", "word")


def function_words(name: str) -> frozenset[str]:
    """One set of function_words.tsv ("locative_preposition": in, at, into...)."""
    return function_word_sets()[name]


@cache
def relative_pronouns(
    person: tuple[str, ...] = ("only", "also", "never"), possessive: bool | None = None
) -> frozenset[str]:
    """Relative pronouns (models/lexicons/relative_pronouns.tsv) that stand for a person as
    `person` says ("only", "also", "never"), possessive ("whose") or not as `possessive` says."""
    return frozenset(
        row["word"]
        for row in read_table("lexicons/relative_pronouns.tsv")
        if row["person"] in person
        and (possessive is None or (row["possessive"] == "yes") == possessive)
    )


@cache
def stage_settings(stage: str) -> dict[str, int]:
    """The numeric settings of a stage, by name (models/rules/settings.tsv)."""
    return {
        row["setting"]: int(row["value"])
        for row in read_table("rules/settings.tsv")
        if row["stage"] == stage
    }
