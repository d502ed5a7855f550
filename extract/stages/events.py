"""Stage 4a (factory "events"): who does what to whom, clause by clause, in story order.

Every verb with a character as subject (agent), or as object, passive subject or prepositional
object (patient), is an event; the owner of a body part an act reaches is its patient ("stabs
the pole into the beast's side"). Hidden subjects come from extract/syntax.py (coordination,
control, relative clauses, participles, purpose infinitives, lists of verbs the parser broke,
the object of a verb of perception before a participle: "overhears her tormenting Katniss",
the one sent or hired to do something: "sends Jiang Gan to persuade Zhou Yu", the one with a
plan: "make plans on how to eliminate Cai Mao");
"they" stands for each member of its group; reciprocals ("X and Y kiss", "fall for each
other") relate the coordinated subjects; "got married to" is said of its subject; "is in love
with" is an event of "be"; a verb the small parser tagged a noun right after a name ("Katniss
wounds Cato") is read from the surface, checked against the verbs the base model's lemmatizer
knows. A causative participle is done by the subject of its "have" to its own subject ("Gordon
has her brought in": Gordon brings her). A light verb keeps the word it carries as
`complement` ("take" + "blame"). Negation and modality come from the verb's own auxiliaries and
from the verb governing it, a verb of belief included ("thinks he is having an affair":
believed); models/rules/modality.tsv. A complement of a verb that is no trigger takes that
verb's modality ("would choose to marry him": hypothetical); a gerund after a preposition of a
negated verb, or after "without", does not happen ("wouldn't dream of betraying her"). What is
only tried ("tries to kill Tom") is an interaction all the same: asserted, and `attempted`.
An answer said with no object ("she refuses") is given to the one who asked.

`Doc._.events` holds plain dicts with token offsets and character indices:
`{"trigger", "predicate", "complement", "agent", "patient", "arguments", "negated",
"modality", "attempted"}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.document import (
    Event,
    characters_at,
    characters_of,
    referents_by_token,
    run_guarded,
)
from extract.lexicons import (
    function_words,
    modality_triggers,
    participle_verbs,
    personal_nouns,
    reciprocal_verbs,
    relation_types,
    relation_verbs,
    relative_pronouns,
    support_verbs,
)
from extract.rules import ALL_RULES, Registry, RuleSet
from extract.syntax import (
    ATTEMPTED,
    FINITE_TAGS,
    active_subject,
    base_verbs,
    causative_roles,
    child_with_dep,
    has_negation,
    has_own_subject,
    is_infinitive,
    is_object_read_as_possessive,
    is_passive,
    is_reciprocal_pronoun,
    is_reflexive,
    misparsed_object,
    modality_of,
    opening_subject_of,
    passive_agent,
    passive_subject,
    s_form_stem,
    verb_lemma,
)

# the meaning of each set is in models/lexicons/function_words.tsv
RELATIVE_OBJECTS = relative_pronouns(
    person=("only",), possessive=False
)  # "whom Shambu lusts after"
SURFACE_PATIENT_PREPOSITIONS = function_words("surface_patient_preposition")
PLACE_PREPOSITIONS = function_words("place_preposition")
TIME_PREPOSITIONS = function_words("time_preposition")
COMMISSIVE_VERBS = function_words("commissive_verb")
ANSWER_VERBS = function_words("answer_verb")
ACCOMPANYING_OR_TOPIC_PREPOSITIONS = function_words("topic_preposition") | {"with"}
BARE_REQUEST_VERBS = function_words("bare_request_verb")
RECIPROCAL_COMPLEMENTS = function_words("reciprocal_complement")  # "Tom and Ann fall in love"
NON_PATIENT_PREPOSITIONS = (
    function_words("non_patient_preposition") | PLACE_PREPOSITIONS | TIME_PREPOSITIONS
)
CIRCUMSTANCE_PREPOSITIONS = function_words("circumstance_preposition")
OWN_COMPLEMENT_DEPS = {"dobj", "dative", "prep", "prt", "xcomp", "ccomp", "acomp", "attr"}
ARGUMENT_ROLES = {"dobj": "object", "dative": "recipient", "attr": "attribute", "oprd": "attribute"}


@Language.factory(
    "events",
    assigns=["doc._.events"],
    requires=["doc._.characters", "token.dep", "token.lemma", "token.pos"],
    default_config={"disabled_rules": []},
)
def make_events(nlp: Language, name: str, disabled_rules: list[str]) -> EventFinder:
    return EventFinder(base_verbs(nlp), RuleSet(disabled_rules))


class EventFinder:
    """Finds the events of a Doc."""

    def __init__(self, verbs: frozenset[str] = frozenset(), rules: RuleSet = ALL_RULES):
        self.verbs = verbs
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(
            doc, "events", "events", lambda d: find_events(d, self.verbs, self.rules)
        )


def find_events(
    doc: Doc, verbs: frozenset[str] = frozenset(), rules: RuleSet = ALL_RULES
) -> list[Event]:
    """Events in text order: one per verb and (agent, patient) pair, so that "Haymitch warns
    Katniss and Peeta" gives two. `verbs` are base forms known as verbs, to recognise a verb
    the parser tagged a noun. Each event names the rules that read it: how its trigger was
    read, and how its participants were, where not plainly from the verb's arguments."""
    referents = referents_by_token(doc)
    surface_agents: dict[int, list[int]] = {}  # verb position -> agents read from the surface
    events = []
    for verb in doc:
        if verb.pos_ not in READABLE_POS and verb.tag_ not in READABLE_TAGS:
            continue  # no reading takes it: spares the engine most words
        participle = (
            stative_participle(verb)
            if verb.pos_ in {"VERB", "AUX"} and rules.on("stative_participle")
            else None
        )
        surface_verb = rules.on("surface_verb") and is_verb_after_a_name(verb, referents, verbs)
        reading = trigger_reading(verb, participle, surface_verb, rules)
        if reading is None:
            continue
        if verb.dep_ == "acomp" and stative_participle(verb.head) == verb:
            continue
        predicate = participle_verbs()[participle.lower_] if participle else verb_lemma(verb, verbs)
        complement = None if participle else support_complement(verb)
        agents, patients, participant_rule = participants(
            verb, predicate, participle, referents, rules, complement
        )
        if surface_verb:
            # a verb in -s agrees with the last name alone ("Ajit and Deepak arranges"); a
            # bare one with all the names coordinated ("Marco and Simona kill")
            named = characters_of(doc[verb.i - 1], referents) if verb.tag_ == "NN" else []
            agents = agents or named or referents[verb.i - 1]
            patients = [c for c in patients or character_after(verb, referents) if c not in agents]
            surface_agents[verb.i] = agents
        if (
            not agents
            and verb.dep_ == "conj"
            and verb.head.i in surface_agents
            and rules.on("surface_verb_conjunct")
        ):  # "Tom stabs and kills Bob": Tom kills
            agents, participant_rule = surface_agents[verb.head.i], "surface_verb_conjunct"
            patients = [c for c in patients if c not in agents]
        shared = object_sharing_conjunct(verb, predicate) if not patients else None
        if shared is not None and rules.on("shared_object"):  # "shoots and kills him"
            patients = patients_of(shared, referents, agents)
            participant_rule = "shared_object" if patients else participant_rule
        met = met_partner_verb(verb, predicate, complement) if not patients else None
        if met is not None and rules.on("met_partner"):  # "sees Diane and falls in love"
            met_ones = patients_of(met, referents, agents)
            if len(met_ones) == 1:  # not "meets John and his daughter Billie and falls in love"
                patients, participant_rule = met_ones, "met_partner"
        if not agents and not patients:
            continue
        modality, governor_negated = modality_of(verb, verbs)
        attempted = modality == ATTEMPTED
        if attempted:
            modality = "asserted"  # the attempt is made: an interaction all the same
        for agent, patient in participant_pairs(agents, patients):
            events.append(
                {
                    "trigger": [verb.i, verb.i + 1]
                    if participle is None
                    else [verb.i, participle.i + 1],
                    "predicate": predicate,
                    "complement": complement,
                    "agent": agent,
                    "patient": patient,
                    "arguments": arguments_of(verb, referents, exclude={agent, patient}),
                    "negated": has_negation(verb) or governor_negated,
                    "modality": modality,
                    "attempted": attempted,
                    "rules": [reading, *filter(None, [participant_rule])],
                }
            )
    if rules.on("answered_request"):
        answer_requests(doc, events)
    return events


def answer_requests(doc: Doc, events: list[Event]) -> None:
    """An answer said with no object ("She refuses", "Julia declines") is given to the last one
    who, in its sentence or the one before, did something to the one answering ("Tom asks Ann
    to stay. She refuses": Ann refuses Tom) or asked something of no one in words ("Terry
    proposes, but Julia declines": Julia declines Terry, and Terry proposes to Julia)."""
    for index, event in enumerate(events):
        verb = doc[event["trigger"][0]]
        answerer = event["agent"]
        if (
            answerer is None
            or event["patient"] is not None
            or event["predicate"] not in ANSWER_VERBS
            or has_own_complement(verb)
        ):
            continue
        opening = previous_sentence_start(verb)
        for earlier in reversed(events[:index]):
            asking = doc[earlier["trigger"][0]]
            if asking.i < opening:
                break
            asker = earlier["agent"]
            if asker is None or asker == answerer:
                continue
            if earlier["patient"] == answerer:
                event["patient"] = asker
            elif (
                earlier["patient"] is None
                and earlier["predicate"] in BARE_REQUEST_VERBS
                and not has_own_complement(asking)
            ):
                event["patient"], earlier["patient"] = asker, answerer
                earlier["rules"].append("answered_request")
            else:
                continue
            event["rules"].append("answered_request")
            break


def has_own_complement(verb: Token) -> bool:
    """The verb has an object or a complement of its own ("refuses to talk", "shoots him")."""
    return any(child.dep_ in OWN_COMPLEMENT_DEPS for child in verb.children)


def previous_sentence_start(token: Token) -> int:
    """The position of the first word of the sentence before the token's (or of its own)."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else start


EVENT_READINGS = Registry("events", "reading")  # (word, participle, surface verb) -> bool
# the words some reading may take: verbs and auxiliaries ("be" of a state), and the nouns the
# small parser makes of verbs (plurals in -s after a name, bare forms after a subject)
READABLE_POS = {"VERB", "AUX"}
READABLE_TAGS = {"NNS", "NN"}
CLAUSE_HEAD_DEPS = {"ROOT", "conj", "advcl", "relcl", "ccomp"}  # where a verb heads a clause
NOUN_MODIFIER_DEPS = {"det", "poss", "amod", "nummod", "compound", "case"}
EVENT_READINGS.register("stative_participle")(lambda verb, participle, surface: bool(participle))
EVENT_READINGS.register("verb")(lambda verb, participle, surface: verb.pos_ == "VERB")
EVENT_READINGS.register("state_copula")(lambda verb, participle, surface: is_state_copula(verb))
EVENT_READINGS.register("misparsed_verb")(lambda verb, participle, surface: is_misparsed_verb(verb))
EVENT_READINGS.register("surface_verb")(lambda verb, participle, surface: surface)


def trigger_reading(
    verb: Token, participle: Token | None, surface_verb: bool, rules: RuleSet
) -> str | None:
    """The rule that reads the word as an event's trigger, if one does (in the order of
    models/rules/rules.tsv)."""
    return EVENT_READINGS.first(rules, verb, participle, surface_verb)[0]


def object_sharing_conjunct(verb: Token, predicate: str) -> Token | None:
    """The verb right after "and" whose object a verb of a relation without one of its own
    shares ("shoots and kills him", "stabs and wounds Dan"; models/rules/relation_verbs.tsv;
    not "falls and hits her": "fall" shows love only with its noun)."""
    if not any(rule.noun is None for rule in relation_verbs().get(predicate, [])):
        return None
    if has_own_complement(verb):
        return None
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "and":
        return None
    after = doc[verb.i + 2]
    if after.dep_ != "conj" or after.head != verb or child_with_dep(after, "dobj") is None:
        return None
    return after


def met_partner_verb(verb: Token, predicate: str, complement: str | None) -> Token | None:
    """The verb before "and" whose object (if a character) a couple's phrase with no partner
    and no subject of its own is said of ("sees Diane and quickly falls in love": with Diane; not
    "they fall in love", which relates its own subjects)."""
    couple = any(
        rule.noun is not None and rule.noun == complement and relation_types()[rule.type].couple
        for rule in relation_verbs().get(predicate, [])
    )
    if not couple or verb.dep_ != "conj" or has_own_subject(verb):
        return None
    met = verb.head
    return met if child_with_dep(met, "dobj") is not None else None


def is_misparsed_verb(token: Token) -> bool:
    """ "Jada stabs Michael", "Semyon distrusts Stepan": a verb in -s the small parser tagged a
    plural noun, which gives it away by taking a direct object; "Maria and Paul attempt to
    escape", "A thug and Rescuer fight on the roof": a bare verb it tagged a singular noun,
    which gives it away by taking a subject before it and nothing a noun takes."""
    if token.tag_ == "NNS":
        return child_with_dep(token, "dobj") is not None
    return (
        token.tag_ == "NN"
        and token.is_lower
        and token.dep_ in CLAUSE_HEAD_DEPS
        and any(child.dep_ == "nsubj" and child.i < token.i for child in token.children)
        and not any(child.dep_ in NOUN_MODIFIER_DEPS for child in token.children)
    )


def is_verb_after_a_name(
    token: Token, referents: dict[int, list[int]], verbs: frozenset[str]
) -> bool:
    """ "Katniss wounds Cato", "Porky despairs": a word in -s right after a name, which the
    small parser tagged a plural noun, is the name's verb when its stem is a known verb; so is
    a known bare verb it tagged a singular noun after the last of coordinated names ("Marco
    and Simona kill Lola")."""
    if token.tag_ not in {"NNS", "NN"} or not token.is_lower or token.i == 0:
        return False
    before = token.doc[token.i - 1]  # a name, whatever the tag ("Reyansh" read as adjective)
    if before.pos_ in {"PRON", "DET"} or not before.text[:1].isupper() or before.i not in referents:
        return False
    if token.tag_ == "NN":  # "Marco and Simona kill Lola": a bare verb after coordinated names
        start = before.i
        while start > 0 and referents.get(start - 1) == referents[before.i]:
            start -= 1
        return start > 0 and token.doc[start - 1].lower_ == "and" and token.lower_ in verbs
    return s_form_stem(token.lower_, verbs) is not None


def character_after(verb: Token, referents: dict[int, list[int]]) -> list[int]:
    """The character named right after a verb, or after the preposition that follows it
    ("wounds Cato", "pleads with Natasha"), read from the surface."""
    doc = verb.doc
    position = verb.i + 1
    if position < len(doc) and doc[position].pos_ == "ADP":
        if doc[position].lower_ not in SURFACE_PATIENT_PREPOSITIONS:
            return []  # "hardens after Zhuge Liang", "returns from Cao Cao"
        position += 1
    if position >= len(doc) or position not in referents:
        return []
    if position + 1 < len(doc) and doc[position + 1].tag_ == "POS":
        return []  # "wounds Cato's horse"
    return referents[position]


def is_state_copula(verb: Token) -> bool:
    """ "is in love with Kavita": "be" with a state phrase that holds a person, or with a state
    phrase and a relative pronoun fronted ("Diana, with whom James is in love")."""
    if verb.lemma_ != "be" or verb.dep_ in {"aux", "auxpass"}:
        return False
    states = [
        state
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for state in prep.children
        if state.dep_ == "pobj"
    ]
    return any(
        inner.dep_ == "prep" and child_with_dep(inner, "pobj") is not None
        for state in states
        for inner in state.children
    ) or (bool(states) and has_fronted_relative_object(verb))


def has_fronted_relative_object(verb: Token) -> bool:
    """A preposition with a relative pronoun stands before its relative clause ("with
    whom")."""
    return verb.dep_ == "relcl" and any(
        prep.dep_ == "prep"
        and prep.i < verb.i
        and (pronoun := child_with_dep(prep, "pobj")) is not None
        and pronoun.lower_ in RELATIVE_OBJECTS
        for prep in verb.children
    )


def stative_participle(verb: Token) -> Token | None:
    """The participle the parser took for an adjective after "get", "become" or "be" ("got
    married to Kamla", "is married to Pooja"): the real predicate."""
    if verb.lemma_.lower() not in {"get", "become", "be"} or verb.dep_ in {"aux", "auxpass"}:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "acomp" and c.lower_ in participle_verbs()), None
    )


def participants(
    verb: Token,
    predicate: str,
    participle: Token | None,
    referents: dict[int, list[int]],
    rules: RuleSet = ALL_RULES,
    complement: str | None = None,
) -> tuple[list[int], list[int], str | None]:
    """(agents, patients) of the verb. A reciprocal ("Lola and Bo fall for each other", "Nikolai
    and Anna kiss", "they get married", "Tom and Ann fall in love") relates the first of the
    coordinated subjects to the others; a shared state in the passive ("he is engaged to
    Sushma") is said of its subject."""
    shared_state = predicate in reciprocal_verbs() or complement in RECIPROCAL_COMPLEMENTS
    causative = causative_roles(verb) if rules.on("causative") else None
    if causative is not None:
        agents = characters_of(causative[0], referents)
        patients = [c for c in characters_of(causative[1], referents) if c not in agents]
        return agents, patients, "causative"
    rule = None
    if (
        rules.on("passive")
        and is_passive(verb)
        and not (shared_state and passive_agent(verb) is None)
    ):
        agents = doers(passive_agent(verb), referents)
        patients = patients_of(verb, referents, agents)
        rule = "passive"
    else:
        subject = (passive_subject(verb) if is_passive(verb) else None) or active_subject(verb)
        agents = doers(subject, referents) or characters_of(opening_subject_of(verb), referents)
        patients = patients_of(participle or verb, referents, agents, with_passive_subject=False)
        promised = child_with_dep(verb, "xcomp") if verb.lemma_ in COMMISSIVE_VERBS else None
        if not patients and promised is not None and rules.on("commissive"):
            # "they promise to give Julia a wedding", "vows to be avenged upon Shambu"
            patients = patients_of(promised, referents, agents, with_passive_subject=False)
            rule = "commissive" if patients else rule
    if (
        len(agents) > 1
        and not patients
        and rules.on("reciprocal")
        and (shared_state and not has_other_object(verb) or has_reciprocal_object(verb))
    ):
        return agents[:1], agents[1:], "reciprocal"
    return agents, patients, rule


def doers(phrase: Token | None, referents: dict[int, list[int]]) -> list[int]:
    """The characters a subject or "by" phrase holds, or, for an act or a thought of someone's,
    its owner ("unnerved by Jack's actions", "her story implicates Geoffrey": Jack, she;
    models/lexicons/personal_nouns.tsv)."""
    characters = characters_of(phrase, referents)
    if characters or phrase is None:
        return characters
    if personal_nouns().get(phrase.lemma_.lower()) not in {"act", "mind"}:
        return []
    return characters_of(child_with_dep(phrase, "poss"), referents)


def support_complement(verb: Token) -> str | None:
    """The word a light or support verb carries, which says what happens ("blame" in "takes the
    blame", "love" in "falls in love"): models/lexicons/support_verbs.tsv."""
    for slot in support_verbs().get(verb.lemma_.lower(), ()):
        for child in verb.children:
            if slot == "object" and child.dep_ == "dobj" and child.pos_ == "NOUN":
                return child.lemma_.lower()
            if slot == "complement" and child.dep_ in {"acomp", "attr", "oprd"}:
                return child.lemma_.lower()
            if child.dep_ == "prep" and child.lower_ == slot:
                noun = child_with_dep(child, "pobj")
                if noun is not None and noun.pos_ == "NOUN":
                    return noun.lemma_.lower()
    return None


def has_other_object(verb: Token) -> bool:
    """A direct object, or an object of "against", that is no "each other": whom coordinated
    subjects act on together ("Jada and Jamal fight the soldiers"), not each other."""
    objects = [child_with_dep(verb, "dobj")]
    objects += [child_with_dep(c, "pobj") for c in verb.children if c.lower_ == "against"]
    return any(word is not None and not is_reciprocal_pronoun(word) for word in objects)


def has_reciprocal_object(verb: Token) -> bool:
    """ "each other" or "one another" as the verb's object or prepositional object."""
    objects = [child for child in verb.children if child.dep_ in {"dobj", "prep"}]
    objects += [child_with_dep(prep, "pobj") for prep in objects if prep.dep_ == "prep"]
    return any(word is not None and is_reciprocal_pronoun(word) for word in objects)


def participant_pairs(
    agents: list[int], patients: list[int]
) -> list[tuple[int | None, int | None]]:
    """Every (agent, patient) pair, or the lone participants with None on the other side."""
    if agents and patients:
        return [(agent, patient) for agent in agents for patient in patients]
    return [(agent, None) for agent in agents] or [(None, patient) for patient in patients]


def patients_of(
    verb: Token,
    referents: dict[int, list[int]],
    agents: list[int],
    with_passive_subject: bool = True,
) -> list[int]:
    """The characters other than the agents the verb's action is done to, from the first slot
    that holds any ("reveals his love for Katniss": Katniss, not "his"): the passive subject,
    the direct object, the indirect object, a prepositional object ("cares for Katniss",
    "throws a spear at Katniss"), the owner of an act a preposition governs ("agrees to his
    request"), the possessor of the object when it is what only a person has
    (models/lexicons/personal_nouns.tsv: "ignores Haymitch's advice", not "enters Gordon's
    office"), a prepositional object of the object ("reveals his love for Katniss"), or the
    subject of a small clause ("hears Rue calling", "deems him insane")."""
    obj = direct_object(verb)
    for slot in patient_slots(verb, obj, with_passive_subject):
        if slot is not None and is_reflexive(slot):
            # "kills himself": no one else; "throws herself at Les": the one she is thrown at
            if slot != obj:
                return []
            directed = directed_phrases(patient_prepositions(verb))
            return next(
                (found for phrase in directed if (found := others(phrase, referents, agents))),
                [],
            )
        if slot is not None and slot.lower_ in RELATIVE_OBJECTS and verb.dep_ == "relcl":
            slot = verb.head  # "a woman whom Shambu lusts after": the woman
        characters = others(slot, referents, agents)
        if characters:
            return characters
    return []


def direct_object(verb: Token) -> Token | None:
    """The verb's direct object, also where the small parser hung the verb on it or misread
    it."""
    obj = child_with_dep(verb, "dobj")
    if obj is None and verb.dep_ == "compound" and verb.head.i > verb.i:
        obj = verb.head  # "Snow summons Seneca Crane": the verb hung on the name as a compound
    if obj is None and causative_roles(verb) is None:
        obj = misparsed_object(verb)
    return obj


def patient_slots(
    verb: Token, obj: Token | None, with_passive_subject: bool
) -> Iterator[Token | None]:
    """The words that may hold the verb's patient (or None), in the order patients_of tries
    them, each found only when the ones before held no one."""
    yield passive_subject(verb) if with_passive_subject else None
    yield obj
    yield from (
        word
        for child in verb.children
        for word in child.children
        if is_object_read_as_possessive(word)
    )
    yield child_with_dep(verb, "dative")
    yield from (c for c in verb.children if c.dep_ == "pobj" and c.lower_ in RELATIVE_OBJECTS)
    preps = patient_prepositions(verb)
    yield from (phrase for _prep, phrase in preps)
    # "agrees to her husband's request", "responds to his advances": whose act it is (not
    # "with her father's approval", what goes with the act, nor "knows about Ferring's plan",
    # what the act is about)
    yield from (
        child_with_dep(phrase, "poss")
        for prep, phrase in preps
        if phrase is not None
        and prep.lower_ not in ACCOMPANYING_OR_TOPIC_PREPOSITIONS
        and personal_nouns().get(phrase.lemma_.lower()) in {"act", "mind"}
    )
    # "falls in love with Pooja": the object of a preposition inside a prepositional phrase
    # (not one of circumstance: "comes at the instigation of Pavithran")
    yield from (
        child_with_dep(inner, "pobj")
        for prep, phrase in preps
        if phrase is not None and prep.lower_ not in CIRCUMSTANCE_PREPOSITIONS
        for inner in phrase.children
        if inner.dep_ == "prep" and inner.lower_ not in NON_PATIENT_PREPOSITIONS
    )
    object_phrases = []
    if obj is not None:
        yield first_object_read_as_compound(obj)
        if obj.lemma_.lower() in personal_nouns():  # "ignores Haymitch's advice", not "office"
            yield child_with_dep(obj, "poss")
        object_phrases = prepositional_objects(obj)
        yield from object_phrases
    # "stabs the pole into the beast's side", "rushes into his arms", "sees parts of Woody's
    # body": whose body (not where one is: "dies in her arms")
    yield from (
        child_with_dep(phrase, "poss")
        for phrase in [*directed_phrases(preps), *object_phrases]
        if phrase is not None and personal_nouns().get(phrase.lemma_.lower()) == "body"
    )
    # "has her brought in": what is done to her is the participle's event, not the "have"'s
    yield from (
        child_with_dep(clause, "nsubj") or child_with_dep(clause, "nsubjpass")
        for clause in verb.children
        if is_small_clause(clause, verb) and causative_roles(clause) is None
    )


def patient_prepositions(verb: Token) -> list[tuple[Token, Token | None]]:
    """(preposition, its object or None) of the prepositions that may introduce a patient.
    "breaks up with Inder", "gives the donkey back to Tahaan": the preposition may hang on the
    particle or adverb (not "goes away from Seema": moving off is done to no one)."""
    heads = [verb, *(child for child in verb.children if child.dep_ in {"prt", "advmod"})]
    return [
        (prep, child_with_dep(prep, "pobj"))
        for head in heads
        for prep in head.children
        if prep.dep_ in {"prep", "dative"}
        and prep.lower_ not in NON_PATIENT_PREPOSITIONS
        and (head == verb or prep.lower_ != "from")
    ]


def directed_phrases(preps: list[tuple[Token, Token | None]]) -> list[Token]:
    """The objects of the prepositions of direction ("into the beast's side", "at Les")."""
    return [
        phrase
        for prep, phrase in preps
        if phrase is not None and prep.lower_ in SURFACE_PATIENT_PREPOSITIONS
    ]


def others(slot: Token, referents: dict[int, list[int]], agents: list[int]) -> list[int]:
    """The characters a slot holds, the agents aside."""
    return [c for c in characters_of(slot, referents) if c not in agents]


def first_object_read_as_compound(obj: Token) -> Token | None:
    """ "denies Constanza access", "gave Katniss bread": the name the small parser made a
    compound of the second object of the verb is its first object (not in "reaches the Calder
    farm", where a determiner opens the phrase, nor before a plural the parser may have taken
    for a noun: "as years passed Vicky returns")."""
    before = obj.doc[obj.i - 1] if obj.i > 0 else None
    if obj.tag_ != "NN" or before is None or before.dep_ != "compound":
        return None
    opening = obj.doc[obj.left_edge.i]
    return before if before.pos_ == "PROPN" and opening.pos_ == "PROPN" else None


def prepositional_objects(noun: Token) -> list[Token | None]:
    """The object of each preposition on a noun ("parts of Woody's body": body), None for a
    preposition without one."""
    return [child_with_dep(prep, "pobj") for prep in noun.children if prep.dep_ == "prep"]


def is_small_clause(clause: Token, verb: Token) -> bool:
    """A clause without a complementizer whose subject the verb acts on ("hears Rue calling",
    "deems him insane", "causing Dahlia to die"), unlike "says that she left" or a wish
    ("wants Cecilia to stay" is no act on Cecilia)."""
    if is_infinitive(clause) and clause.dep_ == "ccomp":
        return modality_triggers().get((verb.lemma_.lower(), "xcomp")) != "desired"
    if any(c.dep_ in {"mark", "aux", "auxpass"} for c in clause.children):
        return False
    # a finite clause says something about its subject ("thinks Kishen is lying"), a
    # non-finite one shows it acting ("sees her enter", "hears Rue calling")
    return clause.dep_ == "oprd" or clause.dep_ == "ccomp" and clause.tag_ not in FINITE_TAGS


def arguments_of(verb: Token, referents: dict[int, list[int]], exclude: set) -> list[dict]:
    """Objects, recipients and prepositional phrases of the verb."""
    arguments = []
    for child in verb.children:
        if child.dep_ in ARGUMENT_ROLES:
            role, head = ARGUMENT_ROLES[child.dep_], child
        elif child.dep_ == "prep" and child_with_dep(child, "pobj") is not None:
            role, head = child.lower_, child_with_dep(child, "pobj")
        else:
            continue
        group = characters_at(head, referents)
        character = group[0] if len(group) == 1 else None
        if character is not None and character in exclude and role == "object":
            continue
        arguments.append(
            {"role": role, "span": [head.left_edge.i, head.i + 1], "character": character}
        )
    return arguments
