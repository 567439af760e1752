"""Dates and date ranges: finding them in text and resolving them to day ranges.

"February 6 to 11, 2025", "10-11 February, 2025", "Feb 10-11", "March 18, 2025",
"2025-02-14", "February 2025" and "2023" are matched by our own regular expressions,
which are fast and cover the forms news articles use. A year-less date takes the
year of the anchor (the source's published date). Anything else goes, as a short
string, to dateparser, once per distinct string.

Every value is a range of days, both ends inclusive, with the precision it was
stated at (day, month or year), so that agreement downstream is overlap.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from summit_facts.models import DateValue, Precision

Tense = Literal["past", "future"]

_FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip
_MONTH_RE = (
    rf"(?:{'|'.join(_FULL_MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
    r"(?![A-Za-z])"
)
_DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR_RE = r"(?:19\d\d|20\d\d|2100)(?!\d)"
_CONN = r"(?P<conn>\s*[-\u2010-\u2014]\s*|\s+(?:to|through|until|till|and|-)\s+)"
_M1, _M2 = rf"(?P<m1>{_MONTH_RE})", rf"(?P<m2>{_MONTH_RE})"
_D1, _D2 = rf"(?P<d1>{_DAY_RE})", rf"(?P<d2>{_DAY_RE})"
_Y1, _Y2 = rf"(?:,?\s+(?P<y1>{_YEAR_RE}))?", rf"(?:,?\s+(?P<y2>{_YEAR_RE}))?"
_OF = r"(?:\s+of)?\s+"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4}  # fmt: skip
_PART_RE = r"(?:(?i:first|1st|second|2nd|third|3rd|fourth|4th)\s+(?i:quarter|half)|Q[1-4]|H[12])"

# Pattern name -> regex. Every match is a candidate; the longest wins. Patterns start
# with the date itself, so that the engine can skip ahead to a digit or a capital;
# what may stand before a date is checked in `_start_ok`.
_PATTERNS = {
    # February 6 to February 11, 2025 / December 30, 2024 to January 2, 2025
    "mdmd": rf"{_M1}\s+{_D1}{_Y1}{_CONN}{_M2}\s+{_D2}{_Y2}",
    "dmdm": rf"{_D1}{_OF}{_M1}{_Y1}{_CONN}{_D2}{_OF}{_M2}{_Y2}",  # 30 January to 2 February
    # February 6 to 11, 2025 / September 15-17, 2025 / Feb 10-11 / February 10 and 11
    "mdd": rf"{_M1}\s+{_D1}{_CONN}{_D2}{_Y2}",
    # May 19, 20 and 21 / May 19, 20, and 21, 2023: a list of days is the range they span
    "mddl": rf"{_M1}\s+{_D1}(?:,\s*{_DAY_RE})+,?\s+and\s+{_D2}{_Y2}",
    # 10-11 February, 2025 / 10 and 11 February / the 9th and the 10th of September
    "ddm": rf"{_D1}{_CONN}(?:the\s+)?{_D2}{_OF}{_M2}{_Y2}",
    "md": rf"{_M1}\s+{_D1}{_Y1}",  # March 18, 2025
    "dm": rf"{_D1}{_OF}{_M1}{_Y1}",  # 14 February 2025
    "iso": rf"(?P<y1>{_YEAR_RE})-(?P<n1>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12]\d|3[01])(?!\d)",
    "my": rf"{_M1}(?:{_CONN}{_M2})?,?\s+(?:of\s+)?(?P<y2>{_YEAR_RE})",  # February 2025
    "yy": rf"(?P<y1>{_YEAR_RE}){_CONN}(?P<y2>{_YEAR_RE}|\d\d(?!\d))",  # 2023-2025, 2024-25
    # the first quarter of 2025 / Q3 2025 / the second half of 2025 / the first quarter or
    # early in the second quarter of 2025: whole quarters and halves, by their months
    "q": rf"(?P<p1>{_PART_RE})(?:\s+(?:or|to|and)\s+(?P<early>early\s+(?:in\s+)?)?(?:the\s+)?"
    rf"(?P<p2>{_PART_RE}))?(?:\s+of|,)?\s+(?P<y1>{_YEAR_RE})",
    "y": rf"(?P<y1>{_YEAR_RE})",
    # in February: the span is the month alone
    "m": rf"\b(?i:in|during|since|until|by|early|mid|late|end\s+of|start\s+of|beginning\s+of)"
    rf"[\s-]+"
    rf"(?P<m1>{'|'.join(_FULL_MONTHS)})(?![\w])(?!\s*\d)",
}
_COMPILED = {name: re.compile(pattern) for name, pattern in _PATTERNS.items()}
_MONTH_FIRST = {"mdmd", "mdd", "mddl", "md", "my"}
_RANGES = {"mdmd", "dmdm", "mdd", "mddl", "ddm", "yy", "my"}  # may open with "from" or "between"
_RANGES_ACROSS = {"mdmd", "dmdm", "yy", "my"}  # "and" joins these only after "between"
_LEAD_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:mid|early|late)-$", re.I)
# A day or a year must not be the tail of another number, an amount or a code.
_BAD_BEFORE = set("_$€£¥₹#./:,-\u2010\u2011\u2012\u2013\u2014")
# Cheap tests that let most sentences skip most patterns: every pattern needs a
# month name, or a year.
_ANY_MONTH = re.compile(_MONTH_RE)
_ANY_YEAR = re.compile(r"(?:19|20)\d\d|2100")
_NEEDS_YEAR = {"iso", "yy", "y", "q"}
_MONTH_ONLY = re.compile(rf"\s*(?P<m1>{_MONTH_RE})\s*")
_AFTER_YEAR_BAD = re.compile(r"[\w%+]|[/:.,\-\u2010-\u2014]\d")
_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|today|yesterday|tomorrow|ago|last|next|week|weekend|month|year)\b",
    re.I,
)
_FALLBACK_MAX_CHARS = 40
# Days told by name, placed by the published date and the clause's tense: "opens on
# Saturday", "last weekend's summit", "at the weekend".
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WD = "|".join(_WEEKDAYS)
_RELATIVE = {
    "wd": re.compile(rf"(?<![\w-])(?P<wd>{_WD})(?![\w-])(?!\s+[A-Z])"),
    # "from Tuesday to Thursday", "between Monday and Wednesday", "Monday-Wednesday": the
    # days from the first to the next such second day.
    "wdr": re.compile(
        rf"(?<![\w-])(?:(?i:from)\s+)?(?P<wd>{_WD})\s*(?:to|through|until|till|[-\u2013])\s*"
        rf"(?P<wd2>{_WD})(?![\w-])(?!\s+[A-Z])"
        rf"|(?<![\w-])(?i:between)\s+(?P<wd3>{_WD})\s+and\s+(?P<wd4>{_WD})(?![\w-])(?!\s+[A-Z])"
        # "held on Thursday and Friday": two days running are the days from one to the
        # other (two days apart, "Monday and Wednesday", stay two days).
        rf"|(?<![\w-])(?P<wd5>{_WD})\s+and\s+(?P<wd6>{_WD})(?![\w-])(?!\s+[A-Z])"
    ),
    "we": re.compile(
        r"(?<![\w-])(?P<rel>this\s+coming|this|last|next|coming|past|the)\s+weekend(?![\w-])",
        re.I,
    ),
    # "held today in Brussels", "last month's summit": the published date's day or the
    # month before it.
    "td": re.compile(r"(?<![\w-])(?P<td>[Tt]oday)(?![\w-])"),
    "lm": re.compile(r"(?<![\w-])(?P<rel>last|this)\s+month(?![\w-])", re.I),
    # "held in Quito last November", "due next June": a month by the published date.
    "rm": re.compile(
        rf"(?<![\w-])(?P<rel>(?i:last|next|this|past|coming))\s+"
        rf"(?P<m1>{'|'.join(_FULL_MONTHS)})(?![\w-])(?!\s*\d)"
    ),
    # "last year's summit in Paris", "next year's G-20 summit": a year by the published one.
    "ly": re.compile(r"(?<![\w-])(?P<rel>last|next|this)\s+year(?![\w-])", re.I),
}
# Year-less dates in a source with no published date are read against this anchor and
# re-dated by the events stage with the main event's year (DESIGN.md, "Events").
UNDATED_ANCHOR = date(4, 7, 1)


@dataclass(slots=True)
class DateSpan:
    """A date found in text: where it is, and how to read it."""

    start: int
    end: int
    pattern: str
    match: re.Match[str]

    @property
    def year_only(self) -> bool:
        return self.pattern in ("y", "yy")


def _start_ok(name: str, text: str, start: int) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    if name in _MONTH_FIRST:
        return not before.isalnum()
    if before.isalnum() or before in _BAD_BEFORE:
        # "mid-2025" is a year; "summit-2025.jpg" and "$2025" are not.
        return name in ("y", "yy") and bool(_PERIOD_BEFORE.search(text, max(0, start - 6), start))
    return True


def _valid(name: str, m: re.Match[str], text: str, lead: str) -> bool:
    groups = m.groupdict()
    conn = (groups.get("conn") or "").strip()
    if conn == "and" and name in _RANGES_ACROSS and lead != "between":
        return False  # "2023 and 2024", "February 6 and March 3": two dates, not a range
    if name == "y" and _AFTER_YEAR_BAD.match(text, m.end()):
        return False  # 2020s, 2025%, 2025-26
    if name == "yy":
        y1, y2 = _years(groups["y1"], groups["y2"])
        return y1 < y2 and not _AFTER_YEAR_BAD.match(text, m.end())
    return True


def _years(first: str, second: str) -> tuple[int, int]:
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else y1 // 100 * 100 + int(second)
    return y1, y2


def date_spans(text: str) -> list[DateSpan]:
    """Every date in `text`, in order, not overlapping; the longest reading wins."""
    candidates: list[DateSpan] = []
    has_month = _ANY_MONTH.search(text) is not None
    has_year = _ANY_YEAR.search(text) is not None
    for name, regex in _COMPILED.items():
        if not (has_year if name in _NEEDS_YEAR else has_month):
            continue
        pos = 0
        while (m := regex.search(text, pos)) is not None:
            start, end = m.span("m1") if name == "m" else m.span()
            if not _start_ok(name, text, m.start()):
                pos = m.start() + 1  # a date may still start inside this match
                continue
            pos = m.end()
            lead = _LEAD_BEFORE.search(text, max(0, start - 9), start) if name in _RANGES else None
            if _valid(name, m, text, lead.group().split()[0].lower() if lead else ""):
                candidates.append(DateSpan(lead.start() if lead else start, end, name, m))
    for name, regex in _RELATIVE.items():
        for m in regex.finditer(text):
            if name == "wdr" and m.group("wd5") and not _running(m["wd5"], m["wd6"]):
                continue
            candidates.append(DateSpan(m.start(), m.end(), name, m))
    candidates.sort(key=lambda c: (c.start - c.end, c.start))
    chosen: list[DateSpan] = []
    for c in candidates:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# ---------------------------------------------------------------- resolution


def _month(name: str | None) -> int | None:
    if not name:
        return None
    return _FULL_MONTHS.index(next(m for m in _FULL_MONTHS if m[:3] == name[:3].title())) + 1


def _day(text: str | None) -> int | None:
    return int(text.rstrip("stndrh")) if text else None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _place(
    build: Callable[[int], tuple[date, date] | None], anchor: date, tense: Tense | None
) -> tuple[date, date] | None:
    """A year-less date or range placed near `anchor`, the published date.

    Told in the past, it is the latest reading that had begun by the published date
    (published 2025-01-10, "ran from December 30 to January 2" ended on 2025-01-02);
    told in the future, the earliest that is not over by then. Otherwise it takes
    the published year, unless it crosses a new year, when the crossing nearest the
    published date wins. Every reading lies within a year of the published date."""
    readings = [r for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (r := build(y))]
    if not readings:
        return None
    if tense == "past":
        begun = [r for r in readings if r[0] <= anchor]
        if begun:
            return begun[-1]
    elif tense == "future":
        ahead = [r for r in readings if r[1] >= anchor]
        if ahead:
            return ahead[0]
    same_year = [r for r in readings if r[0].year == anchor.year or r[1].year == anchor.year]
    return min(same_year or readings, key=lambda r: _distance(r, anchor))


def _distance(reading: tuple[date, date], anchor: date) -> int:
    start, end = reading
    if start <= anchor <= end:
        return 0
    return min(abs((start - anchor).days), abs((end - anchor).days))


def _resolve(
    span: DateSpan, surface: str, anchor: date | None, tense: Tense | None = None
) -> DateValue | None:
    g = span.match.groupdict()
    name = span.pattern
    try:
        if name == "y":
            y = int(g["y1"])
            return DateValue(surface=surface, start=date(y, 1, 1), end=date(y, 12, 31),
                             precision="year")  # fmt: skip
        if name == "yy":
            y1, y2 = _years(g["y1"], g["y2"])
            return DateValue(surface=surface, start=date(y1, 1, 1), end=date(y2, 12, 31),
                             precision="year")  # fmt: skip
        if name == "q":
            y = int(g["y1"])
            first = _months_of(g["p1"])
            last = _months_of(g["p2"]) if g.get("p2") else first
            end = last[0] if g.get("early") else last[1]  # "early in the second quarter"
            return DateValue(surface=surface, start=date(y, first[0], 1), end=_last_day(y, end),
                             precision="month")  # fmt: skip
        if name == "iso":
            day = date(int(g["y1"]), int(g["n1"]), int(g["d1"]))
            return DateValue(surface=surface, start=day, end=day, precision="day")
        if name in ("wd", "we", "wdr"):
            if anchor is None or anchor.year < 100:
                return None  # a weekday only means something against a published date
            if name == "wdr":
                days = _weekday_range(g, anchor, tense)
            else:
                days = _weekday(g, anchor, tense) if name == "wd" else _weekend(g, anchor, tense)
            return DateValue(surface=surface, start=days[0], end=days[1], precision="day")
        if name == "td":
            if anchor is None or anchor.year < 100:
                return None
            return DateValue(surface=surface, start=anchor, end=anchor, precision="day")
        if name == "ly":
            # In an undated source this is read against UNDATED_ANCHOR and re-dated by
            # the events stage: "next year" is then the year after the main event's.
            if anchor is None:
                return None
            shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
            year = anchor.year + shift
            return DateValue(
                surface=surface, start=date(year, 1, 1), end=date(year, 12, 31), precision="year"
            )
        if name == "rm":
            if anchor is None or anchor.year < 100:
                return None
            month = _month(g["m1"])
            assert month is not None
            year = _relative_month_year(g["rel"].lower(), month, anchor)
            return DateValue(surface=surface, start=date(year, month, 1),
                             end=_last_day(year, month), precision="month")  # fmt: skip
        if name == "lm":
            if anchor is None or anchor.year < 100:
                return None
            month_start = anchor.replace(day=1)
            if g["rel"].lower() == "last":
                month_start = (month_start - timedelta(days=1)).replace(day=1)
            return DateValue(
                surface=surface,
                start=month_start,
                end=_last_day(month_start.year, month_start.month),
                precision="month",
            )
        m1, m2 = _month(g.get("m1")), _month(g.get("m2"))
        if name in ("my", "m"):
            assert m1 is not None
            last_month = m2 or m1
            if name == "m":
                if anchor is None:
                    return None
                placed = _place(lambda y: (date(y, m1, 1), _last_day(y, m1)), anchor, tense)
                if placed is None:
                    return None
                return DateValue(surface=surface, start=placed[0], end=placed[1],
                                 precision="month")  # fmt: skip
            y2 = int(g["y2"])
            y1 = y2 - 1 if last_month < m1 else y2
            return DateValue(surface=surface, start=date(y1, m1, 1), end=_last_day(y2, last_month),
                             precision="month")  # fmt: skip
        return _resolve_days(g, m1, m2, surface, anchor, tense)
    except ValueError:
        return None  # February 30


def _relative_month_year(rel: str, month: int, anchor: date) -> int:
    """The year of 'last November' (the latest November before the published date's
    month), 'next June' / 'coming June' (the first June after it) or 'this November'
    (the published year)."""
    if rel in ("last", "past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def _months_of(part: str) -> tuple[int, int]:
    """First and last month of a quarter or half: "second quarter" -> (4, 6), "H2" ->
    (7, 12)."""
    words = part.lower().split()
    if len(words) == 1:  # Q3, H1
        n, size = int(words[0][1]), 3 if words[0][0] == "q" else 6
    else:
        n, size = _ORDINALS[words[0]], 3 if words[1] == "quarter" else 6
    return (n - 1) * size + 1, n * size


def _weekday(g: dict[str, Any], anchor: date, tense: Tense | None) -> tuple[date, date]:
    """'on Saturday': the latest such day by the published date when told in the past,
    the next one from it when told in the future, else the nearest."""
    target = _WEEKDAYS.index(g["wd"].title())
    back = anchor - timedelta(days=(anchor.weekday() - target) % 7)
    ahead = anchor + timedelta(days=(target - anchor.weekday()) % 7)
    if tense == "past":
        day = back
    elif tense == "future":
        day = ahead
    else:
        day = back if (anchor - back) <= (ahead - anchor) else ahead
    return day, day


def _running(first: str, second: str) -> bool:
    """Whether the second weekday is the day after the first ("Thursday and Friday")."""
    a, b = _WEEKDAYS.index(first.title()), _WEEKDAYS.index(second.title())
    return (a + 1) % 7 == b


def _weekday_range(g: dict[str, Any], anchor: date, tense: Tense | None) -> tuple[date, date]:
    """'from Tuesday to Thursday': the first day placed as `_weekday` places it, the last
    the next such day after it (at most six days on)."""
    first, last = (
        (g["wd"], g["wd2"])
        if g.get("wd")
        else (g["wd3"], g["wd4"])
        if g.get("wd3")
        else (g["wd5"], g["wd6"])
    )
    start, _ = _weekday({"wd": first}, anchor, tense)
    target = _WEEKDAYS.index(last.title())
    return start, start + timedelta(days=(target - start.weekday()) % 7)


def _weekend(g: dict[str, Any], anchor: date, tense: Tense | None) -> tuple[date, date]:
    """Saturday and Sunday: 'last weekend' the one before the published date's week,
    'this coming weekend' the next one, 'this weekend' / 'at the weekend' the one the
    published date is in or next to, else by tense."""
    rel = " ".join(g["rel"].lower().split())
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)  # latest, by the anchor
    upcoming = saturday + timedelta(days=7)  # said on a Saturday, "coming" is the next one
    if rel in ("last", "past"):
        start = saturday - timedelta(days=7) if anchor.weekday() in (5, 6) else saturday
    elif rel in ("next", "coming", "this coming"):
        start = upcoming
    elif anchor.weekday() in (5, 6) or tense == "past":
        start = saturday  # "this weekend" said at the weekend, or told in the past
    else:
        start = upcoming
    return start, start + timedelta(days=1)


def _resolve_days(
    g: dict[str, Any],
    m1: int | None,
    m2: int | None,
    surface: str,
    anchor: date | None,
    tense: Tense | None,
) -> DateValue | None:
    d1 = _day(g.get("d1"))
    d2 = _day(g.get("d2")) or d1
    m1 = m1 or m2
    m2 = m2 or m1
    if m1 is None or m2 is None or d1 is None or d2 is None:
        return None
    wraps = m2 < m1  # December 30 to January 2; "February 11 to 6" is no date
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    if y1 is None and y2 is None:
        if anchor is None:
            return None  # a date we cannot place is not a checkable claim
        first, last, day1, day2 = m1, m2, d1, d2

        def reading(year: int) -> tuple[date, date] | None:
            try:
                start = date(year, first, day1)
                end = date(year + 1 if wraps else year, last, day2)
            except ValueError:
                return None  # February 29 in a common year
            return (start, end) if start <= end else None

        placed = _place(reading, anchor, tense)
        if placed is None:
            return None
        return DateValue(surface=surface, start=placed[0], end=placed[1], precision="day")
    if y1 is None:
        assert y2 is not None
        y1 = y2 - 1 if wraps else y2
    if y2 is None:
        y2 = y1 + 1 if wraps else y1
    start, end = date(y1, m1, d1), date(y2, m2, d2)
    if end < start:
        return None
    return DateValue(surface=surface, start=start, end=end, precision="day")


@lru_cache(maxsize=4096)
def _fallback(text: str, anchor: date | None) -> tuple[date, date, Precision] | None:
    """dateparser on a short span, for the forms our patterns do not know."""
    if len(text) > _FALLBACK_MAX_CHARS or not _DATE_WORDS.search(text):
        return None
    if anchor is None and not re.search(_YEAR_RE, text):
        return None  # dateparser would place it relative to today: not reproducible
    try:
        from dateparser.date import DateDataParser

        settings: dict[str, Any] = {"RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"}
        if anchor is not None:
            settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # a third-party parser must not stop the run on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), "year"
    if data.period == "month":
        return day.replace(day=1), _last_day(day.year, day.month), "month"
    if data.period == "week":
        try:
            return day, day + timedelta(days=6), "day"
        except OverflowError:  # a week that would run past 9999-12-31
            return None
    return day, day, "day"


def parse_date(
    text: str, *, anchor: date | None = None, tense: Tense | None = None
) -> DateValue | None:
    """The date or date range stated in `text`, or None.

    A year-less date is placed near `anchor` (the published date): in its year, or,
    by `tense`, the latest reading by the anchor ("ran from December 30 to January 2",
    published January 10) or the earliest after it ("will meet in March"). Without
    an anchor it is None (a date we cannot place is not a checkable claim).
    Impossible dates are None.
    """
    spans = date_spans(text)
    if spans:
        best = max(spans, key=lambda s: s.end - s.start)
        return _resolve(best, text[best.start : best.end], anchor, tense)
    month = _MONTH_ONLY.fullmatch(text)
    if month:
        span = DateSpan(month.start("m1"), month.end("m1"), "m", month)
        return _resolve(span, month.group("m1"), anchor, tense)
    found = _fallback(text.strip(), anchor)
    if found is None:
        return None
    start, end, precision = found
    return DateValue(surface=text.strip(), start=start, end=end, precision=precision)


# ---------------------------------------------------------------- undated weekdays

# A day told by its weekday ("on Monday") in a source with no published date is kept as
# a placeholder on the first days of UNDATED_ANCHOR's year, the day number saying the
# clause's tense, and placed by the events stage once the main event's year dates the
# source's dateline ("NAIROBI, Sept 4 (Reuters) -").
_TENSE_DAYS: dict[Tense | None, int] = {"past": 1, "future": 2, None: 3}
_RELATIVE_DAYS = ("wd", "wdr", "we", "td")


def undated_weekday(text: str, tense: Tense | None = None) -> DateValue | None:
    """A placeholder for a weekday, weekend or 'today' in an undated source, or None when
    `text` is no such day. `weekday_in(value, anchor)` places it."""
    spans = [s for s in date_spans(text) if s.pattern in _RELATIVE_DAYS]
    if not spans:
        return None
    best = max(spans, key=lambda s: s.end - s.start)
    day = date(UNDATED_ANCHOR.year, 1, _TENSE_DAYS[tense])
    return DateValue(surface=text[best.start : best.end], start=day, end=day, precision="day")


def is_undated_weekday(value: DateValue) -> bool:
    """Whether `value` is a placeholder made by `undated_weekday`."""
    return (
        value.start.year == UNDATED_ANCHOR.year
        and value.start == value.end
        and value.start.month == 1
        and value.start.day in _TENSE_DAYS.values()
        and any(s.pattern in _RELATIVE_DAYS for s in date_spans(value.surface))
    )


def weekday_in(value: DateValue, anchor: date) -> DateValue | None:
    """The placeholder's days, placed by `anchor` (the dateline's date in the main event's
    year) and the tense it keeps."""
    tense = next(t for t, day in _TENSE_DAYS.items() if day == value.start.day)
    return parse_date(value.surface, anchor=anchor, tense=tense)
