"""The HTML view of a run: one self-contained page per document (the text with every mention in
its character's colour, the characters, events, relations and network) and an index page.

Pages are rendered by jinja2 with autoescaping from views/templates/; CSS, script and the
network's SVG are inline, so a page opens without network access.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from extract.views.graph import network_layout, short_label, story_graph, undirected_ties
from extract.views.palette import CATEGORY_COLOURS, character_colours
from extract.views.stories import Run, Story, file_stem

INDEX_PAGE = "index.html"
OPENING_LENGTH = 90  # characters of the text shown beside each document in the index
# a sentence ends with these marks (and closing quotes or brackets) before a space
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
NETWORK_SIZE = (600, 400)  # width, height of the network's SVG, in pixels
NETWORK_RADIUS = 170
SPAN_ORDER = {"sentence": 0, "mention": 1, "trigger": 2}  # outermost first at equal extent
RELATION_CATEGORY_ORDER = ("family", "romance", "social", "work")


@dataclass
class Span:
    """A marked stretch of the clean text: a sentence, a mention or an event's trigger."""

    start: int
    end: int
    kind: str
    attributes: dict
    parts: list = field(default_factory=list)  # text strings and nested spans, in order

    def sort_key(self) -> tuple:
        return (self.start, -self.end, SPAN_ORDER[self.kind], self.attributes.get("order", 0))


@dataclass
class HtmlSummary:
    """What `write_html` wrote."""

    pages: int
    index: Path


def write_html(run: Run, folder: Path) -> HtmlSummary:
    """Write a page per document and index.html into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    environment = template_environment()
    page = environment.get_template("page.html")
    for story in run.stories:
        path = folder / f"{file_stem(story.doc_id)}.html"
        path.write_text(page.render(page_context(story)), encoding="utf-8")
    index = folder / INDEX_PAGE
    index.write_text(
        environment.get_template("index.html").render(index_context(run)), encoding="utf-8"
    )
    return HtmlSummary(len(run.stories), index)


def template_environment() -> Environment:
    return Environment(
        loader=PackageLoader("extract.views", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_context(story: Story) -> dict:
    """What page.html shows of one document."""
    colours = character_colours(story.characters)
    classes = {character["id"]: f"k{i}" for i, character in enumerate(story.characters)}
    return {
        "story": story,
        "document": story.document,
        "colours": [(classes[cid], colour) for cid, colour in colours.items()],
        "classes": classes,
        "names": {character["id"]: character["name"] for character in story.characters},
        "text_parts": text_parts(story, classes),
        "characters": sorted(story.characters, key=lambda c: -c["mention_count"]),
        "relation_groups": relation_groups(story.relations),
        "network": network(story, classes),
        "category_colours": CATEGORY_COLOURS,
    }


def index_context(run: Run) -> dict:
    rows = [
        {
            "doc_id": story.doc_id,
            "page": f"{file_stem(story.doc_id)}.html",
            "opening": opening(story.document["text"]),
            "characters": len(story.characters),
            "events": len(story.events),
            "relations": len(story.relations),
            "warnings": len(story.document["warnings"]),
        }
        for story in run.stories
    ]
    return {"rows": rows, "errors": run.errors}


def opening(text: str) -> str:
    if len(text) <= OPENING_LENGTH:
        return text
    return text[:OPENING_LENGTH].rsplit(" ", 1)[0] + "…"


def text_parts(story: Story, classes: dict[str, str]) -> list:
    """The clean text as strings and nested spans: sentences hold mentions, mentions may hold
    mentions ("[[her] father]") and triggers. A span that crosses the end of the one it opens
    in starts again after it, so every mention is one element."""
    text = story.document["text"]
    spans = [
        Span(start, end, "sentence", {"id": f"s{number}"})
        for number, (start, end) in sentence_spans(story).items()
    ]
    for character in story.characters:
        for mention in character["mentions"]:
            attributes = {
                "character": character["id"],
                "type": mention["type"],
                "class": classes[character["id"]],
                "title": f"{character['name']} ({character['id']})",
            }
            spans.append(Span(mention["start"], mention["end"], "mention", attributes))
    for event in story.events:
        trigger = event["trigger"]
        attributes = {"event": event["id"], "order": event["order"]}
        spans.append(Span(trigger["start"], trigger["end"], "trigger", attributes))
    return nest(text, spans)


def nest(text: str, spans: list[Span]) -> list:
    """Fill each span's parts with the text and spans inside it; returns the top-level parts."""
    root = Span(0, len(text), "sentence", {})
    queue = [(span.sort_key(), index, span) for index, span in enumerate(spans)]
    heapq.heapify(queue)
    open_spans = [root]
    cursors = [0]  # where the text not yet added to each open span starts
    while queue:
        _key, index, span = heapq.heappop(queue)
        while span.start >= open_spans[-1].end:
            close_span(text, open_spans, cursors)
        parent = open_spans[-1]
        if span.end > parent.end:  # crossing: the rest of it follows its parent
            span.start = skip_spaces(text, parent.end, span.end)
            heapq.heappush(queue, (span.sort_key(), index, span))
            continue
        add_text(parent, text[cursors[-1] : span.start])
        parent.parts.append(span)
        cursors[-1] = span.end
        open_spans.append(span)
        cursors.append(span.start)
    while len(open_spans) > 1:
        close_span(text, open_spans, cursors)
    add_text(root, text[cursors[-1] :])
    return root.parts


def close_span(text: str, open_spans: list[Span], cursors: list[int]) -> None:
    span = open_spans.pop()
    add_text(span, text[cursors.pop() : span.end])


def add_text(span: Span, piece: str) -> None:
    if piece:
        span.parts.append(piece)


def sentence_spans(story: Story) -> dict[int, tuple[int, int]]:
    """Sentence number -> (start, end) in the clean text, for each sentence holding a mention, a
    trigger or a relation's evidence (the records place those in their sentence; evidence gives
    a sentence's edges exactly). Between two such sentences the edges are the first and last
    sentence-ending marks, or just the first when the two sentences are next to each other."""
    bounds: dict[int, tuple[int, int]] = {}
    for sentence, start, end in sentence_anchors(story):
        first, last = bounds.get(sentence, (start, end))
        bounds[sentence] = (min(first, start), max(last, end))
    text = story.document["text"]
    numbers = sorted(bounds)
    starts, ends = {}, {}
    for previous, number in zip([None, *numbers], [*numbers, None], strict=True):
        gap_start = 0 if previous is None else bounds[previous][1]
        gap_end = len(text) if number is None else bounds[number][0]
        marks = list(SENTENCE_END.finditer(text, gap_start, gap_end))
        if previous is not None and marks:
            ends[previous] = marks[0].end()
        elif previous is not None:  # no mark: up to the next anchor, or the end of the text
            ends[previous] = gap_end if number is None else gap_start
        if number is None:
            continue
        adjacent = number == (-1 if previous is None else previous) + 1
        if not marks:
            starts[number] = 0 if previous is None else gap_end
        elif adjacent and previous is None:
            starts[number] = 0
        else:
            mark = marks[0] if adjacent else marks[-1]
            starts[number] = skip_spaces(text, mark.end(), gap_end)
    return {number: (starts[number], ends[number]) for number in numbers}


def skip_spaces(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def sentence_anchors(story: Story) -> Iterator[tuple[int, int, int]]:
    """(sentence, start, end) of every mention, trigger and relation evidence."""
    for character in story.characters:
        for mention in character["mentions"]:
            yield mention["sentence"], mention["start"], mention["end"]
    for event in story.events:
        yield event["sentence"], event["trigger"]["start"], event["trigger"]["end"]
    for relation in story.relations:
        evidence = relation["evidence"]
        yield evidence["sentence"], evidence["start"], evidence["end"]


def relation_groups(relations: list[dict]) -> list[tuple[str, str, list[dict]]]:
    """(type, category, relations) by category, then type."""
    groups: dict[str, list[dict]] = {}
    for relation in relations:
        groups.setdefault(relation["type"], []).append(relation)
    return sorted(
        ((kind, members[0]["category"], members) for kind, members in groups.items()),
        key=lambda group: (category_rank(group[1]), group[0]),
    )


def category_rank(category: str) -> int:
    if category in RELATION_CATEGORY_ORDER:
        return RELATION_CATEGORY_ORDER.index(category)
    return len(RELATION_CATEGORY_ORDER)


def network(story: Story, classes: dict[str, str]) -> dict:
    """The network's nodes and lines in SVG pixels (the layout of the PNG and SVG drawings)."""
    graph = story_graph(story)
    width, height = NETWORK_SIZE
    positions = {
        node: (width / 2 + NETWORK_RADIUS * x, height / 2 - NETWORK_RADIUS * y)
        for node, (x, y) in network_layout(graph).items()
    }
    nodes = []
    for node, (x, y) in positions.items():
        data = graph.nodes[node]
        radius = 3 + 1.6 * data["mention_count"] ** 0.5
        if (x, y) == (width / 2, height / 2):  # the hub, named below
            label_x, label_y, anchor = x, y + radius + 13, "middle"
        elif x > width / 2:
            label_x, label_y, anchor = x + radius + 5, y + 4, "start"
        else:
            label_x, label_y, anchor = x - radius - 5, y + 4, "end"
        nodes.append(
            {
                "id": node,
                "name": data["name"],
                "label": short_label(data["name"]),
                "class": classes[node],
                "x": round(x, 1),
                "y": round(y, 1),
                "radius": round(radius, 1),
                "label_x": round(label_x, 1),
                "label_y": round(label_y, 1),
                "anchor": anchor,
                "mentions": data["mention_count"],
            }
        )
    names = {node: graph.nodes[node]["name"] for node in graph.nodes}
    lines = [
        {
            "x1": round(positions[tie.first][0], 1),
            "y1": round(positions[tie.first][1], 1),
            "x2": round(positions[tie.second][0], 1),
            "y2": round(positions[tie.second][1], 1),
            "colour": CATEGORY_COLOURS[tie.category],
            "width": round(tie.width, 1),
            "title": tie.description(names),
        }
        for tie in undirected_ties(graph)
    ]
    return {"width": width, "height": height, "nodes": nodes, "lines": lines}
