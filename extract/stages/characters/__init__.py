"""Stage 2 (factory "characters"): the people of a synopsis.

Named characters come from document-level evidence: every capitalised name is a candidate, each
of its occurrences adds clues for or against being a person (models/rules/person_evidence.tsv:
the base model's entity label, a title before it, being the subject of "say" or "love", the
possessor of "maid", in apposition with "husband", the object of "in", a known first name not
tagged a place...), and the clues of all forms of one name are summed, so one good clue fixes
every occurrence. Shorter forms join the one longer name they are part of ("Katniss" -> "Katniss
Everdeen"), and the first name of a full name is a form of it wherever it stands; a lone name
misspelling another joins it ("Dorthy" -> "Dorothy"); a unit or place written before a title is
no part of a name ("Navy Lieutenant Greg Winters"); a form shared by several names (a surname)
goes to the one mentioned last, among those whose first name fits a title before it ("Mr.
Hasson"); under a title of the other gender than the full name's first name, it is a relative of
its own ("Mary Doyle ... her father, Mr. Doyle").
A participle opening a sentence ("Suspecting Cilla was...") is no part of a name.

`Doc._.names` holds every possible named person: names whose evidence is weak stay on it as
antecedents for the coref stage, and so do real people (a film's director); `is_character`
tells which are the story's characters. Each keeps the clues that made it (`clues`).

Unnamed characters start here as descriptions: singular noun phrases headed by a person noun
("Seema's father", "her maid", "the farmer", "another woman"), and one person picked from
someone's people ("one of his gangmembers", determiner `partitive`). The coref stage resolves
their possessors and decides which describe the same person.

`Doc._.names` holds `Character` records and `Doc._.descriptions` `Description` records (see
extract/document.py); `name_prior` is the gender usually given to the first name
(models/lexicons/first_names.tsv; none for a person named by a lone word that is mostly a
surname, models/lexicons/surnames.tsv), a last resort for the coref stage.

Modules: `names` (name forms, their clusters and occurrences, actors), `evidence` (the clues of
each occurrence), `profile` (gender and descriptors), `descriptions`.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.document import Character, run_guarded
from extract.lexicons import is_first_name, person_evidence_weights, real_person_clues
from extract.rules import ALL_RULES, RuleSet
from extract.stages.characters.descriptions import find_descriptions
from extract.stages.characters.evidence import (
    PERSON_ONLY_CLUES,
    coordinated_with_persons,
    is_common_word_opening,
    name_clues,
    name_score,
)
from extract.stages.characters.names import (
    NameForm,
    actors_by_form,
    assign_shared_forms,
    candidate_name_forms,
    cluster_name_forms,
    find_name_mentions,
    first_name_prior,
    is_title,
    join_actor_surnames,
    split_titled_relatives,
    with_title,
)
from extract.stages.characters.profile import descriptors_of, name_gender
from extract.syntax import base_modifiers, base_verbs


@Language.factory(
    "characters",
    assigns=["doc._.names", "doc._.descriptions"],
    requires=["doc.ents", "token.pos", "token.tag", "token.dep", "token.lemma"],
    default_config={"disabled_rules": []},
)
def make_characters(nlp: Language, name: str, disabled_rules: list[str]) -> CharacterFinder:
    return CharacterFinder(base_verbs(nlp), RuleSet(disabled_rules), base_modifiers(nlp))


class CharacterFinder:
    """Finds the named characters and the person descriptions of a Doc."""

    def __init__(
        self,
        verbs: frozenset[str] = frozenset(),
        rules: RuleSet = ALL_RULES,
        modifiers: frozenset[str] = frozenset(),
    ):
        self.verbs = verbs
        self.rules = rules
        self.modifiers = modifiers

    def __call__(self, doc: Doc) -> Doc:
        run_guarded(
            doc,
            "characters",
            "names",
            lambda d: find_named_characters(d, self.verbs, self.rules, self.modifiers),
        )
        return run_guarded(doc, "characters", "descriptions", find_descriptions)


def name_evidence(
    doc: Doc,
    verbs: frozenset[str],
    rules: RuleSet,
    weights: dict[str, float],
    modifiers: frozenset[str] = frozenset(),
) -> tuple[list[list[tuple[int, int, NameForm]]], list[list[str]], list[float]]:
    """Every name of `doc` (its mentions), the clues of its occurrences and their summed
    `weights`, before any threshold."""
    clusters = cluster_name_forms(candidate_name_forms(doc, verbs, modifiers))
    mentions = assign_shared_forms(doc, clusters, find_name_mentions(doc, clusters))
    mentions = split_titled_relatives(doc, mentions)
    if rules.on("actor_surname"):
        mentions = join_actor_surnames(doc, mentions, verbs, modifiers)
    clues = [
        [
            clue
            for start, end, _form in cluster_mentions
            for clue in name_clues(doc, start, end, verbs)
            if rules.on(clue)
        ]
        for cluster_mentions in mentions
    ]
    if rules.on("common_word_opening"):
        for index, cluster_mentions in enumerate(mentions):
            if is_common_word_opening(doc, cluster_mentions):
                clues[index].append("common_word_opening")
    for cluster_mentions, cluster_clues in zip(mentions, clues, strict=True):
        if cluster_clues.count("noun_modifier") == len(cluster_mentions):
            # only ever a modifier ("the old Tucker family"): a PERSON tag says nothing of
            # anyone in the story
            cluster_clues[:] = [clue for clue in cluster_clues if clue != "person_entity"]
        if "known_place" in cluster_clues and is_first_name_written_as_a_person(
            cluster_mentions, cluster_clues
        ):
            cluster_clues[:] = [clue for clue in cluster_clues if clue != "known_place"]
    scores = [name_score(cluster_clues, weights) for cluster_clues in clues]
    if rules.on("coordinated_with_person"):  # one more clue, once the others are summed
        for index in coordinated_with_persons(doc, mentions, scores):
            clues[index].append("coordinated_with_person")
            scores[index] += weights["coordinated_with_person"]
    return mentions, clues, scores


def is_first_name_written_as_a_person(
    cluster_mentions: list[tuple[int, int, NameForm]], cluster_clues: list[str]
) -> bool:
    """A one-word first name written as a place that some occurrence shows to be a person
    ("Virginia, who ...", "her daughter Virginia"), however the base model tagged it."""
    return all(
        len(form) == 1 and is_first_name(form[0]) for _start, _end, form in cluster_mentions
    ) and not PERSON_ONLY_CLUES.isdisjoint(cluster_clues)


def character_name(doc: Doc, longest: tuple[int, int, NameForm], spans: list[Span]) -> str:
    """The longest name form; with its title when the character is known only by a title and
    one name ("Mrs. Haskell", beside a "Walter Haskell" who is someone else)."""
    start, end, form = longest
    if len(form) == 1 and all(len(span) > 1 and is_title(span[0]) for span in spans):
        return with_title(doc, start, end).text
    return doc[start:end].text


def find_named_characters(
    doc: Doc,
    verbs: frozenset[str] = frozenset(),
    rules: RuleSet = ALL_RULES,
    modifiers: frozenset[str] = frozenset(),
) -> list[Character]:
    """Named characters of `doc`, ordered by first mention, each with the clues that made it
    one. `verbs` are base forms known as verbs, to tell an opening participle from a name
    ("Suspecting Cilla was..."), `modifiers` the adjectives and adverbs ("Distraught, she");
    clues switched off in `rules` are not counted."""
    weights = person_evidence_weights()
    mentions, clues, scores = name_evidence(doc, verbs, rules, weights, modifiers)
    actors = actors_by_form(doc, verbs, modifiers)
    characters = []
    for cluster_mentions, cluster_clues, score in zip(mentions, clues, scores, strict=True):
        if score < weights["candidate_threshold"] or not cluster_mentions:
            continue
        spans = [with_title(doc, start, end) for start, end, _form in cluster_mentions]
        forms = list(dict.fromkeys(form for _start, _end, form in cluster_mentions))
        longest = max(cluster_mentions, key=lambda mention: len(mention[2]))
        characters.append(
            {
                "name": character_name(doc, longest, spans),
                "aliases": list(dict.fromkeys(span.text for span in spans)),
                "kind": "named",
                "gender": name_gender(spans),
                "descriptors": descriptors_of(spans),
                "actor": next((actors[form] for form in forms if form in actors), None),
                "mentions": [[span.start, span.end, "name"] for span in spans],
                "name_prior": first_name_prior(longest[2], score >= weights["threshold"]),
                "evidence": score,
                "clues": dict(Counter(cluster_clues)),
                "real_person": 2 * sum(clue in real_person_clues() for clue in cluster_clues)
                >= len(cluster_mentions),
            }
        )
    characters.sort(key=lambda character: character["mentions"][0][0])
    return characters
