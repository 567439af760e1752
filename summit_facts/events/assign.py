"""Filing time: each mention's role, with the clues a single cue cannot give
(coreference, a year told later, the opening and closing of one event).

Takes one document's Mentions, the `MainEvent` and the Source; returns the Mentions,
each with its `event` set.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from summit_facts import names
from summit_facts.dates import UNDATED_ANCHOR, is_undated_weekday, weekday_in
from summit_facts.events.naming import _key_words, _marked, _shares_name, other_series, same_place
from summit_facts.events.roles import EDITION_ROLES, _head_of, mention_role
from summit_facts.events.words import (
    COREFERENCE_CHARS,
    EVENT_HEADS,
    GENERIC_NAME_WORDS,
    HAS_YEAR,
    HOLDING_VERBS,
    NEXT_WORDS,
    NOT_GATHERINGS,
    OTHER_HEADS,
    PART_HEADS,
    PRIOR_WORDS,
)
from summit_facts.models import (
    CountValue,
    DateValue,
    EventCue,
    EventRef,
    MainEvent,
    Mention,
    Source,
    TextValue,
)

OPENING_VERBS = {"open", "begin", "start", "kick", "commence", "get", "launch", "run"}
CLOSING_VERBS = {"close", "end", "conclude", "wrap", "finish", "culminate"}


def join_open_close(mentions: Sequence[Mention]) -> list[Mention]:
    """'opens on Saturday and closes on Sunday', 'opened on February 16, will end on
    February 21': one sentence giving an event's first and last day is one range."""
    out = list(mentions)
    for i, first in enumerate(out):
        value = first.value
        if not isinstance(value, DateValue) or first.context.governor not in OPENING_VERBS:
            continue
        for j in range(i + 1, len(out)):
            second = out[j]
            other = second.value
            if second.evidence.start != first.evidence.start:
                continue  # another sentence
            # "closes on Sunday", or "runs until May 21": the last day.
            closing = second.context.governor in CLOSING_VERBS or (
                second.context.before[-1:] in (["until"], ["through"], ["till"])
            )
            if not isinstance(other, DateValue) or not closing:
                continue
            if not value.start < other.start <= value.start + timedelta(days=31):
                continue
            joined = value.model_copy(
                update={
                    "surface": f"{value.surface} to {other.surface}",
                    "end": other.end,
                    "precision": "day",
                }
            )
            evidence = first.evidence.model_copy(update={"value_end": second.evidence.value_end})
            # The range says when the event was held, as "held on A to B" would.
            context = first.context.model_copy(update={"governor": "hold"})
            out[i] = first.model_copy(
                update={"value": joined, "evidence": evidence, "context": context}
            )
            del out[j]
            break
    return out


def assign_roles(
    mentions: Sequence[Mention],
    main: MainEvent | None,
    source: Source,
    *,
    own: MainEvent | None = None,
) -> list[Mention]:
    """Each mention with its `event` set; year-less dates in an undated source take the
    main event's year (DESIGN.md: "A date with no year takes the year of the source's
    published date; where the source has none, the year of the main event")."""
    out: list[Mention] = []
    named: dict[str, tuple[int, EventCue]] = {}  # head lemma -> last named mention of it
    main_head = _head_of(main)
    planned = _before_the_event(source, main)
    dated_by = _dateline_day(mentions, main) if source.published is None else None
    told = [
        _coreferent(_dated_by_year_word(mention, main, source), named, main_head)
        for mention in join_open_close(_weekdays_placed(mentions, dated_by))
    ]
    side = _side_events(told, main)
    for mention in told:
        mention = _as_side_event(mention, side)
        if own is None:
            mention = _held_by_name(mention, main, main_head)
        if own is not None:
            mention = _about(mention, own)
        value = mention.value
        if isinstance(value, DateValue) and value.start.year < 100:
            # A year-less date in an undated source: the main event's year, else no
            # checkable date at all.
            if main is None or not main.year:
                continue
            dated = _with_year(value, main.year)
            if dated is None:
                continue
            mention = mention.model_copy(update={"value": dated})
        mention = _told_later(mention, main, source)
        cue = mention.context.event
        role = mention_role(mention, main)
        if role == "main" and planned:
            if _told_done_before(mention, main):
                continue
            mention = _still_to_come(mention, source)
        # A document about another event (a report on last year's edition, or on the G7
        # in a folder about an AI summit): what it does not tie to the main event by name
        # or city is about its own event; and the editions a report on another series
        # tells are that series' editions.
        apart = role == "main" or (role in EDITION_ROLES and other_series(own, main))
        if own is not None and apart and not _names_main(mention, main, own):
            role = "other"
        if _FILE_PHOTO.match(mention.evidence.sentence):
            # "FILE - In the Roosevelt Room of the White House on Aug. 26, ...": an
            # archive photo's caption tells of another day and place.
            role = "other"
        update: dict[str, object] = {"event": EventRef(role=role, name=cue.text if cue else None)}
        if role == "main" and mention.modality == "asserted" and planned:
            # A preview tells what is planned: "The summit, co-hosted by X and Y, ..." in
            # an article published before the event's first day.
            update["modality"] = "planned"
        out.append(mention.model_copy(update=update))
    return _after_next(_places_of_dated_edition(_uncued_as_told(out, main)), source.published)


# "Staged as a prelude to the UN Ocean Conference", "held on the sidelines of the
# summit", "a side event of the conference": another named gathering told as one of the
# main event's own.
_SIDE_PHRASE = re.compile(
    r"\b(?:prelude|curtain[- ]raiser|side[- ]event|run-up)\s+(?:to|of|for|at)\s+|"
    r"\bon the sidelines of\s+",
    re.IGNORECASE,
)
_SIDE_REACH = 60  # characters after the phrase in which the main event must be named


def _side_events(mentions: Sequence[Mention], main: MainEvent | None) -> list[set[str]]:
    """The name words of each event the document tells as a side event or prelude of
    the main event, in a sentence that names both."""
    if main is None or not main.key:
        return []
    key = set(main.key)
    found: list[set[str]] = []
    for mention in mentions:
        cue = mention.context.event
        words = set(_key_words(cue)) if cue is not None else set()
        if not words or _shares_name(words, key) or words in found:
            continue
        sentence = mention.evidence.sentence
        for match in _SIDE_PHRASE.finditer(sentence):
            after = re.findall(r"[\w-]+", sentence[match.end() : match.end() + _SIDE_REACH])
            if key & {w.lower() for w in after}:
                found.append(words)
                break
    return found


def _as_side_event(mention: Mention, side: list[set[str]]) -> Mention:
    """A mention of a side event (`_side_events`) is marked 'side': a part of the main
    event's programme, not the main event and not another one."""
    cue = mention.context.event
    if cue is None or not side or "side" in cue.modifiers:
        return mention
    words = set(_key_words(cue))
    if not words or not any(words <= told for told in side):
        return mention
    resolved = cue.model_copy(update={"modifiers": [*cue.modifiers, "side"]})
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": resolved})}
    )


def _places_of_dated_edition(mentions: list[Mention]) -> list[Mention]:
    """A place inside an event's name, told in one clause with the days of another
    edition of it ("This weekend the Munich Security Conference will bring leaders
    together", on a page of the next year): the edition its days say, not the main one
    its name shares."""
    dated: dict[tuple[int, str], set[str]] = {}
    for m in mentions:
        cue = m.context.event
        if isinstance(m.value, DateValue) and m.event is not None and cue is not None:
            dated.setdefault((m.evidence.start, cue.text), set()).add(m.event.role)
    out = []
    for m in mentions:
        cue = m.context.event
        roles = dated.get((m.evidence.start, cue.text)) if cue is not None else None
        if (
            roles is not None
            and len(roles) == 1
            and (role := next(iter(roles))) in EDITION_ROLES
            and m.event is not None
            and m.event.role == "main"
            and m.context.label in PLACE_LABELS
            and cue is not None
            and cue.link == "inside"  # "Dubai in 2023, Baku in 2024 and Belém": a list
        ):
            m = m.model_copy(update={"event": m.event.model_copy(update={"role": role})})
        out.append(m)
    return out


PLACE_LABELS = {"CITY", "FAC", "GPE"}


# A wire's archive-photo caption: "FILE - ...", "FILE PHOTO: ...".
_FILE_PHOTO = re.compile(r"^\s*FILE(?:\s+PHOTO)?\s*[-–—:]")


def _weekdays_placed(mentions: Sequence[Mention], dated_by: date | None) -> list[Mention]:
    """'on Monday' in an undated wire, placed by its dateline's day; dropped without one
    (a weekday alone is no checkable date)."""
    out: list[Mention] = []
    for mention in mentions:
        value = mention.value
        if isinstance(value, DateValue) and is_undated_weekday(value):
            placed = weekday_in(value, dated_by) if dated_by is not None else None
            if placed is None:
                continue
            mention = mention.model_copy(update={"value": placed})
        out.append(mention)
    return out


def _dateline_day(mentions: Sequence[Mention], main: MainEvent | None) -> date | None:
    """The day an undated source's dateline gives ("NAIROBI, Sept 4 (Reuters) -"), in the
    main event's year: what its weekdays are told by. None without either."""
    if main is None or not main.year:
        return None
    for mention in mentions:
        value = mention.value
        if (
            mention.context.dateline
            and isinstance(value, DateValue)
            and value.precision == "day"
            and value.start == value.end
            and not is_undated_weekday(value)
        ):
            if value.start.year >= 100:
                return value.start
            try:
                return value.start.replace(year=main.year)
            except ValueError:  # 29 February
                return None
    return None


def _identified(cue: EventCue) -> bool:
    """Whether an event phrase says which event it is: by name, place, year or region.
    A war, a visit or a briefing ("Russia's war", "a news conference in Bern") is no
    event a report on a meeting is about."""
    if cue.head in NOT_GATHERINGS | OTHER_HEADS:
        return False
    return bool(
        _key_words(cue) or cue.place or cue.year or any(names.is_region(m) for m in cue.modifiers)
    )


def _uncued_as_told(mentions: list[Mention], main: MainEvent | None = None) -> list[Mention]:
    """A value no event phrase identifies ("the summit", or none at all) is about the
    document's own event: the main one, unless every event the document identifies is
    another (a report on another event, or on another edition), when it is `other`.
    A document that puts its unnamed summit in the main event's city ("as the summit
    opens in Seoul") is about the main event, whatever earlier edition it names."""
    if main is not None and main.city:
        in_main_city = any(
            m.event is not None
            and m.event.role == "main"
            and isinstance(m.value, TextValue)
            and m.context.label == "CITY"
            and not m.context.dateline
            and m.context.event is not None
            and same_place(m.value.text, main.city)
            for m in mentions
        )
        if in_main_city:
            return mentions
    told = Counter(
        m.event.role
        for m in mentions
        if m.event is not None
        and (cue := m.context.event) is not None
        and not m.context.dateline
        and _identified(cue)
    )
    # A document that names the main event anywhere, or only its next edition, is
    # about the main event.
    if told["main"] or told["part"] or not (told["other"] or told["previous"]):
        return mentions
    return [
        m.model_copy(update={"event": EventRef(role="other", name=None)})
        if (m.context.event is None or not _identified(m.context.event))
        and m.event is not None
        and m.event.role == "main"
        and not m.context.dateline
        else m
        for m in mentions
    ]


def _names_main(mention: Mention, main: MainEvent | None, own: MainEvent | None = None) -> bool:
    """Whether a mention ties its value to the main event by the event's name words or
    its city (in its event phrase, or as the value itself). In a document about an
    edition of the same series elsewhere, the series' words name both: only the city
    tells."""
    if main is None:
        return False
    cue = mention.context.event
    key = set(main.key)
    same_series = own is not None and own.city is not None and set(own.key) == key
    if cue is not None and key and not same_series and _shares_name(set(_key_words(cue)), key):
        return True
    places = [cue.place if cue else None]
    if isinstance(mention.value, TextValue) and mention.context.label == "CITY":
        places.append(mention.value.text)
    return bool(main.city) and any(p and same_place(p, main.city) for p in places)  # type: ignore[arg-type]


# Verbs whose subject is an event being held: "the GPAI will take place from 12 to
# 14 December", "the summit will bring delegates together from Dec. 12 to 14".
GATHERING_VERBS = HOLDING_VERBS | {"bring"}
PRONOUNS = {"it", "this", "that"}


def _held_by_name(mention: Mention, main: MainEvent | None, main_head: str | None) -> Mention:
    """A date whose clause's subject is the main event by its name alone ('The GPAI will
    take place ... from December 12 to 14'), by that name with an event noun whose
    object the parse took for the event ('The GPAI summit ... will bring discussions ...
    from Dec. 12 to 14'), or by a pronoun with no other event in the clause ('This year
    it took place in New Delhi from 12-14 December, and it hosted the Global AI Expo'):
    the clause tells of the main event being held."""
    ctx = mention.context
    cue = ctx.event
    if main is None or not main.key:
        return mention
    if cue is None and _lasts_by_name(mention, main):
        told = EventCue(
            text=" ".join(main.key), head=main_head or "summit", names=list(main.key), link="path"
        )
        return mention.model_copy(update={"context": ctx.model_copy(update={"event": told})})
    if not isinstance(mention.value, DateValue):
        return mention
    if ctx.governor not in GATHERING_VERBS or ctx.dateline:
        return mention
    # "This year it took place ...": a pronoun subject the parse left off the agent.
    subject = ctx.agent or (ctx.path[1] if len(ctx.path) == 2 and ctx.path[1] in PRONOUNS else "")
    agent = [w for w in re.findall(r"[\w-]+", subject.lower()) if w not in GENERIC_NAME_WORDS]
    if not agent:
        return mention
    if agent == [agent[0]] and agent[0] in PRONOUNS:
        if cue is not None and cue.link != "sentence":
            return mention
    elif not _shares_name(set(agent), set(main.key)) or set(agent) - set(main.key) - EVENT_HEADS:
        return mention  # the subject is not the main event by its name
    elif cue is not None and not (
        cue.link == "sentence" or (cue.head in PART_HEADS and cue.link == "clause")
    ):
        return mention
    told = EventCue(
        text=subject,
        head=main_head or "summit",
        names=list(main.key),
        link="path",
        tense=cue.tense if cue is not None else None,
    )
    return mention.model_copy(update={"context": ctx.model_copy(update={"event": told})})


def _lasts_by_name(mention: Mention, main: MainEvent) -> bool:
    """'2024 REAIM kicks off for 2-day run': a length in days ('N-day') in a clause that
    names the main event by its name alone, no event noun, is the main event's."""
    ctx = mention.context
    after = ctx.lemmas[ctx.value_token_end : ctx.value_token_end + 2]
    return (
        isinstance(mention.value, CountValue)
        and ctx.head == "day"
        and after == ["-", "day"]
        and bool(set(ctx.path) & set(main.key))
    )


def _told_at(cue: EventCue, published: date) -> tuple[date, date] | None:
    """The days a cue's 'in six months' or 'next year' points to from the published
    date: the month it names give or take one, or the whole next year."""
    if cue.next_year:
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if cue.after_months is None:
        return None
    month = published.year * 12 + published.month - 1 + cue.after_months
    return _month_start(month - 1), _month_start(month + 2) - timedelta(days=1)


# "next year's summit": an edition told by its year, counted from the published one.
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.IGNORECASE)


def _dated_by_year_word(mention: Mention, main: MainEvent | None, source: Source) -> Mention:
    """'Italy will be the host of next year's Group of Seven summit' on a page of
    November 2023, in a folder about the 2024 summit: the year the phrase counts from the
    page's date is the main event's, so it is the main event, not the edition after it.
    ("last year's conference" on a page of the year after is left as it is: what such a
    retrospective page tells of it, the texts it names among them, is told in hindsight.)"""
    cue = mention.context.event
    if cue is None or main is None or not main.year or source.published is None:
        return mention
    if "year" not in cue.modifiers or "next" not in cue.modifiers:
        return mention
    if not _NEXT_YEAR.search(cue.text) or source.published.year + 1 != main.year:
        return mention
    resolved = cue.model_copy(
        update={
            "modifiers": [m for m in cue.modifiers if m not in ("next", "year")],
            "year": main.year,
        }
    )
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": resolved})}
    )


def _month_start(index: int) -> date:
    """The first day of a month counted from year 0 (year * 12 + month - 1)."""
    return date(index // 12, index % 12 + 1, 1)


def _told_later(mention: Mention, main: MainEvent | None, source: Source) -> Mention:
    """'Kenya will co-host a mini virtual summit in six months', 'a follow-up meeting
    next year': an event told by a time after the main event is a later edition (marked
    'later', a next word)."""
    cue = mention.context.event
    if cue is None or source.published is None or main is None or cue.tense == "past":
        return mention
    told = _told_at(cue, source.published)
    if told is None or set(cue.modifiers) & (PRIOR_WORDS | NEXT_WORDS):
        return mention
    if main.end is not None:
        later = told[0] > main.end
    elif main.year:
        # No dates for the main event: a report tells of it near its own date, so a
        # time months on is another edition; a year-long 'next year' only after its year.
        later = told[0].year > main.year or (
            cue.after_months is not None
            and cue.after_months >= 2
            and source.published.year >= main.year
        )
    else:
        later = False
    if not later:
        return mention
    marked = cue.model_copy(update={"modifiers": [*cue.modifiers, "later"]})
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": marked})}
    )


def _after_next(mentions: list[Mention], published: date | None = None) -> list[Mention]:
    """'Switzerland will host the next summit in 2027 ... the UAE, which will host it in
    2028', 'Kenya will co-host a mini virtual summit in six months, and Chile will host
    the next in-person summit in a year': of the later editions a document dates, the
    earliest is the next one; the others come after it (`other`), every value of their
    clause with them. An edition is dated by a date of its clause or by the time its
    clause tells ('in six months'); two datings that overlap are one edition."""
    datings: dict[tuple[int, str], list[tuple[date, date]]] = {}
    for m in mentions:
        cue = m.context.event
        if m.event is None or m.event.role != "next" or cue is None:
            continue
        told = _dating(m, published)
        if told is not None:
            datings.setdefault((m.evidence.start, cue.text), []).append(told)
    if not datings:
        return mentions
    first = min(d for ds in datings.values() for d in ds)
    # One clause's edition, dated by the narrowest of its datings ('in 2027', '3-4 June
    # 2027'); a key whose datings are disjoint told of two editions under one phrase
    # ('... the next summit in 2027, and the UAE will host it in 2028'): its dates go
    # one by one.
    split = {key for key, ds in datings.items() if not _overlapping(ds)}
    after = {key for key, ds in datings.items() if key not in split and _after(ds, first)}

    def later(m: Mention) -> bool:
        cue = m.context.event
        if m.event is None or m.event.role != "next" or cue is None:
            return False
        key = (m.evidence.start, cue.text)
        if key in split:
            told = _dating(m, published)
            return told is not None and _after([told], first)
        return key in after

    return [
        m.model_copy(update={"event": m.event.model_copy(update={"role": "other"})})
        if m.event is not None and later(m)
        else m
        for m in mentions
    ]


def _dating(mention: Mention, published: date | None) -> tuple[date, date] | None:
    """The days a next edition's mention dates it by: its own date, else its clause's
    'in six months'."""
    if isinstance(mention.value, DateValue) and mention.value.start.year >= 100:
        if published is not None and mention.value.end < published:
            # "Trudeau announced on Friday that the next summit will be held in 2025":
            # a day already past when the page was written dates the telling, not an
            # edition still to come.
            return None
        return mention.value.start, mention.value.end
    cue = mention.context.event
    if cue is None or published is None:
        return None
    return _told_at(cue, published)


def _overlapping(datings: Sequence[tuple[date, date]]) -> bool:
    return all(a[0] <= b[1] and b[0] <= a[1] for a in datings for b in datings)


def _after(datings: Sequence[tuple[date, date]], first: tuple[date, date]) -> bool:
    """Whether an edition dated so comes wholly after the earliest one."""
    narrow = min(datings, key=lambda d: d[1] - d[0])
    return narrow[0] > first[1]


def _told_done_before(mention: Mention, main: MainEvent | None) -> bool:
    """'The summit closed Tuesday' on a page dated before the summit opened: the page's
    date is not the day it was written on, so a day told by its name alone cannot be
    placed; it is no checkable date."""
    value = mention.value
    if not isinstance(value, DateValue) or main is None or main.start is None:
        return False
    by_name = not any(ch.isdigit() for ch in value.surface)
    return by_name and value.end < main.start


def _still_to_come(mention: Mention, source: Source) -> Mention:
    """'the summit would take place on June 13-15' on a page of November 2023 about the
    summit still to come: a year-less date that the page's own year puts before the
    page's date is the coming one, a year on (a clause told in the past keeps it)."""
    value = mention.value
    cue = mention.context.event
    if (
        not isinstance(value, DateValue)
        or source.published is None
        or value.precision not in ("day", "month")
        or HAS_YEAR.search(value.surface)
        or value.end >= source.published
        or value.start.year != source.published.year
        or (cue is not None and cue.tense == "past")
        # a day told by its name alone ("on Friday") was placed by the clause's tense
        or (value.precision == "day" and not any(ch.isdigit() for ch in value.surface))
    ):
        return mention
    dated = _with_year_shift(value, 1)
    if dated is None:
        return mention
    return mention.model_copy(update={"value": dated})


def _with_year_shift(value: DateValue, years: int) -> DateValue | None:
    """The same days `years` later (a month keeps its whole length)."""
    try:
        start = value.start.replace(year=value.start.year + years)
        end_year = value.end.year + years
        if value.precision == "month":
            end = value.end.replace(
                year=end_year, day=calendar.monthrange(end_year, value.end.month)[1]
            )
        else:
            end = value.end.replace(year=end_year)
    except ValueError:  # 29 February in a year that has none
        return None
    return value.model_copy(update={"start": start, "end": end})


def _before_the_event(source: Source, main: MainEvent | None) -> bool:
    """Whether the source was published before the main event's first day."""
    return (
        main is not None
        and main.start is not None
        and source.published is not None
        and source.published < main.start
    )


def _about(mention: Mention, own: MainEvent) -> Mention:
    """An unnamed event phrase in a document about another event is that event."""
    cue = mention.context.event
    # A session or ceremony in such a document is one of that event's, not the main one's.
    is_part = cue is not None and cue.head in PART_HEADS
    if cue is None or cue.place or cue.year or (_marked(cue) and not is_part):
        return mention
    if cue.names and own.key and not set(_key_words(cue)) <= set(own.key):
        return mention  # it names yet another event
    resolved = cue.model_copy(
        update={"names": own.key or cue.names, "place": own.city, "year": own.year}
    )
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": resolved})}
    )


def _coreferent(
    mention: Mention, named: dict[str, tuple[int, EventCue]], main_head: str | None = None
) -> Mention:
    """'...organising the summit' after 'Switzerland will host the next summit in Geneva
    in 2027': an unnamed, unqualified event phrase is the last event of that kind the
    document told with a value, a few sentences back, qualification included (next,
    its place, its year).

    The parse-time half (`_named_before`) carries only a *name* over, from any earlier
    sentence; this half sees the events told with values across the document and carries
    the whole qualification, which is what tells "the summit" of a next edition apart."""
    cue = mention.context.event
    if cue is None:
        return mention
    at = mention.evidence.start
    if (cue.names and not _names_carried(cue)) or cue.place or cue.year:
        named[cue.head] = (at, cue)
        return mention
    if "prelude" in cue.modifiers and cue.head != main_head:
        # "COP30 ... will be preceded by a summit of heads of state on 6-7 November":
        # a later "the summit" is that one, unless the main event is itself a summit.
        named[cue.head] = (at, cue)
        return mention
    earlier = named.get(cue.head)
    if cue.names and (earlier is None or set(earlier[1].modifiers) == set(cue.modifiers)):
        # "the summit" named by the parse-time half after an event told with no other
        # qualification: nothing more to carry.
        named[cue.head] = (at, cue)
        return mention
    # A prelude of another kind than the main event is the document's only event of its
    # kind: "the summit" points to it however far on.
    far = earlier is not None and "prelude" not in earlier[1].modifiers
    if earlier is None or cue.modifiers or (far and at - earlier[0] > COREFERENCE_CHARS):
        if cue.names:
            named[cue.head] = (at, cue)
        return mention
    antecedent = earlier[1]
    told = set(antecedent.modifiers)
    if (told & NEXT_WORDS and cue.tense == "past") or (
        told & PRIOR_WORDS and cue.tense == "future"
    ):
        # "...will go to next year's summit in the US, though the US boycotted the summit
        # South Africa has just hosted": an edition told in the past is not the next one.
        if cue.names:
            named[cue.head] = (at, cue)
        return mention
    resolved = cue.model_copy(
        update={
            "names": antecedent.names,
            "place": antecedent.place,
            "year": antecedent.year,
            "modifiers": antecedent.modifiers,
        }
    )
    context = mention.context.model_copy(update={"event": resolved})
    return mention.model_copy(update={"context": context})


def _names_carried(cue: EventCue) -> bool:
    """'the summit', whose name words the parse-time half carried over from an earlier
    sentence: a phrase with no word of a name of its own (no capital after its first word,
    no digit)."""
    words = cue.text.split()[1:]
    return bool(cue.names) and all(w.islower() or not w[:1].isalnum() for w in words)


def _with_year(value: DateValue, year: int) -> DateValue | None:
    """The same days in `year`: a year-less date re-anchored on the main event's year
    (read against `UNDATED_ANCHOR`, a range across a new year keeps its shape)."""
    shift = year - UNDATED_ANCHOR.year
    if shift == 0:
        return value
    end_year = value.end.year + shift
    if value.precision != "day":
        # "in February": the whole month of the new year (UNDATED_ANCHOR's year is a
        # leap year, most are not).
        end = value.end.replace(
            year=end_year, day=calendar.monthrange(end_year, value.end.month)[1]
        )
    else:
        try:
            end = value.end.replace(year=end_year)
        except ValueError:  # 29 February in a year that has none: no such day
            return None
    try:
        start = value.start.replace(year=value.start.year + shift)
    except ValueError:
        return None
    return value.model_copy(update={"start": start, "end": end})
