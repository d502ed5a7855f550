"""LitBank named characters: the pipeline's named characters on the 100 LitBank excerpts
(Bamman et al. 2019, ~2,000 words of each novel) against the people of its annotations.

Gold: a coreference cluster (coref/conll) is a named character when one of its mentions is a
person (PER in any layer of entities/tsv) written in capitalised words ("Sir Walter Elliot",
"Anne"); its name forms are those mentions. Left out as noise of the gold: mentions that start
with a word of a chapter heading ("Chapter", "Book", "Volume", "Part"), which run into the text;
one-word mentions opening a sentence that the text also writes in lower case ("Mother" where
"mother" occurs too: a common noun capitalised by its place). Gender: "male" or "female" when
the cluster's gendered pronouns all agree, else not scored.

Matched by name forms as the gold scorer matches (extract/evaluation/gold.py). The baseline row
groups the base model's PERSON entities by their text, one character per distinct name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.document import character_gender, is_character
from extract.evaluation.gold import Score, match_characters
from extract.lexicons import pronouns

HEADING_WORDS = {"chapter", "book", "volume", "part"}
NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]’”'](?:\s|$)|n't|'s|’s)")
NO_SPACE_AFTER = re.compile(r"([(\[“‘]) ")


@dataclass(frozen=True)
class Excerpt:
    name: str
    text: str
    characters: list[dict]  # {"name", "aliases", "gender"}


@dataclass
class LitBankScores:
    excerpts: int = 0
    named: Score = field(default_factory=Score)
    gender_correct: int = 0
    gender_matched: int = 0
    baseline: Score = field(default_factory=Score)

    @property
    def gender_accuracy(self) -> float:
        return self.gender_correct / self.gender_matched if self.gender_matched else 0.0

    def as_dict(self) -> dict:
        return {
            "excerpts": self.excerpts,
            "named": self.named.as_dict(),
            "gender_accuracy": self.gender_accuracy,
            "gender_matched": self.gender_matched,
            "baseline_person_entities": self.baseline.as_dict(),
        }


def read_columns(path: Path, skip_comments: bool) -> list[list[list[str]]]:
    """Sentences of token rows (tab-separated columns) of a CoNLL-like file."""
    sentences: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if skip_comments and line.startswith("#"):
            continue
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append(line.split("\t"))
    return [sentence for sentence in sentences if sentence]


def coref_clusters(rows: list[list[str]]) -> dict[str, list[tuple[int, int]]]:
    """Cluster id -> [start, end) token spans, from the bracket column of coref/conll."""
    clusters: dict[str, list[tuple[int, int]]] = {}
    open_spans: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        for part in filter(None, row[-1].strip().split("|")):
            cluster = part.strip("()")
            if part.startswith("(") and part.endswith(")"):
                clusters.setdefault(cluster, []).append((i, i + 1))
            elif part.startswith("("):
                open_spans.setdefault(cluster, []).append(i)
            elif part.endswith(")"):
                clusters.setdefault(cluster, []).append((open_spans[cluster].pop(), i + 1))
    return clusters


def person_spans(rows: list[list[str]]) -> set[tuple[int, int]]:
    """[start, end) of every PER span of entities/tsv, in any nesting layer."""
    spans = set()
    for layer in range(1, max(len(row) for row in rows)):
        start = None
        for i, row in enumerate([*rows, ["", "O"] * 4]):
            tag = row[layer] if layer < len(row) else "O"
            if start is not None and tag != "I-PER":
                spans.add((start, i))
                start = None
            if tag == "B-PER":
                start = i
    return spans


def detokenized(words: list[str]) -> str:
    text = NO_SPACE_BEFORE.sub(r"\1", " ".join(words))
    return NO_SPACE_AFTER.sub(r"\1", text)


def read_excerpt(conll: Path, entities: Path) -> Excerpt:
    coref_sentences = read_columns(conll, skip_comments=True)
    entity_sentences = read_columns(entities, skip_comments=False)
    rows = [row for sentence in coref_sentences for row in sentence]
    entity_rows = [row for sentence in entity_sentences for row in sentence]
    words = [row[3] for row in rows]
    sentence_starts = set()
    position = 0
    for sentence in coref_sentences:
        sentence_starts.add(position)
        position += len(sentence)
    lower_words = {word for word in words if word.islower()}
    persons = person_spans(entity_rows)
    characters = []
    for spans in coref_clusters(rows).values():
        forms = [
            detokenized(words[start:end])
            for start, end in spans
            if (start, end) in persons
            and is_capitalised(words[start:end])
            and not is_noise(words, start, end, sentence_starts, lower_words)
        ]
        if not forms:
            continue
        genders = {
            pronouns()[words[start].lower()].gender
            for start, end in spans
            if end - start == 1 and words[start].lower() in pronouns()
        } & {"male", "female"}
        characters.append(
            {
                "name": max(forms, key=len),
                "aliases": sorted(set(forms)),
                "gender": genders.pop() if len(genders) == 1 else "unknown",
            }
        )
    sentences = [detokenized([row[3] for row in sentence]) for sentence in coref_sentences]
    return Excerpt(conll.stem.removesuffix("_brat"), "\n".join(sentences), characters)


def is_capitalised(words: list[str]) -> bool:
    lettered = [word for word in words if any(char.isalpha() for char in word)]
    return bool(lettered) and all(word[0].isupper() for word in lettered)


def is_noise(
    words: list[str], start: int, end: int, sentence_starts: set[int], lower_words: set[str]
) -> bool:
    """A chapter heading run into the text, or a common noun capitalised as a sentence opener."""
    if words[start].lower() in HEADING_WORDS:
        return True
    return end - start == 1 and start in sentence_starts and words[start].lower() in lower_words


def read_litbank(root: Path) -> list[Excerpt]:
    return [
        read_excerpt(conll, root / "entities" / "tsv" / f"{conll.stem}.tsv")
        for conll in sorted((root / "coref" / "conll").glob("*.conll"))
    ]


def score_litbank(nlp: Language, excerpts: list[Excerpt]) -> LitBankScores:
    """Named characters of the pipeline (and of the PERSON-entity baseline) against the gold."""
    return score_litbank_docs(excerpts, list(nlp.pipe(e.text for e in excerpts)))


def score_litbank_docs(excerpts: list[Excerpt], docs: list[Doc]) -> LitBankScores:
    """Named characters of the Docs made of the excerpts against the gold."""
    scores = LitBankScores()
    for excerpt, doc in zip(excerpts, docs, strict=True):
        scores.excerpts += 1
        predicted = [
            {"name": c["name"], "aliases": c["aliases"], "gender": character_gender(doc, i)}
            for i, c in enumerate(doc._.characters or [])
            if c["kind"] == "named" and is_character(c)
        ]
        pairs = match_characters(predicted, excerpt.characters)
        scores.named.add(Score(len(pairs), len(predicted), len(pairs), len(excerpt.characters)))
        for p, g in pairs:
            if excerpt.characters[g]["gender"] != "unknown":
                scores.gender_matched += 1
                scores.gender_correct += predicted[p]["gender"] == excerpt.characters[g]["gender"]
        baseline = [
            {"name": name, "aliases": [name]}
            for name in dict.fromkeys(e.text for e in doc.ents if e.label_ == "PERSON")
        ]
        matched = len(match_characters(baseline, excerpt.characters))
        scores.baseline.add(Score(matched, len(baseline), matched, len(excerpt.characters)))
    return scores
