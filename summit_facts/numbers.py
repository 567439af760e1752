"""Counts, percentages and amounts of money: finding them in text and normalising them.

A quantity is found as one or two *atoms* (an optional currency, a number in digits
or words, an optional scale, `+`, `%` or a currency word after it), joined into a
range when two atoms stand on either side of a dash, `to`, or `between ... and`.
The qualifier before it ("over", "nearly", "about"), or a bound after it ("120 countries
or more", "30 seats or fewer"), turns the stated number into an interval exactly as
DESIGN.md says, so that agreement downstream is overlap.

- Digits may group thousands by commas, spaces, no-break or thin spaces, apostrophes
  (groups of exactly three digits); number words are read by text2num ("Thirty two").
- Currencies (ISO codes, symbols, names) come from CLDR, see currencies.py; Indian
  scale words count ("Rs 10,000 crore").
- A change is not a range: in "decreased $1.2 million to $23.5 million" or "rose from
  40 to 60" only the new level is a quantity.
- Vague quantities read as at least two of the unit, open above, qualifier "vague":
  "dozens of" [24, inf), "hundreds of" [200, inf), "thousands of" [2000, inf), "tens of
  thousands of" [20000, inf), "several thousand" [2000, inf).

Pure regular expressions and arithmetic: no model, no exception on any input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal, TypeVar

from text_to_num import text2num

from summit_facts import currencies
from summit_facts.models import CountValue, Interval, MoneyValue, PercentValue

NumericKind = Literal["count", "percent", "money"]

DEFAULT_TOLERANCE = 0.1
# "nearly 40" means a little under 40 whatever the rule's tolerance: a rule with
# tolerance 0 (exact counts) would otherwise make it an empty interval.
NEARLY_FRACTION = Decimal("0.1")

# ---------------------------------------------------------------- vocabulary

_SMALL = {
    word: i for i, word in enumerate([
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ])
}  # fmt: skip
_TENS = {
    word: 10 * i for i, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}  # fmt: skip
_SCALES = {
    "thousand": 3, "k": 3, "lakh": 5, "lakhs": 5, "crore": 7, "crores": 7, "lakh crore": 12,
    "million": 6, "m": 6, "mn": 6, "mln": 6,
    "billion": 9, "b": 9, "bn": 9, "bln": 9,
    "trillion": 12, "tn": 12, "trn": 12,
}  # fmt: skip
# The scale words themselves ("million", "bn"), for code that counts figures in words.
SCALE_WORDS = frozenset(_SCALES)

# Normalised qualifier -> the phrases that say it. Longer phrases are tried first.
_QUALIFIERS = {
    "over": ["more than", "over", "above", "in excess of", "upwards of", "just over",
             "well over", "greater than", "exceeding"],
    "at least": ["at least", "no fewer than", "no less than", "a minimum of", "minimum of"],
    "nearly": ["nearly", "almost", "close to", "just under", "just shy of", "just below"],
    "about": ["about", "around", "approximately", "approx.", "roughly", "some", "an estimated",
              "estimated", "circa", "an approximate", "approximate", "ca."],
    "up to": ["up to", "as many as", "as much as", "no more than", "at most", "a maximum of",
              "maximum of"],
    "under": ["fewer than", "less than", "under", "below"],
}  # fmt: skip
_QUALIFIER_OF = {phrase: norm for norm, phrases in _QUALIFIERS.items() for phrase in phrases}
# Before a year these still read as time ("around 2030", "up to 2030"): they do not
# make "2030" a count.
_TEMPORAL = {"about", "around", "approximately", "approx.", "approximate", "an approximate",
             "circa", "ca.", "estimated", "up to", "under", "below", "close to", "just under",
             "just below", "just shy of"}  # fmt: skip

# Currency markers (ISO codes, symbols, names) come from CLDR: see currencies.py.
_CODE_ALT = currencies.alternation(sorted(currencies.codes()))
_NAME_ALT = currencies.alternation(list(currencies.names()))
_GLUED_SYMBOLS = currencies.GLUED_ONLY
_SYMBOLS = [s for s in currencies.symbols() if s not in _GLUED_SYMBOLS]

# ---------------------------------------------------------------- patterns


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_ONES_RE = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_RE = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "thirty-two", "Thirty two", "one hundred and twenty", "two thousand five hundred":
# the regex finds the phrase, text2num reads it.
_BASE_RE = rf"(?:{'|'.join(_TENS)})(?:[-\u2010\s](?:{_ONES_RE})\b)?|{_TEENS_RE}|{_ONES_RE}"
_HUNDREDS_RE = rf"(?:a|{_BASE_RE})\s+hundred(?:\s+(?:and\s+)?(?:{_BASE_RE}))?"
_WORDNUM_RE = (
    rf"\b(?:(?:{_HUNDREDS_RE}|{_BASE_RE})\s+thousand,?\s+(?:and\s+)?(?:{_HUNDREDS_RE}|{_BASE_RE})"
    rf"|{_HUNDREDS_RE}|(?:a|{_BASE_RE})\s+dozen|{_BASE_RE})\b"
)
# Thousands grouped by commas, spaces, no-break or thin spaces, or apostrophes (Swiss),
# the same separator throughout, groups of exactly three digits.
_GROUP_SEPARATORS = ",\u00a0\u2009\u202f '\u2019"
_DIGITS_RE = (
    rf"\d{{1,3}}(?P<sep>[{_GROUP_SEPARATORS}])\d{{3}}(?!\d)(?:(?P=sep)\d{{3}}(?!\d))*(?:\.\d+)?"
    r"|\d+(?:\.\d+)?"
)
_NOT_DIGIT = re.compile(r"[^\d.]")
_SCALE_WORD_RE = r"thousand|million|billion|trillion|lakh\s+crore|lakhs?|crores?"

# A number and what follows it, matched only where a number can start (see _starts):
# one regex scanning every position with these alternations is several times slower.
_ATOM_AT = re.compile(
    rf"(?P<num>{_DIGITS_RE}|{_WORDNUM_RE}|\ba(?=\s+(?:{_SCALE_WORD_RE})\b))"
    rf"(?P<scale>(?:\s*|-)(?:{_SCALE_WORD_RE})\b|\s?(?:bn|mn|bln|mln|trn|tn)\b|(?:m|b|k)\b)?"
    r"(?P<plus>\+|-plus\b|\s+or\s+more\b)?"
    r"(?P<pct>\s?%|\s?(?:per\s?cent|per-cent|percent)\b|(?-i:\s?pc)\b)?"
    rf"(?P<suf>\s+(?-i:{_CODE_ALT})\b|\s+(?:{_NAME_ALT})\b|\s?[€£₹¥₩](?!\w))?",
    re.I,
)
_PRE_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_CODE_ALT})[ \u00a0]?"
    rf"|(?<![A-Za-z])(?:{currencies.alternation(_SYMBOLS)})[ \u00a0]?"
    rf"|(?<![A-Za-z])(?:{currencies.alternation(sorted(_GLUED_SYMBOLS))}))$"
)
_PRE_WINDOW = 8
_DIGIT_START = re.compile(r"\d+")
_WORD = re.compile(r"\b[A-Za-z]+")
_NUMBER_WORDS = {*_SMALL, *_TENS} - {"zero"}
_A_NUMBER = re.compile(r"\ba\s+(?:hundred|dozen|thousand|million|billion|trillion)\b", re.I)
_QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?P<q>{_alt(list(_QUALIFIER_OF))})\s+|(?P<t>[~≈])\s*)$", re.I
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
# "rose 2 percentage points to 45%", "up 5 seats to 60": the change may name its unit.
_CHANGE_TO_GAP = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+to\s+", re.I)
_FROM_JOIN = re.compile(r"\s+from\s+", re.I)
_DASH_JOIN = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
_TO_JOIN = re.compile(r"\s+to\s+", re.I)
_AND_JOIN = re.compile(r"\s+and\s+", re.I)
# "1. Summary", "  • 2-1. Event timeline": list and section numbers, not counts.
_LIST_NUMBER = re.compile(r"^[ \t]*(?:[•\-*·▪◦‣]\s*)?(\d+(?:[-.]\d+)*)[.)](?=\s)", re.M)
# "two-thirds", "twenty-first", "two-way": fractions, ordinals and compounds, not counts.
_FRACTION_AFTER = re.compile(
    r"[-\u2010](?:thirds?|halves|half|quarters?|fifths?|tenths?|fold|way|first|second|"
    r"fourth|sixth|seventh|eighth|ninth)\b",
    re.I,
)
_DASH_DIGIT = re.compile(r"[-\u2010-\u2014]\d")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
# "decreased $1.2 million to $23.5 million", "rose by 5% to 60", "up from 40 to 60":
# the first figure is a change or the old level, the second the new level.
_CHANGE_VERB = (
    r"(?:increas|decreas|ris|rose|fall|fell|grow|grew|drop|climb|jump|cut|reduc|rais|"
    r"soar|plung|plummet|slid|slump|declin|surg|expand|shr[ai]nk|swell|swoll|balloon|"
    r"doubl|tripl|halv|boost|lower|trim|slash|hik|lift|widen|narrow|mov|chang)\w*"
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{_CHANGE_VERB}(?:\s+[\w'’]+){{0,3}}?\s+(?:by|from)|{_CHANGE_VERB}\s+of|{_CHANGE_VERB}"
    r"|(?:up|down)(?:\s+(?:by|from))?)\s+$",
    re.I,
)
# "climbed to $5 billion from $3 billion": the figure after "from" is the old level.
_CHANGE_TO_BEFORE = re.compile(rf"\b{_CHANGE_VERB}(?:\s+[\w'’]+){{0,3}}?\s+to\s+$", re.I)
# "120 countries or more", "delegates aged 18 and over", "50 seats or fewer": a bound
# written after the number (and its noun).
_BOUND_AFTER = re.compile(
    r"(?:\s+(?!(?:or|and)\b)[A-Za-z][\w'’-]*){0,3}?\s+(?:or|and)\s+"
    r"(?:(?P<up>more|above|over|greater|higher|upwards|up)|(?P<down>fewer|less|below|under|lower)"
    r"|(?P<approx>so))"
    r"\b(?!\s+(?:than\s+)?[\d$€£¥₹])(?!\s+(?:than|to|[a-z]+ly)\b)",
    re.I,
)
# "a combined total of US$26 billion in excess": "in excess of" told after the number.
_EXCESS_AFTER = re.compile(r"\s+in\s+excess\b(?!\s+of\b)", re.I)
# "thousands of", "dozens of", "tens of thousands of": vague, with the field's usual
# reading of at least two of the unit ([2000, ∞), [24, ∞), [20000, ∞)).
_VAGUE_UNITS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
                "millions": 10**6, "billions": 10**9}  # fmt: skip
_VAGUE = re.compile(
    r"\b(?:(?:(?P<outer>tens|hundreds)\s+of\s+)?(?P<unit>dozens|scores|hundreds|thousands|millions"
    r"|billions)(?=\s+of\b|\s*$)"
    r"|(?:several|a\s+few|many)\s+(?P<one>dozen|hundred|thousand|million|billion)\b)",
    re.I,
)
_VAGUE_CURRENCY = re.compile(rf"(?:\s+of)?\s+(?P<cur>{_NAME_ALT})\b", re.I)
_VAGUE_HINT = re.compile(r"several|few|many")
_DURATION_AFTER = re.compile(r"[-\u2010](?:day|week|month|year|hour|minute)s?\b", re.I)
# "over five days", "spread over two weeks": "over" with a span of time tells when
# (during it), not how many; "for over five years", "in over two decades" still count.
_SPAN_AFTER = re.compile(r"\s+(?:days|weeks|months|years|hours|decades)\b", re.I)
_MORE_THAN_BEFORE = re.compile(
    r"\b(?:for|in|of|after|within|by|than|last|lasted|lasting|took|takes|spent)\s+$", re.I
)
_BAD_BEFORE = set("_.#/:@$€£¥₹₩\\")
# "approximately 2000 representatives": after a qualifier, a year followed by a plural
# noun of people counts them ("around 2030" alone is still a time).
_PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|participants|representatives|delegates|attendees|visitors|"
    r"guests|experts|officials)\b",
    re.I,
)
_WINDOW = 32


# ---------------------------------------------------------------- atoms and quantities


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    number: Decimal  # scale applied
    scaled: bool
    scale: int
    currency: str | None
    percent: bool
    plus: bool
    bare_one: bool


@dataclass(slots=True)
class Quantity:
    """A count, percentage or amount found in text, before it becomes a model."""

    start: int
    end: int
    kind: NumericKind
    nominal: Decimal
    qualifier: str | None
    currency: str | None = None
    high: Decimal | None = None  # the upper end of an explicit range
    strong: bool = False  # unmistakably a quantity (qualified, scaled, %, currency)


def _word_value(text: str) -> int | None:
    """ "Thirty two" -> 32, "a hundred and five" -> 105, "two dozen" -> 24 (text2num)."""
    words = re.sub(r"[\s\-\u2010,]+", " ", text.lower()).split()
    dozen = words[-1] == "dozen"
    if dozen:
        words = words[:-1]
    if words and words[0] == "a":
        words[0] = "one"
    try:
        value = int(text2num(" ".join(words), "en"))
    except (ValueError, TypeError):
        return None
    return value * 12 if dozen else value


def _currency_of(pre: str | None, suf: str | None) -> str | None:
    marker = pre or suf
    return currencies.code_of(marker.strip()) if marker else None


def _boundary_ok(text: str, start: int, end: int, number_start: int) -> bool:
    """Reject numbers that belong to names, codes, versions, times and ordinals."""
    if number_start == start and start > 0:
        before = text[start - 1]
        if before.isalnum() or before in _BAD_BEFORE:
            return False
        if before in "-\u2010\u2011" and start > 1 and text[start - 2].isalpha():
            return False  # GPT-4, COVID-19
        if before == "," and start > 1 and text[start - 2].isdigit():
            return False  # the tail of "1,6000"
    if end < len(text):
        after = text[end]
        if after.isalnum() or after == "_":
            return False  # 4G, 2nd, 10x, 2020s
        if after in "/:." and text[end + 1 : end + 2].isdigit():
            return False  # 24/7, 10:30, 1.2.3
        if after == "," and re.match(r",\d{4}", text[end : end + 5]):
            return False  # "1,6000": a mistyped figure is no figure, not "1"
        if after in "/" and start > 0 and text[start - 1 : start].isdigit():
            return False
    return True


def _starts(text: str) -> list[int]:
    """Where a number may start: a digit run, a number word, "a" before a scale word."""
    starts = [m.start() for m in _DIGIT_START.finditer(text)]
    # Most sentences hold no number word: one set test in C saves a loop in Python.
    if not _NUMBER_WORDS.isdisjoint(_WORD.findall(text.lower())):
        starts += [m.start() for m in _WORD.finditer(text) if m.group().lower() in _NUMBER_WORDS]
    starts += [m.start() for m in _A_NUMBER.finditer(text)]
    return sorted(starts)


def _atoms(text: str) -> Iterator[_Atom]:
    listed = [m.span(1) for m in _LIST_NUMBER.finditer(text)]
    consumed = 0
    for num_start in _starts(text):
        if num_start < consumed:
            continue
        m = _ATOM_AT.match(text, num_start)
        if m is None:
            continue
        consumed = end = m.end()
        pre = _PRE_BEFORE.search(text, max(0, num_start - _PRE_WINDOW), num_start)
        start = pre.start() if pre else num_start
        if not _boundary_ok(text, start, end, num_start):
            continue
        if any(a <= num_start < b for a, b in listed):
            continue
        raw = m.group("num")
        words = not raw[0].isdigit()
        if words and _FRACTION_AFTER.match(text, end):
            continue
        if words and num_start > 0 and text[num_start - 1] in "-\u2010":
            continue  # one-on-one
        try:
            value = _word_value(raw) if words else _NOT_DIGIT.sub("", raw)
            number = Decimal(value) if value is not None else None
        except InvalidOperation:
            continue
        if number is None:
            continue
        scale_word = (m.group("scale") or "").strip(" -\t\n").lower()  # "€100-million"
        currency = _currency_of(pre.group() if pre else None, m.group("suf"))
        if scale_word in ("m", "b") and currency is None:
            continue  # 5m is metres more often than millions
        scale = _SCALES.get(scale_word, 0)
        yield _Atom(
            start=start,
            end=end,
            number=number.scaleb(scale),
            scaled=bool(scale),
            scale=scale,
            currency=currency,
            percent=bool(m.group("pct")),
            plus=bool(m.group("plus")),
            bare_one=words and raw.lower() == "one" and not scale,
        )


def _kind(atom: _Atom) -> NumericKind | None:
    if atom.currency and atom.percent:
        return None
    return "money" if atom.currency else "percent" if atom.percent else "count"


def _range(a: _Atom, b: _Atom, start: int) -> Quantity | None:
    if a.currency and b.currency and a.currency != b.currency:
        return None
    low = a.number
    if not a.scaled and b.scaled:
        low = low.scaleb(b.scale)  # "$1-2 billion": the scale is written once
    merged = _Atom(a.start, b.end, low, a.scaled or b.scaled, b.scale, a.currency or b.currency,
                   a.percent or b.percent, False, False)  # fmt: skip
    kind = _kind(merged)
    if kind is None or not low < b.number:
        return None
    strong = kind != "count" or merged.scaled
    return Quantity(start, b.end, kind, low, "between", merged.currency, b.number, strong=strong)


def _single(text: str, atom: _Atom) -> Quantity | None:
    kind = _kind(atom)
    if kind is None:
        return None
    start, qualifier, phrase = atom.start, None, ""
    window_start = max(0, atom.start - _WINDOW)
    found = _QUALIFIER_BEFORE.search(text, window_start, atom.start)
    if found:
        start = found.start()
        phrase = _norm(found.group("q")) if found.group("q") else "about"
        qualifier = _QUALIFIER_OF.get(phrase, "about")
        if (
            phrase == "over"
            and _SPAN_AFTER.match(text, atom.end)
            and not _MORE_THAN_BEFORE.search(text, window_start, found.start())
        ):
            start, qualifier, phrase, found = atom.start, None, "", None
    if atom.plus:
        qualifier = "at least"
    end = atom.end
    bound = _BOUND_AFTER.match(text, atom.end)
    excess = _EXCESS_AFTER.match(text, atom.end)
    if bound is not None and qualifier in (None, "about"):
        qualifier = "at least" if bound.group("up") else "up to" if bound.group("down") else "about"
        end = bound.end()
    elif excess is not None and qualifier is None:
        qualifier = "over"  # "a total of US$26 billion in excess": more than it
        end = excess.end()
    if atom.bare_one and qualifier is None and not _DURATION_AFTER.match(text, atom.end):
        return None  # "one of", "one day", "no one": too noisy to be a count
    if qualifier in ("nearly", "under") and not atom.number:
        return None  # "under 0" is an empty interval, not a claim
    strong = (
        atom.plus
        or atom.scaled
        or kind != "count"
        or bool(found and phrase not in _TEMPORAL)
        or bool(found and _PEOPLE_AFTER.match(text, atom.end))
        or end > atom.end
    )
    return Quantity(start, end, kind, atom.number, qualifier, atom.currency, strong=strong)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def quantities(text: str) -> list[Quantity]:
    """Every count, percentage and amount in `text`, in order, not overlapping."""
    atoms = list(_atoms(text))
    found: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        window = max(0, a.start - _WINDOW)
        if (
            i > 0
            and _FROM_JOIN.fullmatch(text[atoms[i - 1].end : a.start])
            and _CHANGE_TO_BEFORE.search(
                text, max(0, atoms[i - 1].start - _WINDOW), atoms[i - 1].start
            )
        ):
            i += 1
            continue
        change = _CHANGE_BEFORE.search(text, window, a.start)
        if change is not None:
            # A change ("by $1.2 million") or the old level ("from 40"): not a claim.
            if i + 1 < len(atoms) and _CHANGE_TO_GAP.fullmatch(text[a.end : atoms[i + 1].start]):
                quantity = _single(text, atoms[i + 1])
                if quantity is not None:
                    found.append(quantity)
                i += 2
                continue
            if change.group().split()[-1].lower() in ("by", "from", "of"):
                i += 1
                continue
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end : b.start]
            between = _BETWEEN_BEFORE.search(text, window, a.start)
            dash = _DASH_JOIN.fullmatch(gap)
            joined = (
                (between and _AND_JOIN.fullmatch(gap))
                or dash
                or _TO_JOIN.fullmatch(gap)  # "from 40 to 50": a change verb was handled above
            )
            if joined:
                quantity = _range(a, b, between.start() if between else a.start)
                if quantity is not None:
                    found.append(quantity)
                    i += 2
                    continue
                if dash:
                    i += 2  # "2-1", "3-3": scores and section numbers, not quantities
                    continue
        # A lone number glued to another by a dash is a piece of a code or a date.
        glued = _DASH_DIGIT.match(text, a.end) or (
            a.start > 1 and text[a.start - 1] in _DASHES and text[a.start - 2].isdigit()
        )
        if not glued:
            quantity = _single(text, a)
            if quantity is not None:
                found.append(quantity)
        i += 1
    found.extend(_vague(text))
    found.sort(key=lambda q: q.start)
    return found


def _vague(text: str) -> Iterator[Quantity]:
    low = text.lower()
    if "s of" not in low and not low.rstrip().endswith("s") and not _VAGUE_HINT.search(low):
        return  # most sentences: cheap tests instead of a regex scan
    for m in _VAGUE.finditer(text):
        unit = (m.group("unit") or m.group("one") + "s").lower()
        nominal = Decimal(2 * _VAGUE_UNITS[unit])
        if m.group("outer"):
            nominal *= 10 if m.group("outer").lower() == "tens" else 100
        money = _VAGUE_CURRENCY.match(text, m.end())
        if money is not None:  # "billions of dollars", "several million euros"
            currency = currencies.code_of(money.group("cur"))
            yield Quantity(m.start(), money.end(), "money", nominal, "vague", currency)
        else:
            yield Quantity(m.start(), m.end(), "count", nominal, "vague")


# ---------------------------------------------------------------- normalisation


def _float(number: Decimal) -> float | None:
    value = float(number)
    return value if math.isfinite(value) else None


def interval_for(
    nominal: Decimal, qualifier: str | None, tolerance: float, high: Decimal | None = None
) -> Interval | None:
    """The interval a qualified number stands for (DESIGN.md, "Values")."""
    t = Decimal(str(max(0.0, tolerance))) if math.isfinite(tolerance) else Decimal(0)
    n = nominal
    match qualifier:
        case "between":
            low, hi, bounds = n, high, (True, True)
        case "over":
            low, hi, bounds = n, None, (False, True)
        case "at least" | "vague":
            low, hi, bounds = n, None, (True, True)
        case "nearly":
            low, hi, bounds = n * (1 - NEARLY_FRACTION), n, (True, False)
        case "about":
            low, hi, bounds = max(Decimal(0), n * (1 - t)), n * (1 + t), (True, True)
        case "up to":
            low, hi, bounds = Decimal(0), n, (True, True)
        case "under":
            low, hi, bounds = Decimal(0), n, (True, False)
        case _:
            low, hi, bounds = n, n, (True, True)
    low_f = _float(low)
    high_f = None if hi is None else _float(hi)
    if low_f is None or (hi is not None and high_f is None):
        return None
    if high_f is not None and (low_f > high_f or (low_f == high_f and bounds != (True, True))):
        return None  # empty: nothing could agree with it
    return Interval(low=low_f, high=high_f, low_closed=bounds[0], high_closed=bounds[1])


_V = TypeVar("_V")


def _first(text: str, kind: NumericKind, skip: list[tuple[int, int]]) -> Quantity | None:
    for q in quantities(text):
        if q.kind == kind and not any(a < q.end and q.start < b for a, b in skip):
            return q
    return None


def build(
    text: str, q: Quantity, *, tolerance: float = DEFAULT_TOLERANCE
) -> CountValue | PercentValue | MoneyValue | None:
    """The model for a quantity found in `text`."""
    interval = interval_for(q.nominal, q.qualifier, tolerance, q.high)
    nominal = _float(q.nominal)
    if interval is None or nominal is None:
        return None
    surface = text[q.start : q.end]
    if q.kind == "money":
        return MoneyValue(surface=surface, nominal=nominal, qualifier=q.qualifier,
                          interval=interval, currency=q.currency)  # fmt: skip
    model = PercentValue if q.kind == "percent" else CountValue
    return model(surface=surface, nominal=nominal, qualifier=q.qualifier, interval=interval)


def parse_numeric(
    text: str, kind: NumericKind, *, tolerance: float, skip: list[tuple[int, int]]
) -> CountValue | PercentValue | MoneyValue | None:
    """The first quantity of `kind` in `text` outside the `skip` spans, as a model."""
    q = _first(text, kind, skip)
    return None if q is None else build(text, q, tolerance=tolerance)


def with_tolerance(value: _V, tolerance: float) -> _V:
    """`value` with the interval of an approximate ("about") figure recomputed for
    `tolerance`; every other value is returned unchanged."""
    if not isinstance(value, CountValue | PercentValue | MoneyValue) or value.qualifier != "about":
        return value
    try:
        nominal = Decimal(str(value.nominal))
    except InvalidOperation:
        return value
    interval = interval_for(nominal, "about", tolerance)
    if interval is None:
        return value
    return value.model_copy(update={"interval": interval})  # type: ignore[return-value]
