"""Dependency-tree helpers shared by the stages: who a verb's subject is once coordination,
control, relative clauses and participles have hidden it; and which words the base model's
lemmatizer knows as verbs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.lexicons import (
    function_words,
    modality_triggers,
    perception_verbs,
    person_nouns,
    pronouns,
    relative_pronouns,
    sending_verbs,
)

ACTIVE_SUBJECT_DEPS = {"nsubj", "csubj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
MISPARSED_SUBJECT_DEPS = {"advmod", "npadvmod", "dep", "intj", "compound"}
NON_PERSON_OBJECTS = function_words("non_person_object")
RELATIVE_PRONOUNS = relative_pronouns(possessive=False)
FINITE_TAGS = {"VBZ", "VBD", "VBP"}
UNREAL_MODALITIES = {"believed", "hypothetical"}  # what is only thought or imagined
ATTEMPTED = "attempted"  # the modality of what is tried (models/rules/modality.tsv)
VOWELS = set("aeiou")
CAUSATIVE_VERBS = function_words("causative_verb")
ASSENT_VERBS = function_words("assent_verb")
PERSUASION_PREPOSITIONS = function_words("persuasion_preposition")
PREVENTION_PREPOSITIONS = function_words("prevention_preposition")
ENDING_VERBS = function_words("ending_verb")
GLUED_NAME_POS = {"PROPN", "ADJ", "NOUN"}  # what the small model makes of an unknown name
VERB_PREFIX_DEPS = {"aux", "auxpass", "neg", "advmod"}
OBJECT_DEPS = {"dobj", "pobj"}  # objects a name read as their conjunct may follow
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis"}
CLAUSE_CORE_DEPS = {"aux", "auxpass", "nsubj", "nsubjpass"}  # a clause, not a bare participle


def child_with_dep(token: Token, dep: str) -> Token | None:
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


def first_conjunct(word: Token) -> Token:
    """The first of the phrases the word is coordinated with (itself if it is the first)."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    return word


def passive_subject(verb: Token) -> Token | None:
    """The passive subject, also of a passive verb sharing the subject of the verb it is
    coordinated with ("he is shot and killed", "he tries again but is rejected"), the noun
    a passive relative clause or participle modifies ("Pooja, who is deserted by",
    "her maid cheated by"), and the subject of the clause a passive participle hangs on
    ("hangs herself after being raped", "is threatened by getting beat up")."""
    subject = child_with_dep(verb, "nsubjpass") or subject_on_auxiliary(verb, "auxpass")
    if subject is not None:
        return relative_antecedent(subject, verb)
    if is_comment_clause(verb):
        return None
    if is_passive(verb):
        before = word_before_clause(verb)
        if before is not None and is_subject_read_as_conjunct(before):
            return before  # "is attacked by Indians and John is badly wounded": John is wounded
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if is_participle_clause(verb):  # "When introduced to Bo, Victor refuses": Victor
        return active_subject(verb.head) or passive_subject(verb.head)
    if verb.dep_ == "conj" and is_passive(verb) and verb.head.pos_ == "VERB":
        head = finite_conjunct_head(verb)
        return passive_subject(head) or active_subject(head)
    if is_persuaded(verb) and child_with_dep(verb, "auxpass") is not None:
        return child_with_dep(verb.head.head, "dobj")  # "saves Ann from being killed": Ann
    governor = clause_governor(verb) if child_with_dep(verb, "auxpass") is not None else None
    if governor is not None:  # "hangs herself after being raped by Shambu": the one hanging
        return passive_subject(governor) or active_subject(governor)
    if child_with_dep(verb, "auxpass") is not None:
        return name_in_fronted_phrase(verb)
    return None


def subject_on_auxiliary(verb: Token, dep: str) -> Token | None:
    """A subject the parser hung on the verb's auxiliary instead of the verb ("Tom/nsubj
    is/auxpass engaged to Ann", "Mickey and Herbert are married")."""
    auxiliary = child_with_dep(verb, dep)
    if auxiliary is None:
        return None
    return child_with_dep(auxiliary, "nsubjpass") or child_with_dep(auxiliary, "nsubj")


def relative_antecedent(subject: Token, verb: Token) -> Token:
    """The noun a relative clause's "who" stands for, else the subject itself."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def is_passive(verb: Token) -> bool:
    """A verb with a passive auxiliary, passive subject or "by" phrase, or a past participle
    coordinated with one."""
    if any(child.dep_ in {"auxpass", "nsubjpass"} for child in verb.children):
        return True
    if child_with_dep(verb, "agent") is not None and not is_infinitive(verb):
        return True  # not "is warned to run away by Peeta": the "by" phrase is the warning's
    if is_participle_clause(verb):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and is_passive(verb.head)


def is_participle_clause(verb: Token) -> bool:
    """A past participle with no auxiliary heading an adverbial clause, which is passive
    ("When introduced to Bo, Victor refuses", "Beset by guilt, Yancey leaves"); not a comment
    clause ("As described in a magazine, Dick steals")."""
    return is_bare_participle_clause(verb) and not opens_with_as(verb)


def is_comment_clause(verb: Token) -> bool:
    """ "As described in a film magazine", "as expected": a participle after "as" that says
    something of the telling, with no subject or object among the characters."""
    return is_bare_participle_clause(verb) and opens_with_as(verb)


def is_bare_participle_clause(verb: Token) -> bool:
    """An adverbial clause of a past participle alone, with no auxiliary and no subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(child.dep_ in CLAUSE_CORE_DEPS for child in verb.children)
    )


def opens_with_as(verb: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The noun of the passive verb's "by" phrase, shared by coordinated passive verbs ("is
    shot and killed by Lorenzo"), not by one with a subject of its own the parser coordinated
    with the agent ("is dragged off by Frochard and Henriette is arrested and sent")."""
    phrase = child_with_dep(verb, "agent")
    if (
        phrase is None
        and is_passive(verb)
        and not has_subject_read_as_conjunct(verb)
        and not is_participle_clause(verb)  # not the "by" phrase of the clause it hangs on
    ):
        coordinated = [
            c for c in (verb.head, *verb.conjuncts) if c.pos_ == "VERB" and c.tag_ == "VBN"
        ]
        phrase = next((p for c in coordinated for p in c.children if p.dep_ == "agent"), None)
    if phrase is None and is_passive(verb):
        phrase = misattached_by_phrase(verb)
    return child_with_dep(phrase, "pobj") if phrase is not None else None


def has_subject_read_as_conjunct(verb: Token) -> bool:
    """A passive verb whose subject the parser coordinated with the noun before it."""
    subject = passive_subject(verb)
    return subject is not None and is_subject_read_as_conjunct(subject)


def misattached_by_phrase(verb: Token) -> Token | None:
    """A "by" phrase the small parser hung on the passive verb as a plain preposition ("gets
    rammed into the wall by the truck"), on the noun of one of its prepositional phrases ("was
    framed in the case by Nambiar"), on the object it keeps ("is given a suspended sentence by
    Judge Daly") or on its infinitive ("is warned to run away by Peeta")."""
    heads = [verb]
    for child in verb.children:
        if child.dep_ == "prep":
            heads += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in {"xcomp", "dobj"}:
            heads.append(child)
    return next(
        (
            c
            for h in heads
            for c in h.children
            if c.lower_ == "by" and (c.dep_ == "prep" or c.dep_ == "agent" and h != verb)
        ),
        None,
    )


def active_subject(verb: Token) -> Token | None:
    """The verb's subject, inherited through coordination, control and relative clauses; of
    several the parser gave it before it, the nearest that may be a person ("Beset by guilt,
    when a land rush comes, Yancey leaves": not "Beset"; "Martha yields to his pleading and
    conceals him", with "yields" taken for a noun: Martha)."""
    if is_comment_clause(verb):
        return None
    subjects = [child for child in verb.children if child.dep_ in ACTIVE_SUBJECT_DEPS]
    hung = subject_on_auxiliary(verb, "aux") if not subjects else None
    if hung is not None:
        subjects = [hung]
    before = [child for child in subjects if child.i < verb.i]
    persons = [child for child in before if is_person_word(child)]
    if len(before) > 1:
        subject = (persons or before)[-1]
    else:
        subject = next(iter(subjects), None)
    if subject is not None:
        return relative_antecedent(subject, verb)
    if child_with_dep(verb, "nsubjpass") is not None:
        return None
    before = word_before_clause(verb)
    if before is not None and is_subject_read_as_conjunct(before):
        return before  # "raises him and Deepak spends his life in jail": Deepak spends
    if verb.dep_ == "conj" and (verb.head.pos_ in {"VERB", "AUX"} or has_subject(verb.head)):
        head = finite_conjunct_head(verb)
        return active_subject(head) or subject_of_passive_governor(verb, head)
    coordinated = verb_above_a_noun_conjunct(verb)
    if coordinated is not None:
        return active_subject(coordinated)
    if is_complement(verb):
        # "persuades her to go": the object; "is asked to go": the passive subject; "uses it
        # to finish him off": the subject
        controller = child_with_dep(verb.head, "dobj") or child_with_dep(verb.head, "nsubjpass")
        if controller is not None and controller.lower_ not in NON_PERSON_OBJECTS:
            return controller
        return active_subject(verb.head)
    if verb.dep_ == "acl" and is_infinitive(verb):
        return noun_clause_subject(verb.head)
    if verb.dep_ == "relcl" and is_infinitive(verb) and not is_person_word(verb.head):
        # "neglects his job to flirt with Julia", "does everything to destroy his life": a
        # purpose infinitive the parser took for a relative clause of the object
        return noun_clause_subject(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head  # "a gang of mutants dragging Zoe": the mutants drag her
    if is_persuaded(verb):  # "forces him into marrying her", "talks Harold into signing"
        controller = child_with_dep(verb.head.head, "dobj")
        if controller.lower_ not in NON_PERSON_OBJECTS:
            return controller
    persuaded = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "by" else None
    if persuaded is not None and is_persuaded(persuaded):
        # "manipulates Ivy into going with him by terrorizing her": the means of the persuader
        return active_subject(persuaded.head.head)
    if (
        verb.dep_ == "pcomp"
        and (verb.head.lower_ == "of" or is_infinitive(verb))
        and verb.head.head.pos_ == "NOUN"
    ):  # "Ellen's attempts of convincing Michael", "make plans on how to eliminate Cai Mao"
        return noun_clause_subject(verb.head.head)
    if verb.dep_ == "acomp":  # "is able to win": the subject of "is"
        return active_subject(verb.head)
    perceived = perceived_doer(verb)
    if perceived is not None:
        return perceived
    blamed = reason_doer(verb)
    if blamed is not None:
        return blamed
    sent = sent_doer(verb)
    if sent is not None:
        return sent
    governor = clause_governor(verb)
    if governor is not None:
        return active_subject(governor)
    return misparsed_subject(verb) or listed_verb_subject(verb) or name_in_fronted_phrase(verb)


def is_persuaded(verb: Token) -> bool:
    """A gerund after "into" or "from" that a verb with an object governs ("talks Harold into
    signing", "prevents Ann from leaving")."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in PERSUASION_PREPOSITIONS
        and child_with_dep(verb.head.head, "dobj") is not None
    )


def name_in_fronted_phrase(verb: Token) -> Token | None:
    """A name the parser hung on a phrase placed before a subjectless main verb ("As described
    in a magazine, Dick Armitage, honest but weak, steals a sum": Dick Armitage, read as in
    apposition with "magazine" or as a modifier of "described"; "After the war in Europe, Dick,
    a soldier, marries Ann": Dick, read as a conjunct of "Europe"): the verb's subject."""
    if verb.dep_ != "ROOT" or not is_finite(verb):
        return None
    for fronted in verb.lefts:
        if fronted.dep_ not in {"advcl", "prep"}:
            continue
        names = [
            word
            for word in fronted.subtree
            if word.pos_ == "PROPN"
            and word != fronted
            and (
                word.dep_ in {"appos", "npadvmod"}
                or word.dep_ == "conj"
                and word.nbor(-1).text == ","  # not "in Paris and Rome"
            )
        ]
        if names:
            return names[0]
    return None


def subject_of_passive_governor(verb: Token, governor: Token) -> Token | None:
    """The passive subject of the clause an active verb is coordinated with, which is the
    verb's subject too ("Tom is arrested and kills Bob"); not in a relative clause ("where
    Manu is held and helps him"). (Not for a participle hung on a passive clause: "was
    appointed Maid of Honour, giving her the rank" is said of the appointment.)"""
    subject = child_with_dep(governor, "nsubjpass")
    if subject is None or is_passive(verb) or governor.dep_ == "relcl":
        return None
    return subject


def finite_conjunct_head(verb: Token) -> Token:
    """The verb a conjunct is coordinated with: a finite verb with no subject of its own is
    not coordinated with the participle of a small clause, an infinitive or a clause of "who"
    or "what" the parser hung it on, but with the verb above ("finds Rue trapped in a net and
    releases her", "asks him to sign a confession and gives him three days", "fight over who
    has the fault and are noticed": "releases", "gives", "are noticed" go with the verb above)."""
    head = verb.head
    if verb.tag_ in FINITE_TAGS and head.tag_ in {"VBN", "VBG"} and head.dep_ in {"ccomp", "oprd"}:
        return head.head
    if not is_finite(verb) or has_own_subject(verb):
        return head
    if head.dep_ == "xcomp" and is_infinitive(head) or is_wh_clause(head):
        return head.head if head.head.pos_ in {"VERB", "AUX"} else head
    return head


def is_wh_clause(verb: Token) -> bool:
    """A clause whose subject is "who" or "what" right after a verb or preposition ("realizes
    what happened", "fight over who has the fault"); not a relative clause the parser hung
    on a verb ("met Henry VIII who did not die")."""
    subject = child_with_dep(verb, "nsubj")
    return (
        verb.dep_ in {"ccomp", "advcl", "pcomp"}
        and subject is not None
        and subject.tag_ == "WP"
        and subject.i > 0
        and subject.doc[subject.i - 1].pos_ in {"VERB", "AUX", "ADP"}
    )


def is_finite(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary ("is noticed", "has left")."""
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in {"aux", "auxpass"} and child.tag_ in FINITE_TAGS for child in verb.children
    )


def verb_above_a_noun_conjunct(verb: Token) -> Token | None:
    """ "kills Bob and marries Ann", "succumbs to temptation and steals": the verb a finite
    verb goes with when the parser coordinated it with the noun ending the phrase before (not
    with a plural it may have taken a verb for: "notices and runs after them")."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or verb.tag_ not in FINITE_TAGS
        or head.pos_ not in {"NOUN", "PROPN", "PRON"}
        or head.tag_ == "NNS"
        or has_subject(head)
    ):
        return None
    return next((word for word in head.ancestors if word.pos_ in {"VERB", "AUX"}), None)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, active or passive, inherited as active_subject and passive_subject
    inherit it."""
    return active_subject(verb) or passive_subject(verb)


def causative_roles(verb: Token) -> tuple[Token | None, Token] | None:
    """(who has it done, to whom) for a participle with a subject of its own that depends on
    "have" or "get" ("Gordon has her brought in", "a plan to have Semyon arrested"), also
    where the small parser took "has" for an auxiliary ("Mary has her arrested": two
    subjects, the second after the "has")."""
    if verb.tag_ != "VBN" or child_with_dep(verb, "auxpass") is not None:
        return None
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if verb.dep_ == "ccomp" and verb.head.lemma_ in CAUSATIVE_VERBS and len(subjects) == 1:
        return active_subject(verb.head), subjects[0]
    causative = next(
        (c for c in verb.children if c.dep_ == "aux" and c.lemma_ in CAUSATIVE_VERBS), None
    )
    if causative is not None and len(subjects) == 2 and subjects[0].i < causative.i < subjects[1].i:
        return subjects[0], subjects[1]
    return None


def is_object_read_as_possessive(pronoun: Token) -> bool:
    """ "her" the small parser took for a possessive of a word that is no noun ("catches her
    red-handed"): the verb's object (not in "get her own back", which is a possessive)."""
    return (
        pronoun.lower_ == "her"
        and pronoun.dep_ == "poss"
        and pronoun.head.pos_ not in {"NOUN", "PROPN", "NUM"}
        and pronoun.head.lower_ != "own"
        and pronoun.head.head.pos_ in {"VERB", "AUX"}
    )


def coordinated_phrases(head: Token) -> list[Token]:
    """The head and the phrases coordinated with it, less a name the parser coordinated with
    it that is the subject of the next verb ("raises him and Deepak spends his life": "him"
    alone; "Deepak" alone)."""
    if is_subject_read_as_conjunct(head):
        return [head]
    return [head, *(word for word in head.conjuncts if not is_subject_read_as_conjunct(word))]


def is_subject_read_as_conjunct(word: Token) -> bool:
    """A name the small parser coordinated with an object, standing right before a finite
    verb it coordinated with, or hung as a clause on, with no subject: the subject of that
    verb ("raises him and Deepak spends his life in jail", "spins plates with guest, Andrew,
    and Zoe takes her first challenge", "is attacked by Indians and John is badly wounded")."""
    if word.dep_ != "conj" or word.pos_ != "PROPN" or first_conjunct(word).dep_ not in OBJECT_DEPS:
        return False
    following = verb_right_after(word)
    return (
        following is not None
        and following.dep_ in {"conj", "advcl"}
        and not has_own_subject(following)
    )


def verb_right_after(word: Token) -> Token | None:
    """The finite verb, or the verb of finite auxiliaries, that comes right after the word, past
    its auxiliaries, negation and adverbs ("John is badly wounded": wounded; not "to murder")."""
    doc = word.doc
    index = word.i + 1
    while index < len(doc) and doc[index].dep_ in VERB_PREFIX_DEPS and doc[index].head.i > index:
        index += 1
    if index >= len(doc):
        return None
    verb = doc[index]
    words = doc[word.i + 1 : index + 1]
    if any(w.head != verb for w in words[:-1]) or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return verb if any(w.tag_ in FINITE_TAGS or w.tag_ == "MD" for w in words) else None


def word_before_clause(verb: Token) -> Token | None:
    """The word before the verb and the auxiliaries, negation and adverbs right before it."""
    index = verb.i
    while (
        index > 0
        and verb.doc[index - 1].dep_ in VERB_PREFIX_DEPS
        and verb.doc[index - 1].head == verb
    ):
        index -= 1
    return verb.doc[index - 1] if index > 0 else None


def has_own_subject(verb: Token) -> bool:
    """A verb with a subject of its own, active, passive or clausal (none inherited)."""
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def has_negation(verb: Token) -> bool:
    """A word with a negation of its own ("does not kill", "is not his father")."""
    return any(child.dep_ == "neg" for child in verb.children)


def has_subject(token: Token) -> bool:
    """A word with a subject of its own is a verb, whatever its tag ("a shark bursts out",
    with "bursts" tagged a plural noun)."""
    return child_with_dep(token, "nsubj") is not None


def noun_clause_subject(noun: Token) -> Token | None:
    """Who would act in an infinitive on a noun: its possessor ("Ellen's attempt to convince
    him"), else, for the object of a verb, the one the verb gives it to ("gives her a chance
    to escape") or the verb's subject ("hatches a plan to trick Nikolai")."""
    possessor = child_with_dep(noun, "poss")
    if possessor is not None:
        return possessor
    if noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    return child_with_dep(noun.head, "dative") or active_subject(noun.head)


def perceived_doer(verb: Token) -> Token | None:
    """The object of a verb of perception a participle follows right away is the one doing
    it ("overhearing her tormenting Katniss", "finds Rue lying in the grass")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.lemma_ not in perception_verbs():
        return None
    obj = child_with_dep(verb.head, "dobj")
    return obj if obj is not None and obj.i == verb.i - 1 else None


def reason_doer(verb: Token) -> Token | None:
    """The person object of the verb a "for" + gerund hangs on did the gerund's act
    ("pursue Harry for stealing their claim", "thanks her for saving him")."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "for":
        return None
    obj = child_with_dep(verb.head.head, "dobj")
    if obj is None or verb.head.head.pos_ != "VERB" or not is_person_word(obj):
        return None
    return obj


def sent_doer(verb: Token) -> Token | None:
    """The person a verb of sending or hiring has do its purpose infinitive ("sends Jiang Gan
    to persuade Zhou Yu", "hires Bobby to seduce Kishen": Jiang Gan, Bobby)."""
    if verb.dep_ != "advcl" or not is_infinitive(verb) or verb.head.lemma_ not in sending_verbs():
        return None
    obj = child_with_dep(verb.head, "dobj")
    return obj if obj is not None and is_person_word(obj) else None


def is_person_word(token: Token) -> bool:
    """A name, a personal pronoun or a person noun."""
    if token.pos_ == "PRON":
        return token.lower_ not in NON_PERSON_OBJECTS
    return token.pos_ == "PROPN" or token.lemma_.lower() in person_nouns()


def clause_governor(verb: Token) -> Token | None:
    """The verb whose subject an adverbial participle or a purpose infinitive shares
    ("..., killing Lorenzo", "after overhearing her", "rushes in to save Cecilia"), if the verb
    is one."""
    if verb.dep_ == "advcl" and (verb.tag_ in {"VBG", "VBN"} or is_infinitive(verb)):
        return verb.head if verb.head.pos_ in {"VERB", "AUX"} else None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return verb.head.head
    return None


def listed_verb_subject(verb: Token) -> Token | None:
    """A finite verb without subject or subordinator right after a comma continues a list of
    verbs the small parser broke up ("had abused the girl, addicted her to heroin, forced
    her ..." with "addicted" hung elsewhere): the subject of the verb before the comma."""
    previous = previous_listed_verb(verb)
    return None if previous is None else subject_of(previous)


def verb_before_the_comma(verb: Token) -> Token | None:
    """The verb of the clause that ends at the comma right before the verb's phrase, when
    that clause lies wholly before it (its subject is never asked back of this verb)."""
    comma = verb.left_edge.i - 1
    if comma < 1 or verb.doc[comma].text != ",":
        return None
    previous = verb.doc[comma - 1]
    while previous.pos_ not in {"VERB", "AUX"} and previous.head.i != previous.i:
        previous = previous.head
    if previous.pos_ not in {"VERB", "AUX"} or any(
        a.i >= verb.i for a in (previous, *previous.ancestors)
    ):
        return None
    return previous


def previous_listed_verb(verb: Token) -> Token | None:
    """The verb before this one in a list of verbs sharing a subject: its coordination head
    ("forced her ... and raped her"), or the verb before a comma the parser broke the list
    at ("abused the girl, addicted her")."""
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return verb.head
    if verb.tag_ not in FINITE_TAGS or child_with_dep(verb, "mark") is not None:
        return None
    if any(child.dep_ in ACTIVE_SUBJECT_DEPS | {"nsubjpass"} for child in verb.children):
        return None
    return verb_before_the_comma(verb)


def misparsed_object(verb: Token) -> Token | None:
    """The object the small parser took for a subject: a second subject after the verb
    ("Tahaan encounters Idrees" with Idrees a subject too), or the word right after a finite
    verb it made that word's subject ("Sagar informs Indu" with "Indu" taken for the verb), or
    a name right after a finite verb that it took for an adverbial of time ("Tom insults Mary"
    with Mary an npadvmod, like "Monday"), or the word right after a verb the parser hung on a
    noun, which it made the object of the verb before ("kills Bob and marries Ann")."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if len(subjects) == 2 and subjects[0].i < verb.i < subjects[1].i:
        return subjects[1]
    if verb.dep_ == "nsubj" and verb.tag_ in FINITE_TAGS and verb.head.i == verb.i + 1:
        return verb.head
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or verb.tag_ not in FINITE_TAGS:
        return None
    if after.head == verb and after.dep_ == "npadvmod" and after.pos_ == "PROPN":
        return after
    # "kills Bob and marries Ann", with "marries" hung on Bob and Ann on "kills"
    coordinated = verb_above_a_noun_conjunct(verb)
    if coordinated is not None and after.head == coordinated and after.dep_ == "dobj":
        return after
    return None


def misparsed_subject(verb: Token) -> Token | None:
    """A capitalised word the small parser hung on the verb as a modifier ("Raj falls in
    love": Raj tagged as an adverb) stands for the missing subject: the nearest such left
    dependent. (At the start of a sentence it may be a plain adverb, "Soon": the stages only
    use it when it is a character.)"""
    for left in reversed(list(verb.lefts)):
        if left.dep_ in MISPARSED_SUBJECT_DEPS and left.text[:1].isupper():
            return left
    return None


def is_reciprocal_pronoun(word: Token) -> bool:
    """The "other" of "each other" or "another" of "one another"."""
    return (
        word.lower_ in {"other", "another"}
        and word.i > 0
        and word.doc[word.i - 1].lower_ in {"each", "one"}
    )


def is_reflexive(token: Token) -> bool:
    """ "himself", "herself", "themselves"."""
    pronoun = pronouns().get(token.lower_)
    return pronoun is not None and pronoun.case == "reflexive"


def is_infinitive(verb: Token) -> bool:
    """ "to save": a bare verb form with the infinitive marker."""
    return verb.tag_ == "VB" and has_to_marker(verb)


def is_going_to(verb: Token) -> bool:
    """ "is going to": the future of "be going to", not a going ("goes to see her")."""
    return (
        verb.lemma_ == "go"
        and verb.tag_ == "VBG"
        and any(child.dep_ == "aux" and child.lemma_ == "be" for child in verb.children)
    )


def is_clause_read_complement(verb: Token) -> bool:
    """A complement with a subject of its own, which the parser reads as a clause: an
    infinitive ("wants Cecilia to stay", "allows them to get married") or a bare verb ("lets
    Ann marry Bob")."""
    return verb.dep_ == "ccomp" and (verb.tag_ == "VB" or has_to_marker(verb))


def has_to_marker(verb: Token) -> bool:
    """ "to stay", "to get married": the infinitive marker on the verb."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def is_complement(verb: Token) -> bool:
    """The open complement of the verb above it ("wants to go", "persuades her to go")."""
    return verb.dep_ == "xcomp" or is_misread_complement(verb)


def is_misread_complement(verb: Token) -> bool:
    """An infinitive the parser read as a clause of purpose after a person object of a verb
    that takes one as its complement ("begs the Phantom to save Raoul", "invites his friend,
    the self-styled aviator, to join"): the object's deed, as in "persuades her to go"."""
    if verb.dep_ != "advcl" or not is_infinitive(verb):
        return False
    governor = verb.head
    if (governor.lemma_.lower(), "xcomp") not in modality_triggers():
        return False
    obj = child_with_dep(governor, "dobj")
    return obj is not None and obj.i < verb.i and is_person_word(obj)


def known_words(nlp: Language, *parts_of_speech: str) -> frozenset[str]:
    """The base forms the base model's lemmatizer knows as these parts of speech ("verb",
    "adj", "adv", "noun"); empty without its tables."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for part in parts_of_speech for word in index.get(part, ()))


def base_verbs(nlp: Language) -> frozenset[str]:
    """The base forms the base model's lemmatizer knows as verbs."""
    return known_words(nlp, "verb")


def base_modifiers(nlp: Language) -> frozenset[str]:
    """The adjectives and adverbs the base model's lemmatizer knows."""
    return known_words(nlp, "adj", "adv")


def is_participle_form_of(word: str, verbs: frozenset[str]) -> bool:
    """ "Suspecting", "Overhearing", "Annoyed", "Enraged": an -ing or -ed form of a known verb
    (with its final e, y or doubled consonant restored: "Leaving", "Getting", "Worried",
    "Trapped"); an -ed form only of a stem of three letters or more (not "Seed", "Ted")."""
    lower = word.lower()
    for suffix, shortest in (("ing", 1), ("ed", 3)):
        stem = lower.removesuffix(suffix)
        if stem == lower or len(stem) < shortest:
            continue
        candidates = {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.add(stem[:-1])
        if suffix == "ed" and stem.endswith("i"):
            candidates.add(stem[:-1] + "y")
        if candidates & verbs:
            return True
    return False


def belief_modality(clause: Token) -> str | None:
    """The modality a verb of belief gives the first clause it governs ("thinks that he has
    been killed"), not a later one the small parser also hung on it (", so he sweeps him")."""
    if clause.dep_ != "ccomp" or child_with_dep(clause.head, "ccomp") != clause:
        return None
    return modality_triggers().get((clause.head.lemma_.lower(), "ccomp"))


def believed_modality(token: Token) -> str | None:
    """The modality of the belief a word stands in ("Kaajal thinks Bobby is Shekhar's wife":
    "wife" is believed), if it stands in one."""
    return next(filter(None, map(belief_modality, (token, *token.ancestors))), None)


def predicate_modality(noun: Token) -> str | None:
    """The modality of a predicate noun its copula does not assert, or None: "negative" when
    negated or refused ("is not his father", "refuses to be his wife"), else that of its modal
    ("would be her husband"; not "must be his daughter", an inference) or of the verb of
    wish, plan or pretence it is the complement of ("wants to be his wife", "agrees to be his
    wife"; models/rules/modality.tsv)."""
    copula = noun.head
    if noun.dep_ != "attr" or copula.lemma_ != "be":
        return None
    if has_negation(copula):  # also after a modal: "will not be his wife"
        return "negative"
    triggers = modality_triggers()
    for child in copula.children:
        modal = triggers.get((child.lemma_.lower(), "aux")) if child.dep_ == "aux" else None
        if modal is not None and modal != "obligated":  # "she must be his daughter": inferred
            return modal
    if copula.dep_ != "xcomp":
        return None
    return triggers.get((copula.head.lemma_.lower(), "xcomp"))


def s_form_stem(word: str, verbs: frozenset[str]) -> str | None:
    """The known verb a form in -s is of ("stabs" -> "stab", "kisses" -> "kiss", "marries" ->
    "marry"), if any."""
    if not word.endswith("s") or word.endswith("ss"):  # "dress" is no form of "dry"
        return None
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return next((stem for stem in stems if stem in verbs), None)


def opens_sentence(token: Token) -> bool:
    """The first word of its sentence, past the quote marks, brackets and line breaks the
    parser put before it ('``Of course I will.''\nDistraught, he...': "Distraught")."""
    doc = token.doc
    i = token.i
    while not doc[i].is_sent_start:
        i -= 1
        if not (doc[i].is_space or doc[i].is_quote or doc[i].is_bracket):
            return False
    return True


def is_surface_subject(token: Token, verbs: frozenset[str]) -> bool:
    """A capitalised word opening its sentence before a verb in -s that the small parser read
    as the noun of one phrase with it ("Reyansh rescues Ucchal", "Léon rents a room": the
    unknown name taken for an adjective, the verb for a plural noun), or read right but left
    without a subject ("Nicat rescues Simuzər", the name hung on the object)."""
    if not (
        token.text[:1].isupper()
        and opens_sentence(token)
        and token.is_alpha
        and token.pos_ in GLUED_NAME_POS
        and token.dep_ not in SUBJECT_DEPS
        and token.i + 1 < len(token.doc)
    ):
        return False
    after = token.doc[token.i + 1]
    if not after.is_lower or s_form_stem(after.lower_, verbs) is None:
        return False
    glued = after.tag_ == "NNS" and token.head == after
    subjectless = opening_subject_of(after) == token
    return (glued or subjectless) and not is_written_in_lower_case(token)


def opening_subject_of(verb: Token) -> Token | None:
    """The capitalised word opening the sentence right before a verb in -s that has no subject:
    its subject, which the small parser hung elsewhere ("Nicat rescues Simuzər"; not the
    auxiliary of an inversion: "Little does he know")."""
    if verb.tag_ != "VBZ" or verb.pos_ != "VERB" or verb.i == 0:
        return None
    if has_own_subject(verb):
        return None
    before = verb.doc[verb.i - 1]
    if not opens_sentence(before) or before.pos_ in {"PRON", "DET"} or not before.is_title:
        return None
    return before


def is_written_in_lower_case(token: Token) -> bool:
    """The text writes the capitalised word in lower case somewhere too ("Faith ... faith"): a
    common word capitalised by its place, not a name."""
    return re.search(rf"(?<!\w){re.escape(token.lower_)}(?!\w)", doc_text(token.doc)) is not None


DOC_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc (spaCy joins the tokens again on every access; a Doc's
    text never changes)."""
    text = DOC_TEXTS.get(doc)
    if text is None:
        text = DOC_TEXTS[doc] = doc.text
    return text


def own_phrase(verb: Token) -> Iterator[Token]:
    """The words of the verb's own phrase, not of a clause inside it ("has a wife, who thinks
    he is having an affair": "affair" is not "has"'s)."""
    for child in verb.children:
        if child.dep_ not in CLAUSE_DEPS:
            yield child
            yield from own_phrase(child)


def assenting_subjects(request: Token) -> list[Token]:
    """The subjects of verbs of assent after a request in its sentence, who grant it ("asks
    her to marry him, and she agrees"; not "she does not accept")."""
    sentence = request.sent
    return [
        subject
        for word in sentence[request.i + 1 - sentence.start :]
        if word.lemma_.lower() in ASSENT_VERBS
        and child_with_dep(word, "neg") is None
        and (subject := subject_of(word)) is not None
    ]


def verb_lemma(verb: Token, verbs: frozenset[str]) -> str:
    """The verb's lemma, with the silent "e" the base model's lemmatizer drops from a short
    stem put back ("raped" -> "rape", "scares" -> "scare", "hoped" -> "hope"): a stem of
    consonant, vowel, consonant doubles its last letter ("rapped", "hopped"), so a form
    without the double comes from the verb in -e. A word joined to it by a hyphen is part of
    it ("two-timing" -> "two-time", "double-crosses" -> "double-cross"), a prefix is not
    ("re-stuffs" -> "stuff")."""
    lemma = mended_lemma(verb, verbs)
    if verb.i >= 2 and is_joining_hyphen(verb.nbor(-1)):
        word = verb.nbor(-2)
        if len(word) >= 3 and word.is_alpha:  # not a prefix: "re-enters" is "enter" again
            return f"{word.lower_}-{lemma}"
    return lemma


def is_joining_hyphen(token: Token) -> bool:
    """A hyphen with no space on either side, inside a word: "two-timing", "T-Bone"."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def mended_lemma(verb: Token, verbs: frozenset[str]) -> str:
    """The verb's lemma with its silent "e" put back (verb_lemma)."""
    lemma, form = verb.lemma_.lower(), verb.lower_
    if verb.tag_ == "NNS":  # a verb the parser took for a plural noun: "marries" -> "marry"
        return s_form_stem(form, verbs) or lemma
    if lemma + "e" not in verbs or form not in {lemma + "ed", lemma + "es", lemma + "ing"}:
        return lemma
    consonant_vowel_consonant = (
        len(lemma) >= 3
        and lemma[-1] not in VOWELS | {"w", "x", "y"}
        and lemma[-2] in VOWELS
        and lemma[-3] not in VOWELS
    )
    return lemma + "e" if consonant_vowel_consonant else lemma


def modality_of(verb: Token, verbs: frozenset[str]) -> tuple[str, bool]:
    """(modality, negated by its governor) from auxiliaries, the conjunction opening the
    verb's clause ("if", "unless") and the governing verb (its lemma mended as `verb_lemma`
    mends it: "hoping" -> "hope")."""
    triggers = modality_triggers()
    for child in verb.children:
        if child.dep_ == "aux" and (child.lemma_.lower(), "aux") in triggers:
            return triggers[(child.lemma_.lower(), "aux")], False
        if child.dep_ == "mark" and (child.lower_, "mark") in triggers:  # "if Tom kills Bob"
            return triggers[(child.lower_, "mark")], False
    belief = belief_modality(verb)
    if belief is not None:
        return belief, False
    # "promised to disown him and leave him", "agrees to get Bradford released": a verb that
    # shares the subject of the one it is coordinated with, or that one has done, is as real
    # (not a finite verb the parser hung on an infinitive: "tries to avoid him and meets Tom")
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in {"VERB", "AUX"}
        and not has_own_subject(verb)
        and (verb.tag_ not in FINITE_TAGS or verb.head.tag_ in FINITE_TAGS)
        or causative_roles(verb) is not None
        and verb.dep_ == "ccomp"
    ):
        return modality_of(verb.head, verbs)
    # "wants to leave", also "wants Cecilia to stay", "lets Ann marry Bob", "allows them to
    # get married", which the parser reads as clauses
    if is_complement(verb) or is_clause_read_complement(verb):
        bare = verb.dep_ == "ccomp" and not has_to_marker(verb)  # "has Hank knock him out"
        modality = None if bare else triggers.get((verb_lemma(verb.head, verbs), "xcomp"))
        if modality is None and is_going_to(verb.head):
            modality = "planned"  # "he and Mary are going to be married"
        if modality == "negative":
            return "asserted", True
        governing, governor_negated = modality_of(verb.head, verbs)
        if modality is not None:
            # "believing that they are planning to kill him": what is only believed stays so
            if governing in UNREAL_MODALITIES:
                return governing, False
            return modality, has_negation(verb.head)
        # "would choose to marry him": what the governing verb is, its complement is too
        if governing != "asserted":
            return governing, False
        # "refuses to allow them to get married", "does not let her go": what a verb that
        # does not happen would have brought about does not happen either (not a gerund:
        # "don't stop seeing each other")
        if (
            (verb.tag_ == "VB" or has_to_marker(verb))
            and verb.head.lemma_.lower() not in ENDING_VERBS  # "never ceased to love her"
            and (governor_negated or has_negation(verb.head))
        ):
            return "asserted", True
    # "wouldn't dream of betraying her": a gerund after a preposition of a negated verb does
    # not happen, nor does one after "without" ("leaves without killing him")
    preposition = verb.head if verb.dep_ == "pcomp" else None
    if preposition is not None and preposition.head.pos_ in {"VERB", "AUX"}:
        if preposition.lower_ == "without" or has_negation(preposition.head):
            return "asserted", True
        if preposition.lower_ in PREVENTION_PREPOSITIONS and is_persuaded(verb):
            return "asserted", True  # "prevents Ann from leaving", "dissuades her from marrying"
        # "is accused of killing him", "is arrested for stealing the bonds"
        alleged = triggers.get((verb_lemma(preposition.head, verbs), "pcomp"))
        if alleged is not None:
            return alleged, False
    return "asserted", False
