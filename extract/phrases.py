"""Noun-phrase helpers shared by the stages: person nouns, determiners, possessors, kin titles."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extract.lexicons import (
    function_words,
    kinship_nouns,
    person_nouns,
    relative_pronouns,
    role_nouns,
)
from extract.syntax import active_subject, child_with_dep, first_conjunct, passive_subject

COPULAS = function_words("copula")
POST_VERBS = function_words("post_verb")
APPOINTING_VERBS = function_words("appointing_verb")
# what the small parser makes of a noun phrase set before the subject it describes
FRONTED_APPOSITION_DEPS = {"nsubj", "nsubjpass", "npadvmod", "dep"}
NOMINAL_POS = {"NOUN", "PROPN"}
PLURAL_TAGS = {"NNS", "NNPS"}
RELATIVE_POSSESSIVES = relative_pronouns(possessive=True)  # "whose"
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "compound", "conj", "attr",
                "npadvmod", "oprd"}  # fmt: skip


def is_owned_through_relative(noun: Token) -> bool:
    """The noun's possessor is a relative pronoun ("whose father"): the noun is kin or a thing
    of the noun its clause modifies."""
    possessor = child_with_dep(noun, "poss")
    return possessor is not None and possessor.lower_ in RELATIVE_POSSESSIVES


def is_person_noun(token: Token) -> bool:
    """A common noun denoting a person; the lexicon decides, as the small model often tags
    rare nouns ("maid", "courtesan") as verbs or proper nouns. A capitalised proper noun is a
    name, unless it names a nationality ("a Frenchman")."""
    capitalised_name = token.text[:1].isupper() and token.pos_ == "PROPN"
    if capitalised_name and token.ent_type_ != "NORP" or person_noun_lemma(token) is None:
        return False
    return token.pos_ in NOMINAL_POS or token.dep_ in NOMINAL_DEPS


def person_noun_lemma(token: Token) -> str | None:
    """The person-noun lexicon entry of a token ("maids" -> "maid"), if any; a two-word entry
    when the word before modifies it ("best friend", "love interest", "sworn brothers")."""
    nouns = person_nouns()
    lemma, lower = token.lemma_.lower(), token.lower_
    heads = multiword_heads()
    if token.i > 0 and (lemma in heads or lower in heads):  # a word before may belong
        before = token.doc[token.i - 1]
        if before.head == token and before.dep_ in {"amod", "compound"}:
            for form in (f"{before.lower_} {lemma}", f"{before.lower_} {lower}"):
                if form in nouns:
                    return form
    if lemma in nouns or lower in nouns:
        return lemma if lemma in nouns else lower
    return lemma if token.is_lower and lemma in role_nouns() else None


@cache
def multiword_heads() -> frozenset[str]:
    """The last words of the two-word person nouns ("friend" of "best friend")."""
    return frozenset(noun.rsplit(" ", 1)[1] for noun in person_nouns() if " " in noun)


def kin_pair_title(name: Token) -> Token | None:
    """The noun of a kinship pair that titles the name, read from the surface: "husband" for
    Rawdon and "wife" for Miranda in "husband and wife Rawdon and Miranda"."""
    doc = name.doc
    start = name_start(name)
    first_noun = kin_pair_before(doc[start - 1]) if start > 0 else None
    if first_noun is not None:
        return first_noun
    if start >= 2 and doc[start - 1].lower_ == "and":
        previous = name_start(doc[start - 2])
        if previous > 0 and kin_pair_before(doc[previous - 1]) is not None:
            return doc[previous - 1]
    return None


def name_start(name: Token) -> int:
    """Where a name written as compounds before its last word starts ("Tom" of "Tom Hart")."""
    parts = [c.i for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return min([name.i, *parts])


def kin_pair_before(noun: Token) -> Token | None:
    """The first kinship noun of a pair ending with this one ("husband" for "wife" in
    "husband and wife"), read from the surface."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].lower_ != "and" or noun.lemma_.lower() not in kinship_nouns():
        return None
    first = doc[noun.i - 2]
    return first if first.lemma_.lower() in kinship_nouns() else None


def kin_holder(noun: Token) -> Token | None:
    """The subject of "have" whose kin the object is ("Deepak has a sister Sushma")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ == "have":
        return active_subject(noun.head)
    return None


def copula_subject(noun: Token) -> Token | None:
    """The subject a predicate noun is said of ("Seema becomes mother of Vicky", "Simona, who
    is Lola's sister", "becomes a captain and a war hero"), also through the "as" of a verb of
    holding a post ("Julia serves as her secretary", "works as his chauffeur"; not "poses as
    her husband") or of being given one ("is employed as a nanny", "hires Ann as his maid"),
    and in a small clause ("making Lane the prime suspect")."""
    if noun.dep_ == "ccomp" and noun.pos_ == "NOUN":
        return child_with_dep(noun, "nsubj")
    if is_person_noun(noun):  # a person coordinated with a predicate is one too
        noun = first_conjunct(noun)
    if noun.dep_ == "attr" and noun.head.lemma_ in COPULAS:
        return active_subject(noun.head)
    if noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return None
    verb = noun.head.head
    if verb.lemma_ in POST_VERBS:
        return active_subject(verb)
    if verb.lemma_ in APPOINTING_VERBS:  # "is employed as a nanny", "hires Ann as his maid"
        return passive_subject(verb) or child_with_dep(verb, "dobj")
    return None


def determiner_of(noun: Token) -> str | None:
    """The noun's determiner, lower-cased ("the", "a"), if it has one."""
    return next((c.lower_ for c in noun.children if c.dep_ == "det"), None)


def fronted_apposition_subject(noun: Token) -> Token | None:
    """The subject a noun phrase opening its sentence, then a comma, describes; the small
    parser hangs the phrase on the verb as a second subject or a modifier ("The daughter of a
    farmer, Mary was educated at home": Mary; "A widower, he lives alone": he)."""
    if noun.dep_ not in FRONTED_APPOSITION_DEPS or noun.left_edge.i != noun.sent.start:
        return None
    doc = noun.doc
    comma = noun.right_edge.i if doc[noun.right_edge.i].text == "," else noun.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    return next(
        (
            child
            for child in noun.head.children
            if child.dep_ in {"nsubj", "nsubjpass"} and child.left_edge.i == comma + 1
        ),
        None,
    )


DEFINITE = function_words("definite_determiner")
INDEFINITE = function_words("indefinite_determiner")
