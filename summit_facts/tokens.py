"""Small helpers on spaCy tokens, shared by extraction and the events stage.

Typed against spaCy's Token but never import spaCy at run time: callers hold the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def lemma(token: Token) -> str:
    """Lower-cased lemma; proper nouns keep their text (the tagger does not lemmatise them)."""
    if token.pos_ == "PROPN":
        return token.lower_
    return (token.lemma_ or token.text).lower()


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
