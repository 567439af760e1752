"""Governments told by their seat: "the White House declined to sign", "Washington said it
would not join", "the Trump administration said ...". The seat, the capital or the
administration acts for its country, so a list of signers or non-signers names the
country (DESIGN.md "Values": entities are canonical names of what signs).

Takes a token of a parsed sentence; gives the country it stands for, or None where the
name is a place ("the summit in Washington", "a dinner at the White House").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from summit_facts import names
from summit_facts.extract.common import _ent_at, _in_dateline
from summit_facts.tokens import lemma

# What a government does with a text, and says about it. A capital stands for its
# government only as the one that does it: "Paris will host the summit" is a place.
GOVERNMENT_VERBS = {"sign", "endorse", "adopt", "ratify", "join", "back", "support",
                    "decline", "refuse", "reject", "boycott", "abstain", "say", "announce",
                    "confirm", "oppose", "withhold", "opt", "choose", "agree", "commit",
                    "pledge", "issue", "stay", "object", "withdraw", "balk", "snub"}  # fmt: skip
# Where a seat is a place, not an actor: "the White House hosted a dinner".
PLACE_VERBS = {"host", "hold", "stage", "welcome", "visit", "be", "become", "convene"}
# "the Trump administration": a president's name before it tells the United States'.
ADMINISTRATION = "administration"
PRESIDENTIAL = "United States"


def government_of(token: Token) -> str | None:
    """The country `token` (the head of a name) stands for when it acts as its government:
    the subject or agent of a verb."""
    verb = _acting_verb(token)
    if verb is None:
        return None
    verb_lemma = lemma(verb)
    if token.lower_ == ADMINISTRATION and token.pos_ == "NOUN":
        return _administration(token)
    ent = _ent_at(token)
    if _in_dateline(ent if ent is not None else token.doc[token.i : token.i + 1]):
        return None  # "SEOUL – A framework ... was adopted": where the report was filed
    text = ent.text if ent is not None else token.text
    seat = names.seat_of(text)
    if seat is not None:
        return seat if verb_lemma not in PLACE_VERBS else None
    if text.isupper() or _dash_after(ent if ent is not None else token):
        return None  # "SEOUL – A framework was adopted": a dateline far down, not an actor
    if verb_lemma in GOVERNMENT_VERBS and names.is_city(text):
        return names.capital_of(text)
    return None


def _dash_after(name: Token | Span) -> bool:
    doc = name.doc
    end = name.i + 1 if isinstance(name, Token) else name.end
    return end < len(doc) and doc[end].text in ("-", "–", "—")


def _acting_verb(token: Token) -> Token | None:
    """The verb `token` is the subject or the agent ("by") of; a list's later names act
    with its first."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head
    return None


def _administration(token: Token) -> str | None:
    """'the Biden administration' -> United States; 'the US administration', 'the
    Kenyan administration' -> that country."""
    for child in token.lefts:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        ent = _ent_at(child)
        text = ent.text if ent is not None else child.text
        if names.is_country(text):
            return names.canonical_name(text)
        country = names.country_of(child.text)
        if country is not None and names.is_country(country):
            return country
        if child.ent_type_ == "PERSON":
            return PRESIDENTIAL
    return None
