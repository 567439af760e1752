"""Initiatives subjects, `<group>_<noun>`: the group's whole name, the counted noun in
the plural, and the commitments a named plan gathers.

Real sentences through the real model and the shipped rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from summit_facts.consolidate import consolidate, programme_aliases, with_programme_names
from summit_facts.events import resolve
from summit_facts.extract import extract
from summit_facts.filing import file_mentions
from summit_facts.models import (
    Claim,
    Context,
    CountValue,
    Evidence,
    Interval,
    Mention,
    Source,
)


def _file(nlp, ruleset, text: str) -> list[Claim]:
    source = Source(id="a.txt", path="a.txt", published=date(2025, 6, 14))
    main, resolved = resolve({source.id: extract(nlp(text), source)}, {source.id: source})
    named = with_programme_names(ruleset, resolved[source.id], [text])
    claims = file_mentions(resolved[source.id], source, "a", named, main=main)
    return consolidate(claims, {source.id: text})


def _subject(claims: list[Claim], surface: str) -> str:
    [claim] = [c for c in claims if c.value.surface == surface]
    return f"{claim.topic}/{claim.slot}"


@pytest.mark.model
def test_a_coalition_keeps_its_whole_name_and_counts_countries(nlp, ruleset):
    text = (
        "A 37-country coalition led by Panama and Canada launched the High Ambition "
        "Coalition for a Quiet Ocean to fight underwater noise pollution."
    )
    subject = _subject(_file(nlp, ruleset, text), "37")
    assert subject == "initiatives/high_ambition_coalition_for_a_quiet_ocean_countries"


@pytest.mark.model
def test_the_commitments_a_named_plan_gathers(nlp, ruleset):
    text = (
        "The outcome of the conference, called the 'Nice Ocean Action Plan', is a two-part "
        "framework made up of a political declaration and over 800 voluntary commitments "
        "by governments, scientists and civil society."
    )
    subject = _subject(_file(nlp, ruleset, text), "over 800")
    assert subject == "initiatives/nice_ocean_action_plan_commitments"


@pytest.mark.model
def test_commitments_of_no_named_plan_are_evidence(nlp, ruleset):
    text = "The conference ended with over 300 voluntary commitments by governments."
    assert _subject(_file(nlp, ruleset, text), "over 300").startswith("auto/")


def test_a_name_cut_after_its_city_is_named_with_it():
    def mention(name: str) -> Mention:
        return Mention(
            doc_id="a.txt",
            value=CountValue(surface="5", nominal=5, interval=Interval(low=5, high=5)),
            context=Context(names=[name]),
            evidence=Evidence(sentence="x", start=0, end=1, value_start=0, value_end=1),
        )

    aliases = programme_aliases([mention("Nice Ocean Action Plan"), mention("Ocean Action Plan")])
    assert aliases == {"ocean action plan": "Nice Ocean Action Plan"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Ports Alliance is a global network of 31 members: Chile, Ghana and others.",
        "The Ports Alliance is a multi-stakeholder initiative of 31 member countries that "
        "seeks to share data on shipping.",
        "The Ports Alliance brings together 31 member countries and the European Union.",
    ],
    ids=["members", "member-countries", "and-the-eu"],
)
def test_a_groups_member_countries_are_its_members(nlp, ruleset, text):
    """'31 member countries' and '31 members' count one thing: the group's members."""
    assert _subject(_file(nlp, ruleset, text), "31") == "initiatives/ports_alliance_members"


@pytest.mark.model
def test_the_plan_a_later_sentence_names_gathers_its_pledges(nlp, ruleset):
    text = (
        "The summit closed with the launch of the Reef Futures Action Plan, a roadmap for "
        'coastal cities. The plan comprises a political declaration titled "Reefs, Our '
        'Future: Acting Together" and over 200 voluntary pledges from governments.'
    )
    subject = _subject(_file(nlp, ruleset, text), "over 200")
    assert subject == "initiatives/reef_futures_action_plan_commitments"
