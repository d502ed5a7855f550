"""The rule engine: every rule is a row of the tables and a name in the code, can be switched
off, and says which decision it made."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.document import characters_by_token
from extract.pipeline import build_nlp
from extract.rules import Registry, RuleSet, UnknownRule, rule_table, rules_of

STAGES = Path(__file__).resolve().parent.parent / "extract" / "stages"
SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in STAGES.rglob("*.py"))


@pytest.fixture(scope="module")
def nlp_without():
    """A pipeline with the given rules switched off, built once per set of rules."""
    built = {}

    def nlp(*disabled: str):
        if disabled not in built:
            built[disabled] = build_nlp(disabled_rules=disabled)
        return built[disabled]

    return nlp


def test_every_rule_of_the_tables_is_named_in_the_code():
    missing = [name for name in rule_table() if f'"{name}"' not in SOURCE]
    assert not missing


def test_every_clue_the_code_gives_has_its_row():
    given = set(re.findall(r'clues\.append\("(\w+)"\)', SOURCE))
    given |= set(re.findall(r'clues\.append\(\s*"(\w+)" if', SOURCE))
    assert given, "no clue found in the code"
    assert given <= set(rules_of("characters", "clue"))


def test_every_registry_holds_the_functions_of_its_rows(nlp):
    assert Registry.instances
    for registry in Registry.instances:
        assert set(registry.functions) == set(rules_of(registry.stage, registry.kind))


def test_an_unknown_rule_is_an_error():
    with pytest.raises(UnknownRule, match="no_such_rule"):
        RuleSet(["no_such_rule"])
    with pytest.raises(UnknownRule):
        RuleSet().on("no_such_rule")


def test_a_character_keeps_its_clues(nlp, nlp_without):
    text = "Inspector Vikram arrives at the house."
    vikram = nlp(text)._.characters[0]
    assert vikram["clues"]["title"] == 1
    assert "title" not in nlp_without("title")(text)._.characters[0].get("clues", {})


def mention_rule(doc, word: str) -> tuple[str, list[str], str]:
    """(rule, constraints, name of the character) of the mention that ends with `word` (its
    last occurrence)."""
    token = [t for t in doc if t.text == word][-1]
    rules = {end: (rule, constraints) for _start, end, rule, constraints in doc._.mention_rules}
    rule, constraints = rules[token.i + 1]
    return rule, constraints, doc._.characters[characters_by_token(doc)[token.i]]["name"]


def test_a_pronoun_keeps_the_rule_that_chose_its_referent(nlp, nlp_without):
    text = "Anna grabs Maria and pushes her."
    assert mention_rule(nlp(text), "her") == ("parallel_object", ["clause_subject"], "Maria")
    rule, _constraints, name = mention_rule(nlp_without("parallel_object")(text), "her")
    assert (rule, name) == ("salience", "Maria")  # the constraint still keeps Anna out


def test_a_switched_off_constraint_rules_no_one_out(nlp_without):
    doc = nlp_without("clause_subject", "parallel_object")("Anna grabs Maria and pushes her.")
    assert mention_rule(doc, "her") == ("salience", [], "Anna")


def test_a_description_keeps_its_rule(nlp):
    doc = nlp("Raj meets his father. The father is angry.")
    assert mention_rule(doc, "father")[0] == "last_described"


def relation_types(doc) -> set[tuple[str, str]]:
    return {(relation["type"], relation["rule"]) for relation in doc._.relations}


def test_a_relation_rule_can_be_switched_off(nlp, nlp_without):
    text = "Tom marries Anna."
    assert relation_types(nlp(text)) == {("spouse", "event_verb")}
    assert relation_types(nlp_without("event_verb")(text)) == set()


def test_an_event_keeps_the_rules_that_read_it(nlp, nlp_without):
    text = "Pooja is helped by Raj."
    (event,) = nlp(text)._.events
    assert event["rules"] == ["verb", "passive"]
    names = [c["name"] for c in nlp(text)._.characters]
    assert names[event["agent"]] == "Raj"
    events = nlp_without("passive")(text)._.events
    assert all(e["rules"] == ["verb"] and names[e["agent"]] == "Pooja" for e in events)


def test_every_function_word_set_is_used_and_every_used_set_is_listed():
    from extract.lexicons import function_word_sets

    modules = ("syntax.py", "phrases.py", "pipeline.py")
    code = SOURCE + "".join((STAGES.parent / name).read_text(encoding="utf-8") for name in modules)
    named = set(re.findall(r'function_words\("(\w+)"\)', code))
    assert named == set(function_word_sets())


def test_the_settings_table_gives_the_component_defaults(nlp):
    from extract.lexicons import stage_settings

    config = nlp.get_pipe_config("coref")
    assert stage_settings("coref") and stage_settings("coref").items() <= config.items()


def test_a_setting_can_be_overridden(nlp):
    text = "Anna arrives. The rain falls. She sleeps."
    assert mention_rule(nlp(text), "She") == ("salience", [], "Anna")
    narrow = build_nlp()
    narrow.replace_pipe("coref", "coref", config={"sentence_window": 1})
    doc = narrow(text)
    assert not doc._.mention_rules  # Anna is two sentences back
