"""Events: which event each value is about (DESIGN.md, "Events: what each value is about").

Articles about one event also tell of others: the previous and the next edition,
a summit in another city, a bilateral meeting, a dinner, a side event. A value
belongs to the event its clause is about, not to whichever event word is nearest.

Two halves:

- At parse time (`event_cue`, needs a spaCy parse): the event phrase a value's
  clause is about, kept on the mention's context as an `EventCue`.
- At filing time (`find_main_event`, `assign_roles`, pure Python on stored
  mentions): the corpus's main event (the one most documents are about, with its
  name, city, year and dates), then each mention's role: `main`, `part`,
  `previous`, `next` or `other`. Year-less dates in undated sources take the main
  event's year here.

`resolve()` runs the filing-time half. The modules, lowest first: `words` (event
vocabulary), `event_tokens` (which tokens name an event), `phrases` (one event
phrase read as an EventCue), `cues` (`event_cue`), `naming` (telling events apart
by name and place), `main_event` (`find_main_event`), `roles` (`role_of`,
`mention_role`), `assign` (`assign_roles`), `venues` (resorts told as such in one
report) and `editions` (previous and next
editions by city and year).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summit_facts.events.assign import assign_roles
from summit_facts.events.cues import event_cue
from summit_facts.events.editions import (
    _editions_by_city,
    _editions_by_year,
    _main_ordinal,
    _own_event,
)
from summit_facts.events.event_tokens import is_event_token
from summit_facts.events.localities import corpus_localities, with_localities
from summit_facts.events.main_event import find_main_event, named_for_its_edition
from summit_facts.events.naming import _shares_name, same_place
from summit_facts.events.roles import _edition_years, mention_role, role_of
from summit_facts.events.venues import corpus_venues, with_venues
from summit_facts.events.words import HAS_YEAR, PART_HEADS, group_series, own_day, series_of
from summit_facts.models import MainEvent, Mention, Source

__all__ = [
    "resolve",
    "find_main_event",
    "assign_roles",
    "event_cue",
    "role_of",
    "mention_role",
    "same_place",
    "series_of",
    "group_series",
    "is_event_token",
    "HAS_YEAR",
    "PART_HEADS",
    "own_day",
    "_edition_years",
    "_shares_name",
]


def resolve(
    mentions_by_doc: Mapping[str, Sequence[Mention]], sources: Mapping[str, Source]
) -> tuple[MainEvent | None, dict[str, list[Mention]]]:
    """The events stage for a corpus: the main event, and every mention with its role."""
    # A small place one document tells as a place is that place in every document.
    localities = corpus_localities(mentions_by_doc)
    mentions_by_doc = {
        doc_id: with_localities(found, localities) for doc_id, found in mentions_by_doc.items()
    }
    # A resort one document names as a resort is that venue in every document.
    venues = corpus_venues(mentions_by_doc, localities)
    mentions_by_doc = {
        doc_id: with_venues(found, venues) for doc_id, found in mentions_by_doc.items()
    }
    main = find_main_event(mentions_by_doc, sources)
    if main is not None:
        main = main.model_copy(update={"ordinal": _main_ordinal(mentions_by_doc, main)})
        main = named_for_its_edition(main)
    resolved = {
        doc_id: assign_roles(
            mentions, main, sources[doc_id], own=_own_event(doc_id, mentions, sources, main)
        )
        for doc_id, mentions in mentions_by_doc.items()
    }
    return main, _editions_by_year(_editions_by_city(resolved, main), main)
