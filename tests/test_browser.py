"""The HTML view in a real browser: headless Chromium (the system's, driven by Playwright) opens
the pages of the golden run without any console error or network request, a click on a
character lights exactly its mentions, the index sorts; screenshots go to out/browser/."""

import shutil
from pathlib import Path

import pytest

from extract.views.html import write_html
from extract.views.stories import file_stem, read_run

from .conftest import CORPUS, REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "out" / "browser"
SEED = "000_ba48954a7eb57214"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason=f"{CHROMIUM} not found: install Debian's chromium package (.ci/run does)",
)


@pytest.fixture(scope="module")
def run():
    return read_run(CORPUS / "golden")


@pytest.fixture(scope="module")
def pages(run, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    write_html(run, folder)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a file in a new tab; on leaving, fail on any console error, uncaught exception or
    request for anything but a local file."""
    problems: list[str] = []
    tabs = []

    def open_file(path: Path):
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        tab.on(
            "request",
            lambda r: r.url.startswith("file://") or problems.append(f"request: {r.url}"),
        )
        tab.goto(path.as_uri())
        tabs.append(tab)
        return tab

    yield open_file
    for tab in tabs:
        tab.close()
    assert not problems, problems


def screenshot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=SCREENSHOTS / f"{name}.png")


def lit_mentions(tab) -> dict[str, int]:
    """Character id -> how many of its mentions in the text are lit."""
    ids = tab.eval_on_selector_all(".text mark.lit", "marks => marks.map(m => m.dataset.character)")
    return {cid: ids.count(cid) for cid in set(ids)}


def test_every_page_opens_cleanly(run, pages, open_page):
    for story in run.stories:
        tab = open_page(pages / f"{file_stem(story.doc_id)}.html")
        marks = tab.locator(".text mark").count()
        assert marks == sum(character["mention_count"] for character in story.characters)
        assert tab.locator(".network svg .node").count() == len(story.characters)
    open_page(pages / "index.html")


def test_a_click_on_a_character_lights_its_mentions(run, pages, open_page):
    story = next(story for story in run.stories if story.doc_id == SEED)
    tab = open_page(pages / f"{SEED}.html")
    assert lit_mentions(tab) == {}
    for character in story.characters[:3]:
        cid = character["id"]
        tab.click(f".characters [data-character='{cid}']")
        tab.mouse.move(0, 0)  # lit by the click, not by the pointer
        assert lit_mentions(tab) == {cid: character["mention_count"]}
        assert tab.locator(f".network .node.lit[data-character='{cid}']").count() == 1
        if cid == "c3":
            screenshot(tab, f"{SEED}-{cid}")
    tab.click(f".characters [data-character='{cid}']")  # a second click lets go
    tab.mouse.move(0, 0)
    assert lit_mentions(tab) == {}


def test_pointing_at_a_mention_lights_its_character(run, pages, open_page):
    story = next(story for story in run.stories if story.doc_id == SEED)
    seema = next(character for character in story.characters if character["name"] == "Seema")
    tab = open_page(pages / f"{SEED}.html")
    tab.hover(".text mark.name[data-character='c3'] >> nth=0")
    assert lit_mentions(tab) == {seema["id"]: seema["mention_count"]}
    assert tab.locator(".characters .lit").get_attribute("data-character") == seema["id"]
    tab.mouse.move(0, 0)
    assert lit_mentions(tab) == {}


def test_an_event_links_to_its_sentence(pages, open_page):
    tab = open_page(pages / f"{SEED}.html")
    tab.click(".events tbody tr >> nth=2 >> a")
    target = tab.evaluate("document.querySelector(':target').id")
    assert target == tab.locator(".events tbody tr >> nth=2 >> a").inner_text()


def test_the_index_sorts_by_a_column(run, pages, open_page):
    tab = open_page(pages / "index.html")
    counts = sorted(len(story.characters) for story in run.stories)

    def column() -> list[int]:
        cells = "#documents tbody tr td:nth-child(3)"
        return [int(text) for text in tab.locator(cells).all_inner_texts()]

    header = tab.locator("#documents th", has_text="characters")
    header.click()
    assert column() == counts
    header.click()
    assert column() == counts[::-1]
    screenshot(tab, "index")
    tab.locator("#documents a", has_text=SEED).click()
    assert tab.url.endswith(f"{SEED}.html")


def test_a_page_keeps_working_when_copied_alone(pages, open_page, tmp_path):
    """Self-contained: one page copied anywhere shows and lights the same."""
    alone = tmp_path / "alone.html"
    shutil.copy(pages / f"{SEED}.html", alone)
    tab = open_page(alone)
    tab.click(".characters [data-character='c1']")
    assert lit_mentions(tab)["c1"] > 0
