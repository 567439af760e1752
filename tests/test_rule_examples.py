"""Every example sentence in every rule file is filed (or not) as the file says."""

from __future__ import annotations

import pytest

from summit_facts.examples import cases, passes
from summit_facts.rules import load_rules
from tests.conftest import RULES

CASES = cases(load_rules(RULES))


def test_every_slot_has_examples_both_ways():
    rules = load_rules(RULES)
    for rule_file in rules.topics():
        for name, slot in rule_file.slots.items():
            assert slot.examples.match, f"{rule_file.id}.{name} has no must-file example"
            assert slot.examples.no_match, f"{rule_file.id}.{name} has no must-not example"


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_example(case, nlp, ruleset):
    assert passes(case, ruleset, nlp), str(case)
