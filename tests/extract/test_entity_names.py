"""Names in entity lists (extract.py): a country whose name goes on after its head,
hosts joined by "together with", people with an office are no venue. Sentences are
invented for the test."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app

pytestmark = pytest.mark.model


def _claims(text: str) -> list[dict]:
    result = CliRunner().invoke(app, ["extract", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["claims"]


def _members(text: str, topic: str, slot: str) -> list[list[str]]:
    return [
        c["value"]["members"] for c in _claims(text) if (c["topic"], c["slot"]) == (topic, slot)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Netherlands and the Republic of Korea hosted the two-day summit on 3 May 2027.",
        "Co-hosted by the Republic of Korea and the Netherlands, the summit opened on 3 May 2027.",
        "Organised by the Netherlands together with the Republic of Korea, the summit opened"
        " on 3 May 2027.",
    ],
)
def test_a_country_named_with_of_is_one_member(text):
    assert _members(text, "summit", "hosts") == [["Netherlands", "South Korea"]]


def test_a_partner_named_after_with_is_no_host():
    text = (
        "Co-hosted by Chile and the African Union, with Oxfam as a key partner, the summit"
        " opened on 3 May 2027."
    )
    assert _members(text, "summit", "hosts") == [["African Union", "Chile"]]


def test_a_minister_is_no_venue():
    text = (
        "The summit was hosted by Dutch Foreign Minister Wopke Hoekstra and South Korean"
        " Foreign Minister Park Jin."
    )
    claims = _claims(text)
    assert not [c for c in claims if c["slot"] == "venue"], claims
    hosts = [c["value"] for c in claims if c["slot"] == "hosts"]
    assert hosts and hosts[0]["roles"] == {
        "Wopke Hoekstra": "Netherlands",
        "Park Jin": "South Korea",
    }


def test_signing_on_a_weekday_names_no_instrument():
    slots = {c["slot"] for c in _claims("Kenya and Brazil signed the accord on Tuesday.")}
    assert not [s for s in slots if "tuesday" in s], slots


@pytest.mark.parametrize(
    ("text", "slot", "members"),
    [
        # A former name glosses the name now: one member, not two.
        (
            "The signers of the agreement included Acme, formerly known as Globex, as well"
            " as Initech, Umbrella and Hooli.",
            "members",
            ["Acme", "Hooli", "Initech", "Umbrella"],
        ),
        # A name in capitals the tagger takes for a common noun is a name all the same.
        (
            "The signers of the agreement are Initech, Umbrella, Hooli and X (formerly Globex).",
            "members",
            ["Hooli", "Initech", "Umbrella", "X"],
        ),
        ("X, formerly Umbrella, was not a signatory to the agreement.", "non_signers", ["X"]),
        # The owner's name is no part of what it owns (companies told as such sign as
        # the principal text's company signers).
        (
            "Thirteen other companies, among them Initech and Elon Musk's X, signed the agreement.",
            "members_companies",
            ["Initech", "X"],
        ),
    ],
)
def test_a_former_name_is_no_member_of_its_own(text, slot, members):
    assert _members(text, "signatories", slot) == [members]


def test_a_name_after_the_others_of_a_list_goes_on_with_it():
    # The parser hangs the last names on the first as an apposition; a renaming
    # apposition would follow the first name, not the others.
    text = (
        "Twenty companies including Initech, Umbrella, Hooli, Facebook owner Meta and chip"
        ' industry leader Nvidia launched a "Reef Accord," pledging to work together.'
    )
    [members] = _members(text, "signatories", "members")
    assert set(members) == {"Hooli", "Initech", "Meta", "Nvidia", "Umbrella"}, members


@pytest.mark.model
def test_a_leader_told_with_the_country_after_or_before_the_name_stands_for_it(tmp_path):
    # "Prime Minister Ana Torres of Peru", "Peru's Prime Minister Ana Torres": Peru.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-02-12\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The ports summit in Lima was co-chaired by Peru and Chile.\n",
            "b.md": lead + "The ports summit in Lima was co-chaired by Prime Minister Ana "
            "Torres of Peru and President Luis Vega of Chile.\n",
            "c.md": lead + "The ports summit in Lima was co-chaired by Peru's Prime Minister "
            "Ana Torres and Chile's President Luis Vega.\n",
        },
    )
    hosts = subjects_of(report, "summit")["hosts"]
    assert hosts["verdict"] == "consensus", hosts
    assert sorted(hosts["consensus"]["sources"]) == ["a.md", "b.md", "c.md"]


def test_a_body_whose_name_is_also_a_towns_is_a_member():
    # "the Commonwealth" is also some town's name in the gazetteer: told with an article
    # and tagged as an organisation, it is a body in the list.
    text = (
        "The ports summit opened on Monday. The summit, which was hosted by Ghana and"
        " co-chaired by the African Union and the Commonwealth, drew 40 leaders."
    )
    assert _members(text, "summit", "hosts") == [["African Union", "Commonwealth", "Ghana"]]
