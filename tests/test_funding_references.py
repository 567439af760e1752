"""Funding money told through a word that points back to the programme the article named
("the group", "its"), and a programme's two targets kept apart: the budget it aims to
have and the pledges it hopes to raise.

Real sentences through the real model and the shipped rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from summit_facts.consolidate import consolidate, with_programme_names
from summit_facts.events import resolve
from summit_facts.extract import extract
from summit_facts.filing import REFERS_BACK, file_mentions
from summit_facts.models import Claim, Source


def _file(nlp, ruleset, text: str) -> list[Claim]:
    source = Source(id="a.txt", path="a.txt", published=date(2025, 6, 26))
    main, resolved = resolve({source.id: extract(nlp(text), source)}, {source.id: source})
    named = with_programme_names(ruleset, resolved[source.id], [text])
    claims = file_mentions(resolved[source.id], source, "a", named, main=main)
    return consolidate(claims, {source.id: text})


def _subjects(claims: list[Claim]) -> dict[str, str]:
    return {c.value.surface: f"{c.topic}/{c.slot}" for c in claims if c.value.kind == "money"}


@pytest.mark.model
def test_the_group_points_back_to_the_programme_named_before(nlp, ruleset):
    # Gavi is a programme because money is pledged to it by name (last paragraph); the
    # sentences before name it, or point back to it, without a parse that says so.
    text = (
        "Global vaccine group Gavi will have more than $9 billion for its "
        "work over the next five years, a sum that includes money raised at a fundraising "
        "summit in Brussels, its chair said on Wednesday.\n\n"
        "Overall, the group had been aiming to have $11.9 billion for its work from 2026 to "
        "2030, and had wanted to raise at least $9 billion at the summit, not counting "
        "leftover money.\n\n"
        "The Gates Foundation pledged $1.6 billion to Gavi. The UK pledged $1.7 billion "
        "to Gavi."
    )
    subjects = _subjects(_file(nlp, ruleset, text))
    assert subjects["more than $9 billion"] == "funding/gavi", subjects
    assert subjects["$11.9 billion"] == "funding/gavi_target", subjects
    assert subjects["at least $9 billion"] == "funding/gavi_pledging_target", subjects


@pytest.mark.model
def test_money_nothing_names_or_points_back_from_stays_evidence(nlp, ruleset):
    text = (
        "The campaign for clean water was launched in March.\n\n"
        "Barroso did not say how much of the $9 billion was leftover funding and how much "
        "was new commitments."
    )
    claims = _file(nlp, ruleset, text)
    assert not any(c.slot.startswith(REFERS_BACK) for c in claims)
    assert [c.topic for c in claims if c.value.kind == "money"] == ["auto"]


@pytest.mark.model
def test_a_goal_to_raise_the_same_amount_as_the_target_is_one_target(nlp, ruleset):
    text = (
        "Policymakers picture the TFFF as a $125-billion fund.\n\n"
        "The TFFF aims to raise around $125 billion from around the world.\n\n"
        "Norway pledged $3 billion to the TFFF."
    )
    subjects = _subjects(_file(nlp, ruleset, text))
    assert subjects["$125-billion"] == "funding/tfff_target", subjects
    assert subjects["around $125 billion"] == "funding/tfff_target", subjects


@pytest.mark.model
def test_a_name_told_as_the_eu_and_its_member_states_pays(nlp, ruleset):
    text = (
        "Donors pledged more than €7.7 billion to Gavi. This included a total pledge of more "
        "than €2 billion from Team Europe – the EU and its Member States – which together "
        "are among the largest donors to Gavi."
    )
    subjects = _subjects(_file(nlp, ruleset, text))
    assert subjects["more than €2 billion"] == "funding/team_europe_gavi", subjects


@pytest.mark.model
def test_a_name_with_no_payer_in_apposition_does_not_pay(nlp, ruleset):
    text = (
        "Donors pledged more than €7.7 billion to Gavi. This included more than €2 billion "
        "announced by Global Citizen, a campaign group, which backs Gavi."
    )
    subjects = _subjects(_file(nlp, ruleset, text))
    assert not subjects["more than €2 billion"].startswith("funding/global_citizen"), subjects
