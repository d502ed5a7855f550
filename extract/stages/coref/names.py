"""Names: another name a naming verb gives a character met already, and the kin pairs that title
two names ("husband and wife Rawdon and Miranda")."""

from __future__ import annotations

from spacy.tokens import Token

from extract.lexicons import naming_verbs, relative_pronouns
from extract.phrases import kin_pair_title, name_start
from extract.stages.coref.descriptions import description_role, register_tie
from extract.stages.coref.state import Resolution, is_unnamed
from extract.syntax import child_with_dep

NAME_GIVING_MODIFIERS = {"acl", "parataxis"}  # "Tom, nicknamed Ace", "Jane (also known as Red)"
RELATIVE_PRONOUNS = relative_pronouns(person=("only", "also"), possessive=False)


def merge_other_name(state: Resolution, name: Token) -> None:
    """A name given to a character already met is another name of it ("he started calling
    himself THE Roger Patel"): the named one of the two keeps the mentions of both."""
    holder = other_name_holder(name)
    anchor = state.owners.get(holder.i) if holder is not None else None
    character = state.name_ends[name.i]
    if anchor is None or anchor == character:
        return
    if is_unnamed(state, anchor):
        state.merge(anchor, character)
    else:
        state.merge(character, anchor)


def other_name_holder(name: Token) -> Token | None:
    """The word for the person a naming verb gives `name` to: its object or passive subject
    ("calls himself X", "is known as X"), also when the parser made the name a second object
    ("nicknames him X"), else the noun the verb's participle or relative clause modifies
    ("Tom Hardy, nicknamed Ace", "Ranchhod, who is known as Roger"), or the name that noun
    stands in apposition to ("Mary, once an opera star known as Maria di Nardi")."""
    markers = naming_verbs()
    if name.dep_ in {"oprd", "dobj"} and "-" in markers.get(name.head.lemma_, ()):
        verb = name.head
    elif name.dep_ == "pobj" and name.head.lower_ in markers.get(name.head.head.lemma_, ()):
        verb = name.head.head
    else:
        return None
    # "whom she nicknames "Bingo"": the parser made the name a second object
    if name.dep_ == "dobj":
        holder = next(
            (c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < name.i), None
        )
        if holder is None:
            return None
    else:
        holder = child_with_dep(verb, "dobj") or child_with_dep(verb, "nsubjpass")
    if (
        holder is None
        and verb.dep_ in NAME_GIVING_MODIFIERS
        or (holder is not None and holder.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl")
    ):
        noun = verb.head  # "Mary Holmes, once an opera star known as X": the apposed name's
        return noun.head if is_apposed_outside_a_list(noun) else noun
    return holder


def is_apposed_outside_a_list(noun: Token) -> bool:
    """A common noun in apposition to what it describes, in no list the parser may have read
    as appositions ("Dennis Carson, a prostitute named Vantine, and Barbara Willis")."""
    return (
        noun.dep_ == "appos"
        and noun.pos_ == "NOUN"
        and not any(child.dep_ in {"cc", "conj"} for child in (*noun.children, *noun.head.children))
    )


def register_kin_pair(state: Resolution, name: Token) -> None:
    """ "husband and wife Rawdon and Miranda": each is known by the other's noun from then on
    ("his dead wife" said of Rawdon is Miranda)."""
    start = name_start(name)
    noun = kin_pair_title(name)
    if noun is None or start < 2 or state.doc[start - 1].lower_ != "and":
        return
    partner = state.owners.get(start - 2)
    if partner is not None and name.i in state.owners:
        register_tie(state, (description_role(noun.lemma_.lower()), partner), state.owners[name.i])
