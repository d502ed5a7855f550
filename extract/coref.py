"""Stage 3 (factory "coref"): links pronouns to the characters they refer to.

First version: a third-person singular pronoun refers to the most recently mentioned character
of compatible gender within the current and the two previous sentences; a non-reflexive object
pronoun never refers to the subject of its own clause. The first resolved pronoun fixes a
character's gender when nothing else did. Resolved pronouns become `pronoun` mentions.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.extensions import ensure_doc_extension, run_guarded, sentence_numbers
from extract.lexicons import pronouns

ensure_doc_extension("characters")

SENTENCE_WINDOW = 2
OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@Language.factory("coref", assigns=["doc._.characters"], requires=["doc._.characters"])
def make_coref(nlp: Language, name: str) -> PronounResolver:
    return PronounResolver()


class PronounResolver:
    """Adds resolved pronouns to the characters of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "coref", "characters", resolve_pronouns)


def resolve_pronouns(doc: Doc) -> list[dict]:
    """The Doc's characters with their pronoun mentions added."""
    characters = [dict(character) for character in doc._.characters or []]
    owner_of_token = {
        start: index
        for index, character in enumerate(characters)
        for start, _end, _type in character["mentions"]
    }
    sentence_of = sentence_numbers(doc)
    recent: list[tuple[int, int]] = []  # (token index, character index), in text order
    for token in doc:
        if token.i in owner_of_token:
            recent.append((token.i, owner_of_token[token.i]))
            continue
        pronoun = pronouns().get(token.lower_)
        if pronoun is None or pronoun.number != "singular" or token.pos_ != "PRON":
            continue
        bound = pronoun.case != "reflexive" and token.dep_ in OBJECT_DEPS
        excluded = clause_subject_characters(token, owner_of_token) if bound else set()
        referent = pick_referent(
            recent, characters, pronoun.gender, excluded, sentence_of, sentence_of[token.i]
        )
        if referent is None:
            continue
        character = characters[referent]
        if character["gender"] == "unknown":
            character["gender"] = pronoun.gender
        character["mentions"] = [*character["mentions"], [token.i, token.i + 1, "pronoun"]]
        owner_of_token[token.i] = referent
        recent.append((token.i, referent))
    for character in characters:
        character["mentions"].sort()
    return characters


def pick_referent(
    recent: list[tuple[int, int]],
    characters: list[dict],
    gender: str,
    excluded: set[int],
    sentence_of: list[int],
    sentence: int,
) -> int | None:
    """The most recent compatible character within the sentence window."""
    for token_index, character_index in reversed(recent):
        if sentence_of[token_index] < sentence - SENTENCE_WINDOW:
            return None
        if character_index in excluded:
            continue
        if characters[character_index]["gender"] in {gender, "unknown"}:
            return character_index
    return None


def clause_subject_characters(pronoun: Token, owner_of_token: dict[int, int]) -> set[int]:
    """Characters that are the subject of the clause the object pronoun belongs to."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return {
        owner_of_token[child.i]
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS and child.i in owner_of_token
    }
