"""The state of the left-to-right pass: the characters so far, who is salient, who is known by
which description, and the gender votes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.document import characters_by_token, sentence_numbers
from extract.lexicons import stage_settings
from extract.rules import ALL_RULES, RuleSet
from extract.syntax import opening_subject_of


@dataclass(frozen=True)
class Antecedent:
    head: int
    sentence: int
    character: int
    dep: str


@dataclass(frozen=True)
class CorefSettings:
    """The numeric settings of the coref stage (models/rules/settings.tsv)."""

    sentence_window: int
    group_window: int
    description_gender_weight: int
    pronoun_gender_weight: int
    longest_description: int


DEFAULT_SETTINGS = CorefSettings(**stage_settings("coref"))


class Resolution:
    """The state of the left-to-right pass over one Doc."""

    def __init__(
        self, doc: Doc, rules: RuleSet = ALL_RULES, settings: CorefSettings = DEFAULT_SETTINGS
    ):
        self.doc = doc
        self.rules = rules
        self.settings = settings
        # [start, end, rule, constraints] of every mention it adds
        self.mention_rules: list[list] = []
        self.characters = [
            {**character, "mentions": list(character["mentions"])}
            for character in doc._.names or []
        ]
        # coref's own copies: it links each to its character and its possessor's
        self.descriptions = [dict(description) for description in doc._.descriptions or []]
        self.owners = characters_by_token(doc, doc._.names)
        self.name_ends = {
            end - 1: index
            for index, character in enumerate(self.characters)
            for _start, end, _type in character["mentions"]
        }
        self.sentence_of = sentence_numbers(doc)
        self.antecedents: list[Antecedent] = []
        # (noun, possessor) -> the characters so described, a father and a mother for "parent"
        self.by_description: dict[tuple[str, int], list[int]] = {}
        self.last_described: dict[str, int] = {}  # noun -> character it last described
        self.gender_votes: list[Counter[str]] = [Counter() for _ in self.characters]
        self.creatures: set[int] = set()  # unnamed characters described as animals or monsters
        self.groups: dict[int, list[int]] = {}  # plural pronoun -> the characters it stands for
        self.merged: dict[int, int] = {}  # a character found to be another -> that other

    def merge(self, dropped: int, kept: int) -> None:
        """`dropped` is another name of `kept`: it gives `kept` its mentions and is dropped."""
        survivor, other = self.characters[kept], self.characters[dropped]
        survivor["mentions"].extend(other["mentions"])
        survivor["aliases"] = list(dict.fromkeys([*survivor["aliases"], *other["aliases"]]))
        if survivor["gender"] == "unknown":
            survivor["gender"] = other["gender"]
        other["mentions"] = []
        self.gender_votes[kept] += self.gender_votes[dropped]
        for by_token in (self.owners, self.name_ends):
            for i, character in by_token.items():
                if character == dropped:
                    by_token[i] = kept
        self.antecedents = [
            Antecedent(a.head, a.sentence, kept, a.dep) if a.character == dropped else a
            for a in self.antecedents
        ]
        for known in self.by_description.values():
            known[:] = [kept if character == dropped else character for character in known]
        for noun, character in self.last_described.items():
            if character == dropped:
                self.last_described[noun] = kept
        self.merged[dropped] = kept

    def mention(
        self,
        head: Token,
        character: int,
        start: int,
        end: int,
        kind: str,
        rule: str,
        constraints: list[str] | None = None,
        salient: bool = True,
    ) -> None:
        """Add a mention, with the rule that chose its character and the constraints that
        ruled others out."""
        self.characters[character]["mentions"].append([start, end, kind])
        self.mention_rules.append([start, end, rule, constraints or []])
        for i in range(start, end):  # a possessor inside the phrase keeps its own referent
            if i == head.i or (i not in self.owners and self.doc[i].pos_ != "PRON"):
                self.owners[i] = character
        if salient:
            self.make_salient(head, character)

    def possessors_at(self, index: int | None) -> list[int]:
        """The characters a possessive word stands for: each member of a group ("their"),
        else its one character, else none."""
        if index is None:
            return []
        return self.groups.get(index) or ([self.owners[index]] if index in self.owners else [])

    def make_salient(self, head: Token, character: int) -> None:
        """The mention is an antecedent, in the role it plays: a subject the parser hung
        elsewhere ("Nicat rescues Simuzər") is a subject."""
        after = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        subject = after is not None and opening_subject_of(after) == head
        dep = "nsubj" if subject else head.dep_
        self.antecedents.append(Antecedent(head.i, self.sentence_of[head.i], character, dep))

    def new_character(self) -> int:
        self.characters.append(
            {
                "name": "",
                "aliases": [],
                "kind": "nominal",
                "gender": "unknown",
                "descriptors": [],
                "actor": None,
                "mentions": [],
            }
        )
        self.gender_votes.append(Counter())
        return len(self.characters) - 1

    def gender(self, character: int) -> str:
        """The gender the text gives the character: titles and nouns, else pronoun votes."""
        votes = self.gender_votes[character]
        declared = self.characters[character]["gender"]
        if declared != "unknown":
            return declared
        return max(votes, key=votes.__getitem__) if votes else "unknown"  # most_common(1), cheaper

    def likely_gender(self, character: int) -> str:
        """The text's gender, else the one usually given to the first name."""
        gender = self.gender(character)
        if gender == "unknown":
            return self.characters[character].get("name_prior", "unknown")
        return gender


def of_gender(state: Resolution, characters: list[int], gender: str) -> int | None:
    """The first of the characters whose gender allows `gender`."""
    return next((c for c in characters if state.gender(c) in {gender, "unknown"}), None)


def is_unnamed(state: Resolution, character: int) -> bool:
    return state.characters[character]["kind"] == "nominal"
