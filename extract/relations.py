"""Stage 4a (factory "relations"): typed relations between characters, with evidence.

First version, one rule: a possessive kinship or role noun in apposition with a character's
name ("his sister Sushma", "Deepak's sister Sushma", "her husband, Inder") relates the
possessor and the named character; the noun's row in models/lexicons/kinship.tsv gives the type
and the direction.

`Doc._.relations` holds plain dicts: `{"type", "source", "target", "sentence", "rule"}` with
character indices into `Doc._.characters` and the sentence as a [start, end) token span.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.characters import characters_by_token
from extract.extensions import ensure_doc_extension, run_guarded
from extract.lexicons import kinship_nouns, relation_types

ensure_doc_extension("relations")

POSSESSIVE_KINSHIP = "possessive_kinship"


@Language.factory(
    "relations",
    assigns=["doc._.relations"],
    requires=["doc._.characters", "token.dep", "token.lemma"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder()


class RelationFinder:
    """Finds typed relations between the characters of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "relations", "relations", find_relations)


def find_relations(doc: Doc) -> list[dict]:
    """Relations in text order, each (type, pair) once."""
    owners = characters_by_token(doc)
    relations: list[dict] = []
    seen: set[tuple] = set()
    for token in doc:
        kinship = kinship_nouns().get(token.lemma_.lower())
        if kinship is None:
            continue
        possessor = next(
            (
                owners[child.i]
                for child in token.children
                if child.dep_ == "poss" and child.i in owners
            ),
            None,
        )
        named = named_apposition(token, owners)
        if possessor is None or named is None or possessor == named:
            continue
        source, target = (named, possessor) if kinship.referent == "source" else (possessor, named)
        key = relation_key(kinship.type, source, target)
        if key in seen:
            continue
        seen.add(key)
        sentence = token.sent
        relations.append(
            {
                "type": kinship.type,
                "source": source,
                "target": target,
                "sentence": [sentence.start, sentence.end],
                "rule": POSSESSIVE_KINSHIP,
            }
        )
    return relations


def named_apposition(noun: Token, owners: dict[int, int]) -> int | None:
    """The character named right after or in apposition with a relational noun."""
    for child in noun.children:
        if child.dep_ in {"appos", "acl", "npadvmod"} and child.i in owners:
            return owners[child.i]
    following = noun.i + 1
    if following < len(noun.doc) and following in owners and noun.doc[following].pos_ == "PROPN":
        return owners[following]
    return None


def relation_key(relation_type: str, source: int, target: int) -> tuple:
    """Identity of a relation: symmetric types ignore the order of their ends."""
    if relation_types()[relation_type].symmetric:
        return (relation_type, *sorted((source, target)))
    return (relation_type, source, target)
