"""compare(): when two values agree (DESIGN.md, "Values and when two of them agree")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summit_facts.compare import Relation, compare, compare_values
from summit_facts.models import (
    Claim,
    CountValue,
    DateValue,
    EntitiesValue,
    Evidence,
    Interval,
    MoneyValue,
    PercentValue,
    Source,
    TextValue,
    Value,
)


def claim(value: Value, *, polarity: str = "affirmed", source: str = "a.txt") -> Claim:
    return Claim(
        id=f"{source}-{value.surface}",
        source=Source(id=source, path=source),
        topic="t",
        slot="s",
        value=value,
        polarity=polarity,  # type: ignore[arg-type]
        evidence=Evidence(sentence=value.surface, start=0, end=1, value_start=0, value_end=1),
        rule="test",
    )


def count(low: float | None, high: float | None, *, surface: str = "", **ends: bool) -> CountValue:
    return CountValue(
        surface=surface or f"{low}..{high}",
        nominal=low if low is not None else (high or 0),
        interval=Interval(low=low, high=high, **ends),
    )


def money(amount: float, currency: str | None) -> MoneyValue:
    return MoneyValue(
        surface=f"{currency} {amount}",
        nominal=amount,
        currency=currency,
        interval=Interval(low=amount, high=amount),
    )


def days(start: str, end: str, precision: str = "day") -> DateValue:
    return DateValue(
        surface=f"{start}..{end}",
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=precision,  # type: ignore[arg-type]
    )


def entities(*members: str, roles: dict[str, str] | None = None, complete: bool = True):
    return EntitiesValue(
        surface=", ".join(members), members=sorted(members), roles=roles or {}, complete=complete
    )


def text(surface: str) -> TextValue:
    return TextValue(surface=surface, text=surface)


def both_ways(a: Claim, b: Claim, **kwargs: object) -> Relation:
    forward, backward = compare(a, b, **kwargs), compare(b, a, **kwargs)  # type: ignore[arg-type]
    assert forward == backward
    return forward


# ---------------------------------------------------------------- numbers


def test_over_40_is_compatible_with_over_100_but_imprecise() -> None:
    over_40 = claim(count(40, None, low_closed=False, surface="over 40"))
    over_100 = claim(count(100, None, low_closed=False, surface="over 100"))
    relation = both_ways(over_40, over_100)
    assert relation is Relation.IMPRECISE
    assert not relation.is_conflict


def test_over_100_and_100_plus_are_compatible_not_imprecise() -> None:
    over_100 = claim(count(100, None, low_closed=False))
    at_least_100 = claim(count(100, None))
    assert both_ways(over_100, at_least_100) is Relation.COMPATIBLE


def test_60_and_61_contradict() -> None:
    assert both_ways(claim(count(60, 60)), claim(count(61, 61))) is Relation.CONFLICT_VALUE


def test_open_end_excludes_the_bound_itself() -> None:
    over_100 = claim(count(100, None, low_closed=False))
    assert both_ways(over_100, claim(count(100, 100))) is Relation.CONFLICT_VALUE
    assert both_ways(claim(count(100, None)), claim(count(100, 100))) is Relation.IMPRECISE


def test_about_60_holds_61() -> None:
    about_60 = claim(count(54, 66))
    assert both_ways(about_60, claim(count(61, 61))) is Relation.COMPATIBLE


def test_same_amount_in_two_currencies_contradicts_on_currency() -> None:
    usd, eur = claim(money(400e6, "USD")), claim(money(400e6, "EUR"))
    relation = both_ways(usd, eur)
    assert relation is Relation.CONFLICT_CURRENCY
    assert relation.conflict_kind == "currency"


def test_currency_mismatch_wins_over_any_amount() -> None:
    assert both_ways(claim(money(1e6, "USD")), claim(money(9e9, "GBP"))) is (
        Relation.CONFLICT_CURRENCY
    )


def test_unknown_currency_compares_on_amount() -> None:
    assert both_ways(claim(money(400e6, None)), claim(money(400e6, "USD"))) is Relation.COMPATIBLE
    assert both_ways(claim(money(400e6, None)), claim(money(500e6, "USD"))) is (
        Relation.CONFLICT_VALUE
    )


def test_scale_word_rounding_does_not_split_equal_amounts() -> None:
    assert both_ways(claim(money(1.1 * 1e9, "EUR")), claim(money(1.1e9, "EUR"))) is Relation.SAME


def test_count_against_percent_is_a_conflict() -> None:
    percent = PercentValue(surface="40%", nominal=40, interval=Interval(low=40, high=40))
    assert both_ways(claim(count(40, 40)), claim(percent)) is Relation.CONFLICT_VALUE


# ---------------------------------------------------------------- dates


def test_a_range_containing_another_is_compatible() -> None:
    programme = claim(days("2025-02-06", "2025-02-11"))
    summit = claim(days("2025-02-10", "2025-02-11"))
    assert both_ways(programme, summit) is Relation.COMPATIBLE


def test_disjoint_dates_contradict() -> None:
    feb = claim(days("2025-02-10", "2025-02-11"))
    sep = claim(days("2025-09-15", "2025-09-17"))
    assert both_ways(feb, sep) is Relation.CONFLICT_VALUE


def test_a_bare_year_against_a_day_range_is_imprecise() -> None:
    year = claim(days("2025-01-01", "2025-12-31", "year"))
    assert both_ways(year, claim(days("2025-02-10", "2025-02-11"))) is Relation.IMPRECISE


def test_an_opening_day_agrees_with_a_range_it_lies_in_and_with_a_later_closing_day() -> None:
    opened = claim(days("2025-11-10", "2025-11-10").model_copy(update={"bound": "start"}))
    closed = claim(days("2025-11-22", "2025-11-22").model_copy(update={"bound": "end"}))
    scheduled = claim(days("2025-11-10", "2025-11-21"))
    assert both_ways(opened, scheduled) is Relation.COMPATIBLE
    assert both_ways(opened, closed) is Relation.COMPATIBLE
    # The conference overran: closing on the 22nd contradicts "10-21 November".
    assert both_ways(closed, scheduled) is Relation.CONFLICT_VALUE


def test_a_day_of_the_event_agrees_with_its_opening_day_when_it_comes_after() -> None:
    opened = claim(days("2023-05-19", "2023-05-19").model_copy(update={"bound": "start"}))
    assert both_ways(opened, claim(days("2023-05-21", "2023-05-21"))) is Relation.COMPATIBLE
    assert both_ways(opened, claim(days("2023-05-18", "2023-05-18"))) is Relation.CONFLICT_VALUE


def test_a_closing_day_before_the_opening_day_contradicts() -> None:
    opened = claim(days("2025-11-10", "2025-11-10").model_copy(update={"bound": "start"}))
    closed = claim(days("2025-11-08", "2025-11-08").model_copy(update={"bound": "end"}))
    assert both_ways(opened, closed) is Relation.CONFLICT_VALUE


# ---------------------------------------------------------------- entities

SIGNERS = ("Canada", "China", "France", "India", "Japan", "Germany")


def test_partial_list_does_not_contradict_a_longer_complete_one() -> None:
    partial = claim(entities("Canada", "China", "France", "India", complete=False))
    full = claim(entities(*SIGNERS))
    assert both_ways(partial, full) is Relation.COMPATIBLE


def test_partial_list_naming_an_outsider_contradicts_a_complete_one() -> None:
    partial = claim(entities("Canada", "Brazil", complete=False))
    assert both_ways(partial, claim(entities(*SIGNERS))) is Relation.CONFLICT_MEMBERSHIP


def test_two_partial_lists_never_contradict() -> None:
    a = claim(entities("Canada", complete=False))
    b = claim(entities("Brazil", complete=False))
    assert both_ways(a, b) is Relation.COMPATIBLE


def test_two_different_complete_lists_contradict() -> None:
    a, b = claim(entities("France", "India")), claim(entities("France", "Germany"))
    assert both_ways(a, b) is Relation.CONFLICT_MEMBERSHIP


def test_slot_with_partial_lists_treats_every_list_as_partial() -> None:
    a, b = claim(entities("France", "India")), claim(entities("France"))
    assert both_ways(a, b, complete_lists=False) is Relation.COMPATIBLE
    assert both_ways(a, b, complete_lists=True) is Relation.CONFLICT_MEMBERSHIP


def test_did_not_sign_contradicts_a_list_that_names_the_member() -> None:
    refused = claim(entities("United States", complete=False), polarity="negated")
    signed = claim(entities("United States", "France", complete=False))
    assert both_ways(refused, signed) is Relation.CONFLICT_MEMBERSHIP


def test_did_not_sign_is_compatible_with_a_list_without_the_member() -> None:
    refused = claim(entities("United States", "United Kingdom"), polarity="negated")
    signed = claim(entities("Canada", "China", "France", "India", complete=False))
    assert both_ways(refused, signed) is Relation.COMPATIBLE


def test_two_negated_lists_compare_as_sets() -> None:
    a = claim(entities("United Kingdom", "United States"), polarity="negated")
    b = claim(entities("United Kingdom", "United States"), polarity="negated")
    assert both_ways(a, b) is Relation.SAME


HOSTS_BY_PERSON = {"Emmanuel Macron": "France", "Ursula von der Leyen": "European Commission"}


def test_persons_stand_for_their_roles_against_countries() -> None:
    countries = claim(entities("France", "India"))
    people = claim(entities(*HOSTS_BY_PERSON, roles=HOSTS_BY_PERSON))
    assert both_ways(countries, people) is Relation.CONFLICT_MEMBERSHIP
    macron = claim(entities("Emmanuel Macron", roles={"Emmanuel Macron": "France"}))
    assert both_ways(claim(entities("France")), macron) is Relation.SAME


def test_a_leader_in_a_mixed_list_stands_for_the_country() -> None:
    # "Mensah, whose country co-hosts the summit alongside Chile": a leader and a
    # country, against "co-hosted by Ghana and Chile".
    countries = claim(entities("Ghana", "Chile"))
    mixed = claim(entities("Kofi Mensah", "Chile", roles={"Kofi Mensah": "Ghana"}))
    assert both_ways(countries, mixed) is Relation.SAME
    elsewhere = claim(entities("Kofi Mensah", "Chile", roles={"Kofi Mensah": "Peru"}))
    assert both_ways(countries, elsewhere) is Relation.CONFLICT_MEMBERSHIP


def test_a_name_without_a_role_may_stand_for_the_missing_country() -> None:
    # "co-chaired by Chile and Ghana" against "Rossi and Mensah co-chaired", where only
    # Rossi's country is given: Mensah may be Ghana's.
    countries = claim(entities("Chile", "Ghana"))
    one_placed = claim(entities("Ana Rossi", "Kofi Mensah", roles={"Ana Rossi": "Chile"}))
    assert both_ways(countries, one_placed) is Relation.COMPATIBLE
    # Two countries cannot be told by one unplaced name in a complete list...
    assert both_ways(countries, claim(entities("Kofi Mensah"))) is Relation.CONFLICT_MEMBERSHIP
    # ...but can in a partial one ("Mensah to co-chair the summit").
    partial = claim(entities("Kofi Mensah", complete=False))
    assert both_ways(countries, partial) is Relation.COMPATIBLE
    # A placed member outside the countries still contradicts.
    elsewhere = claim(entities("Ana Rossi", "Kofi Mensah", roles={"Ana Rossi": "Peru"}))
    assert both_ways(countries, elsewhere) is Relation.CONFLICT_MEMBERSHIP


def test_two_lists_of_people_compare_by_name() -> None:
    macron = claim(entities("Emmanuel Macron", roles={"Emmanuel Macron": "France"}))
    barrot = claim(entities("Jean-Noel Barrot", roles={"Jean-Noel Barrot": "France"}))
    assert both_ways(macron, barrot) is Relation.CONFLICT_MEMBERSHIP


def test_member_aliases_resolve() -> None:
    a, b = claim(entities("EU")), claim(entities("European Union"))
    assert both_ways(a, b) is Relation.CONFLICT_MEMBERSHIP
    assert both_ways(a, b, aliases={"eu": "European Union"}) is Relation.SAME


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Grand Palais", "the Grand Palais"),
        ("Grand Palais", "GRAND PALAIS"),
        ("Palais des Congrès", "Palais des Congres"),
        (
            "Inclusive and Sustainable Artificial Intelligence for People and the Planet",
            "Statement on Inclusive and Sustainable Artificial Intelligence for People and the "
            "Planet",
        ),
        ("\u201cCurrent AI\u201d", "Current AI"),
    ],
)
def test_text_folds_case_quotes_articles_and_document_types(left: str, right: str) -> None:
    assert both_ways(claim(text(left)), claim(text(right))) is Relation.SAME


def test_different_venues_contradict() -> None:
    grand, congres = claim(text("Grand Palais")), claim(text("Palais des Congrès"))
    assert both_ways(grand, congres) is Relation.CONFLICT_VALUE


def test_text_alias_match() -> None:
    a, b = claim(text("Bletchley Declaration")), claim(text("Bletchley Park Declaration"))
    # Every word of the shorter name is in the longer: the same name told at more length.
    assert both_ways(a, b) is Relation.COMPATIBLE
    aliases = {"Bletchley Park Declaration": "Bletchley Declaration"}
    assert both_ways(a, b, aliases=aliases) is Relation.SAME


def test_polarity_counts_for_members_only() -> None:
    # "South Africa does not regard the absence of leaders from this weekend's summit
    # as a failure": the "not" above the date says nothing against the date. Real
    # text puts such a "not" over many values; only "did not sign" denies a member.
    not_paris = claim(text("Paris"), polarity="negated")
    assert both_ways(not_paris, claim(text("Paris"))) is Relation.SAME
    assert both_ways(not_paris, claim(text("Nice"))) is Relation.CONFLICT_VALUE


# ---------------------------------------------------------------- properties

bounds = st.one_of(st.none(), st.integers(-1000, 1000).map(float))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return Interval(
        low=low, high=high, low_closed=draw(st.booleans()), high_closed=draw(st.booleans())
    )


@st.composite
def numeric_values(draw: st.DrawFn) -> Value:
    interval = draw(intervals())
    nominal = interval.low if interval.low is not None else 0.0
    if draw(st.booleans()):
        currency = draw(st.sampled_from([None, "USD", "EUR", "GBP"]))
        return MoneyValue(surface="m", nominal=nominal, interval=interval, currency=currency)
    return CountValue(surface="c", nominal=nominal, interval=interval)


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    start = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 60)))
    end = start + timedelta(days=draw(st.integers(0, 10)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    return DateValue(surface="d", start=start, end=end, precision=precision)


NAMES = ["France", "India", "Canada", "European Commission", "Emmanuel Macron", "Olaf Scholz"]
ROLE_OF = {"Emmanuel Macron": "France", "Olaf Scholz": "Germany"}


@st.composite
def entity_values(draw: st.DrawFn) -> EntitiesValue:
    members = draw(st.sets(st.sampled_from(NAMES), max_size=4))
    roles = {m: ROLE_OF[m] for m in members if m in ROLE_OF and draw(st.booleans())}
    return EntitiesValue(
        surface="e", members=sorted(members), roles=roles, complete=draw(st.booleans())
    )


texts = st.sampled_from(["Grand Palais", "the Grand Palais", "Palais des Congrès", "Paris"]).map(
    text
)
values = st.one_of(numeric_values(), date_values(), entity_values(), texts)
polarities = st.sampled_from(["affirmed", "negated"])


@given(values, values, polarities, polarities, st.booleans())
def test_compare_is_symmetric(a: Value, b: Value, pa: str, pb: str, complete: bool) -> None:
    left, right = claim(a, polarity=pa), claim(b, polarity=pb)
    forward = compare(left, right, complete_lists=complete)
    backward = compare(right, left, complete_lists=complete)
    assert forward.is_conflict == backward.is_conflict
    assert forward == backward


@given(values, polarities, st.booleans())
def test_every_value_is_same_with_itself(value: Value, polarity: str, complete: bool) -> None:
    stated = claim(value, polarity=polarity)
    assert compare(stated, stated, complete_lists=complete) is Relation.SAME
    copy = claim(value.model_copy(deep=True), polarity=polarity, source="b.txt")
    assert compare(stated, copy, complete_lists=complete) is Relation.SAME


@given(intervals(), intervals())
def test_conflict_means_no_shared_point(left: Interval, right: Interval) -> None:
    # Oracle: brute force over a grid of integers and half-steps, which is fine
    # enough for integer bounds with open and closed ends.
    a = CountValue(surface="a", nominal=0, interval=left)
    b = CountValue(surface="b", nominal=0, interval=right)
    relation = compare_values(a, b)

    def holds(iv: Interval, x: float) -> bool:
        above = iv.low is None or x > iv.low or (x == iv.low and iv.low_closed)
        below = iv.high is None or x < iv.high or (x == iv.high and iv.high_closed)
        return above and below

    grid = [x / 2 for x in range(-2004, 2005)]
    shared = any(holds(a.interval, x) and holds(b.interval, x) for x in grid)
    if a.interval == b.interval:
        assert relation is Relation.SAME
    else:
        assert relation.is_conflict == (not shared)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Nasrec Expo Centre", "Nasrec Conference Centre", Relation.COMPATIBLE),
        (
            "India AI Impact Summit Declaration",
            "New Delhi Declaration on AI Impact",
            Relation.COMPATIBLE,
        ),
        ("Grand Palais", "Palais des Congrès", Relation.CONFLICT_VALUE),
        ("Bletchley Declaration", "Seoul Declaration", Relation.CONFLICT_VALUE),
    ],
)
def test_names_told_in_other_words(a, b, relation) -> None:
    assert both_ways(claim(text(a)), claim(text(b))) is relation


def test_over_an_amount_is_not_in_conflict_with_that_round_amount():
    # "New Zealand committed over $52 million" against "... committed $52 million": the
    # exact figure is a rounded one; the open bound is a note, not a contradiction.
    over = MoneyValue(
        surface="over $52 million",
        nominal=52e6,
        currency="USD",
        interval=Interval(low=52e6, high=None, low_closed=False),
    )
    assert compare_values(over, money(52e6, "USD")) is Relation.IMPRECISE
    assert compare_values(over, money(51e6, "USD")) is Relation.CONFLICT_VALUE
    # Counts keep their strict reading: "over 28 countries" is not 28.
    assert compare_values(count(28, None, low_closed=False), count(28, 28)).is_conflict


def test_one_place_told_with_another_common_noun_or_without_its_umlaut() -> None:
    same = compare_values(text("Klosterberg resort"), text("Klosterberg complex"))
    assert same is Relation.COMPATIBLE
    spelt = compare_values(text("Klösterberg resort"), text("Kloesterberg resort"))
    assert spelt is Relation.COMPATIBLE
    other = compare_values(text("Klosterberg resort"), text("Lindenhof resort"))
    assert other is Relation.CONFLICT_VALUE


def test_a_person_told_by_surname_is_the_full_name_in_the_other_list() -> None:
    # "hosted by President Biden" against "hosted by Joe Biden"; "Guinea" never becomes
    # "Equatorial Guinea".
    assert compare_values(entities("Biden"), entities("Joe Biden")) == Relation.SAME
    assert compare_values(entities("Guinea"), entities("Equatorial Guinea")).is_conflict
