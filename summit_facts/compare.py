"""Compare two claims about one subject: do they agree, and how?

DESIGN.md, "Values and when two of them agree": every value is an interval or
a set, so agreement is overlap. `compare` returns one `Relation` per pair. It is
symmetric (compare(a, b) == compare(b, a)) and reflexive (every value is SAME
with itself), so the clustering in `verdicts` does not depend on input order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum

from summit_facts.models import (
    Claim,
    CountValue,
    DateValue,
    EntitiesValue,
    Interval,
    MoneyValue,
    PercentValue,
    TextValue,
    Value,
)
from summit_facts.names import (
    canonical_text,
    is_country,
    same_document_name,
    spelt_alike,
    told_shorter,
)

# Bounds further apart than this factor make a compatible pair IMPRECISE.
IMPRECISE_FACTOR = 2.0
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


class Relation(StrEnum):
    SAME = "same"
    COMPATIBLE = "compatible"
    IMPRECISE = "imprecise"
    CONFLICT_VALUE = "conflict_value"
    CONFLICT_CURRENCY = "conflict_currency"
    CONFLICT_MEMBERSHIP = "conflict_membership"

    @property
    def is_conflict(self) -> bool:
        return self.value.startswith("conflict_")

    @property
    def conflict_kind(self) -> str | None:
        """'value', 'currency' or 'membership', as SubjectVerdict.conflict wants it."""
        return self.value.removeprefix("conflict_") if self.is_conflict else None


# Best first: the relation of a pair with equivalents is the best of its forms.
_RELATION_ORDER = [
    Relation.SAME,
    Relation.COMPATIBLE,
    Relation.IMPRECISE,
    Relation.CONFLICT_VALUE,
    Relation.CONFLICT_MEMBERSHIP,
    Relation.CONFLICT_CURRENCY,
]


# One figure stated in two currencies by one source: "€4.5 billion ($5.1 billion)".
Bridge = tuple[MoneyValue, MoneyValue]


def compare(
    a: Claim,
    b: Claim,
    *,
    complete_lists: bool = True,
    aliases: Mapping[str, str] | None = None,
    bridges: Sequence[Bridge] = (),
) -> Relation:
    """How claim `a` stands to claim `b`; polarity taken into account.

    A claim's equivalents ("$400 million (EUR 387 million)") count: the pair agrees
    if any stated form of one agrees with any stated form of the other, and a value
    conflict in a shared currency outranks a mere currency mismatch. `bridges` are the
    equivalences other claims of the subject state (see `equivalence_bridges`): a form
    that agrees with one side of a bridge is told in the other side's currency too.
    """
    relations = [
        compare_values(
            x,
            y,
            a_negated=a.polarity == "negated",
            b_negated=b.polarity == "negated",
            complete_lists=complete_lists,
            aliases=aliases,
        )
        for x in _forms(a, bridges)
        for y in _forms(b, bridges)
    ]
    return min(relations, key=_RELATION_ORDER.index)


def equivalence_bridges(claims: Iterable[Claim]) -> list[Bridge]:
    """The equivalences the claims of one subject state, each as (stated, equivalent)
    in two different currencies. The corpus gives the conversion, the tool converts
    nothing (DESIGN.md, "Values"): where one source tells a pledge as "€4.5 billion
    ($5.1 billion)", another's "$5.1 billion" and a third's "€4.5 billion" are the one
    pledge."""
    out: list[Bridge] = []
    for claim in claims:
        value = claim.value
        if not isinstance(value, MoneyValue) or not value.currency:
            continue
        for other in claim.equivalents:
            if (
                isinstance(other, MoneyValue)
                and other.currency
                and other.currency.upper() != value.currency.upper()
                and (value, other) not in out
            ):
                out.append((value, other))
    return out


def _forms(claim: Claim, bridges: Sequence[Bridge]) -> list[Value]:
    """Every form a claim's value is told in: its own, its equivalents, and the other
    side of each bridge one of these agrees with (widened like a conversion)."""
    forms = [claim.value, *_as_converted(claim)]
    for stated in list(forms):
        if not isinstance(stated, MoneyValue):
            continue
        for left, right in bridges:
            for side, across in ((left, right), (right, left)):
                if _agrees(stated, side):
                    bridged = _widened(across)
                    if bridged not in forms:
                        forms.append(bridged)
    return forms


def _agrees(a: MoneyValue, b: MoneyValue) -> bool:
    """One side of a bridge is this figure: the same currency, and the same or
    compatible amount (a figure far less precise does not cross)."""
    if (a.currency or "").upper() != (b.currency or "").upper():
        return False
    return _compare_intervals(a.interval, b.interval) in (Relation.SAME, Relation.COMPATIBLE)


# How far a figure converted into another currency may stray from one stated in that
# currency: the rate of the day the writer used is not known ("up to 30bn kroner
# ($2.94bn)" against "$3bn"). The default rule tolerance (DESIGN.md, "about").
CONVERSION_TOLERANCE = 0.1


def _as_converted(claim: Claim) -> list[Value]:
    """A claim's equivalents, each one in another currency widened by the conversion
    tolerance: a conversion is a rate's approximation, not a second figure."""
    own = claim.value.currency if isinstance(claim.value, MoneyValue) else None
    return [
        _widened(value) if isinstance(value, MoneyValue) and value.currency != own else value
        for value in claim.equivalents
    ]


def _widened(value: MoneyValue) -> MoneyValue:
    iv = value.interval
    low = None if iv.low is None else iv.low * (1 - CONVERSION_TOLERANCE)
    high = None if iv.high is None else iv.high * (1 + CONVERSION_TOLERANCE)
    return value.model_copy(update={"interval": iv.model_copy(update={"low": low, "high": high})})


def compare_values(
    a: Value,
    b: Value,
    *,
    a_negated: bool = False,
    b_negated: bool = False,
    complete_lists: bool = True,
    aliases: Mapping[str, str] | None = None,
) -> Relation:
    """How value `a` stands to value `b`.

    `complete_lists` comes from the slot's rule: when False every list is
    partial. `aliases` maps alias -> canonical name for text and members.
    """
    if a.kind != b.kind:
        # A slot takes one kind; two kinds in one subject is a filing mismatch.
        return Relation.CONFLICT_VALUE
    if isinstance(a, EntitiesValue) and isinstance(b, EntitiesValue):
        return _compare_entities(a, b, a_negated, b_negated, complete_lists, aliases)
    # Polarity is compared for members only ("did not sign"): a "not" in the clause
    # above a date or a figure ("does not regard the absence ... from this weekend's
    # summit as a failure") says nothing against the date itself.
    return _compare_affirmed(a, b, aliases)


def _compare_affirmed(a: Value, b: Value, aliases: Mapping[str, str] | None) -> Relation:
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return _compare_dates(a, b)
    if isinstance(a, TextValue) and isinstance(b, TextValue):
        resolve = _resolver(aliases, canonical_text)
        ta, tb = resolve(a.text), resolve(b.text)
        if ta == tb:
            return Relation.SAME
        # "Bletchley Declaration" and "Bletchley Declaration on AI": one name told
        # at more length, not two different things.
        short, long = sorted((ta, tb), key=len)
        if short and f" {short} " in f" {long} ":
            return Relation.COMPATIBLE
        if _mostly_shared(ta, tb) or same_document_name(a.text, b.text):
            return Relation.COMPATIBLE
        if told_shorter(a.surface or a.text, b.surface or b.text):
            return Relation.COMPATIBLE
        if _one_place(ta, tb):
            return Relation.COMPATIBLE
        return Relation.CONFLICT_VALUE
    if isinstance(a, MoneyValue) and isinstance(b, MoneyValue):
        ca, cb = (a.currency or "").upper(), (b.currency or "").upper()
        if ca and cb and ca != cb:
            # Never converted: a different currency is its own contradiction.
            return Relation.CONFLICT_CURRENCY
        relation = _compare_intervals(a.interval, b.interval)
        if relation is Relation.SAME and ca != cb:
            return Relation.COMPATIBLE  # one side does not say the currency
        if relation is Relation.CONFLICT_VALUE and _touch_at_a_round_amount(a.interval, b.interval):
            return Relation.IMPRECISE
        return relation
    if isinstance(a, CountValue | PercentValue) and isinstance(b, CountValue | PercentValue):
        return _compare_intervals(a.interval, b.interval)
    return Relation.CONFLICT_VALUE


# Common nouns a place's name is told with: "the Burgenstock resort", "the Burgenstock
# complex" and "the hotel Burgenstock" are one place.
PLACE_NOUNS = {"resort", "hotel", "complex", "estate"}
# "Bürgenstock" written without its umlaut: "Buergenstock" and "Burgenstock" are one.
_UMLAUTS = (("ue", "u"), ("oe", "o"), ("ae", "a"))


def _one_place(a: str, b: str) -> bool:
    """Whether two folded names are one place told with another common noun or spelling."""

    def bare(name: str) -> str:
        words = [w for w in name.split() if w not in PLACE_NOUNS]
        folded = " ".join(words)
        for pair, plain in _UMLAUTS:
            folded = folded.replace(pair, plain)
        return folded

    x, y = bare(a), bare(b)
    return bool(x) and (x == y or spelt_alike(x, y))


_NAME_FILLER = {"the", "of", "on", "for", "and", "in", "at", "de", "des", "du", "la", "le", "&"}


def _mostly_shared(a: str, b: str) -> bool:
    """Two names of one thing told in other words: more than half of the shorter name's
    words are in the longer one ("Nasrec Expo Centre" and "Nasrec Conference Centre";
    "India AI Impact Summit Declaration" and "New Delhi Declaration on AI Impact"). Half
    is not enough: "Grand Palais" and "Palais des Congrès", "Bletchley Declaration" and
    "Seoul Declaration" are different things."""
    wa, wb = (
        {w for w in re.findall(r"\w+", t.casefold()) if w not in _NAME_FILLER} for t in (a, b)
    )
    if not wa or not wb:
        return False
    shorter = min(len(wa), len(wb))
    return shorter >= 2 and len(wa & wb) * 2 > shorter


# ---------------------------------------------------------------- numbers


def _close(x: float, y: float) -> bool:
    # Scale words multiply floats (1.2 * 1e9); do not let the last bit decide.
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _same_interval(a: Interval, b: Interval) -> bool:
    def same_bound(x: float | None, y: float | None) -> bool:
        return (x is None and y is None) or (x is not None and y is not None and _close(x, y))

    return (
        same_bound(a.low, b.low)
        and same_bound(a.high, b.high)
        and (a.low is None or a.low_closed == b.low_closed)
        and (a.high is None or a.high_closed == b.high_closed)
    )


def _overlap(a: Interval, b: Interval) -> bool:
    """Whether the intervals share a point, honouring open and closed ends."""
    lo, lo_closed = _inner_bound(a.low, a.low_closed, b.low, b.low_closed, max)
    hi, hi_closed = _inner_bound(a.high, a.high_closed, b.high, b.high_closed, min)
    if lo is None or hi is None:
        return True
    if _close(lo, hi):
        return lo_closed and hi_closed
    return lo < hi


def _inner_bound(
    x: float | None,
    x_closed: bool,
    y: float | None,
    y_closed: bool,
    pick: Callable[[float, float], float],
) -> tuple[float | None, bool]:
    # The tighter of two bounds on one side; None is unbounded, so the other wins.
    if x is None:
        return y, y_closed
    if y is None:
        return x, x_closed
    if _close(x, y):
        return pick(x, y), x_closed and y_closed
    return (x, x_closed) if pick(x, y) == x else (y, y_closed)


def _factor(x: float | None, y: float | None) -> float:
    """How far apart two bounds on the same side are, as a ratio (inf if one is open-ended)."""
    if x is None and y is None:
        return 1.0
    if x is None or y is None:
        return math.inf
    if _close(x, y):
        return 1.0
    if x * y <= 0:
        return math.inf
    return max(abs(x), abs(y)) / min(abs(x), abs(y))


def _touch_at_a_round_amount(a: Interval, b: Interval) -> bool:
    """'over $52 million' against '$52 million': an exact amount is a rounded one, so
    it does not rule out the little more the other source says. Only where one
    interval is that very amount and the other opens just past it."""
    for point, other in ((a, b), (b, a)):
        exact = point.low is not None and point.high is not None and _close(point.low, point.high)
        if not exact or point.low is None:
            continue
        if other.low is not None and not other.low_closed and _close(other.low, point.low):
            return True
        if other.high is not None and not other.high_closed and _close(other.high, point.low):
            return True
    return False


def _compare_intervals(a: Interval, b: Interval) -> Relation:
    if _same_interval(a, b):
        return Relation.SAME
    if not _overlap(a, b):
        return Relation.CONFLICT_VALUE
    # "over 40" against "over 100": they overlap, but one says far less.
    if max(_factor(a.low, b.low), _factor(a.high, b.high)) > IMPRECISE_FACTOR:
        return Relation.IMPRECISE
    return Relation.COMPATIBLE


# ---------------------------------------------------------------- dates


def _compare_dates(a: DateValue, b: DateValue) -> Relation:
    if a.bound or b.bound:
        return _compare_bounds(a, b)
    if a.start == b.start and a.end == b.end and a.precision == b.precision:
        return Relation.SAME
    if a.start > b.end or b.start > a.end:
        return Relation.CONFLICT_VALUE
    # A range inside another is the same event at another granularity; only a
    # bare year against a day range is worth a note.
    gap = abs(_PRECISION_RANK[a.precision] - _PRECISION_RANK[b.precision])
    return Relation.IMPRECISE if gap >= 2 else Relation.COMPATIBLE


def _compare_bounds(a: DateValue, b: DateValue) -> Relation:
    """An opening or closing day is a one-day range, compared by overlap like any other
    date ("opened on 10 November" agrees with "6-11 November", "closed on 22 November"
    contradicts "10-21 November"), except against the other bound: an opening day and a
    closing day agree when the opening comes first."""
    if a.bound and b.bound and a.bound != b.bound:
        first, last = (a, b) if a.bound == "start" else (b, a)
        return Relation.COMPATIBLE if first.start <= last.start else Relation.CONFLICT_VALUE
    day, other = (a, b) if a.bound else (b, a)
    if not other.bound and other.start == other.end and other.precision == "day":
        # Another single day is a day of the event: after it opened, before it closed.
        after = other.start >= day.start if day.bound == "start" else other.start <= day.start
        return Relation.COMPATIBLE if after else Relation.CONFLICT_VALUE
    if a.start > b.end or b.start > a.end:
        return Relation.CONFLICT_VALUE
    return (
        Relation.SAME
        if (a.start, a.end, a.bound) == (b.start, b.end, b.bound)
        else Relation.COMPATIBLE
    )


# ---------------------------------------------------------------- entities


def _compare_entities(
    a: EntitiesValue,
    b: EntitiesValue,
    a_negated: bool,
    b_negated: bool,
    complete_lists: bool,
    aliases: Mapping[str, str] | None,
) -> Relation:
    resolve = _resolver(aliases, _fold_name)
    # A person stands for what they lead unless both lists name people: two lists of
    # people compare by name; a list of countries against one that tells a host by its
    # leader ("Macron, whose country co-hosts with Costa Rica") compares by country.
    by_role = not (_mostly_people(a) and _mostly_people(b))
    ma = {resolve(a.roles.get(m, m) if by_role else m) for m in a.members}
    mb = {resolve(b.roles.get(m, m) if by_role else m) for m in b.members}
    ma, mb = _by_surname(ma, mb), _by_surname(mb, ma)
    if a_negated != b_negated:
        # "did not sign: US" against "signed: US, France": a shared member contradicts.
        return Relation.CONFLICT_MEMBERSHIP if ma & mb else Relation.COMPATIBLE
    a_complete = complete_lists and a.complete
    b_complete = complete_lists and b.complete
    if _unknowns_may_fill(a, b, a_complete, b_complete, resolve):
        return Relation.COMPATIBLE
    if ma == mb:
        return Relation.SAME if a_complete == b_complete else Relation.COMPATIBLE
    if a_complete and b_complete:
        return Relation.CONFLICT_MEMBERSHIP
    if not a_complete and not b_complete:
        return Relation.COMPATIBLE  # two partial lists never contradict
    partial, full = (ma, mb) if not a_complete else (mb, ma)
    return Relation.COMPATIBLE if partial <= full else Relation.CONFLICT_MEMBERSHIP


def _by_surname(own: set[str], other: set[str]) -> set[str]:
    """A one-word name that is the last word of exactly one longer name in the other
    list is that name: "Biden" (from "President Biden") is "Joe Biden"."""
    out = set()
    for name in own:
        if " " not in name and not is_country(name):
            longer = [
                o for o in other if " " in o and o.rsplit(" ", 1)[1] == name and not is_country(o)
            ]
            if len(longer) == 1:
                name = longer[0]
        out.add(name)
    return out


def _unknowns_may_fill(
    a: EntitiesValue,
    b: EntitiesValue,
    a_complete: bool,
    b_complete: bool,
    resolve: Callable[[str], str],
) -> bool:
    """A list of countries against a list with names the text ties to no country
    ("co-chaired by Germany and Namibia" against "Scholz and Mbumba", where only Scholz's
    country is given): a name without a role may stand for any country, so the lists
    agree when the placed members are among the countries and the unplaced names are
    enough to stand for the rest (or either list is partial)."""
    for people, countries, people_complete, countries_complete in (
        (a, b, a_complete, b_complete),
        (b, a, b_complete, a_complete),
    ):
        if not countries.members or not all(is_country(m) for m in countries.members):
            continue
        # A name with a role stands for its country or body; one with none is unplaced.
        unplaced = sum(1 for m in people.members if m not in people.roles and not is_country(m))
        if unplaced == 0:
            continue
        placed = {
            resolve(people.roles.get(m, m))
            for m in people.members
            if m in people.roles or is_country(m)
        }
        target = {resolve(m) for m in countries.members}
        if not placed <= target:
            continue
        if not (people_complete and countries_complete) or len(target - placed) <= unplaced:
            return True
    return False


def _mostly_people(value: EntitiesValue) -> bool:
    with_role = sum(1 for m in value.members if m in value.roles)
    return 2 * with_role > len(value.members)


# ---------------------------------------------------------------- precision


def precision_key(value: Value, *, complete_lists: bool = True) -> tuple[float, float, float]:
    """Sort key: smaller is more precise. Comparable within one value kind."""
    if isinstance(value, DateValue):
        # Narrowest first among ranges of days; a single day, often one day of the event
        # ("on Sunday", "opened on 10 November"), says less than the range it lies in.
        days = (value.end - value.start).days + 1
        single = days == 1 or value.bound is not None
        return (float(_PRECISION_RANK[value.precision]), float(single), float(days))
    if isinstance(value, EntitiesValue):
        complete = complete_lists and value.complete
        return (0.0 if complete else 1.0, -float(len(value.members)), 0.0)
    if isinstance(value, TextValue):
        return (0.0, 0.0, 0.0)
    iv = value.interval
    width = math.inf if iv.low is None or iv.high is None else iv.high - iv.low
    # Among open-ended bounds, the tighter one says more: over 100 beats over 40.
    if iv.low is not None and iv.high is None:
        tight = -iv.low
    elif iv.high is not None and iv.low is None:
        tight = iv.high
    else:
        tight = 0.0
    open_ends = float(not iv.low_closed) + float(not iv.high_closed)
    return (width, tight, -open_ends)


# ---------------------------------------------------------------- names


def _fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


def _resolver(
    aliases: Mapping[str, str] | None, fold: Callable[[str], str]
) -> Callable[[str], str]:
    folded = {fold(k): fold(v) for k, v in (aliases or {}).items()}

    def resolve(name: str) -> str:
        key = fold(name)
        return folded.get(key, key)

    return resolve
