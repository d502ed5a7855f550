"""Descriptions: the person-noun phrases that may describe a character ("Seema's father", "her
maid", "the farmer", "one of his gangmembers"), with their possessor and determiner."""

from __future__ import annotations

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from extract.document import characters_by_token
from extract.lexicons import (
    creature_nouns,
    function_words,
    generic_person_nouns,
    kinship_nouns,
    person_nouns,
    relation_types,
    role_nouns,
    title_nouns,
)
from extract.phrases import (
    DEFINITE,
    INDEFINITE,
    PLURAL_TAGS,
    RELATIVE_POSSESSIVES,
    copula_subject,
    determiner_of,
    fronted_apposition_subject,
    is_person_noun,
    kin_holder,
    kin_pair_before,
    person_noun_lemma,
)
from extract.syntax import active_subject, child_with_dep, first_conjunct

IMPLICIT_KIN_CATEGORIES = {"family", "romance"}
TITLE_DEPS = {"compound", "amod"}  # "sister Zoya", "assistant Zafar" (taken for an adjective)
COMPARISON_PREPOSITIONS = function_words("comparison_preposition")  # "like a child"
NAME_CLOSERS = {",", ".", ";", "(", "who", "whom", "whose"}  # what may end a name set off
FACTITIVE_VERBS = function_words("factitive_verb")  # "makes an enemy of Bull"
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos"}


def find_descriptions(doc: Doc) -> list[dict]:
    """Singular noun phrases headed by a person noun that may describe a character, and the
    person nouns predicated of a subject ("Seema becomes mother of Vicky")."""
    owners = characters_by_token(doc, doc._.names)
    creatures, roles = acting_nouns(doc)
    descriptions = []
    for noun in doc:
        title = bare_title_noun(noun, owners)  # "The Major proposes": the major
        noun_lemma = title or person_noun_lemma(noun)
        if noun_lemma in role_nouns() and noun_lemma not in roles:
            continue  # a role noun of WordNet's that does nothing in the story: "makes a fool"
        if noun_lemma is None and noun.lemma_.lower() not in creatures:
            continue  # neither a person noun nor an acting creature
        kin_title = is_kin_title(noun, owners)  # "mother Haba", also "her Uncle Jack"
        if noun.tag_ in PLURAL_TAGS or noun.i in owners and not kin_title:
            continue
        lemma = noun_lemma if is_person_noun(noun) or kin_title or title else None
        if lemma is None and noun.pos_ == "NOUN" and noun.lemma_.lower() in creatures:
            lemma = noun.lemma_.lower()
        if lemma is None:
            continue
        subject = copula_subject(noun)
        if noun.dep_ == "oprd" or is_as_phrase(noun) and subject is None:
            continue  # "disguised as her maid" (but "serves as her secretary")
        if is_made_of(noun):
            continue  # "makes an enemy of Bull": Bull is the enemy
        titled = title_bearer(noun, owners)  # "reporter Tom Brown", "the sailor Binns"
        if noun.dep_ in TITLE_DEPS and not kin_title and titled is None:
            continue
        possessor = possessor_of(noun)
        determiner = determiner_kind(noun, possessor)
        if determiner == "indefinite" and is_compared_with(noun):
            continue  # "treats her like a child": a kind, no one
        if determiner == "indefinite":
            possessor = implicit_possessor(noun)
        named = comma_named_character(noun, owners) if determiner == "possessive" else None
        if named is None:
            named = named_character_of(noun, owners)
        predicate = first_conjunct(noun)  # "becomes a captain and a war hero"
        if (
            predicate.dep_ == "attr"
            and not is_existential(predicate.head)
            or predicate.dep_ == "ccomp"  # "making Lane the prime suspect"
        ) and (subject is None or possessor is None):
            continue
        if determiner == "indefinite" and named is None and is_apposed_to_a_person_noun(noun):
            subject = noun.head  # "her father, a steel magnate": said of the father
        if (
            subject is None
            and titled is None
            and (
                determiner is None
                or determiner == "indefinite"
                and named is None
                and noun.dep_ not in ARGUMENT_DEPS
            )
        ):
            continue
        descriptions.append(
            {
                "span": [description_start(noun, possessor, determiner), noun.i + 1],
                "head": noun.i,
                "noun": lemma,
                "gender": description_gender(noun, lemma),
                "possessor": possessor.i if possessor is not None else None,
                "determiner": determiner,
                "character": named,
                "subject": subject.i if subject is not None else None,
            }
        )
    descriptions += partitive_descriptions(doc, owners)
    descriptions.sort(key=lambda description: description["head"])
    return descriptions


def is_made_of(noun: Token) -> bool:
    """The object of a verb that makes someone what it names ("makes an enemy of Bull", "made
    a man of him"): said of the object of its "of", no one of its own."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_ in FACTITIVE_VERBS
        and any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children)
    )


def title_bearer(noun: Token, owners: dict[int, int]) -> int | None:
    """The character whose name a singular role noun stands before as a title, in one noun
    phrase ("reporter Tom Brown", "the wicked witch Momba"; not "the man Cedric loves", nor a
    noun that names no role: "leading man Myles Brent"), also where the parser made both
    subjects of one verb ("sailor/nsubj Binns/nsubj saves them")."""
    doc = noun.doc
    following = noun.i + 1
    if noun.i in owners or following >= len(doc) or following not in owners:
        return None
    if person_noun_lemma(noun) in generic_person_nouns():
        return None
    name = doc[following]
    if not is_name_word(name) or noun.tag_ in PLURAL_TAGS:
        return None
    while name.i + 1 < len(doc) and owners.get(name.i + 1) == owners[following]:
        name = doc[name.i + 1]  # the last word of the name, its head in the phrase
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    if kin_pair_before(noun) is not None and after is not None and after.lower_ == "and":
        return None  # "husband and wife Billy and Sally": kin_pair_tie pairs them
    in_one_phrase = (
        noun.head == name or name.head == noun or noun.dep_ == name.dep_ and noun.head == name.head
    )
    return owners[following] if in_one_phrase else None


def name_before_actor_note(noun: Token, owners: dict[int, int]) -> int | None:
    """The character named right before the description's determiner, where the cleanup took
    out an actor's parenthetical that stood for the comma of an apposition ("Dorothy Wayne
    (Ruby Keeler) a friend who dances")."""
    determiner = child_with_dep(noun, "det")
    if determiner is None or determiner.i == 0 or determiner.i - 1 not in owners:
        return None
    name_end = determiner.nbor(-1)
    anchors = {anchor for anchor, _name, _actor in noun.doc._.actor_notes or []}
    return owners[name_end.i] if name_end.idx + len(name_end) in anchors else None


def bare_title_noun(token: Token, owners: dict[int, int]) -> str | None:
    """The person noun of a capitalised title written after "the" with no name ("The Major
    proposes", "the Colonel's orders": the major, the colonel), which the text uses for the
    one it titles ("Major Anthony Seymour"; models/lexicons/honorifics.tsv)."""
    if token.i == 0 or token.i in owners or token.doc[token.i - 1].lower_ != "the":
        return None
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and (
        following.text[:1].isupper() and following.is_alpha or following.lower_ == "of"
    ):
        return None  # "the Major General", "the King Ranch", "the Duke of Wellington"
    return title_nouns().get(token.text) if token.text[:1].isupper() else None


def is_name_word(token: Token) -> bool:
    """A proper noun, or a capitalised name the parser took for an adverb before its verb
    ("His sister Molly/RB promises")."""
    return token.pos_ == "PROPN" or token.pos_ == "ADV" and token.ent_type_ == "PERSON"


def is_apposed_to_a_person_noun(noun: Token) -> bool:
    """The noun stands in apposition to a person noun, which it describes further."""
    return noun.dep_ == "appos" and is_person_noun(noun.head)


def description_gender(noun: Token, lemma: str) -> str:
    """The gender of the person noun, else of a gendered person noun modifying it ("the lady
    owner", "a woman doctor")."""
    gender = person_nouns().get(lemma, "unknown")
    if gender != "unknown":
        return gender
    modifiers = (
        person_nouns().get(child.lemma_.lower(), "unknown")
        for child in noun.lefts
        if child.dep_ in {"compound", "amod", "nmod"}
    )
    return next((g for g in modifiers if g != "unknown"), "unknown")


def partitive_descriptions(doc: Doc, owners: dict[int, int]) -> list[dict]:
    """ "one of his gangmembers", "one of Jada's friends, Monique", "one of the sentries": one
    person picked from someone's people or from people already in view, described by the
    plural noun (its head, so that coref meets the possessor first); said of the subject it
    is predicated of ("Lizzie is one of her biggest depositors")."""
    descriptions = []
    for noun in doc:
        if noun.tag_ not in PLURAL_TAGS or noun.dep_ != "pobj" or noun.head.lower_ != "of":
            continue
        one = noun.head.head
        if one.lower_ != "one" or one.i in owners:
            continue
        possessor = child_with_dep(noun, "poss")
        lemma = person_noun_lemma(noun) if is_person_noun(noun) else None
        if lemma is None or possessor is None and determiner_of(noun) != "the":
            continue
        descriptions.append(
            {
                "span": [one.i, noun.i + 1],
                "head": noun.i,
                "noun": lemma,
                "gender": person_nouns().get(lemma, "unknown"),
                "possessor": possessor.i if possessor is not None else None,
                "determiner": "partitive",
                "character": named_character_of(one, owners) or named_character_of(noun, owners),
                "subject": subject.i if (subject := copula_subject(one)) is not None else None,
            }
        )
    return descriptions


def implicit_possessor(noun: Token) -> Token | None:
    """Whose kin an indefinite kinship noun is: the subject of its verb ("Duc falls in love
    with a former girlfriend": Duc's). Family and romance only: one who kills "a guard" is
    not his employer, one who meets "a friend" may not be a friend yet; and not "a child",
    "a baby", which name any young person."""
    kinship = kinship_nouns().get(person_noun_lemma(noun))
    if kinship is None or relation_types()[kinship.type].category not in IMPLICIT_KIN_CATEGORIES:
        return None
    if kinship.type == "parent" and kinship.referent == "target" and kinship.gender == "unknown":
        return None  # "endangered a child": a young person, not his child
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.pos_ != "VERB":
        return None
    return active_subject(verb)


def description_start(noun: Token, possessor: Token | None, determiner: str | None) -> int:
    """Where the description begins: at its possessor ("his beloved Anthoula"), its
    determiner (not an adverb or a name the parser hung before it: "Meanwhile, the young
    man", "such a woman", "Sarle the hero"), or the noun itself."""
    if possessor is not None and possessor.i < noun.i and possessor.head == kin_phrase(noun):
        return possessor.left_edge.i
    if not determiner:
        return noun.i
    article = child_with_dep(noun, "det")
    return article.i if article is not None else noun.left_edge.i


def comma_named_character(noun: Token, owners: dict[int, int]) -> int | None:
    """The name right after a comma that a possessive kin noun introduces ("Lola's ex-fiancé,
    Marco, ..."), whatever the parser made of it, even after another name ("Yancey, his young
    bride, Sabra": his bride is not he); not the subject of the next clause ("After killing his
    father, Tom flees"); an adverb may come first ("her soul mate also, Sunder"), and a noun
    as a title ("her boyfriend, steelworker Jim Stanley")."""
    doc = noun.doc
    comma = noun.i + 2 if noun.i + 2 < len(doc) and doc[noun.i + 1].tag_ == "RB" else noun.i + 1
    start = comma + 1
    while start < len(doc) and start not in owners and is_role_before_name(doc[start]):
        start += 1  # "her boyfriend, steelworker Jim Stanley"
    if start >= len(doc) or doc[comma].text != "," or start not in owners:
        return None
    name = [t for t in doc[start : start + 6] if owners.get(t.i) == owners[start]]
    if doc[start].pos_ != "PROPN" or any(t.dep_ in {"nsubj", "nsubjpass"} for t in name):
        return None
    return owners[start]


def is_role_before_name(token: Token) -> bool:
    """A lower-case noun written before a name as its title ("steelworker Jim Stanley"), not
    a kin noun, which names another in a list ("his grandfather, mother Haba")."""
    return (
        token.is_lower
        and token.dep_ == "compound"
        and token.head.pos_ == "PROPN"
        and token.lemma_ not in kinship_nouns()
    )


def is_existential(verb: Token) -> bool:
    """ "There is Kishen's friend Shekhar": what follows is introduced, not predicated."""
    return child_with_dep(verb, "expl") is not None


def is_kin_title(noun: Token, owners: dict[int, int]) -> bool:
    """A kinship noun written before a name like a title ("mother Haba", "older sister Zoya",
    "his assistant Zafar" even where the parser took "assistant" for an adjective), but not the
    second noun of a pair that titles two names ("husband and wife Rawdon and Miranda")."""
    return (
        noun.dep_ in TITLE_DEPS
        and noun.head.i in owners
        and person_noun_lemma(noun) in kinship_nouns()
        and kin_pair_before(noun) is None
    )


def acting_nouns(doc: Doc) -> tuple[set[str], set[str]]:
    """The creatures and the role nouns that act in the story: the nouns of
    models/lexicons/creature_nouns.tsv that are the subject of a verb somewhere ("the shark
    attacks Michael"), and those of role_nouns.tsv that are the subject of a verb or the agent
    of a passive somewhere ("a sniper shoots him", "is shot by a sniper")."""
    dep = doc.to_array(DEP)
    subjects = numpy.flatnonzero(dep == doc.vocab.strings.add("nsubj"))
    objects = numpy.flatnonzero(dep == doc.vocab.strings.add("pobj"))
    acting = {
        token.lemma_.lower()
        for token in (doc[int(i)] for i in subjects)  # the subjects only: fewer Token objects
        if token.head.pos_ == "VERB"
    }
    agents = {
        token.lemma_.lower()
        for token in (doc[int(i)] for i in objects)
        if token.head.dep_ == "agent"
    }
    return acting & creature_nouns(), (acting | agents) & role_nouns()


def possessor_of(noun: Token) -> Token | None:
    """The possessor of a person noun: "her" / "Seema's" father, the father "of Vicky" or "of
    a farmer", and the possessor that coordinated kin share ("his grandfather, mother Haba and
    sister Zoya", "his viceroy Zhou Yu and sister Sun Shangxiang", "Ann, his friend and
    lover"), also where the parser hung it on a noun before ("her stockbroker husband Greg")."""
    phrase = kin_phrase(noun)
    modifiers = [child for child in noun.lefts if child.dep_ == "compound"]
    for word in (noun, phrase, *modifiers):
        possessor = child_with_dep(word, "poss")
        if possessor is not None:
            if possessor.lower_ in RELATIVE_POSSESSIVES:
                return relative_clause_noun(possessor)
            return possessor
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = child_with_dep(prep, "pobj")
            if pobj is not None and (pobj.pos_ in {"PROPN", "PRON"} or is_person_noun(pobj)):
                return pobj
    if noun.lemma_.lower() not in kinship_nouns():
        return None
    first = first_conjunct(phrase)
    if first is not phrase and first.dep_ == "appos" and is_person_noun(first.head):
        first = first.head  # "his viceroy Zhou Yu and sister Sun Shangxiang": "his viceroy"
    if first is not phrase:
        possessor = child_with_dep(first, "poss")
        if possessor is not None:
            return possessor
    return kin_holder(first)


def relative_clause_noun(relative: Token) -> Token:
    """The noun a relative clause modifies, for its relative word ("a young woman whose father
    ...": woman), or the subject that noun is said of ("Maggie is a dancer whose husband
    ...": Maggie) or stands in apposition to ("Emir, a native whose wife ...": Emir); the word
    itself when the parser hung the clause on no noun."""
    clause = next((a for a in relative.ancestors if a.dep_ == "relcl"), None)
    if clause is None:
        return relative
    noun = clause.head
    return noun.head if noun.dep_ == "appos" else copula_subject(noun) or noun


def kin_phrase(noun: Token) -> Token:
    """The noun phrase a person noun heads, or the name it stands before as a title ("sister"
    in "his sister Zoya" belongs to "Zoya")."""
    return noun.head if noun.dep_ in TITLE_DEPS else noun


def is_as_phrase(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "as"


def is_compared_with(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in COMPARISON_PREPOSITIONS


def determiner_kind(noun: Token, possessor: Token | None) -> str | None:
    """possessive ("her maid", "the mother of Vicky"), definite ("the maid"), indefinite ("a
    maid") or None."""
    if possessor is not None:
        return "possessive"
    determiner = determiner_of(noun)
    if determiner in DEFINITE:
        return "definite"
    if determiner in INDEFINITE:
        return "indefinite"
    return None


def is_unlisted_indefinite_conjunct(noun: Token, first: Token) -> bool:
    """ "a close friend of his and a famous lawyer": an indefinite noun coordinated with the
    first without a comma before the "and" (not a list of people: "a banker, and a widow")."""
    if determiner_of(noun) not in INDEFINITE or noun.i <= first.i:
        return False
    coordinator = next((c for c in first.children if c.dep_ == "cc" and c.i < noun.i), None)
    return coordinator is not None and coordinator.nbor(-1).text != ","


def named_character_of(noun: Token, owners: dict[int, int]) -> int | None:
    """The named character a person noun is attached to: "his sister Sushma", "her husband,
    Inder", "a man named Ajit", "Shlykov, a hard-working taxi driver", "Ann, his friend and
    lover"."""
    if noun.dep_ == "compound" and noun.head.i in owners:
        return owners[noun.head.i]
    for child in noun.children:  # "a Patel man named Prem": the name given, not the compound
        if child.dep_ == "acl" and child.lemma_ == "name":
            named = next((g for g in child.children if g.dep_ == "oprd" and g.i in owners), None)
            if named is not None:
                return owners[named.i]
    for child in noun.children:
        if child.dep_ in {"appos", "acl", "npadvmod", "compound"} and child.i in owners:
            return owners[child.i]
    if noun.dep_ in {"compound", "appos"} and noun.head.i in owners:
        return owners[noun.head.i]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "Semyon's driver is Nikolai"
        named = next((c for c in noun.head.children if c.dep_ == "attr" and c.i in owners), None)
        if named is not None:
            return owners[named.i]
    first = first_conjunct(noun)
    bare = determiner_of(noun) is None and child_with_dep(noun, "poss") is None
    if (
        (bare or is_unlisted_indefinite_conjunct(noun, first))
        and first is not noun
        and first.dep_ == "appos"
        and first.head.i in owners
    ):
        return owners[first.head.i]  # "Ann Lee, his friend and lover": Ann is both
    fronted = fronted_apposition_subject(noun)
    if fronted is not None and fronted.i in owners:  # "A talented singer, Anna joined..."
        return owners[fronted.i]
    doc = noun.doc
    following = noun.i + 1
    if following < len(doc) and following in owners and is_name_word(doc[following]):
        return owners[following]
    left = noun.left_edge.i
    if (
        left >= 2
        and doc[left - 1].text == ","
        and left - 2 in owners
        and noun.dep_ != "poss"  # not "Stalburg, the prince's assistant": the prince
        and doc[left].lower_ not in RELATIVE_POSSESSIVES  # "Betty, whose father": her father
    ):
        return owners[left - 2]
    named = name_before_actor_note(noun, owners)
    if named is not None:  # "Dorothy Wayne (Ruby Keeler) a friend who dances"
        return named
    return name_set_off_after(noun, owners)


def is_in_prepositional_phrase_of(word: Token, noun: Token) -> bool:
    """The word is the object of a preposition of the noun's, directly or through others ("the
    writer of the column": column)."""
    while word.dep_ == "pobj" and word.head.dep_ == "prep":
        word = word.head.head
        if word == noun:
            return True
    return False


def name_set_off_after(noun: Token, owners: dict[int, int]) -> int | None:
    """The character of a name set off by commas right after the noun's phrase, which the
    parser hung elsewhere ("impresses a Roman admiral, Quintus Arrius, who frees him"): not
    the subject of a clause ("After hitting her father, Toya decides"), nor one of a list; not
    past a person noun its phrase governs ("the daughter of a planter, Bill Calhoun"). A name
    the parser apposed to a thing the phrase ends with is set off after it too ("the writer
    of the column, Gerry")."""
    doc = noun.doc
    start = noun.right_edge.i + 2
    for word in noun.subtree:
        if (
            word.dep_ == "appos"
            and word.i in owners
            and is_in_prepositional_phrase_of(word.head, noun)
            and not is_person_noun(word.head)
            and doc[word.left_edge.i - 1].text == ","
        ):
            start = min(start, word.left_edge.i)
    if start >= len(doc) or doc[start - 1].text != "," or start not in owners:
        return None
    if noun.dep_ in {"poss", "conj"} or not is_name_word(doc[start]):
        return None
    governed = doc[noun.i + 1 : start]
    if any(w.dep_ == "pobj" and w.tag_ == "NN" and is_person_noun(w) for w in governed):
        return None  # "the daughter of a planter, Bill Calhoun": the planter's name
    end = start
    while end < len(doc) and owners.get(end) == owners[start]:
        end += 1
    name = doc[start:end].root
    if name.dep_ in {"nsubj", "nsubjpass", "conj"} or any(c.dep_ == "cc" for c in name.children):
        return None
    closing = doc[end].lower_ if end < len(doc) else "."
    return owners[start] if closing in NAME_CLOSERS else None
