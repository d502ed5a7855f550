"""Clause helpers of the coref rules: the verb a phrase belongs to, its subject, the characters
of a phrase."""

from __future__ import annotations

from spacy.tokens import Token

from extract.syntax import coordinated_phrases, subject_of

OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLAUSE_MODIFIERS = {"acl", "relcl"}
PARTICIPLE_TAGS = {"VBG", "VBN"}


def opens_its_sentence(word: Token) -> bool:
    """The word's phrase comes first in its sentence ("They fight", "The couple spend...")."""
    return word.left_edge.i == word.sent.start or all(
        t.is_punct for t in word.doc[word.sent.start : word.left_edge.i]
    )


def enclosing_verb(token: Token) -> Token | None:
    """The nearest verb above the token."""
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def enclosing_clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above the token."""
    verb = enclosing_verb(token)
    return subject_of(verb) if verb is not None else None


def preposed_adjuncts(subject: Token) -> list[Token]:
    """The adverbial clauses and phrases placed before a subject, on its verb ("Worried about
    her daughter, she"); none for a word that is no subject."""
    if subject.dep_ not in SUBJECT_DEPS:
        return []
    return [
        clause
        for clause in subject.head.lefts
        if clause.dep_ in {"advcl", "prep"} and clause.i < subject.i
    ]


def is_thing(noun: Token, owners: dict[int, int]) -> bool:
    """A common noun that is no character ("complications", "the charity")."""
    return noun.pos_ == "NOUN" and noun.i not in owners


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject, none inherited."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def argument_verb(word: Token) -> Token:
    """The word a noun phrase is an argument of: its head, or for a prepositional object the
    head of the preposition."""
    return word.head.head if word.dep_ == "pobj" else word.head


def phrase_characters(head: Token | None, owners: dict[int, int]) -> set[int]:
    """The characters of a noun phrase and of those coordinated with it."""
    if head is None:
        return set()
    return {owners[word.i] for word in coordinated_phrases(head) if word.i in owners}
