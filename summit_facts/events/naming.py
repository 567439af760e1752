"""Telling events apart by name and place: key words, shared names, markers of
other editions, same city, same series.

Takes EventCues, words, city names and MainEvents; returns key words, series and
yes/no answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from summit_facts import names
from summit_facts.events.words import (
    _YEAR,
    GENERIC_HEADS,
    GENERIC_NAME_WORDS,
    NEXT_WORDS,
    OTHER_HEADS,
    PART_HEADS,
    PRIOR_WORDS,
    series_of,
)
from summit_facts.models import EventCue, MainEvent, Mention


def _key_words(cue: EventCue) -> list[str]:
    """Name words that tell one event from another: not 'summit', not a city, not a year."""
    return [w for w in cue.names if _key_word(w)]


@lru_cache(maxsize=4096)
def _key_word(word: str) -> bool:
    return (
        word not in GENERIC_NAME_WORDS | GENERIC_HEADS
        and not _YEAR.match(word)
        and not names.is_city(word)
        and not names.is_country(word)
    )


def _shares_name(words: set[str], key: set[str]) -> bool:
    """Whether a cue's name words and the main event's key share a word, a series word
    counting for any of its numbered editions ('COP' and 'COP30')."""
    return bool(words & key or words & series_of(key) or key & series_of(words))


def _marked(cue: EventCue) -> bool:
    """The cue itself says it is another edition or another kind of meeting."""
    mods = set(cue.modifiers)
    return (
        bool(
            mods
            & (
                PRIOR_WORDS
                | NEXT_WORDS
                | {"plural", "bilateral", "prelude", "another", "elsewhere"}
            )
        )
        or cue.head in PART_HEADS | OTHER_HEADS
    )


def _told_to_come(cue: EventCue) -> bool:
    """'When X receives the Group of 20 at his resort next year', 'a summit in six
    months': an event told by a time a year or months on names no event reported on."""
    return cue.tense != "past" and (
        cue.next_year or (cue.after_months is not None and cue.after_months >= 2)
    )


def same_place(a: str, b: str) -> bool:
    """'Belém' and 'Belem', 'New Delhi' and 'Delhi': one place (whole words of one
    name within the other)."""
    x, y = (f" {names.fold(names.canonical_name(n))} " for n in (a, b))
    return x in y or y in x or names.spelt_alike(a, b)


def _own_series(mentions: Sequence[Mention], main: MainEvent) -> list[str]:
    """The name words a document gives its events when none of them is the main event's
    series ("the G7 Summit" in a report filed in a folder about an AI summit): its own
    series. [] when it names the main event's series, or no event by name."""
    named: Counter[str] = Counter()
    for m in mentions:
        cue = m.context.event
        words = set(_key_words(cue)) if cue is not None else set()
        if not words:
            continue
        if _shares_name(words, set(main.key)):
            return []
        named.update(sorted(words))  # sorted: ties go the same way in every run
    return [named.most_common(1)[0][0]] if named else []


def other_series(own: MainEvent | None, main: MainEvent | None) -> bool:
    """Whether a document's own event is of another series than the main event."""
    if own is None or main is None or not own.key or not main.key:
        return False
    ours, theirs = set(main.key), set(own.key)
    return not (_shares_name(theirs, ours) or series_of(theirs) & series_of(ours))
