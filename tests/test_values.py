"""Counts, percentages and money: spans, intervals, currencies; and the seed quotes."""

from __future__ import annotations

import math
import re
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_facts.models import CountValue, DateValue, Interval, MoneyValue, PercentValue
from summit_facts.values import (
    RawSpan,
    find_values,
    parse_count,
    parse_date,
    parse_money,
    parse_percent,
    with_tolerance,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "gold" / "seeds.yaml"

INF = None


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_values(text)]


def bounds(interval: Interval) -> tuple[float | None, float | None, bool, bool]:
    return (interval.low, interval.high, interval.low_closed, interval.high_closed)


def assert_interval(interval: Interval, expected: tuple) -> None:
    low, high, low_closed, high_closed = expected
    assert interval.low == pytest.approx(low)
    assert interval.high == (None if high is None else pytest.approx(high))
    assert (interval.low_closed, interval.high_closed) == (low_closed, high_closed)


# ---------------------------------------------------------------- spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$400 million", [("$400 million", "money")]),
        ("€109 billion", [("€109 billion", "money")]),
        ("approximately €109 billion", [("approximately €109 billion", "money")]),
        ("US$1.5bn", [("US$1.5bn", "money")]),
        ("£100m", [("£100m", "money")]),
        ("20 billion euros", [("20 billion euros", "money")]),
        ("EUR 200 billion", [("EUR 200 billion", "money")]),
        ("USD 5 million", [("USD 5 million", "money")]),
        ("$1.2 trillion", [("$1.2 trillion", "money")]),
        ("€20 billion", [("€20 billion", "money")]),
        ("backed by an initial $400 million from", [("$400 million", "money")]),
        ("up to €5bn", [("up to €5bn", "money")]),
        ("nearly 40% of jobs", [("nearly 40%", "percent")]),
        ("40 per cent", [("40 per cent", "percent")]),
        ("40 percent", [("40 percent", "percent")]),
        ("approximately 40%", [("approximately 40%", "percent")]),
        ("1,200 delegates", [("1,200", "count")]),
        ("Eleven state governments", [("Eleven", "count")]),
        ("from six nations", [("six", "count")]),
        ("twenty-one members", [("twenty-one", "count")]),
        ("a dozen firms", [("a dozen", "count")]),
        ("brought together 100+ nations", [("100+", "count")]),
        ("the two-day summit", [("two", "count")]),
        ("a 3-day event", [("3", "count")]),
        ("over 40 nations", [("over 40", "count")]),
        ("more than 100", [("more than 100", "count")]),
        ("above 100", [("above 100", "count")]),
        ("at least 100", [("at least 100", "count")]),
        ("nearly 40", [("nearly 40", "count")]),
        ("almost 40", [("almost 40", "count")]),
        ("close to 40", [("close to 40", "count")]),
        ("about 100", [("about 100", "count")]),
        ("featured around 100 events", [("around 100", "count")]),
        ("roughly 100", [("roughly 100", "count")]),
        ("some 100 events", [("some 100", "count")]),
        ("an estimated 500 people", [("an estimated 500", "count")]),
        ("up to 20", [("up to 20", "count")]),
        ("as many as 20", [("as many as 20", "count")]),
        ("fewer than 20", [("fewer than 20", "count")]),
        ("less than 20", [("less than 20", "count")]),
        ("under 20", [("under 20", "count")]),
        ("between 10 and 20 countries", [("between 10 and 20", "count")]),
        ("10-20 countries", [("10-20", "count")]),
        # money and dates win over counts
        (
            "$400 million and February 10-11",
            [("$400 million", "money"), ("February 10-11", "date")],
        ),
        ("over 2000 people", [("over 2000", "count")]),
        ("2000+ people", [("2000+", "count")]),
        ("around 2030", [("2030", "date")]),
    ],
)
def test_find_values_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "  • 2-1. Event timeline and location",
        "  • 3-3. Investment in AI Technologies",
        "  1. Summary",
        "GPT-4 and COVID-19 at the G7",
        "One of the most engaging sessions",
        "the twenty-first century",
        "two-thirds of members",
        "the 2nd edition",
        "open 24/7 from 10:30",
        "a 5m wall",
        "version 1.2.3",
        "the team won 2-1.",
    ],
)
def test_find_values_ignores_names_codes_lists_and_ordinals(text: str) -> None:
    assert [s for s in find_values(text) if s.kind == "count"] == []


def test_find_values_returns_raw_spans_sorted_by_start() -> None:
    text = "Eleven states gave $400 million on February 10, 2025, about 40% of it."
    found = find_values(text)
    assert all(isinstance(s, RawSpan) for s in found)
    assert [s.kind for s in found] == ["count", "money", "date", "percent"]
    assert found == sorted(found)


def test_one_counts_only_when_qualified_or_a_duration() -> None:
    assert spans("one prominent AI researcher") == []
    assert spans("more than one country") == [("more than one", "count")]
    assert spans("a one-day event") == [("one", "count")]
    assert spans("one hundred delegates") == [("one hundred", "count")]


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "nominal", "currency", "qualifier", "interval"),
    [
        ("$400 million", 4e8, "USD", None, (4e8, 4e8, True, True)),
        ("€109 billion", 1.09e11, "EUR", None, (1.09e11, 1.09e11, True, True)),
        ("approximately €109 billion", 1.09e11, "EUR", "about", (9.81e10, 1.199e11, True, True)),
        ("US$1.5bn", 1.5e9, "USD", None, (1.5e9, 1.5e9, True, True)),
        ("£100m", 1e8, "GBP", None, (1e8, 1e8, True, True)),
        ("20 billion euros", 2e10, "EUR", None, (2e10, 2e10, True, True)),
        ("EUR 200 billion", 2e11, "EUR", None, (2e11, 2e11, True, True)),
        ("USD 5 million", 5e6, "USD", None, (5e6, 5e6, True, True)),
        ("$1.2 trillion", 1.2e12, "USD", None, (1.2e12, 1.2e12, True, True)),
        ("€20 billion", 2e10, "EUR", None, (2e10, 2e10, True, True)),
        ("€200 billion", 2e11, "EUR", None, (2e11, 2e11, True, True)),
        ("an initial $400 million", 4e8, "USD", None, (4e8, 4e8, True, True)),
        ("up to €5bn", 5e9, "EUR", "up to", (0.0, 5e9, True, True)),
        ("over $1 billion", 1e9, "USD", "over", (1e9, INF, False, True)),
        ("US$4 billion in excess", 4e9, "USD", "over", (4e9, INF, False, True)),
        ("$4 billion in excess of the target", 4e9, "USD", None, (4e9, 4e9, True, True)),
        ("$1-2 billion", 1e9, "USD", "between", (1e9, 2e9, True, True)),
        ("5 million dollars", 5e6, "USD", None, (5e6, 5e6, True, True)),
        ("100 pounds sterling", 100.0, "GBP", None, (100.0, 100.0, True, True)),
        ("¥300 billion", 3e11, "JPY", None, (3e11, 3e11, True, True)),
        ("CHF 10 million", 1e7, "CHF", None, (1e7, 1e7, True, True)),
        ("C$50 million", 5e7, "CAD", None, (5e7, 5e7, True, True)),
        ("A$50 million", 5e7, "AUD", None, (5e7, 5e7, True, True)),
        ("₹500 crore", 5e9, "INR", None, (5e9, 5e9, True, True)),
        ("10 billion rupees", 1e10, "INR", None, (1e10, 1e10, True, True)),
        ("3 trillion yen", 3e12, "JPY", None, (3e12, 3e12, True, True)),
    ],
)
def test_parse_money(text, nominal, currency, qualifier, interval) -> None:
    value = parse_money(text)
    assert isinstance(value, MoneyValue)
    assert value.nominal == nominal
    assert value.currency == currency
    assert value.qualifier == qualifier
    assert_interval(value.interval, interval)


def test_parse_money_surface_is_the_amount_as_written() -> None:
    value = parse_money("backed by an initial $400 million from the government")
    assert value is not None and value.surface == "$400 million"


def test_money_needs_a_currency() -> None:
    assert parse_money("400 million") is None
    assert parse_money("60 countries") is None


def test_scale_m_and_b_only_after_a_currency() -> None:
    assert parse_count("a 5m wall") is None
    assert parse_money("£5m") is not None


# ---------------------------------------------------------------- percent


@pytest.mark.parametrize(
    ("text", "qualifier", "interval"),
    [
        ("40%", None, (40.0, 40.0, True, True)),
        ("nearly 40%", "nearly", (36.0, 40.0, True, False)),
        ("40 per cent", None, (40.0, 40.0, True, True)),
        ("40 percent", None, (40.0, 40.0, True, True)),
        ("approximately 40%", "about", (36.0, 44.0, True, True)),
        ("more than 40%", "over", (40.0, INF, False, True)),
        ("forty percent", None, (40.0, 40.0, True, True)),
        ("10-15%", "between", (10.0, 15.0, True, True)),
        ("2.5 %", None, (2.5, 2.5, True, True)),
    ],
)
def test_parse_percent(text, qualifier, interval) -> None:
    value = parse_percent(text)
    assert isinstance(value, PercentValue)
    assert value.qualifier == qualifier
    assert_interval(value.interval, interval)


def test_percentage_points_are_not_percent() -> None:
    assert parse_percent("40 percentage points") is None


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "nominal", "qualifier", "interval"),
    [
        ("60", 60, None, (60, 60, True, True)),
        ("60 countries", 60, None, (60, 60, True, True)),
        ("over 100", 100, "over", (100, INF, False, True)),
        ("more than 100", 100, "over", (100, INF, False, True)),
        ("above 100", 100, "over", (100, INF, False, True)),
        ("100+", 100, "at least", (100, INF, True, True)),
        ("at least 100", 100, "at least", (100, INF, True, True)),
        ("nearly 40", 40, "nearly", (36, 40, True, False)),
        ("almost 40", 40, "nearly", (36, 40, True, False)),
        ("close to 40", 40, "nearly", (36, 40, True, False)),
        ("about 100", 100, "about", (90, 110, True, True)),
        ("around 100", 100, "about", (90, 110, True, True)),
        ("approximately 100", 100, "about", (90, 110, True, True)),
        ("roughly 100", 100, "about", (90, 110, True, True)),
        ("some 100", 100, "about", (90, 110, True, True)),
        ("an estimated 100", 100, "about", (90, 110, True, True)),
        ("estimated 100", 100, "about", (90, 110, True, True)),
        ("up to 20", 20, "up to", (0, 20, True, True)),
        ("as many as 20", 20, "up to", (0, 20, True, True)),
        ("fewer than 20", 20, "under", (0, 20, True, False)),
        ("less than 20", 20, "under", (0, 20, True, False)),
        ("under 20", 20, "under", (0, 20, True, False)),
        ("Eleven", 11, None, (11, 11, True, True)),
        ("six", 6, None, (6, 6, True, True)),
        ("twenty-one", 21, None, (21, 21, True, True)),
        ("ninety-nine", 99, None, (99, 99, True, True)),
        ("a hundred", 100, None, (100, 100, True, True)),
        ("two hundred and fifty", 250, None, (250, 250, True, True)),
        ("three thousand", 3000, None, (3000, 3000, True, True)),
        ("a dozen", 12, None, (12, 12, True, True)),
        ("two-day", 2, None, (2, 2, True, True)),
        ("3-day", 3, None, (3, 3, True, True)),
        ("1,200", 1200, None, (1200, 1200, True, True)),
        ("1.5 million", 1.5e6, None, (1.5e6, 1.5e6, True, True)),
        ("100k", 1e5, None, (1e5, 1e5, True, True)),
        ("between 10 and 20", 10, "between", (10, 20, True, True)),
        ("100 or more", 100, "at least", (100, INF, True, True)),
    ],
)
def test_parse_count(text, nominal, qualifier, interval) -> None:
    value = parse_count(text)
    assert isinstance(value, CountValue)
    assert value.nominal == nominal
    assert value.qualifier == qualifier
    assert bounds(value.interval) == interval


def test_parse_count_reads_a_year_when_asked_but_not_a_day() -> None:
    year = parse_count("2023")
    assert year is not None and year.nominal == 2023
    assert parse_count("February 10-11") is None


def test_tolerance_widens_about_only() -> None:
    assert bounds(parse_count("about 100", tolerance=0.2).interval) == (80, 120, True, True)
    assert bounds(parse_count("nearly 40", tolerance=0.5).interval) == (36, 40, True, False)
    assert bounds(parse_count("60", tolerance=0.5).interval) == (60, 60, True, True)


# ---------------------------------------------------------------- with_tolerance


def test_with_tolerance_recomputes_approximate_values() -> None:
    money = parse_money("approximately €109 billion")
    wider = with_tolerance(money, 0.2)
    assert isinstance(wider, MoneyValue)
    assert wider.interval.low == pytest.approx(8.72e10)
    assert wider.interval.high == pytest.approx(1.308e11)
    assert wider.currency == "EUR" and wider.nominal == money.nominal
    assert money.interval.low == pytest.approx(9.81e10)  # the original is untouched
    exact = with_tolerance(money, 0.0)
    assert bounds(exact.interval) == (1.09e11, 1.09e11, True, True)


@pytest.mark.parametrize("text", ["60", "over 100", "nearly 40", "100+", "up to 20"])
def test_with_tolerance_leaves_other_values_alone(text: str) -> None:
    value = parse_count(text)
    assert with_tolerance(value, 0.5) == value


def test_with_tolerance_leaves_dates_alone() -> None:
    value = parse_date("2023", anchor=None)
    assert with_tolerance(value, 0.5) is value


# ---------------------------------------------------------------- the seed quotes


def _gold_claims() -> list[tuple[str, dict, str, date | None]]:
    if not GOLD.exists():
        return []
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    published = {doc: meta.get("published") for doc, meta in gold["sources"].items()}
    claims = []
    for subject in gold["subjects"]:
        for claim in subject["claims"]:
            value = claim["value"]
            if "members" in value or "text" in value:
                continue
            claims.append((claim["quote"], value, subject["slot"], published[claim["doc"]]))
    return claims


def _matches_gold(quote: str, gold: dict, anchor: date | None) -> bool:
    for span in find_values(quote):
        text = quote[span.start : span.end]
        if span.kind == "date":
            value = parse_date(text, anchor=anchor)
            if value is None:
                continue
            if "start" in gold and (value.start, value.end) == (gold["start"], gold["end"]):
                return True
            if "value" in gold and value.precision == "year" and value.start.year == gold["value"]:
                return True
        elif span.kind == "money":
            value = parse_money(text)
            amount = gold.get("amount", gold.get("approx"))
            if value and value.currency == gold.get("currency") and value.nominal == amount:
                return ("approx" in gold) == (value.qualifier == "about")
        else:
            value = parse_count(text) if span.kind == "count" else parse_percent(text)
            if value is None:
                continue
            if "value" in gold and value.qualifier is None and value.nominal == gold["value"]:
                return True
            if "low" in gold and value.interval.low == gold["low"] and value.interval.high is None:
                return True
            if "approx" in gold and value.qualifier in ("about", "nearly"):
                return value.nominal == gold["approx"]
    return False


@pytest.mark.skipif(not GOLD.exists(), reason="the shared gold file is not available")
@pytest.mark.parametrize(("quote", "gold", "slot", "anchor"), _gold_claims())
def test_every_numeric_gold_claim_is_found_in_its_quote(quote, gold, slot, anchor) -> None:
    assert _matches_gold(quote, gold, anchor), (slot, quote, spans(quote))


def test_seed_documents_yield_no_counts_from_list_numbers_or_urls() -> None:
    text = (SEEDS / "002_7e9db0386b71b9b5.txt").read_text(encoding="utf-8")
    counts = [text[s.start : s.end] for s in find_values(text) if s.kind == "count"]
    assert counts == ["five", "two", "over 800", "over 100", "around 100", "five"]


def test_find_values_is_fast_enough_for_every_sentence() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    find_values(sentences[0])
    started = time.perf_counter()
    for sentence in sentences:
        find_values(sentence)
    per_sentence = (time.perf_counter() - started) / len(sentences)
    assert per_sentence < 0.002  # about 0.04 ms on a laptop; spaCy takes far longer


# ---------------------------------------------------------------- properties

NOISE = st.lists(
    st.sampled_from(
        [
            "1",
            "2",
            "0",
            "10",
            "2025",
            "1,200",
            "3.5",
            "$",
            "€",
            "£",
            "US$",
            "EUR",
            "%",
            "+",
            "-",
            "–",
            "—",
            "to",
            "and",
            "between",
            "from",
            "over",
            "nearly",
            "about",
            "up to",
            "under",
            "February",
            "Feb",
            "Sept.",
            "May",
            "in",
            "of",
            "the",
            "billion",
            "bn",
            "m",
            "k",
            "million",
            "euros",
            "dollars",
            "one",
            "twenty",
            "-one",
            "hundred",
            "a",
            "dozen",
            "per cent",
            " ",
            ", ",
            ". ",
            "\n",
            "•",
            "2-1.",
            "th",
            "st",
            "GPT-",
            "x",
            "9999999999",
        ]
    ),  # fmt: skip
    max_size=25,
).map("".join)
TEXTS = st.one_of(st.text(max_size=200), NOISE)


def _well_formed(interval: Interval) -> None:
    for bound in (interval.low, interval.high):
        assert bound is None or math.isfinite(bound)
    if interval.low is not None and interval.high is not None:
        assert interval.low <= interval.high
        if interval.low == interval.high:
            assert interval.low_closed and interval.high_closed


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_find_values_spans_are_sorted_disjoint_and_inside(text: str) -> None:
    found = find_values(text)
    for span in found:
        assert 0 <= span.start < span.end <= len(text)
        assert span.kind in ("money", "percent", "date", "count")
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.floats(min_value=0, max_value=1))
def test_parsers_never_raise_and_give_well_formed_intervals(text: str, tolerance: float) -> None:
    for parse in (parse_count, parse_percent, parse_money):
        value = parse(text, tolerance=tolerance)
        if value is not None:
            _well_formed(value.interval)
            widened = with_tolerance(value, tolerance)
            _well_formed(widened.interval)
    value = parse_date(text, anchor=date(2025, 2, 13))
    assert value is None or isinstance(value, DateValue)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_span_parses_as_its_kind_or_not_at_all(text: str) -> None:
    parsers = {"count": parse_count, "percent": parse_percent, "money": parse_money}
    for span in find_values(text):
        if span.kind in parsers:
            value = parsers[span.kind](text[span.start : span.end])
            assert value is not None, text[span.start : span.end]


def test_empty_intervals_are_not_values() -> None:
    assert parse_count("under 0") is None
    assert parse_percent("nearly 0%") is None
    assert find_values("fewer than 0") == []


def test_a_mistyped_grouping_is_no_figure():
    # "gathering over 1,6000 leaders": neither 1 nor 6000, and a sound 1,600 still reads.
    from summit_facts.values import find_values

    text = "gathering over 1,6000 leaders and 1,600 others"
    assert [text[s.start : s.end] for s in find_values(text)] == ["1,600"]


def test_a_qualified_year_like_number_before_people_counts_them() -> None:
    text = "brought together approximately 1900 delegates, and by around 2030 leaders will meet"
    found = [(text[s.start : s.end], s.kind) for s in find_values(text)]
    assert ("approximately 1900", "count") in found
    assert ("2030", "date") in found
