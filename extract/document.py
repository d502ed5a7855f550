"""Doc extensions shared by the stages: registration (guarded) and stage-failure warnings."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def ensure_doc_extension(name: str) -> None:
    """Register `Doc._.<name>` (default None) unless it is registered already."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


ensure_doc_extension("warnings")


def add_warning(doc: Doc, message: str) -> None:
    """Append a warning that ends up in the document's record."""
    doc._.warnings = [*(doc._.warnings or []), message]


def run_guarded(doc: Doc, stage: str, attribute: str, compute: Callable[[Doc], list]) -> Doc:
    """Set `doc._.<attribute>` = compute(doc); on an error keep going with an empty result
    and a warning, so that one odd document never stops a batch."""
    try:
        result = compute(doc)
    except Exception as error:  # noqa: BLE001 - reported in the document's warnings
        add_warning(doc, f"{stage} stage failed: {type(error).__name__}: {error}")
        result = []
    setattr(doc._, attribute, result)
    return doc


def sentence_numbers(doc: Doc) -> list[int]:
    """Sentence number of every token."""
    numbers = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        numbers[sentence.start : sentence.end] = [number] * len(sentence)
    return numbers
