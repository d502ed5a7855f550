"""Stage 4b (factory "events"): who does what to whom, clause by clause, in story order.

First version: every verb with a character as subject (agent), or as object or passive subject
(patient), is an event. A verb without its own subject takes it from the verb it is
coordinated with ("kills him and confesses") or, as the complement of a control verb, from that
verb's object or subject ("wants to meet Seema", "persuades her to go"); a relative clause's
"who" stands for the noun it modifies. Negation and modality come from the verb's own
auxiliaries and from the verb governing it (models/rules/modality.tsv).

`Doc._.events` holds plain dicts with token offsets and character indices:
`{"trigger", "predicate", "agent", "patient", "arguments", "negated", "modality"}`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.characters import characters_by_token
from extract.extensions import ensure_doc_extension, run_guarded
from extract.lexicons import modality_triggers

ensure_doc_extension("events")

SUBJECT_DEPS = {"nsubj", "csubj"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}
ARGUMENT_ROLES = {"dobj": "object", "dative": "recipient", "attr": "attribute", "oprd": "attribute"}


@Language.factory(
    "events",
    assigns=["doc._.events"],
    requires=["doc._.characters", "token.dep", "token.lemma", "token.pos"],
)
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder()


class EventFinder:
    """Finds the events of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "events", "events", find_events)


def find_events(doc: Doc) -> list[dict]:
    """Events in text order."""
    owners = characters_by_token(doc)
    events = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        agent = character_of(active_subject(verb), owners)
        patient = character_of(passive_subject(verb) or child_with_dep(verb, "dobj"), owners)
        by_phrase = child_with_dep(verb, "agent")
        if by_phrase is not None:
            agent = character_of(child_with_dep(by_phrase, "pobj"), owners)
        if agent is None and patient is None:
            continue
        modality, governor_negated = modality_of(verb)
        events.append(
            {
                "trigger": [verb.i, verb.i + 1],
                "predicate": verb.lemma_.lower(),
                "agent": agent,
                "patient": patient,
                "arguments": arguments_of(verb, owners, exclude={agent, patient}),
                "negated": has_negation(verb) or governor_negated,
                "modality": modality,
            }
        )
    return events


def child_with_dep(token: Token, dep: str) -> Token | None:
    return next((child for child in token.children if child.dep_ == dep), None)


def passive_subject(verb: Token) -> Token | None:
    return child_with_dep(verb, "nsubjpass")


def active_subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through coordination, control and relative clauses."""
    subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    if passive_subject(verb) is not None:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return active_subject(verb.head)
    if verb.dep_ == "xcomp":
        controller = child_with_dep(verb.head, "dobj")
        return controller if controller is not None else active_subject(verb.head)
    return None


def character_of(token: Token | None, owners: dict[int, int]) -> int | None:
    """The character a noun phrase head stands for, through an apposition if need be."""
    if token is None:
        return None
    if token.i in owners:
        return owners[token.i]
    return next((owners[c.i] for c in token.children if c.dep_ == "appos" and c.i in owners), None)


def arguments_of(verb: Token, owners: dict[int, int], exclude: set) -> list[dict]:
    """Objects, recipients and prepositional phrases of the verb."""
    arguments = []
    for child in verb.children:
        if child.dep_ in ARGUMENT_ROLES:
            role, head = ARGUMENT_ROLES[child.dep_], child
        elif child.dep_ == "prep" and child_with_dep(child, "pobj") is not None:
            role, head = child.lower_, child_with_dep(child, "pobj")
        else:
            continue
        character = character_of(head, owners)
        if character is not None and character in exclude and role == "object":
            continue
        arguments.append(
            {"role": role, "span": [head.left_edge.i, head.i + 1], "character": character}
        )
    return arguments


def has_negation(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def modality_of(verb: Token) -> tuple[str, bool]:
    """(modality, negated by its governor) from auxiliaries and the governing verb."""
    triggers = modality_triggers()
    for child in verb.children:
        if child.dep_ == "aux" and (child.lemma_.lower(), "aux") in triggers:
            return triggers[(child.lemma_.lower(), "aux")], False
    if verb.dep_ == "xcomp":
        modality = triggers.get((verb.head.lemma_.lower(), "xcomp"))
        if modality == "negative":
            return "asserted", True
        if modality is not None:
            return modality, has_negation(verb.head)
    return "asserted", False
