"""Consolidation of people's names across a corpus: a person one source names by surname
alone ("President Biden hosted ...") is the person another source names in full ("US
President Joe Biden"), when the corpus gives exactly one full name with that surname
under the same subject.

Takes and changes consolidated claims in place; only entity values are touched.
"""

from __future__ import annotations

from collections.abc import Iterable

from summit_facts.models import Claim, EntitiesValue
from summit_facts.names import is_country


def name_people_in_full(claims: Iterable[Claim]) -> None:
    """Surname-only members become the one full name the corpus gives under the same
    subject for a person with a role ('President', 'US President') (in place)."""
    by_subject: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if isinstance(claim.value, EntitiesValue):
            by_subject.setdefault((claim.topic, claim.slot), []).append(claim)
    for told in by_subject.values():
        full: dict[str, set[str]] = {}
        for claim in told:
            assert isinstance(claim.value, EntitiesValue)
            for member in claim.value.roles:
                # a person told with a role; a body's name ("Gavi Alliance") stays apart
                if " " in member and not is_country(member):
                    full.setdefault(member.rsplit(" ", 1)[1], set()).add(member)
        for claim in told:
            _rename(claim, full)


def _rename(claim: Claim, full: dict[str, set[str]]) -> None:
    value = claim.value
    assert isinstance(value, EntitiesValue)
    renamed = {
        m: next(iter(full[m]))
        for m in value.members
        if " " not in m and len(full.get(m, ())) == 1 and not is_country(m)
    }
    if not renamed:
        return
    claim.value = value.model_copy(
        update={
            "members": sorted({renamed.get(m, m) for m in value.members}),
            "roles": {renamed.get(k, k): v for k, v in value.roles.items()},
        }
    )
