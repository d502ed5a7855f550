"""Stage 3 (factory "coref"): links pronouns and descriptions to the characters they refer to.

One left-to-right pass, entity-centric (a character's gender is shared by all its mentions):
- a name mention makes its character salient; a name a naming verb gives to a character
  already met is another name of it ("calls himself THE Roger Patel", "Tom, known as Ace";
  models/lexicons/naming_verbs.tsv), and the two become one character;
- a description ("her husband", "Seema's father", "the maid") goes to the character already
  known by the same noun and possessor ("her husband, Inder" makes Inder "Pooja's husband", so a
  later "her husband" said of Pooja is Inder, and Pooja "his wife" said of Inder; "husband and
  wife Rawdon and Miranda" makes each known by the other's noun), a definite
  one to the last character described by that noun; otherwise it starts an unnamed character;
- a third-person singular pronoun goes to a compatible character (gender -- the first-name
  prior only narrows the choice, and never vetoes the subject after a phrase placed before
  it: "During her time on the show, Allen..." --, never a creature, and a non-reflexive
  object pronoun never refers to its clause's subject, also one its verb shares: "ambushes
  her and pins her down", or one inside the verb's object: "orders a hit on him", nor the
  subject of a causative "have": "Gordon has her brought in"; a "her" the parser took for
  the possessive of no noun is an object: "catches her red-handed")
  of the current or the two previous sentences (a subject or object pronoun of a relative
  clause is not the noun the clause modifies: "Miller, whom he hired"; no pronoun of a
  quotation is its speaker: "Simonson answered, ``I think she was...''"; a subject pronoun is
  none of the people coordinated with it: "she and Berman"; a subject pronoun is
  not a person named as the object of a participle or phrase placed before it: "Forced by
  Pavithran, she"): first the noun phrase whose modifying clause holds the pronoun ("her
  maid cheated by her husband"), the subject of its clause for "his own", the object
  of the verb before for an object pronoun of a list of verbs or of a participle of result
  ("grabs Anna and pushes her", "injures Tim, thus eliminating him"),
  the one asked for the subject of a question ("asks Fletcher if he'd be interested"),
  the subject of its clause for any other possessive outside that subject ("Edmund could not
  inherit his father's land"; for the complement of a verb with an object, that verb's:
  "Krauss asked Brown to join her band"), then subjects (those of main clauses before those
  of relative clauses the pronoun is not in), then any mention, the most recent first; a
  relative named to identify someone ranks a step lower ("Margaret, daughter of James
  Whittle");
- a plural pronoun ("they", "their") goes to the last coordinated group of characters, else
  to the only two characters of the clause it is coordinated after ("Raj meets Pooja and
  they..."), of its sentence ("their") or of the sentence before (a "they" opening its
  sentence), a group noun ("the trio", "the couple"; models/lexicons/
  group_words.tsv) to the last coordinated group of its size, else, opening its sentence, to
  the characters of the sentence before when they are that many, and a counted plural ("the
  three men") gives its gender to the last group of that size;
- "it" goes to a creature character ("the shark") of this or the previous sentence.
Resolved pronouns and descriptions become `pronoun` and `nominal` mentions of the characters it
writes to `Doc._.characters` (the named ones of `Doc._.names` first, in their order); unnamed
characters mentioned only in passing are marked `incidental`. `Doc._.description_links` gives
each description's character and its possessor's, for the relation stage, and
`Doc._.mention_rules` the rule that resolved each mention. The rules are named in
models/rules/rules.tsv, in the order they are tried, and each can be switched off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.document import (
    Character,
    characters_by_token,
    has_person_evidence,
    run_guarded,
    sentence_numbers,
)
from extract.lexicons import (
    creature_nouns,
    generic_person_nouns,
    group_words,
    kinship_nouns,
    naming_verbs,
    person_nouns,
    personal_nouns,
    pronouns,
    relation_types,
    relation_verbs,
)
from extract.phrases import (
    determiner_of,
    fronted_apposition_subject,
    kin_pair_title,
    name_start,
    person_noun_lemma,
)
from extract.rules import ALL_RULES, Registry, RuleSet
from extract.syntax import (
    active_subject,
    causative_roles,
    child_with_dep,
    coordinated_phrases,
    is_object_read_as_possessive,
    previous_listed_verb,
    subject_of,
)

SENTENCE_WINDOW = 2
GROUP_WINDOW = 5  # a counted group ("the three men") is distinctive enough to reach further
OBJECT_DEPS = {"dobj", "dative", "pobj", "iobj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PREDICATE_DEPS = {"attr"}  # "is his friend", "becomes her husband"
THING_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
CLAUSE_MODIFIERS = {"acl", "relcl"}
PARTICIPLE_TAGS = {"VBG", "VBN"}
ORDINAL_REFERENCES = {"latter", "former"}
# prepositions whose object inside a verb's object is someone else than the verb's subject
NOUN_PHRASE_ARGUMENT_PREPOSITIONS = {"on", "against", "for", "to", "at", "about"}
NAME_GIVING_MODIFIERS = {"acl", "parataxis"}  # "Tom, nicknamed Ace", "Jane (also known as Red)"
RELATIVE_PRONOUNS = {"who", "whom", "that"}
YES_NO_MARKERS = {"if", "whether"}
QUESTION_WORDS = {*YES_NO_MARKERS, "how", "why", "what", "when", "where"}
POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
# grammatical salience of an antecedent: subjects, then objects, then the rest
ROLE_RANK = {"nsubj": 0, "nsubjpass": 0, "dobj": 1, "dative": 1}
QUOTED_CLAUSE_DEPS = {"ccomp", "parataxis"}
OPENING_QUOTES = {"`", "``", '"', "“"}
POSTMODIFIER_DEPS = {"acl", "relcl", "prep"}  # "the boy assigned to guard it"
LONGEST_DESCRIPTION = 10  # words; a longer "phrase" is mostly a misparsed clause


@Language.factory(
    "coref",
    assigns=["doc._.characters", "doc._.description_links", "doc._.mention_rules"],
    requires=["doc._.names", "doc._.descriptions"],
    default_config={"disabled_rules": []},
)
def make_coref(nlp: Language, name: str, disabled_rules: list[str]) -> CoreferenceResolver:
    return CoreferenceResolver(RuleSet(disabled_rules))


class CoreferenceResolver:
    """Adds resolved pronouns and descriptions to the characters of a Doc."""

    def __init__(self, rules: RuleSet = ALL_RULES):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "coref", "characters", lambda d: resolve_mentions(d, self.rules))


PRONOUN_CONSTRAINTS = Registry("coref", "constraint")  # (pronoun, owners) -> excluded characters
PRONOUN_PREFERENCES = Registry("coref", "preference")  # (Choice) -> the character, or None
GROUP_RULES = Registry("coref", "group")  # (state, pronoun, excluded) -> its characters, or []


@dataclass(frozen=True)
class Antecedent:
    head: int
    sentence: int
    character: int
    dep: str


class Resolution:
    """The state of the left-to-right pass over one Doc."""

    def __init__(self, doc: Doc, rules: RuleSet = ALL_RULES):
        self.doc = doc
        self.rules = rules
        # [start, end, rule, constraints] of every mention it adds
        self.mention_rules: list[list] = []
        self.characters = [
            {**character, "mentions": list(character["mentions"])}
            for character in doc._.names or []
        ]
        # coref's own copies: it links each to its character and its possessor's
        self.descriptions = [dict(description) for description in doc._.descriptions or []]
        self.owners = characters_by_token(doc, doc._.names)
        self.name_ends = {
            end - 1: index
            for index, character in enumerate(self.characters)
            for _start, end, _type in character["mentions"]
        }
        self.sentence_of = sentence_numbers(doc)
        self.antecedents: list[Antecedent] = []
        # (noun, possessor) -> the characters so described, a father and a mother for "parent"
        self.by_description: dict[tuple[str, int], list[int]] = {}
        self.last_described: dict[str, int] = {}  # noun -> character it last described
        self.gender_votes: list[Counter[str]] = [Counter() for _ in self.characters]
        self.creatures: set[int] = set()  # unnamed characters described as animals or monsters
        self.groups: dict[int, list[int]] = {}  # plural pronoun -> the characters it stands for
        self.merged: dict[int, int] = {}  # a character found to be another -> that other

    def merge(self, dropped: int, kept: int) -> None:
        """`dropped` is another name of `kept`: it gives `kept` its mentions and is dropped."""
        survivor, other = self.characters[kept], self.characters[dropped]
        survivor["mentions"].extend(other["mentions"])
        survivor["aliases"] = list(dict.fromkeys([*survivor["aliases"], *other["aliases"]]))
        if survivor["gender"] == "unknown":
            survivor["gender"] = other["gender"]
        other["mentions"] = []
        self.gender_votes[kept] += self.gender_votes[dropped]
        for by_token in (self.owners, self.name_ends):
            for i, character in by_token.items():
                if character == dropped:
                    by_token[i] = kept
        self.antecedents = [
            Antecedent(a.head, a.sentence, kept, a.dep) if a.character == dropped else a
            for a in self.antecedents
        ]
        for known in self.by_description.values():
            known[:] = [kept if character == dropped else character for character in known]
        for noun, character in self.last_described.items():
            if character == dropped:
                self.last_described[noun] = kept
        self.merged[dropped] = kept

    def mention(
        self,
        head: Token,
        character: int,
        start: int,
        end: int,
        kind: str,
        rule: str,
        constraints: list[str] | None = None,
        salient: bool = True,
    ) -> None:
        """Add a mention, with the rule that chose its character and the constraints that
        ruled others out."""
        self.characters[character]["mentions"].append([start, end, kind])
        self.mention_rules.append([start, end, rule, constraints or []])
        for i in range(start, end):  # a possessor inside the phrase keeps its own referent
            if i == head.i or (i not in self.owners and self.doc[i].pos_ != "PRON"):
                self.owners[i] = character
        if salient:
            self.make_salient(head, character)

    def make_salient(self, head: Token, character: int) -> None:
        self.antecedents.append(Antecedent(head.i, self.sentence_of[head.i], character, head.dep_))

    def new_character(self) -> int:
        self.characters.append(
            {
                "name": "",
                "aliases": [],
                "kind": "nominal",
                "gender": "unknown",
                "descriptors": [],
                "actor": None,
                "mentions": [],
            }
        )
        self.gender_votes.append(Counter())
        return len(self.characters) - 1

    def gender(self, character: int) -> str:
        """The gender the text gives the character: titles and nouns, else pronoun votes."""
        votes = self.gender_votes[character]
        declared = self.characters[character]["gender"]
        if declared != "unknown":
            return declared
        return votes.most_common(1)[0][0] if votes else "unknown"

    def likely_gender(self, character: int) -> str:
        """The text's gender, else the one usually given to the first name."""
        gender = self.gender(character)
        if gender == "unknown":
            return self.characters[character].get("name_prior", "unknown")
        return gender


def resolve_mentions(doc: Doc, rules: RuleSet = ALL_RULES) -> list[Character]:
    """The Doc's characters with pronoun and description mentions (and unnamed characters);
    `doc._.mention_rules` says which rule resolved each mention."""
    state = Resolution(doc, rules)
    doc._.mention_rules = state.mention_rules
    descriptions_at = {d["head"]: d for d in state.descriptions}
    for token in doc:
        if token.i in state.name_ends:
            if rules.on("other_name"):
                merge_other_name(state, token)
            state.make_salient(token, state.name_ends[token.i])
            if rules.on("kin_pair_tie"):
                register_kin_pair(state, token)
        elif token.i in descriptions_at:
            resolve_description(state, token, descriptions_at.pop(token.i), descriptions_at)
        elif (
            token.lower_ in ORDINAL_REFERENCES
            and token.i > 0
            and doc[token.i - 1].lower_ == "the"
            and not is_ordinal_adjective(token)
        ):
            if rules.on("former_latter"):
                resolve_former_latter(state, token)
        elif token.tag_ == "NNS":
            if rules.on("counted_group"):
                resolve_counted_group(state, token)
        elif token.lower_ in group_words("noun") and determiner_of(token) == "the":
            if rules.on("definite_group_noun"):
                resolve_group_noun(state, token)
        else:
            resolve_pronoun(state, token)
    kept = [i for i in range(len(state.characters)) if i not in state.merged]
    for index in kept:
        character = state.characters[index]
        character["mentions"].sort()
        character["gender"] = state.gender(index)
        if character["kind"] == "nominal":
            name_unnamed_character(doc, state, index)
            character["incidental"] = is_only_a_possessor(doc, character)
    renumber_descriptions(state, kept)
    doc._.description_links = [
        [description["character"], description.get("possessor_character")]
        for description in state.descriptions
    ]
    return [state.characters[i] for i in kept]


def renumber_descriptions(state: Resolution, kept: list[int]) -> None:
    """Point the descriptions at the characters' places once the merged ones are left out."""
    number = {old: new for new, old in enumerate(kept)}
    for dropped, survivor in state.merged.items():
        while survivor in state.merged:
            survivor = state.merged[survivor]
        number[dropped] = number[survivor]
    for description in state.descriptions:
        for field in ("character", "possessor_character"):
            if description.get(field) is not None:
                description[field] = number[description[field]]


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
    ("calls himself X", "is known as X"), else the noun the verb's participle or relative
    clause modifies ("Tom Hardy, nicknamed Ace", "Ranchhod, who is known as Roger")."""
    markers = naming_verbs()
    if name.dep_ == "oprd" and "-" in markers.get(name.head.lemma_, ()):
        verb = name.head
    elif name.dep_ == "pobj" and name.head.lower_ in markers.get(name.head.head.lemma_, ()):
        verb = name.head.head
    else:
        return None
    holder = child_with_dep(verb, "dobj") or child_with_dep(verb, "nsubjpass")
    if (
        holder is None
        and verb.dep_ in NAME_GIVING_MODIFIERS
        or (holder is not None and holder.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl")
    ):
        return verb.head
    return holder


def is_only_a_possessor(doc: Doc, character: dict) -> bool:
    """An unnamed person who only ever owns something ("his father's arms", "her father's
    trust fund") is mentioned in passing and takes no part in the story, unless what it owns
    is a mind or an act ("her husband's request", models/lexicons/personal_nouns.tsv)."""
    ends = [doc[end - 1] for _start, end, _kind in character["mentions"]]
    return all(
        end.dep_ == "poss" and personal_nouns().get(end.head.lemma_.lower()) not in {"mind", "act"}
        for end in ends
    )


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
    if character is None and description["subject"] is not None and rules.on("predicate_subject"):
        character, rule = state.owners.get(description["subject"]), "predicate_subject"
        if character is None:
            return
    if (
        character is None
        and description["determiner"] == "possessive"
        and possessor is not None
        and rules.on("known_tie")
    ):
        character = of_gender(state, state.by_description.get(key, []), description["gender"])
        rule = "known_tie"
    # a creature is one individual of the story however it is introduced again ("a shark")
    if (
        character is None
        and (description["determiner"] == "definite" or description["noun"] in creature_nouns())
        and rules.on("last_described")
    ):
        character, rule = state.last_described.get(description["noun"]), "last_described"
        if (
            character is None
            and description["noun"] in generic_person_nouns()
            and not has_distinguishing_modifier(head)
        ):
            return
    if character is None:
        if not rules.on("new_character"):
            return
        character, rule = state.new_character(), "new_character"
        register_relation_object(state, head, character)
    # "their daughter, Cecilia": the daughter of each of them ("her daughter" said of either)
    for owner in state.groups.get(description["possessor"]) or [possessor]:
        if owner is not None and character != owner:
            register_tie(state, (key[0], owner), character)
    state.last_described[description["noun"]] = character
    if description["noun"] in creature_nouns() and state.characters[character]["kind"] == "nominal":
        state.creatures.add(character)
    description["character"] = character
    if description["gender"] != "unknown":
        state.gender_votes[character][description["gender"]] += 3
    start, end = description["span"]
    state.mention(head, character, start, end, "nominal", rule)


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


def of_gender(state: Resolution, characters: list[int], gender: str) -> int | None:
    """The first of the characters whose gender allows `gender`."""
    return next((c for c in characters if state.gender(c) in {gender, "unknown"}), None)


def is_unnamed(state: Resolution, character: int) -> bool:
    return state.characters[character]["kind"] == "nominal"


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
    state.gender_votes[referent][pronoun.gender] += 1
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
        in_window = [
            antecedent
            for antecedent in reversed(state.antecedents)
            if antecedent.sentence >= sentence - SENTENCE_WINDOW
            and antecedent.character not in excluded
            and antecedent.character not in state.creatures  # "it", never "he" or "she"
            and state.gender(antecedent.character) in {gender, "unknown"}
        ]
        # the first-name prior only narrows the choice among the names known to be people: it
        # never leaves a pronoun without a referent when the text itself leaves a person possible
        candidates = [
            c for c in in_window if state.likely_gender(c.character) in {gender, "unknown"}
        ] or [c for c in in_window if has_person_evidence(state.characters[c.character])]
        return cls(state, token, gender, excluded, candidates, {c.character for c in candidates})

    @property
    def sentence(self) -> int:
        return self.state.sentence_of[self.token.i]

    def compatible_one(self, characters: Iterable[int | None]) -> int | None:
        """The first of the characters that is a candidate."""
        return next((c for c in characters if c in self.compatible), None)


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
    if verb.dep_ == "xcomp" and child_with_dep(verb.head, "dobj") is not None:
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
    he believes": Caswell)."""
    return dep in SUBJECT_DEPS and argument_verb(head).dep_ in CLAUSE_MODIFIERS


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
    in a gerund inside a phrase ("released after killing a man": not "a man")."""
    rank = ROLE_RANK.get(dep, len(ROLE_RANK))
    verb = argument_verb(head)
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "pcomp":
        rank += len(ROLE_RANK) + 1
    return rank


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
    """The subject "they" of a clause coordinated after another is the two characters of that
    clause, when there are exactly two ("Raj meets Pooja and they become friends")."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.dep_ != "conj" or verb.head.i > token.i:
        return []
    before = set(verb.head.subtree) - set(verb.subtree)
    return only_pair({state.owners[word.i] for word in before if word.i in state.owners})


@GROUP_RULES.register("pair_of_the_sentence")
def pair_of_the_sentence(state: Resolution, token: Token, _excluded: set[int]) -> list[int]:
    """An uncoordinated "their" is the two characters its sentence has named so far, when
    there are exactly two ("Dahlia, in mediation with ex-husband Kyle over custody of their
    daughter")."""
    if token.dep_ != "poss":
        return []
    return only_pair(characters_named_in(state, state.sentence_of[token.i]))


@GROUP_RULES.register("pair_of_the_previous_sentence")
def pair_of_the_previous_sentence(
    state: Resolution, token: Token, _excluded: set[int]
) -> list[int]:
    """A "they" that opens its sentence, with no group coordinated before it, is the two
    characters of the sentence before, when there are exactly two ("Bhagwaan confronts
    Shambu. They fight")."""
    if token.dep_ != "nsubj" or not opens_its_sentence(token):
        return []
    return only_pair(characters_named_in(state, state.sentence_of[token.i] - 1))


def only_pair(characters: set[int]) -> list[int]:
    """The characters, in order, when they are exactly two; else none."""
    return sorted(characters) if len(characters) == 2 else []


def opens_its_sentence(word: Token) -> bool:
    """The word's phrase comes first in its sentence ("They fight", "The couple spend...")."""
    return word.left_edge.i == word.sent.start or all(
        t.is_punct for t in word.doc[word.sent.start : word.left_edge.i]
    )


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
    gender to the last coordinated group of that many characters whose genders allow it."""
    gender = person_nouns().get(noun.lemma_.lower(), "unknown")
    count = next(
        (group_words("number").get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None
    )
    if gender == "unknown" or count is None or determiner_of(noun) != "the":
        return
    for character in last_group_of_size(state, noun, count, gender):
        state.gender_votes[character][gender] += 3


def last_group_of_size(state: Resolution, word: Token, size: int, gender: str) -> set[int]:
    """The last coordinated group of `size` characters within GROUP_WINDOW sentences before
    the word, whose genders all allow `gender` ("unknown" allows any)."""
    sentence = state.sentence_of[word.i]
    for antecedent in reversed(state.antecedents):
        if antecedent.sentence < sentence - GROUP_WINDOW:
            break
        group = coordinated_characters(state, state.doc[antecedent.head])
        if len(group) == size and (
            gender == "unknown" or all(state.gender(c) in {gender, "unknown"} for c in group)
        ):
            return group
    return set()


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
    start = min(child.i for child in noun.children if child.dep_ == "det")
    for member in sorted(members):
        state.mention(
            noun, member, start, noun.i + 1, "nominal", "definite_group_noun", salient=False
        )


def enclosing_verb(token: Token) -> Token | None:
    """The nearest verb above the token."""
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def enclosing_clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above the token."""
    verb = enclosing_verb(token)
    return subject_of(verb) if verb is not None else None


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


def preposed_adjuncts(subject: Token) -> list[Token]:
    """The adverbial clauses and phrases placed before a subject, on its verb ("Worried about
    her daughter, she"); none for a word that is no subject."""
    if subject.dep_ not in SUBJECT_DEPS:
        return []
    return [
        clause
        for clause in subject.head.lefts
        if clause.dep_ in {"advcl", "prep"} and clause.i < subject.i
    ]


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


def is_thing(noun: Token, owners: dict[int, int]) -> bool:
    """A common noun that is no character ("complications", "the charity")."""
    return noun.pos_ == "NOUN" and noun.i not in owners


def is_inverted_copula(verb: Token, subject: Token) -> bool:
    """A "be" with its subject after it: the phrase before it says where or among whom the
    subject is ("Among her clients were Shirley Temple and Robert Taylor": not Shirley)."""
    return verb.lemma_ == "be" and subject.i > verb.i


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject, none inherited."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


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
    if is_object_read_as_possessive(pronoun):
        verb = pronoun.head.head
    elif pronoun.dep_ in OBJECT_DEPS:
        verb = argument_verb(pronoun)
        if verb.dep_ == "dobj" and pronoun.head.lower_ in NOUN_PHRASE_ARGUMENT_PREPOSITIONS:
            verb = verb.head  # "orders a hit on him": not the one who orders
    else:
        return set()
    return phrase_characters(subject_of(verb), owners)


def argument_verb(word: Token) -> Token:
    """The word a noun phrase is an argument of: its head, or for a prepositional object the
    head of the preposition."""
    return word.head.head if word.dep_ == "pobj" else word.head


@PRONOUN_CONSTRAINTS.register("described_noun")
def described_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """Whom the noun a possessive pronoun belongs to describes, which the pronoun cannot be:
    "Sam becomes his friend", "Inder, her husband" ("his" is not Sam, "her" not Inder)."""
    noun = pronoun.head
    if pronoun.dep_ != "poss":
        return set()
    if noun.dep_ in PREDICATE_DEPS:
        described = subject_of(noun.head)
    elif noun.dep_ == "appos" and not is_in_a_list(noun):
        described = noun.head
    else:
        return set()
    return phrase_characters(described, owners)


@PRONOUN_CONSTRAINTS.register("relative_clause_head")
def relative_clause_head_characters(pronoun: Token, owners: dict[int, int]) -> set[int]:
    """The noun a relative clause modifies fills a gap of the clause, so a subject or object
    pronoun of that clause's verb is someone else ("Alfred Miller, whom he hired": "he" is
    not Miller; "the people she met")."""
    if pronoun.dep_ not in SUBJECT_DEPS | OBJECT_DEPS:
        return set()
    verb = argument_verb(pronoun)
    if verb.dep_ != "relcl":
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
    it ("Simonson answered, ``I think she was a substitute''": not Simonson)."""
    for clause in pronoun.ancestors:
        if clause.dep_ in QUOTED_CLAUSE_DEPS and clause.left_edge.i > 0:
            if pronoun.doc[clause.left_edge.i - 1].text in OPENING_QUOTES:
                return phrase_characters(subject_of(clause.head), owners)
    return set()


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


def phrase_characters(head: Token | None, owners: dict[int, int]) -> set[int]:
    """The characters of a noun phrase and of those coordinated with it."""
    if head is None:
        return set()
    return {owners[word.i] for word in coordinated_phrases(head) if word.i in owners}


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
        extended_description(doc, start, end)
        for start, end, kind in character["mentions"]
        if kind == "nominal"
    ]
    character["aliases"] = list(
        dict.fromkeys([*written, character["name"], *filter(None, modified)])
    )


def extended_description(doc: Doc, start: int, end: int) -> str:
    """The description with the phrases that modify its noun after it ("the boy assigned to
    guard it", "a doctor at a local hospital"), or "" when none follows it."""
    head = doc[end - 1]
    last = end - 1
    for child in head.rights:
        if child.left_edge.i != last + 1 or child.dep_ not in POSTMODIFIER_DEPS:
            break
        last = child.right_edge.i
    return doc[start : last + 1].text if end <= last < start + LONGEST_DESCRIPTION else ""


def possessive_name(doc: Doc, state: Resolution, description: dict) -> str:
    """ "Kavita's personal doctor" for "her personal doctor" said of Kavita."""
    owner = state.characters[description["possessor_character"]]
    possessor_token = doc[description["possessor"]]
    if owner["kind"] != "named":
        possessor = definite_form(state, description)
    elif possessor_token.pos_ == "PRON":
        possessor = owner["name"]
    else:  # the name as the text writes it here ("Menon's wife", not the full name)
        possessor = doc[possessor_token.left_edge.i : possessor_token.i + 1].text
    if not possessor:
        return ""
    start, end = description["span"]
    rest = [
        t.lemma_ if t.i == end - 1 and t.tag_ == "NNS" else t.text  # "one of his men": "man"
        for t in doc[start:end]
        if t.i > description["possessor"]
        and t.tag_ != "POS"
        and t.text not in POSSESSIVE_MARKS
        and t.dep_ != "det"
    ]
    return f"{possessor}'s {' '.join(rest)}" if rest else ""


def definite_form(state: Resolution, description: dict) -> str:
    """ "the maid" for a possessor that is itself an unnamed character described as a maid."""
    possessor = description["possessor_character"]
    nouns = [d["noun"] for d in state.descriptions if d.get("character") == possessor]
    return f"the {nouns[0]}" if nouns else ""
