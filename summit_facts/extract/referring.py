"""Lists told again by a plural reference: "Germany and Namibia led the talks. The two
countries also jointly chaired the summit." The reference ("the two countries", "both
countries") names the pair of countries listed just before it, so what the later
sentence says of it (who chaired) is said of that pair."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from summit_facts import names
from summit_facts.extract.context import _context, _mention
from summit_facts.models import EntitiesValue, Mention, Source

PAIR_NOUNS = {"countries", "nations"}
# How far back the pair may be named: the sentence before, or the one before that.
SENTENCES_BACK = 2


def _reference(token: Token) -> bool:
    """'the two countries', 'both nations' (not 'two countries', a count)."""
    if token.lower_ not in PAIR_NOUNS:
        return False
    left = [c.lower_ for c in token.lefts]
    return left == ["both"] or left == ["the", "two"]


def _countries(mention: Mention) -> list[str]:
    value = mention.value
    if not isinstance(value, EntitiesValue):
        return []
    return [m for m in value.members if names.is_country(m)]


def _pair_references(doc: Doc, source: Source, lists: Iterable[Mention]) -> Iterator[Mention]:
    """A mention of the pair of countries for each plural reference to them."""
    sents = [s for s in doc.sents if s.text.strip()]
    starts = [s.start_char for s in sents]
    listed = sorted(lists, key=lambda m: m.evidence.value_start)
    for n, sent in enumerate(sents):
        for token in sent:
            if not _reference(token):
                continue
            since = starts[max(0, n - SENTENCES_BACK)]
            # The last two countries named before it ("Germany and Namibia", or each
            # in a clause of its own).
            named = [
                country
                for m in listed
                if since <= m.evidence.value_start < token.idx
                for country in _countries(m)
            ]
            pair = list(dict.fromkeys(reversed(named)))[:2]
            if len(pair) != 2:
                continue
            span = doc[token.left_edge.i : token.i + 1]
            context = _context(span, token)
            context.label = "ENTITIES"
            value = EntitiesValue(surface=span.text, members=sorted(pair), complete=True)
            mention = _mention(source, span, value, context)
            listed.append(mention)  # "the two countries" again, a sentence later
            yield mention
