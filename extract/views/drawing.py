"""PNG and SVG drawings of character networks with matplotlib: the ring layout, node area by
mentions, node colour as on the HTML page, edge colour by relation category, width by weight.

Fast enough for thousands of graphs: no pyplot, one figure per process cleared and reused, the
graphs shared among worker processes.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from extract.views.graph import ring_layout, short_label, undirected_ties
from extract.views.palette import CATEGORY_COLOURS, character_colours

FIGURE_INCHES = 8
DOTS_PER_INCH = 100
FONT_SIZE = 9
LABEL_GAP = 0.07  # between a ring node and its name, in layout units
GRAPHS_PER_TASK = 50
# SVG text stays text (small, searchable); ids and metadata carry no randomness or date
RC = {"svg.fonttype": "none", "svg.hashsalt": "extract", "font.size": FONT_SIZE}
METADATA = {"png": {"Software": None}, "svg": {"Date": None}}
SAVE_OPTIONS = {"png": {"pil_kwargs": {"compress_level": 1}}, "svg": {}}

_axes = None  # of this process's figure, reused for every drawing


def draw_graphs(graphs: list[nx.DiGraph], paths: list[Path], workers: int = 1) -> None:
    """Draw each graph to its path (.png or .svg), in `workers` processes."""
    jobs = list(zip(graphs, paths, strict=True))
    if workers <= 1 or len(jobs) < 2 * GRAPHS_PER_TASK:
        draw_all(jobs)
        return
    tasks = [jobs[i : i + GRAPHS_PER_TASK] for i in range(0, len(jobs), GRAPHS_PER_TASK)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(draw_all, tasks))


def draw_all(jobs: list[tuple[nx.DiGraph, Path]]) -> None:
    with matplotlib.rc_context(RC):
        for graph, path in jobs:
            draw_graph(graph, path)


def draw_graph(graph: nx.DiGraph, path: Path) -> None:
    """One drawing; the figure of this process is reused."""
    axes = reused_axes()
    positions = ring_layout(graph)
    draw_edges(axes, graph, positions)
    draw_nodes(axes, graph, positions)
    axes.text(0, 1.24, graph.graph.get("doc_id", ""), ha="center", fontsize=FONT_SIZE + 2)
    draw_legend(axes)
    graph_format = path.suffix.lstrip(".")
    axes.figure.savefig(path, metadata=METADATA[graph_format], **SAVE_OPTIONS[graph_format])
    for artist in [*axes.collections, *axes.texts]:
        artist.remove()


def reused_axes():
    """The axes of this process's figure, made on first use (clearing a figure or axes costs
    more than drawing a small graph)."""
    global _axes
    if _axes is None:
        figure = Figure(figsize=(FIGURE_INCHES * 1.35, FIGURE_INCHES), dpi=DOTS_PER_INCH)
        _axes = figure.add_axes((0, 0, 1, 1))
        _axes.set_axis_off()
        _axes.set_xlim(-1.75, 1.75)
        _axes.set_ylim(-1.3, 1.3)
    return _axes


def draw_edges(axes, graph: nx.DiGraph, positions: dict) -> None:
    """One line per pair of characters, both directions together."""
    pairs = undirected_ties(graph)
    if not pairs:
        return
    lines = LineCollection(
        [(positions[pair.first], positions[pair.second]) for pair in pairs],
        colors=[CATEGORY_COLOURS[pair.category] for pair in pairs],
        linewidths=[pair.width for pair in pairs],
        zorder=1,
    )
    axes.add_collection(lines)


def draw_nodes(axes, graph: nx.DiGraph, positions: dict) -> None:
    """Circles of area by mention count, named beside the circle (hub: below)."""
    nodes = list(graph.nodes)
    if not nodes:
        return
    colours = character_colours(
        [{"id": node, "mention_count": graph.nodes[node]["mention_count"]} for node in nodes]
    )
    axes.scatter(
        [positions[node][0] for node in nodes],
        [positions[node][1] for node in nodes],
        s=[30 + 12 * graph.nodes[node]["mention_count"] ** 0.8 for node in nodes],
        c=[colours[node] for node in nodes],
        edgecolors="white",
        linewidths=1,
        zorder=2,
    )
    for node in nodes:
        x, y = positions[node]
        label = short_label(graph.nodes[node]["name"])
        if x == 0 and y == 0:
            axes.text(0, -0.1, label, ha="center", va="top", zorder=3, fontweight="bold")
        else:
            alignment = "left" if x > 0.01 else "right" if x < -0.01 else "center"
            scale = 1 + LABEL_GAP
            axes.text(x * scale, y * scale, label, ha=alignment, va="center", zorder=3)


def draw_legend(axes) -> None:
    x = -1.7
    for category, colour in CATEGORY_COLOURS.items():
        axes.text(x, -1.25, f"— {category}", color=colour, fontsize=FONT_SIZE, va="bottom")
        x += 0.45
