"""Values in plain text: where they are (`find_values`) and what they mean (`parse_*`).

The extraction stage runs `find_values` over every document and hands each span
it keeps to the matching `parse_*`, which returns the typed, normalised value of
models.py (an interval, or a range of days) or None. Pure functions, no model, no
exception on any input; the work is done in numbers.py and dates.py.

Where a number could be two things, the more specific reading wins: the 400 in
"$400 million" is money and the 11 in "February 10-11" is a date, never counts. A
bare year is a date, unless it is plainly a quantity ("over 2000", "2000+").
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from summit_facts.dates import date_spans, parse_date
from summit_facts.models import CountValue, MoneyValue, PercentValue
from summit_facts.numbers import (
    DEFAULT_TOLERANCE,
    parse_numeric,
    quantities,
    with_tolerance,
)

__all__ = [
    "RawSpan",
    "SpanKind",
    "find_values",
    "parse_count",
    "parse_date",
    "parse_money",
    "parse_percent",
    "with_tolerance",
]

SpanKind = Literal["money", "percent", "date", "count"]


class RawSpan(NamedTuple):
    """Where a value is: `text[start:end]`, half-open, and what kind it is."""

    start: int
    end: int
    kind: SpanKind


def find_values(text: str) -> list[RawSpan]:
    """Every money, percent, date and count span in `text`, sorted, not overlapping."""
    dates = date_spans(text)
    found = [RawSpan(d.start, d.end, "date") for d in dates]
    dropped: set[int] = set()
    for q in quantities(text):
        clash = [i for i, d in enumerate(dates) if d.start < q.end and q.start < d.end]
        if clash and not (q.strong and all(dates[i].year_only for i in clash)):
            continue
        dropped.update(clash)
        found.append(RawSpan(q.start, q.end, q.kind))
    spans = sorted(s for i, s in enumerate(found) if i not in dropped)
    # Two quantities can still share characters ("EUR 200 trillion EUR 50 million"):
    # the first one keeps them.
    kept: list[RawSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _not_year_dates(text: str) -> list[tuple[int, int]]:
    # Asked for a number, "2023" is one; "February 10-11" still is not.
    return [(d.start, d.end) for d in date_spans(text) if not d.year_only]


def parse_count(text: str, *, tolerance: float = DEFAULT_TOLERANCE) -> CountValue | None:
    """The first count in `text` ("over 100", "Eleven", "100+"), or None."""
    value = parse_numeric(text, "count", tolerance=tolerance, skip=_not_year_dates(text))
    return value if isinstance(value, CountValue) else None


def parse_percent(text: str, *, tolerance: float = DEFAULT_TOLERANCE) -> PercentValue | None:
    """The first percentage in `text` ("nearly 40%", "40 per cent"), or None."""
    value = parse_numeric(text, "percent", tolerance=tolerance, skip=[])
    return value if isinstance(value, PercentValue) else None


def parse_money(text: str, *, tolerance: float = DEFAULT_TOLERANCE) -> MoneyValue | None:
    """The first amount of money in `text` ("€200 billion", "US$1.5bn"), or None.

    An amount needs a currency: "400 million" alone is not money.
    """
    value = parse_numeric(text, "money", tolerance=tolerance, skip=[])
    return value if isinstance(value, MoneyValue) else None
