"""Backends: the local ones and Dask (on a LocalCluster) give the same files."""

import logging
import sys
from pathlib import Path

import distributed  # the dask extra, installed by make test
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.io.outputs import OUTPUT_KINDS
from extract.run import backends
from extract.run.backends import DaskMissing, PipelineSpec, in_order, open_backend
from extract.run.batch import run_batch

from .conftest import CORPUS, REPO

GOLDEN = CORPUS / "golden"
SEEDS = sorted(str(path.relative_to(REPO)) for path in CORPUS.glob("*.txt"))


def file_bytes(out: Path) -> dict[str, bytes]:
    return {kind: (out / f"{kind}.jsonl").read_bytes() for kind in OUTPUT_KINDS}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as local_cluster:
        yield local_cluster


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)  # sources are recorded as given: "corpus/<file>", as in golden


def test_in_order_yields_results_in_submission_order_however_they_complete():
    class Future:
        def __init__(self, batch):
            self.batch = batch

        def result(self):
            return [number * 10 for number in self.batch]

    batches = [[1, 2], [], [3], [4, 5]]
    assert list(in_order(Future, batches, ahead=1)) == [[10, 20], [], [30], [40, 50]]


def test_dask_on_an_existing_cluster_gives_the_golden_files(cluster, tmp_path, in_repo):
    out = tmp_path / "out"
    run_batch(SEEDS, out, backend="dask", scheduler=cluster.scheduler_address, batch_size=1)
    assert file_bytes(out) == file_bytes(GOLDEN)
    with distributed.Client(cluster) as client:
        loaded = client.run(lambda: len(backends._pipelines))
    assert sorted(loaded.values()) == [1, 1]  # each worker loaded the pipeline once


def test_dask_resume_and_error_records_are_those_of_the_local_backend(cluster, tmp_path, in_repo):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n{"id": "ok", "text": "Anna Berg meets Tom Berg."}\n')
    inputs = [*SEEDS, str(bad), str(tmp_path / "missing.txt")]
    run_batch(inputs, tmp_path / "local", workers=2, batch_size=1)
    dask_run = {"backend": "dask", "scheduler": cluster.scheduler_address, "batch_size": 2}
    run_batch(inputs[:2], tmp_path / "dask", **dask_run)
    summary = run_batch(inputs, tmp_path / "dask", resume=True, chunk_size=1, **dask_run)
    assert (summary.skipped, summary.documents, summary.errors) == (2, 3, 2)
    assert file_bytes(tmp_path / "dask") == file_bytes(tmp_path / "local")


def test_run_with_backend_dask_starts_a_local_cluster_of_workers(tmp_path, in_repo):
    out = tmp_path / "out"
    args = ["run", *SEEDS, "--out", str(out), "--backend", "dask", "--workers", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert file_bytes(out) == file_bytes(GOLDEN)


def test_scheduler_without_backend_dask_is_a_usage_error(tmp_path):
    args = ["run", SEEDS[0], "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"]
    assert CliRunner().invoke(app, args).exit_code == 2


def test_dask_backend_without_the_dask_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with (
        pytest.raises(DaskMissing, match=r"extract\[dask\]"),
        open_backend("dask", PipelineSpec("any"), workers=1),
    ):
        pass
