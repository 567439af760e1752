"""Filing time: the corpus's main event, the one most documents are about.

Takes stored Mentions; returns a `MainEvent` (name, city, year, dates).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from summit_facts import names
from summit_facts.events.naming import _key_words, _marked, _shares_name, _told_to_come, same_place
from summit_facts.events.roles import ORDINAL_NUMBERS
from summit_facts.events.words import HAS_YEAR, ORDINALS
from summit_facts.models import DateValue, EventCue, MainEvent, Mention, Source, TextValue


def find_main_event(
    mentions_by_doc: Mapping[str, Sequence[Mention]], sources: Mapping[str, Source]
) -> MainEvent | None:
    """The event most documents are about: its name words, city, year and dates.

    Name words come from unmarked event phrases (no 'previous', 'next', no dinner or
    session), counted once per document; the city and the dates from the mentions
    whose clause is about an event carrying those words (or an unnamed 'the summit').
    """
    word_docs: Counter[str] = Counter()
    word_told: Counter[str] = Counter()  # every sentence that tells a word, for ties
    word_years: dict[str, Counter[int]] = {}  # the published years of its documents
    names_seen: Counter[str] = Counter()
    together: dict[str, Counter[str]] = {}  # word -> documents naming it with each other word
    doc_names: dict[str, Counter[str]] = {}
    doc_words: dict[str, set[str]] = {}
    for doc_id, mentions in mentions_by_doc.items():
        words: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        told: set[tuple[int, str]] = set()  # (sentence, word): a sentence of values counts once
        named_in: set[tuple[int, str]] = set()  # (sentence, event phrase), the same
        for mention in mentions:
            cue = mention.context.event
            if cue is None or _marked(cue) or _told_to_come(cue):
                continue
            key = _key_words(cue)
            words.update(key)
            told.update((mention.evidence.start, w) for w in key)
            pairs.update((a, b) for a in key for b in key if a != b)
            if key and (mention.evidence.start, cue.text) not in named_in:
                # Once per sentence: a sentence with three values names its event once.
                named_in.add((mention.evidence.start, cue.text))
                doc_names.setdefault(doc_id, Counter())[_display_name(cue.text)] += 1
        word_docs.update(words)
        doc_words[doc_id] = words
        names_seen.update(doc_names.get(doc_id, Counter()))
        word_told.update(w for _, w in told)
        for a, b in pairs:
            together.setdefault(a, Counter())[b] += 1
        doc_published = sources[doc_id].published if doc_id in sources else None
        if doc_published is not None:
            for word in words:
                word_years.setdefault(word, Counter())[doc_published.year] += 1
    n_docs = len(mentions_by_doc)
    if not n_docs:
        return None
    # The most common name word; between equals, the one whose documents were published
    # in the corpus's usual year (a G7 report of 2023 among G20 reports of 2025), then
    # the one told more often.
    published_years = Counter(s.published.year for s in sources.values() if s.published)
    usual = published_years.most_common(1)[0][0] if published_years else None
    top_word, top = (
        max(
            word_docs.items(),
            key=lambda item: (
                item[1],
                word_years.get(item[0], Counter())[usual] if usual else 0,
                word_told[item[0]],
                item[0],  # a last tie-break: the same word in every run
            ),
        )
        if word_docs
        else ("", 0)
    )
    # Words about as common as the most common one and told in one name with it: "ai"
    # and "impact" both, when sources say "the AI Impact Summit"; not the name of
    # another event in the same folder. A word in one document of ten is noise.
    key = (
        sorted(
            w
            for w, n in word_docs.items()
            if n >= max(2, 0.5 * top)
            and (w == top_word or together.get(top_word, Counter())[w] >= max(1, 0.5 * n))
        )
        if top
        else []
    )
    main = MainEvent(key=key, documents=0)
    cities: Counter[str] = Counter()
    bounds: dict[str, list[tuple[str, date]]] = defaultdict(list)  # opening / closing days
    # Per document: its cities, the year it states most, the day ranges it gives.
    told_in: dict[str, tuple[set[str], int | None, Counter[tuple[date, date]]]] = {}
    docs_about = 0
    for doc_id, mentions in mentions_by_doc.items():
        if key and _names_only_others(mentions, key):
            continue  # a report on another event in the same folder
        votes = _DocVotes()
        # "ZURICH/KYIV (Reuters) -": a report filed from two cities tells neither as the
        # event's.
        filed_from = {
            names.fold(m.value.text)
            for m in mentions
            if m.context.dateline and isinstance(m.value, TextValue) and m.context.label == "CITY"
        }
        for mention in mentions:
            if mention.context.dateline and len(filed_from) > 1:
                continue
            votes.add(mention, key)
        about, doc_cities, doc_years, dates = votes.about, votes.cities, votes.years, votes.dates
        bounds[doc_id].extend(votes.bounds)
        cities.update(sorted(doc_cities))  # sorted: ties go the same way in every run
        docs_about += about
        source = sources.get(doc_id)
        if about and source is not None and source.published is not None:
            doc_years[source.published.year] += 1
        if not doc_years:
            # "The first summit was held at X in November 2023": the year of an
            # edition told by its number is most often an earlier one's; it votes
            # only for a report that gives no other year (a year-less "March 10-11"
            # takes its published year).
            doc_years = votes.numbered_years
        # One vote per document: the year it states most.
        told_in[doc_id] = (doc_cities, doc_years.most_common(1)[0][0] if doc_years else None, dates)
    main.documents = docs_about
    if cities:
        main.city = cities.most_common(1)[0][0]
    # Two events of one series in one folder (two AI summits a year apart): the name,
    # year and dates are those of the documents held in the main city, or in none.
    held = {
        doc_id
        for doc_id, (doc_cities, _, _) in told_in.items()
        if not main.city or not doc_cities or any(same_place(c, main.city) for c in doc_cities)
    }
    if main.city:
        # Name words only the documents held elsewhere use: another event of the series.
        ours = {
            w
            for doc_id, (doc_cities, _, _) in told_in.items()
            if any(same_place(c, main.city) for c in doc_cities)
            for w in doc_words.get(doc_id, set())
        }
        theirs = {
            w
            for doc_id, (doc_cities, _, _) in told_in.items()
            if doc_id not in held
            for w in doc_words.get(doc_id, set())
        }
        main.others = sorted(theirs - ours - set(key))
    years: Counter[int] = Counter(
        year for doc_id, (_, year, _) in told_in.items() if doc_id in held and year
    )
    dates = sum((told_in[doc_id][2] for doc_id in held), Counter())
    here = sum((doc_names.get(doc_id, Counter()) for doc_id in held), Counter())
    seen = here or names_seen
    if seen and key:
        # The name as most sources write it, among those that carry every key word.
        fitting = [
            (len(set(key) & {w.lower() for w in re.findall(r"[\w-]+", name)}), n, -len(name), name)
            for name, n in seen.items()
        ]
        best = max(fitting)
        if best[0]:
            main.name = best[3]
    if years:
        main.year = years.most_common(1)[0][0]
    elif sources:
        published = [s.published.year for s in sources.values() if s.published]
        if published:
            main.year = Counter(published).most_common(1)[0][0]
    if dates:
        in_year = [(n, d) for d, n in dates.items() if main.year in (None, d[0].year)]
        if in_year:
            # The most often stated range of several days (an opening day alone is not
            # the event's dates); among equals, the narrower.
            main.start, main.end = max(
                in_year,
                key=lambda item: (
                    item[1][1] > item[1][0],
                    item[0],
                    -(item[1][1] - item[1][0]).days,
                ),
            )[1]
            edges = [b for doc_id in held for b in bounds.get(doc_id, [])]
            if main.start == main.end and edges:
                # Only single days: "opened on 10 March" and "ended on Wednesday" together
                # are the event's range.
                opened = [d for kind, d in edges if kind == "start" and d.year == main.year]
                closed = [d for kind, d in edges if kind == "end" and d.year == main.year]
                if opened and closed and min(opened) <= max(closed):
                    main.start, main.end = min(opened), max(closed)
    return main


# Verbs that tell an event's first or last day (rules/summit.yaml, `day_bounds`).
OPENING = {"open", "begin", "start", "kick", "commence"}
CLOSING = {"close", "end", "conclude", "wrap", "finish"}


def _names_only_others(mentions: Sequence[Mention], key: Sequence[str]) -> bool:
    """Whether a document names events, none of them the one `key` names."""
    named = [
        set(_key_words(m.context.event))
        for m in mentions
        if m.context.event is not None and not _marked(m.context.event)
    ]
    named = [words for words in named if words]
    return bool(named) and not any(_shares_name(words, set(key)) for words in named)


def named_for_its_edition(main: MainEvent) -> MainEvent:
    """'2nd Summit on Responsible AI' for a main event that is the first edition: a name
    that opens with another edition's number loses it ('Fifth Reef Summit' for the fifth
    keeps it)."""
    first, _, rest = (main.name or "").partition(" ")
    word = first.lower()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    number = int(digits.group(1)) if digits else ORDINAL_NUMBERS.get(word)
    if number is None or not rest or number == main.ordinal:
        return main
    return main.model_copy(update={"name": rest})


def _display_name(text: str) -> str:
    """'the India AI Impact Summit 2026' -> 'India AI Impact Summit 2026'."""
    text = re.sub(r"\s+(['’])", r"\1", " ".join(text.split()))  # "Leaders ' Summit"
    text = re.sub(r"^(?:the|a|an|this|that)\s+", "", text, flags=re.I)
    # "the UN Ocean Conference in" (its place cut off as the value): no dangling word
    return re.sub(r"(?:\s+(?:in|at|on|of|for|and|the|from|to|with|by))+$", "", text, flags=re.I)


@dataclass
class _DocVotes:
    """What one document tells of the main event: whether it tells of it at all, its
    cities, its years (weighted: 2 for a date with its year written out, 1 for an
    event phrase's year), its day ranges and its opening and closing days."""

    about: bool = False
    cities: set[str] = field(default_factory=set)
    years: Counter[int] = field(default_factory=Counter)
    dates: Counter[tuple[date, date]] = field(default_factory=Counter)
    bounds: list[tuple[str, date]] = field(default_factory=list)
    numbered_years: Counter[int] = field(default_factory=Counter)  # 'the first summit'

    def add(self, mention: Mention, key: Sequence[str]) -> None:
        cue = mention.context.event
        if mention.context.dateline and isinstance(mention.value, TextValue):
            if mention.context.label == "CITY":
                self.cities.add(mention.value.text)
            return
        if cue is None or _marked(cue) or not _fits(cue, key, None, None):
            return
        self.about = True
        if cue.place and names.is_city(cue.place):
            self.cities.add(cue.place)
        if (
            isinstance(mention.value, TextValue)
            and mention.context.label == "CITY"
            # "... in the Kharkiv region": a city the sentence names beside an event
            # noun, not in its clause, places nothing.
            and cue.link != "sentence"
        ):
            self.cities.add(mention.value.text)
        value = mention.value
        mods = set(cue.modifiers)
        years = self.numbered_years if mods & ORDINALS and "this" not in mods else self.years
        if (
            isinstance(value, DateValue)
            and cue.link != "sentence"
            and value.start.year >= 100  # not a placeholder year
            and "attended" not in cue.modifiers  # a person's days at the event
        ):
            if value.precision == "day":
                self.dates[(value.start, value.end)] += 1
                if value.start == value.end and mention.context.governor in OPENING:
                    self.bounds.append(("start", value.start))
                elif value.start == value.end and mention.context.governor in CLOSING:
                    self.bounds.append(("end", value.start))
            if HAS_YEAR.search(value.surface) and value.precision != "year":
                years[value.start.year] += 2
        if cue.year:
            years[cue.year] += 1


def _fits(cue: EventCue, key: Sequence[str], city: str | None, year: int | None) -> bool:
    """Whether an unmarked cue can be the main event: its name words are the main
    event's (or it has none: 'the summit'), its place is the main city, its year the
    main year."""
    words = set(_key_words(cue))
    if words and key and not _shares_name(words, set(key)):
        return False
    if city and cue.place and names.is_city(cue.place) and not same_place(cue.place, city):
        return False
    return not (year and cue.year and cue.year != year)
