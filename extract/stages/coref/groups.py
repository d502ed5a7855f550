"""Groups: the characters a plural pronoun, a group noun ("the trio") or a counted plural ("the
three men") refers to."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from extract.document import has_person_evidence, listed_characters
from extract.lexicons import (
    KinshipNoun,
    function_words,
    group_words,
    kinship_nouns,
    person_nouns,
    relation_types,
)
from extract.phrases import PLURAL_TAGS, determiner_of, is_person_noun
from extract.rules import Registry
from extract.stages.coref.clauses import SUBJECT_DEPS, enclosing_clause_subject, opens_its_sentence
from extract.stages.coref.descriptions import description_role, register_tie
from extract.stages.coref.state import Resolution, is_unnamed
from extract.syntax import child_with_dep

TIME_CONJUNCTIONS = function_words("time_conjunction")
GROUP_RULES = Registry("coref", "group")  # (state, pronoun, excluded) -> its characters, or []
NUCLEAR_FAMILY = {"parent", "sibling"}  # kin of these types say which kin a plural means


@GROUP_RULES.register("coordinated_group")
def last_coordinated_group(state: Resolution, token: Token, excluded: set[int]) -> list[int]:
    """The characters a plural pronoun refers to: the last coordination of two or more
    characters ("Katniss and Peeta ... He warns them") in this sentence or the one before,
    none of them `excluded` (an object pronoun is not its clause's subject: "Matt and Mark
    rescue them")."""
    sentence = state.sentence_of[token.i]
    for antecedent in reversed(state.antecedents):
        if antecedent.sentence < sentence - 1:
            break
        group = coordinated_characters(state, state.doc[antecedent.head])
        if len(group) >= 2 and not group & excluded:
            return sorted(group)
    return []


@GROUP_RULES.register("pair_of_the_clause_before")
def pair_of_the_clause_before(state: Resolution, token: Token, _excluded: set[int]) -> list[int]:
    """The subject "they" of a clause coordinated after another, or of an adverbial clause
    after its main clause, is the two characters of that clause, when there are exactly two
    ("Raj meets Pooja and they become friends", "Sam leaves Ann after they quarrel")."""
    verb = token.head
    if (
        token.dep_ not in SUBJECT_DEPS
        or verb.dep_ not in {"conj", "advcl"}
        or verb.head.i > token.i
    ):
        return []
    if verb.dep_ == "advcl" and not any(
        c.dep_ == "mark" and c.lower_ in TIME_CONJUNCTIONS for c in verb.children
    ):
        return []  # "wants Julia to live there so they would be closer": anyone
    before = set(verb.head.subtree) - set(verb.subtree)
    if any(is_plural_person_noun(word) for word in before):
        return []  # "has detectives watching her husband and they ...": the detectives
    holders = {
        word.i for holder in before if is_named_kin_holder(holder) for word in holder.subtree
    }
    owned = [word.i for word in before if word.i in state.owners and word.i not in holders]
    return only_pair({state.owners[index] for index in owned})


def is_named_kin_holder(word: Token) -> bool:
    """A name possessing a person noun, who is no participant: "He marries Pop's niece Betty
    and they have a son" (not "his" in "Jüttner, his tutor, ... and they become friends")."""
    return word.dep_ == "poss" and word.pos_ == "PROPN" and is_person_noun(word.head)


@GROUP_RULES.register("pair_of_the_sentence")
def pair_of_the_sentence(state: Resolution, token: Token, _excluded: set[int]) -> list[int]:
    """An uncoordinated "their" is the two characters its sentence has named so far, when
    there are exactly two ("Dahlia, in mediation with ex-husband Kyle over custody of their
    daughter")."""
    if token.dep_ != "poss":
        return []
    return only_pair(characters_named_in(state, state.sentence_of[token.i]))


@GROUP_RULES.register("pair_of_the_previous_sentence")
def pair_of_the_previous_sentence(state: Resolution, token: Token, excluded: set[int]) -> list[int]:
    """A "they" that opens its sentence, or is the subject of its main clause after words that
    name no one, is the two characters of the sentence before, when there are exactly two
    ("Bhagwaan confronts Shambu. They fight", "... Soon they marry", "They get married"); so
    is an object "them" (not its clause's subject) in a sentence that names no one else and
    no plural noun before it ("Flo sings while Dot plays. Their boss complains to them")."""
    if token.lower_ == "them" and token.dep_ in {"dobj", "pobj", "dative"}:
        pair = set(only_pair(characters_named_before(state, token, 2) - excluded))
        here = characters_named_in(state, state.sentence_of[token.i])
        before = token.doc[token.sent.start : token.i]
        if here - excluded - pair or any(is_plural_noun(word) for word in before):
            return []
        return sorted(pair)
    if not is_opening_subject(state, token):
        return []
    return only_pair(characters_named_before(state, token, 2))


def characters_named_before(state: Resolution, word: Token, size: int) -> set[int]:
    """The characters of the sentence before the word's; when it names fewer than `size`,
    with those of the sentence before it ("She sees a man in the water. The man is Allen
    Carver. Soon the two fall in love": she and Allen). None after a plural noun of people
    the group may be instead ("has detectives watching her husband. They...", "swear
    vengeance against Sagar with the Rosarios. They...")."""
    named: set[int] = set()
    sentence = word.sent
    for _step in range(2):
        if sentence.start == 0 or len(named) >= size:
            break
        sentence = state.doc[sentence.start - 1].sent
        if any(is_plural_person_noun(w) or w.tag_ == "NNPS" for w in sentence):
            return set()
        named |= characters_named_in(state, state.sentence_of[sentence.start])
        if not named:
            break  # a sentence naming no one: the pair is not further back
    return named


def is_opening_subject(state: Resolution, token: Token) -> bool:
    """A subject that opens its sentence, or its main clause after words that name no one
    ("They fight", "Soon they marry")."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    sentence = state.sentence_of[token.i]
    opens_main_clause = token.head == token.sent.root and not characters_named_in(state, sentence)
    return opens_its_sentence(token) or opens_main_clause


def is_plural_person_noun(word: Token) -> bool:
    """A plural noun of people ("detectives", "the men"), whom a "they" may mean instead; not a
    possessor ("knocks on his neighbors' door")."""
    return word.tag_ == "NNS" and word.dep_ != "poss" and word.lemma_.lower() in person_nouns()


def is_plural_noun(word: Token) -> bool:
    """A plural noun a "them" may mean ("the stolen documents", "two detectives"); not a
    possessor."""
    return word.tag_ in PLURAL_TAGS and word.dep_ != "poss"


def only_pair(characters: set[int]) -> list[int]:
    """The characters, in order, when they are exactly two; else none."""
    return sorted(characters) if len(characters) == 2 else []


def characters_named_in(state: Resolution, sentence: int) -> set[int]:
    """The characters mentioned so far in a sentence, looking back only as far as it."""
    named = set()
    for antecedent in reversed(state.antecedents):
        if antecedent.sentence < sentence:
            break
        if antecedent.sentence == sentence:
            named.add(antecedent.character)
    return named


def coordinated_characters(state: Resolution, head: Token) -> set[int]:
    """The characters coordinated with a mention, also in a list the small parser read as an
    apposition followed by a coordination ("Alex, Robin and Sam": Robin apposed to Alex)."""
    members = [head, *head.conjuncts]
    for member in list(members):
        if member.dep_ == "appos" and member.conjuncts:
            members.append(member.head)
        members += [
            word
            for child in member.children
            if child.dep_ == "appos" and child.conjuncts
            for word in (child, *child.conjuncts)
        ]
    return {state.owners[t.i] for t in members if t.i in state.owners}


def resolve_counted_group(state: Resolution, noun: Token) -> None:
    """A definite, counted plural person noun ("the three men", "the two sisters") gives its
    gender to the last coordinated group of that many characters whose genders allow it; as
    the subject opening its sentence, it is the characters of the sentence before when they
    are that many ("Les meets Lon. The two men struggle")."""
    gender = person_nouns().get(noun.lemma_.lower(), "unknown")
    count = next(
        (group_words("number").get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None
    )
    if count is None or determiner_of(noun) != "the" or noun.lemma_.lower() not in person_nouns():
        return
    if noun.lemma_.lower() not in kinship_nouns():  # "the two brothers" may be anyone's
        mention_group_of_the_sentence_before(state, noun, count, gender)
    if gender == "unknown":
        return
    for character in last_group_of_size(state, noun, count, gender):
        state.gender_votes[character][gender] += state.settings.description_gender_weight


def resolve_counted_pronoun(state: Resolution, number: Token) -> None:
    """ "The two" as the subject opening its sentence: the characters of the sentence before
    when they are two ("Terry meets Julia. Soon the two have fallen in love")."""
    if determiner_of(number) == "the":
        mention_group_of_the_sentence_before(state, number, group_words("number")[number.lower_])


def mention_group_of_the_sentence_before(
    state: Resolution, head: Token, size: int, gender: str = "unknown"
) -> None:
    """For a group subject opening its sentence, or its main clause after words that name no
    one, a mention of each character of the sentence before when they are `size`, all persons
    of a gender that allows `gender` ("He embraces her, but then Lon shows up. The two men
    struggle": he and Lon)."""
    if not is_opening_subject(state, head):
        return
    named = [
        c
        for c in characters_named_before(state, head, size)
        if gender == "unknown" or state.gender(c) in {gender, "unknown"}
    ]
    if len(named) != size or not all(has_person_evidence(state.characters[c]) for c in named):
        return
    mention_group(state, head, named, "counted_group")


def mention_group(state: Resolution, head: Token, members: Iterable[int], rule: str) -> None:
    """A mention of each member by the group phrase (its determiner to its head)."""
    start = min((child.i for child in head.children if child.dep_ == "det"), default=head.i)
    for member in sorted(members):
        state.mention(head, member, start, head.i + 1, "nominal", rule, salient=False)


def last_group_of_size(state: Resolution, word: Token, size: int, gender: str) -> set[int]:
    """The last coordinated group of `size` characters within `group_window` sentences before
    the word, whose genders all allow `gender` ("unknown" allows any)."""
    sentence = state.sentence_of[word.i]
    for antecedent in reversed(state.antecedents):
        if antecedent.sentence < sentence - state.settings.group_window:
            break
        group = coordinated_characters(state, state.doc[antecedent.head])
        if len(group) == size and (
            gender == "unknown" or all(state.gender(c) in {gender, "unknown"} for c in group)
        ):
            return group
    return set()


def resolve_kin_group(state: Resolution, noun: Token) -> bool:
    """ "his children", "their sons", "Mayer's brothers": the named characters the text has
    made known so far as the possessor's parents, children or siblings, of the noun's gender
    (a daughter is no son). Whether the noun is such a possessed plural kinship noun."""
    kinship = kinship_nouns().get(noun.lemma_.lower())
    possessor = child_with_dep(noun, "poss")
    if kinship is not None and possessor is None:
        register_pair_tie(state, noun, kinship)
    if kinship is None or kinship.type not in NUCLEAR_FAMILY or possessor is None:
        return False  # "her aunts" are not all her other kin
    possessors = state.possessors_at(possessor.i)
    role = description_role(noun.lemma_.lower())
    members = {
        kin
        for holder in possessors
        for kin in state.by_description.get((role, holder), [])
        if not is_unnamed(state, kin)
        and (kinship.gender == "unknown" or state.gender(kin) in {kinship.gender, "unknown"})
    } - set(possessors)
    others = any(child.lower_ == "other" for child in noun.children)  # "their other brothers"
    if members and not others:
        mention_group(state, noun, members, "kin_group")
    return True


def register_pair_tie(state: Resolution, noun: Token, kinship: KinshipNoun) -> None:
    """Two characters named right after a plural kinship noun of a symmetric type are known
    by it to each other ("two childhood friends, Leo and Ulrich ... his friend" said of Ulrich
    is Leo; "sisters Anna and Elsa")."""
    if not relation_types()[kinship.type].symmetric:
        return
    members = listed_characters(state.doc, noun.i + 1, state.owners)
    if len(members) == 2:
        role = f"{kinship.type}:{kinship.referent}"
        register_tie(state, (role, members[0]), members[1])
        register_tie(state, (role, members[1]), members[0])


def resolve_group_noun(state: Resolution, noun: Token) -> None:
    """ "The trio", "the couple": the last coordinated group of that many characters, else,
    for one opening its sentence, the characters of the sentence before when they are that
    many ("He meets Joel Carter. The couple spend the day together")."""
    size = group_words("noun")[noun.lower_]
    members = last_group_of_size(state, noun, size, "unknown")
    if not members and opens_its_sentence(noun):
        named = characters_named_in(state, state.sentence_of[noun.i] - 1)
        members = named if len(named) == size else set()
    if not all(has_person_evidence(state.characters[member]) for member in members):
        return
    mention_group(state, noun, members, "definite_group_noun")


@GROUP_RULES.register("parents_of_the_child")
def parents_of_the_child(state: Resolution, token: Token, excluded: set[int]) -> list[int]:
    """ "their" before a child noun ("their daughter", "their son") is the couple the text has
    made known whose member was met last ("Yancey marries Sabra ... the birth of their
    daughter")."""
    kinship = kinship_nouns().get(token.head.lemma_.lower()) if token.dep_ == "poss" else None
    if kinship is None or kinship.type != "parent" or kinship.referent != "target":
        return []
    spouses = {}
    for (role, possessor), characters in state.by_description.items():
        if role.startswith("spouse:"):
            for character in characters:
                spouses.setdefault(possessor, character)
                spouses.setdefault(character, possessor)
    for antecedent in reversed(state.antecedents):
        spouse = spouses.get(antecedent.character)
        if spouse is not None and not {antecedent.character, spouse} & excluded:
            return sorted({antecedent.character, spouse})
    return []


@GROUP_RULES.register("subject_and_spouse")
def subject_and_spouse(state: Resolution, token: Token, _excluded: set[int]) -> list[int]:
    """A couple the text has made known: "His wife, Ellen, ... She lives with their son":
    "their" is the clause's subject and the spouse a kinship description gave it."""
    if token.dep_ in SUBJECT_DEPS:
        return []
    subject_word = enclosing_clause_subject(token)
    subject = state.owners.get(subject_word.i) if subject_word is not None else None
    if subject is None:
        return []
    for (role, possessor), characters in state.by_description.items():
        for character in characters:
            if role.startswith("spouse:") and subject in (possessor, character):
                return sorted({possessor, character})
    return []
