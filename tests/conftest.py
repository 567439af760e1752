"""Shared fixtures: the repo's paths, the loaded pipeline (once per session)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
RULES = REPO / "rules"
GOLD = REPO.parent / "shared" / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def nlp():
    from summit_facts.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def ruleset():
    from summit_facts.rules import load_rules

    return load_rules(RULES)


@pytest.fixture(scope="session")
def rules_without_aliases(tmp_path_factory) -> Path:
    """The shipped rules without `rules/events/`: the general rules alone."""
    folder = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(RULES, folder, ignore=shutil.ignore_patterns("events"))
    return folder


def check_files(tmp_path: Path, files: dict[str, str], *, rules: Path | None = None) -> dict:
    """`facts check --format json` (the real CLI) on a folder of the given articles."""
    from typer.testing import CliRunner

    from summit_facts.cli.app import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    args = ["check", str(corpus), "--format", "json", "--quiet", "--store", str(tmp_path / "st")]
    if rules is not None:
        args += ["--rules", str(rules)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def subjects_of(report: dict, topic: str) -> dict[str, dict]:
    """Slot -> verdict of one topic's rule subjects in a `facts check` JSON report."""
    return {
        v["slot"]: v
        for section in ("contradictions", "consensus", "single_source")
        for v in report[section]
        if v["topic"] == topic
    }
