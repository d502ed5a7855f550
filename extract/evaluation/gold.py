"""Scores an output folder against gold annotations (format: ../shared/gold/README.md).

Characters match when they share a name form (case-insensitive, spaces collapsed, a leading
article dropped, and also with leading titles dropped), paired greedily by the number of shared
forms, each gold character at most once. Relations compare (type, source, target) through that
matching, order-free for symmetric types; events compare (agent, predicate, patient) as
multisets over asserted, non-negated predicted events that have both an agent and a patient.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.io.outputs import read_records
from extract.lexicons import abbreviated_honorifics, honorifics, relation_types

ARTICLES = ("the ", "a ", "an ")
UNMATCHED = "unmatched:"  # the name key of a predicted character no gold character matches
# a period after an abbreviated title ("Mrs. Lowe") ends no sentence
SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(title)})" for title in sorted(abbreviated_honorifics()))
    + r"[.!?][\"')\]]*\s+"
)


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


@dataclass(frozen=True)
class EvaluationError:
    """A false (predicted, not in the gold) or missed (in the gold, not predicted) item, or a
    matched character's wrong gender, with the sentence that shows it."""

    doc_id: str
    kind: str  # character, relation, event, gender
    error: str  # false, missed; wrong (gender)
    item: str
    sentence: str


@dataclass
class Evaluation:
    documents: int = 0
    characters: Score = field(default_factory=Score)
    named: Score = field(default_factory=Score)
    nominal: Score = field(default_factory=Score)
    gender_correct: int = 0
    gender_matched: int = 0
    relations: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    errors: list[EvaluationError] = field(default_factory=list)

    def add(self, other: Evaluation) -> None:
        """Add another set's counts (and errors) to these."""
        self.documents += other.documents
        for name in ("characters", "named", "nominal", "relations", "events"):
            getattr(self, name).add(getattr(other, name))
        self.gender_correct += other.gender_correct
        self.gender_matched += other.gender_matched
        self.errors += other.errors

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
            "errors": [asdict(error) for error in self.errors],
        }


SCORED_KINDS = ("characters", "relations", "events")


def evaluate(gold_dir: Path, output_dirs: Path | list[Path]) -> Evaluation:
    """Score the records of one or more output folders against every gold file in gold_dir."""
    folders = [output_dirs] if isinstance(output_dirs, Path) else output_dirs
    return evaluate_records(gold_dir, *read_predictions(folders))


def read_predictions(
    output_dirs: list[Path],
) -> tuple[dict[str, dict[str, list[dict]]], dict[str, str]]:
    """The scored records (kind -> doc id -> records) and the documents' texts by id."""
    predicted = {kind: records_by_doc(output_dirs, kind) for kind in SCORED_KINDS}
    texts = {
        doc_id: records[0]["text"]
        for doc_id, records in records_by_doc(output_dirs, "documents").items()
    }
    return predicted, texts


def evaluate_sets(gold_dirs: list[Path], output_dirs: list[Path]) -> dict[str, Evaluation]:
    """An evaluation per gold folder (named by the folder) and, for several, "together"; the
    output folders are read once."""
    predicted, texts = read_predictions(output_dirs)
    evaluations = {
        gold_dir.name: evaluate_records(gold_dir, predicted, texts) for gold_dir in gold_dirs
    }
    if len(evaluations) > 1:
        together = Evaluation()
        for evaluation in evaluations.values():
            together.add(evaluation)
        evaluations["together"] = together
    return evaluations


def evaluate_records(
    gold_dir: Path,
    predicted: dict[str, dict[str, list[dict]]],
    texts: dict[str, str] | None = None,
) -> Evaluation:
    """Score records (kind -> doc id -> records) against every gold file in gold_dir; with
    the documents' `texts`, the errors carry the sentences that show them."""
    total = Evaluation()
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = str(gold["doc_id"])
        evaluate_document(
            gold,
            predicted["characters"].get(doc_id, []),
            predicted["relations"].get(doc_id, []),
            predicted["events"].get(doc_id, []),
            total,
            (texts or {}).get(doc_id, ""),
        )
        total.documents += 1
    return total


def records_by_doc(output_dirs: list[Path], kind: str) -> dict[str, list[dict]]:
    """The records of one kind in the output folders, by document id."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for output_dir in output_dirs:
        path = output_dir / f"{kind}.jsonl"
        if path.is_file():
            for record in read_records(path):
                grouped[record["doc_id"]].append(record)
    return grouped


def evaluate_document(
    gold: dict,
    characters: list[dict],
    relations: list[dict],
    events: list[dict],
    total: Evaluation,
    text: str = "",
) -> None:
    """Add one document's counts and errors to the running totals."""
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
        return gold_of.get(character_id, f"{UNMATCHED}{character_id}")

    # each key with the sentence that shows it (the first, where several do)
    predicted_relations = {}
    for r in relations:
        key = relation_key(r["type"], name(r["source"]), name(r["target"]))
        predicted_relations.setdefault(key, r["evidence"]["text"])
    gold_relations = {}
    for r in gold["relations"]:
        key = relation_key(r["type"], r["source"], r["target"])
        gold_relations.setdefault(key, r.get("evidence", ""))
    total.relations.add(
        overlap(Counter(predicted_relations.keys()), Counter(gold_relations.keys()))
    )

    scored = [
        e
        for e in events
        if e["agent"] and e["patient"] and e["modality"] == "asserted" and not e["negated"]
    ]
    predicted_events = Counter(
        (name(e["agent"]), e["predicate"].lower(), name(e["patient"])) for e in scored
    )
    gold_events = Counter(
        (e["agent"], e["predicate"].lower(), e["patient"]) for e in gold["events"]
    )
    total.events.add(overlap(predicted_events, gold_events))

    doc_id = str(gold["doc_id"])
    names = {c["id"]: c["name"] for c in characters}

    def error(kind: str, wrong: str, item: str, sentence: str) -> None:
        total.errors.append(EvaluationError(doc_id, kind, wrong, item, " ".join(sentence.split())))

    for p, character in enumerate(characters):
        if p not in matched_predicted:
            mention = character["mentions"][0]
            error("character", "false", character["name"], sentence_at(text, mention["start"]))
    for p, g in pairs:
        predicted_gender, gold_gender = characters[p]["gender"], gold_characters[g]["gender"]
        if predicted_gender != gold_gender:
            mention = characters[p]["mentions"][0]
            item = f"{gold_characters[g]['name']}: {predicted_gender}, gold {gold_gender}"
            error("gender", "wrong", item, sentence_at(text, mention["start"]))
    for g, character in enumerate(gold_characters):
        if g not in matched_gold:
            found = [text.find(alias) for alias in character["aliases"] if alias in text]
            error(
                "character", "missed", character["name"], sentence_at(text, min(found, default=-1))
            )
    for key, evidence in predicted_relations.items():
        if key not in gold_relations:
            error("relation", "false", relation_text(key, names), evidence)
    for key, evidence in gold_relations.items():
        if key not in predicted_relations:
            error("relation", "missed", relation_text(key, names), evidence)
    sentences = {
        (name(e["agent"]), e["predicate"].lower(), name(e["patient"])): sentence_at(
            text, e["trigger"]["start"]
        )
        for e in reversed(scored)
    }
    for key in (predicted_events - gold_events).elements():
        error("event", "false", event_text(key, names), sentences[key])
    gold_sentences = {
        (e["agent"], e["predicate"].lower(), e["patient"]): e.get("evidence", "")
        for e in reversed(gold["events"])
    }
    for key in (gold_events - predicted_events).elements():
        error("event", "missed", event_text(key, names), gold_sentences[key])


def relation_text(key: tuple, names: dict[str, str]) -> str:
    """ "Pooja spouse Raj" (type between source and target)."""
    relation_type, source, target = key
    return f"{shown(source, names)} {relation_type} {shown(target, names)}"


def event_text(key: tuple, names: dict[str, str]) -> str:
    """ "Raj marry Pooja"."""
    agent, predicate, patient = key
    return f"{shown(agent, names)} {predicate} {shown(patient, names)}"


def shown(name: str, names: dict[str, str]) -> str:
    """A gold name as it is, a character the gold does not know by its predicted name and id:
    "the maid (c4, not in gold)"."""
    if not name.startswith(UNMATCHED):
        return name
    character_id = name.removeprefix(UNMATCHED)
    return f"{names.get(character_id, character_id)} ({character_id}, not in gold)"


def sentence_at(text: str, offset: int) -> str:
    """The sentence of the text around a character offset ("" for an offset not in it)."""
    if not 0 <= offset < len(text):
        return ""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, offset)]
    start = starts[-1] if starts else 0
    end = SENTENCE_END.search(text, offset)
    return text[start : end.start() + 1 if end else len(text)]


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
