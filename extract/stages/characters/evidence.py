"""Evidence: the clues each occurrence of a name gives for or against being a person
(models/rules/person_evidence.tsv), and their sum."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extract.lexicons import (
    animate_verbs,
    crew_nouns,
    function_words,
    is_first_name,
    kinship_nouns,
    motion_verbs,
    nonperson_heads,
    once_per_name_clues,
    personal_nouns,
    places,
    relation_types,
    relative_pronouns,
    sending_verbs,
    work_nouns,
)
from extract.phrases import INDEFINITE, copula_subject, is_person_noun, person_noun_lemma
from extract.stages.characters.names import NameForm, actor_anchors, is_name_token, is_title
from extract.stages.characters.profile import apposed_person_nouns
from extract.syntax import (
    child_with_dep,
    first_conjunct,
    is_surface_subject,
    is_written_in_lower_case,
    opens_sentence,
    s_form_stem,
)

OTHER_ENTITIES = {"GPE", "ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW",
                  "LANGUAGE"}  # fmt: skip
PLACE_ENTITIES = {"GPE", "LOC", "FAC", "NORP"}
CLAUSE_OPENING_PREPOSITIONS = function_words("clause_opening_preposition")  # "after Tom leaves"
# clues only a person gives, that outweigh a name's being written as a place
PERSON_ONLY_CLUES = frozenset(
    {
        "person_apposition", "relative_who", "animate_subject", "title", "actor_note",
        "person_possessor",
    }
)  # fmt: skip
FAMILY_CATEGORIES = {"family", "romance"}
STAR_NOUNS = {"star", "co-star"}
PERSON_ROLE_CLUES = {"animate_subject", "object_of_person_verb", "recipient", "person_possessor",
                     "personal_possessor", "person_apposition"}  # fmt: skip
NUMBER_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
LOCATIVE_PREPOSITIONS = function_words("locative_preposition")
DIRECTION_PREPOSITIONS = function_words("direction_preposition")
COMPARISON_PREPOSITIONS = function_words("comparison_preposition")
PERSON_RELATIVES = relative_pronouns(person=("only",))
PERSONAL_PRONOUNS = function_words("gendered_pronoun")
PERFORMED_BY_VERBS = function_words("performed_by_verb")
STARRING_VERBS = function_words("starring_verb")
ROLE_NOUNS = function_words("role_noun")
PERFORMER_NOUNS = function_words("performer_noun")
AUTHORING_VERBS = function_words("authoring_verb")
FILM_PART_MODIFIERS = function_words("film_part_modifier")
CAST_VERBS = function_words("cast_verb")
CAST_NOUNS = function_words("cast_noun")
PART_TAKING_VERBS = PERFORMED_BY_VERBS | function_words("part_taking_verb")


def name_score(clues: list[str], weights: dict[str, float]) -> float:
    """The summed weights of a name's clues, those about its written form counted once."""
    once = once_per_name_clues()
    return sum(weights[clue] for clue in clues if clue not in once) + sum(
        weights[clue] for clue in set(clues) & once
    )


def name_clues(doc: Doc, start: int, end: int, verbs: frozenset[str] = frozenset()) -> list[str]:
    """The clues one occurrence of a name gives for (or against) being a person; `verbs` are
    the base forms known as verbs, to read a subject the parser missed ("Reyansh rescues")."""
    span = doc[start:end]
    head = span.root
    clues = []
    entity = head.ent_type_
    if entity == "PERSON":
        clues.append("person_entity")
    elif entity in OTHER_ENTITIES:
        clues.append("other_entity")
    elif entity in NUMBER_ENTITIES:
        clues.append("number_entity")
    before = doc[start - 1] if start > 0 else None
    if before is not None and is_title(before):
        clues.append("title")
    elif before is not None and before.lower_ == "the":
        clues.append("definite_article")
    elif is_noun_modifier(span):
        clues.append("noun_modifier")
    if is_first_name(doc[start].text) and not (
        entity in PLACE_ENTITIES and span.text in places()
    ):  # the small model tags many a name it does not know a place ("Esperanza", "Alfredo")
        clues.append("first_name")
    if entity != "PERSON" and doc[end - 1].lower_ in nonperson_heads():
        clues.append("nonperson_head")
    if entity != "PERSON" and is_known_place(span, entity in PLACE_ENTITIES):
        clues.append("known_place")
    if span.end_char in actor_anchors(doc):
        clues.append("actor_note")
    if relative_who_follows(doc, end):
        clues.append("relative_who")
    if pronoun_follows(doc, end):
        clues.append("pronoun_follows")
    clues.extend(role_clues(head))
    if "performer" not in clues and (
        stars_as_follows(doc, end)
        or is_starred(doc, start)
        or plays_a_part_follows(doc, start, end)
    ):
        clues.append("performer")
    if "actor_note" in clues:  # a name its actor's name follows plays no part itself
        clues = [clue for clue in clues if clue != "performer"]
    # a subject the parser missed counts only for a verb of persons ("Chaos ensues" is none)
    if end - start == 1 and is_surface_subject(doc[start], verbs):
        if s_form_stem(doc[end].lower_, verbs) in animate_verbs():
            clues.append("animate_subject")
    apposed = [child for child in head.children if child.dep_ in {"compound", "appos"}]
    if head.dep_ in {"appos", "compound"}:
        apposed.append(head.head)
    said_to_be = copula_subject(first_conjunct(head))  # "The stars were X and Y": stars
    if said_to_be is not None:
        apposed.append(said_to_be)
    if any(is_crew_noun(token) for token in [*span, *apposed, *doc[max(start - 1, 0) : start]]):
        clues.append("crew_apposition")
    if "first_name" in clues and PERSON_ROLE_CLUES & set(clues):
        clues = [clue for clue in clues if clue != "number_entity"]  # "in love with May/DATE"
    return clues


def is_noun_modifier(span: Span) -> bool:
    """A name modifying a common noun whose determiner stands before it, or that is the object
    of a preposition opening no clause: "his Murphy bed", "a Ford truck", "in Morse code" (not
    "the Smith brothers": a person noun; not "after Tom leaves", a verb read as a noun), or a
    nationality modifying any noun ("a Roman admiral")."""
    head = span.root
    noun = head.head
    nationality = head.ent_type_ == "NORP"
    return (
        head.dep_ in ({"compound", "amod"} if nationality else {"compound"})
        and noun.pos_ == "NOUN"
        and (nationality or not is_person_noun(noun))
        and (
            any(child.dep_ in {"det", "poss"} and child.i < span.start for child in noun.children)
            or noun.dep_ == "pobj"
            and noun.head.lower_ not in CLAUSE_OPENING_PREPOSITIONS
        )
    )


def relative_who_follows(doc: Doc, end: int) -> bool:
    """ "Lubos and Eman, who are...": a "who" right after the name (or its conjunct)."""
    following = [token.lower_ for token in doc[end : end + 2]]
    return bool(following) and (
        following[0] in PERSON_RELATIVES
        or following[:1] == [","]
        and following[1:] in ([w] for w in PERSON_RELATIVES)
    )


def pronoun_follows(doc: Doc, end: int) -> bool:
    """A personal pronoun comes after the name, in its sentence or the next, before any other
    capitalised name."""
    sentence_starts = 0  # met after the name: the second ends the next sentence
    for i in range(end, len(doc)):
        token = doc[i]
        if token.is_sent_start:
            sentence_starts += 1
            if sentence_starts == 2:
                return False
        if token.lower_ in PERSONAL_PRONOUNS:
            return True
        if is_name_token(token):
            return False
    return False


def role_clues(head: Token) -> list[str]:
    """Clues from the name's place in the dependency tree."""
    word = first_conjunct(head)
    dep, governor = word.dep_, word.head
    clues = []
    if dep == "nsubj" and governor.lemma_ in animate_verbs():
        clues.append("animate_subject")
    elif dep == "nsubj" and governor.i not in (word.doc._.reparsed or ()):
        clues.append("subject")  # a verb re-read after a name says it of persons only
    elif dep in {"nsubjpass", "dobj"} and governor.lemma_ in animate_verbs():
        clues.append("object_of_person_verb")
    elif dep == "pobj" and is_recipient_phrase(governor):
        clues.append("recipient")  # "rents a room to X", "sells the baby to X"
    elif dep == "poss" and person_noun_lemma(governor) is not None:
        clues.append("person_possessor")
    elif (
        dep == "pobj"
        and governor.lower_ == "of"
        and is_family_noun(governor.head)
        and child_with_dep(word, "det") is None
    ):
        clues.append("person_possessor")  # "the sister of X", not "of a wealthy American"
    elif dep == "pobj" and governor.lower_ in LOCATIVE_PREPOSITIONS:
        clues.append("locative_object")
    elif (
        dep == "pobj"
        and governor.lower_ in DIRECTION_PREPOSITIONS
        and governor.head.lemma_ in motion_verbs()
    ):
        clues.append("direction_object")
    elif dep == "pobj" and governor.lower_ == "of" and governor.head.lower_ in nonperson_heads():
        clues.append("place_of")
    elif dep == "pobj" and governor.lower_ in COMPARISON_PREPOSITIONS:
        clues.append("comparison_object")
    elif dep == "pobj" and governor.lower_ == "by" and is_work_made(governor.head):
        clues.append("work_maker")  # "the film was directed by X", "a play translated by X"
    elif dep == "pobj" and governor.lower_ != "of" and is_animate_verb(verb_of(governor)):
        clues.append("object_of_person_verb")  # "talks to X", "falls in love with X"
    elif dep == "poss" and governor.lemma_.lower() in work_nouns():
        clues.append("work_possessor")
    elif dep == "poss" and governor.lemma_.lower() in personal_nouns():
        clues.append("personal_possessor")
    if is_person_apposition(head):
        clues.append("person_apposition")
    elif is_place_apposition(head):
        clues.append("place_apposition")
    if is_performer(word):
        clues.append("performer")
    return clues


def is_work_made(verb: Token) -> bool:
    """A passive verb of making said of a work: its passive subject, or the noun its participle
    or relative clause modifies, is a work noun or named as one ("the film was directed by",
    "the 1956 film Anastasia, penned by", "her play, which was translated by"; not "the book
    was brought in by")."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in AUTHORING_VERBS:
        return False
    made = child_with_dep(verb, "nsubjpass")
    if made is not None and made.lower_ in {"which", "that"} and verb.dep_ == "relcl":
        made = verb.head
    if made is None and verb.dep_ in {"acl", "relcl"}:
        made = verb.head
    if made is None:
        return False
    words = [made, *(child for child in made.children if child.dep_ in {"compound", "appos"})]
    return any(word.lemma_.lower() in work_nouns() for word in words)


def is_family_noun(noun: Token) -> bool:
    """A noun of kin or of a couple ("sister", "wife", "fiancé"), not of work or enmity ("the
    leader of X", "the enemy of X" may be of a country)."""
    if not noun.text.islower():  # "Son of Sixpence", "Mother of Mine": titles
        return False
    kinship = kinship_nouns().get(noun.lemma_.lower()) or kinship_nouns().get(noun.lower_)
    return kinship is not None and relation_types()[kinship.type].category in FAMILY_CATEGORIES


def is_known_place(span: Span, tagged_a_place: bool = False) -> bool:
    """A name written as a continent, country, US state or large city ("Chicago", "South
    America"), unless a first name too ("Florence", "Sydney") that the base model does not
    tag a place there ("leaves for Paris": a place)."""
    return span.text in places() and (
        tagged_a_place or not (len(span) == 1 and is_first_name(span.text))
    )


def is_recipient_phrase(preposition: Token) -> bool:
    """ "to" after a verb with an object that moves nothing and sends no one: what the object
    is given to ("rents a room to X"), not a place ("takes her to X", "sends him to X")."""
    verb = preposition.head
    if verb.dep_ == "dobj":  # the parser may hang the phrase on the object: "a room to X"
        verb = verb.head
    return (
        preposition.lower_ == "to"
        and preposition.dep_ in {"dative", "prep"}
        and verb.pos_ == "VERB"
        and verb.lemma_ not in motion_verbs()
        and verb.lemma_ not in sending_verbs()
        and child_with_dep(verb, "dobj") is not None
    )


def verb_of(preposition: Token) -> Token | None:
    """The verb a preposition's phrase belongs to, through prepositional phrases ("falls in
    love with X": falls), or None."""
    word = preposition.head
    while word.dep_ == "pobj" and word.head.dep_ == "prep":
        word = word.head.head
    return word if word.pos_ == "VERB" else None


def is_animate_verb(verb: Token | None) -> bool:
    return verb is not None and verb.lemma_ in animate_verbs()


def is_performer(word: Token) -> bool:
    """An actor named as playing a part: "played by X", "X stars as Y", "the film stars X",
    "X plays Y", "X portrays the title role", "X and Y play young lovers", "X takes the lead
    role", "X, who played Y", "the supporting cast includes X", "A star, X, plays Y", "a
    doctor, X as Dr. Y, ..."."""
    if word.dep_ == "appos" and any(is_as_name(child) for child in word.children):
        return True
    if word.dep_ == "appos" and word.head.dep_ == "nsubj":
        word = word.head
    dep, governor = word.dep_, word.head
    if dep == "pobj" and governor.lower_ == "by":
        verb = governor.head
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep":  # "played as an adult by X"
            verb = verb.head.head
        return verb.lemma_ in PERFORMED_BY_VERBS
    if any(child.dep_ == "relcl" and is_performing_clause(child) for child in word.children):
        return True
    if dep in {"nsubj", "dobj"} and has_film_part(governor):
        return True
    if dep == "nsubj" and governor.lemma_ in PERFORMED_BY_VERBS:
        return any(
            is_full_name(word) if is_described_someone(child) else is_part(child)
            for child in governor.children
        )
    if dep == "dobj" and governor.lemma_ in CAST_VERBS:
        subject = child_with_dep(governor, "nsubj")
        return subject is not None and subject.lemma_.lower() in CAST_NOUNS
    return dep in {"nsubj", "dobj"} and governor.lemma_ in STARRING_VERBS


def is_as_name(preposition: Token) -> bool:
    """ "as Dr. Robert Cromwell": "as" before a name."""
    name = child_with_dep(preposition, "pobj")
    return preposition.lower_ == "as" and name is not None and name.pos_ == "PROPN"


def is_full_name(head: Token) -> bool:
    """A name of more than one word ("Ricardo Cortez"), as credits write an actor; a comedy
    may call its hero by the actor's one name ("Buster plays a drifter who ...")."""
    return any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in head.children)


def is_described_someone(child: Token) -> bool:
    """ "a jewel dealer who ...": an object a "who" clause describes."""
    return child.dep_ == "dobj" and any(
        clause.dep_ == "relcl" and has_who_subject(clause) for clause in child.children
    )


def is_performing_clause(verb: Token) -> bool:
    """ "who played Detective Anderson": a relative clause of playing a part."""
    return (
        verb.lemma_ in PERFORMED_BY_VERBS
        and has_who_subject(verb)
        and any(is_part(child) for child in verb.children)
    )


def has_who_subject(verb: Token) -> bool:
    subject = child_with_dep(verb, "nsubj")
    return subject is not None and subject.lower_ == "who"


def has_film_part(verb: Token) -> bool:
    """A verb of taking a part whose object is a part in the film ("takes the lead role"; not
    "offers her the starring role"), or any verb with such a part in its "in" phrase ("in
    supporting roles")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            child = child_with_dep(child, "pobj")
        elif child.dep_ != "dobj" or verb.lemma_ not in PART_TAKING_VERBS:
            continue
        if child is not None and child.lower_ in ROLE_NOUNS and is_film_part(child):
            return True
    return False


def is_film_part(noun: Token) -> bool:
    """A role or star noun modified as a part in the film ("lead role", "main stars")."""
    return any(
        modifier.dep_ in {"amod", "compound"} and modifier.lower_ in FILM_PART_MODIFIERS
        for modifier in noun.children
    )


def stars_as_follows(doc: Doc, end: int) -> bool:
    """ "X stars as Y", "X co-stars as Y" read from the surface, as the small parser takes
    "stars" for a plural noun after a name."""
    if end + 2 <= len(doc) and doc[end].text_with_ws + doc[end + 1].text == "co-":  # "co-stars"
        end += 2
    return (
        end + 2 <= len(doc)
        and s_form_stem(doc[end].lower_, STARRING_VERBS) is not None
        and doc[end + 1].lower_ == "as"
    )


def is_starred(doc: Doc, start: int) -> bool:
    """ "The film stars X", "starring X", "stars actor X as Y": a verb form of "star" right
    before the name (or before "actor" or "actress" before it), read from the surface, as the
    small parser often makes a compound of it."""
    position = start - 1
    if position >= 0 and doc[position].lower_ in PERFORMER_NOUNS:
        position -= 1
    if position < 0 or doc[position].tag_ == "NN":
        return False
    word = doc[position].lower_
    return word.endswith(("s", "ed", "ing")) and doc[position].lemma_.lower() in STARRING_VERBS


def plays_a_part_follows(doc: Doc, start: int, end: int) -> bool:
    """ "X plays her husband", "X portrays the title role", "X plays as a detective", read from
    the surface: a verb of performing right after the name, then "as", a name, a person noun
    or a role for its object; a person noun a "who" clause describes only after a full name
    ("Ricardo Cortez plays a dealer who ...", not "Buster plays a drifter who ...")."""
    if end >= len(doc) or doc[end].lemma_.lower() not in PERFORMED_BY_VERBS:
        return False
    part = next(
        (word for word in doc[end + 1 : end + 5] if word.pos_ not in {"DET", "PRON", "ADJ"}), None
    )
    if part is None:
        return False
    if part.i == end + 1 and part.lower_ == "as":  # not "plays as well as"
        after = doc[end + 2] if end + 2 < len(doc) else None
        return after is not None and (
            after.pos_ in {"DET", "NOUN", "PROPN"} or after.tag_ == "PRP$"
        )
    if part.lower_ in ROLE_NOUNS:
        return doc[part.i - 1].lower_ == "the"
    if is_person_noun(part) and part.dep_ == "dobj" and is_described_someone(part):
        return end - start > 1
    return part.pos_ == "PROPN" or is_person_noun(part)


def is_part(child: Token) -> bool:
    """A part played: a name, a person noun, a role ("the title role", "the part of"), "one of
    the twins", or "as ..." ("X plays Y", "X plays young lovers")."""
    if child.dep_ == "prep":
        return child.lower_ == "as"
    if child.dep_ != "dobj":
        return False
    if child.pos_ == "PROPN" or is_person_noun(child):
        return True
    if child.lower_ in ROLE_NOUNS:  # "the title role", "the part of", not "a key role in"
        return any(word.lower_ in {"the", "of"} for word in child.children)
    return child.pos_ == "NUM" and any(
        grandchild.lower_ == "of" and any(is_person_noun(obj) for obj in grandchild.children)
        for grandchild in child.children
    )


def is_crew_noun(token: Token) -> bool:
    """A film-crew noun ("director", "the film's star", "the main stars"), not a star of
    something told by a modifier, who is a character ("a famous opera star", "a football
    star")."""
    if token.lower_ not in crew_nouns() and token.lemma_.lower() not in STAR_NOUNS:
        return False  # "the stars were X" as "the star was X" (not "producers Eppus and Kibbitzer")
    return (
        token.lemma_ not in STAR_NOUNS
        or is_film_part(token)
        or not any(child.dep_ in {"compound", "amod"} for child in token.children)
    )


def is_person_apposition(name: Token) -> bool:
    """ "her husband, Inder", "a courtesan Munnibhai", "his lover Poonam", "a man named Ajit",
    "their wives Bhavana, Diya and Sonia"."""
    if apposed_person_nouns(name):
        return True
    if name.dep_ == "oprd" and name.head.lemma_ == "name" and is_person_noun(name.head.head):
        return True
    if name.i > 0 and is_person_noun(name.doc[name.i - 1]) and name.doc[name.i - 1].tag_ == "NN":
        return True
    if comma_apposition(name) is not None:
        return True
    return any(child.dep_ == "amod" and is_person_noun(child) for child in name.children)


def comma_apposition(
    name: Token, is_head_noun: Callable[[Token], bool] = is_person_noun
) -> Token | None:
    """The person noun (or other head noun) of ", a beautiful young woman" right after a name,
    if any."""
    doc = name.doc
    after = name.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ not in INDEFINITE:
        return None
    for token in doc[after + 2 : after + 8]:
        if is_head_noun(token):
            return token
        if token.pos_ not in {"ADJ", "NOUN", "CCONJ", "ADV", "PUNCT"} or token.text in {".", ";"}:
            return None
    return None


def is_place_apposition(name: Token) -> bool:
    """ "Bora Bora, a small island in the South Pacific": a place noun in apposition
    (models/lexicons/nonperson_heads.tsv)."""
    return comma_apposition(name, is_place_noun) is not None or any(
        child.dep_ == "appos" and is_place_noun(child) for child in name.children
    )


def is_place_noun(token: Token) -> bool:
    """A place or organisation noun heading its phrase ("a small island"; not "a society
    couple")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ != "compound"
        and token.lemma_.lower() in nonperson_heads()
    )


def is_common_word_opening(doc: Doc, mentions: list[tuple[int, int, NameForm]]) -> bool:
    """A one-word name found only at the start of sentences, which the text also writes in
    lower case ("Time passes", "Love blossoms between them" ... "in time", "love"): a common
    word capitalised by its place."""
    return bool(mentions) and all(
        end - start == 1 and opens_sentence(doc[start]) and is_written_in_lower_case(doc[start])
        for start, end, _form in mentions
    )


def coordinated_with_persons(
    doc: Doc, mentions: list[list[tuple[int, int, NameForm]]], scores: list[float]
) -> set[int]:
    """The names coordinated with a name that has person clues (`scores` above 0)."""
    cluster_of = {
        doc[start:end].root.i: index
        for index, cluster_mentions in enumerate(mentions)
        for start, end, _form in cluster_mentions
    }
    coordinated = set()
    for head, index in cluster_of.items():
        token = doc[head]
        partners = [child.i for child in token.children if child.dep_ == "conj"]
        if token.dep_ == "conj":
            partners.append(token.head.i)
        if any(scores[cluster_of[p]] > 0 for p in partners if cluster_of.get(p, index) != index):
            coordinated.add(index)
    return coordinated
