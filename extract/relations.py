"""Stage 4a (factory "relations"): typed relations between characters, with evidence.

First version, one rule: a possessive kinship or role noun ("his sister Sushma", "Seema's
father", "her maid") relates the possessor's character and the character the description
refers to (both resolved by the coref stage); the noun's row in models/lexicons/kinship.tsv
gives the type and the direction.

`Doc._.relations` holds plain dicts: `{"type", "source", "target", "sentence", "rule"}` with
character indices into `Doc._.characters` and the sentence as a [start, end) token span.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.extensions import ensure_doc_extension, run_guarded
from extract.lexicons import kinship_nouns, relation_types

ensure_doc_extension("relations")

POSSESSIVE_KINSHIP = "possessive_kinship"


@Language.factory(
    "relations",
    assigns=["doc._.relations"],
    requires=["doc._.characters", "doc._.descriptions"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder()


class RelationFinder:
    """Finds typed relations between the characters of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "relations", "relations", find_relations)


def find_relations(doc: Doc) -> list[dict]:
    """Relations in text order, each (type, pair) once."""
    relations: list[dict] = []
    seen: set[tuple] = set()
    for description in doc._.descriptions or []:
        kinship = kinship_nouns().get(description["noun"])
        described = description.get("character")
        possessor = description.get("possessor_character")
        if kinship is None or described is None or possessor is None or described == possessor:
            continue
        if kinship.referent == "source":
            source, target = described, possessor
        else:
            source, target = possessor, described
        key = relation_key(kinship.type, source, target)
        if key in seen:
            continue
        seen.add(key)
        sentence = doc[description["head"]].sent
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


def relation_key(relation_type: str, source: int, target: int) -> tuple:
    """Identity of a relation: symmetric types ignore the order of their ends."""
    if relation_types()[relation_type].symmetric:
        return (relation_type, *sorted((source, target)))
    return (relation_type, source, target)
