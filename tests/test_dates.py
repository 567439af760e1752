"""Dates and date ranges: spans, resolution, the anchor year, impossible dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_facts.dates import date_spans
from summit_facts.models import DateValue
from summit_facts.values import find_values, parse_date

ANCHOR = date(2025, 2, 13)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("February 6 to 11, 2025", "2025-02-06", "2025-02-11", "day"),
        ("February 6 to 11", "2025-02-06", "2025-02-11", "day"),
        ("10-11 February, 2025", "2025-02-10", "2025-02-11", "day"),
        ("10–11 February 2025", "2025-02-10", "2025-02-11", "day"),
        ("February 10 and 11", "2025-02-10", "2025-02-11", "day"),
        ("Feb 10-11", "2025-02-10", "2025-02-11", "day"),
        ("Feb. 10–11, 2025", "2025-02-10", "2025-02-11", "day"),
        ("September 15-17, 2025", "2025-09-15", "2025-09-17", "day"),
        ("March 18, 2025", "2025-03-18", "2025-03-18", "day"),
        ("Feb 14, 2025", "2025-02-14", "2025-02-14", "day"),
        ("14 February 2025", "2025-02-14", "2025-02-14", "day"),
        ("the 14th of February 2025", "2025-02-14", "2025-02-14", "day"),
        # Each day with its article: "Monday the 9th and the 10th of September".
        ("the 9th and the 10th of September", "2025-09-09", "2025-09-10", "day"),
        ("held at the beginning of September", "2025-09-01", "2025-09-30", "month"),
        ("February 10th", "2025-02-10", "2025-02-10", "day"),
        ("2025-02-14", "2025-02-14", "2025-02-14", "day"),
        ("February 2025", "2025-02-01", "2025-02-28", "month"),
        ("February 2024", "2024-02-01", "2024-02-29", "month"),
        ("February–March 2025", "2025-02-01", "2025-03-31", "month"),
        ("in February", "2025-02-01", "2025-02-28", "month"),
        ("in 2023", "2023-01-01", "2023-12-31", "year"),
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("by 2025", "2025-01-01", "2025-12-31", "year"),
        ("mid-2025", "2025-01-01", "2025-12-31", "year"),
        ("from 2023 to 2025", "2023-01-01", "2025-12-31", "year"),
        ("2024-25", "2024-01-01", "2025-12-31", "year"),
        ("from February 6 to February 11, 2025", "2025-02-06", "2025-02-11", "day"),
        ("between 10 and 11 February", "2025-02-10", "2025-02-11", "day"),
        ("January 30 to February 2", "2025-01-30", "2025-02-02", "day"),
        ("30 January to 2 February 2025", "2025-01-30", "2025-02-02", "day"),
        ("December 30 to January 2, 2025", "2024-12-30", "2025-01-02", "day"),
        ("December 30, 2024 to January 2, 2025", "2024-12-30", "2025-01-02", "day"),
        ("held from February 10-11, 2025, was", "2025-02-10", "2025-02-11", "day"),
        ("in the first quarter of 2025", "2025-01-01", "2025-03-31", "month"),
        ("Q3 2025", "2025-07-01", "2025-09-30", "month"),
        ("the second half of 2026", "2026-07-01", "2026-12-31", "month"),
        # "or early in" the next quarter: to that quarter's first month
        (
            "the first quarter or early in the second quarter of 2025",
            "2025-01-01",
            "2025-04-30",
            "month",
        ),
    ],
)
def test_parse_date(text: str, start: str, end: str, precision: str) -> None:
    value = parse_date(text, anchor=ANCHOR)
    assert isinstance(value, DateValue)
    assert (value.start, value.end, value.precision) == (d(start), d(end), precision)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("took place in Paris from February 6 to 11, 2025, marking", "from February 6 to 11, 2025"),
        ("Paris, France, 10-11 February, 2025 — Against", "10-11 February, 2025"),
        ("scheduled for September 15-17, 2025, emerges", "September 15-17, 2025"),
        ("held on February 6 and 7, featuring", "February 6 and 7"),
        ("the historic Bletchley Park summit of 2023 and subsequent", "2023"),
        ("General Report March 18, 2025 goover", "March 18, 2025"),
        ("between 10 and 11 February", "between 10 and 11 February"),
    ],
)  # fmt: skip
def test_date_spans_in_real_sentences(text: str, span: str) -> None:
    found = [text[s.start : s.end] for s in find_values(text) if s.kind == "date"]
    assert found == [span]


def test_a_date_range_is_never_read_as_counts() -> None:
    for text in ("February 10-11", "10-11 February, 2025", "between 10 and 11 February"):
        assert [s.kind for s in find_values(text)] == ["date"]


def test_year_less_dates_take_the_anchor_year() -> None:
    value = parse_date("February 6 and 7", anchor=date(2024, 5, 1))
    assert value is not None and (value.start, value.end) == (d("2024-02-06"), d("2024-02-07"))


@pytest.mark.parametrize("text", ["February 6 to 11", "Feb 10-11", "March 18", "in February"])
def test_year_less_dates_without_anchor_are_none(text: str) -> None:
    assert parse_date(text, anchor=None) is None


@pytest.mark.parametrize(
    "text", ["February 30, 2025", "31 April 2025", "February 29, 2023", "February 11 to 6, 2025"]
)
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_date(text, anchor=ANCHOR) is None


def test_leap_day_is_a_date() -> None:
    value = parse_date("February 29, 2024", anchor=None)
    assert value is not None and value.start == d("2024-02-29")


def test_two_years_joined_by_and_are_two_dates() -> None:
    text = "summits in 2023 and 2024"
    assert [text[s.start : s.end] for s in find_values(text)] == ["2023", "2024"]
    value = parse_date("between 2023 and 2024", anchor=None)
    assert value is not None and (value.start.year, value.end.year) == (2023, 2024)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/ai-paris-summit-2025.jpg",
        "the 2020s",
        "growth of 2025%",
        "$2025",
        "1738406201100_magick_img",
    ],
)
def test_years_inside_urls_codes_and_amounts_are_not_dates(text: str) -> None:
    assert [s for s in find_values(text) if s.kind == "date"] == []


def test_month_words_need_a_day_a_year_or_a_preposition() -> None:
    assert find_values("March on, said the May report") == []
    assert find_values("we may meet") == []


def test_dateparser_fallback_for_relative_dates() -> None:
    value = parse_date("yesterday", anchor=ANCHOR)
    assert value is not None and value.start == d("2025-02-12")
    assert parse_date("yesterday", anchor=None) is None  # would depend on today
    assert parse_date("the summit", anchor=ANCHOR) is None


def test_surface_is_the_date_as_written() -> None:
    value = parse_date("The Paris AI Summit, held from February 10-11, 2025, was", anchor=None)
    assert value is not None and value.surface == "from February 10-11, 2025"


def test_date_spans_flag_bare_years() -> None:
    spans = date_spans("In 2023 and on March 18, 2025")
    assert [(s.year_only, s.pattern) for s in spans] == [(True, "y"), (False, "md")]


MIXED = st.lists(
    st.sampled_from(
        [
            "1",
            "6",
            "10",
            "11",
            "29",
            "30",
            "31",
            "2023",
            "2025",
            "1900",
            "2100",
            "25",
            "-",
            "–",
            " to ",
            " and ",
            "between ",
            "from ",
            "February",
            "Feb",
            "Feb.",
            "Sept",
            "December",
            "May",
            "in ",
            "mid-",
            ", ",
            " ",
            "th",
            "of ",
            "/",
            "$",
            "x",
        ]
    ),  # fmt: skip
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=120), MIXED), st.sampled_from([None, ANCHOR, date(9999, 12, 31)]))
def test_parse_date_never_raises_and_start_precedes_end(text: str, anchor: date | None) -> None:
    value = parse_date(text, anchor=anchor)
    if value is not None:
        assert value.start <= value.end


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_date_spans_are_sorted_and_disjoint(text: str) -> None:
    spans = date_spans(text)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # Told against the published date 2026-02-21: "held today", "last month's
        # summit", "last year's summit in Paris", "next year's summit".
        ("today", "2026-02-21", "2026-02-21", "day"),
        ("last month", "2026-01-01", "2026-01-31", "month"),
        ("this month", "2026-02-01", "2026-02-28", "month"),
        ("last year", "2025-01-01", "2025-12-31", "year"),
        ("next year", "2027-01-01", "2027-12-31", "year"),
    ],
)
def test_relative_days_months_and_years(text: str, start: str, end: str, precision: str) -> None:
    value = parse_date(text, anchor=date(2026, 2, 21))
    assert value is not None, text
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (
        start,
        end,
        precision,
    )


def test_relative_words_need_a_published_date():
    for text in ("today", "last month", "next year"):
        assert parse_date(text, anchor=None) is None


def test_a_list_of_days_is_the_range_they_span():
    value = parse_date("May 19, 20, and 21", anchor=date(2023, 5, 10))
    assert value is not None
    assert (value.start, value.end) == (date(2023, 5, 19), date(2023, 5, 21))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from Tuesday to Thursday", "2023-09-05", "2023-09-07"),
        ("between Monday and Wednesday", "2023-09-04", "2023-09-06"),
        ("Friday-Sunday", "2023-09-08", "2023-09-10"),
        ("on Thursday and Friday", "2023-09-07", "2023-09-08"),
    ],
)
def test_a_range_of_weekdays_is_one_range(text: str, start: str, end: str) -> None:
    # Published on Monday 4 September 2023, told in the future.
    value = parse_date(text, anchor=date(2023, 9, 4), tense="future")
    assert value is not None, text
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)


def test_two_weekdays_apart_joined_by_and_are_two_days() -> None:
    # "met on Monday and Wednesday": two days, not the three from one to the other.
    spans = [s for s in date_spans("Ministers met on Monday and Wednesday.") if s.pattern]
    assert [s.pattern for s in spans] == ["wd", "wd"]


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("last November", "2031-03-05", "2030-11-01", "2030-11-30"),
        ("last November", "2030-11-20", "2029-11-01", "2029-11-30"),
        ("next June", "2031-03-05", "2031-06-01", "2031-06-30"),
        ("this November", "2031-03-05", "2031-11-01", "2031-11-30"),
    ],
)
def test_a_month_told_by_last_or_next_takes_its_year_from_the_published_date(
    text: str, published: str, start: str, end: str
) -> None:
    value = parse_date(text, anchor=date.fromisoformat(published))
    assert value is not None, text
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (
        start,
        end,
        "month",
    )
