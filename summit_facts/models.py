"""Typed records that flow between the stages: documents, values, claims, verdicts.

Every value is an interval or a set, so that agreement is overlap (DESIGN.md,
"Values"). Numeric intervals use `None` for an unbounded side; date ranges give
the first and the last day, both inclusive, as the gold files do.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["asserted", "hedged", "planned"]
Polarity = Literal["affirmed", "negated"]
Precision = Literal["day", "month", "year"]
VerdictKind = Literal["consensus", "contradiction", "single_source"]
EventRole = Literal["main", "part", "previous", "next", "other"]
EventLink = Literal["inside", "path", "clause", "sentence"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)


# ---------------------------------------------------------------- documents


class Source(_Model):
    """Who says it: one input document's metadata."""

    id: str = Field(description="Stable document id: the file name, or the JSONL `id`.")
    path: str = Field(description="Where the document was read from ('-' for stdin).")
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None


class Document(_Model):
    """One article's plain text and its source. Offsets in claims index `text`."""

    source: Source
    text: str

    @property
    def content_hash(self) -> str:
        """What the extraction depends on: the text, and the published date that
        year-less dates are read against (two copies with different dates differ)."""
        published = self.source.published.isoformat() if self.source.published else ""
        return hashlib.sha256(f"{self.text}\0{published}".encode()).hexdigest()


class Skipped(_Model):
    """An input that could not be used, and why. Never silently dropped."""

    path: str
    reason: str


class Notice(_Model):
    """A problem with an input that was still used (e.g. broken front matter)."""

    path: str
    message: str


# ---------------------------------------------------------------- values


class Interval(_Model):
    """A numeric interval. `None` on a side means unbounded on that side."""

    low: float | None = None
    high: float | None = None
    low_closed: bool = True
    high_closed: bool = True


class _NumericValue(_Model):
    surface: str = Field(description="The text as written.")
    nominal: float = Field(description="The number as stated, before qualifiers.")
    qualifier: str | None = Field(
        default=None, description="over, at least, nearly, about, up to, ... as normalised."
    )
    interval: Interval


class CountValue(_NumericValue):
    kind: Literal["count"] = "count"
    noun: str | None = Field(default=None, description="What is counted: 'countries'.")


class PercentValue(_NumericValue):
    kind: Literal["percent"] = "percent"


class MoneyValue(_NumericValue):
    kind: Literal["money"] = "money"
    currency: str | None = Field(default=None, description="ISO 4217 code; None if unknown.")


class DateValue(_Model):
    kind: Literal["date"] = "date"
    surface: str
    start: date
    end: date = Field(description="Last day of the range, inclusive.")
    precision: Precision = "day"
    bound: Literal["start", "end"] | None = Field(
        default=None,
        description="Set when the day is only the event's first ('opened on 10 November')"
        " or last ('closed on 22 November') day: it agrees with ranges that start (end)"
        " on it, not with every range that contains it.",
    )


class EntitiesValue(_Model):
    kind: Literal["entities"] = "entities"
    surface: str
    members: list[str] = Field(description="Canonical names, sorted.")
    roles: dict[str, str] = Field(
        default_factory=dict,
        description="Member -> what it stands for (a person's country or body).",
    )
    complete: bool = Field(
        default=True, description="False when the list is partial ('including ...')."
    )


class TextValue(_Model):
    kind: Literal["text"] = "text"
    surface: str
    text: str = Field(description="Canonical form used for comparison.")


Value = Annotated[
    CountValue | PercentValue | MoneyValue | DateValue | EntitiesValue | TextValue,
    Field(discriminator="kind"),
]
ValueKind = Literal["count", "percent", "money", "date", "entities", "text"]
# Nouns a count of time counts ("five days", "two weeks"): a duration, not people or things.
# Kinds of text signed at an event (DESIGN.md, "Several instruments at one event").
INSTRUMENT_WORDS = frozenset({
    "declaration", "statement", "communique", "communiqué", "charter", "accord", "pledge",
    "compact", "commitment", "commitments", "agreement", "treaty", "convention", "call",
    "principles", "roadmap", "plan", "pact",
})  # fmt: skip
# fmt: off
TIME_NOUNS = frozenset({
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "period", "periods", "decade", "decades", "quarter", "quarters",
})
# fmt: on


# ---------------------------------------------------------------- claims


class Evidence(_Model):
    """The sentence behind a claim, with character offsets into the document."""

    sentence: str
    start: int = Field(description="Offset of the sentence in the document text.")
    end: int
    value_start: int = Field(description="Offset of the value's text in the document.")
    value_end: int


class EventCue(_Model):
    """The event a value's clause is about, as the sentence names it (events stage).

    Found at parse time, so that the corpus-level resolution (which event is the
    main one, and what role this one plays) runs on stored mentions without spaCy.
    """

    text: str = Field(description="The event's noun phrase: 'the previous summit in Seoul'.")
    head: str = Field(description="Lemma of the event noun: summit, meeting, dinner, cop30.")
    modifiers: list[str] = Field(
        default_factory=list,
        description="Lemmas of the words that qualify it: previous, next, first, two-day.",
    )
    names: list[str] = Field(
        default_factory=list,
        description="Lower-cased name words of the event ('ai', 'impact'), places excluded.",
    )
    topic: list[str] = Field(
        default_factory=list,
        description="Those of its name words that name the topic of its title ('peace' in"
        " 'the Summit on Peace in Ukraine').",
    )
    place: str | None = Field(default=None, description="City or venue named with it.")
    year: int | None = Field(default=None, description="A year named with it: 'the 2023 summit'.")
    link: EventLink = Field(
        description="How the value hangs on it: inside its phrase, on the value's path to"
        " the root, an argument of the value's clause, or elsewhere in the sentence."
    )
    tense: Literal["past", "present", "future"] | None = Field(
        default=None, description="Tense of the clause that tells of the event."
    )
    after_months: int | None = Field(
        default=None,
        description="A time after the source's date that its clause tells it by: 'in six"
        " months' is 6, 'in a year' 12.",
    )
    next_year: bool = Field(
        default=False, description="Its clause says it is held next year ('... next year')."
    )


class EventRef(_Model):
    """Which event a claim's value is about, and its role for the corpus's main event."""

    role: EventRole
    name: str | None = Field(default=None, description="The event as the sentence names it.")


class MainEvent(_Model):
    """The event most documents of the corpus are about (events stage)."""

    name: str | None = Field(default=None, description="Its name as most sources write it.")
    key: list[str] = Field(default_factory=list, description="Name words that identify it.")
    city: str | None = None
    year: int | None = None
    start: date | None = Field(default=None, description="First day, as the sources agree.")
    end: date | None = Field(default=None, description="Last day, inclusive.")
    documents: int = Field(default=0, description="Documents that mention it.")
    ordinal: int | None = Field(
        default=None,
        description="Its edition number as most documents tell it ('the first summit': 1).",
    )
    others: list[str] = Field(
        default_factory=list,
        description="Name words only documents held in another city give their event (the"
        " 'Safety' of another edition's 'AI Safety Summit'): an event told with them is"
        " not this one.",
    )


class Context(_Model):
    """What the parse says about a value: the words a rule ties it to.

    Kept with the claim so that rules can re-file stored claims without
    re-parsing the document.
    """

    noun: str | None = Field(default=None, description="The noun phrase the value counts.")
    head: str | None = Field(default=None, description="Lemma of the value's syntactic head.")
    governor: str | None = Field(default=None, description="Lemma of the governing verb.")
    agent: str | None = Field(default=None, description="Who does it: subject or possessor.")
    names: list[str] = Field(
        default_factory=list, description="Named programmes, events or works near the value."
    )
    lemmas: list[str] = Field(
        default_factory=list, description="Lower-cased lemmas of the sentence, in order."
    )
    heading: list[str] = Field(
        default_factory=list,
        description="Lemmas of the heading a list line stands under ('The Summit in figures'),"
        " read with the sentence's.",
    )
    value_token: int = Field(default=0, description="Index of the value's first token in lemmas.")
    value_token_end: int = Field(default=0, description="Index after the value's last token.")
    path: list[str] = Field(
        default_factory=list,
        description="Lemmas from the value up the dependency tree to the root.",
    )
    lead: bool = Field(default=False, description="The sentence opens the article (dateline).")
    places: list[str] = Field(
        default_factory=list, description="Venues and cities near the value, nearest first."
    )
    purpose: str | None = Field(
        default=None, description="What the value is for: 'AI gigafactories'."
    )
    label: str | None = Field(
        default=None, description="Entity label of a named value: FAC, GPE, CITY, TITLE, ..."
    )
    before: list[str] = Field(
        default_factory=list, description="Lemmas of the tokens just before the value."
    )
    event: EventCue | None = Field(
        default=None, description="The event the value's clause is about, if it names one."
    )
    dateline: bool = Field(
        default=False, description="The value stands in a dateline ('NAIROBI, March 3 -')."
    )
    verbs: list[int] = Field(
        default_factory=list,
        description="Indices in lemmas of instrument words used as verbs ('firms plan to').",
    )


class Mention(_Model):
    """A value found in a document, before any rule has filed it."""

    doc_id: str
    value: Value
    modality: Modality = "asserted"
    polarity: Polarity = "affirmed"
    evidence: Evidence
    context: Context
    event: EventRef | None = Field(
        default=None, description="Set by the events stage, before filing."
    )


class Claim(_Model):
    """One value that one source states about one subject."""

    id: str
    source: Source
    topic: str
    slot: str
    value: Value
    modality: Modality = "asserted"
    polarity: Polarity = "affirmed"
    evidence: Evidence
    rule: str = Field(description="Id of the rule that filed it, or 'auto'.")
    noun: str | None = Field(default=None, description="What the value is about, as written.")
    equivalents: list[Value] = Field(
        default_factory=list,
        description="The same value restated in another unit or currency ('(€387 million)').",
    )
    part_of: str | None = Field(
        default=None, description="'topic/slot' of the total this value is a part of."
    )
    event: EventRef | None = Field(
        default=None, description="The event the value is about, and its role."
    )


def claim_id(doc_hash: str, topic: str, slot: str, mention: Mention) -> str:
    """Same input, same rules, same model: same id."""
    key = "|".join(
        [
            doc_hash,
            topic,
            slot,
            str(mention.evidence.value_start),
            str(mention.evidence.value_end),
            mention.value.kind,
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- verdicts


class Support(_Model):
    """One source's backing of a cluster: the claim and its quote."""

    source_id: str
    claim_id: str
    surface: str
    quote: str
    modality: Modality
    polarity: Polarity
    noun: str | None = None
    value_start: int | None = Field(default=None, description="Offset of the value in `quote`.")
    value_end: int | None = None


class Cluster(_Model):
    """Mutually compatible values, with the sources that state them."""

    value: Value = Field(description="The most precise value of the cluster.")
    display: str = Field(description="The value for people: '60', 'EUR 400,000,000'.")
    sources: list[str] = Field(description="Source ids, in order.")
    independent_weight: float = Field(description="Sources counted once per independent group.")
    support: list[Support]


class SubjectVerdict(_Model):
    topic: str
    slot: str
    verdict: VerdictKind
    kind: str = Field(description="Value kind of the subject.")
    agreement: float = Field(description="Largest cluster's independent weight / total.")
    consensus: Cluster | None = Field(
        default=None, description="The majority cluster (None for a tie)."
    )
    dissent: list[Cluster] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Compatible but much less precise values, and so on."
    )
    conflict: str | None = Field(
        default=None, description="Kind of contradiction: value, currency, membership."
    )
    auto: bool = Field(default=False, description="Filed by an automatic subject, not a rule.")


class SourceStanding(_Model):
    source_id: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    group: int = Field(description="Independence group: sources in one group count once.")
    claims: int
    contested: int = Field(description="Contradicted subjects this source takes part in.")
    with_consensus: int
    against_consensus: int
    agreement: float | None = Field(
        default=None, description="with_consensus / contested; None if it takes part in none."
    )
    outlier: bool = False


class Report(_Model):
    """Rule subjects in the three verdict lists; automatic subjects apart, in
    `automatic`, never counted in the summary, the standings or the outlier."""

    schema_version: int
    tool_version: str
    contradictions: list[SubjectVerdict]
    consensus: list[SubjectVerdict]
    single_source: list[SubjectVerdict]
    automatic: list[SubjectVerdict] = Field(
        default_factory=list,
        description="Subjects no rule names (values filed under `auto`), any verdict.",
    )
    sources: list[SourceStanding]
    outlier: str | None
    skipped: list[Skipped] = Field(default_factory=list)
    claims: int = 0
    documents: int = 0
    main_event: MainEvent | None = Field(
        default=None, description="The event most documents are about."
    )
