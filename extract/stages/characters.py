"""Stage 2 (factory "characters"): the people of a synopsis.

Named characters come from document-level evidence: every capitalised name is a candidate, each
of its occurrences adds clues for or against being a person (models/rules/person_evidence.tsv:
the base model's entity label, a title before it, being the subject of "say" or "love", the
possessor of "maid", in apposition with "husband", the object of "in", a known first name not
tagged a place...), and the clues of all forms of one name are summed, so one good clue fixes
every occurrence. Shorter forms join the one longer name they are part of ("Katniss" ->
"Katniss Everdeen"), and the first name of a full name is a form of it wherever it stands; a
form shared by several names (a surname) goes to the one mentioned last, among those whose
first name fits a title before it ("Mr. Hasson"); under a title of the other gender than the
full name's first name, it is a relative of its own ("Mary Doyle ... her father, Mr. Doyle").
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
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.document import Character, characters_by_token, run_guarded
from extract.lexicons import (
    animate_verbs,
    creature_nouns,
    crew_nouns,
    first_name_genders,
    generic_person_nouns,
    honorifics,
    kinship_nouns,
    motion_verbs,
    name_particles,
    nonperson_heads,
    once_per_name_clues,
    person_evidence_weights,
    person_nouns,
    personal_nouns,
    real_person_clues,
    relation_types,
    surnames,
    work_nouns,
)
from extract.phrases import (
    PLURAL_TAGS,
    copula_subject,
    determiner_of,
    fronted_apposition_subject,
    is_person_noun,
    kin_holder,
    kin_pair_before,
    kin_pair_title,
    person_noun_lemma,
)
from extract.rules import ALL_RULES, RuleSet
from extract.syntax import (
    active_subject,
    base_verbs,
    child_with_dep,
    first_conjunct,
    is_participle_form_of,
)

NameForm = tuple[str, ...]

OTHER_ENTITIES = {"GPE", "ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW",
                  "LANGUAGE"}  # fmt: skip
PLACE_ENTITIES = {"GPE", "LOC", "FAC", "NORP"}
NUMBER_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
LOCATIVE_PREPOSITIONS = {"in", "at", "into", "inside", "near", "across", "through", "throughout",
                         "around", "outside", "within", "onto"}  # fmt: skip
DIRECTION_PREPOSITIONS = {"to", "from", "towards", "toward"}
COMPARISON_PREPOSITIONS = {"like", "unlike", "la"}
PERSON_RELATIVES = {"who", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "him", "his", "himself", "herself"}
DEFINITE = {"the", "this", "that"}
INDEFINITE = {"a", "an", "another", "one"}
INDEFINITE_ARTICLES = {"a", "an"}
OTHER_GENDER = {"male": {"female"}, "female": {"male"}}
IMPLICIT_KIN_CATEGORIES = {"family", "romance"}
TITLE_DEPS = {"compound", "amod"}  # "sister Zoya", "assistant Zafar" (taken for an adjective)
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos"}


@Language.factory(
    "characters",
    assigns=["doc._.names", "doc._.descriptions"],
    requires=["doc.ents", "token.pos", "token.tag", "token.dep", "token.lemma"],
    default_config={"disabled_rules": []},
)
def make_characters(nlp: Language, name: str, disabled_rules: list[str]) -> CharacterFinder:
    return CharacterFinder(base_verbs(nlp), RuleSet(disabled_rules))


class CharacterFinder:
    """Finds the named characters and the person descriptions of a Doc."""

    def __init__(self, verbs: frozenset[str] = frozenset(), rules: RuleSet = ALL_RULES):
        self.verbs = verbs
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        run_guarded(
            doc,
            "characters",
            "names",
            lambda d: find_named_characters(d, self.verbs, self.rules),
        )
        return run_guarded(doc, "characters", "descriptions", find_descriptions)


# Named characters ---------------------------------------------------------------------------


def find_named_characters(
    doc: Doc, verbs: frozenset[str] = frozenset(), rules: RuleSet = ALL_RULES
) -> list[Character]:
    """Named characters of `doc`, ordered by first mention, each with the clues that made it
    one. `verbs` are base forms known as verbs, to tell an opening participle from a name
    ("Suspecting Cilla was..."); clues switched off in `rules` are not counted."""
    clusters = cluster_name_forms(candidate_name_forms(doc, verbs))
    mentions = assign_shared_forms(doc, clusters, find_name_mentions(doc, clusters))
    mentions = split_titled_relatives(doc, mentions)
    clues = [
        [
            clue
            for start, end, _form in cluster_mentions
            for clue in name_clues(doc, start, end)
            if rules.on(clue)
        ]
        for cluster_mentions in mentions
    ]
    weights = person_evidence_weights()
    scores = [name_score(cluster_clues, weights) for cluster_clues in clues]
    if rules.on("coordinated_with_person"):  # one more clue, once the others are summed
        for index in coordinated_with_persons(doc, mentions, scores):
            clues[index].append("coordinated_with_person")
            scores[index] += weights["coordinated_with_person"]
    actors = actors_by_form(doc)
    characters = []
    for cluster_mentions, cluster_clues, score in zip(mentions, clues, scores, strict=True):
        if score < weights["candidate_threshold"] or not cluster_mentions:
            continue
        spans = [with_title(doc, start, end) for start, end, _form in cluster_mentions]
        forms = list(dict.fromkeys(form for _start, _end, form in cluster_mentions))
        longest = max(cluster_mentions, key=lambda mention: len(mention[2]))
        characters.append(
            {
                "name": doc[longest[0] : longest[1]].text,
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


def first_name_prior(form: tuple[str, ...], is_person: bool) -> str:
    """The gender usually given to the form's first word, none for a person named by one word
    that is mostly a surname, alone or joined to another by a hyphen ("Williams", "Carter",
    "Kenney-Silver": biographies name people so). A name not shown to be a person keeps it
    ("leave Washington"): it keeps pronouns of the other gender off what may be a place."""
    surname_only = len(form) == 1 or form[1] == "-"
    if surname_only and is_person and form[0].lower() in surnames():
        return "unknown"
    return first_name_genders().get(form[0].lower(), "unknown")


def is_title(token: Token) -> bool:
    return token.text.rstrip(".") in honorifics() and token.text[:1].isupper()


def is_name_token(token: Token) -> bool:
    """A capitalised word that may be part of a person's name (not a plural: "the Lowells",
    unless a singular person noun is apposed to it: "Idrees, a teenager", which the small
    parser tagged a plural for its final s)."""
    text = token.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text) or text == "I":
        return False
    if token.tag_ == "NNPS":
        return determiner_of(token) is None and any(
            child.dep_ == "appos" and child.tag_ == "NN" and is_person_noun(child)
            for child in token.children
        )
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


def is_name_hyphen(token: Token) -> bool:
    """The hyphen inside a name such as "T-Bone"."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and is_name_token(doc[token.i + 1])
    )


def is_name_particle(token: Token) -> bool:
    """A lower-case particle inside a name ("van" in "Johan van Dorth"): a name word follows."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    return (
        token.text in name_particles()
        and len(following) > 0
        and (
            is_name_token(following[0])
            or len(following) == 2
            and following[0].text in name_particles()
            and is_name_token(following[1])
        )
    )


def candidate_name_forms(doc: Doc, verbs: frozenset[str] = frozenset()) -> list[NameForm]:
    """Distinct maximal runs of name tokens (titles and an opening participle left out), plus
    actor-noted names."""
    forms: dict[NameForm, None] = {}
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and (
            is_name_token(token) or run and (is_name_hyphen(token) or is_name_particle(token))
        ):
            if run or not (is_title(token) or is_opening_participle(token, verbs)):
                run.append(token)
                continue
        form = name_form(run)
        if form and not is_common_noun_name(form):
            forms[form] = None
        run = []
    for span, _actor in actor_noted_names(doc):
        forms[name_form(list(span))] = None
    # "Ellen Ward ... Ellen catches the eye" with "Ellen" tagged an adjective there: the first
    # name of a full name is a form of it wherever it stands
    for form in list(forms):
        if len(form) > 1 and form[0].lower() in first_name_genders():
            forms.setdefault((form[0],), None)
    return [form for form in forms if form]


def is_opening_participle(token: Token, verbs: frozenset[str]) -> bool:
    """A participle opening its sentence that the small parser tagged a proper noun:
    "Suspecting Cilla was having an affair, Les...", "Overhearing Rito..." (not a first name
    such as "Irving")."""
    return (
        token.is_sent_start
        and token.lower_ not in first_name_genders()
        and is_participle_form_of(token.text, verbs)
    )


def name_form(tokens: list[Token] | Span) -> NameForm:
    """The words of a name, without titles in front or punctuation around (hyphens kept)."""
    words = [
        token.text.rstrip(".")
        for token in tokens
        if token.text == "-" or any(c.isalpha() for c in token.text)
    ]
    while words and (words[0] == "-" or is_title_word(words[0]) and len(words) > 1):
        words.pop(0)
    while words and words[-1] == "-":
        words.pop()
    return tuple(words)


def is_title_word(word: str) -> bool:
    """A title ("Mr", "Inspector") or a film-crew noun ("Director") written before a name."""
    return word.rstrip(".") in honorifics() or word.lower() in crew_nouns()


def is_common_noun_name(form: NameForm) -> bool:
    """A capitalised person noun used as a name ("Dad", "Mommy") is not a proper name."""
    return len(form) == 1 and form[0].lower() in person_nouns()


def cluster_name_forms(forms: list[NameForm]) -> list[list[NameForm]]:
    """Group name forms of one person: a form joins the single longer form containing all its
    words, or a full name it only spells with a letter doubled or not ("Mooppil Nair" and
    "Moopil Nair"); a form contained in several (a shared surname) stays on its own."""
    clusters: list[list[NameForm]] = []
    spellings: dict[tuple[str, ...], list[list[NameForm]]] = {}  # full names by spelling_key
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        words = name_words(form)
        key = spelling_key(form) if len(form) > 1 else None
        homes = [
            cluster
            for cluster in clusters
            if len(form) < len(cluster[0]) and words <= name_words(cluster[0])
        ] + spellings.get(key, [])
        if len(homes) == 1:
            homes[0].append(form)
        else:
            clusters.append([form])
            if key is not None:
                spellings.setdefault(key, []).append(clusters[-1])
    return clusters


def spelling_key(form: NameForm) -> tuple[str, ...]:
    """The name's words in lower case with doubled letters written once."""
    return tuple(re.sub(r"(.)\1+", r"\1", word.lower()) for word in form)


def name_words(form: NameForm) -> Counter[str]:
    """The words of a name form, particles in lower case ("Van Dorth" ~ "Johan van Dorth")."""
    return Counter(word.lower() if word.lower() in name_particles() else word for word in form)


def find_name_mentions(
    doc: Doc, clusters: list[list[NameForm]]
) -> list[list[tuple[int, int, NameForm]]]:
    """Occurrences of every name form, longest match first, never overlapping, whatever label
    the base model gave them there."""
    owner = {form: index for index, cluster in enumerate(clusters) for form in cluster}
    by_first_word: dict[str, list[NameForm]] = {}
    for form in sorted(owner, key=len, reverse=True):
        by_first_word.setdefault(form[0], []).append(form)
    found: list[list[tuple[int, int, NameForm]]] = [[] for _ in clusters]
    i = 0
    while i < len(doc):
        match = next(
            (
                form
                for form in by_first_word.get(doc[i].text.rstrip("."), ())
                if tuple(token.text.rstrip(".") for token in doc[i : i + len(form)]) == form
            ),
            None,
        )
        if match is None:
            i += 1
            continue
        if not is_indefinite_name(doc[i : i + len(match)]):
            found[owner[match]].append((i, i + len(match), match))
        i += len(match)
    return found


def is_indefinite_name(span: Span) -> bool:
    """A name under "a"/"an" names a kind, not a character: "not a Patel", "a professional
    Patel man named Prem" (but "an impressed Semyon" is Semyon)."""
    last = span[-1]
    if last.dep_ == "compound" and is_person_noun(last.head):
        return any(child.lower_ in INDEFINITE_ARTICLES for child in last.head.children)
    return span.start > 0 and span.doc[span.start - 1].lower_ in INDEFINITE_ARTICLES


def assign_shared_forms(
    doc: Doc, clusters: list[list[NameForm]], mentions: list[list[tuple[int, int, NameForm]]]
) -> list[list[tuple[int, int, NameForm]]]:
    """A form shared by several names ("Carter" for John and Joel Carter) refers to the one
    mentioned last before it, by any of its forms, among those whose first name fits the
    gender of its title ("Mr. Hasson": Victor, not Shifra). Before any of them it is a person
    of its own ("Hailey was born ... She and her husband, Oliver Hailey")."""
    moved = [list(cluster_mentions) for cluster_mentions in mentions]
    for index, cluster in enumerate(clusters):
        form = Counter(cluster[0])
        homes = [
            other
            for other, candidate in enumerate(clusters)
            if len(candidate[0]) > len(cluster[0])
            and form <= Counter(candidate[0])
            and mentions[other]
        ]
        if len(homes) < 2:
            continue
        kept = []
        for start, end, name in mentions[index]:
            fitting = homes_fitting_title(doc, start, homes, clusters)
            before = [(m[0], home) for home in fitting for m in moved[home] if m[0] < start]
            if not before:
                kept.append((start, end, name))
                continue
            moved[max(before)[1]].append((start, end, name))
        moved[index] = kept
    for cluster_mentions in moved:
        cluster_mentions.sort()
    return moved


def split_titled_relatives(
    doc: Doc, mentions: list[list[tuple[int, int, NameForm]]]
) -> list[list[tuple[int, int, NameForm]]]:
    """A shorter form whose title is of the other gender than the full name's first name is
    a relative, a person of its own ("Mary McDonagh, the daughter of a Mr. McDonagh"): one
    per form and title gender."""
    kept, relatives = [], {}
    for cluster_mentions in mentions:
        longest = max((form for _s, _e, form in cluster_mentions), key=len, default=())
        given = first_name_genders().get(longest[0].lower()) if len(longest) > 1 else None
        own = []
        for start, end, form in cluster_mentions:
            title = title_gender(doc, start)
            if (
                given is not None
                and len(form) < len(longest)
                and title in OTHER_GENDER.get(given, ())
            ):
                relatives.setdefault((form, title), []).append((start, end, form))
            else:
                own.append((start, end, form))
        kept.append(own)
    return kept + list(relatives.values())


def title_gender(doc: Doc, start: int) -> str | None:
    """The gender of the title right before `start` ("Mr.": male), if there is a title."""
    return honorifics().get(doc[start - 1].text.rstrip(".")) if start > 0 else None


def homes_fitting_title(
    doc: Doc, start: int, homes: list[int], clusters: list[list[NameForm]]
) -> list[int]:
    """The full names whose first name is given to the gender of the title before `start`
    ("Mr.", "Mrs."), else those not given to the other gender, else all of them."""
    title = title_gender(doc, start)
    if title not in {"male", "female"}:
        return homes
    genders = {home: first_name_genders().get(clusters[home][0][0].lower()) for home in homes}
    fitting = [home for home in homes if genders[home] == title]
    return fitting or [home for home in homes if genders[home] in {None, title}] or homes


def with_title(doc: Doc, start: int, end: int) -> Span:
    """The mention span, with the title before the name when there is one."""
    return doc[start - 1 : end] if start > 0 and is_title(doc[start - 1]) else doc[start:end]


def name_score(clues: list[str], weights: dict[str, float]) -> float:
    """The summed weights of a name's clues, those about its written form counted once."""
    once = once_per_name_clues()
    return sum(weights[clue] for clue in clues if clue not in once) + sum(
        weights[clue] for clue in set(clues) & once
    )


# Person clues -------------------------------------------------------------------------------


def name_clues(doc: Doc, start: int, end: int) -> list[str]:
    """The clues one occurrence of a name gives for (or against) being a person."""
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
    if entity not in PLACE_ENTITIES and doc[start].text.lower() in first_name_genders():
        clues.append("first_name")
    if entity != "PERSON" and doc[end - 1].lower_ in nonperson_heads():
        clues.append("nonperson_head")
    if span.end_char in actor_anchors(doc):
        clues.append("actor_note")
    if relative_who_follows(doc, end):
        clues.append("relative_who")
    if pronoun_follows(doc, end):
        clues.append("pronoun_follows")
    clues.extend(role_clues(head))
    apposed = [child for child in head.children if child.dep_ in {"compound", "appos"}]
    if head.dep_ in {"appos", "compound"}:
        apposed.append(head.head)
    if any(is_crew_noun(token) for token in [*span, *apposed, *doc[max(start - 1, 0) : start]]):
        clues.append("crew_apposition")
    return clues


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
    sentence = doc[end - 1].sent
    limit = sentence.end
    if limit < len(doc):
        limit = doc[limit].sent.end
    for token in doc[end:limit]:
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
    if dep == "nsubj":
        clues.append("animate_subject" if governor.lemma_ in animate_verbs() else "subject")
    elif dep in {"nsubjpass", "dobj"} and governor.lemma_ in animate_verbs():
        clues.append("object_of_person_verb")
    elif dep == "poss" and person_noun_lemma(governor) is not None:
        clues.append("person_possessor")
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
    elif dep == "poss" and governor.lemma_.lower() in work_nouns():
        clues.append("work_possessor")
    elif dep == "poss" and governor.lemma_.lower() in personal_nouns():
        clues.append("personal_possessor")
    if is_person_apposition(head):
        clues.append("person_apposition")
    return clues


def is_crew_noun(token: Token) -> bool:
    return token.lower_ in crew_nouns()


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


def comma_apposition(name: Token) -> Token | None:
    """The person noun of ", a beautiful young woman" right after a name, if any."""
    doc = name.doc
    after = name.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].lower_ not in INDEFINITE:
        return None
    for token in doc[after + 2 : after + 8]:
        if is_person_noun(token):
            return token
        if token.pos_ not in {"ADJ", "NOUN", "CCONJ", "ADV", "PUNCT"} or token.text in {".", ";"}:
            return None
    return None


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


# Gender and descriptors ---------------------------------------------------------------------


def name_gender(spans: list[Span]) -> str:
    """Gender from titles and person nouns in apposition; "unknown" when they say nothing."""
    votes: Counter[str] = Counter()
    for span in spans:
        if is_title(span[0]):
            votes[honorifics()[span[0].text.rstrip(".")]] += 1
        for noun in apposed_person_nouns(span.root):
            votes[person_nouns()[person_noun_lemma(noun)]] += 1
    votes.pop("unknown", None)
    if not votes or len(set(votes.values())) == 1 and len(votes) > 1:
        return "unknown"
    return votes.most_common(1)[0][0]


def apposed_person_nouns(name: Token) -> list[Token]:
    """Person nouns that describe the name directly: its head in apposition (also through a
    coordination: "their wives Bhavana, Diya and Sonia"), a compound or appositive child, or
    the predicate of a copula it is the subject of."""
    nouns = [
        child
        for child in name.children
        if child.dep_ in {"compound", "appos"}
        and is_person_noun(child)
        and kin_pair_before(child) is None
    ]
    pair_noun = kin_pair_title(name)
    if pair_noun is not None:
        nouns.append(pair_noun)
    first = name
    while first.dep_ == "conj" and first.head is not first:
        if first.head.tag_ in PLURAL_TAGS and is_person_noun(first.head):
            return [*nouns, first.head]  # "two daughters, Namrata and Ritu", misparsed
        first = first.head
    if first.dep_ in {"appos", "acl", "npadvmod"}:
        # the parser may hang the name on a noun further back ("the three men come across
        # three beauties: Madhuri"): the nearest noun before the name is the one it describes
        nearest = next(
            (t for t in reversed(first.doc[first.head.i : first.i]) if t.pos_ == "NOUN"), None
        )
        if nearest is not None and is_person_noun(nearest):
            nouns.append(nearest)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        nouns.extend(c for c in name.head.children if c.dep_ == "attr" and is_person_noun(c))
    return nouns


def descriptors_of(spans: list[Span]) -> list[str]:
    """Role nouns said of the character: appositions ("a courtesan Munnibhai"), copular
    predicates ("Deepak is a lawyer") and "as" phrases ("appears as public prosecutor")."""
    found: dict[str, None] = {}
    for span in spans:
        name = span.root
        nouns = apposed_person_nouns(name)
        if name.dep_ == "nsubj":
            nouns.extend(as_phrase_nouns(name.head))
        for noun in nouns:
            if is_role_noun(person_noun_lemma(noun)):
                found[descriptor_text(noun)] = None
    return list(found)


def is_role_noun(lemma: str) -> bool:
    """A person noun that says what someone is or does ("lawyer", "maid"), not only how they
    stand to another ("sister") or that they are a person ("man")."""
    kinship = kinship_nouns().get(lemma)
    if kinship is not None and relation_types()[kinship.type].category != "work":
        return False
    return lemma not in generic_person_nouns()


def as_phrase_nouns(verb: Token) -> list[Token]:
    """Person nouns in "as" phrases of the verb ("appears as public prosecutor")."""
    return [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and is_person_noun(pobj)
    ]


def descriptor_text(noun: Token) -> str:
    """The noun with its adjectives and compounds, without determiners or possessors."""
    modifiers = [
        child
        for child in noun.lefts
        if child.dep_ in {"amod", "compound", "nmod"} and not child.ent_type_
    ]
    start = min([noun.i, *(m.i for m in modifiers)])
    return noun.doc[start : noun.i + 1].text.lower()


# Actors -------------------------------------------------------------------------------------


def actor_noted_names(doc: Doc) -> list[tuple[Span, str]]:
    """(character name span, actor) for every actor parenthetical that followed a name."""
    pairs = []
    for anchor, character, actor in doc._.actor_notes or []:
        if not character:
            continue
        span = doc.char_span(anchor - len(character), anchor, alignment_mode="contract")
        if span is not None and len(span):
            pairs.append((span, actor))
    return pairs


def actor_anchors(doc: Doc) -> set[int]:
    return {anchor for anchor, character, _actor in doc._.actor_notes or [] if character}


def actors_by_form(doc: Doc) -> dict[NameForm, str]:
    """Actor names keyed by the name form of the character they play."""
    return {name_form(list(span)): actor for span, actor in actor_noted_names(doc)}


# Descriptions -------------------------------------------------------------------------------


def find_descriptions(doc: Doc) -> list[dict]:
    """Singular noun phrases headed by a person noun that may describe a character, and the
    person nouns predicated of a subject ("Seema becomes mother of Vicky")."""
    owners = characters_by_token(doc, doc._.names)
    creatures = acting_creatures(doc)
    descriptions = []
    for noun in doc:
        kin_title = is_kin_title(noun, owners)  # "mother Haba", also "her Uncle Jack"
        if noun.tag_ in PLURAL_TAGS or noun.i in owners and not kin_title:
            continue
        lemma = person_noun_lemma(noun) if is_person_noun(noun) or kin_title else None
        if lemma is None and noun.pos_ == "NOUN" and noun.lemma_.lower() in creatures:
            lemma = noun.lemma_.lower()
        if lemma is None:
            continue
        if noun.dep_ == "oprd" or is_as_phrase(noun):
            continue
        if noun.dep_ in TITLE_DEPS and not kin_title:
            continue
        possessor = possessor_of(noun)
        subject = copula_subject(noun)
        determiner = determiner_kind(noun, possessor)
        if determiner == "indefinite":
            possessor = implicit_possessor(noun)
        named = named_character_of(noun, owners)
        if named is None and determiner == "possessive":
            named = comma_named_character(noun, owners)
        if (
            noun.dep_ == "attr"
            and not is_existential(noun.head)
            and (subject is None or possessor is None)
        ):
            continue
        if subject is None and (
            determiner is None
            or determiner == "indefinite"
            and named is None
            and noun.dep_ not in ARGUMENT_DEPS
        ):
            continue
        descriptions.append(
            {
                "span": [description_start(noun, possessor, determiner), noun.i + 1],
                "head": noun.i,
                "noun": lemma,
                "gender": person_nouns().get(lemma, "unknown"),
                "possessor": possessor.i if possessor is not None else None,
                "determiner": determiner,
                "character": named,
                "subject": subject.i if subject is not None else None,
            }
        )
    descriptions += partitive_descriptions(doc, owners)
    descriptions.sort(key=lambda description: description["head"])
    return descriptions


def partitive_descriptions(doc: Doc, owners: dict[int, int]) -> list[dict]:
    """ "one of his gangmembers", "one of Jada's friends, Monique": one person picked from
    someone's people, described by the plural noun (its head, so that coref meets the
    possessor first)."""
    descriptions = []
    for noun in doc:
        one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if one is None or one.lower_ != "one" or one.i in owners or noun.tag_ not in PLURAL_TAGS:
            continue
        possessor = child_with_dep(noun, "poss")
        lemma = person_noun_lemma(noun) if is_person_noun(noun) else None
        if lemma is None or possessor is None:
            continue
        descriptions.append(
            {
                "span": [one.i, noun.i + 1],
                "head": noun.i,
                "noun": lemma,
                "gender": person_nouns().get(lemma, "unknown"),
                "possessor": possessor.i,
                "determiner": "partitive",
                "character": named_character_of(one, owners) or named_character_of(noun, owners),
                "subject": None,
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
    determiner, or the noun itself."""
    if possessor is not None and possessor.i < noun.i and possessor.head == kin_phrase(noun):
        return possessor.left_edge.i
    return noun.left_edge.i if determiner else noun.i


def comma_named_character(noun: Token, owners: dict[int, int]) -> int | None:
    """The name right after a comma that a possessive kin noun introduces ("Lola's ex-fiancé,
    Marco, ..."), whatever the parser made of it; not the subject of the next clause ("After
    killing his father, Tom flees"); an adverb may come first ("her soul mate also, Sunder")."""
    doc = noun.doc
    comma = noun.i + 2 if noun.i + 2 < len(doc) and doc[noun.i + 1].tag_ == "RB" else noun.i + 1
    start = comma + 1
    if start >= len(doc) or doc[comma].text != "," or start not in owners:
        return None
    name = [t for t in doc[start : start + 6] if owners.get(t.i) == owners[start]]
    if doc[start].pos_ != "PROPN" or any(t.dep_ in {"nsubj", "nsubjpass"} for t in name):
        return None
    return owners[start]


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


def acting_creatures(doc: Doc) -> set[str]:
    """Animals and creatures that act in the story ("the shark attacks Michael"): the creature
    nouns (models/lexicons/creature_nouns.tsv) that are the subject of a verb somewhere."""
    return {
        token.lemma_.lower()
        for token in doc
        if token.dep_ == "nsubj"
        and token.head.pos_ == "VERB"
        and token.lemma_.lower() in creature_nouns()
    }


def possessor_of(noun: Token) -> Token | None:
    """The possessor of a person noun: "her" / "Seema's" father, the father "of Vicky" or "of
    a farmer", and the possessor that coordinated kin share ("his grandfather, mother Haba and
    sister Zoya", "his viceroy Zhou Yu and sister Sun Shangxiang")."""
    phrase = kin_phrase(noun)
    for word in (noun, phrase):
        possessor = child_with_dep(word, "poss")
        if possessor is not None:
            return possessor
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = child_with_dep(prep, "pobj")
            if pobj is not None and (pobj.pos_ in {"PROPN", "PRON"} or is_person_noun(pobj)):
                return pobj
    if noun.lemma_.lower() not in kinship_nouns():
        return None
    first = first_conjunct(phrase)
    if first is not phrase and first.dep_ == "appos":
        first = first.head  # "his viceroy Zhou Yu and sister Sun Shangxiang": "his viceroy"
    if first is not phrase:
        possessor = child_with_dep(first, "poss")
        if possessor is not None:
            return possessor
    return kin_holder(first)


def kin_phrase(noun: Token) -> Token:
    """The noun phrase a person noun heads, or the name it stands before as a title ("sister"
    in "his sister Zoya" belongs to "Zoya")."""
    return noun.head if noun.dep_ in TITLE_DEPS else noun


def is_as_phrase(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "as"


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


def named_character_of(noun: Token, owners: dict[int, int]) -> int | None:
    """The named character a person noun is attached to: "his sister Sushma", "her husband,
    Inder", "a man named Ajit", "Shlykov, a hard-working taxi driver"."""
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
    fronted = fronted_apposition_subject(noun)
    if fronted is not None and fronted.i in owners:  # "A talented singer, Anna joined..."
        return owners[fronted.i]
    doc = noun.doc
    following = noun.i + 1
    if following < len(doc) and following in owners and doc[following].pos_ == "PROPN":
        return owners[following]
    left = noun.left_edge.i
    if left >= 2 and doc[left - 1].text == "," and left - 2 in owners:
        return owners[left - 2]
    return None
