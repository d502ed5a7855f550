"""The rule engine: the rules of every stage are named rows of data, run in the order the data
gives, each one switchable, each decision saying which rule made it.

models/rules/rules.tsv lists the rules by stage and kind, in the order a stage tries them; the
clues of models/rules/person_evidence.tsv are the rules of kind `clue` of the characters stage.
A stage registers the function of each rule in a `Registry` and runs it with the `RuleSet` of
its component: all rules but those switched off (`extract run --disable-rule NAME`, or the
component's `disabled_rules` setting), so that `make ablation` measures what each rule adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from extract.lexicons import read_table

NOT_CLUES = {"threshold", "candidate_threshold"}  # rows of person_evidence.tsv that are no clue


@dataclass(frozen=True)
class Rule:
    stage: str
    kind: str
    name: str
    meaning: str


@cache
def rule_table() -> dict[str, Rule]:
    """Every rule by name, in the tables' order."""
    rules = [
        Rule("characters", "clue", row["clue"], row["meaning"])
        for row in read_table("rules/person_evidence.tsv")
        if row["clue"] not in NOT_CLUES
    ]
    rules += [
        Rule(row["stage"], row["kind"], row["rule"], row["meaning"])
        for row in read_table("rules/rules.tsv")
    ]
    table = {rule.name: rule for rule in rules}
    if len(table) != len(rules):
        raise ValueError("models/rules: a rule name is given twice")
    return table


@cache
def rules_of(stage: str, kind: str) -> tuple[str, ...]:
    """The names of a stage's rules of one kind, in their order."""
    return tuple(
        rule.name for rule in rule_table().values() if (rule.stage, rule.kind) == (stage, kind)
    )


class UnknownRule(ValueError):
    """A rule name that no table lists."""


class RuleSet:
    """The rules switched on: all but the disabled ones."""

    def __init__(self, disabled: Iterable[str] = ()):
        self.disabled = frozenset(disabled)
        unknown = sorted(self.disabled - rule_table().keys())
        if unknown:
            raise UnknownRule(f"unknown rule: {', '.join(unknown)} (see models/rules/rules.tsv)")
        self.switches = {name: name not in self.disabled for name in rule_table()}

    def on(self, name: str) -> bool:
        """Whether the rule is switched on; a name no table lists is an error."""
        try:
            return self.switches[name]
        except KeyError:
            raise UnknownRule(name) from None


ALL_RULES = RuleSet()


class Registry:
    """The functions of a stage's rules of one kind, run in the table's order. A rule's function
    returns None, False or an empty collection where it does not decide."""

    instances: list[Registry] = []

    def __init__(self, stage: str, kind: str):
        self.stage, self.kind = stage, kind
        self.functions: dict[str, Callable] = {}
        self.orders: dict[frozenset[str], list[tuple[str, Callable]]] = {}
        Registry.instances.append(self)

    def register(self, name: str) -> Callable[[Callable], Callable]:
        def decorator(function: Callable) -> Callable:
            self.functions[name] = function
            return function

        return decorator

    def ordered(self, rules: RuleSet) -> list[tuple[str, Callable]]:
        """(name, function) of the rules switched on, in the table's order."""
        order = self.orders.get(rules.disabled)
        if order is None:
            order = self.orders[rules.disabled] = [
                (name, self.functions[name])
                for name in rules_of(self.stage, self.kind)
                if name not in rules.disabled
            ]
        return order

    def first(self, rules: RuleSet, *args: Any) -> tuple[str | None, Any]:
        """(name, decision) of the first rule switched on that decides, else (None, None). A
        rule does not decide when it gives None, False or an empty collection (0 is a
        character)."""
        for name, function in self.ordered(rules):
            decision = function(*args)
            if decision is None or decision is False:
                continue
            if not decision and isinstance(decision, list | set):
                continue
            return name, decision
        return None, None
