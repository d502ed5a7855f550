"""Capability tests in the style of CheckList (Ribeiro et al., ACL 2020): short templates filled
with first names of many cultures (from the `faker` package's locales, seeded, so the same
names every run), each checked for the characters, genders and relations it states. A template
that passes for one culture's names and fails for another's points at a rule that does not
generalise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language

from extract.io.inputs import Document
from extract.io.records import document_records

# Latin-script locales of many regions (synopses in English write names in Latin letters)
LOCALES = (
    "en_US", "en_IN", "es_MX", "fr_FR", "de_DE", "it_IT", "pt_BR", "pl_PL", "cs_CZ", "hu_HU",
    "fi_FI", "tr_TR", "az_AZ", "vi_VN", "id_ID", "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "sw",
)  # fmt: skip
NAMES_PER_LOCALE = 4
ROLES = ("doctor", "teacher", "lawyer", "farmer")

Records = dict[str, list[dict]]


@dataclass(frozen=True)
class Template:
    """A text with slots: {he} and {she} are a male and a female first name, {role} a role."""

    name: str
    text: str
    check: Callable[[Records, dict[str, str]], bool]


def character(records: Records, name: str) -> dict | None:
    return next((c for c in records["characters"] if name in (c["name"], *c["aliases"])), None)


def genders_are(records: Records, slots: dict[str, str]) -> bool:
    he, she = character(records, slots["he"]), character(records, slots["she"])
    return (
        he is not None
        and she is not None
        and (he["gender"], she["gender"])
        == (
            "male",
            "female",
        )
    )


def both_characters(records: Records, slots: dict[str, str]) -> bool:
    return None not in (character(records, slots["he"]), character(records, slots["she"]))


def has_descriptor(records: Records, slots: dict[str, str]) -> bool:
    he = character(records, slots["he"])
    return he is not None and slots["role"] in he["descriptors"]


def related_as(relation_type: str) -> Callable[[Records, dict[str, str]], bool]:
    def check(records: Records, slots: dict[str, str]) -> bool:
        he, she = character(records, slots["he"]), character(records, slots["she"])
        if he is None or she is None:
            return False
        pair = {he["id"], she["id"]}
        return any(
            r["type"] == relation_type and {r["source"], r["target"]} == pair
            for r in records["relations"]
        )

    return check


TEMPLATES = (
    Template("rescue, pronoun genders", "{he} rescues {she}. She thanks him.", genders_are),
    Template("rent, two characters", "{he} rents a room to {she}.", both_characters),
    Template("apposed role", "{he}, a {role}, meets {she} at the station.", has_descriptor),
    Template(
        "marry: spouse", "{he} marries {she}. Years later he leaves her.", related_as("spouse")
    ),
    Template("sister of: sibling", "{she} is the sister of {he}.", related_as("sibling")),
    Template("fall in love: lover", "{he} falls in love with {she}.", related_as("lover")),
    Template("kill: enemy", "{she} kills {he} with a knife.", related_as("enemy")),
)


@dataclass
class CapabilityResults:
    """Passes and trials per (template, locale), and the texts that failed."""

    passed: dict[tuple[str, str], int] = field(default_factory=dict)
    trials: dict[tuple[str, str], int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # template, locale, text

    def rate(self, template: str, locale: str | None = None) -> float:
        keys = [k for k in self.trials if k[0] == template and locale in (None, k[1])]
        trials = sum(self.trials[k] for k in keys)
        return sum(self.passed[k] for k in keys) / trials if trials else 0.0


def filled_templates() -> list[tuple[Template, str, dict[str, str], str]]:
    """(template, locale, slots, text) for every template and locale's names (seeded)."""
    from faker import Faker

    filled = []
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(0)
        for number in range(NAMES_PER_LOCALE):
            slots = {
                "he": fake.first_name_male(),
                "she": fake.first_name_female(),
                "role": ROLES[number % len(ROLES)],
            }
            if slots["he"] == slots["she"]:
                continue
            for template in TEMPLATES:
                filled.append((template, locale, slots, template.text.format(**slots)))
    return filled


def run_capabilities(nlp: Language) -> CapabilityResults:
    """Run every filled template through the pipeline and check it."""
    filled = filled_templates()
    results = CapabilityResults()
    docs = nlp.pipe(text for _template, _locale, _slots, text in filled)
    for (template, locale, slots, text), doc in zip(filled, docs, strict=True):
        records = document_records(Document("capability", "", text), doc)
        key = (template.name, locale)
        passed = template.check(records, slots)
        results.trials[key] = results.trials.get(key, 0) + 1
        results.passed[key] = results.passed.get(key, 0) + passed
        if not passed:
            results.failures.append((template.name, locale, text))
    return results
