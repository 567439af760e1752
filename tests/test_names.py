"""Canonical names, countries, cities, roles and titles of texts."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_facts import names
from summit_facts.names import canonical_name, canonical_text, is_city, is_country, role_of


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("the United States", "United States"),
        ("The United States", "United States"),
        ("America", "United States"),
        ("the U.S.", "United States"),
        ("United States’", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("EU", "European Union"),
        ("the European Union", "European Union"),
        ("the European Commission", "European Commission"),
        ("France's", "France"),
        ("France’s", "France"),
        ("“India”", "India"),
        ("  the   Netherlands ", "Netherlands"),
        ("Holland", "Netherlands"),
        ("Cote d’Ivoire", "Côte d'Ivoire"),
        ("Türkiye", "Turkey"),
        ("UAE", "United Arab Emirates"),
        ("PARIS", "Paris"),
        ("Bangalore", "Bengaluru"),
        ("The Hague", "The Hague"),
        ("Mistral AI", "Mistral AI"),
        ("the Tony Blair Institute", "Tony Blair Institute"),
        # A company's legal form is no part of its name: "Acme Inc." is Acme.
        ("Acme Inc.", "Acme"),
        ("Globex, Ltd", "Globex"),
    ],
)
def test_canonical_name(text: str, canonical: str) -> None:
    assert canonical_name(text) == canonical


def test_short_acronyms_match_only_as_written() -> None:
    assert canonical_name("us") == "us"
    assert canonical_name("who") == "who"
    assert canonical_name("WHO") == "World Health Organization"


def test_gold_non_signers_fold_to_one_set() -> None:
    written = {"U.S.", "U.K.", "US", "UK"}
    assert {canonical_name(n) for n in written} == {"United States", "United Kingdom"}


def test_every_country_of_the_world_is_a_country() -> None:
    data = yaml.safe_load(
        (names.resources.files("summit_facts") / "data/names.yaml").read_text(encoding="utf-8")
    )
    countries = data["countries"]
    assert len(countries) >= 195
    assert all(is_country(c) for c in countries)
    assert all(canonical_name(c) == c for c in countries)


@pytest.mark.parametrize(
    "name", ["France", "India", "the US", "U.K.", "South Korea", "Korea", "Czechia", "Vatican"]
)
def test_is_country(name: str) -> None:
    assert is_country(name)


@pytest.mark.parametrize(
    "name", ["European Union", "EU", "European Commission", "Paris", "Mistral AI", "", "us"]
)
def test_is_not_country(name: str) -> None:
    assert not is_country(name)


@pytest.mark.parametrize(
    "name", ["Paris", "paris", "London", "New Delhi", "Seoul", "São Paulo", "Sao Paulo", "NYC"]
)
def test_is_city(name: str) -> None:
    assert is_city(name)


@pytest.mark.parametrize("name", ["France", "Grand Palais", "Bletchley Park", "Europe", ""])
def test_is_not_city(name: str) -> None:
    assert not is_city(name)


def test_gazetteer_is_a_modest_size() -> None:
    data = yaml.safe_load(
        (names.resources.files("summit_facts") / "data/names.yaml").read_text(encoding="utf-8")
    )
    assert 250 <= len(set(data["cities"])) <= 400
    assert len(data["demonyms"]) >= 60


@pytest.mark.parametrize(
    ("phrase", "stands_for"),
    [
        ("French President", "France"),
        ("Indian Prime Minister", "India"),
        ("European Commission President", "European Commission"),
        ("U.S. Vice President", "United States"),
        ("UK Prime Minister", "United Kingdom"),
        ("Chinese Premier", "China"),
        ("President of France", "France"),
        ("President of the European Commission", "European Commission"),
        ("Prime Minister of India", "India"),
        ("German Chancellor", "Germany"),
        ("South Korean President", "South Korea"),
        ("Emirati Minister", "United Arab Emirates"),
        ("Saudi Crown Prince", "Saudi Arabia"),
        ("French Foreign Minister", "France"),
        ("France's President", "France"),
        ("OpenAI CEO", "OpenAI"),
        ("Data for Policy CIC Director", "Data for Policy CIC"),
    ],
)
def test_role_of(phrase: str, stands_for: str) -> None:
    assert role_of(phrase) == stands_for


@pytest.mark.parametrize(
    "phrase",
    [
        "President",
        "Prime Minister",
        "former French President",
        "French startup",
        "the company's CEO",
        "Minister of Foreign Affairs",
        "Senior Adviser at the Tony Blair Institute",
        "",
    ],
)
def test_role_of_without_a_body_or_role_is_none(phrase: str) -> None:
    assert role_of(phrase) is None


def test_declaration_titles_compare_equal() -> None:
    forms = [
        "Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet",
        "“Inclusive and Sustainable Artificial Intelligence for People and the Planet”",
        "the “Inclusive and Sustainable Artificial Intelligence for People and the Planet” "
        "agreement",
        '"Inclusive and  Sustainable Artificial Intelligence for People and the Planet"',
    ]
    folded = {canonical_text(f) for f in forms}
    assert folded == {"inclusive and sustainable artificial intelligence for people and the planet"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Palais des Congrès", "palais des congres"),
        ("the Grand Palais", "Grand Palais"),
        ("Declaration on AI Safety", "AI Safety"),
        ("Charter for the Future", "future"),
        ("Pledge on Clean AI", "Clean AI."),
        ("Data & Policy", "Data and Policy"),
    ],
)
def test_canonical_text_equal(a: str, b: str) -> None:
    assert canonical_text(a) == canonical_text(b)


def test_canonical_text_keeps_different_names_apart() -> None:
    assert canonical_text("Grand Palais") != canonical_text("Palais des Congrès")
    assert canonical_text("Paris Declaration") != canonical_text("Paris")


NAMEISH = st.lists(
    st.sampled_from(
        [
            "the ",
            "The ",
            "US",
            "U.S.",
            "'s",
            "’s",
            "'",
            "“",
            "”",
            '"',
            " ",
            "President",
            "of ",
            "French ",
            "former ",
            "Statement on ",
            "CEO",
            "Minister",
            ".",
            "-",
            "",
        ]
    ),  # fmt: skip
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=80), NAMEISH))
def test_name_functions_never_raise(text: str) -> None:
    assert isinstance(canonical_name(text), str)
    assert isinstance(is_country(text), bool)
    assert isinstance(is_city(text), bool)
    assert role_of(text) is None or isinstance(role_of(text), str)
    assert canonical_text(canonical_text(text)) == canonical_text(text)


def test_the_gazetteer_rows_are_cached_on_disk_and_read_back(tmp_path, monkeypatch):
    from summit_facts import names

    monkeypatch.setenv("FACTS_CACHE", str(tmp_path))
    names._geonames.cache_clear()
    try:
        first = names._geonames()
        [cached] = list(tmp_path.glob("geonames-*.json"))
        names._geonames.cache_clear()
        assert names._geonames() == first  # read back from the file
        assert any(name == "Kigali" for name, _ in first["cities"])
        assert cached.stat().st_size > 0
    finally:
        names._geonames.cache_clear()


@pytest.mark.parametrize(
    ("styled", "country"),
    [
        ("the Kingdom of Morocco", "Morocco"),
        ("Principality of Monaco", "Monaco"),
        ("the Kingdom of the Netherlands", "Netherlands"),
        ("Federal Republic of Germany", "Germany"),
    ],
)
def test_a_states_formal_style_is_the_country(styled, country):
    assert names.canonical_name(styled) == country
    assert names.is_country(styled)


def test_a_style_that_is_a_name_of_its_own_stays_whole():
    assert names.canonical_name("Democratic Republic of the Congo") != "Congo"


def test_a_country_misspelt_by_a_letter_is_that_country() -> None:
    assert names.misspelt_country("Andora") == "Andorra"
    assert names.misspelt_country("Jordan") is None  # a country as it is
    assert names.misspelt_country("Macron") is None  # no country that close


@pytest.mark.parametrize(
    ("styled", "country"),
    [("the French Republic", "France"), ("Swiss Confederation", "Switzerland"),
     ("the Italian Republic", "Italy"), ("Czech Republic", "Czech Republic")],
)  # fmt: skip
def test_a_state_styled_after_its_nationality_is_the_country(styled, country):
    assert canonical_name(styled) == country
