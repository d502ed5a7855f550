"""Singular pronouns: the constraints that rule characters out and the preferences that choose
one, in the order of models/rules/rules.tsv."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.document import has_person_evidence
from extract.lexicons import (
    function_words,
    kinship_nouns,
    perception_verbs,
    pronouns,
    relation_types,
)
from extract.phrases import (
    copula_subject,
    fronted_apposition_subject,
    is_owned_through_relative,
    person_noun_lemma,
)
from extract.rules import Registry
from extract.stages.coref.clauses import (
    CLAUSE_MODIFIERS,
    OBJECT_DEPS,
    PARTICIPLE_TAGS,
    SUBJECT_DEPS,
    argument_verb,
    enclosing_verb,
    is_thing,
    opens_its_sentence,
    own_subject,
    phrase_characters,
    preposed_adjuncts,
)
from extract.stages.coref.descriptions import family_name_of
from extract.stages.coref.groups import GROUP_RULES
from extract.stages.coref.state import Antecedent, Resolution
from extract.syntax import (
    active_subject,
    causative_roles,
    child_with_dep,
    has_own_subject,
    is_complement,
    is_object_read_as_possessive,
    is_person_word,
    previous_listed_verb,
    subject_of,
)

PREDICATE_DEPS = {"attr"}  # "is his friend", "becomes her husband"
SMALL_CLAUSE_DEPS = {"ccomp", "xcomp", "oprd"}  # "shoots her dead", "lets him go"
THING_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
# prepositions whose object inside a verb's object is someone else than the verb's subject
NOUN_PHRASE_ARGUMENT_PREPOSITIONS = function_words("noun_phrase_argument_preposition")
TAKING_VERBS = function_words("taking_verb")
YES_NO_MARKERS = function_words("yes_no_marker")
QUESTION_WORDS = function_words("question_marker")
# grammatical salience of an antecedent: subjects, then objects, then the rest
ROLE_RANK = {"nsubj": 0, "nsubjpass": 0, "dobj": 1, "dative": 1}
QUOTED_CLAUSE_DEPS = {"ccomp", "parataxis"}
OPENING_QUOTES = function_words("opening_quote")
CLOSING_QUOTES = function_words("closing_quote")
OTHER_GENDER = {"male": "female", "female": "male"}
NON_FINITE_TAGS = {"VB", "VBG", "VBN"}
OBJECT_PRONOUNS = {"male": {"him"}, "female": {"her"}}  # "her" as an object: dobj, not poss
PRONOUN_CONSTRAINTS = Registry("coref", "constraint")  # (pronoun, owners) -> excluded characters
PRONOUN_PREFERENCES = Registry("coref", "preference")  # (Choice) -> the character, or None


def resolve_pronoun(state: Resolution, token: Token) -> None:
    pronoun = pronouns().get(token.lower_)
    if pronoun is None or token.pos_ != "PRON":
        return
    if pronoun.number == "plural":
        # each member gets the mention; none becomes a singular pronoun's likely antecedent
        constraints = excluded_characters(state, token, ("clause_subject",))
        excluded = set().union(*constraints.values())
        rule, group = GROUP_RULES.first(state.rules, state, token, excluded)
        state.groups[token.i] = group or []
        for referent in state.groups[token.i]:
            state.mention(
                token, referent, token.i, token.i + 1, "pronoun", rule, list(constraints), False
            )
        return
    if pronoun.gender == "neuter":
        creature = recent_creature(state, token) if state.rules.on("creature_pronoun") else None
        if creature is not None:
            state.mention(token, creature, token.i, token.i + 1, "pronoun", "creature_pronoun")
        return
    constraints = excluded_characters(state, token)
    choice = Choice.of(state, token, pronoun.gender, set().union(*constraints.values()))
    rule, referent = PRONOUN_PREFERENCES.first(state.rules, choice)
    if referent is None:
        return
    state.gender_votes[referent][pronoun.gender] += state.settings.pronoun_gender_weight
    state.mention(token, referent, token.i, token.i + 1, "pronoun", rule, list(constraints))


def excluded_characters(
    state: Resolution, token: Token, only: tuple[str, ...] | None = None
) -> dict[str, set[int]]:
    """The characters the pronoun cannot be, by each constraint switched on (or `only` these)
    that excludes any."""
    excluded = {}
    for name, constraint in PRONOUN_CONSTRAINTS.ordered(state.rules):
        if only is None or name in only:
            characters = constraint(token, state.owners)
            if characters:
                excluded[name] = characters
    return excluded


def recent_creature(state: Resolution, token: Token) -> int | None:
    """ "it" is the creature of this or the previous sentence ("the shark ... it lunges out"),
    unless a thing was the subject or object of a clause since."""
    sentence = state.sentence_of[token.i]
    for antecedent in reversed(state.antecedents):
        if antecedent.sentence < sentence - 1:
            return None
        if antecedent.character in state.creatures:
            between = state.doc[antecedent.head + 1 : token.i]
            if any(is_thing_argument(word, state.owners) for word in between):
                return None
            return antecedent.character
    return None


def is_thing_argument(word: Token, owners: dict[int, int]) -> bool:
    return word.pos_ == "NOUN" and word.dep_ in THING_ARGUMENT_DEPS and word.i not in owners


@dataclass(frozen=True)
class Choice:
    """What the preferences choose from, for one singular pronoun: the candidates of the
    window that the constraints and gender allow, most recent first."""

    state: Resolution
    token: Token
    gender: str
    excluded: set[int]
    candidates: list[Antecedent]
    compatible: set[int]

    @classmethod
    def of(cls, state: Resolution, token: Token, gender: str, excluded: set[int]) -> Choice:
        sentence = state.sentence_of[token.i]
        window = [
            antecedent
            for antecedent in reversed(state.antecedents)
            if antecedent.sentence >= sentence - state.settings.sentence_window
            and antecedent.character not in state.creatures  # "it", never "he" or "she"
        ]
        in_window = [
            c
            for c in window
            if c.character not in excluded and state.gender(c.character) in {gender, "unknown"}
        ]
        # the first-name prior only narrows the choice among the names known to be people: it
        # never leaves a subject or object pronoun without a referent when the text itself
        # leaves a person possible; a possessive may be someone not named ("Mary rejects his
        # proposal": not Mary)
        candidates = [
            c for c in in_window if state.likely_gender(c.character) in {gender, "unknown"}
        ]
        reserved = reserved_for_object_pronoun(state, token, gender, window)
        if any(c.character != reserved for c in candidates):
            candidates = [c for c in candidates if c.character != reserved]
        if not candidates and token.tag_ != "PRP$":
            candidates = [
                c for c in in_window if has_person_evidence(state.characters[c.character])
            ]
        return cls(state, token, gender, excluded, candidates, {c.character for c in candidates})

    @property
    def sentence(self) -> int:
        return self.state.sentence_of[self.token.i]

    def compatible_one(self, characters: Iterable[int | None]) -> int | None:
        """The first of the characters that is a candidate."""
        return next((c for c in characters if c in self.compatible), None)


def reserved_for_object_pronoun(
    state: Resolution, subject: Token, gender: str, window: list[Antecedent]
) -> int | None:
    """The one character of the window that the object pronoun of the other gender of the
    subject pronoun's verb can be, which the subject pronoun leaves to it ("Luc rescues
    Madeleine. She thanks him": "him" can only be Luc, whose name has no gender, as Madeleine
    is a woman's name; so "she" is Madeleine)."""
    if subject.dep_ != "nsubj" or gender not in OTHER_GENDER:
        return None
    other = OTHER_GENDER[gender]
    if not any(
        child.dep_ in {"dobj", "dative"} and child.lower_ in OBJECT_PRONOUNS[other]
        for child in subject.head.children
    ):
        return None
    possible = {
        c.character
        for c in window
        if state.gender(c.character) in {other, "unknown"}
        and state.likely_gender(c.character) in {other, "unknown"}
    }
    return possible.pop() if len(possible) == 1 else None


@PRONOUN_PREFERENCES.register("modified_noun")
def prefer_modified_noun(choice: Choice) -> int | None:
    return choice.compatible_one([modified_noun_character(choice.token, choice.state.owners)])


@PRONOUN_PREFERENCES.register("emphatic_possessor")
def prefer_emphatic_possessor(choice: Choice) -> int | None:
    return choice.compatible_one(emphatic_possessor_characters(choice.token, choice.state.owners))


@PRONOUN_PREFERENCES.register("first_conjunct")
def prefer_first_conjunct(choice: Choice) -> int | None:
    return choice.compatible_one([first_conjunct_character(choice.token, choice.state.owners)])


@PRONOUN_PREFERENCES.register("parallel_object")
def prefer_parallel_object(choice: Choice) -> int | None:
    return choice.compatible_one([parallel_object_character(choice.token, choice.state.owners)])


@PRONOUN_PREFERENCES.register("addressee")
def prefer_addressee(choice: Choice) -> int | None:
    return choice.compatible_one([addressee_character(choice.token, choice.state.owners)])


@PRONOUN_PREFERENCES.register("kin_surname")
def prefer_kin_surname(choice: Choice) -> int | None:
    """A possessive of a family noun that names someone ("his son, Midge Murray") is the one
    candidate who shares that name's family name (Ben Murray, not the Donovan raising him)."""
    token = choice.token
    if token.dep_ != "poss":
        return None
    kinship = kinship_nouns().get(token.head.lemma_.lower())
    if kinship is None or relation_types()[kinship.type].category != "family":
        return None
    state = choice.state
    name = named_kin(token.head)
    named = state.owners.get(name.i) if name is not None else None
    family_name = family_name_of(state.characters[named]) if named is not None else None
    if family_name is None:
        return None
    fitting = {
        character
        for character in choice.compatible
        if character != named and family_name_of(state.characters[character]) == family_name
    }
    return fitting.pop() if len(fitting) == 1 else None


def named_kin(noun: Token) -> Token | None:
    """The name a kin noun is apposed to or titles ("his son, Midge Murray", "his son Midge")."""
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return noun.head
    apposed = child_with_dep(noun, "appos")
    return apposed if apposed is not None and apposed.pos_ == "PROPN" else None


@PRONOUN_PREFERENCES.register("possessor_subject")
def prefer_possessor_subject(choice: Choice) -> int | None:
    if choice.token.dep_ != "poss":
        return None
    subjects = possessor_subject_characters(choice.token, choice.state.owners) & choice.compatible
    return subjects.pop() if len(subjects) == 1 else None


@PRONOUN_PREFERENCES.register("parallel_possessive")
def prefer_parallel_possessive(choice: Choice) -> int | None:
    """A possessive is the possessive of its sentence before it, of the same likely gender."""
    if choice.token.dep_ != "poss":
        return None
    return next(
        (
            c.character
            for c in choice.candidates
            if c.sentence == choice.sentence
            and c.dep == "poss"
            and choice.state.likely_gender(c.character) == choice.gender
        ),
        None,
    )


@PRONOUN_PREFERENCES.register("opening_possessive")
def prefer_opening_possessive(choice: Choice) -> int | None:
    """A possessive opening its sentence is the one character the same possessive meant in the
    sentence before ("To improve her image, her publicist Al has an idea. Her manager likes
    it": the one whose image it is)."""
    token = choice.token
    if token.dep_ != "poss" or not opens_its_sentence(token.head):
        return None
    meant = {
        c.character
        for c in choice.candidates
        if c.sentence == choice.sentence - 1
        and c.dep == "poss"
        and choice.state.doc[c.head].lower_ == token.lower_
    }
    return meant.pop() if len(meant) == 1 else None


@PRONOUN_PREFERENCES.register("preposed_clause_pronoun")
def prefer_preposed_clause_pronoun(choice: Choice) -> int | None:
    preposed = preposed_clause_pronoun_referent(choice.state, choice.token, choice.gender)
    return preposed if preposed not in choice.excluded else None


@PRONOUN_PREFERENCES.register("preposed_clause_subject")
def prefer_preposed_clause_subject(choice: Choice) -> int | None:
    cataphor = preposed_clause_subject(choice.token, choice.state.owners)
    if cataphor is None or cataphor in choice.excluded:
        return None
    return cataphor if choice.state.gender(cataphor) in {choice.gender, "unknown"} else None


@PRONOUN_PREFERENCES.register("same_gender_pronoun")
def prefer_same_gender_pronoun(choice: Choice) -> int | None:
    """The character an earlier subject or object pronoun of the same gender in the sentence
    went to, known to be of that gender, when the most salient candidate is not known to be
    ("Hayes attempts to rape her, and she shoots him": she is her)."""
    state, token = choice.state, choice.token
    earlier = next(
        (
            word
            for word in reversed(state.doc[token.sent.start : token.i])
            if word.i in state.owners and is_pronoun_of_gender(word, choice.gender)
        ),
        None,
    )
    if earlier is None:
        return None
    character = state.owners[earlier.i]
    if character not in choice.compatible or state.gender(character) != choice.gender:
        return None
    salient = prefer_salient(choice)
    return character if salient is not None and state.gender(salient) != choice.gender else None


def is_pronoun_of_gender(word: Token, gender: str) -> bool:
    """A subject or object pronoun of the gender (a possessive says less of who acts)."""
    pronoun = pronouns().get(word.lower_)
    return (
        pronoun is not None
        and word.pos_ == "PRON"
        and word.tag_ != "PRP$"
        and pronoun.gender == gender
    )


@PRONOUN_PREFERENCES.register("salience")
def prefer_salient(choice: Choice) -> int | None:
    """The candidate of the nearest sentence, the most salient there, the most recent."""
    if not choice.candidates:
        return None
    doc, token, sentence = choice.state.doc, choice.token, choice.sentence
    best = min(
        choice.candidates,
        key=lambda c: (
            sentence - c.sentence,
            c.sentence < sentence and is_new_beside_a_pronoun(c, choice.state.antecedents, doc),
            salience_rank(doc[c.head], c.dep)
            + (
                is_backgrounded_subject(doc[c.head], c.dep)
                and (c.sentence < sentence or token not in argument_verb(doc[c.head]).subtree)
            )
            + is_identifying_relative(doc[c.head]),
            -c.head,
        ),
    )
    return best.character


def addressee_character(token: Token, owners: dict[int, int]) -> int | None:
    """The one asked, for the subject of the question asked ("asks Fletcher if he'd be
    interested", "asked Triple H how he felt": the one asked)."""
    clause = token.head
    if token.dep_ not in SUBJECT_DEPS or clause.head.lemma_ != "ask":
        return None
    # the small parser reads "asks him if he..." as a clause of condition too
    asked = QUESTION_WORDS if clause.dep_ == "ccomp" else YES_NO_MARKERS
    if clause.dep_ not in {"ccomp", "advcl"} or not any(
        child.lower_ in asked for child in clause.children
    ):
        return None
    addressee = child_with_dep(clause.head, "dobj") or child_with_dep(clause.head, "dative")
    return owners.get(addressee.i) if addressee is not None else None


def possessor_subject_characters(token: Token, owners: dict[int, int]) -> set[int]:
    """A possessive after its clause's verb most likely stands for that verb's subject
    ("Edmund ... was unable to inherit his father's earldom": Edmund), in the complement of a
    verb with an object for the subject of that verb ("Krauss asked Brown to join her band":
    Krauss); one in a phrase placed before the clause need not ("After the insistence of
    Kavita's mother and of her doctor, Pooja assures Kavita...")."""
    verb = enclosing_verb(token)
    if verb is None or verb.i > token.i:
        return set()
    if is_complement(verb) and child_with_dep(verb.head, "dobj") is not None:
        verb = verb.head  # "asked Brown to join her band": the one who asks
    return subject_characters_outside(token, verb, owners)


def emphatic_possessor_characters(token: Token, owners: dict[int, int]) -> set[int]:
    """ "his own", "her own" is the subject of its clause, as a reflexive is ("he tries to carry
    out the last rituals of his own father": the one who tries)."""
    following = token.doc[token.i + 1 : token.i + 2]
    if token.dep_ != "poss" or following.text.lower() != "own":
        return set()
    return subject_characters_outside(token, enclosing_verb(token), owners)


def subject_characters_outside(
    token: Token, verb: Token | None, owners: dict[int, int]
) -> set[int]:
    """The characters of the verb's subject, when the token is not part of that subject."""
    subject = subject_of(verb) if verb is not None else None
    if subject is None or token in subject.subtree:
        return set()
    return phrase_characters(subject, owners)


def first_conjunct_character(token: Token, owners: dict[int, int]) -> int | None:
    """The character "his" follows in a coordination: "Subhan and his assistant Zafar",
    "Lorenzo and his homeboys"."""
    if token.dep_ != "poss" or token.head.dep_ != "conj":
        return None
    return owners.get(token.head.head.i)


def parallel_object_character(token: Token, owners: dict[int, int]) -> int | None:
    """The object of the verb before, for the object pronoun of a verb listed after it:
    "had abused the girl, addicted her to heroin, forced her ...", "her" is the girl; also
    for that of a participle of result ("injures Tim, thus eliminating him")."""
    if token.dep_ != "dobj":
        return None
    previous = previous_listed_verb(token.head)
    if previous is None and token.head.tag_ == "VBG" and token.head.dep_ == "advcl":
        previous = token.head.head  # "injures Tim, thus eliminating him": Tim
    obj = child_with_dep(previous, "dobj") if previous is not None else None
    return owners.get(obj.i) if obj is not None else None


def is_backgrounded_subject(head: Token, dep: str) -> bool:
    """The subject of a clause that modifies a noun ("the man who killed him"): background,
    less salient than the subjects of main clauses for a later sentence, and for a pronoun
    of its own sentence outside that clause ("Caswell, with whom Bullard had met, sees what
    he believes": Caswell); so is one seen doing something ("When Blanche sees Andra leave,
    she": Blanche)."""
    return dep in SUBJECT_DEPS and (
        argument_verb(head).dep_ in CLAUSE_MODIFIERS or is_perceived_doer(head)
    )


def is_perceived_doer(subject: Token) -> bool:
    """ "Andra" in "sees Andra leave", "finds Ann sleeping": the subject of a bare verb or a
    participle that someone's verb of perception governs (not "2010 saw Diehl beat Lu")."""
    clause = subject.head
    if (
        clause.dep_ not in {"ccomp", "xcomp"}
        or clause.tag_ not in NON_FINITE_TAGS
        or clause.head.lemma_ not in perception_verbs()
    ):
        return False
    perceiver = active_subject(clause.head)
    return perceiver is not None and is_person_word(perceiver)


def is_new_beside_a_pronoun(
    antecedent: Antecedent, antecedents: list[Antecedent], doc: Doc
) -> bool:
    """A subject brought in by an indefinite article in a sentence that names another
    character by a pronoun: the story goes on with those it knows ("An official
    directs him to Catherine. He offers to marry her": not the official)."""
    head = doc[antecedent.head]
    return (
        antecedent.dep in SUBJECT_DEPS
        and any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in head.children)
        and any(
            c.sentence == antecedent.sentence
            and c.character != antecedent.character
            and doc[c.head].tag_ == "PRP"
            for c in antecedents
        )
    )


def is_identifying_relative(head: Token) -> bool:
    """A relative named to say whose kin someone is ("Margaret, daughter of James Whittle and
    Ann Mills"): background, less salient than the one it identifies."""
    first = head
    while first.dep_ in {"compound", "conj"}:
        first = first.head
    return (
        first.dep_ == "pobj"
        and first.head.lower_ == "of"
        and person_noun_lemma(first.head.head) in kinship_nouns()
    )


def salience_rank(head: Token, dep: str) -> int:
    """Subjects before objects before the rest, and mentions in a main clause before those
    in a gerund inside a phrase ("released after killing a man": not "a man") and those owned
    through a relative pronoun ("Melisande, whose mother owns the farm. She": Melisande)."""
    rank = ROLE_RANK.get(dep, len(ROLE_RANK))
    verb = argument_verb(head)
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "pcomp" or is_owned_through_relative(head):
        rank += len(ROLE_RANK) + 1
    return rank


def preposed_clause_pronoun_referent(state: Resolution, token: Token, gender: str) -> int | None:
    """A subject pronoun after a preposed clause refers to whom that clause's pronoun of the
    same gender refers ("Worried about her daughter, she calls Pooja": "she" is "her")."""
    for clause in preposed_adjuncts(token):
        for word in clause.subtree:
            pronoun = pronouns().get(word.lower_)
            if pronoun is not None and pronoun.gender == gender and word.i in state.owners:
                return state.owners[word.i]
    return None


def preposed_clause_subject(token: Token, owners: dict[int, int]) -> int | None:
    """The named subject of the clause when the pronoun sits in an adverbial clause or phrase
    placed before it ("While giving advice to her maid, Pooja...", "In a review for his
    website, Starostin said", "A year after his marriage, Aumonier began": "her" is Pooja,
    "his" Starostin and Aumonier), or the subject's possessor
    when the subject is no one ("Throughout his exile, Panizza's health declined"). A clause
    on a thing inside that phrase does not stop it ("Forced to quit because of complications
    stemming from her injury, Tilly moved"), unless it is a relative clause in a clause with a
    subject of its own, which may be the one meant ("When a surgeon sent Cassin a bird that he
    believed...")."""
    in_relative_clause = False
    for ancestor in token.ancestors:
        if ancestor.dep_ in {"advcl", "prep"} and ancestor.i < ancestor.head.i:
            if in_relative_clause and phrase_characters(own_subject(ancestor), owners):
                return None
            verb = ancestor.head
            subject = own_subject(verb)
            if subject is None or subject.i < token.i or is_inverted_copula(verb, subject):
                return None
            # "Throughout his Swiss sojourn, Panizza's mental health...": its possessor
            possessor = child_with_dep(subject, "poss")
            if subject.i not in owners and possessor is not None:
                return owners.get(possessor.i)
            return owners.get(subject.i)
        fronted = fronted_apposition_subject(ancestor)
        if fronted is not None:  # "A nurse in her youth, Mary later wrote novels"
            return owners.get(fronted.i)
        if ancestor.dep_ in CLAUSE_MODIFIERS and is_thing(ancestor.head, owners):
            in_relative_clause |= ancestor.dep_ == "relcl"
            continue
        if ancestor.dep_ in {"ROOT", "ccomp", "relcl", "acl", "conj"}:
            return None
    return None


def is_inverted_copula(verb: Token, subject: Token) -> bool:
    """A "be" with its subject after it: the phrase before it says where or among whom the
    subject is ("Among her clients were Shirley Temple and Robert Taylor": not Shirley)."""
    return verb.lemma_ == "be" and subject.i > verb.i


def modified_noun_character(token: Token, owners: dict[int, int]) -> int | None:
    """The character of the noun phrase whose participial or relative clause holds the token
    ("her maid cheated by her husband": the second "her" is the maid), also from the subject
    of a clause inside it ("his son, who cannot see why his father acted": the son)."""
    for ancestor in token.ancestors:
        if ancestor.dep_ in CLAUSE_MODIFIERS:
            # the noun it modifies; the small parser often attaches a participle one noun too
            # high ("advice to her maid cheated by..."), so the noun right before it counts too
            for noun in (ancestor.head.i, ancestor.i - 1):
                if noun in owners:
                    return owners[noun]
            return None
        if ancestor.dep_ in {"ROOT", "conj"}:
            return None
        if ancestor.dep_ in {"ccomp", "advcl"} and not is_in_the_subject(token, ancestor):
            return None
    return None


def is_in_the_subject(token: Token, verb: Token) -> bool:
    """The token is part of the verb's subject, not all of it ("his" of "why his father
    acted")."""
    return any(
        child.dep_ in SUBJECT_DEPS and child != token and token in child.subtree
        for child in verb.children
    )


@PRONOUN_CONSTRAINTS.register("clause_subject")
def bound_clause_subject_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """The clause's subject for a pronoun that is no reflexive ("himself" is that subject)."""
    if pronouns()[pronoun.lower_].case == "reflexive":
        return set()
    return clause_subject_characters(pronoun, owners)


def clause_subject_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """For an object pronoun, the characters that are the subject of its clause, also when
    the verb shares its subject with another ("Clove ambushes her and pins her down"); for
    the subject of a causative participle, the one who has it done ("Gordon has her brought
    in": her, not Gordon); for a "her" the parser took for the possessive of no noun, the
    subject of the verb ("catches her red-handed"). None for other pronouns."""
    causative = causative_roles(pronoun.head) if pronoun.dep_ == "nsubj" else None
    if causative is not None and causative[1] == pronoun:
        return phrase_characters(causative[0], owners)
    if is_small_clause_subject(pronoun):
        verb = pronoun.head.head
    elif is_object_read_as_possessive(pronoun):
        verb = pronoun.head.head
    elif pronoun.dep_ in OBJECT_DEPS:
        verb = argument_verb(pronoun)
        if verb.dep_ == "dobj" and pronoun.head.lower_ in NOUN_PHRASE_ARGUMENT_PREPOSITIONS:
            verb = verb.head  # "orders a hit on him": not the one who orders
        if is_taken_along_by(pronoun, verb):
            return set()
    else:
        return set()
    return phrase_characters(subject_of(verb), owners)


def is_taken_along_by(pronoun: Token, verb: Token) -> bool:
    """ "with him" after a verb of taking is its subject, who has the object along ("takes
    Bess with him", "brought with him the documents")."""
    return (
        pronoun.dep_ == "pobj"
        and pronoun.head.lower_ == "with"
        and pronoun.head.head == verb
        and verb.lemma_ in TAKING_VERBS
    )


def is_small_clause_subject(pronoun: Token) -> bool:
    """An object pronoun the parser took for the subject of a clause under the verb: "shoots
    her dead", "finds him dead", "lets him go" (the verb's object all the same)."""
    return (
        pronoun.dep_ == "nsubj"
        and pronouns()[pronoun.lower_].case == "object"
        and pronoun.head.dep_ in SMALL_CLAUSE_DEPS
    )


@PRONOUN_CONSTRAINTS.register("commanded_name")
def commanded_name_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """A subject pronoun is no one named after it in its clause, down into the clauses under
    it ("He insists on going to see Nathan", "she reveals to Alabam"), except as what it is
    or is called ("he is Tom", "she is known as Ann"), and except the one who says or thinks
    the clause, named again in it ("Betty announces that she loves Charles, who pays a debt
    owed by Betty")."""
    if pronoun.dep_ not in SUBJECT_DEPS or pronouns()[pronoun.lower_].case != "subject":
        return set()
    excluded = set()
    for word in pronoun.head.subtree:
        if word.i <= pronoun.i or not is_whole_name(word, owners):
            continue
        links = path_up_to(word, pronoun.head)
        if not any(is_naming_link(link) or is_clause_of_its_own(link) for link in links):
            excluded.add(owners[word.i])
    return excluded - reporter_characters(pronoun.head, owners)


def is_clause_of_its_own(link: Token) -> bool:
    """A clause coordinated with the pronoun's, with a subject of its own ("He befriends a Turk
    and the Turk invites Jack"): the pronoun does not command what is in it."""
    return (
        link.dep_ in {"conj", "parataxis"}
        and link.pos_ in {"VERB", "AUX"}
        and has_own_subject(link)
    )


def reporter_characters(clause: Token, owners: dict[int, int]) -> set[int]:
    """The characters of the subject of the verb whose complement the clause is."""
    if clause.dep_ != "ccomp" or clause.head == clause:
        return set()
    return phrase_characters(subject_of(clause.head), owners)


def is_whole_name(word: Token, owners: dict[int, int]) -> bool:
    """The head of a written name whose every word is a mention of one character (not
    "Swayze" of "Jesse Wayne Swayze" for another Swayze, nor "Lemhouse" of "Lemhouse Design")."""
    if word.i not in owners or word.pos_ == "PRON" or not word.text[:1].isupper():
        return False
    if word.dep_ == "compound":
        return False
    parts = [child for child in word.lefts if child.dep_ == "compound"]
    return all(owners.get(part.i) == owners[word.i] for part in parts)


def path_up_to(word: Token, top: Token) -> Iterable[Token]:
    """The word and its heads below `top`."""
    while word != top and word.head != word:
        yield word
        word = word.head


def is_naming_link(word: Token) -> bool:
    """A link of what says who the subject is: a predicate ("is Tom") or an "as" phrase
    ("known as Ann")."""
    return word.dep_ in PREDICATE_DEPS | {"oprd", "appos"} or (
        word.dep_ == "prep" and word.lower_ == "as"
    )


@PRONOUN_CONSTRAINTS.register("described_noun")
def described_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """Whom the noun a possessive pronoun belongs to describes, which the pronoun cannot be:
    "Sam becomes his friend", "Inder, her husband", "Julia serves as her secretary" ("his" is
    not Sam, "her" not Inder nor Julia)."""
    noun = pronoun.head
    if pronoun.dep_ != "poss":
        return set()
    if noun.dep_ in PREDICATE_DEPS:
        described = subject_of(noun.head)
    elif copula_subject(noun) is not None:
        described = copula_subject(noun)
    elif noun.dep_ == "appos" and not is_in_a_list(noun):
        described = noun.head
    else:
        return set()
    return phrase_characters(described, owners)


@PRONOUN_CONSTRAINTS.register("relative_clause_head")
def relative_clause_head_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """The noun a relative clause modifies fills a gap of the clause, so a subject or object
    pronoun of that clause's verb is someone else ("Alfred Miller, whom he hired": "he" is
    not Miller; "the people she met"). Where the noun owns the clause's subject, an object
    may be the noun ("Marky, whose father gives her away")."""
    if pronoun.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
        return set()
    verb = argument_verb(pronoun)
    if verb.dep_ != "relcl":
        return set()
    subject = own_subject(verb)
    if pronoun.dep_ in OBJECT_DEPS and subject is not None and is_owned_through_relative(subject):
        return set()
    return phrase_characters(verb.head, owners)


@PRONOUN_CONSTRAINTS.register("preposed_adjunct_objects")
def preposed_adjunct_objects(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """A subjectless participle or a phrase placed before its clause is said of that clause's
    subject, so the people named as its objects are not that subject ("Forced by Pavithran,
    she...", "After meeting John, he...", "With the help of Kate, she...": not Pavithran, John
    or Kate). Possessors may be ("Angered by his brother's lies, he"), and so may pronouns
    ("Fortunately for her, she")."""
    excluded = set()
    for clause in preposed_adjuncts(pronoun):
        if clause.dep_ == "advcl" and clause.tag_ not in PARTICIPLE_TAGS:
            continue
        if own_subject(clause) is not None:
            continue
        excluded |= {
            owners[word.i]
            for word in clause.subtree
            if word.i in owners and word.dep_ in OBJECT_DEPS and word.pos_ != "PRON"
        }
    return excluded


@PRONOUN_CONSTRAINTS.register("coordinated_subject")
def coordinated_subject_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """A subject pronoun is none of the people coordinated with it ("she and Berman became
    the first pair": not Berman). Objects are left alone: the small parser often coordinates
    the next clause's subject with them ("confronts her and Nancy is injured")."""
    if pronoun.dep_ not in SUBJECT_DEPS and not (
        pronoun.dep_ == "conj" and pronoun.head.dep_ in SUBJECT_DEPS
    ):
        return set()
    return {owners[word.i] for word in pronoun.conjuncts if word.i in owners}


@PRONOUN_CONSTRAINTS.register("quote_speaker")
def quote_speaker_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """The one who speaks a quotation, who calls themself "I", is no third-person pronoun in
    it ("Simonson answered, ``I think she was a substitute''": not Simonson), also in a later
    sentence of the quotation ("a critic said, ``The film is centred by Sarala. Her refusal
    ...": not the critic)."""
    for clause in pronoun.ancestors:
        if is_quoted_clause(clause, clause.left_edge.i - 1):
            return phrase_characters(subject_of(clause.head), owners)
    opening = open_quote_before(pronoun)
    if opening is None or opening.i + 1 >= len(pronoun.doc):
        return set()
    first = pronoun.doc[opening.i + 1]
    for clause in (first, *first.ancestors):
        if is_quoted_clause(clause, opening.i):
            return phrase_characters(subject_of(clause.head), owners)
    return set()


def is_quoted_clause(clause: Token, mark: int) -> bool:
    """A clause said or written that opens right after the quote mark at `mark`."""
    return (
        clause.dep_ in QUOTED_CLAUSE_DEPS
        and clause.left_edge.i == mark + 1
        and mark >= 0
        and clause.doc[mark].text in OPENING_QUOTES
    )


def open_quote_before(pronoun: Token) -> Token | None:
    """The quote mark, since the start of the sentence before, of a quotation still open at the
    pronoun: a mark that only opens with no mark that only closes after it, or the last of an
    odd number of straight marks. A typeset closing mark read as wiki italics counts where it
    stood (`Doc._.closed_quotes`); none is looked for after the pronoun."""
    doc = pronoun.doc
    sentence = pronoun.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    closed = set(doc._.closed_quotes or ())
    straight = []
    for word in reversed(doc[start : pronoun.i + 1]):
        if word.i in closed:
            return None  # a closing mark the cleanup took for italics stood before the word
        if word.i == pronoun.i:
            continue
        if word.text in OPENING_QUOTES and word.text in CLOSING_QUOTES:
            straight.append(word)
        elif word.text in OPENING_QUOTES:
            return word
        elif word.text in CLOSING_QUOTES:
            return None
    return straight[-1] if len(straight) % 2 else None


def is_in_a_list(apposition: Token) -> bool:
    """An "apposition" a coordination follows is a list member the small parser misread
    ("her son Michael, his wife Carla, and their daughter Thea": "his" may be Michael), also
    when the coordination hangs on the name the noun titles ("his wife Carla and their...")."""
    titled = [child for child in apposition.children if child.dep_ == "appos"]
    return any(
        conjunct.i > apposition.i
        for word in (apposition, apposition.head, *titled)
        for conjunct in word.conjuncts
    )
