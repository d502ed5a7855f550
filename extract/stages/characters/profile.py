"""Profile: the gender and the role nouns (descriptors) the text gives a named character."""

from __future__ import annotations

from collections import Counter
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

from extract.lexicons import (
    generic_person_nouns,
    honorifics,
    kinship_nouns,
    person_nouns,
    relation_types,
)
from extract.phrases import (
    APPOINTING_VERBS,
    PLURAL_TAGS,
    is_person_noun,
    kin_pair_before,
    kin_pair_title,
    person_noun_lemma,
)
from extract.stages.characters.names import is_title

APPOINTED_DEPS = {"dobj", "nsubjpass"}  # who is given the post: "hires Ann", "Ann is hired"
LIST_SEPARATORS = {",", ";"}  # between the items of a list of names and their nouns


def name_gender(spans: list[Span]) -> str:
    """Gender from titles and person nouns in apposition; "unknown" when they say nothing."""
    votes: Counter[str] = Counter()
    for span in spans:
        if is_title(span[0]):
            votes[honorifics()[span[0].text.rstrip(".")]] += 1
        for noun in apposed_person_nouns(span.root):
            votes[person_nouns().get(person_noun_lemma(noun), "unknown")] += 1
    votes.pop("unknown", None)
    if not votes or len(set(votes.values())) == 1 and len(votes) > 1:
        return "unknown"
    return votes.most_common(1)[0][0]


# Doc -> name position -> positions of its apposed person nouns (positions, not Tokens,
# which would keep the Doc alive)
APPOSED_NOUNS: WeakKeyDictionary[Doc, dict[int, tuple[int, ...]]] = WeakKeyDictionary()


def apposed_person_nouns(name: Token) -> list[Token]:
    """Person nouns that describe the name directly: its head in apposition (also through a
    coordination: "their wives Bhavana, Diya and Sonia"), a compound or appositive child, or
    the predicate of a copula it is the subject of. Found once per word of a Doc, as the
    evidence, the gender and the descriptors all ask (the parse is final after reparse)."""
    doc = name.doc
    known = APPOSED_NOUNS.setdefault(doc, {})
    found = known.get(name.i)
    if found is None:
        found = known[name.i] = tuple(noun.i for noun in find_apposed_person_nouns(name))
    return [doc[i] for i in found]


def find_apposed_person_nouns(name: Token) -> list[Token]:
    """The person nouns apposed to the name, looked up in the tree (apposed_person_nouns)."""
    nouns = [
        child
        for child in name.children
        if child.dep_ in {"compound", "appos"}
        and is_person_noun(child)
        and kin_pair_before(child) is None
        and not introduces_the_next_name(child)
        and not is_past_another_name(name, child)
    ]
    pair_noun = kin_pair_title(name)
    if pair_noun is not None:
        nouns.append(pair_noun)
    first = name
    while first.dep_ == "conj" and first.head is not first:
        if first.head.tag_ in PLURAL_TAGS and is_person_noun(first.head):
            return [*nouns, first.head]  # "two daughters, Namrata and Ritu", misparsed
        first = first.head
    if first.dep_ in {"appos", "acl", "npadvmod"}:
        # the parser may hang the name on a noun further back ("the three men come across
        # three beauties: Madhuri"): the nearest noun before the name is the one it describes
        nearest = next(
            (t for t in reversed(first.doc[first.head.i : first.i]) if t.pos_ == "NOUN"), None
        )
        if nearest is not None and is_person_noun(nearest):
            nouns.append(nearest)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        nouns.extend(c for c in name.head.children if c.dep_ == "attr" and is_person_noun(c))
    return nouns


def is_past_another_name(name: Token, noun: Token) -> bool:
    """A noun the parser hung on the name across another name of a list ("Carol, a torch
    singer; Trixie, a comedian": the comedian is Trixie's)."""
    doc = name.doc
    return any(
        word.pos_ == "PROPN"
        and word.dep_ in {"appos", "conj"}
        and word.head == name
        and any(t.text in LIST_SEPARATORS for t in doc[name.i + 1 : word.i])
        # not "a French performer", nor an actor's name in parentheses
        and any(t.text in LIST_SEPARATORS for t in doc[word.i + 1 : noun.i])
        and doc[word.i - 1].text != "("
        for word in doc[name.i + 1 : noun.i]
    )


def introduces_the_next_name(noun: Token) -> bool:
    """A possessed person noun that a name follows after a comma describes that name, not
    the one before ("Yancey, his young bride, Sabra")."""
    doc = noun.doc
    return (
        any(child.dep_ == "poss" for child in noun.children)
        and noun.i + 2 < len(doc)
        and doc[noun.i + 1].text == ","
        and doc[noun.i + 2].pos_ == "PROPN"
    )


def descriptors_of(spans: list[Span]) -> list[str]:
    """Role nouns said of the character: appositions ("a courtesan Munnibhai"), copular
    predicates ("Deepak is a lawyer") and "as" phrases ("appears as public prosecutor", "is
    hired as a maid")."""
    found: dict[str, None] = {}
    for span in spans:
        name = span.root
        nouns = apposed_person_nouns(name)
        appointed = name.head.lemma_ in APPOINTING_VERBS  # "hires Ann as his maid": Ann's post
        if name.dep_ == "nsubj" and not appointed or name.dep_ in APPOINTED_DEPS and appointed:
            nouns.extend(as_phrase_nouns(name.head))
        for noun in nouns:
            if is_role_noun(person_noun_lemma(noun)):
                found[descriptor_text(noun)] = None
    return list(found)


def is_role_noun(lemma: str) -> bool:
    """A person noun that says what someone is or does ("lawyer", "maid"), not only how they
    stand to another ("sister") or that they are a person ("man")."""
    kinship = kinship_nouns().get(lemma)
    if kinship is not None and relation_types()[kinship.type].category != "work":
        return False
    return lemma not in generic_person_nouns()


def as_phrase_nouns(verb: Token) -> list[Token]:
    """Person nouns in "as" phrases of the verb ("appears as public prosecutor")."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and is_person_noun(pobj)
    ]


def descriptor_text(noun: Token) -> str:
    """The noun with its adjectives and compounds, without determiners or possessors."""
    modifiers = [
        child
        for child in noun.lefts
        if child.dep_ in {"amod", "compound", "nmod"} and not child.ent_type_
    ]
    start = min([noun.i, *(m.i for m in modifiers)])
    return noun.doc[start : noun.i + 1].text.lower()
