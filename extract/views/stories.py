"""The records of a run, grouped by document: what the HTML pages and the graphs are built from
(views read records, never re-parse)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.io.outputs import read_records

SAFE_FILE_STEM = re.compile(r"[\w-][\w.-]*")
RESERVED_STEMS = frozenset({"index"})
MAX_STEM_LENGTH = 100


class RunNotFound(Exception):
    """The folder holds no documents.jsonl of a run."""


@dataclass
class Story:
    """One document's records."""

    document: dict
    characters: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    def interactions(self) -> list[dict]:
        """Asserted, non-negated events from one character to another (as the gold counts
        interaction events)."""
        return [
            event
            for event in self.events
            if event["agent"]
            and event["patient"]
            and event["agent"] != event["patient"]
            and not event["negated"]
            and event["modality"] == "asserted"
        ]


@dataclass
class Run:
    """The stories of a run in output order, and its input errors."""

    stories: list[Story]
    errors: list[dict]


def read_run(folder: Path) -> Run:
    """The records of an `extract run` output folder, grouped by document."""
    documents_path = folder / "documents.jsonl"
    if not documents_path.is_file():
        raise RunNotFound(f"{documents_path} not found: is {folder} the output of `extract run`?")
    stories = {record["doc_id"]: Story(record) for record in read_records(documents_path)}
    for kind in ("characters", "events", "relations"):
        path = folder / f"{kind}.jsonl"
        if path.is_file():
            for record in read_records(path):
                story = stories.get(record["doc_id"])
                if story is not None:
                    getattr(story, kind).append(record)
    errors_path = folder / "errors.jsonl"
    errors = list(read_records(errors_path)) if errors_path.is_file() else []
    return Run(list(stories.values()), errors)


def file_stem(doc_id: str) -> str:
    """A file name for a document's page or graph: the doc id itself when it is a safe one,
    else its safe characters and a short hash of it (so two ids never share a file)."""
    if (
        SAFE_FILE_STEM.fullmatch(doc_id)
        and len(doc_id) <= MAX_STEM_LENGTH
        and doc_id.lower() not in RESERVED_STEMS
    ):
        return doc_id
    safe = re.sub(r"[^\w.-]+", "_", doc_id).strip("._")[:MAX_STEM_LENGTH]
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:10]
    return f"{safe}-{digest}" if safe else digest
