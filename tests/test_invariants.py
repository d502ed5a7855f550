"""Invariants every stage keeps, checked on the bundled corpus and, where ../shared is present,
on a sample of Wikipedia plots: mentions lie inside the text and map back to the raw input,
every character has a mention, every relation and event refers to reported characters."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from extract.io.inputs import Document
from extract.io.records import document_records
from extract.pipeline import process_documents

from .conftest import CORPUS, SHARED

PLOTS = SHARED / "corpus" / "wikiplots" / "plots.jsonl"
SAMPLE = 60  # plots, spread over the file


def bundled_documents() -> list[Document]:
    return [
        Document(path.stem, str(path), path.read_text(encoding="utf-8"))
        for path in sorted(CORPUS.glob("*.txt"))
    ]


def plot_documents() -> list[Document]:
    if not PLOTS.is_file():
        pytest.skip(f"{PLOTS} not found (the shared data sits beside the repository)")
    lines = PLOTS.read_text(encoding="utf-8").splitlines()
    step = max(len(lines) // SAMPLE, 1)
    plots = [json.loads(line) for line in itertools.islice(lines, 0, None, step)]
    return [Document(plot["id"], str(PLOTS), plot["text"]) for plot in plots]


@pytest.fixture(scope="module", params=["bundled corpus", "wikiplots sample"])
def processed(request, nlp):
    documents = bundled_documents() if request.param == "bundled corpus" else plot_documents()
    return [
        (item.document, document_records(item.document, item.doc))
        for item in process_documents(nlp, documents)
    ]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_mentions_lie_inside_the_text_and_map_back_to_the_raw_input(processed):
    for document, records in processed:
        text = records["documents"][0]["text"]
        for character in records["characters"]:
            for mention in character["mentions"]:
                assert 0 <= mention["start"] < mention["end"] <= len(text)
                assert text[mention["start"] : mention["end"]] == mention["text"]
                assert 0 <= mention["raw_start"] < mention["raw_end"] <= len(document.text)
                raw = document.text[mention["raw_start"] : mention["raw_end"]]
                if "[" not in raw and "{" not in raw and "<" not in raw and "&" not in raw:
                    assert squeezed(raw) == squeezed(mention["text"]), document.doc_id


def test_every_character_has_a_mention_and_a_unique_id(processed):
    for _document, records in processed:
        ids = [character["id"] for character in records["characters"]]
        assert len(ids) == len(set(ids))
        for character in records["characters"]:
            assert character["mention_count"] == len(character["mentions"]) >= 1
            assert character["name"]


def test_relations_and_events_refer_to_reported_characters(processed):
    for _document, records in processed:
        ids = {character["id"] for character in records["characters"]}
        for relation in records["relations"]:
            assert {relation["source"], relation["target"]} <= ids
            assert relation["source"] != relation["target"]
        for event in records["events"]:
            participants = {event["agent"], event["patient"]} - {None}
            assert participants and participants <= ids
            for argument in event["arguments"]:
                assert argument["character"] is None or argument["character"] in ids


def test_events_are_in_story_order(processed):
    for _document, records in processed:
        starts = [event["trigger"]["start"] for event in records["events"]]
        assert starts == sorted(starts)
        assert [event["order"] for event in records["events"]] == list(range(1, len(starts) + 1))
