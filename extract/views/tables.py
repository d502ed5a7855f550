"""Readable tables of one document's records, for `extract show`."""

from __future__ import annotations

from rich.table import Table

from extract.evaluation.gap import GapScores
from extract.evaluation.gold import Evaluation


def record_tables(records: dict[str, list[dict]]) -> list[Table]:
    """Characters, events and relations of one document as three tables."""
    document = records["documents"][0]
    names = {character["id"]: character["name"] for character in records["characters"]}

    characters = Table(title=f"{document['doc_id']}: characters")
    for column in ("id", "name", "kind", "gender", "aliases", "descriptors", "actor", "mentions"):
        characters.add_column(column)
    for character in records["characters"]:
        characters.add_row(
            character["id"],
            character["name"],
            character["kind"],
            character["gender"],
            ", ".join(character["aliases"]),
            ", ".join(character["descriptors"]),
            character["actor"] or "",
            str(character["mention_count"]),
        )

    events = Table(title=f"{document['doc_id']}: events")
    for column in ("order", "agent", "predicate", "patient", "arguments", "modality"):
        events.add_column(column)
    for event in records["events"]:
        predicate = f"not {event['predicate']}" if event["negated"] else event["predicate"]
        events.add_row(
            str(event["order"]),
            names.get(event["agent"], ""),
            predicate,
            names.get(event["patient"], ""),
            "; ".join(f"{a['role']}: {a['text']}" for a in event["arguments"]),
            event["modality"],
        )

    relations = Table(title=f"{document['doc_id']}: relations")
    for column in ("source", "type", "target", "evidence"):
        relations.add_column(column)
    for relation in records["relations"]:
        relations.add_row(
            names[relation["source"]],
            relation["type"],
            names[relation["target"]],
            relation["evidence"]["text"],
        )
    return [characters, events, relations]


def evaluation_table(evaluation: Evaluation) -> Table:
    """Precision / recall / F1 per measure."""
    table = Table(title=f"extract eval: {evaluation.documents} gold documents")
    for column in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    scores = {
        "characters": evaluation.characters,
        "  named": evaluation.named,
        "  nominal": evaluation.nominal,
        "relations": evaluation.relations,
        "events (interactions)": evaluation.events,
    }
    for measure, score in scores.items():
        table.add_row(
            measure,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.predicted),
            str(score.gold),
        )
    table.add_row(
        "gender accuracy (matched)", "", "", f"{evaluation.gender_accuracy:.3f}",
        str(evaluation.gender_matched), "",
    )  # fmt: skip
    return table


def gap_table(name: str, rows: int, scores: GapScores) -> Table:
    """GAP measures as the official scorer prints them."""
    table = Table(title=f"extract eval-gap: {name}, {rows} rows (snippet-context)")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    for measure, score in (
        ("overall", scores.overall),
        ("masculine (M)", scores.masculine),
        ("feminine (F)", scores.feminine),
    ):
        table.add_row(measure, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
    table.add_row("bias (F/M)", "", "", f"{scores.bias:.3f}")
    return table
