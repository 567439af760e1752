"""Parsing on Dask: the same report as a local run, and a clear error without Dask."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summit_facts.errors import InputError
from summit_facts.store import Store
from tests.conftest import SEEDS


def test_without_dask_the_user_is_told_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from summit_facts import cluster

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(InputError) as caught:
        cluster.connect("local", model=None)
    assert caught.value.hint == "pip install 'summit-facts[cluster]'"


def test_the_pipeline_does_not_import_dask() -> None:
    code = (
        "import sys, summit_facts.check, summit_facts.cli.app; print('distributed' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def _check(*args: str) -> dict:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "summit_facts", "check", str(SEEDS), "--format", "json"]
    done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _claims(store: Path) -> list[dict]:  # type: ignore[type-arg]
    with Store.open(store) as db:
        run = db.last_run()
    assert run is not None
    return [claim.model_dump(mode="json") for claim in run.claims]


@pytest.mark.model
@pytest.mark.cluster
def test_a_local_cluster_gives_the_report_of_a_local_run(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    on_cluster = _check("--cluster", "local", "--store", str(tmp_path / "cluster"))
    local = _check("--jobs", "1", "--store", str(tmp_path / "local"))
    # The report has no timestamps: everything in it must match, order included.
    assert on_cluster == local
    assert _claims(tmp_path / "cluster") == _claims(tmp_path / "local")
    assert local["claims"] > 0
