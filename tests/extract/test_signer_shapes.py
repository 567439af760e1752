"""Signers told in news shapes (extract/metonyms.py, context.py, common.py): a government
told by its seat, capital or administration; a list under a label ending in a colon; a
name set off by "however -" near the top is no dateline; "have pledged" names no text.
Sentences are invented for the test."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summit_facts import names
from summit_facts.cli.app import app
from summit_facts.filing import told_before

pytestmark = pytest.mark.model


def _claims(text: str) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["claims"]


def _members(text: str, slot: str) -> list[list[str]]:
    return [
        c["value"]["members"]
        for c in _claims(text)
        if (c["topic"], c["slot"]) == ("signatories", slot)
    ]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The White House said it would not sign the reef declaration.", "United States"),
        ("The Kremlin refused to sign the reef declaration.", "Russia"),
        ("The Harris administration declined to join the reef declaration.", "United States"),
        ("Washington declined to sign the reef declaration.", "United States"),
    ],
)
def test_a_government_told_by_its_seat_is_its_country(text, country):
    assert _members(text, "non_signers") == [[country]]


def test_a_capital_that_is_a_place_stands_for_no_government():
    claims = _claims("The summit in Lima was held on 3 May 2027 and 40 countries signed.")
    assert not [c for c in claims if c["slot"] == "non_signers"]
    assert names.capital_of("Lima") == "Peru"
    assert names.seat_of("the White House") == "United States"


def test_a_list_under_a_colon_label_is_headed_by_the_label():
    text = "Signatories to the Reef Declaration: Peru, Chile, Ecuador, Bolivia.\n"
    assert _members(text, "members") == [["Bolivia", "Chile", "Ecuador", "Peru"]]


def test_a_name_set_off_near_the_top_is_no_dateline():
    text = (
        "Reef pact: 12 countries sign up\n\n"
        "Twelve countries have joined an effort led by Peru to protect reefs.\n\n"
        "Bolivia, however - home to many of the region's largest fleets - is not one of them.\n"
    )
    assert _members(text, "non_signers") == [["Bolivia"]]


def test_a_verb_after_an_auxiliary_names_no_text():
    lemmas = [
        "twelve",
        "country",
        "and",
        "the",
        "african",
        "union",
        "have",
        "pledge",
        "to",
        "protect",
        "reef",
        ".",
    ]
    after = ["six", "firm", "join", "the", "pledge", "."]
    assert told_before([lemmas, after], frozenset())[1] == {}
