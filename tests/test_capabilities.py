"""Capability tests (CheckList style): templates filled with first names of twenty locales.
The floors are the pass rates reached; `extract capabilities` prints them per locale, which is
where a rule that does not generalise shows (today: names the first-name list and the small
model do not know, mostly outside the US and Western Europe)."""

import pytest

from extract.evaluation.capabilities import TEMPLATES, run_capabilities

FLOORS = {
    "rescue, pronoun genders": 0.78,
    "rent, two characters": 0.65,
    "apposed role": 0.95,
    "marry: spouse": 0.94,
    "sister of: sibling": 0.98,
    "fall in love: lover": 0.81,
    "kill: enemy": 0.87,
}


@pytest.fixture(scope="module")
def results(nlp):
    return run_capabilities(nlp)


def test_every_template_has_a_floor():
    assert set(FLOORS) == {template.name for template in TEMPLATES}


@pytest.mark.parametrize("template", FLOORS)
def test_pass_rate_floor(results, template):
    assert sum(results.trials[k] for k in results.trials if k[0] == template) >= 60
    assert results.rate(template) >= FLOORS[template]


def test_us_names_pass_the_simple_templates(results):
    """The templates are sound: with the names the tool knows best they pass."""
    for template in ("rescue, pronoun genders", "rent, two characters", "kill: enemy"):
        assert results.rate(template, "en_US") == 1.0
