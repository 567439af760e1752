"""Filing time: venues the corpus itself tells are venues.

A resort or hotel that one document names with its common noun ("the luxury X Y
resort", "the hotel resort of X Y") is that venue wherever another document of the
corpus names it alone: "the summit in X Y" then tells where in the region or town the
summit met, not another city. A one-word name some document tells as a town (a
locality, `localities`) stays a town: "the Swiss resort of X" is one.

Takes Mentions by document; returns the corpus's venue names and the Mentions read
with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summit_facts import names
from summit_facts.models import Mention, TextValue
from summit_facts.tokens import VENUE_NOUNS


def corpus_venues(
    mentions_by_doc: Mapping[str, Sequence[Mention]], localities: Mapping[str, str]
) -> set[str]:
    """Folded names of two words or more that some document tells as a venue with a
    venue noun, and no document as a town the gazetteer knows."""
    found: set[str] = set()
    for mentions in mentions_by_doc.values():
        for m in mentions:
            if m.context.label != "FAC" or not isinstance(m.value, TextValue):
                continue
            words = names.fold(m.value.surface or m.value.text).split()
            if not VENUE_NOUNS & set(words) and not _named_with_noun(m):
                continue
            bare = [w for w in words if w not in VENUE_NOUNS]
            name = " ".join(bare)
            if len(bare) < 2 or names.is_city(name) or name in localities:
                continue
            found.add(name)
    return found


def _named_with_noun(mention: Mention) -> bool:
    """'the hotel resort of X Y': the venue noun stands just before the name."""
    before = mention.context.before
    return len(before) >= 2 and before[-1] == "of" and before[-2] in VENUE_NOUNS


def with_venues(mentions: Sequence[Mention], venues: set[str]) -> list[Mention]:
    """A document's mentions with the corpus's venues read as venues: a city mention
    whose name is one of them (or spelt alike: a misspelling) is that venue."""
    if not venues:
        return list(mentions)
    out = []
    for m in mentions:
        value = m.value
        if m.context.label == "CITY" and isinstance(value, TextValue) and _is_venue(value, venues):
            m = m.model_copy(update={"context": m.context.model_copy(update={"label": "FAC"})})
        out.append(m)
    return out


def _is_venue(value: TextValue, venues: set[str]) -> bool:
    name = names.fold(value.text)
    return name in venues or any(names.spelt_alike(name, v) for v in venues)
