"""Names: the candidate name forms of a Doc, their clusters (the forms of one person), where
each occurs, titles, first-name priors and the actors noted after names."""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from extract.lexicons import (
    ascii_folded,
    crew_nouns,
    first_name_gender,
    full_names_of_nicknames,
    function_words,
    honorifics,
    irregular_participles,
    is_first_name,
    name_particles,
    person_nouns,
    role_nouns,
    surnames,
)
from extract.phrases import determiner_of, is_person_noun
from extract.syntax import (
    is_joining_hyphen,
    is_participle_form_of,
    is_surface_subject,
    is_written_in_lower_case,
    opens_sentence,
)

NameForm = tuple[str, ...]
INDEFINITE_ARTICLES = function_words("indefinite_article")
OTHER_GENDER = {"male": {"female"}, "female": {"male"}}
OPENING_QUOTES = function_words("opening_quote")
CLOSING_QUOTES = function_words("closing_quote")
LIKENESS_SUFFIXES = function_words("likeness_suffix")  # "Robin Hood-like"
UNTAGGED_NAME_TAGS = {"NN", "JJ"}  # what the small model makes of a first name it does not know
MISSPELLED_LENGTH = 5  # the shortest name read as another's misspelling: not "Joan" for "John"
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj"}


def first_name_prior(form: tuple[str, ...], is_person: bool) -> str:
    """The gender usually given to the form's first word, none for a person named by one word
    that is mostly a surname, alone or joined to another by a hyphen ("Williams", "Carter",
    "Kenney-Silver": biographies name people so). A name not shown to be a person keeps it
    ("leave Washington"): it keeps pronouns of the other gender off what may be a place."""
    surname_only = len(form) == 1 or form[1] == "-"
    if surname_only and is_person and form[0].lower() in surnames():
        return "unknown"
    return first_name_gender(form[0]) or "unknown"


def is_title(token: Token) -> bool:
    return token.text.rstrip(".") in honorifics() and token.text[:1].isupper()


def is_name_token(token: Token) -> bool:
    """A capitalised word that may be part of a person's name (not a plural: "the Lowells",
    unless the small parser tagged a name a plural for its final s: one with no determiner
    that it calls a person, or that follows a first name, or to which a singular person noun
    is apposed: "Sanders returns", "John Carruthers", "Idrees, a teenager")."""
    text = token.text
    if not text[:1].isupper() or not any(ch.isalpha() for ch in text) or text == "I":
        return False
    if token.tag_ == "NNPS":
        return determiner_of(token) is None and is_name_read_as_a_plural(token)
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or is_untagged_first_name(token)


def is_name_read_as_a_plural(token: Token) -> bool:
    """A word the small parser tagged a plural proper noun for its final s that is a name: one
    after a first name or a person noun ("John Carruthers", "lawyer Rawlings"), one it calls
    a person that opens its name or follows a title ("Sanders returns", "General Cornwallis";
    not "Girl Scouts"), one to which a singular person noun is apposed ("Idrees, a
    teenager")."""
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and (
        before.tag_ == "NNP"
        and is_first_name(before.text)
        or before.tag_ == "NN"
        and before.head == token
        and is_person_noun(before)
    ):
        return True
    if token.ent_type_ == "PERSON" and (
        before is None or not before.text[:1].isupper() or is_title(before)
    ):
        return True
    return any(
        child.dep_ == "appos" and child.tag_ == "NN" and is_person_noun(child)
        for child in token.children
    )


def is_untagged_first_name(token: Token) -> bool:
    """A known first name standing as an argument with no determiner that the small model
    tagged a common noun or an adjective ("Ravi marries Sita", "Renata kills Roman"); not a
    word the text also writes in lower case ("Hope fades ... lost all hope")."""
    return (
        token.tag_ in UNTAGGED_NAME_TAGS
        and token.dep_ in ARGUMENT_DEPS
        and is_first_name(token.text)
        and determiner_of(token) is None
        and not is_written_in_lower_case(token)
    )


def is_name_hyphen(token: Token) -> bool:
    """The hyphen inside a name such as "T-Bone"."""
    return is_joining_hyphen(token) and is_name_token(token.nbor(1))


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


def candidate_name_forms(
    doc: Doc, verbs: frozenset[str] = frozenset(), modifiers: frozenset[str] = frozenset()
) -> list[NameForm]:
    """Distinct maximal runs of name tokens (titles and an opening participle, adjective or
    adverb left out; an unknown word the parser glued to the verb after it counts: "Reyansh
    rescues"), plus actor-noted names."""
    forms: dict[NameForm, None] = {}
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and (
            is_name_token(token)
            or is_surface_subject(token, verbs)
            or run
            and (is_name_hyphen(token) or is_name_particle(token))
        ):
            if run or not (
                is_title(token)
                or is_opening_participle(token, verbs)
                or is_opening_modifier(token, modifiers)
                or is_opening_role_noun(token)
            ):
                run.append(token)
                continue
        form = name_form(run)
        if form and not is_common_noun_name(form):
            forms[form] = None
        run = []
    for span, _actor in actor_noted_names(doc, verbs, modifiers):
        forms[name_form(list(span))] = None
    for nicknamed in nicknamed_names(doc):  # joins the nickname and the name in one cluster
        forms[name_form(nicknamed)] = None
    # "Ellen Ward ... Ellen catches the eye" with "Ellen" tagged an adjective there: the first
    # name of a full name is a form of it wherever it stands
    for form in list(forms):
        if len(form) > 1 and is_first_name(form[0]):
            forms.setdefault((form[0],), None)
    return [form for form in forms if form]


def nicknamed_names(doc: Doc) -> list[list[Token]]:
    """The words of names with a nickname in quotes ('"Flash" Farrell', 'Olive "Live" Sumner',
    'Raphael "Jinji" Moked'): the name before the quotes, the nickname and the name after."""
    found = []
    for opening in doc:
        if opening.text not in OPENING_QUOTES or opening.i + 3 >= len(doc):
            continue
        nickname = list(takewhile(lambda t: t.text[:1].isupper(), doc[opening.i + 1 :]))[:3]
        closing = opening.i + 1 + len(nickname)
        if not nickname or closing + 1 >= len(doc) or doc[closing].text not in CLOSING_QUOTES:
            continue
        after = list(takewhile(is_name_token, doc[closing + 1 :]))
        if not after:
            continue
        before = list(takewhile(is_name_token, reversed(doc[: opening.i])))[::-1]
        found.append([*before, *nickname, *after])
    return found


def is_opening_role_noun(token: Token) -> bool:
    """A person noun opening its sentence before a full name, capitalised only there, that is
    no title ("Schoolteacher Hildegarde Withers takes her class", "Socialite Edith Hardy";
    not "Captain Hook", "Widow Douglas")."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    return (
        opens_sentence(token)
        and not is_title(token)
        and (token.lower_ in role_nouns() or token.lower_ in person_nouns())
        and len(following) == 2
        and is_first_name(following[0].text)
        and all(is_name_token(word) for word in following)
    )


def is_opening_participle(token: Token, verbs: frozenset[str]) -> bool:
    """A participle opening its sentence that the small parser tagged a proper noun:
    "Suspecting Cilla was having an affair, Les...", "Overhearing Rito...", an irregular one
    before no verb ("Stung by his rejection", "Caught in the storm"), a verb with "by" after it
    ("Beset by guilt"); not a first name such as "Irving"."""
    if not opens_sentence(token) or is_first_name(token.text):
        return False
    if is_participle_form_of(token.text, verbs):
        return True
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or after.pos_ in {"VERB", "AUX"}:
        return False
    return token.lower_ in irregular_participles() or (
        after.lower_ == "by" and token.lower_ in verbs
    )


def is_opening_modifier(token: Token, modifiers: frozenset[str]) -> bool:
    """An adjective or adverb opening its sentence, before no finite verb, that the small
    parser tagged a proper noun: "Distraught, she...", "Unbeknownst to him", "Aboard ship",
    "Grievously wounded"; not a first name such as "Rose", a name before a verb ("Hardy
    leaves") or described ("Windy, a barker, cheats"), nor the first word of a place ("New
    York")."""
    if not opens_sentence(token) or token.lower_ not in modifiers or is_first_name(token.text):
        return False
    if any(child.dep_ == "appos" for child in token.children):
        return False  # "Windy, a sideshow barker, cheats..."
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is None or token.ent_type_ not in {"", "PERSON"} and after.ent_iob_ == "I":
        return False  # "New York"
    return after.pos_ not in {"VERB", "AUX"} or after.tag_ == "VBN"


def name_form(tokens: list[Token] | Span) -> NameForm:
    """The words of a name, without titles or a nationality in front (but "Prince of Persia")
    or punctuation around (hyphens kept)."""
    kept = [token for token in tokens if token.text == "-" or any(c.isalpha() for c in token.text)]
    while len(kept) > 1 and kept[0].ent_type_ == "NORP" and kept[1].ent_type_ == "PERSON":
        kept.pop(0)  # "American Michael Trevor": a nationality before a person's name
    words = [token.text.rstrip(".") for token in kept]
    affiliated = affiliation_end(kept, words)
    words = words[affiliated:]
    while words and (
        words[0] == "-" or is_title_word(words[0]) and len(words) > 1 and words[1] != "of"
    ):  # a title before "of" is the name: "Prince of Persia", "Duke of Wellington"
        words.pop(0)
    while words and words[-1] == "-":
        words.pop()
    return tuple(words)


def affiliation_end(tokens: list[Token], words: list[str]) -> int:
    """Where the name starts after the unit or place written before a title inside the run
    ("Navy Lieutenant Greg Winters", "Scotland Yard Inspector Tracy"): past the last title
    that a person's name follows and no name comes before ("Martin Luther King Jr." stays
    whole); 0 when there is none."""

    def is_personal(token: Token) -> bool:
        return (token.ent_type_ == "PERSON" or is_first_name(token.text)) and not is_title(token)

    for index in range(len(words) - 2, 0, -1):
        if (
            is_title_word(words[index])
            and words[index + 1] != "of"
            and any(is_personal(token) for token in tokens[index + 1 :])
            and not any(is_personal(token) for token in tokens[:index])
        ):
            return index + 1
    return 0


def is_title_word(word: str) -> bool:
    """A title ("Mr", "Inspector") or a film-crew noun ("Director") written before a name."""
    return word.rstrip(".") in honorifics() or word.lower() in crew_nouns()


def is_common_noun_name(form: NameForm) -> bool:
    """A capitalised person noun used as a name ("Dad", "Mommy") is not a proper name, nor is
    the pronoun "I" ending a sentence ("so did I.")."""
    return len(form) == 1 and (form[0].lower() in person_nouns() or form[0] == "I")


def cluster_name_forms(forms: list[NameForm]) -> list[list[NameForm]]:
    """Group name forms of one person: a form joins the single longer form containing all its
    words, or a full name it only spells with a letter doubled or not ("Mooppil Nair" and
    "Moopil Nair"), and a lone nickname the single full name whose first name it shortens
    ("Les" and "Leslie Hatton"), or the single name whose first or last word it misspells
    ("Dorthy" and "Dorothy"); a form contained in several (a shared surname) stays on its own."""
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
        if not homes and len(form) == 1:
            homes = [cluster for cluster in clusters if shortens(form[0], cluster[0])] or [
                cluster
                for cluster in clusters
                if any(misspells(form[0], word) for word in {cluster[0][0], cluster[0][-1]})
            ]
        if len(homes) == 1:
            homes[0].append(form)
        else:
            clusters.append([form])
            if key is not None:
                spellings.setdefault(key, []).append(clusters[-1])
    return clusters


def shortens(nickname: str, full: NameForm) -> bool:
    """A nickname of the first name of a full name ("Les", "Leslie Hatton"), not another
    spelling of a name ("Marie" and "Mary", "Louise" and "Louis" are often two people), nor one
    given to the other gender."""
    if len(full) < 2:
        return False
    nick, first = nickname.lower(), full[0].lower()
    if first not in full_names_of_nicknames().get(nick, frozenset()):
        return False
    if not first.startswith(nick) and edit_distance(nick, first) <= 2:
        return False
    genders = {first_name_gender(nick), first_name_gender(first)} - {None}
    return len(genders) < 2


def misspells(word: str, other: str) -> bool:
    """Whether a name word is another spelling of another: the same letters but for case and
    accents ("KoKo", "Françoise"), or one letter inside the word inserted, dropped or changed
    ("Dorthy" for "Dorothy", "Maizie" for "Maisie"); not a change of the last letter, which
    often marks the other gender ("Louise", "Antonia"), nor of a short name ("Joan", "John"),
    nor between names of two genders ("Marlon", "Marion")."""
    one, two = ascii_folded(word.lower()), ascii_folded(other.lower())
    if one == two:
        return word != other
    if min(len(one), len(two)) < MISSPELLED_LENGTH or one[:2] != two[:2] or one[-1] != two[-1]:
        return False
    genders = {first_name_gender(one), first_name_gender(two)} - {None}
    return len(genders) < 2 and edit_distance(one, two) == 1


def edit_distance(one: str, other: str) -> int:
    """Levenshtein distance: the fewest letters to insert, delete or change."""
    previous = list(range(len(other) + 1))
    for i, letter in enumerate(one, 1):
        current = [i]
        for j, other_letter in enumerate(other, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other_letter))
            )
        previous = current
    return previous[-1]


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
    the base model gave them there; a name that begins with "The" also after a lower-case
    "the" ("The Boy" ... "throws a box at the Boy")."""
    owner = {form: index for index, cluster in enumerate(clusters) for form in cluster}
    by_first_word: dict[str, list[NameForm]] = {}
    for form in sorted(owner, key=len, reverse=True):
        by_first_word.setdefault(form[0], []).append(form)
    found: list[list[tuple[int, int, NameForm]]] = [[] for _ in clusters]
    texts = [token.text for token in doc]
    words = [text.rstrip(".") for text in texts]  # as words of a name, without a full stop
    i = 0
    while i < len(doc):
        first = "The" if texts[i] == "the" else words[i]  # "the Boy" is "The Boy"
        match = next(
            (
                form
                for form in by_first_word.get(first, ())
                if (first, *words[i + 1 : i + len(form)]) == form
            ),
            None,
        )
        if match is None:
            i += 1
            continue
        span = doc[i : i + len(match)]
        if not is_indefinite_name(span) and not is_hyphenated_modifier(span):
            found[owner[match]].append((i, i + len(match), match))
        i += len(match)
    return found


def is_hyphenated_modifier(span: Span) -> bool:
    """A name joined by a hyphen to a word of likeness makes a comparison, not a mention: "a
    Robin Hood-like rogue", "a Chaplin-style tramp" (but "the Parton-penned song" is Parton's,
    and "Bo-lung" a name)."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and not span[-1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in LIKENESS_SUFFIXES
    )


def is_indefinite_name(span: Span) -> bool:
    """A name under "a"/"an" names a kind, not a character: "not a Patel", "a professional
    Patel man named Prem", "a young American" (but "an impressed Semyon" is Semyon: only a
    nationality may stand apart from its article)."""
    last = span[-1]
    if last.dep_ == "compound" and is_person_noun(last.head):
        return any(child.lower_ in INDEFINITE_ARTICLES for child in last.head.children)
    if len(span) == 1 and last.ent_type_ == "NORP":
        return any(child.lower_ in INDEFINITE_ARTICLES for child in last.children)
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
    """A shorter form whose title is of the other gender than the full name's first name, or
    that is said to be kin of that name, is a relative, a person of its own ("Mary McDonagh,
    the daughter of a Mr. McDonagh", "Jessie Peebles ... Judge Peebles, Jessie's father"): one
    per form and title gender. Without a first name of known gender, the first gendered
    title sets the gender ("Mrs. Wiggs ... Mr. Wiggs" are two people)."""
    kept, relatives = [], {}
    for cluster_mentions in mentions:
        longest = max((form for _s, _e, form in cluster_mentions), key=len, default=())
        given = first_name_gender(longest[0]) if len(longest) > 1 else None
        titled = given is None
        if titled:
            titles = (title_gender(doc, start) for start, _end, _form in cluster_mentions)
            given = next((title for title in titles if title in OTHER_GENDER), None)
        own = []
        for start, end, form in cluster_mentions:
            title = title_gender(doc, start)
            if (
                given is not None
                and (titled or len(form) < len(longest))
                and title in OTHER_GENDER.get(given, ())
            ):
                relatives.setdefault((form, title), []).append((start, end, form))
            elif len(form) < len(longest) and is_kin_of_own_name(doc[end - 1], longest):
                relatives.setdefault((form, "kin"), []).append((start, end, form))
            else:
                own.append((start, end, form))
        kept.append(own)
    return kept + list(relatives.values())


def is_kin_of_own_name(name: Token, longest: NameForm) -> bool:
    """A person noun in apposition to the name is owned by a word of the full name the name
    would shorten ("Peebles, Jessie's father" beside "Jessie Peebles")."""
    return any(
        child.dep_ == "appos"
        and is_person_noun(child)
        and any(owner.dep_ == "poss" and owner.text in longest for owner in child.children)
        for child in name.children
    )


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
    genders = {home: first_name_gender(clusters[home][0][0]) for home in homes}
    fitting = [home for home in homes if genders[home] == title]
    return fitting or [home for home in homes if genders[home] in {None, title}] or homes


def with_title(doc: Doc, start: int, end: int) -> Span:
    """The mention span, with the title before the name when there is one."""
    return doc[start - 1 : end] if start > 0 and is_title(doc[start - 1]) else doc[start:end]


def actor_noted_names(
    doc: Doc, verbs: frozenset[str] = frozenset(), modifiers: frozenset[str] = frozenset()
) -> list[tuple[Span, str]]:
    """(character name span, actor) for every actor parenthetical that followed a name, an
    opening participle, adjective, adverb or role noun left out ("Wealthy Rollo Treadway
    (Buster Keaton)": Rollo Treadway)."""
    pairs = []
    for anchor, character, actor in doc._.actor_notes or []:
        if not character:
            continue
        span = doc.char_span(anchor - len(character), anchor, alignment_mode="contract")
        if span is not None and len(span) > 1 and span[-1].tag_ == "POS":
            span = span[:-1]  # "her husband Bill's (George Brent) salary": Bill
        if span is not None and is_opening_word_of_no_name(span, verbs, modifiers):
            span = next(  # "Learning of Rosamund", "Well-dressed Bill": from the next name word
                (span[i:] for i in range(1, len(span)) if span[i].text[:1].isupper()), span
            )
        if span is not None and len(span):
            pairs.append((span, actor))
    return pairs


def is_opening_word_of_no_name(
    span: Span, verbs: frozenset[str], modifiers: frozenset[str]
) -> bool:
    """The first word of the span is an opening participle, adjective, adverb or role noun
    that the text writes in no name elsewhere ("Wealthy Rollo Treadway"; not "Pink Barker
    ... Pink")."""
    first = span[0]
    if len(span) < 2 or not (
        is_opening_participle(first, verbs)
        or is_opening_modifier(first, modifiers)
        or is_opening_role_noun(first)
    ):
        return False
    return not any(t.text == first.text and not opens_sentence(t) for t in span.doc)


def join_actor_surnames(
    doc: Doc,
    mentions: list[list[tuple[int, int, NameForm]]],
    verbs: frozenset[str] = frozenset(),
    modifiers: frozenset[str] = frozenset(),
) -> list[list[tuple[int, int, NameForm]]]:
    """A name of one word that is the surname of an actor noted after a character's name, and
    that the text writes only after that note, is that character, called by its actor's name
    ("Tom Grayson (Bing Crosby) ... Crosby sings", "Jerry Day (Gary Cooper) ... Cooper's
    girlfriend"); not a word of the character's own name."""
    cluster_at = {
        start: index for index, cluster in enumerate(mentions) for start, _e, _f in cluster
    }
    noted = []  # (end of the character's name, its cluster, the actor's surname)
    for span, actor in actor_noted_names(doc, verbs, modifiers):
        played = next((cluster_at[i] for i in range(span.start, span.end) if i in cluster_at), None)
        if played is not None and len(actor.split()) > 1:
            noted.append((span.end, played, actor.split()[-1]))
    for index, cluster in enumerate(mentions):
        forms = {form for _start, _end, form in cluster}
        if len(forms) != 1 or len(next(iter(forms))) != 1:
            continue
        (word,) = next(iter(forms))
        first = min(start for start, _end, _form in cluster)
        played = next(
            (
                target
                for end, target, surname in noted
                if surname == word
                and end <= first
                and target != index
                and all(word not in form for _s, _e, form in mentions[target])
            ),
            None,
        )
        if played is not None:
            mentions[played] = sorted(mentions[played] + cluster)
            mentions[index] = []
    return [cluster for cluster in mentions if cluster]


def actor_anchors(doc: Doc) -> set[int]:
    return {anchor for anchor, character, _actor in doc._.actor_notes or [] if character}


def actors_by_form(
    doc: Doc, verbs: frozenset[str] = frozenset(), modifiers: frozenset[str] = frozenset()
) -> dict[NameForm, str]:
    """Actor names keyed by the name form of the character they play."""
    return {
        name_form(list(span)): actor for span, actor in actor_noted_names(doc, verbs, modifiers)
    }
