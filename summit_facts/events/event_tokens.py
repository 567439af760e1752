"""Which tokens name an event: "the summit", "COP30", not "the convention" signed
as a text.

Takes a Token; returns whether it names an event (cached per Doc).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_facts.events.words import (
    EVENT_HEADS,
    OTHER_HEADS,
    PART_HEADS,
    SERIES_NAME,
    TIME_DEIXIS,
    event_lemma,
    group_series,
    roman_edition,
)
from summit_facts.tokens import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_IS_EVENT_KEY = "facts_is_event_token"


def is_event_token(token: Token) -> bool:
    """An event noun ('summit', 'dinner'), a series name ('G20', 'COP30') or the head of
    an EVENT entity. Worked out once per token (every value's cue asks)."""
    cache = token.doc.user_data.setdefault(_IS_EVENT_KEY, {})
    found = cache.get(token.i)
    if found is None:
        found = cache[token.i] = _is_event_token(token)
    return bool(found)


def _is_event_token(token: Token) -> bool:
    low = token.lower_
    lem = lemma(token)
    if lem in ("day", "week", "weekend", "night"):
        # "the second day", "Science Days", "AI Action Week" are parts of the programme;
        # "this week", "over five days" are times.
        return (
            any(
                (c.dep_ in ("compound", "amod") and c.lower_ not in TIME_DEIXIS)
                or (c.dep_ == "nummod" and not c.like_num)
                for c in token.lefts
            )
            or token.pos_ == "PROPN"
            # "the last day of the summit": a day of an event named after it
            or (
                lem == "day"
                and any(c.lower_ in ("last", "final", "first") for c in token.lefts)
                and any(
                    c.dep_ == "prep"
                    and c.lower_ == "of"
                    and any(lemma(o) in EVENT_HEADS for o in c.children)
                    for c in token.rights
                )
            )
        )
    kinds = EVENT_HEADS | PART_HEADS | OTHER_HEADS
    if roman_edition(token) is not None:
        return True  # "ACS II (September 8-10, 2025)": the series' second edition
    if low == "one":
        return event_lemma(token) != "one"  # "a second one held in Seoul"
    if lem == "convention" and _conventions_are_texts(token.doc):
        return False
    if lem == "opening" and any(
        c.dep_ == "prep" and any(lemma(o) == "signature" for o in c.children)
        for c in token.children
    ):
        return False  # "the opening for signature": the signing itself, not a part of it
    if (
        lem in TALK_NOUNS
        and not any(c.dep_ == "compound" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ in ("on", "about", "over") for c in token.children)
    ):
        # "the continuing debate on what AI means": talk about a subject, not a session
        # ("a panel discussion on AI" is one).
        return False
    if token.pos_ in ("NOUN", "PROPN") and event_lemma(token) in kinds:
        # "the Call to Action": an outcome text, not a phone call
        nxt = token.doc[token.i + 1 : token.i + 3]
        return not (low == "call" and [t.lower_ for t in nxt] == ["to", "action"])
    if group_series(token) is not None:
        return True  # "receives the Group of 20 at his resort"
    if SERIES_NAME.match(low):
        # "the G20 summit" is an event; "the G20 presidency", "G20 members" are not.
        head = token.head
        modifies = head.i > token.i and head.pos_ in ("NOUN", "PROPN")
        return not (modifies and event_lemma(head) not in EVENT_HEADS | PART_HEADS)
    return token.ent_type_ == "EVENT" and token.ent_iob_ != "" and token.dep_ != "compound"


# What is done to a text ("signed the convention", "the draft of the convention"), never
# to a gathering.
TEXT_VERBS = {
    "sign", "adopt", "ratify", "draft", "complete", "negotiate", "endorse", "approve",
    "implement", "accede", "join", "amend", "open",
}  # fmt: skip
TEXT_NOUNS = {
    "draft", "text", "signature", "signatory", "party", "ratification", "article", "drafting",
    "provision", "adoption",
}  # fmt: skip


def _conventions_are_texts(doc: Doc) -> bool:
    """Whether a document's 'convention' is a treaty: once one of its conventions is
    signed, adopted or drafted, 'the AI Convention' elsewhere in it is that text too."""
    cached = doc.user_data.get(_CONVENTION_KEY)
    if cached is None:
        cached = doc.user_data[_CONVENTION_KEY] = any(
            lemma(t) == "convention" and _a_text(t) for t in doc
        )
    return bool(cached)


_CONVENTION_KEY = "facts_conventions_are_texts"
TALK_NOUNS = {"debate", "discussion", "negotiation"}


def _a_text(token: Token) -> bool:
    """'the AI convention, adopted in May', 'signed the framework convention': a
    convention that is signed, adopted or drafted is a treaty, not a gathering."""
    if any(lemma(c) == "framework" for c in token.lefts):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "to"):
        head = head.head
        return lemma(head) in TEXT_NOUNS | TEXT_VERBS
    if token.dep_ in ("dobj", "nsubjpass") and lemma(head) in TEXT_VERBS:
        return True
    return any(c.dep_ in ("acl", "relcl") and lemma(c) in TEXT_VERBS for c in token.children)
