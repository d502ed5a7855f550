"""Stage 1b: sentences parsed again where the base model misread a verb in -s.

The small base model often tags a present-tense verb as a plural noun when it follows "and", a
name it does not know, a pronoun or a noun ("He struggles and overpowers a guard", "Al sneaks
in and kidnaps the boy", "Mavis desires revenge", "his carelessness enrages the customers"), or
when a second verb in -s hangs on it ("Sarah, Kitty's servant, shoots and kills him"),
and the parse around it goes wrong: the verb loses its subject and its object. Around a name
it does not know, it also misparses a verb it tagged right: the name is tagged a common noun or
is not the verb's subject ("Nurşan kills", "Max rents"), or the object is read as an adverb
("rescues Madeleine"). The same sentence with that verb in the past tense ("overpowered",
"killed") is parsed right. This stage parses such a sentence again that way, with the base
model's own components, and copies its tags, lemmas and tree back; the verb keeps its text and
is tagged as the present it is. Nothing else of the Doc changes (text, entities).
`doc._.reparsed` lists the verbs re-read from a noun. Then a capitalised word the model tagged
a common noun or adjective, opening its sentence as its subject, which its lemmatizer does not
know and the text never writes in lower case, is tagged a proper noun ("Yancey marries Sabra").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from extract.document import run_guarded
from extract.lexicons import function_words, pronouns
from extract.rules import ALL_RULES, RuleSet
from extract.syntax import base_modifiers, base_verbs, known_words, opens_sentence, s_form_stem

# the base model's components that tag, parse and lemmatise (not its entity recogniser)
PARSING_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
NOUN_TAGS = {"NN", "NNS"}
UNKNOWN_NAME_TAGS = {"NN", "JJ"}  # what the base model makes of a name it does not know
PAST_TAGS = {"VBD", "VBN"}
ADVERB_TAGS = {"RB", "RBR", "RBS"}
COORDINATORS = function_words("verb_coordinator")
CLAUSE_OPENING_PREPOSITIONS = function_words("clause_opening_preposition")
SUBJECT_PRONOUNS = frozenset(
    form for form, pronoun in pronouns().items() if pronoun.case == "subject"
) | {"who"}
OBJECT_PRONOUNS = frozenset(
    form for form, pronoun in pronouns().items() if pronoun.case == "object"
)
OBJECT_DETERMINERS = {"the", "a", "an"}
NAME_DETERMINERS = {"DT", "PRP$", "POS", "JJ", "CD"}  # "the Wilson papers", "her Ford plans"
NAME_POS = {"PROPN", "NOUN", "ADJ"}  # an unknown name may be tagged any of them
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@Language.factory(
    "reparse",
    assigns=["token.tag", "token.pos", "token.dep", "token.lemma", "doc._.reparsed"],
    requires=["token.tag", "token.dep", "token.lemma"],
    default_config={"disabled_rules": []},
)
def make_reparse(nlp: Language, name: str, disabled_rules: list[str]) -> Reparser:
    return Reparser(
        nlp,
        base_verbs(nlp),
        base_modifiers(nlp),
        known_words(nlp, "noun", "verb", "adj", "adv"),
        RuleSet(disabled_rules),
    )


class Reparser:
    """Parses again the sentences of a Doc with a verb misread as a noun."""

    def __init__(
        self,
        nlp: Language,
        verbs: frozenset[str],
        modifiers: frozenset[str],
        common_words: frozenset[str],
        rules: RuleSet = ALL_RULES,
    ):
        self.nlp = nlp
        self.verbs = verbs
        self.modifiers = modifiers
        self.common_words = common_words
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Reparse a stream of Docs, the sentences of a batch of them parsed together; then tag
        as names the unknown words opening a sentence as its subject."""
        for doc in self.reparsed(docs, batch_size):
            if self.rules.on("unknown_opening_name"):
                tag_unknown_opening_names(doc, self.common_words)
            yield doc

    def reparsed(self, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            if not self.rules.on("past_tense_reparse"):
                for doc in batch:
                    doc._.reparsed = []
                yield from batch
                continue
            try:
                found = [self.misread_sentences(doc) for doc in batch]
                parsed = iter(self.parse_in_past([item for items in found for item in items]))
            except Exception:  # noqa: BLE001 - each Doc again alone, where errors are reported
                for doc in batch:
                    yield run_guarded(doc, "reparse", "reparsed", self.reparse)
                continue
            for doc, items in zip(batch, found, strict=True):
                own = [next(parsed) for _item in items]
                yield run_guarded(
                    doc, "reparse", "reparsed", lambda d, i=items, o=own: apply(d, i, o)
                )

    def reparse(self, doc: Doc) -> list[int]:
        """Parse again each sentence of one Doc with a misread verb; returns those verbs'
        token indices."""
        found = self.misread_sentences(doc)
        return apply(doc, found, self.parse_in_past(found))

    def components(self) -> list[Pipe]:
        return [
            self.nlp.get_pipe(name) for name in PARSING_COMPONENTS if name in self.nlp.pipe_names
        ]

    def misread_sentences(self, doc: Doc) -> list[tuple[Span, list[tuple[Token, str]]]]:
        """The sentences with a misread verb, with those verbs and their base forms."""
        return [
            (sentence, verbs)
            for sentence in doc.sents
            if (verbs := misread_verbs(sentence, self.verbs, self.modifiers, self.common_words))
        ]

    def parse_in_past(self, found: list[tuple[Span, list[tuple[Token, str]]]]) -> list[Doc]:
        """Each sentence parsed alone with its misread verbs in the past tense."""
        docs = []
        for sentence, verbs in found:
            words = [token.text for token in sentence]
            for verb, stem in verbs:
                words[verb.i - sentence.start] = past_tense(stem)
            spaces = [bool(token.whitespace_) for token in sentence]
            docs.append(Doc(sentence.doc.vocab, words=words, spaces=spaces))
        for component in self.components():
            docs = list(component.pipe(docs))
        return docs


def apply(
    doc: Doc, found: list[tuple[Span, list[tuple[Token, str]]]], parsed: list[Doc]
) -> list[int]:
    """Keep each parse in the past tense that repairs its sentence; returns the indices of the
    verbs re-read from a noun."""
    if not found:
        return []
    attributes = [TAG, POS, DEP, HEAD, LEMMA]
    array = doc.to_array(attributes)
    repaired = False
    read_as_nouns = []
    for (sentence, verbs), sentence_parse in zip(found, parsed, strict=True):
        if not is_repaired(sentence_parse, [verb.i - sentence.start for verb, _stem in verbs]):
            continue
        read_as_nouns.extend(verb.i for verb, _stem in verbs if verb.tag_ in NOUN_TAGS)
        copy_analysis(doc, array, sentence, sentence_parse, verbs)
        repaired = True
    if repaired:
        doc.from_array(attributes, array)
    return read_as_nouns


def tag_unknown_opening_names(doc: Doc, common_words: frozenset[str]) -> None:
    """A capitalised word the base model tagged a common noun or adjective, opening its
    sentence as its subject, that the base lemmatizer does not know and the text never
    writes in lower case, is a name ("Yancey marries Sabra": Yancey, not "Complications
    arise", "Alicia is a poor girl" with Alicia known)."""
    unknown = [
        token
        for token in doc
        if token.tag_ in UNKNOWN_NAME_TAGS
        and token.dep_ in SUBJECT_DEPS
        and token.is_alpha
        and not token.is_stop  # "Everyone", "Nobody"
        and token.text[:1].isupper()
        and not token.text.isupper()
        and opens_sentence(token)
        and token.lemma_.lower() not in common_words
        and token.lower_ not in common_words
    ]
    if not unknown:
        return
    lower_case = {token.lower_ for token in doc if token.is_lower}
    for token in unknown:
        if token.lower_ not in lower_case:
            token.tag_, token.pos_ = "NNP", "PROPN"


def misread_verbs(
    sentence: Span, verbs: frozenset[str], modifiers: frozenset[str], common_words: frozenset[str]
) -> list[tuple[Token, str]]:
    """The words in -s of known verbs (`verbs`) the base model tagged as nouns, with their
    base form, where a verb is expected: after "and", a subject pronoun or a name that is no
    known adjective (`modifiers`: "Professional rivals"), adverbs aside, or between a singular
    noun and what may be its object; and the verbs it misparsed around a name it does not know
    (see is_misparsed_present)."""
    found = []
    for token in sentence:
        if token.tag_ == "VBZ" and is_misparsed_present(token, sentence, common_words):
            found.append((token, token.lemma_))
            continue
        if token.tag_ not in NOUN_TAGS or not token.is_lower or not token.is_alpha:
            continue
        stem = s_form_stem(token.lower_, verbs)
        if stem is None or token.i == sentence.start:
            continue
        before = token.nbor(-1)
        while before.tag_ in ADVERB_TAGS and before.i > sentence.start:
            before = before.nbor(-1)
        if is_followed_as_a_noun(token) or is_object_of_a_preposition(token):
            continue
        if before.lower_ in COORDINATORS:
            if follows_a_verb(before, sentence) and not coordinates_plural_nouns(token):
                found.append((token, stem))
        elif before.lower_ in SUBJECT_PRONOUNS or (
            is_bare_name_end(before, sentence)
            and not (before.pos_ == "ADJ" and before.lower_ in modifiers)
        ):
            found.append((token, stem))
        elif before.tag_ == "NN" and is_followed_by_an_object(token):
            found.append((token, stem))  # "a visiting artist spots the Tramp"
        elif has_a_present_coordinated(token):
            found.append((token, stem))  # "Sarah, Kitty's servant, shoots and kills him"
    return found


def is_misparsed_present(verb: Token, sentence: Span, common_words: frozenset[str]) -> bool:
    """A verb in -s the base model tagged right but parsed wrong around a name it does not
    know: the name right before it is tagged a common noun and is no word the model knows
    (`common_words`: "Nurşan/NN kills"; not "Word spreads"), or it is not its subject
    ("Max/compound rents"), or a name after it hangs on it as an adverb ("rescues
    Madeleine/npadvmod")."""
    if verb.pos_ != "VERB" or not verb.is_lower or not verb.is_alpha or verb.i == sentence.start:
        return False  # not an auxiliary: "Tai has been appointed"
    if any(c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i for c in verb.children):
        return True
    before = verb.nbor(-1)
    if before.dep_ in SUBJECT_DEPS and before.head == verb:
        return (
            before.pos_ in {"NOUN", "ADJ"}
            and before.text[:1].isupper()
            and before.is_alpha
            and before.lower_ not in common_words  # whatever entity label the model gave it
            and (before.i == sentence.start or before.nbor(-1).tag_ not in NAME_DETERMINERS)
        )
    return is_bare_name_end(before, sentence)


def has_a_present_coordinated(token: Token) -> bool:
    """A verb in -s follows the word after a coordinator and hangs on it as its conjunct
    ("shoots and kills", "attacks and robs/VB")."""
    if token.i + 2 >= len(token.doc):
        return False
    coordinator, verb = token.nbor(1), token.nbor(2)
    return (
        coordinator.lower_ in COORDINATORS
        and verb.pos_ == "VERB"
        and verb.lower_.endswith("s")
        and verb.head == token
    )


def is_followed_by_an_object(token: Token) -> bool:
    """A determiner, a possessive, a name or an object pronoun right after the word ("spots
    the Tramp", "forces Keene", "enrages his friends"; not "stars themselves", "cards he")."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and (
        after.tag_ in {"PRP$", "NNP"}
        or after.lower_ in OBJECT_DETERMINERS
        or after.lower_ in OBJECT_PRONOUNS
    )


def is_object_of_a_preposition(token: Token) -> bool:
    """ "for Code reasons", "to the Anglo-Saxon lands": the word is the object of a
    preposition that opens no clause (unlike "After Jack departs")."""
    return (
        token.dep_ == "pobj"
        and token.head.pos_ == "ADP"
        and token.head.lower_ not in CLAUSE_OPENING_PREPOSITIONS
    )


def is_followed_as_a_noun(token: Token) -> bool:
    """ "rumors fly", "the surgery and medicines needed", "neighbours including": a verb or
    "including" after the word makes it a noun."""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and (after.tag_.startswith("VB") or after.lower_ == "including")


def follows_a_verb(coordinator: Token, sentence: Span) -> bool:
    """A verb stands before the coordinator in its sentence (not "But things change")."""
    return any(
        word.pos_ in {"VERB", "AUX"} for word in sentence.doc[sentence.start : coordinator.i]
    )


def coordinates_plural_nouns(token: Token) -> bool:
    """ "plates and bottles", "joys and sorrows": a plural noun coordinated with another."""
    return token.dep_ == "conj" and token.head.tag_ in {"NNS", "NNPS"} and token.head.i < token.i


def is_bare_name_end(token: Token, sentence: Span) -> bool:
    """The last word of a capitalised name with no determiner or modifier before it ("Mavis",
    "Lord Helpus"; not "the Wilson", "his Ford", "The", a nationality or an acronym: "British
    escorts", "UN observers")."""
    if (
        not token.text[:1].isupper()
        or not token.is_alpha
        or token.pos_ not in NAME_POS
        or token.ent_type_ == "NORP"
        or (len(token) > 1 and token.is_upper)
    ):
        return False
    start = token.i
    while start > sentence.start and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start == sentence.start or token.doc[start - 1].tag_ not in NAME_DETERMINERS


def past_tense(stem: str) -> str:
    """A regular past form, enough for the tagger to read a verb ("overpower" -> "overpowered",
    "chase" -> "chased", "marry" -> "married")."""
    if stem.endswith("e"):
        return stem + "d"
    if stem.endswith("y") and stem[-2:-1] not in set("aeiou"):
        return stem[:-1] + "ied"
    return stem + "ed"


def is_repaired(parsed: Doc, positions: list[int]) -> bool:
    """Whether the parse in the past tense keeps one sentence and reads each misread word as
    a verb with a subject of its own or coordinated with another verb."""
    roots = sum(token.head == token for token in parsed)
    return roots == 1 and all(is_clause_verb(parsed[i]) for i in positions)


def is_clause_verb(verb: Token) -> bool:
    if verb.tag_ not in PAST_TAGS:
        return False
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return True
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def copy_analysis(
    doc: Doc,
    array: numpy.ndarray,
    sentence: Span,
    parsed: Doc,
    verbs: list[tuple[Token, str]],
) -> None:
    """Write the tags, lemmas and tree of `parsed` into the rows of `sentence` in `array`
    (columns TAG, POS, DEP, HEAD, LEMMA), the misread words as verbs in the present."""
    strings = doc.vocab.strings
    present = {verb.i - sentence.start: stem for verb, stem in verbs}
    for offset, token in enumerate(parsed):
        row = array[sentence.start + offset]
        row[0] = strings.add("VBZ") if offset in present else token.tag
        row[1] = VERB if offset in present else token.pos
        row[2] = token.dep
        row[3] = numpy.int64(token.head.i - token.i).astype(numpy.uint64)  # as to_array has it
        row[4] = strings.add(present[offset]) if offset in present else token.lemma
