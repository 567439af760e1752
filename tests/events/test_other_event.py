"""The shipped rules carry over to another summit: a corpus about the REAIM summit
(Responsible AI in the Military Domain, The Hague, February 2023), hand-written, figures
are invented for the test, with one preview article that got the dates, venue and hosts
wrong. None of these sentences appears in the seeds or in the rules."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from tests.conftest import REPO

CORPUS = REPO / "tests" / "fixtures" / "corpora" / "reaim"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    result = CliRunner().invoke(
        app, ["check", str(CORPUS), "--format", "json", "--store", str(store), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _subject(report, topic, slot):
    for section in ("contradictions", "consensus", "single_source"):
        for verdict in report[section]:
            if (verdict["topic"], verdict["slot"]) == (topic, slot):
                return verdict
    raise AssertionError(f"no subject {topic}/{slot}")


def test_wrong_dates_are_a_contradiction_with_the_right_consensus(report):
    dates = _subject(report, "summit", "dates")
    assert dates["verdict"] == "contradiction"
    assert dates["consensus"]["value"]["start"] == "2023-02-15"
    assert dates["consensus"]["value"]["end"] == "2023-02-16"
    assert dates["dissent"][0]["sources"] == ["preview.txt"]


def test_venue_and_signer_count_contradict(report):
    venue = _subject(report, "summit", "venue")
    assert venue["verdict"] == "contradiction"
    assert venue["consensus"]["value"]["text"] == "World Forum"
    count = _subject(report, "signatories", "count")
    assert count["verdict"] == "contradiction"
    values = sorted(c["value"]["nominal"] for c in [count["consensus"], *count["dissent"]] if c)
    assert values == [28, 29]


def test_partial_signer_lists_agree_and_declaration_names_align(report):
    assert _subject(report, "signatories", "members")["verdict"] == "consensus"
    # "the “Call to Action” declaration" and "the “Call to Action on Responsible AI in the
    # Military Domain” declaration" name one text. A name without a declaration word is
    # filed with its own suffix (declaration_name_action_call), so look it up by prefix.
    names = [
        verdict
        for section in ("contradictions", "consensus", "single_source")
        for verdict in report[section]
        if verdict["topic"] == "signatories" and verdict["slot"].startswith("declaration_name")
    ]
    assert len(names) == 1, [v["slot"] for v in names]
    assert names[0]["verdict"] == "consensus"
    assert names[0]["consensus"]["value"]["text"].startswith("call to action")


def test_funding_is_filed_per_programme_in_euros(report):
    # "The Dutch government said it would invest EUR 100 million in the Military AI
    # Assurance Institute": one donor, one named programme.
    institute = _subject(report, "funding", "netherlands_military_ai_assurance_institute")
    assert institute["consensus"]["value"]["currency"] == "EUR"
    assert institute["consensus"]["value"]["nominal"] == 100_000_000
    testbed = _subject(report, "funding", "military_ai_testbed")
    assert testbed["consensus"]["value"]["currency"] == "EUR"
    assert testbed["consensus"]["value"]["nominal"] == 30_000_000


def test_next_host_is_not_this_summits_host(report):
    # South Korea co-hosts this summit and hosts the next one; Spain, which hosts the
    # one after, must not leak into this summit's hosts.
    assert _subject(report, "next_summit", "host")["consensus"]["value"]["members"] == [
        "South Korea"
    ]
    hosts = _subject(report, "summit", "hosts")
    assert hosts["consensus"]["value"]["members"] == ["Netherlands", "South Korea"]
    assert hosts["dissent"][0]["sources"] == ["preview.txt"]
    for cluster in [hosts["consensus"], *hosts["dissent"]]:
        if cluster:
            assert "Spain" not in cluster["value"]["members"]


def test_the_preview_is_the_outlier(report):
    assert report["outlier"] == "preview.txt"


CLIMATE = REPO / "tests" / "fixtures" / "corpora" / "climate"


@pytest.fixture(scope="module")
def climate(tmp_path_factory):
    store = tmp_path_factory.mktemp("climate")
    result = CliRunner().invoke(
        app, ["check", str(CLIMATE), "--format", "json", "--store", str(store), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_climate_summit_files_the_same_kinds_of_subject(climate):
    dates = _subject(climate, "summit", "dates")
    assert dates["verdict"] == "consensus"  # 30 Nov-12 Dec and 30 Nov-13 Dec overlap
    assert _subject(climate, "summit", "city")["consensus"]["value"]["text"] == "Dubai"
    assert _subject(climate, "summit", "hosts")["consensus"]["value"]["members"] == [
        "United Arab Emirates"
    ]
    # "did not sign the pledge on cooling": another instrument (named by lemma) than the
    # declaration.
    cooling = _subject(climate, "signatories", "non_signers_cool_pledge")
    assert cooling["verdict"] == "single_source"
    assert cooling["consensus"]["value"]["members"] == ["China", "India"]
    # The declaration endorsed with "including the United States and Brazil" is the
    # principal instrument: its members keep the plain slot.
    members = _subject(climate, "signatories", "members")
    assert members["consensus"]["value"]["members"] == ["Brazil", "United States"]


def test_pledges_to_one_fund_are_compared(climate):
    fund = _subject(climate, "funding", "loss_and_damage_fund")
    assert fund["verdict"] == "contradiction"  # $700 million against $792 million
    # one donor, one named programme: <donor>_<programme>
    alterra = _subject(climate, "funding", "uae_alterra")
    assert alterra["verdict"] == "consensus"  # named once as the subject, once as "called"
