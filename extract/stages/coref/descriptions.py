"""Descriptions: a person-noun phrase goes to the character known by it, or starts an unnamed
one; unnamed characters are named by their most specific description."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from extract.lexicons import (
    RelationVerb,
    creature_nouns,
    function_words,
    generic_person_nouns,
    honorifics,
    kinship_nouns,
    modality_triggers,
    participle_verbs,
    personal_nouns,
    relation_types,
    relation_verbs,
    title_nouns,
    unrealised_relations,
)
from extract.phrases import INDEFINITE, PLURAL_TAGS, determiner_of
from extract.stages.coref.clauses import argument_verb, enclosing_verb
from extract.stages.coref.state import Resolution, is_unnamed, of_gender
from extract.syntax import (
    active_subject,
    assenting_subjects,
    child_with_dep,
    has_negation,
    is_complement,
    modality_of,
    own_phrase,
    subject_of,
)

ORDINAL_REFERENCES = function_words("ordinal_reference")
POSSESSIVE_MARKS = function_words("possessive_mark")
POSTMODIFIER_DEPS = {"acl", "relcl", "prep"}  # "the boy assigned to guard it"
OTHER_KIN = "other_family"  # the type of the kin nouns that name no one tie ("uncle", "cousin")
VICTIM_NOUNS = function_words("victim_noun")  # "the victim": the one last killed
DEATH_ADJECTIVES = function_words("death_adjective")  # "the dead man"
KILLING_VERBS = function_words("killing_verb")


def is_unreal_indefinite(doc: Doc, character: dict) -> bool:
    """An indefinite description said once, in what does not happen or only may ("can't
    afford to date a shop girl", "would marry a man", "never killed a man"): it sets up no one
    the story goes on with (Karttunen's discourse referents)."""
    if len(character["mentions"]) != 1:
        return False
    start, end, _kind = character["mentions"][0]
    if doc[start].lower_ not in INDEFINITE:
        return False
    verb = enclosing_verb(doc[end - 1])
    if verb is None:
        return False
    modality, governor_negated = modality_of(verb, frozenset())
    return modality != "asserted" or governor_negated or has_negation(verb)


def is_only_a_possessor(doc: Doc, character: dict) -> bool:
    """An unnamed person who only ever owns something ("his father's arms", "her father's
    trust fund") is mentioned in passing and takes no part in the story, unless what it owns
    is a mind or an act ("her husband's request", models/lexicons/personal_nouns.tsv)."""
    ends = [doc[end - 1] for _start, end, _kind in character["mentions"]]
    return all(
        end.dep_ == "poss" and personal_nouns().get(end.head.lemma_.lower()) not in {"mind", "act"}
        for end in ends
    )


def known_one(state: Resolution, known: list[int], gender: str, role: str) -> int | None:
    """The first of the characters known by a tie that is of the description's gender; any,
    for a noun of no gender that names one kind of tie ("his nemesis" is the enemy known as
    a man; but "her cousin" is not the uncle known as her other kin)."""
    if gender == "unknown" and not role.startswith(f"{OTHER_KIN}:"):
        return next(iter(known), None)
    return of_gender(state, known, gender)


def resolve_description(
    state: Resolution, head: Token, description: dict, pending: dict[int, dict]
) -> None:
    """Attach a description to its character, or start an unnamed one; a possessor described
    after it, and possessed by no one, first ("the daughter of a rich farmer": the farmer)."""
    later = pending.get(description["possessor"])
    if later is not None and later["possessor"] is None:
        resolve_description(state, state.doc[later["head"]], later, pending)
        del pending[later["head"]]
    possessor = (
        state.owners.get(description["possessor"]) if description["possessor"] is not None else None
    )
    description["possessor_character"] = possessor
    key = (description_role(description["noun"]), possessor)
    rules = state.rules
    character = description["character"] if rules.on("named_description") else None
    rule = "named_description"
    if character is not None and rules.on("identified_description"):
        merge_identified_description(state, head, description, character)
    if character is None and description["subject"] is not None and rules.on("predicate_subject"):
        character, rule = state.owners.get(description["subject"]), "predicate_subject"
        if character is None:
            return
    if (
        character is None
        and description["determiner"] == "possessive"
        and possessor is not None
        and determiner_of(head) not in INDEFINITE  # "an old girlfriend of Neville's": new
        and rules.on("known_tie")
    ):
        known = state.by_description.get(key, [])
        character = known_one(state, known, description["gender"], key[0])
        rule = "known_tie"
        if character is None and rules.on("couple_partner"):
            character, rule = couple_partner(state, key, description["gender"]), "couple_partner"
        if character is None and rules.on("kin_of_kin"):
            character, rule = kin_of_kin(state, key, description["gender"]), "kin_of_kin"
        if character is None and rules.on("titled_family_name"):
            character = titled_family_member(state, description, possessor)
            rule = "titled_family_name"
    definite_unpossessed = description["determiner"] == "definite" and possessor is None
    if character is None and definite_unpossessed and rules.on("titled_name"):
        character, rule = titled_character(state, description), "titled_name"
    if (
        character is None
        and definite_unpossessed
        and is_death_description(head)
        and rules.on("last_killed")
    ):
        character, rule = last_killed(state, head, description["gender"]), "last_killed"
    # a creature is one individual of the story however it is introduced again ("a shark")
    if (
        character is None
        and (description["determiner"] == "definite" or description["noun"] in creature_nouns())
        and rules.on("last_described")
    ):
        character, rule = state.last_described.get(description["noun"]), "last_described"
        if character is not None and is_contrasted(state, head, character):
            # "Two doctors ... The younger doctor ... the senior doctor ... the younger doctor"
            character = likewise_described(state, head, description["noun"])
    if character is None and definite_unpossessed and rules.on("sole_kin"):
        character, rule = sole_kin(state, key[0], description["gender"]), "sole_kin"
    if (
        character is None
        and (description["determiner"] == "definite" or description["noun"] in creature_nouns())
        and description["noun"] in generic_person_nouns()
        and not has_distinguishing_modifier(head)
        and rules.on("last_described")
    ):
        return
    if character is None:
        if not rules.on("new_character"):
            return
        character, rule = state.new_character(), "new_character"
        register_relation_object(state, head, character)
    # "their daughter, Cecilia": the daughter of each of them ("her daughter" said of either)
    for owner in state.possessors_at(description["possessor"]):
        if character != owner:
            register_tie(state, (key[0], owner), character)
    state.last_described[description["noun"]] = character
    if description["noun"] in creature_nouns() and state.characters[character]["kind"] == "nominal":
        state.creatures.add(character)
    description["character"] = character
    if description["gender"] != "unknown":
        state.gender_votes[character][description["gender"]] += (
            state.settings.description_gender_weight
        )
    start, end = description["span"]
    state.mention(head, character, start, end, "nominal", rule)
    actor = noted_actor(state.doc, end)
    if actor is not None and state.characters[character]["actor"] is None:
        state.characters[character]["actor"] = actor


def titled_character(state: Resolution, description: dict) -> int | None:
    """The named character met last whose title the description's noun is ("Captain Hook ...
    the captain", "Dr. Lamb ... the doctor"; models/lexicons/honorifics.tsv), unless an unnamed
    one so described was met after it."""
    noun = description["noun"]
    unnamed = state.last_described.get(noun)
    seen = set()
    for antecedent in reversed(state.antecedents):
        character = antecedent.character
        if character == unnamed:
            return None
        if character in seen:
            continue
        seen.add(character)
        if (
            not is_unnamed(state, character)
            and noun in titles_of(state, character)
            and len({state.gender(character), description["gender"]} - {"unknown"}) < 2
        ):
            return character
    return None


def titles_of(state: Resolution, character: int) -> set[str]:
    """The person nouns of the titles the character's name is written with."""
    doc = state.doc
    titles = set()
    for start, _end, kind in state.characters[character]["mentions"]:
        if kind != "name":
            continue
        for word in doc[max(start - 1, 0) : start + 1]:
            noun = title_nouns().get(word.text.rstrip("."))
            if noun is not None:
                titles.add(noun)
    return titles


def merge_identified_description(
    state: Resolution, head: Token, description: dict, character: int
) -> None:
    """A definite description of the last unnamed character of its noun, said to be a named
    one, makes the two one ("A stranger arrives. The stranger is John Reed"; "sees a man ...
    The man is Allen Carver"): the named one keeps the mentions of both. Not after a modifier
    that may single out someone else ("the new gardener"), nor beyond the pronoun window."""
    if description["determiner"] != "definite" or has_distinguishing_modifier(head):
        return
    earlier = state.last_described.get(description["noun"])
    if earlier is None or earlier == character or not is_unnamed(state, earlier):
        return
    genders = {state.gender(earlier), state.gender(character)} - {"unknown"}
    if is_unnamed(state, character) or len(genders) > 1:
        return
    last_seen = max(a.sentence for a in state.antecedents if a.character == earlier)
    if state.sentence_of[head.i] - last_seen <= state.settings.sentence_window:
        state.merge(earlier, character)


def noted_actor(doc: Doc, end: int) -> str | None:
    """The actor of a parenthetical the cleanup took from right after a description ("a dancer
    (Doris Kenyon)"), if there was one."""
    anchor = doc[end - 1].idx + len(doc[end - 1])
    return next(
        (actor for at, name, actor in doc._.actor_notes or [] if at == anchor and not name), None
    )


def register_tie(state: Resolution, key: tuple[str, int], character: int) -> None:
    """Remember who a description said the character is to its possessor, and the way back
    for ties of one person ("Induchoodan, the son of Menon" makes Menon "his father"; "Inder,
    her husband" makes Pooja "his wife"). A named character replaces an unnamed one met
    first ("her father's trust fund ... Lola's father, Victor")."""
    role, possessor = key
    for tie, owner, person in (
        (role, possessor, character),
        (inverse_role(role), character, possessor),
    ):
        if tie is None:
            continue
        known = state.by_description.setdefault((tie, owner), [])
        same = of_gender(state, known, state.gender(person))
        if same is None:
            known.append(person)
        elif is_unnamed(state, same) and not is_unnamed(state, person):
            known[known.index(same)] = person


def inverse_role(role: str) -> str | None:
    """The role the possessor plays for the described person ("son" -> "father", "husband" ->
    "wife"), for the reversible types of models/rules/relation_types.tsv."""
    kind, _, referent = role.partition(":")
    relation = relation_types().get(kind)
    if relation is None or not relation.reversible:
        return None
    if relation.symmetric:
        return role
    return f"{kind}:{'target' if referent == 'source' else 'source'}"


def is_contrasted(state: Resolution, head: Token, character: int) -> bool:
    """A definite description whose adjectives share none with those the character was so
    described with, after the noun was used in the plural: another of the several ("Two
    doctors have a conflict. The younger doctor ... the senior doctor")."""
    mine = modifiers_of(head)
    if not mine or not any(
        word.lemma_ == head.lemma_ and word.tag_ in PLURAL_TAGS for word in state.doc[: head.i]
    ):
        return False
    theirs = set().union(
        *(
            modifiers_of(state.doc[description["head"]])
            for description in state.descriptions
            if description.get("character") == character
        )
    )
    return bool(theirs) and not mine & theirs


def likewise_described(state: Resolution, head: Token, noun: str) -> int | None:
    """The last character described by the noun with one of the head's adjectives."""
    mine = modifiers_of(head)
    return next(
        (
            description["character"]
            for description in reversed(state.descriptions)
            if description.get("character") is not None
            and description["noun"] == noun
            and description["head"] < head.i
            and mine & modifiers_of(state.doc[description["head"]])
        ),
        None,
    )


def modifiers_of(noun: Token) -> set[str]:
    return {child.lemma_.lower() for child in noun.children if child.dep_ == "amod"}


def has_distinguishing_modifier(head: Token) -> bool:
    """ "the homeless man", "the young widow": a definite description with an adjective that
    singles someone out, unlike a bare "the man" said of someone already known."""
    return any(child.dep_ == "amod" for child in head.children)


def register_relation_object(state: Resolution, head: Token, character: int) -> None:
    """A new person introduced as the object of a relation verb ("Deepak marries another
    woman") is known from then on by that relation ("his wife", said of Deepak)."""
    if head.dep_ not in {"dobj", "pobj"}:
        return
    verb = argument_verb(head)
    subject = active_subject(verb)
    if subject is None or subject.i not in state.owners:
        return
    for rule in relation_verbs().get(verb.lemma_, []):
        if relation_types()[rule.type].symmetric and rule.noun is None:
            state.by_description.setdefault(
                (f"{rule.type}:source", state.owners[subject.i]), []
            ).append(character)
            return


def register_couple_ties(state: Resolution, sentence: Span) -> None:
    """Two characters a verb of couples joins ("Priscilla marries Mark", "Ann dates Tom", "Tom
    falls in love with Ann") are known from then on by that tie ("her new husband" said of
    Priscilla is Mark); a marriage not yet made by the tie it shows ("agrees to marry him":
    engaged, "asks her to marry him": lover, models/rules/unrealised_relations.tsv); a verb
    negated or only wanted ("wants to marry her") joins no one."""
    for verb in sentence:
        # "is married to Lawrence": the participle the parser took for an adjective
        lemma = (
            participle_verbs().get(verb.lower_, verb.lemma_)
            if verb.dep_ == "acomp"
            else verb.lemma_
        )
        rules = [
            rule
            for rule in couple_verbs().get(lemma, ())
            if rule.noun is None or any(word.lemma_ == rule.noun for word in own_phrase(verb))
        ]
        if not rules or child_with_dep(verb, "neg") is not None:
            continue
        tie = unrealised_tie(state, verb, rules[0].type) if is_complement(verb) else rules[0].type
        if tie is None:
            continue
        subject = subject_of(verb)
        partner = next((word for word in verb.children if word.dep_ == "dobj"), None)
        if partner is None:  # "is married to Ann", "falls in love with Ann", "falls for Ann"
            partner = next(
                (
                    word
                    for preposition in own_phrase(verb)
                    if preposition.dep_ == "prep" and preposition.lower_ in {"to", "with", "for"}
                    for word in preposition.children
                    if word.dep_ == "pobj"
                ),
                None,
            )
        if subject is None:
            continue
        if partner is None:
            pair = couple_subject(state, subject)  # "They marry", "Tom and Ann marry"
            if pair is not None:
                register_tie(state, (f"{tie}:source", pair[0]), pair[1])
            continue
        one, other = state.owners.get(subject.i), partner_character(state, partner)
        if one is not None and other is not None and one != other:
            register_tie(state, (f"{tie}:source", one), other)


def partner_character(state: Resolution, partner: Token) -> int | None:
    """The character of the partner's phrase, also through a name in apposition to a noun of
    no character ("marries a beautiful squaw Naturich")."""
    if partner.i in state.owners:
        return state.owners[partner.i]
    named = child_with_dep(partner, "appos")
    return state.owners.get(named.i) if named is not None else None


def couple_subject(state: Resolution, subject: Token) -> tuple[int, int] | None:
    """The two characters a plural subject names: a "they" that means two, or two
    coordinated names."""
    members = state.groups.get(subject.i)
    if members is None:
        members = [state.owners[w.i] for w in (subject, *subject.conjuncts) if w.i in state.owners]
    members = list(dict.fromkeys(members))
    return (members[0], members[1]) if len(members) == 2 else None


@cache
def couple_verbs() -> dict[str, list[RelationVerb]]:
    """The relation verbs of couples ("marry", "date"), by predicate."""
    rules = {
        predicate: [rule for rule in verbs if relation_types()[rule.type].couple]
        for predicate, verbs in relation_verbs().items()
    }
    return {predicate: couple for predicate, couple in rules.items() if couple}


def unrealised_tie(state: Resolution, verb: Token, relation_type: str) -> str | None:
    """The tie a couple verb under another shows ("agrees to marry him": engaged); one asked
    for shows it only when the one who asks is the partner ("asks her to marry him", not
    "tells Ann to marry Tom")."""
    modality = modality_triggers().get((verb.head.lemma_.lower(), "xcomp"))
    tie = unrealised_relations().get((relation_type, modality)) if modality else None
    if tie is not None and modality == "requested":
        asker, partner = subject_of(verb.head), child_with_dep(verb, "dobj")
        asking = state.owners.get(asker.i) if asker is not None else None
        if asking is None or partner is None or state.owners.get(partner.i) != asking:
            return None
        if is_granted(state, verb.head):
            return unrealised_relations().get((relation_type, "planned"))
    return tie


def is_granted(state: Resolution, request: Token) -> bool:
    """Whether the one asked assents later in the sentence ("she agrees")."""
    asked = child_with_dep(request, "dobj")
    asked_one = state.owners.get(asked.i) if asked is not None else None
    return asked_one is not None and any(
        state.owners.get(subject.i) == asked_one for subject in assenting_subjects(request)
    )


def couple_partner(state: Resolution, key: tuple[str, int | None], gender: str) -> int | None:
    """The one fiancé(e) the possessor is known to have, for a spouse noun that names no known
    spouse ("agrees to marry him ... her husband"); not a lover, who is often not the spouse
    ("divorce his wife and marry her")."""
    if key[0].partition(":")[0] != "spouse":
        return None
    engaged = state.by_description.get(("engaged:source", key[1]), [])
    return of_gender(state, engaged, gender) if len(engaged) == 1 else None


def is_death_description(head: Token) -> bool:
    """ "the victim", "the dead man", "the murdered woman": a person said to have died."""
    return head.lemma_.lower() in VICTIM_NOUNS or any(
        child.dep_ == "amod" and child.lower_ in DEATH_ADJECTIVES for child in head.children
    )


def last_killed(state: Resolution, head: Token, gender: str) -> int | None:
    """The person last said to be killed or to die before the description ("Coe was
    murdered ... the victim died of a stab wound"), of its gender."""
    doc = state.doc
    for verb in reversed(doc[: head.sent.start]):
        if verb.lemma_.lower() not in KILLING_VERBS or has_negation(verb):
            continue
        dead = child_with_dep(verb, "nsubj") if verb.lemma_.lower() == "die" else None
        dead = dead or child_with_dep(verb, "nsubjpass") or child_with_dep(verb, "dobj")
        character = state.owners.get(dead.i) if dead is not None else None
        if (
            character is not None
            and character not in state.creatures  # "the dead man" is no dog killed
            and of_gender(state, [character], gender) is not None
        ):
            return character
    return None


def sole_kin(state: Resolution, role: str, gender: str) -> int | None:
    """For a family noun with "the" and no possessor, the one character known to anyone by
    that kinship and known to be of its gender ("his daughter Stella ... the father's love":
    Stella's father)."""
    kind = relation_types().get(role.partition(":")[0])  # a kinship noun's role is "type:end"
    if kind is None or kind.category != "family":
        return None
    fitting = {
        character
        for (known_role, _possessor), characters in state.by_description.items()
        if known_role == role
        for character in characters
        if gender == "unknown" or state.likely_gender(character) == gender
    }
    return fitting.pop() if len(fitting) == 1 else None


# a child of one's spouse is one's child; a parent of one's sibling is one's parent
KIN_THROUGH = {"parent:target": "spouse:source", "parent:source": "sibling:source"}


def kin_of_kin(state: Resolution, key: tuple[str, int | None], gender: str) -> int | None:
    """For a child or parent noun that names no one known, the one such kin of the possessor's
    spouse or sibling ("James marries Naturich and has a son Hal ... her son": Hal)."""
    role, possessor = key
    through = KIN_THROUGH.get(role)
    if through is None:
        return None
    fitting = {
        kin
        for relative in state.by_description.get((through, possessor), [])
        for kin in state.by_description.get((role, relative), [])
        if kin != possessor and of_gender(state, [kin], gender) is not None
    }
    return fitting.pop() if len(fitting) == 1 else None


def titled_family_member(state: Resolution, description: dict, possessor: int) -> int | None:
    """For a spouse or parent noun, the one other named character of its gender who shares
    the possessor's family name, when the one known only by title and that name is the spouse
    or the parent ("Mrs. Haskell ... her husband": Walter Haskell; "Alice Adams's father":
    Mr. Adams; not "Jimmy Sears's adopted daughter": Mrs. Sears)."""
    kinship = kinship_nouns().get(description["noun"])
    family_name = family_name_of(state.characters[possessor])
    if kinship is None or kinship.type not in {"spouse", "parent"} or family_name is None:
        return None
    titled_possessor = is_known_by_title(state.characters[possessor])
    fitting = []
    for index, character in enumerate(state.characters):
        if (
            index == possessor
            or family_name_of(character) != family_name
            or not character["mentions"]
            or of_gender(state, [index], description["gender"]) is None
        ):
            continue
        titled = is_known_by_title(character)
        if kinship.type == "spouse":
            elder_titled = titled or titled_possessor
        else:  # the parent is the one known by title
            elder_titled = titled if kinship.referent == "source" else titled_possessor
        if elder_titled:
            fitting.append(index)
    return fitting[0] if len(fitting) == 1 else None


def family_name_of(character: dict) -> str | None:
    """The last word of a named character's name of two words or more, or of a title and a
    name ("Walter Haskell", "Mrs. Haskell": Haskell)."""
    if character["kind"] != "named":
        return None
    words = character["name"].split()
    return words[-1] if len(words) > 1 or is_known_by_title(character) else None


def is_known_by_title(character: dict) -> bool:
    """Every name of the character opens with a title ("Mrs. Haskell", "Dr. Cameron")."""
    return bool(character["aliases"]) and all(
        alias.split()[0].rstrip(".") in honorifics() for alias in character["aliases"]
    )


def description_role(noun: str) -> str:
    """What a description says of its referent's tie to the possessor: kinship nouns of one
    relation and direction say the same ("his child Vicky" ... "his son"), others say themselves."""
    kinship = kinship_nouns().get(noun)
    return f"{kinship.type}:{kinship.referent}" if kinship is not None else noun


def is_ordinal_adjective(token: Token) -> bool:
    """ "the former slum", "the latter half": an adjective of a noun, not a person (but "the
    former leaves", where the parser took the verb for the noun it modifies)."""
    return token.dep_ == "amod" and token.head.dep_ != "ROOT"


def resolve_former_latter(state: Resolution, token: Token) -> None:
    """ "The latter" is the last of the two characters mentioned last, "the former" the other."""
    last_two: list[int] = []
    for antecedent in reversed(state.antecedents):
        if antecedent.character not in last_two:
            last_two.append(antecedent.character)
        if len(last_two) == 2:
            break
    if len(last_two) == 2:
        referent = last_two[0] if token.lower_ == "latter" else last_two[1]
        state.mention(token, referent, token.i - 1, token.i + 1, "nominal", "former_latter")


def name_unnamed_character(doc: Doc, state: Resolution, index: int) -> None:
    """Name an unnamed character by its most specific description ("Seema's father", "the
    maid's husband", "the farmer") and list the descriptions used as its aliases."""
    character = state.characters[index]
    written = [
        doc[start:end].text for start, end, kind in character["mentions"] if kind == "nominal"
    ]
    descriptions = [d for d in state.descriptions if d.get("character") == index]
    possessed = [
        possessive_name(doc, state, d)
        for d in descriptions
        if d.get("possessor_character") is not None
    ]
    possessed = [name for name in possessed if name]
    definite = [
        doc[d["span"][0] : d["span"][1]].text for d in descriptions if d["determiner"] == "definite"
    ]
    if possessed:
        name = min(possessed, key=lambda text: (len(text.split()), possessed.index(text)))
    elif definite:
        name = definite[0]
    else:
        name = written[0]
    character["name"] = (
        name[0].lower() + name[1:] if name.split()[0] in {"The", "A", "An"} else name
    )
    modified = [
        extended_description(doc, start, end, state.settings.longest_description)
        for start, end, kind in character["mentions"]
        if kind == "nominal"
    ]
    character["aliases"] = list(
        dict.fromkeys([*written, character["name"], *filter(None, modified)])
    )


def extended_description(doc: Doc, start: int, end: int, longest: int) -> str:
    """The description with the phrases that modify its noun after it ("the boy assigned to
    guard it", "a doctor at a local hospital"), or "" when none follows it."""
    head = doc[end - 1]
    last = end - 1
    for child in head.rights:
        if child.left_edge.i != last + 1 or child.dep_ not in POSTMODIFIER_DEPS:
            break
        if is_object_complement(child) or is_placed_by_a_pronoun(child):
            break  # "forces a woman to submit", "finds a baby beside her": said of the scene
        last = child.right_edge.i
    return doc[start : last + 1].text if end <= last < start + longest else ""


def is_object_complement(modifier: Token) -> bool:
    """An infinitive the parser hung on an object ("forces a woman to submit"), which says what
    the verb makes the object do, not who the object is."""
    return (
        modifier.dep_ in {"acl", "relcl"} and modifier.tag_ == "VB" and modifier.head.dep_ == "dobj"
    )


def is_placed_by_a_pronoun(modifier: Token) -> bool:
    """ "beside her", "with him": a phrase that places the noun by someone already known."""
    return modifier.dep_ == "prep" and any(
        word.dep_ == "pobj" and word.tag_ == "PRP" for word in modifier.children
    )


def possessive_name(doc: Doc, state: Resolution, description: dict) -> str:
    """ "Kavita's personal doctor" for "her personal doctor" said of Kavita."""
    owner = state.characters[description["possessor_character"]]
    possessor_token = doc[description["possessor"]]
    start, end = description["span"]
    if owner["kind"] != "named":
        possessor = definite_form(state, description)
    elif possessor_token.pos_ == "PRON" or doc[start].tag_ == "WP$":  # "a woman whose father"
        possessor = owner["name"]
    else:  # the name as the text writes it here ("Menon's wife", not the full name)
        possessor = doc[possessor_token.left_edge.i : possessor_token.i + 1].text
    if not possessor:
        return ""
    rest = [
        t.lemma_ if t.i == end - 1 and t.tag_ == "NNS" else t.text  # "one of his men": "man"
        for t in doc[start:end]
        if t.i > description["possessor"]
        and t.tag_ not in {"POS", "WP$"}
        and t.text not in POSSESSIVE_MARKS
        and t.dep_ != "det"
    ]
    return f"{possessor}'s {' '.join(rest)}" if rest else ""


def definite_form(state: Resolution, description: dict) -> str:
    """ "the maid" for a possessor that is itself an unnamed character described as a maid."""
    possessor = description["possessor_character"]
    nouns = [d["noun"] for d in state.descriptions if d.get("character") == possessor]
    return f"the {nouns[0]}" if nouns else ""
