"""Stage 4a (factory "events"): who does what to whom, clause by clause, in story order.

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
MISPARSED_SUBJECT_DEPS = {"advmod", "npadvmod", "dep", "intj"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which"}
NON_PATIENT_PREPOSITIONS = {"by", "as", "like", "unlike", "than"}
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
    """Events in text order: one per verb and (agent, patient) pair, so that "Haymitch warns
    Katniss and Peeta" gives two."""
    owners = characters_by_token(doc)
    events = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        by_phrase = child_with_dep(verb, "agent")
        if by_phrase is not None:
            agents = characters_of(child_with_dep(by_phrase, "pobj"), owners)
        else:
            agents = characters_of(active_subject(verb), owners)
        patients = [p for p in patients_of(verb, owners) if p not in agents]
        if not agents and not patients:
            continue
        modality, governor_negated = modality_of(verb)
        for agent, patient in participant_pairs(agents, patients):
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


def participant_pairs(
    agents: list[int], patients: list[int]
) -> list[tuple[int | None, int | None]]:
    """Every (agent, patient) pair, or the lone participants with None on the other side."""
    if agents and patients:
        return [(agent, patient) for agent in agents for patient in patients]
    return [(agent, None) for agent in agents] or [(None, patient) for patient in patients]


def patients_of(verb: Token, owners: dict[int, int]) -> list[int]:
    """The characters the verb's action is done to, from the first slot that holds any: the
    passive subject, the direct object, the indirect object, a prepositional object ("cares for
    Katniss", "throws a spear at Katniss"), the possessor of the object ("ignores Haymitch's
    advice"), a prepositional object of the object ("reveals his love for Katniss"), or the
    subject of a small clause ("hears Rue calling", "deems him insane")."""
    obj = child_with_dep(verb, "dobj")
    slots = [passive_subject(verb), obj, child_with_dep(verb, "dative")]
    preps = [
        prep
        for prep in verb.children
        if prep.dep_ in {"prep", "dative"} and prep.lower_ not in NON_PATIENT_PREPOSITIONS
    ]
    objects = [child_with_dep(prep, "pobj") for prep in preps]
    slots += objects
    # "falls in love with Pooja": the object of a preposition inside a prepositional phrase
    slots += [
        child_with_dep(inner, "pobj")
        for obj in objects
        if obj is not None
        for inner in obj.children
        if inner.dep_ == "prep" and inner.lower_ not in NON_PATIENT_PREPOSITIONS
    ]
    if obj is not None:
        slots.append(child_with_dep(obj, "poss"))
        slots += [child_with_dep(prep, "pobj") for prep in obj.children if prep.dep_ == "prep"]
    slots += [
        child_with_dep(clause, "nsubj") for clause in verb.children if is_small_clause(clause)
    ]
    for slot in slots:
        characters = characters_of(slot, owners)
        if characters:
            return characters
    return []


def is_small_clause(clause: Token) -> bool:
    """A clause without a complementizer whose subject the verb acts on ("hears Rue calling",
    "deems him insane"), unlike "says that she left"."""
    return clause.dep_ in {"ccomp", "oprd"} and not any(c.dep_ == "mark" for c in clause.children)


def characters_of(token: Token | None, owners: dict[int, int]) -> list[int]:
    """The characters of a noun phrase head and of the phrases coordinated with it."""
    if token is None:
        return []
    found = []
    for word in [token, *token.conjuncts]:
        character = character_of(word, owners)
        if character is not None and character not in found:
            found.append(character)
    return found


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
    governor = clause_governor(verb)
    if governor is not None:
        return active_subject(governor)
    return misparsed_subject(verb)


def clause_governor(verb: Token) -> Token | None:
    """The verb whose subject an adverbial participle shares ("..., killing Lorenzo",
    "after overhearing her"), if the verb is one."""
    if verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}:
        return verb.head if verb.head.pos_ in {"VERB", "AUX"} else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return verb.head.head
    return None


def misparsed_subject(verb: Token) -> Token | None:
    """A capitalised word the small parser hung on the verb as a modifier ("Raj falls in
    love": Raj tagged as an adverb) stands for the missing subject: the nearest such left
    dependent that does not open the sentence."""
    for left in reversed(list(verb.lefts)):
        if (
            left.dep_ in MISPARSED_SUBJECT_DEPS
            and left.text[:1].isupper()
            and not left.is_sent_start
        ):
            return left
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
