"""Words that point to a place never name an instrument on their own (names.py)."""

from __future__ import annotations

import pytest

from summit_facts import names


@pytest.mark.parametrize("word", ["emirates", "Korea", "french", "Emirati", "Delhi", "nice"])
def test_a_word_of_a_country_or_city_or_a_nationality_is_a_place_word(word):
    assert names.is_place_word(word)


@pytest.mark.parametrize("word", ["launch", "frontier", "united", "republic", "ocean", "new"])
def test_a_word_that_names_no_place_alone_is_not(word):
    assert not names.is_place_word(word)
