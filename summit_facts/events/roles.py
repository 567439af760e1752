"""Filing time: the role of one event cue or mention relative to the main event.

Takes an EventCue or Mention and the `MainEvent`; returns an `EventRole`
(`main`, `part`, `previous`, `next` or `other`) and the years an edition is told in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summit_facts import names
from summit_facts.events.naming import _key_words, _marked, _shares_name, same_place
from summit_facts.events.words import (
    _YEAR,
    EDITION,
    EVENT_HEADS,
    HAS_YEAR,
    HOLDING_VERBS,
    NEXT_WORDS,
    ORDINALS,
    OTHER_HEADS,
    OWN_DAY_WORDS,
    PART_HEADS,
    PEER_HEADS,
    PRIOR_WORDS,
    own_day,
)
from summit_facts.models import (
    DateValue,
    EntitiesValue,
    EventCue,
    EventRole,
    MainEvent,
    Mention,
    TextValue,
)


def role_of(
    cue: EventCue | None, main: MainEvent | None, sentence: Iterable[str] = ()
) -> EventRole:
    """The role of the event a cue names, for the corpus's main event.

    No cue: the article's own event (`main`). Marked 'previous' / 'last year's' /
    an earlier year or edition or another city of the same series: `previous`; 'next'
    / a later year / told in the future about another place: `next`; a dinner, a
    session, a day of the programme: `part`; a bilateral meeting or a differently
    named event: `other`.
    """
    lemmas = set(sentence)
    if cue is None:
        return "main"
    mods = set(cue.modifiers)
    if own_day(cue.head, mods):
        # "the last day of the summit": "last" orders the event's days, not its editions.
        mods -= OWN_DAY_WORDS
    key = set(main.key) if main else set()
    words = _initials_as_name(set(_key_words(cue)), main) | _expanded(_key_words(cue), key)
    same_series = (not words or not key or _shares_name(words, key)) and not _other_kind(cue, main)
    if "elsewhere" in mods:
        return _met_where(cue, main)
    if mods & NEXT_WORDS:
        return "next"
    if mods & PRIOR_WORDS:
        return "previous"
    edition = _edition(words, key)
    if edition is not None:
        return edition
    if main is not None and main.year and cue.year and cue.year != main.year:
        if not same_series:
            return "other"
        return "previous" if cue.year < main.year else "next"
    if cue.head in OTHER_HEADS or "bilateral" in mods or "bilateral" in lemmas:
        return "other"
    if "another" in mods and cue.tense != "present":
        # "Two more have been held since then": other editions of the kind named before.
        return "previous" if cue.tense == "past" else "next"
    # "The meetings were attended by ...": the sittings of the event, not its editions.
    if "plural" in mods and cue.head not in PART_HEADS | {"meeting", "event"}:
        # Several events of the kind: earlier editions when told in the past.
        return "previous" if cue.tense == "past" else "other"
    if main is not None and main.others and words & set(main.others):
        # "the AI Safety Summit" in a folder whose main event is another AI summit: the
        # name words of the edition held elsewhere.
        if not same_series:
            return "other"
        if cue.year and main.year and cue.year != main.year:
            return "previous" if cue.year < main.year else "next"
        return "next" if cue.tense == "future" else "previous"
    # "the Kigali summit" carried over by name: a city among the name words is its place
    place = cue.place or next((w for w in cue.names if names.is_city(w)), None)
    other_place = (
        main is not None
        and main.city is not None
        and place is not None
        and names.is_city(place)
        and not same_place(place, main.city)
    )
    if not other_place and not (place and names.is_city(place)) and main and main.city:
        # "the Global AI Summit on Africa" in a folder about a summit in New Delhi: a
        # country or continent that does not hold the main event's city.
        regions = [m for m in [*mods, place or ""] if names.is_region(m)]
        other_place = bool(regions) and all(
            names.region_holds(r, main.city) is False for r in regions
        )
    if other_place:
        if not same_series:
            return "other"
        return "next" if cue.tense == "future" else "previous"
    if "side" in mods:
        return "part"  # "a side event", "the Forum, staged as a prelude to the conference"
    if words and key and not _shares_name(words, key):
        return "other"  # another event, or a session of another event
    main_head = _head_of(main)
    if (
        main_head
        and cue.head in EVENT_HEADS
        and cue.head != main_head
        # "summit" and "conference" name one event in turn: only a lesser kind of
        # meeting with name words of its own is another one.
        and {cue.head, main_head} - PEER_HEADS
        # (the topic its title names is no name of another meeting: "the High-level
        # Meeting on the Responsible Military Use of AI" is the REAIM summit)
        and words - key - EVENT_HEADS - set(cue.topic)
        and cue.link != "sentence"
    ):
        # "the second official GC REAIM Regional Meeting" in a folder about the REAIM
        # Summit: a meeting of another kind with name words of its own, not the summit.
        return "other"
    if own_day(cue.head, cue.modifiers):
        # "the last day of the summit", "the closing of the summit": one of the event's
        # own days, not a strand of its programme.
        return "main"
    if cue.head in PART_HEADS or "prelude" in mods:
        return "part"
    return "main"


def _other_kind(cue: EventCue, main: MainEvent | None) -> bool:
    """An event of another kind than any meeting ("the 2028 Games" in a folder about a
    summit): its head is no meeting word and no word of the main event's name."""
    head = cue.head.replace("-", "")
    if main is None or not main.name or head in EVENT_HEADS | PART_HEADS:
        return False
    own = {w.lower().replace("-", "") for w in re.findall(r"[\w-]+", main.name)}
    own |= {w.replace("-", "") for w in main.key}
    if own & {n.replace("-", "") for n in cue.names}:
        return False  # "Trump's G-20 at his golf resort": the series by its name
    return head not in own and head.rstrip("s") not in own


def _initials_as_name(words: set[str], main: MainEvent | None) -> set[str]:
    """'ACS' for the Africa Climate Summit: the main event's initials stand for its name
    words."""
    if main is None or not main.name or not main.key:
        return words
    name = [w for w in re.findall(r"[\w-]+", main.name) if not _YEAR.match(w)]
    initials = {
        "".join(w[0] for w in name).lower(),
        "".join(w[0] for w in name if w[0].isupper()).lower(),
    }
    found = {w for w in words if len(w) >= 2 and w in initials}
    return (words - found) | set(main.key) if found else words


def _expanded(words: Sequence[str], key: set[str]) -> set[str]:
    """'Artificial Intelligence' for the AI of 'the Global AI Summit on Africa': a key word
    that consecutive name words spell with their initials."""
    found = set()
    for acronym in key:
        n = len(acronym)
        if n < 2 or not acronym.isalpha():
            continue
        runs = (words[i : i + n] for i in range(len(words) - n + 1))
        if any("".join(w[0] for w in run) == acronym for run in runs):
            found.add(acronym)
    return found


def _met_where(cue: EventCue, main: MainEvent | None) -> EventRole:
    """People who met at a place: the main event when the place is its city or holds
    it; another meeting when it is another city or region, or when they met outside or
    near a place ('met outside DC')."""
    if main is None or not main.city or not cue.place:
        return "main"
    if same_place(cue.place, main.city) or names.region_holds(cue.place, main.city):
        return "main"
    known = names.is_city(cue.place) or names.is_region(cue.place)
    return "other" if known or {"outside", "near"} & set(cue.modifiers) else "main"


def mention_role(mention: Mention, main: MainEvent | None, *, own_place: bool = True) -> EventRole:
    """The role of what a mention's value is about: its clause's event, then what the
    value itself says (a year or a city of another edition of the series). Another
    edition is never in the main event's own city."""
    role = _mention_role(mention, main, own_place=own_place)
    value = mention.value
    cue = mention.context.event
    # "the first day" orders the event's days, it numbers no edition
    number = _ordinal(cue) if cue is not None and not own_day(cue.head, cue.modifiers) else None
    if role == "next" and number == 1:
        # "Norway will host the summit, the second after the first in Reykjavik": the
        # future tense is the main clause's; a first edition never comes after another.
        role = "previous"
    if (
        role == "main"
        and main is not None
        and main.ordinal
        and number
        and number != main.ordinal
        # "the fourth G20 summit in a row held in the Global South": a count of a kind.
        and "row" not in mention.context.lemmas
        and "this" not in mention.context.lemmas
    ):
        # "South Korea plans to host a second REAIM Summit" in a folder about the first:
        # another edition of the series, told by its number.
        role = "previous" if number < main.ordinal else "next"
    if (
        role == "main"
        and isinstance(value, DateValue)
        and value.precision in ("day", "month")
        and main is not None
        and main.year
        and main.start is not None
        and value.start.year == value.end.year != main.year
        and HAS_YEAR.search(value.surface)
        and cue is not None
        and cue.link != "sentence"
    ):
        # "The second FRAR Summit met in Quito on June 2-4, 2032" in a folder about the
        # 2031 edition: a date written with another year is another edition's.
        role = "previous" if value.start.year < main.year else "next"
    if (
        role in ("previous", "next")
        and isinstance(value, TextValue)
        and mention.context.label == "CITY"
        and main is not None
        and main.city
        and same_place(value.text, main.city)
    ):
        return "main"
    return role


def _mention_role(mention: Mention, main: MainEvent | None, *, own_place: bool) -> EventRole:
    ctx = mention.context
    value = mention.value
    if ctx.dateline:
        # Where and when the report was filed: the event's city only when it is the
        # main event's; a wire's date is the report's date.
        is_main_city = (
            isinstance(value, TextValue)
            and main is not None
            and main.city is not None
            and same_place(value.text, main.city)
        )
        return "main" if is_main_city else "other"
    cue = ctx.event
    if (
        own_place
        and cue is not None
        and cue.link == "inside"
        and cue.place is None
        and isinstance(value, TextValue)
        and ctx.label == "CITY"
    ):
        # "a 3-day meeting in Geneva": the value is the place of the event it is inside.
        cue = cue.model_copy(update={"place": value.text})
    role = role_of(cue, main, ctx.lemmas)
    if (
        role == "other"
        and cue is not None
        and not _marked(cue)
        and isinstance(value, TextValue)
        and ctx.label == "CITY"
        and main is not None
        and main.city
        and same_place(value.text, main.city)
    ):
        return "main"  # "the two-week summit in the Amazon city of Belem": its own city
    if isinstance(value, DateValue) and main is not None and main.year:
        # A date after the main event's year is never an earlier edition's, nor one
        # before it a later edition's.
        if role == "previous" and value.start.year > main.year:
            return "next"
        if role in EDITION_ROLES and value.precision == "year" and value.start.year == main.year:
            # "picked as the Chair of GPAI 2023 at last year's summit": the main event's
            # own year tells no other edition apart.
            return "other"
        if role == "next" and value.end.year < main.year:
            return "previous"
    if (
        role == "next"
        and cue is not None
        and "handover" in cue.modifiers
        and isinstance(value, EntitiesValue)
        and main is not None
        and main.city
        and any(names.city_in(main.city, member) for member in value.members)
    ):
        return "previous"  # "Brazil handed the presidency to South Africa": this one's host
    if role != "main" or cue is None or cue.link == "sentence" or main is None:
        return role
    if (
        isinstance(value, TextValue)
        and ctx.label == "CITY"
        and cue.link == "inside"
        and cue.tense == "future"
        and main.city
        and not same_place(value.text, main.city)
    ):
        # "Turkey proposed holding the talks in Antalya": the place of an edition still
        # to come, not the main event's city, is the next edition's.
        return "next"
    # "The first summit took place at Bletchley Park in 2023": the value, or the year
    # its sentence gives, is what tells the edition apart.
    mods = set(cue.modifiers)
    years = _edition_years(ctx.lemmas)
    if (
        (mods & ORDINALS or ctx.governor in HOLDING_VERBS)
        and main.year
        and years
        and main.year not in years
        and not isinstance(value, DateValue)
        # "India is hosting the summit and will chair the GPAI grouping in 2024": who
        # is hosting an event told in the present hosts this one; the year belongs to
        # another clause.
        and not (cue.tense == "present" and not mods and ctx.governor == "host")
    ):
        return "previous" if max(years) < main.year else "next"
    # "the Netherlands' leadership in launching the REAIM Summit in 2023": the year a
    # series was launched is its first edition's.
    holding = ctx.governor in HOLDING_VERBS | {"launch"} or cue.link in ("inside", "path")
    one_year = isinstance(value, DateValue) and value.start.year == value.end.year
    if isinstance(value, DateValue) and main.year and holding and one_year:
        years = {value.start.year, value.end.year}
        if main.year not in years and (mods & ORDINALS or value.precision == "year"):
            return "previous" if value.end.year < main.year else "next"
    if (
        isinstance(value, DateValue)
        and main.year
        and value.start.year > main.year
        and (mention.modality == "planned" or cue.tense == "future")
    ):
        # "..., and a third is planned for February 4-5, 2026": days still to come in a
        # later year than the main event's are a later edition's, whatever event word
        # the clause leans on.
        return "next"
    if (
        isinstance(value, TextValue)
        and ctx.label == "CITY"
        and main.city
        and not same_place(value.text, main.city)
        and mods & ORDINALS
    ):
        return "previous" if cue.tense != "future" else "next"
    return role


RANGE_WORDS = {"to", "-", "–", "—", "through", "until", "and"}


def _edition_years(lemmas: Sequence[str]) -> set[int]:
    """The years a sentence names, but not the ends of a span ('for the 2026 to 2030
    period', '2026-2030'): a span of years is a period of work, not an edition."""
    years: set[int] = set()
    for i, word in enumerate(lemmas):
        if not _YEAR.match(word):
            continue
        spans_on = (
            i + 2 < len(lemmas) and lemmas[i + 1] in RANGE_WORDS and _YEAR.match(lemmas[i + 2])
        )
        spans_back = i >= 2 and lemmas[i - 1] in RANGE_WORDS and _YEAR.match(lemmas[i - 2])
        # "grew out of a 2021 motion": a year qualifying some other thing told with
        # an article is that thing's, not an edition's ("the 2023 summit" is one).
        qualifies = (
            i >= 1
            and lemmas[i - 1] in ("a", "an")
            and i + 1 < len(lemmas)
            and lemmas[i + 1].isalpha()
            and lemmas[i + 1] not in EVENT_HEADS
        )
        if not (spans_on or spans_back or qualifies):
            years.add(int(word))
    return years


def _edition(words: set[str], key: set[str]) -> EventRole | None:
    """COP29 against a main event COP30: the previous edition; COP31: the next."""
    ours = {m.group(1): int(m.group(2)) for w in key if (m := EDITION.match(w))}
    for word in words:
        match = EDITION.match(word)
        if match and match.group(1) in ours and int(match.group(2)) != ours[match.group(1)]:
            return "previous" if int(match.group(2)) < ours[match.group(1)] else "next"
    return None


def _head_of(main: MainEvent | None) -> str | None:
    """The kind of event the main one is ('summit' for 'India AI Impact Summit 2026'),
    or None when its name is a series name ('COP30', 'G20')."""
    if main is None or not main.name:
        return None
    words = [w.lower() for w in re.findall(r"[\w-]+", main.name)]
    return next((w for w in reversed(words) if w in EVENT_HEADS), None)


EDITION_ROLES = ("previous", "next")
ORDINAL_NUMBERS = {
    "first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8,
}  # fmt: skip


def _ordinal(cue: EventCue) -> int | None:
    """The edition number an event phrase gives ('a second REAIM summit': 2), never that
    of 'this' one."""
    if "this" in cue.modifiers:
        return None
    found = {ORDINAL_NUMBERS[m] for m in cue.modifiers if m in ORDINAL_NUMBERS}
    return found.pop() if len(found) == 1 else None
