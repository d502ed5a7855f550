"""Stage 3 (factory "coref"): links pronouns and descriptions to the characters they refer to.

One left-to-right pass, entity-centric (a character's gender is shared by all its mentions):
- a name mention makes its character salient; a name a naming verb gives to a character
  already met is another name of it ("calls himself THE Roger Patel", "Tom, known as Ace";
  models/lexicons/naming_verbs.tsv), and the two become one character;
- a description ("her husband", "Seema's father", "the maid") goes to the character already
  known by the same noun and possessor ("her husband, Inder" makes Inder "Pooja's husband", so a
  later "her husband" said of Pooja is Inder, and Pooja "his wife" said of Inder; "husband and
  wife Rawdon and Miranda" makes each known by the other's noun), a definite
  one to the named character whose title is its noun ("Captain Hook ... the captain";
  models/lexicons/honorifics.tsv) or to the last character described by that noun (after
  the noun in the plural, the last given the same adjective: "Two doctors ... The younger
  doctor ... the senior doctor");
  otherwise it starts an unnamed character;
- a third-person singular pronoun goes to a compatible character (gender -- the first-name
  prior only narrows the choice, and never vetoes the subject after a phrase placed before
  it: "During her time on the show, Allen..."; a possessive it leaves without a candidate
  stays unresolved: "Mary rejects his proposal"; a subject pronoun leaves to its verb's object
  pronoun of the other gender the one character that one can be: "Luc rescues Madeleine. She
  thanks him" --, never a creature, and a non-reflexive
  object pronoun never refers to its clause's subject, also one its verb shares: "ambushes
  her and pins her down", or one inside the verb's object: "orders a hit on him", nor the
  subject of a causative "have": "Gordon has her brought in", but "with him" after a verb of
  taking may be: "takes Bess with him"; a "her" the parser took for
  the possessive of no noun is an object: "catches her red-handed")
  of the current or the two previous sentences (a subject or object pronoun of a relative
  clause is not the noun the clause modifies: "Miller, whom he hired", though an object may be
  the noun that owns the clause's subject: "Marky, whose father gives her away"; no pronoun of a
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
  "Krauss asked Brown to join her band"), for a possessive opening its sentence the one
  character the same possessive meant in the sentence before ("her publicist ... Her
  manager"), the character known to be of its gender that an earlier subject or object
  pronoun of that gender in its sentence is, when the most salient candidate is not known to
  be ("Hayes attempts to rape her, and she shoots him"), then subjects (those of main clauses
  before those of relative clauses the pronoun is not in), then any mention, the most recent
  first; a relative named to identify someone ranks a step lower ("Margaret, daughter of
  James Whittle"), and so does kin owned through "whose" ("Melisande, whose mother ...");
- a plural pronoun ("they", "their") goes to the last coordinated group of characters, else
  to the only two characters of the clause it is coordinated after ("Raj meets Pooja and
  they..."), of its sentence ("their") or of the sentence before (a "they" opening its
  sentence, or an object "them" in a sentence naming no one else; with the one before it when
  it names only one), a group noun ("the trio", "the
  couple"; models/lexicons/group_words.tsv) to the last coordinated group of its size, else,
  opening its sentence, to the characters of the sentence before when they are that many
  ("the two" too), a "their" before a child noun no pair explains to the couple the text has
  made known ("Yancey marries Sabra ... their daughter"), a counted plural ("the three men")
  gives its gender to the last group of
  that size, and a possessed plural of parents, children or siblings ("his children", "their
  sons") is each named character known so far as the possessor's kin of that kind;
- "it" goes to a creature character ("the shark") of this or the previous sentence.
Resolved pronouns and descriptions become `pronoun` and `nominal` mentions of the characters it
writes to `Doc._.characters` (the named ones of `Doc._.names` first, in their order); unnamed
characters mentioned only in passing are marked `incidental`: one who only owns something
("her father's trust fund"), or an indefinite said once in what does not happen or only may
("can't afford to date a shop girl"). `Doc._.description_links` gives
each description's character and its possessor's, for the relation stage, and
`Doc._.mention_rules` the rule that resolved each mention. The rules are named in
models/rules/rules.tsv, in the order they are tried, and each can be switched off.

Modules: `state` (the pass's state), `pronouns` (constraints and preferences), `groups` (plural
pronouns, group nouns, counted plurals, kin groups), `descriptions`, `names` (other names, kin
pairs), `clauses` (the clause helpers they share).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.document import Character, run_guarded
from extract.lexicons import group_words, stage_settings
from extract.phrases import determiner_of
from extract.rules import ALL_RULES, RuleSet
from extract.stages.coref.descriptions import (
    ORDINAL_REFERENCES,
    is_only_a_possessor,
    is_ordinal_adjective,
    is_unreal_indefinite,
    name_unnamed_character,
    register_couple_ties,
    resolve_description,
    resolve_former_latter,
)
from extract.stages.coref.groups import (
    resolve_counted_group,
    resolve_counted_pronoun,
    resolve_group_noun,
    resolve_kin_group,
)
from extract.stages.coref.names import merge_other_name, register_kin_pair
from extract.stages.coref.pronouns import resolve_pronoun
from extract.stages.coref.state import DEFAULT_SETTINGS, CorefSettings, Resolution


@Language.factory(
    "coref",
    assigns=["doc._.characters", "doc._.description_links", "doc._.mention_rules"],
    requires=["doc._.names", "doc._.descriptions"],
    default_config={"disabled_rules": [], **stage_settings("coref")},
)
def make_coref(
    nlp: Language,
    name: str,
    disabled_rules: list[str],
    sentence_window: int,
    group_window: int,
    description_gender_weight: int,
    pronoun_gender_weight: int,
    longest_description: int,
) -> CoreferenceResolver:
    settings = CorefSettings(
        sentence_window,
        group_window,
        description_gender_weight,
        pronoun_gender_weight,
        longest_description,
    )
    return CoreferenceResolver(RuleSet(disabled_rules), settings)


class CoreferenceResolver:
    """Adds resolved pronouns and descriptions to the characters of a Doc."""

    def __init__(self, rules: RuleSet = ALL_RULES, settings: CorefSettings = DEFAULT_SETTINGS):
        self.rules = rules
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(
            doc, "coref", "characters", lambda d: resolve_mentions(d, self.rules, self.settings)
        )


def resolve_mentions(
    doc: Doc, rules: RuleSet = ALL_RULES, settings: CorefSettings = DEFAULT_SETTINGS
) -> list[Character]:
    """The Doc's characters with pronoun and description mentions (and unnamed characters);
    `doc._.mention_rules` says which rule resolved each mention."""
    state = Resolution(doc, rules, settings)
    doc._.mention_rules = state.mention_rules
    descriptions_at = {d["head"]: d for d in state.descriptions}
    sentence_ends = {sentence.end - 1: sentence for sentence in doc.sents}
    for token in doc:
        word = token.lower_
        if token.i in state.name_ends:
            if rules.on("other_name"):
                merge_other_name(state, token)
            state.make_salient(token, state.name_ends[token.i])
            if rules.on("kin_pair_tie"):
                register_kin_pair(state, token)
        elif token.i in descriptions_at:
            resolve_description(state, token, descriptions_at.pop(token.i), descriptions_at)
        elif (
            word in ORDINAL_REFERENCES
            and token.i > 0
            and doc[token.i - 1].lower_ == "the"
            and not is_ordinal_adjective(token)
        ):
            if rules.on("former_latter"):
                resolve_former_latter(state, token)
        elif token.tag_ == "NNS":
            is_kin_group = rules.on("kin_group") and resolve_kin_group(state, token)
            if rules.on("counted_group") and not is_kin_group:
                resolve_counted_group(state, token)
        elif token.pos_ == "NUM" and word in group_words("number"):
            if rules.on("counted_group"):
                resolve_counted_pronoun(state, token)
        elif word in group_words("noun") and determiner_of(token) == "the":
            if rules.on("definite_group_noun"):
                resolve_group_noun(state, token)
        else:
            resolve_pronoun(state, token)
        if token.i in sentence_ends and rules.on("couple_verb_tie"):
            register_couple_ties(state, sentence_ends[token.i])
    kept = [i for i in range(len(state.characters)) if i not in state.merged]
    for index in kept:
        character = state.characters[index]
        character["mentions"].sort()
        character["gender"] = state.gender(index)
        if character["kind"] == "nominal":
            name_unnamed_character(doc, state, index)
            character["incidental"] = is_only_a_possessor(doc, character) or (
                rules.on("unreal_indefinite") and is_unreal_indefinite(doc, character)
            )
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
