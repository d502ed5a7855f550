"""Stage 2 (factory "characters"): the people of a synopsis and where their names occur.

First version: a name is a character when the base model tags one of its occurrences as a
PERSON, or when an actor parenthetical follows it ("Raj (Raj Kiran)"); every occurrence of a
character's name in the document is then a mention, whatever label the model gave it there.
Shorter name forms join the one longer name they are part of ("Katniss" -> "Katniss Everdeen").

`Doc._.characters` is a list of plain dicts (they travel between processes):
`{"name", "aliases", "kind", "gender", "descriptors", "actor", "mentions": [[start, end, type]]}`
with token offsets; later stages add mentions, genders and descriptors.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.extensions import ensure_doc_extension, run_guarded

ensure_doc_extension("characters")
ensure_doc_extension("actor_notes")

NameForm = tuple[str, ...]


@Language.factory(
    "characters",
    assigns=["doc._.characters"],
    requires=["doc.ents", "token.pos"],
)
def make_characters(nlp: Language, name: str) -> CharacterFinder:
    return CharacterFinder()


class CharacterFinder:
    """Finds the characters of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "characters", "characters", find_characters)


def find_characters(doc: Doc) -> list[dict]:
    """Characters of `doc`, ordered by first mention."""
    forms = person_name_forms(doc)
    clusters = cluster_name_forms(forms)
    mentions = find_name_mentions(doc, clusters)
    actors = actors_by_form(doc)
    characters = []
    for cluster, cluster_mentions in zip(clusters, mentions, strict=True):
        if not cluster_mentions:
            continue
        seen_forms = list(dict.fromkeys(m[3] for m in cluster_mentions))
        characters.append(
            {
                "name": " ".join(max(cluster, key=len)),
                "aliases": [" ".join(form) for form in seen_forms],
                "kind": "named",
                "gender": "unknown",
                "descriptors": [],
                "actor": next((actors[form] for form in seen_forms if form in actors), None),
                "mentions": [[start, end, "name"] for start, end, _, _ in cluster_mentions],
            }
        )
    characters.sort(key=lambda character: character["mentions"][0][0])
    return characters


def person_name_forms(doc: Doc) -> list[NameForm]:
    """Distinct name forms (token texts) of PERSON entities and of actor-noted names."""
    forms: dict[NameForm, None] = {}
    for entity in doc.ents:
        if entity.label_ == "PERSON":
            form = name_form(entity)
            if form:
                forms[form] = None
    for span, _actor in actor_noted_names(doc):
        forms[name_form(span)] = None
    return [form for form in forms if form]


def name_form(span: Span) -> NameForm:
    """The tokens of a name, without a trailing possessive or punctuation."""
    tokens = [token for token in span if token.is_alpha or token.text in {"-", "."}]
    while tokens and not tokens[-1].is_alpha:
        tokens.pop()
    return tuple(token.text for token in tokens)


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


def actors_by_form(doc: Doc) -> dict[NameForm, str]:
    """Actor names keyed by the name form of the character they play."""
    return {name_form(span): actor for span, actor in actor_noted_names(doc)}


def cluster_name_forms(forms: list[NameForm]) -> list[list[NameForm]]:
    """Group name forms of one person: a form joins the single longer form containing all its
    words; a form contained in several (a shared surname) stays on its own."""
    clusters: list[list[NameForm]] = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        homes = [cluster for cluster in clusters if set(form) <= set(cluster[0])]
        if len(homes) == 1:
            homes[0].append(form)
        else:
            clusters.append([form])
    return clusters


def find_name_mentions(
    doc: Doc, clusters: list[list[NameForm]]
) -> list[list[tuple[int, int, int, NameForm]]]:
    """Occurrences of every name form, longest match first, never overlapping."""
    owner = {form: index for index, cluster in enumerate(clusters) for form in cluster}
    by_first_word: dict[str, list[NameForm]] = {}
    for form in sorted(owner, key=len, reverse=True):
        by_first_word.setdefault(form[0], []).append(form)
    found: list[list[tuple[int, int, int, NameForm]]] = [[] for _ in clusters]
    i = 0
    while i < len(doc):
        match = next(
            (
                form
                for form in by_first_word.get(doc[i].text, ())
                if tuple(token.text for token in doc[i : i + len(form)]) == form
            ),
            None,
        )
        if match is None:
            i += 1
            continue
        found[owner[match]].append((i, i + len(match), owner[match], match))
        i += len(match)
    return found


def characters_by_token(doc: Doc) -> dict[int, int]:
    """Index of the character each token of a mention belongs to (names, pronouns...)."""
    return {
        i: index
        for index, character in enumerate(doc._.characters or [])
        for start, end, _type in character["mentions"]
        for i in range(start, end)
    }
