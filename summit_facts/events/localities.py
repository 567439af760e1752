"""Filing time: small places the corpus itself tells are places.

A town or resort too small for the gazetteer is a place wherever one document of
the corpus says so by a strong cue (a dateline "X, Country", "held in X", "the
town of X": the parse gives it the CITY label). Elsewhere in the corpus it is the
same place: "the X summit" is told by its place, not by a name word, and "at X"
is the city, not a venue.

Takes Mentions by document; returns the corpus's localities and the Mentions read
with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from summit_facts import names
from summit_facts.models import EntitiesValue, Mention, TextValue

# Where a place is told as the place something is in: "here in X", "at X".
PLACE_PREPS = {"in", "at"}


def corpus_localities(mentions_by_doc: Mapping[str, Sequence[Mention]]) -> dict[str, str]:
    """Folded one-word names of places the gazetteer does not know, which some document
    tells as a city, each with the spelling most documents give it."""
    spellings: dict[str, Counter[str]] = {}
    for mentions in mentions_by_doc.values():
        for m in mentions:
            value = m.value
            if m.context.label != "CITY" or not isinstance(value, TextValue):
                continue
            text = value.text
            if len(text.split()) != 1 or names.is_city(text) or names.is_region(text):
                continue
            spellings.setdefault(names.fold(text), Counter())[text] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def with_localities(mentions: Sequence[Mention], localities: Mapping[str, str]) -> list[Mention]:
    """A document's mentions with the corpus's localities read as places: a locality among
    an event's name words is its place ("the X summit"); a locality told alone as a
    venue, or as a place something is in ("here in X"), is a city."""
    if not localities:
        return list(mentions)
    return [_placed(m, localities) for m in mentions]


def _placed(mention: Mention, localities: Mapping[str, str]) -> Mention:
    ctx = mention.context
    update: dict[str, object] = {}
    cue = ctx.event
    if cue is not None and any(names.fold(w) in localities for w in cue.names):
        found = [localities[names.fold(w)] for w in cue.names if names.fold(w) in localities]
        kept = [w for w in cue.names if names.fold(w) not in localities]
        update["event"] = cue.model_copy(update={"names": kept, "place": cue.place or found[0]})
    value = mention.value
    text = _locality_told(mention, localities)
    if text is not None:
        update["label"] = "CITY"
        if isinstance(value, EntitiesValue):
            mention = mention.model_copy(
                update={"value": TextValue(surface=value.surface, text=text)}
            )
    if not update:
        return mention
    return mention.model_copy(update={"context": ctx.model_copy(update=update)})


def _locality_told(mention: Mention, localities: Mapping[str, str]) -> str | None:
    """The locality a venue or an entity mention is, when it is one alone ('at X', 'here
    in X'); None otherwise."""
    ctx = mention.context
    value = mention.value
    if isinstance(value, TextValue) and ctx.label == "FAC":
        text = value.text
    elif isinstance(value, EntitiesValue) and len(value.members) == 1 and ctx.head in PLACE_PREPS:
        text = value.members[0]
    else:
        return None
    return localities.get(names.fold(names.canonical_name(text)))
