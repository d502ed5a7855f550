"""Readable tables of one document's records, for `extract show`."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from extract.evaluation.ablation import Ablation, ablation_rows
from extract.evaluation.capabilities import CapabilityResults
from extract.evaluation.cast import CastCheck
from extract.evaluation.gap import GapScores
from extract.evaluation.gold import Evaluation
from extract.evaluation.litbank import LitBankScores
from extract.evaluation.weights import FitReport


def record_tables(records: dict[str, list[dict]], explain: bool = False) -> list[Table]:
    """Characters, events and relations of one document as three tables; for records made
    with `explain`, also the clues of each character, the rule of each event and relation,
    and a table of the pronoun and description mentions with the rule that resolved each."""
    document = records["documents"][0]
    names = {character["id"]: character["name"] for character in records["characters"]}

    characters = Table(title=f"{document['doc_id']}: characters")
    columns = ["id", "name", "kind", "gender", "aliases", "descriptors", "actor", "mentions"]
    for column in [*columns, *(["clues"] if explain else [])]:
        characters.add_column(column)
    for character in records["characters"]:
        add_text_row(
            characters,
            character["id"],
            character["name"],
            character["kind"],
            character["gender"],
            ", ".join(character["aliases"]),
            ", ".join(character["descriptors"]),
            character["actor"] or "",
            str(character["mention_count"]),
            *([clue_text(character["explain"])] if explain else []),
        )

    events = Table(title=f"{document['doc_id']}: events")
    for column in ("order", "agent", "predicate", "patient", "arguments", "modality"):
        events.add_column(column)
    if explain:
        events.add_column("rules")
    for event in records["events"]:
        predicate = f"not {event['predicate']}" if event["negated"] else event["predicate"]
        add_text_row(
            events,
            str(event["order"]),
            names.get(event["agent"], ""),
            predicate,
            names.get(event["patient"], ""),
            "; ".join(f"{a['role']}: {a['text']}" for a in event["arguments"]),
            "attempted" if event["attempted"] else event["modality"],
            *([", ".join(event["rules"])] if explain else []),
        )

    relations = Table(title=f"{document['doc_id']}: relations")
    for column in ("source", "type", "target", "evidence", *(["rule"] if explain else [])):
        relations.add_column(column)
    for relation in records["relations"]:
        add_text_row(
            relations,
            names[relation["source"]],
            relation["type"],
            names[relation["target"]],
            relation["evidence"]["text"],
            *([relation["rule"]] if explain else []),
        )
    tables = [characters, events, relations]
    if explain:
        tables.append(mention_table(records))
    return tables


def add_text_row(table: Table, *cells: str) -> None:
    """A row of plain text: brackets from the input ("[1]") are no console markup."""
    table.add_row(*(Text(cell) for cell in cells))


def rule_text(mention: dict) -> str:
    """ "salience, not: clause_subject": the rule that chose the character, and the
    constraints that ruled others out."""
    constraints = f", not: {', '.join(mention['constraints'])}" if mention["constraints"] else ""
    return f"{mention['rule'] or ''}{constraints}"


def clue_text(explanation: dict) -> str:
    """ "person_entity x2, subject = 5.0": the clues of a name and their summed weight."""
    if explanation["evidence"] is None:
        return ""
    clues = ", ".join(
        clue if count == 1 else f"{clue} x{count}" for clue, count in explanation["clues"].items()
    )
    return f"{clues} = {explanation['evidence']:g}"


def mention_table(records: dict[str, list[dict]], context: int = 30) -> Table:
    """Every pronoun and description mention in text order, in its context, with the
    character it was resolved to and the rule that chose it."""
    document = records["documents"][0]
    text = document["text"]
    table = Table(title=f"{document['doc_id']}: mentions resolved")
    for column in ("sentence", "context", "mention", "character", "rule"):
        table.add_column(column)
    mentions = sorted(
        (
            (mention, character)
            for character in records["characters"]
            for mention in character["mentions"]
            if mention["type"] != "name"
        ),
        key=lambda pair: pair[0]["start"],
    )
    for mention, character in mentions:
        before = text[max(mention["start"] - context, 0) : mention["start"]]
        after = text[mention["end"] : mention["end"] + context]
        add_text_row(
            table,
            str(mention["sentence"]),
            f"...{before}[{mention['text']}]{after}...".replace("\n", " "),
            mention["text"],
            f"{character['id']} {character['name']}",
            rule_text(mention),
        )
    return table


def evaluation_table(evaluations: dict[str, Evaluation]) -> Table:
    """Precision / recall / F1 per measure, a column group per evaluated set."""
    documents = ", ".join(f"{name} {e.documents}" for name, e in evaluations.items())
    table = Table(title=f"extract eval: gold documents: {documents}")
    table.add_column("measure")
    for name in evaluations:
        for column in ("P", "R", "F1"):
            table.add_column(f"{name}\n{column}", justify="right")
    measures = {
        "characters": lambda e: e.characters,
        "  named": lambda e: e.named,
        "  nominal": lambda e: e.nominal,
        "relations": lambda e: e.relations,
        "events (interactions)": lambda e: e.events,
    }
    for measure, score_of in measures.items():
        cells = []
        for evaluation in evaluations.values():
            score = score_of(evaluation)
            cells += [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"]
        table.add_row(measure, *cells)
    gender = []
    for evaluation in evaluations.values():
        gender += ["", f"of {evaluation.gender_matched}", f"{evaluation.gender_accuracy:.3f}"]
    table.add_row("gender accuracy (matched)", *gender)
    return table


def error_table(evaluation: Evaluation) -> Table:
    """Every false and missed character, relation and event, by document, with its sentence."""
    table = Table(title=f"extract eval: {len(evaluation.errors)} errors")
    for column in ("document", "kind", "error", "item", "sentence"):
        table.add_column(column)
    for error in evaluation.errors:
        add_text_row(table, error.doc_id, error.kind, error.error, error.item, error.sentence)
    return table


def cast_table(result: CastCheck, errors: bool = False) -> Table:
    """The cast check's share, and with `errors` every actor reported as a character."""
    table = Table(title="extract eval-cast: actors reported as characters")
    for column in ("measure", "value"):
        table.add_column(column)
    table.add_row("cast-list actors named in their plot", str(result.actors_in_text))
    table.add_row("reported as a character", str(len(result.reported)))
    table.add_row("share", f"{100 * result.share:.1f}%")
    if errors:
        for item in result.reported:
            add_text_row(table, f"{item.doc_id} {item.character}", item.actor)
    return table


def capability_table(results: CapabilityResults, failures: bool = False) -> Table:
    """Pass rate per template (rows) and locale of the names (columns)."""
    locales = sorted({locale for _template, locale in results.trials})
    templates = list(dict.fromkeys(template for template, _locale in results.trials))
    table = Table(title="extract capabilities: pass rate per template and names' locale")
    table.add_column("template")
    table.add_column("all", justify="right")
    for locale in locales:
        table.add_column(locale, justify="right")
    for template in templates:
        rates = [results.rate(template, locale) for locale in locales]
        table.add_row(template, f"{results.rate(template):.2f}", *(f"{r:.2f}" for r in rates))
    if failures:
        for template, locale, text in results.failures:
            add_text_row(table, template, locale, text)
    return table


def litbank_table(scores: LitBankScores) -> Table:
    """Named characters on LitBank, with the PERSON-entity baseline."""
    table = Table(title=f"extract eval-litbank: {scores.excerpts} excerpts, named characters")
    for column in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="right" if column != "measure" else "left")
    for measure, score in (("named characters", scores.named), ("baseline", scores.baseline)):
        table.add_row(
            measure,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.predicted),
            str(score.gold),
        )
    table.add_row(
        "gender (matched, gold gender known)", "", "", f"{scores.gender_accuracy:.3f}",
        str(scores.gender_matched), "",
    )  # fmt: skip
    table.caption = "baseline: the base model's PERSON entities, one character per distinct text"
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


def ablation_table(ablation: Ablation) -> Table:
    """One row per rule: the change of every measure, in points, when that rule is off (a
    drop is what the rule earns, a rise what it costs); the first row gives the measures."""
    columns = [
        (name, measure) for name, measures in ablation.baseline.items() for measure in measures
    ]
    table = Table(title=f"extract ablation: {len(ablation.without)} rules, each switched off")
    table.add_column("rule")
    table.add_column("stage, kind")
    for name, measure in columns:
        table.add_column(f"{name}\n{measure}", justify="right")
    add_text_row(
        table,
        "(all rules on)",
        "",
        *(f"{100 * ablation.baseline[name][measure]:.1f}" for name, measure in columns),
    )
    for rule, kind, deltas in ablation_rows(ablation):
        add_text_row(table, rule, kind, *(point_change(deltas[column]) for column in columns))
    if ablation.missing:
        table.caption = "left out: " + "; ".join(ablation.missing)
    return table


def point_change(delta: float) -> str:
    """A change in points, "." when there is none."""
    points = 100 * delta
    return "." if abs(points) < 0.05 else f"{points:+.1f}"


def fit_table(report: FitReport) -> Table:
    """Named characters kept by the hand and the fitted clue weights on held-out folds, per set,
    then the fitted weights beside the hand ones."""
    table = Table(title="extract fit-weights: names kept, held-out folds")
    for column in ("set", "hand P", "hand R", "hand F1", "fitted P", "fitted R", "fitted F1"):
        table.add_column(column, justify="left" if column == "set" else "right")
    for name in sorted(report.hand):
        hand, fitted = report.hand[name], report.fitted[name]
        add_text_row(
            table,
            name,
            *(f"{value:.3f}" for value in (hand.precision, hand.recall, hand.f1)),
            *(f"{value:.3f}" for value in (fitted.precision, fitted.recall, fitted.f1)),
        )
    changed = {
        clue: weight
        for clue, weight in report.weights.items()
        if weight != report.hand_weights[clue]
    }
    table.caption = "fitted on all documents: " + ", ".join(
        f"{clue} {report.hand_weights[clue]:g} -> {weight:g}" for clue, weight in changed.items()
    )
    return table
