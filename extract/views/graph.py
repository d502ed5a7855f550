"""Character networks built with networkx from a run's records: one graph per document, or one
of the whole corpus, written as GEXF, GraphML or node-link JSON (drawings: views/drawing.py).

A graph is directed. A node is a character (`label`, `name`, `kind`, `gender`, `mention_count`,
`actor`, `doc_id`); an edge u -> v exists when u is the agent of an interaction event (asserted,
not negated) whose patient is v, or when u is the source of a relation to v ("u is the TYPE of
v"). It carries `interactions` (the events u -> v), `relations` (their types, "; "-joined),
`category` (that of its first relation, or "interaction"), `evidence` (the relations' sentences,
" | "-joined) and `weight` (interactions plus relations).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from extract.views.stories import Run, Story, file_stem

GRAPH_FORMATS = ("gexf", "graphml", "json", "png", "svg")
DRAWN_FORMATS = ("png", "svg")
NO_RELATION = "interaction"
EVIDENCE_SEPARATOR = " | "
MAX_LABEL_LENGTH = 22
HUB_MINIMUM_NODES = 4  # from this many characters on, the most mentioned one sits in the middle
ARC_HALF_ANGLE = math.radians(65)  # of each arc, from the horizontal


@dataclass
class Tie:
    """What joins one character to another, before it becomes an edge's attributes."""

    interactions: int = 0
    relations: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def attributes(self) -> dict:
        return {
            "interactions": self.interactions,
            "relations": "; ".join(self.relations),
            "category": self.categories[0] if self.categories else NO_RELATION,
            "evidence": EVIDENCE_SEPARATOR.join(dict.fromkeys(self.evidence)),
            "weight": self.interactions + len(self.relations),
        }


@dataclass
class Pair:
    """Both directions between two characters, as a drawing shows them: one line."""

    first: str
    second: str
    forward: dict = field(default_factory=dict)  # edge attributes first -> second, if any
    backward: dict = field(default_factory=dict)  # edge attributes second -> first, if any

    @property
    def category(self) -> str:
        """The category of a relation either way (first -> second first), else interaction."""
        for data in (self.forward, self.backward):
            if data and data["category"] != NO_RELATION:
                return data["category"]
        return NO_RELATION

    @property
    def width(self) -> float:
        weight = self.forward.get("weight", 0) + self.backward.get("weight", 0)
        return 0.8 + 1.6 * math.log2(1 + weight)

    def description(self, names: dict[str, str]) -> str:
        """Each direction on a line, as in 'Seema → Deepak: lover; 2 event(s)'."""
        parts = []
        for source, target, data in (
            (self.first, self.second, self.forward),
            (self.second, self.first, self.backward),
        ):
            if data:
                facts = [data["relations"]] if data["relations"] else []
                if data["interactions"]:
                    facts.append(f"{data['interactions']} event(s)")
                parts.append(f"{names[source]} → {names[target]}: {'; '.join(facts)}")
        return "\n".join(parts)


def undirected_ties(graph: nx.DiGraph) -> list[Pair]:
    """One pair per two characters joined either way, in the order of their first edge."""
    pairs: dict[frozenset, Pair] = {}
    for source, target, data in graph.edges(data=True):
        pair = pairs.setdefault(frozenset((source, target)), Pair(source, target))
        if source == pair.first:
            pair.forward = data
        else:
            pair.backward = data
    return list(pairs.values())


def story_graph(story: Story) -> nx.DiGraph:
    """The character network of one document, nodes keyed by character id."""
    graph = nx.DiGraph(doc_id=story.doc_id)
    add_story(graph, story, key=str)
    return graph


def corpus_graph(stories: list[Story]) -> nx.DiGraph:
    """The character networks of all documents in one graph, nodes keyed `doc_id:cid`."""
    graph = nx.DiGraph(documents=len(stories))
    for story in stories:
        add_story(graph, story, key=lambda cid, doc_id=story.doc_id: f"{doc_id}:{cid}")
    return graph


def add_story(graph: nx.DiGraph, story: Story, key: Callable[[str], str]) -> None:
    for character in story.characters:
        graph.add_node(
            key(character["id"]),
            label=character["name"],
            name=character["name"],
            kind=character["kind"],
            gender=character["gender"],
            mention_count=character["mention_count"],
            actor=character["actor"] or "",
            doc_id=story.doc_id,
        )
    ties: dict[tuple[str, str], Tie] = {}
    for event in story.interactions():
        ties.setdefault((event["agent"], event["patient"]), Tie()).interactions += 1
    for relation in story.relations:
        tie = ties.setdefault((relation["source"], relation["target"]), Tie())
        tie.relations.append(relation["type"])
        tie.categories.append(relation["category"])
        tie.evidence.append(relation["evidence"]["text"])
    for (source, target), tie in ties.items():
        graph.add_edge(key(source), key(target), **tie.attributes())


def write_graph(graph: nx.DiGraph, path: Path, graph_format: str) -> None:
    """Write a graph as GEXF, GraphML or node-link JSON."""
    if graph_format == "gexf":
        write_gexf(graph, path)
    elif graph_format == "graphml":
        nx.write_graphml(graph, path, encoding="utf-8")
    elif graph_format == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {graph_format!r}")


def write_gexf(graph: nx.DiGraph, path: Path) -> None:
    """GEXF without the date of writing networkx puts in its meta element, so the same records
    give the same file."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(graph)
    del writer.xml.find("meta").attrib["lastmodifieddate"]
    writer.write(str(path))


def write_graphs(run: Run, folder: Path, graph_format: str, workers: int = 1) -> list[Path]:
    """One graph file per document of the run in `folder`; PNG and SVG drawings are made by
    `workers` processes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{file_stem(story.doc_id)}.{graph_format}" for story in run.stories]
    graphs = [story_graph(story) for story in run.stories]
    if graph_format in DRAWN_FORMATS:
        from extract.views.drawing import draw_graphs

        draw_graphs(graphs, paths, workers)
    else:
        for graph, path in zip(graphs, paths, strict=True):
            write_graph(graph, path, graph_format)
    return paths


def network_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in [-1, 1]: the most mentioned character in the middle (with enough
    characters), the others in order of first mention down an arc on the right, then up an
    arc on the left, so each name can be written level, outwards, apart from its neighbours
    (30 names stay readable). Cheap, and the same every time."""
    nodes = list(graph.nodes)
    positions = {}
    if len(nodes) >= HUB_MINIMUM_NODES:
        hub = max(nodes, key=lambda node: graph.nodes[node]["mention_count"])
        positions[hub] = (0.0, 0.0)
        nodes.remove(hub)
    right = nodes[: (len(nodes) + 1) // 2]
    left = nodes[len(right) :]
    for index, node in enumerate(right):
        angle = ARC_HALF_ANGLE * (1 - 2 * (index + 0.5) / len(right))
        positions[node] = (math.cos(angle), math.sin(angle))
    for index, node in enumerate(left):
        angle = ARC_HALF_ANGLE * (2 * (index + 0.5) / len(left) - 1)
        positions[node] = (-math.cos(angle), math.sin(angle))
    return positions


def short_label(name: str) -> str:
    """A character's name cut to fit beside a node ("the boy assigned to gu…")."""
    return name if len(name) <= MAX_LABEL_LENGTH else name[: MAX_LABEL_LENGTH - 1] + "…"
