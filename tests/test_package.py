"""Installable anywhere: the sdist and wheel build without warnings, the wheel carries the
models, and once installed into a fresh virtual environment outside the clone the command, the
Python API and spaCy's entry points work and give the golden records."""

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import CORPUS, REPO

SEED = "000_ba48954a7eb57214"
RECORD_KINDS = ("characters", "events", "relations")


def golden_records(kind: str) -> list[dict]:
    lines = (CORPUS / "golden" / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
    return [record for record in map(json.loads, lines) if record["doc_id"] == SEED]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(build log, wheel, python of a fresh venv holding the wheel and its dependencies)."""
    root = tmp_path_factory.mktemp("package")
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    build = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(root / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    wheel = next((root / "dist").glob("extract-*.whl"))
    venv.create(root / "venv", with_pip=True)
    python = root / "venv" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, cwd=root
    )
    return build.stdout + build.stderr, wheel, python


def run_in(python, code: str, cwd) -> str:
    done = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=cwd, check=True
    )
    return done.stdout


def test_sdist_and_wheel_build_without_warnings(installed):
    log, wheel, _python = installed
    assert "warning" not in log.lower()
    names = zipfile.ZipFile(wheel).namelist()
    assert "extract/models/rules/rules.tsv" in names
    assert "extract/models/lexicons/first_names.tsv" in names
    assert "extract/models/schema/characters.schema.json" in names
    templates = REPO / "extract" / "views" / "templates"
    assert {f"extract/views/templates/{path.name}" for path in templates.iterdir()} <= set(names)


def run_installed_command_on_the_seed(python: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(the installed command, the output folder of its run on the seed), outside the clone."""
    command = python.parent / "extract"
    out = tmp_path / "out"
    subprocess.run(
        [str(command), "run", str(CORPUS / f"{SEED}.txt"), "--out", str(out)],
        check=True,
        cwd=tmp_path,
        capture_output=True,
    )
    return command, out


def test_installed_command_gives_the_golden_records(installed, tmp_path):
    _log, _wheel, python = installed
    _command, out = run_installed_command_on_the_seed(python, tmp_path)
    for kind in RECORD_KINDS:
        lines = (out / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == golden_records(kind), kind


def test_installed_command_writes_the_views(installed, tmp_path):
    """The templates ship in the wheel: the HTML view and a drawing made outside the clone."""
    _log, _wheel, python = installed
    command, out = run_installed_command_on_the_seed(python, tmp_path)
    for view in (["html"], ["graph", "--format", "png"]):
        subprocess.run([str(command), *view, str(out)], check=True, cwd=tmp_path)
    page = (out / "html" / f"{SEED}.html").read_text(encoding="utf-8")
    assert 'data-character="c1"' in page and (out / "html" / "index.html").is_file()
    assert (out / "graph" / f"{SEED}.png").stat().st_size > 10_000


def test_installed_api_gives_the_golden_records(installed, tmp_path):
    _log, _wheel, python = installed
    text = (CORPUS / f"{SEED}.txt").read_text(encoding="utf-8")
    code = (
        "import json, extract\n"
        f"records = extract.extract({text!r}, doc_id={SEED!r})\n"
        "print(json.dumps(records))"
    )
    records = json.loads(run_in(python, code, tmp_path))
    assert set(records) == {"documents", "characters", "events", "relations", "errors"}
    for kind in RECORD_KINDS:
        assert records[kind] == golden_records(kind), kind


def test_spacy_finds_the_stages_and_reloads_a_saved_pipeline(installed, tmp_path):
    _log, _wheel, python = installed
    found = run_in(  # no import of extract: the spacy_factories entry points
        python,
        "import spacy\nnlp = spacy.blank('en')\nnlp.add_pipe('events')\nprint(nlp.pipe_names)",
        tmp_path,
    )
    assert "events" in found
    reloaded = run_in(
        python,
        "import spacy, extract\n"
        "extract.load().to_disk('saved')\n"
        "nlp = spacy.load('saved')\n"
        "doc = nlp('Ravi marries Sita [[Category:Films]].')\n"
        "print(type(nlp.tokenizer).__name__, nlp.pipe_names[-1], doc.text)",
        tmp_path,
    )
    assert reloaded.split() == ["CleaningTokenizer", "relations", "Ravi", "marries", "Sita."]


def test_every_package_of_the_source_is_listed_for_the_wheel():
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "extract").rglob("__init__.py")
    }
    assert on_disk <= listed
