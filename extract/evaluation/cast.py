"""The cast check: an actor is never a character.

For every plot of a corpus that gives its film's cast list (`plots.jsonl`: `id`, `cast`
comma-separated, `text`), the actors whose full name (two words or more, as the cast list writes
it) appears in the plot's text are counted, and so are those among them that the records report
as a character of that plot (the actor's name is the character's name or one of its aliases,
case and spacing aside). The share reported should be zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from extract.evaluation.gold import records_by_doc


@dataclass(frozen=True)
class ActorAsCharacter:
    doc_id: str
    actor: str
    character: str  # the character's id


@dataclass
class CastCheck:
    actors_in_text: int = 0
    reported: list[ActorAsCharacter] = field(default_factory=list)

    @property
    def share(self) -> float:
        return len(self.reported) / self.actors_in_text if self.actors_in_text else 0.0

    def as_dict(self) -> dict:
        return {
            "actors_in_text": self.actors_in_text,
            "reported_as_characters": len(self.reported),
            "share": self.share,
            "reported": [vars(item) for item in self.reported],
        }


def key(name: str) -> str:
    return " ".join(name.lower().split())


def cast_actors(cast: str) -> list[str]:
    """The full names of a cast list ("Mary Pickford, Owen Moore, ...")."""
    return [name.strip() for name in cast.split(",") if len(name.split()) >= 2]


def check_cast(corpus: Path, output_dirs: list[Path]) -> CastCheck:
    """Count the cast-list actors named in each processed plot, and those reported as its
    characters."""
    characters = records_by_doc(output_dirs, "characters")
    processed = set(records_by_doc(output_dirs, "documents"))
    with corpus.open(encoding="utf-8") as lines:
        plots = [plot for plot in map(json.loads, lines) if plot["id"] in processed]
    return check_cast_records(plots, characters)


def check_cast_records(plots: list[dict], characters: dict[str, list[dict]]) -> CastCheck:
    """The cast check of plots (`id`, `cast`, `text`) given their character records by id."""
    result = CastCheck()
    for plot in plots:
        names = {
            key(form): character["id"]
            for character in characters.get(plot["id"], [])
            for form in [character["name"], *character["aliases"]]
        }
        for actor in cast_actors(plot.get("cast") or ""):
            if actor not in plot["text"]:
                continue
            result.actors_in_text += 1
            if key(actor) in names:
                result.reported.append(ActorAsCharacter(plot["id"], actor, names[key(actor)]))
    return result
