"""The views of a run: the HTML pages and the character graphs, built from the golden records."""

import io
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from extract.cli import app
from extract.views import drawing
from extract.views.graph import corpus_graph, story_graph, write_graph, write_graphs
from extract.views.html import sentence_spans, write_html
from extract.views.stories import Run, Story, file_stem, read_run

from .conftest import CORPUS

GOLDEN = CORPUS / "golden"
SEEDS = ("000_ba48954a7eb57214", "003_febaaafc5e12a962")
runner = CliRunner()


@pytest.fixture(scope="module")
def golden_run() -> Run:
    return read_run(GOLDEN)


@pytest.fixture(scope="module")
def pages(golden_run, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    write_html(golden_run, folder)
    return folder


class Elements(HTMLParser):
    """The elements of a page, in order: (tag, attributes, the text inside)."""

    VOID = frozenset({"meta", "br", "img", "input", "link"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.open: list[tuple[str, dict, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))
        if tag not in self.VOID:
            self.open.append(self.elements[-1])

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes no open <{tag}>"
        self.open.pop()

    def handle_data(self, data):
        for _tag, _attributes, texts in self.open:
            texts.append(data)

    def having(self, tag: str, **attributes) -> list[tuple[dict, str]]:
        return [
            (found, "".join(texts))
            for name, found, texts in self.elements
            if name == tag
            and all(found.get(k.replace("_", "-")) == v for k, v in attributes.items())
        ]


def story_of(run: Run, doc_id: str) -> Story:
    return next(story for story in run.stories if story.doc_id == doc_id)


def page_of(pages: Path, doc_id: str) -> Elements:
    return Elements((pages / f"{doc_id}.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc_id", SEEDS)
def test_the_page_names_every_character_and_marks_every_mention_once(golden_run, pages, doc_id):
    story = story_of(golden_run, doc_id)
    page = page_of(pages, doc_id)
    panel = {found["data-character"]: text for found, text in page.having("li", tabindex="0")}
    marks = page.having("mark")
    for character in story.characters:
        cid = character["id"]
        assert character["name"] in panel[cid]
        own = [
            (found, text) for found, text in marks if found.get("data-character") == character["id"]
        ]
        assert len(own) == character["mention_count"], character["name"]
        for (found, text), mention in zip(own, character["mentions"], strict=True):
            assert text == mention["text"]
            assert mention["type"] in found["class"].split()
    assert len(marks) == sum(len(c["mentions"]) for c in story.characters) + 3  # + the legend


@pytest.mark.parametrize("doc_id", SEEDS)
def test_the_marked_text_is_the_clean_text(golden_run, pages, doc_id):
    (_found, text) = page_of(pages, doc_id).having("div", **{"class": "text"})[0]
    assert text == story_of(golden_run, doc_id).document["text"]


def test_events_and_relations_link_to_their_sentence(golden_run, pages):
    story = story_of(golden_run, SEEDS[0])
    page = page_of(pages, SEEDS[0])
    sentences = {found["id"] for found, _text in page.having("span", **{"class": "sentence"})}
    links = [found["href"] for found, _text in page.having("a") if found["href"].startswith("#s")]
    assert len(links) == len(story.events) + len(story.relations)
    assert {link[1:] for link in links} <= sentences
    negated = [event for event in story.events if event["negated"]]
    rows = [found["class"].split() for found, _text in page.having("tr") if "class" in found]
    assert negated and sum("negated" in row for row in rows) == len(negated)
    unasserted = [event for event in story.events if event["modality"] != "asserted"]
    assert unasserted and sum("unasserted" in row for row in rows) == len(unasserted)


def test_sentences_found_between_mentions_are_the_parsed_ones(golden_run):
    """Relation evidence gives the parsed sentences' edges: without it, mentions and triggers
    alone place them the same (but for the spaces after a sentence, which spaCy keeps)."""
    for story in golden_run.stories:
        text = story.document["text"]
        spans = sentence_spans(Story(story.document, story.characters, story.events, []))
        for relation in story.relations:
            evidence = relation["evidence"]
            start, end = spans[evidence["sentence"]]
            assert text[start:end] == evidence["text"].strip()


def markup_story() -> Story:
    text = "Ann <script>alert('x')</script> meets \"Bob\" & <b>Cy</b>."
    bob = text.index('"Bob"')
    return Story(
        {
            "doc_id": 'x"><script>',
            "source": "<img src=x onerror=alert(1)>",
            "text": text,
            "n_tokens": 12,
            "n_sentences": 1,
            "warnings": ["<i>odd</i>"],
            "schema_version": "1.0",
        },
        [
            character("c1", "Ann", [(0, 3)]),
            character("c2", '"Bob" <script>', [(bob, bob + 5)]),
        ],
    )


def character(cid: str, name: str, spans: list[tuple[int, int]]) -> dict:
    return {
        "doc_id": "x",
        "id": cid,
        "name": name,
        "aliases": [name],
        "kind": "named",
        "gender": "unknown",
        "descriptors": ["<u>"],
        "actor": None,
        "mention_count": len(spans),
        "mentions": [
            {"start": s, "end": e, "text": "", "type": "name", "sentence": 0} for s, e in spans
        ],
    }


def test_markup_of_the_input_is_escaped(tmp_path):
    story = markup_story()
    errors = [{"source": "<b>bad</b>", "doc_id": None, "error": "empty", "message": "<script>"}]
    write_html(Run([story], errors), tmp_path)
    page = (tmp_path / f"{file_stem(story.doc_id)}.html").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for html in (page, index):
        assert html.count("<script") == 1  # the page's own script
        assert "<b>" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&#34;Bob&#34;</mark> &amp; &lt;b&gt;Cy&lt;/b&gt;." in page
    assert "&lt;b&gt;bad&lt;/b&gt;" in index


def test_a_mention_crossing_another_is_still_one_element(tmp_path):
    """'his Uncle' and 'Uncle George' overlap: the second starts again after the first."""
    text = "He meets his Uncle George today."
    uncle = character("c1", "Uncle George", [(9, 18), (13, 25)])
    story = Story({**markup_story().document, "doc_id": "cross", "text": text}, [uncle])
    write_html(Run([story], []), tmp_path)
    page = page_of(tmp_path, "cross")
    assert [text for _found, text in page.having("mark")][3:] == ["his Uncle", "George"]
    assert page.having("div", **{"class": "text"})[0][1] == text


def test_the_index_lists_every_document_and_the_errors(golden_run, pages):
    index = Elements((pages / "index.html").read_text(encoding="utf-8"))
    links = {found["href"]: text for found, text in index.having("a")}
    assert links == {f"{file_stem(s.doc_id)}.html": s.doc_id for s in golden_run.stories}
    assert all((pages / link).is_file() for link in links)
    assert len(index.having("th", data_type="number")) == 4
    write_html(
        Run([], [{"source": "a.txt", "doc_id": "a", "error": "empty", "message": "x"}]), pages
    )
    assert "a.txt" in (pages / "index.html").read_text(encoding="utf-8")


def test_file_stems_are_safe_and_distinct():
    assert file_stem("wp0042") == "wp0042"
    unsafe = ["../etc", "a/b", "a_b", "index", "INDEX", "x" * 300, "", "é"]
    stems = [file_stem(doc_id) for doc_id in unsafe]
    assert len(set(stems)) == len(stems)
    for stem in stems:
        assert stem and "/" not in stem and not stem.startswith(".") and len(stem) <= 120
        assert stem.lower() != "index"


def expected_edges(story: Story) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """(source, target) -> (interaction events, relation types), from the records."""
    edges: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for event in story.events:
        agent, patient = event["agent"], event["patient"]
        if (
            agent
            and patient
            and agent != patient
            and not event["negated"]
            and event["modality"] == "asserted"
        ):
            count, types = edges.get((agent, patient), (0, []))
            edges[(agent, patient)] = (count + 1, types)
    for relation in story.relations:
        count, types = edges.get((relation["source"], relation["target"]), (0, []))
        edges[(relation["source"], relation["target"])] = (count, [*types, relation["type"]])
    return edges


@pytest.mark.parametrize(
    ("graph_format", "read"), [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)]
)
def test_networkx_reads_the_graphs_back(golden_run, tmp_path, graph_format, read):
    paths = write_graphs(golden_run, tmp_path, graph_format)
    assert len(paths) == len(golden_run.stories)
    for story, path in zip(golden_run.stories, paths, strict=True):
        graph = read(path)
        assert graph.is_directed()
        assert set(graph.nodes) == {character["id"] for character in story.characters}
        for character in story.characters:
            node = graph.nodes[character["id"]]
            assert node["name"] == character["name"]
            assert node["gender"] == character["gender"]
            assert int(node["mention_count"]) == character["mention_count"]
        expected = expected_edges(story)
        assert set(graph.edges) == set(expected)
        for (source, target), (count, types) in expected.items():
            edge = graph.edges[source, target]
            assert int(edge["interactions"]) == count
            assert edge["relations"] == "; ".join(types)


def test_the_seed_graph_has_the_expected_ties(golden_run):
    graph = story_graph(story_of(golden_run, SEEDS[0]))
    names = {graph.nodes[node]["name"]: node for node in graph.nodes}
    seema_deepak = graph.edges[names["Seema"], names["Deepak"]]
    assert "lover" in seema_deepak["relations"] and seema_deepak["category"] == "romance"
    assert "His lover Seema appears" in seema_deepak["evidence"]


def test_graph_files_are_reproducible(golden_run, tmp_path):
    for graph_format in ("gexf", "graphml", "json", "png", "svg"):
        first = write_graphs(golden_run, tmp_path / "a", graph_format)
        second = write_graphs(golden_run, tmp_path / "b", graph_format)
        for one, other in zip(first, second, strict=True):
            assert one.read_bytes() == other.read_bytes(), one.name
    assert b"lastmodifieddate" not in first[0].with_suffix(".gexf").read_bytes()


def test_the_corpus_graph_keys_nodes_by_document(golden_run, tmp_path):
    graph = corpus_graph(golden_run.stories)
    assert graph.number_of_nodes() == sum(len(s.characters) for s in golden_run.stories)
    assert f"{SEEDS[0]}:c1" in graph
    write_graph(graph, tmp_path / "corpus.json", "json")
    data = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))
    again = nx.node_link_graph(data, edges="edges")
    assert set(again.edges) == set(graph.edges)


def test_drawings_show_every_name(golden_run, tmp_path):
    story = story_of(golden_run, SEEDS[0])
    (png,) = write_graphs(Run([story], []), tmp_path, "png")
    (svg,) = write_graphs(Run([story], []), tmp_path, "svg")
    with Image.open(png) as image:
        image.verify()
    with Image.open(png) as image:
        assert image.size == (1000, 740)
        assert len(image.convert("RGB").getcolors(1_000_000)) > 20  # not a blank page
    drawn = svg.read_text(encoding="utf-8")
    for character in story.characters:
        assert f">{character['name']}<" in drawn.replace("&#39;", "'")


def test_png_bytes_decode_to_the_pixels():
    pixels = np.random.default_rng(0).integers(0, 256, (37, 53, 4), dtype=np.uint8)
    with Image.open(io.BytesIO(drawing.png_bytes(pixels))) as image:
        assert image.mode == "RGB"
        assert np.array_equal(np.asarray(image), pixels[:, :, :3])


def test_worker_processes_draw_the_same_files(golden_run, tmp_path, monkeypatch):
    graphs = [story_graph(story) for story in golden_run.stories]
    alone = [tmp_path / f"alone-{i}.png" for i in range(len(graphs))]
    shared = [tmp_path / f"shared-{i}.png" for i in range(len(graphs))]
    drawing.draw_graphs(graphs, alone, workers=1)
    monkeypatch.setattr(drawing, "GRAPHS_PER_TASK", 1)
    drawing.draw_graphs(graphs, shared, workers=2)
    for one, other in zip(alone, shared, strict=True):
        assert one.read_bytes() == other.read_bytes()


def test_the_commands_write_the_views(tmp_path):
    out = tmp_path / "run"
    shutil.copytree(GOLDEN, out)
    result = runner.invoke(app, ["html", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "html" / "index.html").is_file()
    assert all((out / "html" / f"{seed}.html").is_file() for seed in SEEDS)
    result = runner.invoke(app, ["graph", str(out), "--format", "graphml", "--corpus"])
    assert result.exit_code == 0, result.output
    assert (out / "graph" / f"{SEEDS[0]}.graphml").is_file()
    assert (out / "corpus.graphml").is_file()
    assert runner.invoke(app, ["graph", str(out), "--format", "png", "--corpus"]).exit_code == 2
    assert runner.invoke(app, ["graph", str(out), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["html", str(tmp_path)]).exit_code == 1


def test_the_command_line_starts_without_the_graph_libraries():
    """(jinja2 comes with spaCy anyway.)"""
    code = "import sys, extract.cli\nprint(sorted({'networkx', 'matplotlib'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
