"""Event vocabulary: the words that name events, parts of events, other meetings,
earlier and later editions, ordinals and series, shared by both halves of events.

Takes words and Tokens; returns an event word's lemma and a token's series group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from summit_facts.tokens import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token


Tense = Literal["past", "present", "future"]

# Nouns that name an event of the kind the tool reports on, and nouns that name a
# part of one or a different kind of meeting. Lemmas, lower case.
EVENT_HEADS = {
    "summit", "conference", "forum", "congress", "symposium", "meeting", "gathering",
    "convention", "expo", "talks", "replenishment", "edition", "cop", "unoc", "g20", "g7",
    "ministerial", "event",
}  # fmt: skip
PART_HEADS = {
    "day", "session", "workshop", "reception", "dinner", "lunch", "breakfast", "banquet",
    "ceremony", "panel", "roundtable", "hackathon", "festival", "weekend", "week",
    "exhibition", "segment", "plenary", "opening", "closing", "programme", "program",
    "track", "pavilion", "showcase", "gala", "discussion", "debate", "negotiation",
}  # fmt: skip
OTHER_HEADS = {
    "visit", "trip", "call", "election", "war", "crisis", "tour", "briefing", "interview",
    "hearing", "rally", "protest",
}  # fmt: skip
# Other things than meetings that the tagger's event nouns take in: a war or a crisis
# is what a meeting is about, never the event a report is on.
NOT_GATHERINGS = {"war", "crisis"}
# Heads that reports use in turn for one event ("the summit", "the conference").
PEER_HEADS = {"summit", "conference"}
# Words that make a meeting another one: two leaders' talks, a bilateral.
OTHER_WORDS = {"bilateral", "two leaders", "state visit", "one-on-one", "tête-à-tête"}
PRIOR_WORDS = {
    "previous", "prior", "earlier", "last", "past", "predecessor", "preceding",
    "former", "original",
}  # fmt: skip
NEXT_WORDS = {"next", "following", "subsequent", "future", "successor", "later", "follow-up"}


# Words that make a day one of the event's own days: "the opening day", "its last day".
OWN_DAY_WORDS = {"first", "last", "final", "second", "third", "opening", "closing",
                 "concluding", "inaugural"}  # fmt: skip


def own_day(head: str, modifiers: Iterable[str]) -> bool:
    """Whether an event phrase is an opening, closing or numbered day of the event
    itself ("the last day of the summit", "the closing of the summit"), not a strand of
    its programme ("the science days") nor another edition ("the previous summit")."""
    mods = set(modifiers)
    if "prelude" in mods or mods & (PRIOR_WORDS - {"last"}) or mods & NEXT_WORDS:
        return False
    if head == "day":
        # "the last day", not "the second science day" (a strand with a name of its own)
        return bool(mods & OWN_DAY_WORDS) and mods <= OWN_DAY_WORDS | {"full", "official"}
    return head in ("opening", "closing")


# "last weekend's summit", "next week's meeting": a date, not another edition. (A year is
# one: "last year's summit" is the previous edition.)
TIME_UNITS = {
    "week", "weekend", "month", "day", "night", "morning", "evening", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# "first" and "second" mark an earlier edition only with another edition's place or
# year: "the first AI summit in the Global South" is this one.
ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "inaugural",
}  # fmt: skip
# "ACS II", "the Africa Climate Summit II": an edition told by a Roman numeral after the
# series' name ("I" alone is too often the pronoun to count).
ROMAN_EDITIONS = {
    "II": "second", "III": "third", "IV": "fourth", "V": "fifth", "VI": "sixth",
    "VII": "seventh", "VIII": "eighth",
}  # fmt: skip
SERIES_NAME = re.compile(r"^(?:g-?\d{1,2}|cop-?\d{1,2}|unoc\d?|brics|asean|apec|nato|chogm)$")
GENERIC_NAME_WORDS = {
    "the", "a", "an", "of", "on", "for", "and", "in", "at", "&", "annual", "global",
    "international", "world", "leaders", "leader", "high-level", "level", "high", "'s", "’s",
    "this", "that", "year", "'", "-",
}  # fmt: skip
# Event nouns that name no particular event ("the summit"); series names (G20, COP30)
# do.
GENERIC_HEADS = (EVENT_HEADS | PART_HEADS) - {"g20", "g7", "cop", "unoc"}
# A numbered edition: COP30 follows COP29, UNOC3 UNOC2. (One letter and a number, G7
# and G20, name two groups, not two editions.)
EDITION = re.compile(r"^([a-z]{2,})(\d{1,3})$")
# A series word and a number, whatever its length: "cop30", "cop-30", "g20". Its word
# names the series ("COP" of "COP30").
NUMBERED = re.compile(r"^([a-z]+)-?(\d{1,3})$")


def series_of(words: Iterable[str]) -> set[str]:
    """The series words of the numbered names among `words` ('cop30' -> 'cop')."""
    return {m.group(1) for w in words if (m := NUMBERED.match(w)) is not None}


_YEAR = re.compile(r"^(19|20)\d\d$")
HAS_YEAR = re.compile(r"\b(19|20)\d\d\b")


def roman_edition(token: Token) -> str | None:
    """The ordinal of a Roman numeral numbering an event named just before it ("ACS II":
    'second'), or None. The name before it is an acronym or an event noun."""
    ordinal = ROMAN_EDITIONS.get(token.text)
    if ordinal is None or token.i == 0:
        return None
    before = token.nbor(-1)
    acronym = before.is_upper and before.is_alpha and len(before) >= 2
    return ordinal if acronym or lemma(before) in EVENT_HEADS else None


def event_lemma(token: Token) -> str:
    """The lemma of an event noun: 'talks' stays 'talks' (the climate talks are one
    event, not several talks), others as `lemma`."""
    low = token.lower_
    if low == "one":
        antecedent = _one_stands_for(token)
        return event_lemma(antecedent) if antecedent is not None else "one"
    return low if low == "talks" and token.pos_ == "NOUN" else lemma(token)


def _one_stands_for(token: Token) -> Token | None:
    """'the first summit at X and a second one held in Y': 'one' told with an edition
    number stands for the event noun before it in the sentence (an anaphoric 'one')."""
    if not any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in token.lefts):
        return None
    for prior in reversed(token.doc[token.sent.start : token.i]):
        if prior.pos_ in ("NOUN", "PROPN") and lemma(prior) in EVENT_HEADS:
            return prior
    return None


GROUP_NUMBERS = {"seven": 7, "eight": 8, "twenty": 20}


def group_series(token: Token) -> str | None:
    """'the Group of 20', 'the Group of Seven': the series G20, G7, as its numbered name."""
    if token.lower_ != "group" or token.pos_ != "PROPN":
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for number in prep.children:
                low = number.lower_
                count = int(low) if low.isdigit() else GROUP_NUMBERS.get(low)
                if number.dep_ == "pobj" and count is not None and count < 100:
                    return f"g{count}"
    return None


# "next week", "last day", "this weekend": times, not parts of the programme.
TIME_DEIXIS = {"next", "last", "this", "past", "coming", "previous", "following", "same", "whole"}


# Verbs that tell when and where an edition was held: "the first summit took place in
# 2023" dates that edition, "for its work from 2026 to 2030" does not.
HOLDING_VERBS = {
    "hold", "take", "convene", "meet", "host", "stage", "organise", "organize", "run",
    "happen", "be", "gather", "open", "close", "follow", "come",
}  # fmt: skip


# How far back (in characters) "the conference" may point to a named conference.
COREFERENCE_CHARS = 800
