"""GAP (Webster et al. 2018): does the pipeline's own coreference link the pronoun of each
snippet to name A, to name B? Snippet-context only (the URL column is never read).

Measures as the official scorer: F1 of the TRUE decisions over all A and B decisions
(overall), on rows whose pronoun is masculine (M) and feminine (F), and bias = F1(F) / F1(M).
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.document import characters_by_token
from extract.evaluation.gold import Score
from extract.lexicons import pronouns
from extract.stages.cleanup import OffsetMap


@dataclass(frozen=True)
class GapRow:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool
    b: str
    b_offset: int
    b_coref: bool

    @property
    def gender(self) -> str:
        return pronouns()[self.pronoun.lower()].gender


@dataclass(frozen=True)
class GapDecision:
    id: str
    a_coref: bool
    b_coref: bool


@dataclass
class GapScores:
    overall: Score
    masculine: Score
    feminine: Score

    @property
    def bias(self) -> float:
        return self.feminine.f1 / self.masculine.f1 if self.masculine.f1 else 0.0

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.as_dict(),
            "masculine": self.masculine.as_dict(),
            "feminine": self.feminine.as_dict(),
            "bias": self.bias,
        }


def read_gap(path: Path) -> Iterator[GapRow]:
    """Rows of a GAP .tsv file."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield GapRow(
                id=row["ID"],
                text=row["Text"],
                pronoun=row["Pronoun"],
                pronoun_offset=int(row["Pronoun-offset"]),
                a=row["A"],
                a_offset=int(row["A-offset"]),
                a_coref=row["A-coref"].upper() == "TRUE",
                b=row["B"],
                b_offset=int(row["B-offset"]),
                b_coref=row["B-coref"].upper() == "TRUE",
            )


def predict(nlp: Language, rows: list[GapRow], batch_size: int = 64) -> list[GapDecision]:
    """One decision per row from the pipeline's characters."""
    docs = nlp.pipe((row.text for row in rows), batch_size=batch_size)
    return [decide(row, doc) for row, doc in zip(rows, docs, strict=True)]


def decide(row: GapRow, doc: Doc) -> GapDecision:
    owner = character_at_raw_offsets(doc)
    pronoun = owner(row.pronoun_offset, row.pronoun_offset + len(row.pronoun))
    a = owner(row.a_offset, row.a_offset + len(row.a))
    b = owner(row.b_offset, row.b_offset + len(row.b))
    return GapDecision(
        row.id, pronoun is not None and pronoun == a, pronoun is not None and pronoun == b
    )


def character_at_raw_offsets(doc: Doc):
    """A function: raw span -> index of the character with a mention overlapping it, or None."""
    offsets = OffsetMap.from_list(doc._.offset_map)
    token_starts = [offsets.raw_offset(token.idx) for token in doc]
    owners = characters_by_token(doc)

    def owner(raw_start: int, raw_end: int) -> int | None:
        first = max(bisect_right(token_starts, raw_start) - 1, 0)
        while first > 0 and token_starts[first] < raw_start and doc[first].tag_ == "POS":
            first -= 1  # an actor cut after "Aiman's (Mansha Pasha) brother" is Aiman's
        last = bisect_right(token_starts, raw_end - 1)
        for i in range(first, last):
            if i in owners:
                return owners[i]
        return None

    return owner


def score(rows: Iterable[GapRow], decisions: Iterable[GapDecision]) -> GapScores:
    scores = GapScores(Score(), Score(), Score())
    for row, decision in zip(rows, decisions, strict=True):
        by_gender = scores.masculine if row.gender == "male" else scores.feminine
        for predicted, gold in ((decision.a_coref, row.a_coref), (decision.b_coref, row.b_coref)):
            counts = Score(
                int(predicted and gold), int(predicted), int(predicted and gold), int(gold)
            )
            scores.overall.add(counts)
            by_gender.add(counts)
    return scores


def prediction_lines(decisions: Iterable[GapDecision]) -> Iterator[str]:
    """The official scorer's input: ID<TAB>A-coref<TAB>B-coref, TRUE/FALSE."""
    for decision in decisions:
        yield f"{decision.id}\t{str(decision.a_coref).upper()}\t{str(decision.b_coref).upper()}\n"
