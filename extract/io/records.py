"""Doc -> the records of the output contract, keys in the schema's order.

Character ids (`c1`, `c2`...) follow first mention; events and relations refer to them. Every
span carries clean offsets (`start`, `end`, into the document record's `text`) and, where the
contract asks, raw offsets (`raw_start`, `raw_end`, into the input as read).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.document import character_gender, is_character, sentence_numbers
from extract.io.inputs import Document, InputError
from extract.lexicons import relation_types
from extract.stages.cleanup import OffsetMap

SCHEMA_VERSION = "1.0"


def document_records(document: Document, doc: Doc, explain: bool = False) -> dict[str, list[dict]]:
    """All records of one processed document, by output kind; with `explain`, the rules that
    made each character, mention and event are added to its record."""
    offsets = OffsetMap.from_list(doc._.offset_map)
    sentence_of = sentence_numbers(doc)
    characters = doc._.characters or []
    reported = [i for i, character in enumerate(characters) if is_character(character)]
    order = sorted(reported, key=lambda i: characters[i]["mentions"][0])
    character_ids = {index: f"c{rank}" for rank, index in enumerate(order, start=1)}
    events = [e for e in doc._.events or [] if {e["agent"], e["patient"]} & character_ids.keys()]
    relations = [
        r
        for r in doc._.relations or []
        if r["source"] in character_ids and r["target"] in character_ids
    ]
    records = {
        "documents": [document_record(document, doc)],
        "characters": [
            character_record(document.doc_id, character_ids[i], i, doc, offsets, sentence_of)
            for i in order
        ],
        "events": [
            event_record(document.doc_id, number, event, doc, offsets, sentence_of, character_ids)
            for number, event in enumerate(events, start=1)
        ],
        "relations": [
            relation_record(document.doc_id, number, relation, doc, sentence_of, character_ids)
            for number, relation in enumerate(relations, start=1)
        ],
    }
    if explain:
        add_explanations(records, doc, [characters[i] for i in order], events)
    return records


def add_explanations(
    records: dict[str, list[dict]], doc: Doc, characters: list[dict], events: list[dict]
) -> None:
    """The clues of each named character, the rule of each mention (and the constraints that
    ruled other characters out for it) and the rules of each event."""
    rules_at = {(start, end): rules for start, end, *rules in doc._.mention_rules or []}
    for record, character in zip(records["characters"], characters, strict=True):
        for mention, (start, end, kind) in zip(
            record["mentions"], character["mentions"], strict=True
        ):
            rule, constraints = rules_at.get((start, end), (None, []))
            mention["rule"] = rule if kind != "name" else None
            mention["constraints"] = constraints if kind != "name" else []
        record["explain"] = {
            "evidence": character.get("evidence"),
            "clues": character.get("clues", {}),
        }
    for record, event in zip(records["events"], events, strict=True):
        record["rules"] = event["rules"]


def document_record(document: Document, doc: Doc) -> dict:
    return {
        "doc_id": document.doc_id,
        "source": document.source,
        "text": doc.text,
        "n_tokens": len(doc),
        "n_sentences": sum(1 for _ in doc.sents) if len(doc) else 0,
        "warnings": [*document.warnings, *(doc._.warnings or [])],
        "schema_version": SCHEMA_VERSION,
    }


def error_record(error: InputError) -> dict:
    return {
        "source": error.source,
        "doc_id": error.doc_id,
        "error": error.error,
        "message": error.message,
    }


def character_record(
    doc_id: str,
    character_id: str,
    index: int,
    doc: Doc,
    offsets: OffsetMap,
    sentence_of: list[int],
) -> dict:
    character = doc._.characters[index]
    mentions = [
        {**span_offsets(doc[start:end], offsets), "type": kind, "sentence": sentence_of[start]}
        for start, end, kind in character["mentions"]
    ]
    return {
        "doc_id": doc_id,
        "id": character_id,
        "name": character["name"],
        "aliases": character["aliases"],
        "kind": character["kind"],
        "gender": character_gender(doc, index),
        "descriptors": character["descriptors"],
        "actor": character["actor"],
        "mention_count": len(mentions),
        "mentions": mentions,
    }


def event_record(
    doc_id: str,
    number: int,
    event: dict,
    doc: Doc,
    offsets: OffsetMap,
    sentence_of: list[int],
    character_ids: dict[int, str],
) -> dict:
    trigger_start, trigger_end = event["trigger"]
    return {
        "doc_id": doc_id,
        "id": f"e{number}",
        "order": number,
        "sentence": sentence_of[trigger_start],
        "predicate": event["predicate"],
        "complement": event["complement"],
        "trigger": span_offsets(doc[trigger_start:trigger_end], offsets),
        "agent": character_ids.get(event["agent"]),
        "patient": character_ids.get(event["patient"]),
        "arguments": [
            {
                "role": argument["role"],
                "text": doc[argument["span"][0] : argument["span"][1]].text,
                "start": doc[argument["span"][0]].idx,
                "end": doc[argument["span"][0] : argument["span"][1]].end_char,
                "character": character_ids.get(argument["character"]),
            }
            for argument in event["arguments"]
        ],
        "negated": event["negated"],
        "modality": event["modality"],
        "attempted": event["attempted"],
    }


def relation_record(
    doc_id: str,
    number: int,
    relation: dict,
    doc: Doc,
    sentence_of: list[int],
    character_ids: dict[int, str],
) -> dict:
    sentence = doc[relation["sentence"][0] : relation["sentence"][1]]
    return {
        "doc_id": doc_id,
        "id": f"r{number}",
        "type": relation["type"],
        "category": relation_types()[relation["type"]].category,
        "source": character_ids[relation["source"]],
        "target": character_ids[relation["target"]],
        "evidence": {
            "sentence": sentence_of[sentence.start],
            "start": sentence.start_char,
            "end": sentence.end_char,
            "text": sentence.text,
        },
        "rule": relation["rule"],
    }


def span_offsets(span: Span, offsets: OffsetMap) -> dict:
    """Clean and raw character offsets and text of a span."""
    raw_start, raw_end = offsets.raw_span(span.start_char, span.end_char)
    return {
        "start": span.start_char,
        "end": span.end_char,
        "raw_start": raw_start,
        "raw_end": raw_end,
        "text": span.text,
    }
