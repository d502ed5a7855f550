"""Shared fixtures: one pipeline per test session, paths of the repo's data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# a stage that raises fails the test instead of leaving an empty result and a warning
os.environ["EXTRACT_RAISE_STAGE_ERRORS"] = "1"

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def nlp_without_reparse():
    """The pipeline with the base model's parse kept as it is, for the rules that repair it."""
    from extract.pipeline import build_nlp

    return build_nlp(disabled_rules=["past_tense_reparse"])


@pytest.fixture
def characters_of(nlp):
    """Characters of a text by name: {name: character dict}, with the gender a couple gives."""

    def characters(text: str) -> dict[str, dict]:
        from extract.document import character_gender

        doc = nlp(text)
        return {
            character["name"]: {**character, "gender": character_gender(doc, index)}
            for index, character in enumerate(doc._.characters)
        }

    return characters


def schema_validators() -> dict:
    """A JSON Schema validator per output kind, from models/schema/."""
    import json

    from jsonschema import Draft202012Validator

    from extract.io.outputs import OUTPUT_KINDS

    return {
        kind: Draft202012Validator(
            json.loads((REPO / "models" / "schema" / f"{kind}.schema.json").read_text())
        )
        for kind in OUTPUT_KINDS
    }


@pytest.fixture(scope="session")
def validators():
    """A JSON Schema validator per output kind, from models/schema/."""
    return schema_validators()


@pytest.fixture
def assert_valid(validators):
    """Assert that every record of every kind validates against its schema."""

    def check(records_by_kind: dict[str, list[dict]]) -> None:
        for kind, records in records_by_kind.items():
            for record in records:
                errors = [error.message for error in validators[kind].iter_errors(record)]
                assert not errors, f"{kind} record {record.get('id')}: {errors}"

    return check
