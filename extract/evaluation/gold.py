"""Scores an output folder against gold annotations (format: ../shared/gold/README.md).

Characters match when they share a name form (case-insensitive, spaces collapsed, a leading
article dropped, and also with leading titles dropped), paired greedily by the number of shared
forms, each gold character at most once. Relations compare (type, source, target) through that
matching, order-free for symmetric types; events compare (agent, predicate, patient) as
multisets over asserted, non-negated predicted events that have both an agent and a patient.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from extract.io.outputs import read_records
from extract.lexicons import honorifics, relation_types

ARTICLES = ("the ", "a ", "an ")


@dataclass
class Score:
    """Precision, recall and F1 from matched counts on each side."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Evaluation:
    documents: int
    characters: Score
    named: Score
    nominal: Score
    gender_correct: int
    gender_matched: int
    relations: Score
    events: Score

    @property
    def gender_accuracy(self) -> float:
        return self.gender_correct / self.gender_matched if self.gender_matched else 0.0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "characters": self.characters.as_dict(),
            "characters_named": self.named.as_dict(),
            "characters_nominal": self.nominal.as_dict(),
            "gender_accuracy": self.gender_accuracy,
            "gender_matched": self.gender_matched,
            "relations": self.relations.as_dict(),
            "events": self.events.as_dict(),
        }


SCORED_KINDS = ("characters", "relations", "events")


def evaluate(gold_dir: Path, output_dir: Path) -> Evaluation:
    """Score the records in output_dir against every gold file in gold_dir."""
    predicted = {kind: records_by_doc(output_dir / f"{kind}.jsonl") for kind in SCORED_KINDS}
    return evaluate_records(gold_dir, predicted)


def evaluate_records(gold_dir: Path, predicted: dict[str, dict[str, list[dict]]]) -> Evaluation:
    """Score records (kind -> doc id -> records) against every gold file in gold_dir."""
    total = Evaluation(0, Score(), Score(), Score(), 0, 0, Score(), Score())
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = str(gold["doc_id"])
        evaluate_document(
            gold,
            predicted["characters"].get(doc_id, []),
            predicted["relations"].get(doc_id, []),
            predicted["events"].get(doc_id, []),
            total,
        )
        total.documents += 1
    return total


def records_by_doc(path: Path) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    if path.is_file():
        for record in read_records(path):
            grouped[record["doc_id"]].append(record)
    return grouped


def evaluate_document(
    gold: dict, characters: list[dict], relations: list[dict], events: list[dict], total: Evaluation
) -> None:
    """Add one document's counts to the running totals."""
    gold_characters = gold["characters"]
    pairs = match_characters(characters, gold_characters)
    gold_of = {characters[p]["id"]: gold_characters[g]["name"] for p, g in pairs}
    matched_predicted = {p for p, _ in pairs}
    matched_gold = {g for _, g in pairs}

    total.characters.add(Score(len(pairs), len(characters), len(pairs), len(gold_characters)))
    for score, named in ((total.named, True), (total.nominal, False)):
        predicted_kind = [i for i, c in enumerate(characters) if (c["kind"] == "named") == named]
        gold_kind = [i for i, c in enumerate(gold_characters) if c["named"] == named]
        score.add(
            Score(
                len(matched_predicted.intersection(predicted_kind)),
                len(predicted_kind),
                len(matched_gold.intersection(gold_kind)),
                len(gold_kind),
            )
        )
    for p, g in pairs:
        total.gender_matched += 1
        total.gender_correct += characters[p]["gender"] == gold_characters[g]["gender"]

    def name(character_id: str) -> str:
        return gold_of.get(character_id, f"unmatched:{character_id}")

    predicted_relations = {
        relation_key(r["type"], name(r["source"]), name(r["target"])) for r in relations
    }
    gold_relations = {relation_key(r["type"], r["source"], r["target"]) for r in gold["relations"]}
    total.relations.add(overlap(Counter(predicted_relations), Counter(gold_relations)))

    predicted_events = Counter(
        (name(e["agent"]), e["predicate"].lower(), name(e["patient"]))
        for e in events
        if e["agent"] and e["patient"] and e["modality"] == "asserted" and not e["negated"]
    )
    gold_events = Counter(
        (e["agent"], e["predicate"].lower(), e["patient"]) for e in gold["events"]
    )
    total.events.add(overlap(predicted_events, gold_events))


def overlap(predicted: Counter, gold: Counter) -> Score:
    common = sum((predicted & gold).values())
    return Score(common, sum(predicted.values()), common, sum(gold.values()))


def relation_key(relation_type: str, source: str, target: str) -> tuple:
    known = relation_types().get(relation_type)
    if known is not None and known.symmetric:
        return (relation_type, *sorted((source, target)))
    return (relation_type, source, target)


def match_characters(predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (predicted index, gold index) by number of shared name forms."""
    predicted_forms = [name_keys_of([c["name"], *c["aliases"]]) for c in predicted]
    gold_forms = [name_keys_of([c["name"], *c["aliases"]]) for c in gold]
    candidates = sorted(
        (-len(p_forms & g_forms), p, g)
        for p, p_forms in enumerate(predicted_forms)
        for g, g_forms in enumerate(gold_forms)
        if p_forms & g_forms
    )
    pairs, used_predicted, used_gold = [], set(), set()
    for _shared, p, g in candidates:
        if p not in used_predicted and g not in used_gold:
            pairs.append((p, g))
            used_predicted.add(p)
            used_gold.add(g)
    return pairs


def name_keys_of(forms: list[str]) -> set[str]:
    return {key for form in forms for key in name_keys(form)}


def name_keys(form: str) -> set[str]:
    """Comparable keys of a name form: normalised, and without leading titles."""
    key = " ".join(form.lower().split())
    for article in ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
            break
    keys = {key}
    titles = {title.lower() for title in honorifics()}
    words = key.split()
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
        keys.add(" ".join(words))
    return keys
