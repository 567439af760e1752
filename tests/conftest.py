"""Shared fixtures: the repo's paths, the loaded pipeline (once per session)."""

from __future__ import annotations

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
