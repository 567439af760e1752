"""Extraction of lists told again ("the two countries"), of countries that qualify a
person's title ("the Chancellor of X, Name") and of quoted speech that names no text."""

from __future__ import annotations

import pytest

from summit_facts.extract import extract
from summit_facts.models import CountValue, EntitiesValue, Source

pytestmark = pytest.mark.model

SOURCE = Source(id="a.md", path="a.md")


def _lists(nlp, text: str) -> dict[str, list[str]]:
    return {
        m.value.surface: m.value.members
        for m in extract(nlp(text), SOURCE)
        if isinstance(m.value, EntitiesValue)
    }


def test_the_two_countries_are_the_pair_named_just_before(nlp) -> None:
    text = (
        "Chile and Ghana steered the talks on the reef treaty. "
        "As co-facilitators, the two countries met often. "
        "The two countries also jointly chaired the Reef Summit."
    )
    lists = _lists(nlp, text)
    assert lists["the two countries"] == ["Chile", "Ghana"]
    assert lists["The two countries"] == ["Chile", "Ghana"]
    # "the two countries" refers to them; it counts no countries.
    assert not [m for m in extract(nlp(text), SOURCE) if isinstance(m.value, CountValue)]


def test_two_countries_with_no_pair_before_are_a_count(nlp) -> None:
    mentions = extract(nlp("Two countries chaired the Reef Summit."), SOURCE)
    assert [m.value.surface for m in mentions if isinstance(m.value, CountValue)] == ["Two"]


def test_the_country_of_a_named_persons_title_is_that_persons(nlp) -> None:
    text = (
        "Mbeki co-chaired the summit together with the Chancellor of the Federal Republic "
        "of Germany, Olaf Scholz."
    )
    mentions = [m for m in extract(nlp(text), SOURCE) if isinstance(m.value, EntitiesValue)]
    members = {member for m in mentions for member in m.value.members}
    assert "Germany" not in members
    scholz = next(m for m in mentions if "Olaf Scholz" in m.value.members)
    assert scholz.value.roles == {"Olaf Scholz": "Germany"}


def test_quoted_words_of_a_speaker_are_no_title(nlp) -> None:
    text = '"If our changes are not in the pact, we will leave the consensus," the envoy said.'
    assert not [m for m in extract(nlp(text), SOURCE) if m.context.label == "TITLE"]
