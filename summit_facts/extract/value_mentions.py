"""Numeric and date values: counts, money, percentages and dates as Mentions.

Takes a parsed Doc and its Source; yields one Mention per value span, and tells
apart a year said alone from the same year in a relative phrase.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from summit_facts import currencies, names
from summit_facts.dates import UNDATED_ANCHOR, undated_weekday
from summit_facts.events import HAS_YEAR
from summit_facts.extract.clauses import _modality, _tense
from summit_facts.extract.context import _context, _mention
from summit_facts.extract.programmes import PLAN_HEADS, _antecedents, _referent
from summit_facts.models import (
    TIME_NOUNS,
    CountValue,
    DateValue,
    Mention,
    MoneyValue,
    PercentValue,
    Source,
)
from summit_facts.nlp import value_spans
from summit_facts.tokens import entities_in, lemma
from summit_facts.values import parse_count, parse_date, parse_money, parse_percent

_RELATIVE_YEAR = re.compile(r"^(?:last|next|this)\s+year", re.I)


def _year_told_apart(mentions: list[Mention]) -> list[Mention]:
    """'Last year's summit in Vilnius took place in October': the month takes the year
    the sentence gives ('last year'), and that year is then told by the month, not as
    a second, less precise date of its own."""
    out = list(mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for mention in out:
        if isinstance(mention.value, DateValue):
            by_sentence.setdefault(mention.evidence.start, []).append(mention)
    dropped: set[int] = set()
    for dates in by_sentence.values():
        years = [m for m in dates if _RELATIVE_YEAR.match(m.value.surface.strip())]
        if len(years) != 1:
            continue
        year = years[0].value.start.year  # type: ignore[union-attr]
        yearless = [
            m
            for m in dates
            if m is not years[0]
            and not HAS_YEAR.search(m.value.surface)
            and m.value.precision in ("day", "month")  # type: ignore[union-attr]
            and m.value.start.year == m.value.end.year  # type: ignore[union-attr]
        ]
        if not yearless:
            continue
        for m in yearless:
            value = m.value
            assert isinstance(value, DateValue)
            try:
                end = (
                    value.end.replace(year=year, day=calendar.monthrange(year, value.end.month)[1])
                    if value.precision == "month"
                    else value.end.replace(year=year)
                )
                moved = value.model_copy(
                    update={"start": value.start.replace(year=year), "end": end}
                )
            except ValueError:  # 29 February in a year that has none
                continue
            m.value = moved
        dropped.add(id(years[0]))
    return [m for m in out if id(m) not in dropped]


def _value_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    antecedents = _antecedents(doc)
    sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
    for span in value_spans(doc):
        text = span.text
        kind = span.label_
        value: CountValue | PercentValue | MoneyValue | DateValue | None = None
        if kind == "money":
            value = parse_money(text)
            if value is not None and value.currency == currencies.UNRESOLVED:
                value = value.model_copy(update={"currency": _shared_currency(span)})
        elif kind == "percent":
            value = parse_percent(text)
        elif kind == "date":
            # Undated source: a year-less date is read against a placeholder year and
            # re-dated by the events stage with the main event's year.
            if source.published is not None:
                tense = _tense(span, _modality(span))
                value = parse_date(text, anchor=source.published, tense=tense)
            else:
                value = parse_date(text, anchor=UNDATED_ANCHOR)
                if value is None:
                    # "on Monday" under "NAIROBI, Sept 4 (Reuters) -": placed by the
                    # events stage once the main event's year dates the dateline.
                    value = undated_weekday(text, _tense(span, _modality(span)))
        elif kind == "count":
            value = parse_count(text)
            if value is not None and _over_a_period(span, value.qualifier):
                # "Over two days the summit offered ...": during two days, not more than.
                value = parse_count(text.split(None, 1)[1]) or value
        if value is None or _exchange_rate(span):
            continue
        context = _context(span, span.root)
        referent = _referent(span, antecedents, sent_index[span.sent.start])
        if referent and (not context.names or referent.split()[-1].lower() in PLAN_HEADS):
            # "The plan comprises ... over 100 voluntary pledges": the sentence says whose
            # they are, before any word it quotes ("Our Ocean, Our Future").
            context.names = [referent, *(n for n in context.names if n != referent)]
        if kind == "count" and context.noun and hasattr(value, "noun"):
            value = value.model_copy(update={"noun": context.noun})
        yield _mention(source, span, value, context)


def _exchange_rate(span: Span) -> bool:
    """'($1 = 10.03 Norwegian crowns)': a wire's conversion rate, not a figure of the story."""
    rest = span.doc[span.end : span.end + 1]
    before = span.doc[span.start - 1 : span.start] if span.start else None
    return (len(rest) == 1 and rest[0].text == "=") or (
        before is not None and len(before) == 1 and before[0].text == "="
    )


# Verbs after which "over two days" says across which days, not how many more: "held
# over two days" ("lasted over two days" is more than two).
DURING_VERBS = {"hold", "take", "run", "spread", "stretch", "meet", "gather", "unfold", "stage",
                "span", "convene", "organise", "organize", "host"}  # fmt: skip


def _over_a_period(span: Span, qualifier: str | None) -> bool:
    """'Over two days, ...' opening a sentence, 'held over two days': 'over' says
    during, not more than."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if qualifier is None or qualifier.lower() != "over" or nxt is None:
        return False
    if nxt.lower_ not in TIME_NOUNS:
        return False
    first = span[0]
    held = first.dep_ == "prep" and first.head.pos_ == "VERB" and lemma(first.head) in DURING_VERBS
    return held or span.start == span.sent.start


def _shared_currency(span: Span) -> str | None:
    """'30 billion crowns' in a sentence about Norway: NOK. The countries the sentence
    names, nearest first, pick among the currencies the word may mean; None when none
    does (the amount then carries no currency rather than a wrong one)."""
    word = next((t.lower_ for t in reversed(span) if t.lower_ in currencies.shared_names()), None)
    if word is None:
        return None
    countries: list[tuple[int, str]] = []
    for ent in entities_in(span.sent):
        country = None
        if ent.label_ == "GPE" and names.is_country(ent.text):
            country = names.canonical_name(ent.text)
        elif ent.label_ == "NORP":
            country = names.country_of(ent.text)
        if country:
            countries.append((abs(ent.start - span.start), country))
    return currencies.resolve_shared(word, [c for _, c in sorted(countries)])
