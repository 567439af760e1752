"""Names of one document told in other words agree; names of others do not (names.py,
compare.py). Names invented for the test."""

from __future__ import annotations

import pytest

from summit_facts.compare import Relation, compare_values
from summit_facts.models import TextValue
from summit_facts.names import same_document_name, told_shorter


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a city of the host country and the country with the event's name
        ("Lyon Declaration on Ocean Health", "France Ocean Health Summit Declaration"),
        # the short name against the long one of another place of the same country
        ("Lyon Declaration", "France Ocean Health Summit Declaration"),
    ],
)
def test_variants_of_one_declaration_are_one_document(a, b):
    assert same_document_name(a, b)
    relation = compare_values(TextValue(surface=a, text=a), TextValue(surface=b, text=b))
    assert not relation.is_conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lyon Declaration", "Nairobi Declaration"),  # other places, other countries
        ("Lyon Declaration on Ocean Health", "Nairobi Declaration on Ocean Health"),
        ("Lyon Declaration on Ocean Health", "Lyon Ocean Health Commitments"),  # another kind
        ("Lyon Declaration on Ocean Health", "Lyon Declaration on Plastic Waste"),
    ],
)
def test_other_documents_are_not(a, b):
    assert not same_document_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lyon Declaration", "Nairobi Declaration"),
        ("Lyon Declaration", "Kenya Ocean Health Summit Declaration"),
    ],
)
def test_declarations_of_other_places_contradict(a, b):
    relation = compare_values(TextValue(surface=a, text=a), TextValue(surface=b, text=b))
    assert relation is Relation.CONFLICT_VALUE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A preview's "the Lyon Declaration" and the title it was adopted under.
        ("Lyon Declaration", "Clear Waters, Shared Future: Together for Swift Action"),
        ("Lyon Statement", "Statement on Open and Trusted Computing for Everyone"),
    ],
)
def test_a_place_only_designation_is_the_title_it_was_adopted_under(a, b):
    assert same_document_name(a, b) and same_document_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lyon Declaration", "Lyon Frontier Computing Commitments"),  # another kind of text
        ("Lyon Declaration", "Statement on Open Computing signed in Nairobi"),  # another country
    ],
)
def test_a_place_only_designation_is_not_any_text(a, b):
    assert not same_document_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one text told without its owner and qualifier, with its topic in lower case
        (
            "Convention on Coral Reefs (CR), fisheries and the law of the sea",
            "Andean Framework Convention on Coral Reefs",
        ),
        (
            "Framework Convention on coral reefs",
            "Framework Convention on Coral Reefs and Fisheries",
        ),
    ],
)
def test_a_name_told_shorter_is_the_same_text(a, b):
    assert told_shorter(a, b) and told_shorter(b, a)
    relation = compare_values(TextValue(surface=a, text=a), TextValue(surface=b, text=b))
    assert not relation.is_conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lima Declaration on Coral Reefs", "Quito Declaration on Coral Reefs"),  # two places
        ("Convention on Coral Reefs", "Convention on Fisheries"),  # another topic
        ("Convention on Coral Reefs", "Declaration on Coral Reefs"),  # another kind
        ("Andean Convention", "Andean Convention on Coral Reefs"),  # no topic to compare
    ],
)
def test_other_texts_are_not_told_shorter(a, b):
    assert not told_shorter(a, b)
