"""Filing: the subjects rules file values under (here, the keys of earlier editions)."""

from __future__ import annotations

from datetime import date

import pytest

from summit_facts.events import resolve
from summit_facts.extract import extract
from summit_facts.filing import file_mentions
from summit_facts.models import Source


def history_years(nlp, ruleset, articles: dict[str, str]) -> dict[str, set[tuple[str, str]]]:
    """(slot, surface) of each document's history claims, for a corpus of `articles`."""
    sources = {name: Source(id=name, path=name, published=date(2025, 11, 10)) for name in articles}
    mentions = {name: extract(nlp(text), sources[name]) for name, text in articles.items()}
    main, resolved = resolve(mentions, sources)
    return {
        name: {
            (c.slot, c.value.surface)
            for c in file_mentions(resolved[name], sources[name], name, ruleset, main=main)
            if c.topic == "history"
        }
        for name in articles
    }


@pytest.mark.model
def test_a_year_goes_to_the_place_written_with_it(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The COP33 climate conference opened in Lisbon on Monday. The talks built on "
            "earlier summits in Oslo (2019) and Madrid (2021).",
        },
    )
    assert found["a.txt"] == {("oslo_summit_year", "2019"), ("madrid_summit_year", "2021")}


@pytest.mark.model
def test_an_edition_told_by_its_country_is_the_corpus_city_in_that_country(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The COP33 climate conference opened in Lisbon on Monday. Last year, 60 "
            "leaders flew to COP32 in Kenya, fewer than in Madrid in 2023.",
            "b.txt": "The COP33 climate conference in Lisbon drew 90 leaders. Earlier climate "
            "conferences were held in Madrid in 2023 and Nairobi in 2024.",
        },
    )
    assert found["a.txt"] == {("nairobi_summit_year", "Last year"), ("madrid_summit_year", "2023")}
    assert found["b.txt"] == {("madrid_summit_year", "2023"), ("nairobi_summit_year", "2024")}


@pytest.mark.model
def test_an_edition_told_only_by_its_country_is_keyed_by_it(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The COP33 climate conference opened in Lisbon on 9 November 2025. Delegates "
            "recalled the 2024 conference in Peru, where talks ran late."
        },
    )
    assert found["a.txt"] == {("peru_summit_year", "2024")}


@pytest.mark.model
def test_a_country_merely_near_an_edition_never_keys_it(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The COP33 climate conference opened in Lisbon on 9 November 2025. U.S. officials "
            "skipped the previous conference in 2024."
        },
    )
    assert found["a.txt"] == set()


@pytest.mark.model
def test_an_edition_with_no_place_is_keyed_by_its_rank(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The COP33 climate conference opened in Lisbon on 9 November 2025. The "
            "group has met every year since its inaugural summit was held in 2011."
        },
    )
    assert found["a.txt"] == {("first_summit_year", "2011")}


def claims_of(nlp, ruleset, articles: dict[str, str]) -> dict[str, set[tuple[str, str, str]]]:
    """(topic, slot, surface) of each document's claims, for a corpus of `articles`."""
    sources = {name: Source(id=name, path=name, published=date(2025, 11, 10)) for name in articles}
    mentions = {name: extract(nlp(text), sources[name]) for name, text in articles.items()}
    main, resolved = resolve(mentions, sources)
    return {
        name: {
            (c.topic, c.slot, c.value.surface)
            for c in file_mentions(resolved[name], sources[name], name, ruleset, main=main)
        }
        for name in articles
    }


@pytest.mark.model
def test_months_go_to_the_cities_written_before_them_in_a_list_of_meetings(nlp, ruleset):
    found = history_years(
        nlp,
        ruleset,
        {
            "a.txt": "The ocean peace summit opened in Lisbon on Monday. After the war began, "
            "earlier meetings on ways of advancing a peace process took place in Copenhagen "
            "(June 2023), Jeddah (August 2023), Malta (October 2023) and Davos (January 2024).",
        },
    )
    assert ("copenhagen_summit_year", "June 2023") in found["a.txt"]
    assert ("jeddah_summit_year", "August 2023") in found["a.txt"]


@pytest.mark.model
def test_a_text_named_after_the_main_events_small_place_is_its_principal_one(nlp, ruleset):
    found = claims_of(
        nlp,
        ruleset,
        {
            "a.txt": "KLOSTERBERG, Norway: The Ocean Peace Summit closed on Sunday.\n\n"
            "The great majority of the states present agreed on the Klosterberg Communiqué.",
            "b.txt": "Leaders closed the Ocean Peace Summit in Klosterberg on Sunday.",
        },
    )
    names = {(slot, value) for topic, slot, value in found["a.txt"] if topic == "signatories"}
    assert ("declaration_name", "Klosterberg Communiqué") in names


def _harbour_report(host_sentence: str, publisher: str) -> str:
    return (
        f"---\npublisher: {publisher}\npublished: 2031-05-06\n---\n\n"
        "The ports summit in Accra ended on Tuesday with a declaration on shipping lanes. "
        f"{host_sentence}\n"
    )


@pytest.mark.model
def test_two_sources_naming_different_next_hosts_contradict(tmp_path):
    from tests.conftest import check_files, subjects_of

    report = check_files(
        tmp_path,
        {
            "a.md": _harbour_report("Denmark will host the next summit in 2033.", "Harbour Post"),
            "b.md": _harbour_report("Canada will host the next summit in 2033.", "Dock Daily"),
            "c.md": _harbour_report("Canada will host the next summit in 2033.", "Quay Times"),
        },
    )
    host = subjects_of(report, "next_summit")["host"]
    assert host["verdict"] == "contradiction", host


@pytest.mark.model
def test_a_lone_co_host_of_the_next_summit_is_one_of_its_hosts(tmp_path):
    from tests.conftest import check_files, subjects_of

    report = check_files(
        tmp_path,
        {
            "a.md": _harbour_report("Chile will co-host the next summit in 2033.", "Harbour Post"),
            "b.md": _harbour_report(
                "Chile and Kenya will co-host the next summit in 2033.", "Dock Daily"
            ),
        },
    )
    host = subjects_of(report, "next_summit")["host"]
    assert host["verdict"] == "consensus", host
