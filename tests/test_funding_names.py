"""Money subjects named from the main event: its total, a donor's pledge to its cause, a
yearly amount, "respectively" lists of bodies, trackers that are no programme."""

from __future__ import annotations

from datetime import date

import pytest

from summit_facts import funding_names
from summit_facts.consolidate import consolidate
from summit_facts.events import resolve
from summit_facts.extract import extract
from summit_facts.filing import file_mentions
from summit_facts.models import Claim, MainEvent, Source


def test_the_total_is_named_after_the_events_plain_name() -> None:
    main = MainEvent(name="Lisbon Hunger for Progress H4P Summit", city="Lisbon")
    assert funding_names.total_name(main) == "hunger_for_progress_summit_total"
    assert {"hunger_for_progress", "h4p"} <= funding_names.own_names(main)
    assert funding_names.theme_words(main) == ["hunger", "progress"]


def test_an_event_named_after_a_fund_has_no_cause_and_no_bare_name() -> None:
    assert funding_names.theme_words(MainEvent(name="Harbour Fund's Third Replenishment")) == []
    assert "harbour" not in funding_names.own_names(MainEvent(name="Harbour pledging summit"))


def _file(nlp, ruleset, texts: list[str]) -> list[Claim]:
    sources = [Source(id=f"{n}.txt", path=f"{n}.txt", published=date(2025, 5, 4)) for n in (1, 2)]
    mentions = {s.id: extract(nlp(t), s) for s, t in zip(sources, texts, strict=True)}
    main, resolved = resolve(mentions, {s.id: s for s in sources})
    claims = [
        claim
        for s in sources
        for claim in file_mentions(resolved[s.id], s, s.id, ruleset, main=main)
    ]
    return consolidate(claims, {s.id: t for s, t in zip(sources, texts, strict=True)})


OTHER = "The Hunger for Progress Summit in Lisbon on 3 May 2025 drew leaders from 40 countries."
TEXT = (
    "The Hunger for Progress Summit was held in Lisbon on 3 May 2025. "
    "A total of US$9 billion was raised at the Hunger for Progress Summit. "
    "Denmark pledged €120 million to fight hunger around the world. "
    "Chile will spend €40 million a year over the next three years. "
    "The World Bank and the Asian Development Bank pledged US$2 billion and US$3 billion, "
    "respectively. "
    "Over the two days, US$8 billion in new commitments were gathered, which will be "
    "tracked by the Food Security Report platform run by the charity Harvest."
)


@pytest.mark.model
def test_money_at_a_pledging_event_for_a_cause(nlp, ruleset) -> None:
    found = {c.value.surface: f"{c.topic}/{c.slot}" for c in _file(nlp, ruleset, [TEXT, OTHER])}
    assert found["US$9 billion"] == "funding/hunger_for_progress_summit_total"
    assert found["€120 million"] == "funding/denmark_hunger"
    assert found["€40 million"] == "funding/chile_annual"
    assert found["US$2 billion"] == "funding/world_bank"
    assert found["US$3 billion"] == "funding/asian_development_bank"
    assert "report" not in found["US$8 billion"] and "harvest" not in found["US$8 billion"]
