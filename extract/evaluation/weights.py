"""Refit the weights of the person-evidence clues (models/rules/person_evidence.tsv) on the gold
at hand, as a logistic regression over the same clues.

Every name of a gold document (cmu-dev, wikiplots-dev, LitBank) is a sample: its features are
the counts of its clues (clues about how a name is written count once), its label whether it
matches a gold named character by name forms. Each set weighs the same in the fit (LitBank has
most names), and the score from which a name is kept is the one with the best F1 averaged over
the sets; the weights are scaled so that this score is the table's threshold, 1. The clues of
real people (actors, film crew, critics) decide something else (never a character, still an
antecedent) and keep their hand weights; so do the clues the gold never shows. The fit is judged
by cross-validation over documents: on each held-out fold, the names kept by the fitted weights
against those kept by the hand weights, by precision, recall and F1 per set. The table takes the
weights fitted on all documents (`extract fit-weights --write`) only where they win on every
set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language

from extract.evaluation.gold import Score, match_characters
from extract.evaluation.litbank import read_litbank
from extract.io.inputs import Document, read_inputs
from extract.lexicons import (
    MODELS_DIR,
    once_per_name_clues,
    person_evidence_weights,
    real_person_clues,
)
from extract.pipeline import DEFAULT_MODEL, build_nlp
from extract.rules import ALL_RULES
from extract.stages.characters import name_evidence
from extract.syntax import base_modifiers, base_verbs

WEIGHTS_TABLE = MODELS_DIR / "rules" / "person_evidence.tsv"
NOT_CLUES = ("threshold", "candidate_threshold")
FOLDS = 5
L2 = 1.0  # ridge penalty of the fit, in the units of the log-likelihood


@dataclass(frozen=True)
class NameSample:
    doc_set: str
    doc_id: str
    name: str
    clues: dict[str, float]  # clue -> count (once-per-name clues: 1)
    is_character: bool  # matches a gold named character


@dataclass
class FitReport:
    """Per set: the names kept by the hand weights and by the fitted ones on held-out folds."""

    hand: dict[str, Score] = field(default_factory=dict)
    fitted: dict[str, Score] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)  # fitted on every document
    hand_weights: dict[str, float] = field(default_factory=dict)


def gold_documents(shared: Path) -> list[tuple[str, str, str, list[dict]]]:
    """(set, doc id, text, gold named characters) of cmu-dev, wikiplots-dev and LitBank."""
    documents = []
    for doc_set, corpus in (
        ("cmu-dev", shared / "corpus" / "cmu-dev" / "plot_summaries.tsv"),
        ("wikiplots-dev", shared / "corpus" / "wikiplots" / "plots.jsonl"),
    ):
        gold_dir = shared / "gold" / doc_set
        gold = {path.stem: path for path in gold_dir.glob("*.json")}
        for item in read_inputs([str(corpus)]):
            if isinstance(item, Document) and item.doc_id in gold:
                characters = json.loads(gold[item.doc_id].read_text(encoding="utf-8"))
                named = [c for c in characters["characters"] if c.get("named")]
                documents.append((doc_set, item.doc_id, item.text, named))
    for excerpt in read_litbank(shared / "litbank"):
        documents.append(("litbank", excerpt.name, excerpt.text, excerpt.characters))
    return documents


def name_samples(
    nlp: Language, documents: list[tuple[str, str, str, list[dict]]]
) -> list[NameSample]:
    """The names of the documents, each with its clues and whether the gold has it."""
    verbs, modifiers = base_verbs(nlp), base_modifiers(nlp)
    weights = person_evidence_weights()
    once = once_per_name_clues()
    samples = []
    texts = (text for _set, _id, text, _gold in documents)
    docs = nlp.pipe(texts, disable=["coref", "events", "relations"])
    for (doc_set, doc_id, _text, gold), doc in zip(documents, docs, strict=True):
        mentions, clues, _scores = name_evidence(doc, verbs, ALL_RULES, weights, modifiers)
        named = [(m, c) for m, c in zip(mentions, clues, strict=True) if m]
        names = [
            {"name": doc[m[0][0] : m[0][1]].text, "aliases": [doc[s:e].text for s, e, _ in m]}
            for m, _clues in named
        ]
        matched = {p for p, _g in match_characters(names, gold)}
        for index, (name, (_m, cluster_clues)) in enumerate(zip(names, named, strict=True)):
            counts: dict[str, float] = {}
            for clue in cluster_clues:
                counts[clue] = 1.0 if clue in once else counts.get(clue, 0.0) + 1.0
            samples.append(NameSample(doc_set, doc_id, name["name"], counts, index in matched))
    return samples


def fitted_clues(samples: Iterable[NameSample]) -> list[str]:
    """The clues the fit sets: those the samples show, real-person clues aside."""
    shown = {clue for sample in samples for clue in sample.clues}
    return sorted(shown - real_person_clues() - set(NOT_CLUES))


def design(samples: list[NameSample], clues: list[str]) -> tuple[np.ndarray, np.ndarray]:
    features = np.array([[s.clues.get(c, 0.0) for c in clues] for s in samples])
    return features, np.array([s.is_character for s in samples], dtype=float)


def fit_logistic(
    features: np.ndarray, labels: np.ndarray, sample_weights: np.ndarray, l2: float = L2
) -> np.ndarray:
    """Weights (intercept last) of an L2-penalised, sample-weighted logistic regression, by
    Newton's method."""
    x = np.hstack([features, np.ones((len(features), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not penalised
    for _ in range(60):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (sample_weights * (p - labels)) + penalty * w
        hessian = (x.T * (sample_weights * p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def set_balance(samples: list[NameSample]) -> np.ndarray:
    """Sample weights that give every set the same weight in the fit (LitBank has most names)."""
    sizes = {doc_set: 0 for doc_set in (s.doc_set for s in samples)}
    for sample in samples:
        sizes[sample.doc_set] += 1
    return np.array([len(samples) / (len(sizes) * sizes[s.doc_set]) for s in samples])


def best_cut(samples: list[NameSample], scores: np.ndarray) -> float:
    """The score from which names are kept that gives the best F1, averaged over the sets."""
    sets = sorted({s.doc_set for s in samples})
    labels = np.array([s.is_character for s in samples])
    members = {doc_set: np.array([s.doc_set == doc_set for s in samples]) for doc_set in sets}

    def mean_f1(cut: float) -> float:
        kept = scores >= cut
        f1s = []
        for member in members.values():
            found = int((kept & labels & member).sum())
            predicted, gold = int((kept & member).sum()), int(labels[member].sum())
            f1s.append(Score(found, predicted, found, gold).f1)
        return float(np.mean(f1s))

    return max(np.unique(scores), key=mean_f1)


def fitted_weights(samples: list[NameSample], clues: list[str]) -> dict[str, float]:
    """Clue weights in the table's units: a name is kept when its score reaches 1, the cut
    that gave the best mean F1 on `samples`; the other rows keep their hand values."""
    features, labels = design(samples, clues)
    w = fit_logistic(features, labels, set_balance(samples))
    coefficients = w[:-1]
    cut = best_cut(samples, features @ coefficients)
    if cut <= 0:
        raise ValueError("the fitted weights keep names with no clue: nothing to scale to 1")
    weights = dict(person_evidence_weights())
    for clue, coefficient in zip(clues, coefficients, strict=True):
        weights[clue] = round(float(coefficient / cut), 2)
    return weights


def keeps(sample: NameSample, weights: dict[str, float]) -> bool:
    score = sum(weights.get(clue, 0.0) * count for clue, count in sample.clues.items())
    return score >= weights["threshold"]


def cross_validate(samples: list[NameSample], folds: int = FOLDS) -> FitReport:
    """Fitted against hand weights on held-out folds of documents, per set; recall is over the
    gold names some name of the text matches."""
    hand = person_evidence_weights()
    clues = fitted_clues(samples)
    documents = sorted({(s.doc_set, s.doc_id) for s in samples})
    fold_of = {doc: index % folds for index, doc in enumerate(documents)}
    report = FitReport()
    for fold in range(folds):
        train = [s for s in samples if fold_of[(s.doc_set, s.doc_id)] != fold]
        weights = fitted_weights(train, clues)
        for sample in (s for s in samples if fold_of[(s.doc_set, s.doc_id)] == fold):
            for scores, kept in (
                (report.hand, keeps(sample, hand)),
                (report.fitted, keeps(sample, weights)),
            ):
                found = int(kept and sample.is_character)
                scores.setdefault(sample.doc_set, Score()).add(
                    Score(found, int(kept), found, int(sample.is_character))
                )
    report.weights = fitted_weights(samples, clues)
    report.hand_weights = dict(hand)
    return report


def run_fit(shared: Path, model: str = DEFAULT_MODEL) -> FitReport:
    """Cross-validated fit of the clue weights on the gold documents of `shared`."""
    nlp = build_nlp(model)
    samples = name_samples(nlp, gold_documents(shared))
    return cross_validate(samples)


def wins_everywhere(report: FitReport) -> bool:
    """The fitted weights give a named-character F1 no lower than the hand ones on every set."""
    return all(report.fitted[name].f1 >= report.hand[name].f1 for name in report.hand)


def write_weights(weights: dict[str, float], table: Path = WEIGHTS_TABLE) -> None:
    """Replace the weight column of the table, keeping its comments, order and other columns."""
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    written = []
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if not line.startswith("#") and cells[0] in weights and cells[0] != "clue":
            cells[1] = f"{weights[cells[0]]:g}"
            line = "\t".join(cells) + "\n"
        written.append(line)
    table.write_text("".join(written), encoding="utf-8")
