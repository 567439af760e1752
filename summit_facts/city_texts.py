"""Texts named after the main event's city: "the Nairobi Declaration will prepare the
ground ..." in a corpus about a summit in Nairobi is that summit's own text, even where
no word of its sentence says it was adopted or signed (rules: `city_named`)."""

from __future__ import annotations

from summit_facts import names
from summit_facts.models import MainEvent, Mention, TextValue

# The kinds of text a summit issues under its city's name.
TEXT_WORDS = {"declaration", "communique", "communiqué", "call", "consensus", "agenda"}


def names_main_city(mention: Mention, main: MainEvent | None) -> bool:
    """Whether the mention is a text of the main event told by its city's name: every
    word of the city's name in the value, followed by a kind of text, and the mention
    about the main event."""
    value = mention.value
    if main is None or not main.city or not isinstance(value, TextValue):
        return False
    if mention.event is not None and mention.event.role != "main":
        return False
    ev = mention.evidence
    told = ev.sentence.rstrip()
    if ev.start > 0 and ev.value_end - ev.start >= len(told) and told[-1:] not in '.!?"”)':
        return False  # a body sentence cut off in the stored copy ("... Solutions for Afric")
    words = [names.fold(w) for w in value.text.replace("’", "'").split()]
    city = [names.fold(w) for w in main.city.split()]
    n = len(city)
    at = next((i for i in range(len(words) - n + 1) if words[i : i + n] == city), None)
    return at is not None and bool(set(words[at + n :]) & TEXT_WORDS)
