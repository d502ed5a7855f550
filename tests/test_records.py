"""Records: schema, key order, ids by first mention, raw offsets into the input."""

from extract.io.inputs import Document
from extract.io.records import document_records
from extract.pipeline import process_documents

from .conftest import CORPUS

RAW = (
    "'''Anna Berg''' ([[Jane Doe]]) meets [[Tom Berg|Tom]] in {{lang|de|Berlin}}.<ref>x</ref> "
    "Anna Berg's brother Tom Berg gives her the keys. She thanks him."
)


def records_of(nlp, raw, doc_id="t1"):
    document = Document(doc_id=doc_id, source="test", text=raw)
    (processed,) = process_documents(nlp, [document])
    return document_records(document, processed.doc)


def test_records_of_the_seeds_validate_against_the_schemas(nlp, assert_valid):
    for path in sorted(CORPUS.glob("*.txt")):
        assert_valid(records_of(nlp, path.read_text(encoding="utf-8"), path.stem))


def test_records_of_markup_validate_against_the_schemas(nlp, assert_valid):
    assert_valid(records_of(nlp, RAW))


def test_keys_follow_the_contract_order(nlp):
    records = records_of(nlp, RAW)
    assert list(records["documents"][0]) == [
        "doc_id", "source", "text", "n_tokens", "n_sentences", "warnings", "schema_version",
    ]  # fmt: skip
    assert list(records["characters"][0]) == [
        "doc_id", "id", "name", "aliases", "kind", "gender", "descriptors", "actor",
        "mention_count", "mentions",
    ]  # fmt: skip


def test_raw_offsets_of_name_mentions_point_at_the_same_name_in_the_input(nlp):
    records = records_of(nlp, RAW)
    for character in records["characters"]:
        for mention in character["mentions"]:
            assert RAW[mention["raw_start"] : mention["raw_end"]] == mention["text"]


def test_clean_offsets_point_into_the_document_text(nlp):
    records = records_of(nlp, RAW)
    text = records["documents"][0]["text"]
    for character in records["characters"]:
        for mention in character["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in records["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]


def test_character_ids_follow_first_mention_and_are_used_by_relations(nlp):
    records = records_of(nlp, RAW)
    ids = [character["id"] for character in records["characters"]]
    assert ids == [f"c{n}" for n in range(1, len(ids) + 1)]
    starts = [character["mentions"][0]["start"] for character in records["characters"]]
    assert starts == sorted(starts)
    for relation in records["relations"]:
        assert {relation["source"], relation["target"]} <= set(ids)
