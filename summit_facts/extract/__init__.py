"""Extraction: a parsed Doc becomes Mentions, each a typed value with its context.

A mention carries everything a rule needs to file it (the words around it, the
dependency path to the root, the noun it counts, who acts), so rules can be
changed and re-applied without parsing again.

`extract()` takes a parsed Doc and its Source and returns the Mentions in document
order. The stages, lowest first: `common` (word lists and per-document indexes),
`clauses` (modality, polarity, tense), `agents` (who acts), `counted` (the noun a
number counts), `programmes` (names near a value), `purpose` (what money is for),
`context` (a mention's Context), `value_mentions` (numbers, money, percentages,
dates), `entities` (entity lists, members, joint partners), `places` (cities,
venues, localities), `referring` (a pair of countries told again as "the two
countries") and `titles` (named texts and other TEXT values).
"""

from __future__ import annotations

from spacy.tokens import Doc

from summit_facts.extract.common import _ents
from summit_facts.extract.entities import _entity_mentions
from summit_facts.extract.referring import _pair_references
from summit_facts.extract.titles import _text_mentions
from summit_facts.extract.value_mentions import _value_mentions, _year_told_apart
from summit_facts.models import CountValue, EntitiesValue, Mention, Source

__all__ = ["extract"]


def extract(doc: Doc, source: Source) -> list[Mention]:
    """Every checkable value in `doc`, in document order."""
    mentions = _year_told_apart(list(_value_mentions(doc, source)))
    entities = list(_entity_mentions(doc, source))
    mentions.extend(entities)
    pairs = list(_pair_references(doc, source, entities))
    # "the two countries" told of a pair named before refers to it; it counts nothing.
    told = {(m.evidence.value_start, m.evidence.value_end) for m in pairs}
    mentions = [
        m
        for m in mentions
        if not (
            isinstance(m.value, CountValue)
            and any(a <= m.evidence.value_start < b for a, b in told)
        )
    ]
    mentions.extend(pairs)
    mentions.extend(_text_mentions(doc, source))
    people = [e.text for e in _ents(doc[:]) if e.label_ == "PERSON"]
    persons = {*people, *(p.split()[-1] for p in people)}
    _agents_by_role(mentions, persons)
    mentions.sort(key=lambda m: (m.evidence.value_start, m.evidence.value_end, m.value.kind))
    return mentions


def _agents_by_role(mentions: list[Mention], persons: set[str]) -> None:
    """'Macron announced EUR 109 billion': a person acts for what the article says they
    lead ('French President Emmanuel Macron' earlier on), so the agent becomes France.
    A person whose role the article does not give announces, not pays: no agent."""
    roles: dict[str, str] = {}
    for mention in mentions:
        if isinstance(mention.value, EntitiesValue):
            for person, role in mention.value.roles.items():
                roles[person] = role
                roles[person.split()[-1]] = role
    for mention in mentions:
        value = mention.value
        if isinstance(value, EntitiesValue) and roles:
            # "Sunak hosted the summit" after "British Prime Minister Rishi Sunak": the
            # person stands for what the article says they lead, in every list.
            known = {
                m: roles.get(m) or roles[m.split()[-1]]
                for m in value.members
                if m not in value.roles and (m in roles or m.split()[-1] in roles)
            }
            if known:
                mention.value = value.model_copy(update={"roles": {**value.roles, **known}})
        agent = mention.context.agent
        if agent and (agent in roles or agent.split()[-1] in roles):
            mention.context.agent = roles.get(agent) or roles[agent.split()[-1]]
        elif agent and (agent in persons or agent.split()[-1] in persons):
            mention.context.agent = None
