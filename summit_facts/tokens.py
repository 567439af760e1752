"""Small helpers on spaCy tokens, shared by extraction and the events stage.

Typed against spaCy's Token but never import spaCy at run time: callers hold the parse.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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


_ENTS_KEY = "facts_ents"


def _doc_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The document's entities sorted by start, with the starts beside them for a binary
    search. `doc.ents` (and `span.ents`, which walks it) rebuilds every entity span on
    each access, so the list is built once per document, after the pipeline has run."""
    found = doc.user_data.get(_ENTS_KEY)
    if found is None:
        ents = tuple(doc.ents)
        found = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    return found  # type: ignore[no-any-return]


def entities_in(span: Span) -> list[Span]:
    """Entities wholly within `span` (what `span.ents` gives), in order."""
    ents, starts = _doc_ents(span.doc)
    lo = bisect_left(starts, span.start)
    hi = bisect_left(starts, span.end, lo)
    return [e for e in ents[lo:hi] if e.end <= span.end]


def entity_at(token: Token) -> Span | None:
    """The entity a token is part of, or None."""
    if not token.ent_type_:
        return None
    ents, starts = _doc_ents(token.doc)
    at = bisect_right(starts, token.i) - 1
    if at >= 0 and token.i < ents[at].end:
        return ents[at]
    return None
