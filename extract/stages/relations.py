"""Stage 4b (factory "relations"): typed relations between characters, with evidence.

Rules (each relation records the one that fired):
- `possessive_kinship`: a possessive kinship or role noun ("his sister Sushma", "Seema's
  father", "her maid", "their daughter" and "Tom and Ann have a son": each of them) relates
  the possessor's character and the character the description refers to (both resolved by
  the coref stage);
  models/lexicons/kinship.tsv gives the type and the direction.
- `plural_kinship`: a plural kinship noun with possessors and named members ("his
  homeboys, T-Bone and Baby Boy", "Matt and Ann have two sons, Luke and Ben", "they are the
  parents of Kate") relates each member to each possessor; for a couple type, to one
  possessor only ("their wives Bhavana, Diya and Sonia" does not say whose is whose).
- `group_noun`: the named members of a plural kinship noun of a symmetric type that no one
  possesses ("sisters Anna and Elsa", "partners Jake, William and Clarence") relate to each
  other; the children a plural noun lists ("his sons Luke and Ben") are siblings; the names
  a plural trade noun lists ("prospectors Sam and Dave"; models/lexicons/person_nouns.tsv,
  column `trade`) are colleagues.
- `kin_pair`: two kinship nouns of one symmetric type titling two names ("husband and wife
  Rawdon and Miranda", "brother and sister Tom and Ann") relate them.
- `relation_noun`: a noun naming a tie ("her wedding to Philippe", "the wedding of Geeta and
  Swaroop", "Miluska and Frantisek, a barren couple", "his love for Katniss", "develops a
  crush on Dodge"; models/rules/relation_nouns.tsv) relates the two people it is said of.
- `event_verb`: a non-negated event whose verb shows a relation ("marries", "falls in love with",
  "kills"; models/rules/relation_verbs.tsv) relates its agent and patient; wanted or attempted
  hostile acts count too (one who tries to kill another is an enemy), other relations need
  the act to happen (one who wants to marry is no spouse yet).
- `implied`: two kinship-noun relations sharing a person imply a third where that is safe
  (models/rules/implied_relations.tsv: the spouse of X's parent is X's (step-)parent, a
  parent's parent is other_family).
- `shared_predicate`: coordinated characters said to be friends, lovers, enemies... together
  ("Raj and Pooja become good friends"), or to share a trade ("Milan and Goran are two
  criminals": colleagues).

A character the text gives no gender takes the opposite one of its partner in a couple
(spouse, engaged, lover: "Vicky brings his lover Poonam") when all its gendered partners agree
(`Doc._.couple_genders`, rule `couple_gender`).

`Doc._.relations` holds plain dicts: `{"type", "source", "target", "sentence", "rule"}` with
character indices into `Doc._.characters` and the sentence as a [start, end) token span, in
text order, each (type, pair) once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.document import (
    Character,
    Relation,
    characters_by_token,
    characters_of,
    linked_descriptions,
    listed_characters,
    referents_by_token,
    run_guarded,
)
from extract.lexicons import (
    KinshipNoun,
    function_words,
    implication_rules,
    kinship_nouns,
    pronouns,
    relation_adjectives,
    relation_nouns,
    relation_types,
    relation_verbs,
    tie_holding_verbs,
    trade_nouns,
    unrealised_relations,
)
from extract.phrases import (
    COPULAS,
    PLURAL_TAGS,
    copula_subject,
    kin_holder,
    kin_pair_before,
    person_noun_lemma,
)
from extract.rules import ALL_RULES, RuleSet, rules_of
from extract.syntax import (
    ATTEMPTED,
    UNREAL_MODALITIES,
    active_subject,
    assenting_subjects,
    believed_modality,
    child_with_dep,
    doc_text,
    first_conjunct,
    has_negation,
    is_reciprocal_pronoun,
    is_reflexive,
    own_phrase,
    passive_agent,
    predicate_modality,
    subject_of,
)

OPPOSITE_GENDERS = {"male": "female", "female": "male"}
ARRANGING_PARTICLES = function_words("arranging_particle")
ACCIDENT_WORDS = function_words("accident_word")
# the prepositions before the other person of a tie noun ("wedding to", "love for", "crush on")
TIE_PREPOSITIONS = function_words("tie_preposition")
SUBORDINATES = function_words("subordinates")  # "Shambu's men", "his henchmen"


@Language.factory(
    "relations",
    assigns=["doc._.relations", "doc._.couple_genders"],
    requires=["doc._.characters", "doc._.description_links", "doc._.events"],
    default_config={"disabled_rules": []},
)
def make_relations(nlp: Language, name: str, disabled_rules: list[str]) -> RelationFinder:
    return RelationFinder(RuleSet(disabled_rules))


class RelationFinder:
    """Finds typed relations between the characters of a Doc."""

    def __init__(self, rules: RuleSet = ALL_RULES):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "relations", "relations", lambda d: find_relations(d, self.rules))


def find_relations(doc: Doc, rules: RuleSet = ALL_RULES) -> list[Relation]:
    """Relations of every rule switched on, in text order, each (type, pair) once."""
    owners = characters_by_token(doc)
    referents = referents_by_token(doc, owners)
    plural_kin = plural_kinship_nouns(doc)  # two rules read them
    finders = {
        "possessive_kinship": lambda: possessive_kinship_relations(doc, referents),
        "plural_kinship": lambda: plural_kinship_relations(doc, plural_kin, owners, referents),
        "group_noun": lambda: group_noun_relations(doc, plural_kin, owners),
        "kin_pair": lambda: kin_pair_relations(doc, owners),
        "relation_noun": lambda: relation_noun_relations(doc, referents),
        "relation_adjective": lambda: adjective_relations(doc, referents),
        "event_verb": lambda: event_verb_relations(doc, referents),
        "commanded_event": lambda: commanded_event_relations(doc, referents),
        "shared_predicate": lambda: shared_predicate_relations(doc, owners, referents),
    }
    found = [
        pair
        for name in rules_of("relations", "relation")
        if name in finders and rules.on(name)
        for pair in finders[name]()
    ]
    found.sort(key=lambda pair: pair[0])
    relations = consistent_relations([relation for _, relation in found])
    # implications start from what kinship nouns say, not from the noisier verbs, and never
    # add a second relation to a pair the text already relates
    said_by_nouns = [r for r in relations if r["rule"] in {"possessive_kinship", "plural_kinship"}]
    related = {frozenset((r["source"], r["target"])) for r in relations}
    implied = [
        relation
        for _, relation in (implied_relations(said_by_nouns) if rules.on("implied") else [])
        if frozenset((relation["source"], relation["target"])) not in related
    ]
    relations += consistent_relations(implied, relations)
    doc._.couple_genders = couple_genders(doc._.characters, relations, rules)
    return relations


def couple_genders(
    characters: list[Character], relations: list[Relation], rules: RuleSet = ALL_RULES
) -> list[list]:
    """[character, gender] for each character without gender whose partners in couples with a
    gender all have the same one: it takes the opposite gender."""
    if not rules.on("couple_gender"):
        return []
    partner_genders: dict[int, set[str]] = {}
    for relation in relations:
        if relation_types()[relation["type"]].couple:
            pair = (relation["source"], relation["target"])
            for character, partner in (pair, pair[::-1]):
                gender = characters[partner]["gender"]
                if gender in OPPOSITE_GENDERS:
                    partner_genders.setdefault(character, set()).add(gender)
    return [
        [character, OPPOSITE_GENDERS[genders.pop()]]
        for character, genders in partner_genders.items()
        if characters[character]["gender"] == "unknown" and len(genders) == 1
    ]


def consistent_relations(candidates: list[dict], known: Iterable[dict] = ()) -> list[dict]:
    """The candidates in order, each (type, pair) once, none relating a character to itself,
    and no one-way relation whose reverse is already known (a parent is not its child's child)."""
    relations: list[dict] = []
    seen = {relation_key(r["type"], r["source"], r["target"]) for r in known}
    for relation in candidates:
        key = relation_key(relation["type"], relation["source"], relation["target"])
        reverse = relation_key(relation["type"], relation["target"], relation["source"])
        if relation["source"] == relation["target"] or key in seen:
            continue
        if not relation_types()[relation["type"]].symmetric and reverse in seen:
            continue
        seen.add(key)
        relations.append(relation)
    return relations


def implied_relations(known: list[dict]) -> list[tuple[int, dict]]:
    """Relations two known ones imply (models/rules/implied_relations.tsv: "the wife of X's
    father" is a parent of X), with the later of the two evidence sentences."""
    facts = []  # (type, source, target, relation), both ways for symmetric types
    for relation in known:
        facts.append((relation["type"], relation["source"], relation["target"], relation))
        if relation_types()[relation["type"]].symmetric:
            facts.append((relation["type"], relation["target"], relation["source"], relation))
    found = []
    for rule in implication_rules():
        for first in facts:
            for second in facts:
                letters = bind(rule.first, first, {}) if first is not second else None
                letters = bind(rule.second, second, letters) if letters is not None else None
                if letters is None or len(set(letters.values())) != len(letters):
                    continue
                implied_type, source, target = rule.implied
                evidence = max(first[3], second[3], key=lambda r: r["sentence"])
                found.append(
                    (
                        evidence["sentence"][0],
                        {
                            "type": implied_type,
                            "source": letters[source],
                            "target": letters[target],
                            "sentence": evidence["sentence"],
                            "rule": "implied",
                        },
                    )
                )
    return found


def bind(pattern: tuple[str, str, str], fact: tuple, letters: dict) -> dict | None:
    """The letters of `pattern` ("parent", "X", "Y") bound to the fact's characters, agreeing
    with those already bound; None if the fact does not fit."""
    relation_type, source, target = pattern
    if fact[0] != relation_type:
        return None
    bound = dict(letters)
    for letter, character in ((source, fact[1]), (target, fact[2])):
        if bound.setdefault(letter, character) != character:
            return None
    return bound


def relation(doc: Doc, token: Token, relation_type: str, source: int, target: int, rule: str):
    """(position, relation) with the token's sentence as evidence."""
    sentence = doc[token.i].sent
    return token.i, {
        "type": relation_type,
        "source": source,
        "target": target,
        "sentence": [sentence.start, sentence.end],
        "rule": rule,
    }


def possessive_kinship_relations(
    doc: Doc, referents: dict[int, list[int]]
) -> list[tuple[int, dict]]:
    found = []
    for description in linked_descriptions(doc):
        kinship = kinship_nouns().get(description["noun"])
        described = description.get("character")
        possessor = description["possessor"]
        # "their daughter", "Tom and Ann have a son": each of them; a possessor described after
        # the noun and resolved only then: the one it became ("the son of her employer")
        group = characters_of(doc[possessor], referents) if possessor is not None else []
        resolved = description.get("possessor_character")
        possessors = (
            group
            if len(group) > 1
            else [resolved if resolved is not None else next(iter(group), None)]
        )
        if kinship is None or described is None or None in possessors:
            continue
        head = doc[description["head"]]
        if head.dep_ == "attr" and believed_modality(head) is not None:
            continue  # "Kaajal thinks Bobby is Shekhar's wife" (but "believes his wife left")
        # "refuses to be his wife", "is not her father": nothing; "agrees to be his wife":
        # engaged (models/rules/unrealised_relations.tsv)
        modality = predicate_modality(head)
        if modality is not None:
            shown = unrealised_relations().get((kinship.type, modality))
            if shown is None:
                continue
            kinship = dataclasses.replace(kinship, type=shown)
        for possessor in possessors:
            found.append(
                kin_relation(doc, head, kinship, described, possessor, "possessive_kinship")
            )
    return found


def kin_relation(
    doc: Doc, noun: Token, kinship: KinshipNoun, referent: int, possessor: int, rule: str
) -> tuple[int, dict]:
    """The relation a kinship noun states between the person it names and the possessor, in
    the direction kinship.tsv gives ("Seema's father": the father is the parent)."""
    source, target = (
        (possessor, referent) if kinship.referent == "target" else (referent, possessor)
    )
    relation_type = kinship.type
    if relation_type == "spouse" and is_spouse_to_be(noun):
        relation_type = "engaged"
    return relation(doc, noun, relation_type, source, target, rule)


def is_spouse_to_be(noun: Token) -> bool:
    """A spouse noun said of a marriage to come: "his bride-to-be", "his would-be bride"."""
    doc = noun.doc
    after = "".join(token.lower_ for token in doc[noun.i + 1 : noun.i + 5])
    before = "".join(token.lower_ for token in doc[max(noun.i - 3, 0) : noun.i])
    return after.startswith("-to-be") or before.endswith("would-be")


def plural_kinship_relations(
    doc: Doc,
    plural_kin: list[tuple[Token, KinshipNoun]],
    owners: dict[int, int],
    referents: dict[int, list[int]],
) -> list[tuple[int, dict]]:
    """ "his homeboys, T-Bone and Baby Boy", "their sons Luke and Ben": each named member stands
    in the noun's relation to each possessor (for a couple type, to one each, in the order of
    the possessors' first mentions: "Raj and Veer ... their wives Bhavana and Diya")."""
    found = []
    for noun, kinship in plural_kin:
        members, holders = plural_kin_ends(doc, noun, owners, referents)
        # "their sons Luke and Ben" are the children of each of them; but "their wives
        # Bhavana, Diya and Sonia" are one each, in order, and say nothing when they are not
        # as many as the husbands
        if len(holders) > 1 and relation_types()[kinship.type].couple:
            if len(holders) == len(members):
                found += [
                    kin_relation(doc, noun, kinship, member, holder, "plural_kinship")
                    for member, holder in zip(members, sorted(holders), strict=True)
                ]
            continue
        for member in members:
            for holder in holders:
                if member != holder:
                    found.append(kin_relation(doc, noun, kinship, member, holder, "plural_kinship"))
    return found


def plural_kin_ends(
    doc: Doc, noun: Token, owners: dict[int, int], referents: dict[int, list[int]]
) -> tuple[list[int], list[int]]:
    """(the characters a plural kinship noun names, those whose kin they are): "his sons, Luke
    and Ben", "Matt and Ann have two sons, Luke and Ben", "they are the parents of Kate"."""
    holder = child_with_dep(noun, "poss") or kin_holder(noun) or shared_kin_possessor(noun)
    if holder is not None:
        return listed_characters(doc, noun.i + 1, owners), characters_of(holder, referents)
    of = child_with_dep(noun, "prep")
    if of is None or of.lower_ != "of":
        return [], []
    named = characters_of(copula_subject(noun), referents)
    return named, characters_of(child_with_dep(of, "pobj"), referents)


def shared_kin_possessor(noun: Token) -> Token | None:
    """The possessor of the kinship noun a plural one is coordinated after, which it shares
    ("his wife and two children, John and Jane": his)."""
    first = first_conjunct(noun)
    if first is noun or kinship_nouns().get(first.lemma_.lower()) is None:
        return None
    return child_with_dep(first, "poss")


def group_noun_relations(
    doc: Doc, plural_kin: list[tuple[Token, KinshipNoun]], owners: dict[int, int]
) -> list[tuple[int, dict]]:
    """ "sisters Anna and Elsa", "partners Jake, William and Clarence": the named members of a
    plural kinship noun of a symmetric type, said of no one else, stand in that relation to
    each other."""
    found = []
    for noun, kinship in plural_kin:
        if kinship.type == "parent" and kinship.referent == "target":
            relation_type = "sibling"  # "his sons Luke and Ben": brothers
        elif relation_types()[kinship.type].symmetric and not child_with_dep(noun, "poss"):
            relation_type = kinship.type
        else:
            continue
        members = listed_characters(doc, noun.i + 1, owners)
        found += pair_relations(doc, noun, relation_type, members, "group_noun")
    for noun in doc:
        # not "his soldiers": they work for him
        if is_plural_trade_noun(noun) and child_with_dep(noun, "poss") is None:
            members = listed_characters(doc, noun.i + 1, owners)
            found += pair_relations(doc, noun, "colleague", members, "group_noun")
    return found


def is_plural_trade_noun(noun: Token) -> bool:
    """A plural noun of a trade ("prospectors", "criminals"): colleagues when named together."""
    return noun.tag_ in PLURAL_TAGS and noun.lemma_.lower() in trade_nouns()


def kin_pair_relations(doc: Doc, owners: dict[int, int]) -> list[tuple[int, dict]]:
    """ "husband and wife Rawdon and Miranda", "brother and sister Tom and Ann": a pair of
    kinship nouns of one symmetric type titling two names relates them."""
    found = []
    for word in doc:
        if word.lower_ != "and" or word.i + 1 == len(doc):
            continue  # a pair is joined by "and": only the word after one may end it
        noun = doc[word.i + 1]
        first = kin_pair_before(noun)
        if first is None or child_with_dep(first, "poss") is not None:
            continue
        kinship = kinship_nouns()[noun.lemma_.lower()]
        if kinship_nouns()[first.lemma_.lower()].type != kinship.type:
            continue
        members = listed_characters(doc, noun.i + 1, owners)
        if relation_types()[kinship.type].symmetric and len(members) == 2:
            found += pair_relations(doc, noun, kinship.type, members, "kin_pair")
    return found


def relation_noun_relations(doc: Doc, referents: dict[int, list[int]]) -> list[tuple[int, dict]]:
    """ "her wedding to Philippe", "his affair with Kaajal", "the wedding of Geeta and
    Swaroop", "Miluska and Frantisek, a barren couple", "Oliver develops a crush on Dodge": a
    noun naming a tie (models/rules/relation_nouns.tsv) relates the two people it is said of,
    its possessor (or the subject of a verb of having or starting it) and the object of its
    "to"/"with"/"for"/"on", those of its "of"/"between" (also of a "between" on the verb it is
    the subject of: "a romance develops between X and Y"), or those it is apposed or predicated
    to (not "their marriage": who "they" are is too often a guess; not a tie someone only
    believes in, nor "her love for her son")."""
    found = []
    heads = {entry.split()[-1] for entry in relation_nouns()}
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in heads:
            continue
        relation_type = relation_noun_type(noun)
        if relation_type is None or believed_modality(noun) is not None:
            continue  # "thinks he is having an affair" is no affair yet
        possessor = child_with_dep(noun, "poss")
        pronoun = pronouns().get(possessor.lower_) if possessor is not None else None
        if pronoun is not None and pronoun.number == "plural":
            continue  # whom "their" stands for is a guess; the tie would rest on it alone
        holder = possessor if possessor is not None else object_holder(noun)
        sides = [characters_of(holder, referents), characters_of(said_of(noun), referents)]
        # the small parser often hangs the phrase on the verb ("prepares for her wedding to X",
        # "a romance develops between X and Y")
        following = [doc[noun.i + 1]] if noun.i + 1 < len(doc) else []
        if noun.dep_ == "nsubj":
            following += [c for c in noun.head.children if c.lower_ == "between"]
        for prep in dict.fromkeys([*noun.children, *following]):
            if prep.dep_ == "prep" and prep.lower_ in TIE_PREPOSITIONS:
                other = child_with_dep(prep, "pobj")
                if other is not None and other.lemma_.lower() in kinship_nouns():
                    break  # "her love for her son" is no romance
                sides.append(characters_of(other, referents))
        members = list(dict.fromkeys(c for side in sides for c in side))
        if len(members) == 2:
            found += pair_relations(doc, noun, relation_type, members, "relation_noun")
    return found


def adjective_relations(doc: Doc, referents: dict[int, list[int]]) -> list[tuple[int, dict]]:
    """ "Haskell becomes enamored of her", "Tom is attracted to Ann", "they are infatuated with
    each other": an adjective or participle naming a tie (models/rules/relation_adjectives.tsv)
    relates its subject and the object of its preposition (not when negated or only believed)."""
    found = []
    tie_words = {word for word, _preposition in relation_adjectives()}
    text = doc_text(doc).lower()
    if not any(tie_word in text for tie_word in tie_words):
        return found  # most documents: no need to make a Token of every word
    for word in doc:
        if word.lower_ not in tie_words:
            continue
        prepositions = [
            child
            for child in word.children
            if child.dep_ == "prep" and (word.lower_, child.lower_) in relation_adjectives()
        ]
        if not prepositions or believed_modality(word) is not None:
            continue
        copula = word.head if word.dep_ in {"acomp", "oprd"} else word
        if has_negation(word) or has_negation(copula):
            continue
        holder = child_with_dep(word, "nsubjpass") or subject_of(copula)
        other = child_with_dep(prepositions[0], "pobj")
        holders = characters_of(holder, referents)
        others = [] if other is None else characters_of(other, referents)
        if other is not None and is_reciprocal_pronoun(other):
            members = holders  # "they are attracted to each other"
        else:  # not "Tai and Duc are enamored with two refugees"
            members = holders + [c for c in others if c not in holders] if others else []
        if len(members) == 2:
            relation_type = relation_adjectives()[(word.lower_, prepositions[0].lower_)]
            found += pair_relations(doc, word, relation_type, members, "relation_adjective")
    return found


def relation_noun_type(noun: Token) -> str | None:
    """The tie a noun names, alone ("affair") or with an adjective before it ("romantic
    relationship"; models/rules/relation_nouns.tsv)."""
    lemma = noun.lemma_.lower()
    modified = (f"{child.lower_} {lemma}" for child in noun.lefts if child.dep_ == "amod")
    return relation_nouns().get(lemma) or next(
        (relation_nouns()[phrase] for phrase in modified if phrase in relation_nouns()), None
    )


def object_holder(noun: Token) -> Token | None:
    """The subject of a verb of having or starting a tie noun is the object of, directly or
    through a preposition ("Oliver develops a crush on Dodge", "Patrick starts a romance with
    Odile", "they embark on a friendship"; models/lexicons/tie_holding_verbs.tsv)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return active_subject(verb) if verb.lemma_ in tie_holding_verbs() else None


def said_of(noun: Token) -> Token | None:
    """The noun phrase a noun is apposed to ("Miluska and Frantisek, a couple") or predicated
    of ("they are a couple")."""
    return noun.head if noun.dep_ == "appos" else predicated_of(noun)


def predicated_of(noun: Token) -> Token | None:
    """The subject of the copula a predicate noun stands after ("they are a couple")."""
    if noun.dep_ != "attr" or noun.head.lemma_ not in COPULAS:
        return None
    return child_with_dep(noun.head, "nsubj")


def plural_kinship_nouns(doc: Doc) -> list[tuple[Token, KinshipNoun]]:
    """The plural kinship nouns of the Doc ("homeboys", "sons"), with their lexicon entry."""
    found = []
    for noun in doc:
        if noun.tag_ not in PLURAL_TAGS:
            continue
        kinship = kinship_nouns().get(person_noun_lemma(noun))
        if kinship is not None:
            found.append((noun, kinship))
    return found


def pair_relations(
    doc: Doc, noun: Token, relation_type: str, members: list[int], rule: str
) -> list[tuple[int, dict]]:
    """One symmetric relation for each pair of the members, evidenced at the noun."""
    return [
        relation(doc, noun, relation_type, first, second, rule)
        for i, first in enumerate(members)
        for second in members[i + 1 :]
    ]


def event_verb_relations(doc: Doc, referents: dict[int, list[int]]) -> list[tuple[int, dict]]:
    found = []
    for event in doc._.events or []:
        if event["agent"] is None or event["patient"] is None:
            continue
        if event["negated"]:
            continue
        # one who tries to kill another is an enemy (not one thought to have killed); one who
        # wants to marry is no spouse yet, one who agrees to is engaged
        # (models/rules/unrealised_relations.tsv)
        modality = ATTEMPTED if event["attempted"] else event["modality"]
        verb = doc[event["trigger"][0]]
        if any(child.dep_ == "dobj" and is_reflexive(child) for child in verb.children):
            continue  # "throws herself at Les": not what throwing a thing at him would show
        asks_for_it = modality == "requested" and asked_by(verb, referents) == {event["patient"]}
        for rule in relation_verbs().get(event["predicate"], []):
            if rule.noun is not None and not any(t.lemma_ == rule.noun for t in own_phrase(verb)):
                continue
            relation_type = rule.type
            if relation_types()[rule.type].couple and is_arranged(verb):
                break  # "marries off his daughter to Jayakrishnan": not his wife
            wed = wedded_couple(verb, referents) if rule.type == "spouse" else []
            if wed:  # "forces the judge to marry Helen and Howard": he weds them
                if modality == "asserted" and event["patient"] == wed[0]:
                    found.append(relation(doc, verb, rule.type, *wed, "event_verb"))
                break
            if rule.type == "enemy" and is_accidental(verb):
                break  # "accidentally hits their son Buddy": no enmity
            shown_unrealised = rule.type == "enemy" and modality not in UNREAL_MODALITIES
            if modality != "asserted" and not shown_unrealised and not rule.presupposed:
                if modality == "requested" and is_granted(verb, event["agent"], referents):
                    modality = "planned"  # "asks her to marry him, and she agrees"
                relation_type = unrealised_relations().get((rule.type, modality))
                if modality == "requested" and not asks_for_it:
                    relation_type = None  # "tells Ann to marry Tom": Tom asks nothing
            elif asks_for_it:
                relation_type = None  # "Peeta tells Katniss to shoot him": he asks for it
            if relation_type is None:
                break
            source, target = event["agent"], event["patient"]
            if rule.source == "patient":
                source, target = target, source
            found.append(relation(doc, verb, relation_type, source, target, "event_verb"))
            break
    return found


def commanded_event_relations(doc: Doc, referents: dict[int, list[int]]) -> list[tuple[int, dict]]:
    """One whose men do a hostile act is an enemy of its victim ("He is badly beaten by
    Shambu's men", "Sagar's henchmen kidnap Arati"): the possessor of the plural noun of
    subordinates that is the verb's subject or agent (function_words.tsv, subordinates)."""
    found = []
    for event in doc._.events or []:
        if event["agent"] is not None or event["patient"] is None or event["negated"]:
            continue
        if not any(rule.type == "enemy" for rule in relation_verbs().get(event["predicate"], [])):
            continue
        verb = doc[event["trigger"][0]]
        if is_accidental(verb):
            continue
        for boss in commanding_characters(verb, referents):
            if boss != event["patient"]:
                found.append(
                    relation(doc, verb, "enemy", boss, event["patient"], "commanded_event")
                )
    return found


def commanding_characters(verb: Token, referents: dict[int, list[int]]) -> list[int]:
    """The characters whose subordinates are the verb's subject (also inherited through
    coordination) or its agent in the passive ("Shambu's men", "by his henchmen")."""
    doers = [noun for noun in (active_subject(verb), passive_agent(verb)) if noun is not None]
    for noun in doers:
        possessor = child_with_dep(noun, "poss")
        if noun.tag_ == "NNS" and noun.lower_ in SUBORDINATES and possessor is not None:
            return characters_of(possessor, referents)
    return []


def is_granted(verb: Token, asked: int, referents: dict[int, list[int]]) -> bool:
    """Whether the one asked to act (the event's agent) assents later in the sentence ("asks
    her to marry him, and she agrees")."""
    return any(
        asked in characters_of(subject, referents) for subject in assenting_subjects(verb.head)
    )


def wedded_couple(verb: Token, referents: dict[int, list[int]]) -> list[int]:
    """The two characters a verb of marriage takes together as its object, whom its subject
    weds to each other ("marries Anne and Granton"); none for one object (but "loves Ann and
    Mary" is said of each)."""
    partners = characters_of(child_with_dep(verb, "dobj"), referents)
    return partners if len(partners) == 2 else []


def is_accidental(verb: Token) -> bool:
    """A deed said not to be meant: "accidentally shoots him", "kills her by mistake"."""
    return any(
        child.lower_ in ACCIDENT_WORDS
        if child.dep_ == "advmod"
        else child.lower_ == "by" and any(noun.lower_ in ACCIDENT_WORDS for noun in child.children)
        for child in verb.children
        if child.dep_ in {"advmod", "prep"}
    )


def is_arranged(verb: Token) -> bool:
    """A verb of couples done for others: "marries off his daughter"."""
    return any(
        child.dep_ == "prt" and child.lower_ in ARRANGING_PARTICLES for child in verb.children
    )


def asked_by(verb: Token, referents: dict[int, list[int]]) -> set[int]:
    """The characters who ask for a requested act ("Peeta tells Katniss to shoot him": Peeta)."""
    return set(characters_of(active_subject(verb.head), referents))


def shared_predicate_relations(
    doc: Doc, owners: dict[int, int], referents: dict[int, list[int]]
) -> list[tuple[int, dict]]:
    """ "Raj and Pooja become good friends", "they are lovers", "Milan and Goran are two
    criminals": a plural symmetric relation noun, or a plural trade noun (colleagues),
    predicated of coordinated characters or of a group pronoun relates each pair of them, and
    the subject to the one it is "with" ("Tom becomes friends with Bill")."""
    found = []
    for noun in doc:
        subject = predicated_of(noun)
        if subject is None:
            continue
        kinship = kinship_nouns().get(person_noun_lemma(noun))
        if kinship is not None and relation_types()[kinship.type].symmetric:
            relation_type = kinship.type
        elif is_plural_trade_noun(noun):
            relation_type = "colleague"
        else:
            continue
        # "Raj and Pooja": the small parser may hang the first name on the verb as a modifier
        misparsed = [owners[c.i] for c in noun.head.lefts if c.dep_ == "advmod" and c.i in owners]
        # "Tom becomes friends with Bill": the one the noun or its verb is "with" too
        partners = [
            character
            for word in ((noun, noun.head) if noun.tag_ == "NNS" else ())
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for character in characters_of(child_with_dep(prep, "pobj"), referents)
        ]
        group = sorted({*characters_of(subject, referents), *misparsed})
        groups = [sorted({one, partner}) for one in group for partner in partners] or [group]
        for pair in groups:
            found += pair_relations(doc, noun, relation_type, pair, "shared_predicate")
    return found


def relation_key(relation_type: str, source: int, target: int) -> tuple:
    """Identity of a relation: symmetric types ignore the order of their ends."""
    if relation_types()[relation_type].symmetric:
        return (relation_type, *sorted((source, target)))
    return (relation_type, source, target)
