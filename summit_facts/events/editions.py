"""Filing time: the main event's edition number, previous and next editions by city
and year, and the event a document is about when it is not the main one.

Takes Mentions by document and the `MainEvent`; returns the main event's ordinal,
the Mentions with their previous and next editions placed and dated, and a
document's own event (a `MainEvent`, or None).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from summit_facts import names
from summit_facts.events.naming import _key_words, _marked, _own_series, same_place
from summit_facts.events.roles import (
    EDITION_ROLES,
    _edition_years,
    _met_where,
    _ordinal,
    mention_role,
    role_of,
)
from summit_facts.events.words import EVENT_HEADS, HAS_YEAR
from summit_facts.models import DateValue, MainEvent, Mention, Source, TextValue


def _main_ordinal(mentions_by_doc: Mapping[str, Sequence[Mention]], main: MainEvent) -> int | None:
    """The main event's edition number, when the documents that give one agree on it
    ('the first REAIM summit' in three pages, never 'the second' for it)."""
    docs: Counter[int] = Counter()
    for mentions in mentions_by_doc.values():
        numbers = {
            number
            for mention in mentions
            if (cue := mention.context.event) is not None
            and (number := _ordinal(cue)) is not None
            and role_of(cue, main) == "main"
        }
        docs.update(numbers)
    if not docs:
        return None
    (number, count), *rest = docs.most_common()
    # A series counted in two ways ("third" and "fourth" for one summit, in about as
    # many pages) tells nothing; a number that few pages give is another edition's.
    runner_up = rest[0][1] if rest else 0
    return number if count >= 2 and 2 * count > 3 * runner_up else None


def _editions_by_city(
    resolved: dict[str, list[Mention]], main: MainEvent | None
) -> dict[str, list[Mention]]:
    """'COP29 in Azerbaijan' in one source, 'Baku in 2024' in another: an edition told
    by its country is the one the corpus holds in a city of that country, when the
    corpus names exactly one such city for its other editions."""
    cities: set[str] = set()
    for mentions in resolved.values():
        for m in mentions:
            if m.event is None or m.event.role not in EDITION_ROLES:
                continue
            cue = m.context.event
            told = [cue.place if cue else None, *m.context.places]
            if isinstance(m.value, TextValue) and m.context.label == "CITY":
                told.append(m.value.text)
            cities.update(c for c in told if c and names.is_city(c))
    if main is not None and main.city:
        cities = {c for c in cities if not same_place(c, main.city)}
    if not cities:
        return resolved
    return {doc_id: [_placed(m, cities) for m in ms] for doc_id, ms in resolved.items()}


def _placed(mention: Mention, cities: set[str]) -> Mention:
    cue = mention.context.event
    if cue is None or cue.place or mention.event is None or mention.event.role not in EDITION_ROLES:
        return mention
    countries = [m for m in cue.modifiers if names.is_country(m)]
    if len(countries) != 1:
        return mention
    found = {c for c in cities if names.city_in(c, countries[0])}
    if len(found) != 1:
        return mention
    placed = cue.model_copy(update={"place": found.pop()})
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": placed})}
    )


def _edition_year(mention: Mention) -> int | None:
    """The year an earlier or later edition is told with: its event's year, else the
    value itself when it is a date within one year ("held in Amsterdam last year")."""
    cue = mention.context.event
    if len(_edition_years(mention.context.lemmas)) > 1:
        return None  # "at Bletchley Park (2023) and Seoul (2024)": which place is whose?
    if cue is not None and cue.year:
        return cue.year
    value = mention.value
    if isinstance(value, DateValue) and 100 <= value.start.year == value.end.year:
        return value.start.year
    return None


def _edition_cities(
    mention: Mention, main: MainEvent | None, localities: frozenset[str] = frozenset()
) -> set[str]:
    """The cities an edition is told with; `localities` are the small places the corpus
    names as where things are (too small for the gazetteer: "Charlevoix, Que.")."""
    cue = mention.context.event
    told = [cue.place if cue else None, *mention.context.places]
    if isinstance(mention.value, TextValue) and mention.context.label == "CITY":
        told.append(mention.value.text)
    here = main.city if main is not None else None
    return {
        c
        for c in told
        if c
        and (names.is_city(c) or c in localities)
        and not names.is_country(c)
        and not (here and same_place(c, here))
    }


def _editions_by_year(
    resolved: dict[str, list[Mention]], main: MainEvent | None
) -> dict[str, list[Mention]]:
    """One edition, one place: 'the first summit in the Netherlands' (2023), 'one held in
    Amsterdam last year' and 'the 2023 summit in The Hague' are the one earlier edition of
    2023 of this series, which a fact-checker compares by its year, not by the place words
    of each page. An edition of a year is keyed by the city most sources give it (a
    page's wrong city is then outvoted, never a subject of its own); a year no source
    gives a city keeps each page's own place words."""
    sources_by_city: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    localities = frozenset(
        m.value.text
        for mentions in resolved.values()
        for m in mentions
        if isinstance(m.value, TextValue) and m.context.label == "CITY" and not m.context.dateline
    )
    for mentions in resolved.values():
        seen: set[tuple[str, int, str]] = set()
        for m in mentions:
            year = _edition_year(m)
            if m.event is None or m.event.role not in EDITION_ROLES or year is None:
                continue
            cities = _edition_cities(m, main, localities)
            if len(cities) != 1:
                continue  # no city, or several: not the one this edition is told with
            for city in cities:
                if (m.event.role, year, city) not in seen:
                    seen.add((m.event.role, year, city))
                    sources_by_city[(m.event.role, year)][city] += 1
    if not sources_by_city:
        return resolved
    chosen = {
        edition: min(counts, key=lambda c: (-counts[c], c))
        for edition, counts in sources_by_city.items()
    }
    return {
        doc_id: [_of_edition(m, chosen, main, localities) for m in ms]
        for doc_id, ms in resolved.items()
    }


def _of_edition(
    mention: Mention,
    chosen: Mapping[tuple[str, int], str],
    main: MainEvent | None,
    localities: frozenset[str] = frozenset(),
) -> Mention:
    cue = mention.context.event
    year = _edition_year(mention)
    if cue is None or mention.event is None or year is None:
        return mention
    city = chosen.get((mention.event.role, year))
    if city is None:
        return mention
    told = _edition_cities(mention, main, localities)
    others = [p for p in mention.context.places if p not in told]
    placed = cue.model_copy(update={"place": city})
    context = mention.context.model_copy(update={"event": placed, "places": [city, *others]})
    return mention.model_copy(update={"context": context})


def _own_event(
    doc_id: str, mentions: Sequence[Mention], sources: Mapping[str, Source], main: MainEvent | None
) -> MainEvent | None:
    """The event a document is about, when it is not the corpus's main event (a report
    on last year's edition in a folder about this year's). Its unnamed 'the summit' is
    then that event, not the main one. None when the document is about the main event.

    Told by the cities it holds its events in (never the main city), else by the event
    its lead names."""
    if main is None:
        return None
    met = next(
        (
            cue
            for m in mentions
            if m.context.lead
            and (cue := m.context.event) is not None
            and "elsewhere" in cue.modifiers
            and cue.link != "sentence"
            and cue.place
            and not _caption(m, mentions)
        ),
        None,
    )
    if met is not None and met.place and _met_where(met, main) == "other":
        # "WASHINGTON - Last week delegates from 60 countries met outside DC": the lead
        # tells of a meeting away from the main event; the document is about that one.
        return MainEvent(key=[met.place.lower()], city=met.place)
    cities: Counter[str] = Counter()
    regions: Counter[str] = Counter()  # countries and continents away from the main city
    for m in mentions:
        cue = m.context.event
        if cue is None or m.context.dateline or cue.link == "sentence":
            continue
        if main.city:
            regions.update(
                r
                for r in cue.modifiers
                if names.is_region(r) and names.region_holds(r, main.city) is False
            )
        if _marked(cue):
            continue
        if mention_role(m, main, own_place=False) != "main":
            continue  # told as another edition already ("the first summit, in 2023")
        if isinstance(m.value, TextValue) and m.context.label == "CITY":
            cities[m.value.text] += 1
        elif cue.place and names.is_city(cue.place):
            cities[cue.place] += 1
        else:
            cities.update(w.title() for w in cue.names if names.is_city(w))
    if main.city and any(same_place(c, main.city) for c in cities):
        return None
    if cities:
        years = Counter(
            m.value.start.year
            for m in mentions
            if isinstance(m.value, DateValue)
            and m.value.start.year >= 100
            and HAS_YEAR.search(m.value.surface)
        )
        year = years.most_common(1)[0][0] if years else None
        return MainEvent(
            key=_own_series(mentions, main) or main.key,
            city=cities.most_common(1)[0][0],
            year=year,
        )
    told = [
        cue
        for m in mentions
        if (cue := m.context.event) is not None
        and not _marked(cue)
        and (_key_words(cue) or (cue.place and names.is_city(cue.place)) or cue.year)
    ]
    if regions and not cities:
        # "the Global AI Summit on Africa", never the main event's city or its region
        holds_main = (
            any(
                names.region_holds(r, main.city)
                for m in mentions
                if (c := m.context.event)
                for r in c.modifiers
                if names.is_region(r)
            )
            if main.city
            else True
        )
        if not holds_main:
            return MainEvent(key=main.key, city=regions.most_common(1)[0][0].title())
    if any(role_of(cue, main) == "main" for cue in told):
        return None  # it names the main event somewhere: "the summit" may well be it
    if _opens_unnamed(mentions, main):
        # "Swiss summit on Ukraine set to thrash out path to peace ... The meeting follows
        # on from the G7 summit": the event a report opens with is what it is about; the
        # one it names later is another.
        return None
    lead = [m.context.event for m in mentions if m.context.lead and m.context.event in told]
    if lead and lead[0] is not None:
        cue = lead[0]
        return MainEvent(key=_key_words(cue), city=cue.place, year=cue.year)
    # No lead names it: the event the document names most often, when it names only
    # other events ("the UN Ocean Conference" in a report filed in a folder about the G20).
    keyed = Counter(tuple(_key_words(cue)) for cue in told if _key_words(cue))
    if not keyed:
        return None
    key = list(keyed.most_common(1)[0][0])
    cue = next(cue for cue in told if _key_words(cue) == key)
    return MainEvent(key=key, city=cue.place, year=cue.year)


def _opens_unnamed(mentions: Sequence[Mention], main: MainEvent) -> bool:
    """Whether a document tells of an unnamed event of the kind reported on at least twice
    ('Swiss summit on Ukraine ...', 'a conference on Ukraine this weekend') before it
    names any event: the report's own event, whatever it names later. A country it is
    told with names it only when the country does not hold the main event's city."""
    unnamed: set[str] = set()
    for m in mentions:
        cue = m.context.event
        if cue is None or cue.link == "sentence" or m.context.dateline or _marked(cue):
            continue
        elsewhere = any(
            names.is_region(w)
            and names.region_holds(w, main.city or "") is not None
            and not names.region_holds(w, main.city or "")
            for w in cue.modifiers
        )
        if _key_words(cue) or cue.place or cue.year or elsewhere:
            break
        if cue.head in EVENT_HEADS:
            unnamed.add(cue.text)
    return len(unnamed) >= 2


def _caption(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """'Volodymyr Zelenskyy meets guard cadets in Khmelnytskyi, 3 May, 2024.': a photo
    caption, told in the present with the day the picture was taken, not the meeting a
    report is about."""
    cue = mention.context.event
    if cue is None or cue.tense != "present":
        return False
    return any(
        m.evidence.start == mention.evidence.start
        and isinstance(m.value, DateValue)
        and m.value.precision == "day"
        and HAS_YEAR.search(m.value.surface) is not None
        for m in mentions
    )
