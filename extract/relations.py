"""Stage 4b (factory "relations"): typed relations between characters, with evidence.

Rules (each relation records the one that fired):
- `possessive_kinship`: a possessive kinship or role noun ("his sister Sushma", "Seema's
  father", "her maid", "their daughter": each of them) relates the possessor's character and
  the character the description refers to (both resolved by the coref stage);
  models/lexicons/kinship.tsv gives the type and the direction.
- `plural_kinship`: a plural kinship noun with one possessor and named members ("his
  homeboys, T-Bone and Baby Boy", "Matt has two sons, Luke and Ben") relates each member to
  the possessor.
- `event_verb`: a non-negated event whose verb shows a relation ("marries", "falls in love with",
  "kills"; models/rules/relation_verbs.tsv) relates its agent and patient; wanted or attempted
  hostile acts count too (one who tries to kill another is an enemy), other relations need
  the act to happen (one who wants to marry is no spouse yet).
- `shared_predicate`: coordinated characters said to be friends, lovers, enemies... together
  ("Raj and Pooja become good friends").

`Doc._.relations` holds plain dicts: `{"type", "source", "target", "sentence", "rule"}` with
character indices into `Doc._.characters` and the sentence as a [start, end) token span, in
text order, each (type, pair) once.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.characters import COPULAS, characters_by_token, kin_holder
from extract.extensions import ensure_doc_extension, run_guarded
from extract.lexicons import kinship_nouns, pronouns, relation_types, relation_verbs

ensure_doc_extension("relations")


@Language.factory(
    "relations",
    assigns=["doc._.relations"],
    requires=["doc._.characters", "doc._.descriptions", "doc._.events"],
)
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder()


class RelationFinder:
    """Finds typed relations between the characters of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "relations", "relations", find_relations)


def find_relations(doc: Doc) -> list[dict]:
    """Relations of every rule, in text order, each (type, pair) once."""
    found = [
        *possessive_kinship_relations(doc),
        *plural_kinship_relations(doc),
        *event_verb_relations(doc),
        *shared_predicate_relations(doc),
    ]
    found.sort(key=lambda pair: pair[0])
    relations: list[dict] = []
    seen: set[tuple] = set()
    for _position, relation in found:
        key = relation_key(relation["type"], relation["source"], relation["target"])
        if relation["source"] != relation["target"] and key not in seen:
            seen.add(key)
            relations.append(relation)
    return relations


def relation(doc: Doc, token: Token, relation_type: str, source: int, target: int, rule: str):
    """(position, relation) with the token's sentence as evidence."""
    sentence = doc[token.i].sent
    return token.i, {
        "type": relation_type,
        "source": source,
        "target": target,
        "sentence": [sentence.start, sentence.end],
        "rule": rule,
    }


def possessive_kinship_relations(doc: Doc) -> list[tuple[int, dict]]:
    found = []
    for description in doc._.descriptions or []:
        kinship = kinship_nouns().get(description["noun"])
        described = description.get("character")
        possessors = description.get("possessor_group") or [description.get("possessor_character")]
        if kinship is None or described is None or None in possessors:
            continue
        for possessor in possessors:
            source, target = (described, possessor)
            if kinship.referent == "target":
                source, target = possessor, described
            head = doc[description["head"]]
            found.append(relation(doc, head, kinship.type, source, target, "possessive_kinship"))
    return found


def plural_kinship_relations(doc: Doc) -> list[tuple[int, dict]]:
    """ "his homeboys, T-Bone and Baby Boy", "her sons Luke and Ben": each named member stands
    in the noun's relation to the one possessor."""
    owners = characters_by_token(doc)
    found = []
    for noun in doc:
        kinship = kinship_nouns().get(noun.lemma_.lower())
        if kinship is None or noun.tag_ not in {"NNS", "NNPS"}:
            continue
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None) or kin_holder(noun)
        if possessor is None or possessor.i not in owners:
            continue
        if (
            pronouns().get(possessor.lower_, None)
            and pronouns()[possessor.lower_].number == "plural"
        ):
            continue  # "their wives Bhavana, Diya and Sonia": whose is whose is not said
        for member in listed_characters(doc, noun.i + 1, owners):
            if member == owners[possessor.i]:
                continue
            source, target = member, owners[possessor.i]
            if kinship.referent == "target":
                source, target = target, source
            found.append(relation(doc, noun, kinship.type, source, target, "plural_kinship"))
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


def event_verb_relations(doc: Doc) -> list[tuple[int, dict]]:
    found = []
    for event in doc._.events or []:
        if event["agent"] is None or event["patient"] is None:
            continue
        if event["negated"]:
            continue
        # one who tries to kill another is an enemy; one who wants to marry is no spouse yet
        hostile_only = event["modality"] != "asserted"
        verb = doc[event["trigger"][0]]
        for rule in relation_verbs().get(event["predicate"], []):
            if rule.noun is not None and not any(t.lemma_ == rule.noun for t in verb.subtree):
                continue
            if hostile_only and rule.type != "enemy":
                break
            source, target = event["agent"], event["patient"]
            if rule.source == "patient":
                source, target = target, source
            found.append(relation(doc, verb, rule.type, source, target, "event_verb"))
            break
    return found


def shared_predicate_relations(doc: Doc) -> list[tuple[int, dict]]:
    """ "Raj and Pooja become good friends": a plural symmetric relation noun predicated of
    coordinated characters relates each pair of them."""
    owners = characters_by_token(doc)
    found = []
    for noun in doc:
        kinship = kinship_nouns().get(noun.lemma_.lower())
        if kinship is None or noun.dep_ != "attr" or noun.head.lemma_ not in COPULAS:
            continue
        if not relation_types()[kinship.type].symmetric:
            continue
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        group = sorted({owners[t.i] for t in (subject, *subject.conjuncts) if t.i in owners})
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                found.append(relation(doc, noun, kinship.type, first, second, "shared_predicate"))
    return found


def relation_key(relation_type: str, source: int, target: int) -> tuple:
    """Identity of a relation: symmetric types ignore the order of their ends."""
    if relation_types()[relation_type].symmetric:
        return (relation_type, *sorted((source, target)))
    return (relation_type, source, target)
