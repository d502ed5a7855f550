"""The Python API: the full pipeline as a spaCy Language, and the records of one text.

>>> import extract
>>> nlp = extract.load()
>>> records = extract.extract("Ravi marries Sita. Years later he leaves her.")
>>> [character["name"] for character in records["characters"]]
['Ravi', 'Sita']
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from extract.io.inputs import Document
from extract.io.records import document_records
from extract.pipeline import DEFAULT_MODEL, build_nlp, process_documents
from extract.run.backends import empty_after_cleanup

RECORD_KINDS = ("documents", "characters", "events", "relations", "errors")


@cache
def load(model: str = DEFAULT_MODEL) -> Language:
    """The full pipeline (cleanup, base model, characters, coreference, events, relations) on
    the installed base pipeline `model`; loaded once per process."""
    return build_nlp(model)


def extract(
    text: str, doc_id: str = "doc", nlp: Language | None = None, explain: bool = False
) -> dict[str, list[dict]]:
    """The records of one synopsis, by kind ("documents", "characters", "events", "relations",
    "errors"), exactly as `extract run` writes them to the JSONL files of those names."""
    document = Document(doc_id=doc_id, source="<text>", text=text)
    processed = next(process_documents(nlp or load(), [document]))
    records: dict[str, list[dict]] = {kind: [] for kind in RECORD_KINDS}
    if len(processed.doc) == 0:
        records["errors"].append(empty_after_cleanup(document))
        return records
    records.update(document_records(document, processed.doc, explain))
    return records
