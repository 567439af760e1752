"""Word lists and per-document indexes shared by the extraction stages.

Takes spaCy Docs, Spans and Tokens; returns the entities within a span, the tokens
inside value spans, the entity a token is part of, a sentence's lemmas, and whether a
span sits in a dateline. Indexes are built once per Doc and kept in `doc.user_data`.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from summit_facts.nlp import value_spans
from summit_facts.tokens import entities_in, entity_at, lemma

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
ENTITY_LABELS = {"GPE", "ORG", "PERSON", "LOC"}
NAME_LABELS = {"ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "LAW"}
PARTIAL_MARKERS = {"include", "including", "such", "among", "like", "notably", "e.g."}

HEDGE_LEMMAS = {
    "estimate", "project", "projection", "forecast", "suggest", "reportedly", "allegedly",
    "likely", "predict", "anticipate", "expect", "may", "might", "could", "possibly",
    "perhaps", "rumour", "rumor", "potentially", "approximately", "should", "consider",
}  # fmt: skip
MODAL_LEMMAS = {"may", "might", "could", "will", "shall", "would", "can", "must", "should"}
PLAN_LEMMAS = {"schedule", "plan", "will", "shall", "upcoming", "forthcoming", "slate", "due"}
NEGATION_LEMMAS = {"absence", "refuse", "decline", "fail", "reject", "without", "boycott",
                   "exception", "except", "excluding",
                   "abstain", "withhold", "not", "never", "n't", "no",
                   # "Russia ... is notably missing": told absent from the signers
                   "missing", "absent"}  # fmt: skip

MONEY_NOUNS = {"investment", "funding", "fund", "commitment", "pledge", "grant", "budget",
               "financing", "money", "capital", "sum", "amount"}  # fmt: skip
GROUP_HEADS = {"foundation", "initiative", "program", "programme", "project", "coalition",
               "fund", "platform", "alliance", "partnership", "consortium", "network",
               "scheme", "facility", "organisation", "organization", "body", "group"}  # fmt: skip
DESTINATION_HEADS = {"fund", "facility", "programme", "program", "mechanism", "initiative"}
EVENT_WORDS = {"summit", "conference", "forum", "congress", "symposium", "meeting", "expo"}
PURPOSE_VERBS = {"dedicate", "dedicated", "earmark", "devote", "reserve", "ringfence",
                 "fund", "finance", "build", "establish"}  # fmt: skip
# Kinds of money whose adjectives say what the money is: "private investment".
DESCRIBED_MONEY = {"investment", "funding", "financing", "capital", "spending"}
EMPTY_ADJECTIVES = {"new", "initial", "additional", "total", "further", "fresh", "various",
                    "more", "big", "bold", "impressive", "robust", "major", "massive", "huge",
                    "significant", "substantial", "record", "overall", "combined", "own",
                    "annual", "global", "first", "several"}  # fmt: skip
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
PAYER_NOUNS = {"government", "ministry", "treasury", "administration"}
LEAD_CHARS = 400
BEFORE_WINDOW = 3

_QUOTED = re.compile(r"[“\"']([A-Z][^”\"']{8,160})[”\"']")

# The extraction modules' names for the cached entity look-ups (tokens.py).
_ents = entities_in
_ent_at = entity_at

_TEXT_KEY = "facts_doc_text"


def doc_text(doc: Doc) -> str:
    """The document's text, built once (`doc.text` joins every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text  # type: ignore[no-any-return]


_VALUE_TOKENS_KEY = "facts_value_tokens"


def _value_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside value spans, built once per doc."""
    found = doc.user_data.get(_VALUE_TOKENS_KEY)
    if found is None:
        found = frozenset(i for span in value_spans(doc) for i in range(span.start, span.end))
        doc.user_data[_VALUE_TOKENS_KEY] = found
    return found  # type: ignore[no-any-return]


# A wire dateline, "NAIROBI, March 3 (Reuters) -", "DUBAI, Dec 13 -", "New Delhi [India],
# March 2 (ANI):": a place and the
# filing day opening a line near the top. Where and when the report was filed, not a
# claim about the event. A range there ("Paris, France, 10-11 February, 2025 —") is the
# event's own dates.
_DATELINE = re.compile(
    r"(?m)^[ \t\[]*(?:[A-Z][A-Za-z.'’/-]+(?:[ ][A-Z][A-Za-z.'’/-]+){0,3}"
    r"(?:[ ]\[[A-Z][A-Za-z ]+)?\]?,[ ]?){1,2}"
    r"(?P<date>[^\n()–—]{0,30}?)[ ]?(?P<agency>\([A-Za-z .-]+\))?[ ]?[-–—:]"
)
# Without a digit the date is a place or a day's name ("NICE, France -", "PARIS, Tuesday -"):
# capitalised words, not "The US, however - home to ..." nor "Li Junhua, the UN's Under-".
_NAMED_DATE = re.compile(r"[ ]*(?:[A-Z][\w.'’]*[ ]*)+")
# "NEW DELHI/JOHANNESBURG —", "NICE (FRANCE) —": a capitalised place line without a date.
_CAPS_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'’/-]{2,40}(?:\([A-Za-z .-]+\))?[ ]?[-–—:][ ]")
_RANGE = re.compile(r"\d\s*[-–]\s*\d|\bto\b|\band\b|\bfrom\b")
_DATELINE_KEY = "facts_datelines"


def _in_dateline(span: Span) -> bool:
    doc = span.doc
    found = doc.user_data.get(_DATELINE_KEY)
    if found is None:
        # The lead only: `doc.text` builds the whole text on every access.
        lead = doc[: LEAD_CHARS * 2].text[: LEAD_CHARS * 2]
        found = doc.user_data[_DATELINE_KEY] = [
            (m.start(), m.end())
            for m in _DATELINE.finditer(lead)
            if m.group("agency") or _told_date(m.group("date"), lead[m.end() : m.end() + 1])
        ] + [(m.start(), m.end()) for m in _CAPS_DATELINE.finditer(lead)]
    return any(start <= span.start_char and span.end_char <= end for start, end in found)


def _told_date(date: str | None, after: str) -> bool:
    """Whether a dateline's date part tells a filing day or place (not a range, which is the
    event's own dates). Without a digit, a hyphen inside a word ends no dateline ("Li
    Junhua, Secretary-General of ...")."""
    if not date or _RANGE.search(date):
        return False
    if re.search(r"\d", date):
        return True
    return _NAMED_DATE.fullmatch(date) is not None and not after.isalnum()


_SENT_CACHE_KEY = "facts_sentence_cache"


def _sentence_cache(sent: Span) -> dict[str, Any]:
    """What every value of a sentence asks of it, worked out once per sentence."""
    return sent.doc.user_data.setdefault(_SENT_CACHE_KEY, {}).setdefault(sent.start, {})  # type: ignore[no-any-return]


def _sentence_lemmas(sent: Span) -> tuple[str, ...]:
    cache = _sentence_cache(sent)
    if "lemmas" not in cache:
        cache["lemmas"] = tuple(lemma(t) for t in sent)
    return cache["lemmas"]  # type: ignore[no-any-return]
