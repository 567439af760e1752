"""Small helpers on spaCy tokens, shared by extraction and the events stage.

Typed against spaCy's Token but never import spaCy at run time: callers hold the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


# Verbs kept whole with their "co-" (nlp.py): the lemmatiser's suffix rules misread them
# ("co-hosted" -> "co-hoste"), so their lemma is their verb.
CO_VERBS = (
    "host",
    "chair",
    "organise",
    "organize",
    "sponsor",
    "convene",
    "lead",
    "sign",
    "facilitate",
)


# Common nouns a venue's proper name is told with: "the luxury Burgenstock resort",
# "the hotel resort of Borgo X". Not part of the venue's name.
VENUE_NOUNS = frozenset({"resort", "hotel", "complex", "estate"})


# Words of a person's office or title: "President", "Secretary-General", "envoy".
TITLE_WORDS = {
    "president", "prime", "minister", "chancellor", "premier", "king", "queen", "ceo",
    "secretary", "commissioner", "vice", "chair", "chairman", "chairwoman", "director",
    "governor", "mayor", "leader", "head", "emir", "sheikh", "prince", "envoy", "ambassador",
    "spokesperson", "senator", "representative", "founder", "chief",
}  # fmt: skip


def lemma(token: Token) -> str:
    """Lower-cased lemma; proper nouns keep their text (the tagger does not lemmatise them)."""
    low = token.lower_
    if low.startswith("co-"):
        for verb in CO_VERBS:
            if low[3:].startswith(verb.rstrip("e")):
                return f"co-{verb}"
    if token.pos_ == "PROPN":
        return low
    found = (token.lemma_ or token.text).lower()
    if token.pos_ in ("VERB", "AUX"):
        return VERB_LEMMA_FIXES.get(found, found)
    return found


# Verb lemmas the lemmatizer gets wrong: "is staging", "staged" -> "stag".
VERB_LEMMA_FIXES = {"stag": "stage"}


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (99 when not connected)."""
    up = {a.i: 0}
    for n, anc in enumerate(a.ancestors, 1):
        up[anc.i] = n
    if b.i in up:
        return up[b.i]
    for n, anc in enumerate(b.ancestors, 1):
        if anc.i in up:
            return n + up[anc.i]
    return 99


def sets_right(before: Sequence[str]) -> bool:
    """Whether the lower-cased words before a value set it right: 'a EUR 40 billion
    pledge, not the EUR 50 billion some outlets reported' (', not the', ', not')."""
    words = list(before)
    if words and words[-1] in ("the", "a", "an"):
        words.pop()
    return len(words) >= 2 and words[-1] == "not" and words[-2] in (",", "—", "–", "-")
