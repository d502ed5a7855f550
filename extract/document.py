"""The document model: what travels on the Doc between the stages, who writes it, and the
accessors every stage shares.

Every attribute is plain, msgpack-friendly data (lists, dicts, strings, numbers), so that Docs
travel between `nlp.pipe(..., n_process=N)` workers. Token offsets are `[start, end)` token
indices of the Doc; characters are referred to by their place in `Doc._.characters`.

- `offset_map`, `actor_notes`, `closed_quotes`, `warnings`: written by cleanup (inside the
  tokenizer): the map from clean to raw offsets, the actors cut out of the prose, the tokens
  right after a closing quote mark the cleanup read as italics (``so'' -> ``so), warnings for
  the document record;
- `names`: `Character` records of the named candidates, written by characters;
- `descriptions`: `Description` records, written by characters;
- `characters`: `Character` records, written by coref: the named candidates with their pronoun
  and description mentions, and the unnamed characters;
- `description_links`: `[character, possessor_character]` for each description, written by
  coref: the character it describes and the one its possessor refers to (or None);
- `mention_rules`: `[start, end, rule, constraints]`, written by coref: the rule that resolved
  each pronoun or description mention, and the constraints that ruled other characters out;
- `events`: `Event` records in text order, written by events;
- `relations`: `Relation` records in text order, written by relations;
- `couple_genders`: `[character, gender]` pairs, written by relations: the gender a character the
  text leaves without one takes from its partner in a couple (`character_gender` applies it).

Stage modules import from this module, `extract.syntax`, `extract.phrases`, `extract.rules` and
`extract.lexicons` only, never from one another (tests/test_architecture.py checks it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypedDict

from spacy.tokens import Doc, Token

from extract.lexicons import person_evidence_weights
from extract.syntax import coordinated_phrases

# a stage error fails the caller instead of becoming a warning (set by the test suite)
RAISE_STAGE_ERRORS = "EXTRACT_RAISE_STAGE_ERRORS"

MentionSpan = list  # [start, end, type]: type "name", "nominal" or "pronoun"


class Character(TypedDict, total=False):
    """A possible person. Named ones also carry `name_prior`, `evidence` (the summed clue
    weights), `clues` (clue -> count) and `real_person`; coref marks unnamed characters
    mentioned only in passing `incidental`."""

    name: str
    aliases: list[str]
    kind: str  # "named" or "nominal"
    gender: str  # "male", "female" or "unknown"
    descriptors: list[str]
    actor: str | None
    mentions: list[MentionSpan]
    name_prior: str
    evidence: float
    clues: dict[str, int]
    real_person: bool
    incidental: bool


class Description(TypedDict):
    """A person-noun phrase ("Seema's father", "her maid", "the farmer")."""

    span: list[int]
    head: int
    noun: str  # the person-noun lexicon entry
    gender: str
    possessor: int | None  # token of "Seema" or "her"
    determiner: str | None  # possessive, definite, indefinite, partitive
    character: int | None  # the named character it is attached to ("his sister Sushma")
    subject: int | None  # token of the subject a predicate noun is said of


class Event(TypedDict):
    """One verb and one (agent, patient) pair; `rule` is how the verb was read as an event."""

    trigger: list[int]
    predicate: str
    complement: str | None
    agent: int | None
    patient: int | None
    arguments: list[dict]  # {"role", "span": [start, end], "character"}
    negated: bool
    modality: str
    attempted: bool  # only tried: "tries to kill Tom" (modality asserted: the attempt is made)
    rule: str


class Relation(TypedDict):
    """source is the `type` of target; `sentence` is the evidence as a token span."""

    type: str
    source: int
    target: int
    sentence: list[int]
    rule: str


EXTENSIONS = (
    "offset_map",
    "actor_notes",
    "closed_quotes",
    "warnings",
    "reparsed",
    "names",
    "descriptions",
    "characters",
    "description_links",
    "mention_rules",
    "events",
    "relations",
    "couple_genders",
)


def ensure_doc_extension(name: str) -> None:
    """Register `Doc._.<name>` (default None) unless it is registered already."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


for _name in EXTENSIONS:
    ensure_doc_extension(_name)


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning that ends up in the document's record."""
    doc._.warnings = [*(doc._.warnings or []), message]


def run_guarded(doc: Doc, stage: str, attribute: str, compute: Callable[[Doc], list]) -> Doc:
    """Set `doc._.<attribute>` = compute(doc); on an error keep going with an empty result
    and a warning, so that one odd document never stops a batch (unless the environment
    variable EXTRACT_RAISE_STAGE_ERRORS is set, as the test suite does)."""
    try:
        result = compute(doc)
    except Exception as error:  # noqa: BLE001 - reported in the document's warnings
        if os.environ.get(RAISE_STAGE_ERRORS):
            raise
        add_warning(doc, f"{stage} stage failed: {type(error).__name__}: {error}")
        result = []
    setattr(doc._, attribute, result)
    return doc


def sentence_numbers(doc: Doc) -> list[int]:
    """Sentence number of every token."""
    numbers = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * len(sentence)
    return numbers


def is_character(character: dict) -> bool:
    """A story character: an unnamed one, or a named person with enough evidence (or referred
    to by a pronoun or description), never a real person."""
    if character["kind"] == "nominal":
        return not character.get("incidental")
    if character.get("real_person"):
        return False
    referred = any(kind != "name" for _start, _end, kind in character["mentions"])
    return referred or has_person_evidence(character)


def has_person_evidence(character: dict) -> bool:
    """An unnamed character, or a name whose clues add up to a person."""
    if character["kind"] == "nominal":
        return True
    return character.get("evidence", 0) >= person_evidence_weights()["threshold"]


def characters_by_token(doc: Doc, characters: list[Character] | None = None) -> dict[int, int]:
    """Index of the character each token of a mention belongs to (names, pronouns...); where
    mentions nest ("Pooja's" inside "Pooja's maid"), the innermost one wins, and a pronoun
    belongs only to a mention of its own ("her" in "her uncle" is not the uncle). The
    characters are `doc._.characters` unless given (the named candidates, before coref)."""
    characters = doc._.characters if characters is None else characters
    mentions = sorted(
        (
            (end - start, start, end, index)
            for index, character in enumerate(characters or [])
            for start, end, _type in character["mentions"]
        ),
        reverse=True,
    )
    return {
        i: index
        for length, start, end, index in mentions
        for i in range(start, end)
        if length == 1 or doc[i].pos_ != "PRON"
    }


def referents_by_token(doc: Doc, owners: dict[int, int] | None = None) -> dict[int, list[int]]:
    """The characters each mention token stands for: one, or the members of the group a plural
    pronoun or a group noun refers to ("they" after "Lola and Bo", "the trio"); `owners` is
    characters_by_token(doc) where the caller has it already."""
    members: dict[tuple[int, int], list[int]] = {}
    for index, character in enumerate(doc._.characters or []):
        for start, end, _kind in character["mentions"]:
            members.setdefault((start, end), []).append(index)
    owners = characters_by_token(doc) if owners is None else owners
    referents = {i: [index] for i, index in owners.items()}
    for (start, end), group in members.items():
        if len(group) > 1:
            referents.update({i: group for i in range(start, end)})
    return referents


def characters_of(token: Token | None, referents: dict[int, list[int]]) -> list[int]:
    """The characters of a noun phrase head and of the phrases coordinated with it."""
    if token is None:
        return []
    found = []
    for word in coordinated_phrases(token):
        for character in characters_at(word, referents):
            if character not in found:
                found.append(character)
    return found


def listed_characters(doc: Doc, start: int, owners: dict[int, int]) -> list[int]:
    """The characters named one after another from `start` on (", T-Bone and Baby Boy"), read
    from the surface, as the parser often hangs such lists elsewhere."""
    listed: list[int] = []
    for token in doc[start:]:
        if token.i in owners:
            if owners[token.i] not in listed:
                listed.append(owners[token.i])
        elif token.lower_ not in {",", "and", "-"}:
            break
    return listed


def characters_at(token: Token, referents: dict[int, list[int]]) -> list[int]:
    """The characters a noun phrase head stands for, through an apposition if need be
    ("prospectors Sam Benson and Dave Colby": both)."""
    if token.i in referents:
        return referents[token.i]
    for child in token.children:
        apposed = characters_of(child, referents) if child.dep_ == "appos" else []
        if apposed:
            return apposed
    return []


def linked_descriptions(doc: Doc) -> list[dict]:
    """The descriptions with the characters coref linked them to: `character` (the one
    described) and `possessor_character`."""
    if doc._.description_links is None:  # coref did not run
        return []
    return [
        {**description, "character": character, "possessor_character": possessor}
        for description, (character, possessor) in zip(
            doc._.descriptions, doc._.description_links, strict=True
        )
    ]


def character_gender(doc: Doc, index: int) -> str:
    """A character's gender, with the one a couple gives where the text gives none."""
    return dict(doc._.couple_genders or []).get(index, doc._.characters[index]["gender"])
