"""PNG and SVG drawings of character networks with matplotlib: the layout of views/graph.py,
node area by mentions, node colour as on the HTML page, edge colour by relation category, width
by weight.

Made for thousands of graphs: no pyplot; each process keeps one figure with the legend drawn,
and for a PNG draws only the graph over the kept pixels of that figure (matplotlib's blitting);
the graphs are shared among worker processes.
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib
import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from extract.views.graph import network_layout, short_label, undirected_ties
from extract.views.palette import CATEGORY_COLOURS, character_colours

FIGURE_INCHES = (10, 7.4)
DOTS_PER_INCH = 100
Y_LIMIT = 1.15  # layout units above and below the centre; x follows the figure's shape
FONT_SIZE = 9
TITLE_FONT_SIZE = 11
LABEL_GAP = 0.05  # between a node and its name, in layout units
GRAPHS_PER_TASK = 50
# SVG text stays text (small, searchable); its ids and metadata carry no randomness or date
RC = {"svg.fonttype": "none", "svg.hashsalt": "extract"}
SVG_METADATA = {"Date": None}
PNG_COMPRESSION = 1  # zlib level: the fastest; a drawing is mostly white and stays small
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_drawer: Drawer | None = None


class Drawer:
    """A figure with its legend, reused for every drawing of a process."""

    def __init__(self) -> None:
        self.figure = Figure(figsize=FIGURE_INCHES, dpi=DOTS_PER_INCH)
        self.canvas = FigureCanvasAgg(self.figure)
        self.axes = self.figure.add_axes((0, 0, 1, 1))
        self.axes.set_axis_off()
        x_limit = Y_LIMIT * FIGURE_INCHES[0] / FIGURE_INCHES[1]
        self.axes.set_xlim(-x_limit, x_limit)
        self.axes.set_ylim(-Y_LIMIT, Y_LIMIT)
        draw_legend(self.axes, x_limit)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def draw(self, graph: nx.DiGraph, path: Path) -> None:
        positions = network_layout(graph)
        artists = [
            *draw_edges(self.axes, graph, positions),
            *draw_nodes(self.axes, graph, positions),
            self.axes.text(
                0, Y_LIMIT - 0.06, graph.graph["doc_id"], ha="center", fontsize=TITLE_FONT_SIZE
            ),
        ]
        if path.suffix == ".png":
            self.canvas.restore_region(self.background)
            for artist in artists:
                self.axes.draw_artist(artist)
            path.write_bytes(png_bytes(np.asarray(self.canvas.buffer_rgba())))
        else:
            self.figure.savefig(path, format="svg", metadata=SVG_METADATA)
        for artist in artists:
            artist.remove()


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
    """Draw (graph, path) jobs with this process's figure."""
    global _drawer
    with matplotlib.rc_context(RC):
        if _drawer is None:
            _drawer = Drawer()
        for graph, path in jobs:
            _drawer.draw(graph, path)


def draw_edges(axes, graph: nx.DiGraph, positions: dict) -> list:
    """One line per pair of characters, both directions together."""
    pairs = undirected_ties(graph)
    if not pairs:
        return []
    lines = LineCollection(
        [(positions[pair.first], positions[pair.second]) for pair in pairs],
        colors=[CATEGORY_COLOURS[pair.category] for pair in pairs],
        linewidths=[pair.width for pair in pairs],
        zorder=1,
    )
    return [axes.add_collection(lines)]


def draw_nodes(axes, graph: nx.DiGraph, positions: dict) -> list:
    """Circles of area by mention count, named beside the circle (the hub: below it)."""
    nodes = list(graph.nodes)
    if not nodes:
        return []
    counts = {node: graph.nodes[node]["mention_count"] for node in nodes}
    colours = character_colours([{"id": node, "mention_count": counts[node]} for node in nodes])
    circles = axes.scatter(
        [positions[node][0] for node in nodes],
        [positions[node][1] for node in nodes],
        s=[50 + 20 * counts[node] ** 0.8 for node in nodes],
        c=[colours[node] for node in nodes],
        edgecolors="white",
        linewidths=1,
        zorder=2,
    )
    labels = []
    for node in nodes:
        x, y = positions[node]
        label = short_label(graph.nodes[node]["name"])
        if (x, y) == (0, 0):
            text = axes.text(0, -0.1, label, ha="center", va="top", fontweight="bold")
        elif x > 0:
            text = axes.text(x + LABEL_GAP, y, label, ha="left", va="center")
        else:
            text = axes.text(x - LABEL_GAP, y, label, ha="right", va="center")
        text.set(fontsize=FONT_SIZE, zorder=3)
        labels.append(text)
    return [circles, *labels]


def draw_legend(axes, x_limit: float) -> None:
    """The colour of each relation category, along the bottom."""
    x = 0.04 - x_limit
    for category, colour in CATEGORY_COLOURS.items():
        axes.text(x, 0.04 - Y_LIMIT, f"— {category}", color=colour, fontsize=FONT_SIZE)
        x += 0.45


def png_bytes(pixels: np.ndarray) -> bytes:
    """A PNG of height x width x RGBA pixels (opaque: the alpha is left out), rows unfiltered.
    Pillow (what savefig uses) tries the five PNG filters on every row: for these drawings that
    took twice as long as drawing them, to save a quarter of the file size."""
    height, width = pixels.shape[:2]
    rows = np.zeros((height, 1 + width * 3), np.uint8)  # each row: filter type 0, then RGB
    rows[:, 1:].reshape(height, width, 3)[:] = pixels[:, :, :3]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join(
        (
            PNG_SIGNATURE,
            png_chunk(b"IHDR", header),
            png_chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESSION)),
            png_chunk(b"IEND", b""),
        )
    )


def png_chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)
