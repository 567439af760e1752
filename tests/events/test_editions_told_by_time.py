"""Editions told by a time or by "the summit" (events stage, summit_facts/events/assign.py).

Small articles of our own about one series, run through the real CLI and model: a page
written the year before the main event ("next year's summit"), a year-less date on such
a page, and "the summit" right after a sentence about the next edition.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_files, subjects_of


def _values(verdict: dict) -> set[str]:
    clusters = [verdict.get("consensus"), *verdict.get("dissent", [])]
    return {str(c.get("display") or c.get("value")) for c in clusters if c}


REEF = {
    "a.md": "---\npublished: 2031-05-20\n---\n\n"
    "The Reef Summit opened in Lima on 19 May 2031, hosted by Peru.\n\n"
    "The three-day Reef Summit closes on 21 May.\n",
    "b.md": "---\npublished: 2031-05-21\n---\n\n"
    "Peru hosts the Reef Summit in Lima from 19 to 21 May 2031.\n",
}


@pytest.mark.model
def test_next_years_summit_on_a_page_of_the_year_before_is_the_main_event(tmp_path):
    # Published in November 2030: "next year's" summit is the 2031 one, the main event;
    # its year-less "May 19-21", already past in 2030, is the coming May.
    files = {
        **REEF,
        "c.md": "---\npublished: 2030-11-08\n---\n\n"
        "Officials said on Friday that Peru will be the host of next year's Reef Summit.\n\n"
        "The minister said the summit would take place on May 19-21 in Lima.\n",
    }
    report = check_files(tmp_path, files)
    assert "host" not in subjects_of(report, "next_summit"), report["single_source"]
    dates = subjects_of(report, "summit")["dates"]
    assert dates["verdict"] == "consensus", dates


@pytest.mark.model
def test_the_summit_right_after_the_next_edition_is_the_next_edition(tmp_path):
    files = {
        **REEF,
        "c.md": "---\npublished: 2031-05-22\n---\n\n"
        "The Reef Summit in Lima closed on 21 May 2031.\n\n"
        "SANTIAGO, May 21 (Wirer) -- Chilean President Ana Soto announced on Friday that the "
        "next Reef leaders' summit will be hosted by Chile in Valparaiso, in 2032.\n\n"
        "It will be the third time that Chile hosts the summit.\n",
    }
    report = check_files(tmp_path, files)
    hosts = subjects_of(report, "summit")["hosts"]
    assert "Chile" not in " ".join(_values(hosts)), hosts
    dates = subjects_of(report, "next_summit").get("dates")
    assert dates is not None, report["single_source"]


@pytest.mark.model
def test_a_region_is_the_place_and_a_resort_the_venue(tmp_path):
    # No city is named: the region is where the summit is, in either language ("the
    # summit in X"); the resort's name, after "the hotel resort of" or before "resort", is
    # its venue.
    lead = "---\npublished: 2031-05-20\n---\n\n"
    files = {
        "a.md": lead + "Peru will host the yearly Reef Summit from 19 to 21 May at the luxury "
        "hotel resort of Borgo Colle Verde, in the northern region of Lombardy.\n",
        "b.md": lead + "The Reef Summit in Lombardy opened on 19 May 2031 with a pledge.\n",
        "c.md": lead + "The minister arrived at the Reef Summit in Lombardia, Italy, on 19 May "
        "2031.\n\nThe Reef Summit meets at the luxury Borgo Colle Verde resort.\n",
    }
    report = check_files(tmp_path, files)
    summit = subjects_of(report, "summit")
    assert summit["city"]["verdict"] == "consensus", summit["city"]
    venue = summit["venue"]
    assert venue["verdict"] == "consensus", venue
