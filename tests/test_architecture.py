"""The house rules: the folder tree shows the pipeline, stages talk only through the document
model, and a failing stage fails the tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.tokens import Doc

from extract.document import run_guarded

PACKAGE = Path(__file__).resolve().parent.parent / "extract"
# what a stage may import from the package: the document model and shared helpers
SHARED_MODULES = {
    "extract.document",
    "extract.syntax",
    "extract.phrases",
    "extract.rules",
    "extract.lexicons",
}


def package_imports(path: Path) -> set[str]:
    """The extract.* modules a source file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("extract")}
    return found


def stage_of(module: str) -> str | None:
    """The stage a module belongs to ("extract.stages.coref.pronouns" -> "coref")."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "stages" else None


STAGE_FILES = sorted((PACKAGE / "stages").rglob("*.py"))


@pytest.mark.parametrize("path", STAGE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_imports_no_other_stage(path):
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    own = stage_of(module)
    foreign = {
        imported
        for imported in package_imports(path)
        if imported not in SHARED_MODULES and stage_of(imported) != own
    }
    assert not foreign, f"{module} imports {sorted(foreign)}"


def test_shared_modules_import_no_stage():
    for module in SHARED_MODULES:
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        stages = {imported for imported in package_imports(path) if stage_of(imported)}
        assert not stages, f"{module} imports {sorted(stages)}"


def test_the_folders_show_the_pipeline():
    stages = {path.stem for path in (PACKAGE / "stages").iterdir() if not path.stem.startswith("_")}
    assert stages == {"cleanup", "reparse", "characters", "coref", "events", "relations"}
    for folder in ("io", "evaluation", "views"):
        assert (PACKAGE / folder / "__init__.py").is_file()


def failing(doc: Doc) -> list:
    raise ValueError("broken rule")


def test_a_stage_error_fails_the_test_suite(nlp):
    doc = nlp.make_doc("Raj loves Pooja.")
    with pytest.raises(ValueError, match="broken rule"):
        run_guarded(doc, "events", "events", failing)


def test_in_production_a_stage_error_becomes_a_warning(nlp, monkeypatch):
    monkeypatch.delenv("EXTRACT_RAISE_STAGE_ERRORS")
    doc = nlp.make_doc("Raj loves Pooja.")
    run_guarded(doc, "events", "events", failing)
    assert doc._.events == []
    assert doc._.warnings == ["events stage failed: ValueError: broken rule"]
