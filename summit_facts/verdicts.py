"""Judge each subject: cluster compatible claims, name consensus and dissent, score sources.

DESIGN.md, "Verdicts". Per subject (topic, slot) the claims are grouped into
clusters of mutually compatible values; more than one cluster is a
contradiction, one cluster backed by two or more independent sources is a
consensus, anything else rests on a single source. Pure functions over the
models: no parsing here, so stored claims can be judged again without spaCy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from summit_facts.captions import caption_claims
from summit_facts.compare import Bridge, Relation, compare, equivalence_bridges, precision_key
from summit_facts.independence import independence_groups, weight
from summit_facts.models import (
    TIME_NOUNS,
    Claim,
    Cluster,
    CountValue,
    DateValue,
    EntitiesValue,
    MoneyValue,
    PercentValue,
    Report,
    Skipped,
    Source,
    SourceStanding,
    SubjectVerdict,
    Support,
    TextValue,
    Value,
    VerdictKind,
)

_SOFT = frozenset({"hedged", "planned"})
_MODALITY_RANK = {"asserted": 0, "hedged": 1, "planned": 2}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass
class _Pile:
    """A cluster being built: claims in precision order, the first is the representative."""

    index: int
    claims: list[Claim] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # distinct values, for pairwise checks

    def source_ids(self) -> list[str]:
        return sorted({c.source.id for c in self.claims})


class _Relations:
    """compare() memoised on distinct values: subjects repeat the same few values."""

    def __init__(
        self,
        complete_lists: bool,
        aliases: Mapping[str, str] | None,
        bridges: Sequence[Bridge] = (),
    ) -> None:
        self.complete_lists = complete_lists
        self.aliases = aliases
        self.bridges = bridges
        self.claims: dict[str, Claim] = {}
        self.cache: dict[tuple[str, str], Relation] = {}

    def key(self, claim: Claim) -> str:
        key = claim.polarity + claim.value.model_dump_json(exclude={"surface"})
        if claim.equivalents:
            key += "".join(v.model_dump_json(exclude={"surface"}) for v in claim.equivalents)
        self.claims.setdefault(key, claim)
        return key

    def __call__(self, a: str, b: str) -> Relation:
        if (a, b) not in self.cache:
            relation = compare(
                self.claims[a],
                self.claims[b],
                complete_lists=self.complete_lists,
                aliases=self.aliases,
                bridges=self.bridges,
            )
            self.cache[(a, b)] = self.cache[(b, a)] = relation
        return self.cache[(a, b)]


def judge_subject(
    topic: str,
    slot: str,
    claims: Sequence[Claim],
    groups: Mapping[str, int],
    *,
    complete_lists: bool = True,
    auto: bool = False,
    aliases: Mapping[str, str] | None = None,
    captions: frozenset[str] = frozenset(),
) -> SubjectVerdict:
    """The verdict on one subject from every claim filed under it. `captions`: ids of
    claims told under a photo, which give way to their source's own body."""
    if not claims:
        raise ValueError(f"no claims to judge for {topic}/{slot}")
    # An equivalence one source states ("€4.5 billion ($5.1 billion)") holds for every
    # source of the subject: the corpus gives the conversion (DESIGN.md, "Equivalents").
    relate = _Relations(complete_lists, aliases, equivalence_bridges(claims))

    def order(claim: Claim) -> tuple[Any, ...]:
        # Most precise first, so each cluster's first claim is its representative;
        # asserted and affirmed claims lead among equals.
        return (
            precision_key(claim.value, complete_lists=complete_lists),
            _MODALITY_RANK[claim.modality],
            claim.polarity != "affirmed",
            claim.source.id,
            claim.evidence.start,
            claim.id,
        )

    def pile_up(kept: Sequence[Claim]) -> list[_Pile]:
        piles: list[_Pile] = []
        for claim in sorted(kept, key=order):
            key = relate.key(claim)
            fits = [p for p in piles if all(not relate(key, k).is_conflict for k in p.keys)]
            if fits:
                pile = max(fits, key=lambda p: (weight(p.source_ids(), groups), -p.index))
            else:
                pile = _Pile(index=len(piles))
                piles.append(pile)
            pile.claims.append(claim)
            if key not in pile.keys:
                pile.keys.append(key)
        return piles

    piles, once_notes = _count_each_source_once(pile_up(claims), order, relate, captions)
    # With each source's other values set aside, piles that only a dropped value kept
    # apart are one: pile the kept claims again.
    piles = _days_within_a_range(pile_up([c for p in piles for c in p.claims]), groups)

    def rank(pile: _Pile) -> tuple[float, int, int]:
        # By independent weight, then number of sources, then fewer sources that
        # only hedge or plan it: an asserted "took place" beats a "scheduled for".
        sources = pile.source_ids()
        soft = sum(
            all(c.modality in _SOFT for c in pile.claims if c.source.id == sid) for sid in sources
        )
        return (-weight(sources, groups), -len(sources), soft)

    ranked = sorted(piles, key=lambda p: (*rank(p), p.index))
    clusters = [_cluster(p, groups, relate) for p in ranked]
    total = sum(c.independent_weight for c in clusters)
    tie = len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1])

    verdict: VerdictKind
    single = len({groups.get(sid, sid) for c in clusters for sid in c.sources}) == 1
    tie = tie and not single  # one source's values are a note, not a vote
    if len(clusters) > 1 and not single:
        verdict = "contradiction"
    elif clusters[0].independent_weight >= 2:
        verdict = "consensus"
    else:
        verdict = "single_source"
    notes = once_notes + _imprecision_notes(ranked, relate, complete_lists)
    if len(clusters) > 1 and single:
        notes.append(
            "one independent source states several incompatible values: "
            + ", ".join(f"{c.display} ({', '.join(c.sources)})" for c in clusters)
        )
    conflict = None
    if verdict == "contradiction":
        conflict = _conflict_kind(ranked[0], ranked[1], relate)
        notes += _contradiction_notes(ranked, clusters, tie)
    kinds = Counter(c.value.kind for c in claims)
    return SubjectVerdict(
        topic=topic,
        slot=slot,
        verdict=verdict,
        kind=kinds.most_common(1)[0][0],
        agreement=clusters[0].independent_weight / total,
        consensus=None if tie else clusters[0],
        dissent=clusters if tie else clusters[1:],
        notes=notes,
        conflict=conflict,
        auto=auto,
    )


def _count_each_source_once(
    piles: list[_Pile],
    order: Callable[[Claim], tuple[Any, ...]],
    relate: _Relations,
    captions: frozenset[str] = frozenset(),
) -> tuple[list[_Pile], list[str]]:
    """A source that states incompatible values votes once, for its asserted and most
    specific value told outside a photo caption; the note keeps the other values in
    view (DESIGN.md, "One source, one statement")."""
    notes: list[str] = []
    for sid in sorted({c.source.id for p in piles for c in p.claims}):
        held = [p for p in piles if any(c.source.id == sid for c in p.claims)]
        if len(held) < 2:
            continue
        best = min(
            (c for p in held for c in p.claims if c.source.id == sid),
            key=lambda c: (c.id in captions, *order(c)),
        )
        kept = next(p for p in held if best in p.claims)
        dropped: list[str] = []
        for pile in held:
            if pile is kept:
                continue
            dropped.extend(display(c.value) for c in pile.claims if c.source.id == sid)
            pile.claims = [c for c in pile.claims if c.source.id != sid]
            pile.keys = list(dict.fromkeys(relate.key(c) for c in pile.claims))
        others = ", ".join(dict.fromkeys(dropped))
        notes.append(
            f"{sid} states incompatible values ({display(best.value)}, {others}); "
            f"counted once, for {display(best.value)}"
        )
    return [p for p in piles if p.claims], notes


# The longest event a range of days another source states may be told day by day: a
# fortnight's conference, not a month or a season.
MAX_RANGE_DAYS = 21


def _days_within_a_range(piles: list[_Pile], groups: Mapping[str, int]) -> list[_Pile]:
    """Days of a several-day event told one by one ("opened on Thursday", "on Friday,
    the summit ended") agree with the range of days another source states ("22 and 23
    June"): each pile whose dates all lie inside a range of days of another pile joins
    that pile (the heaviest such), so two days of one event are no contradiction. A day
    outside every range stays apart. Ranges longer than MAX_RANGE_DAYS do not gather."""

    def ranges(pile: _Pile) -> list[DateValue]:
        return [
            v
            for c in pile.claims
            if isinstance(v := c.value, DateValue)
            and v.precision == "day"
            and v.bound is None
            and 0 < (v.end - v.start).days <= MAX_RANGE_DAYS
        ]

    def inside(pile: _Pile, container: DateValue) -> bool:
        # An opening or closing day ("began on Monday") inside the range sides with it,
        # even where a source's range that overlaps it but starts a day later ("from
        # Tuesday to Thursday") kept it out of the pile when the piles were made.
        return all(
            isinstance(v := c.value, DateValue)
            and (v.bound is None or v.start == v.end)
            and container.start <= v.start
            and v.end <= container.end
            for c in pile.claims
        )

    if len(piles) < 2 or not all(isinstance(c.value, DateValue) for p in piles for c in p.claims):
        return piles
    # Heaviest first, so that a pile two ranges could hold joins the better supported one.
    kept = sorted(piles, key=lambda p: (-weight(p.source_ids(), groups), p.index))
    moved = True
    while moved:
        moved = False
        for pile in kept:
            home = next(
                (k for k in kept if k is not pile and any(inside(pile, r) for r in ranges(k))),
                None,
            )
            if home is not None:
                home.claims.extend(pile.claims)
                home.keys.extend(k for k in pile.keys if k not in home.keys)
                kept.remove(pile)
                moved = True
                break
    return sorted(kept, key=lambda p: p.index)


def _representative(pile: _Pile) -> Value:
    """The cluster's value: its most precise one; for dates, the range most sources state
    (then the narrowest), since a narrower range inside it is often one part of the
    programme ("the leaders' segment, 18-19 February" inside "16-21 February")."""
    first = pile.claims[0].value
    if not isinstance(first, DateValue):
        return first
    ranges: dict[tuple[str, date, date, str], DateValue] = {}  # once per source
    for claim in pile.claims:
        value = claim.value
        if isinstance(value, DateValue) and value.bound is None:
            ranges.setdefault((claim.source.id, value.start, value.end, value.precision), value)
    told = Counter((v.start, v.end, v.precision) for v in ranges.values())
    if not told:
        return first
    days = list(told)
    if any(a[1] < b[0] or b[1] < a[0] for a in days for b in days):
        # Days of the event told one by one: the range that holds them all.
        holding = [r for r in days if all(r[0] <= d[0] and d[1] <= r[1] for d in days)]
        if holding:
            told = Counter({r: told[r] for r in holding})
    best = max(told.items(), key=lambda item: (item[1], -(item[0][1] - item[0][0]).days))[0]
    return next(v for v in ranges.values() if (v.start, v.end, v.precision) == best)


def _cluster(pile: _Pile, groups: Mapping[str, int], relate: _Relations) -> Cluster:
    support: list[Support] = []
    seen: set[tuple[str, str]] = set()
    for claim in sorted(pile.claims, key=lambda c: c.source.id):
        # The same value told twice by one source is one piece of support.
        key = (claim.source.id, relate.key(claim))
        if key in seen:
            continue
        seen.add(key)
        support.append(
            Support(
                source_id=claim.source.id,
                claim_id=claim.id,
                surface=claim.value.surface,
                quote=claim.evidence.sentence,
                modality=claim.modality,
                polarity=claim.polarity,
                noun=claim.noun,
                value_start=claim.evidence.value_start - claim.evidence.start,
                value_end=claim.evidence.value_end - claim.evidence.start,
            )
        )
    sources = pile.source_ids()
    shown = _representative(pile)
    return Cluster(
        value=shown,
        display=display(shown),
        sources=sources,
        independent_weight=weight(sources, groups),
        support=support,
    )


def _conflict_kind(first: _Pile, second: _Pile, relate: _Relations) -> str:
    # The later pile was opened because its first value conflicted with a member
    # of the earlier one, so some pair between the two always conflicts.
    for a in first.keys:
        for b in second.keys:
            kind = relate(a, b).conflict_kind
            if kind:
                return kind
    return "value"


def _imprecision_notes(piles: list[_Pile], relate: _Relations, complete_lists: bool) -> list[str]:
    notes: list[str] = []
    for pile in piles:
        best = pile.claims[0]
        best_key = precision_key(best.value, complete_lists=complete_lists)
        for claim in pile.claims[1:]:
            if claim.source.id == best.source.id:
                continue  # a source telling its own figure twice, once roughly
            if relate(relate.key(claim), relate.key(best)) is not Relation.IMPRECISE:
                continue
            if precision_key(claim.value, complete_lists=complete_lists) <= best_key:
                continue
            note = (
                f"{claim.source.id} says {display(claim.value)}, "
                f"much less precise than {display(best.value)}"
            )
            if note not in notes:
                notes.append(note)
    return notes


def _contradiction_notes(piles: list[_Pile], clusters: list[Cluster], tie: bool) -> list[str]:
    notes: list[str] = []
    if tie:
        notes.append("no majority: the leading values have equal independent support")
    # 61 "nations and organizations" against 60 "countries": show what each counts.
    # Only when two values count nouns no source shares ("Heads" and "heads", or days of
    # a duration, are one thing told alike).
    counted = [
        (s.noun, s.surface or cluster.display, s.source_id)  # what each source wrote
        for cluster in clusters
        for s in cluster.support
        if s.noun and cluster.value.kind == "count"
    ]
    nouns = [
        {s.noun.casefold() for s in cluster.support if s.noun and cluster.value.kind == "count"}
        for cluster in clusters
    ]
    apart = any(a and b and not a & b for i, a in enumerate(nouns) for b in nouns[i + 1 :])
    timed = all(noun.casefold().split()[0] in TIME_NOUNS for noun, _, _ in counted)
    if apart and not timed:
        told: dict[str, list[str]] = {}
        for noun, shown, sid in counted:
            told.setdefault(f"{shown} {noun}", []).append(sid)
        parts = ", ".join(
            f"{what} ({', '.join(dict.fromkeys(sids))})" for what, sids in told.items()
        )
        notes.append(f"the figures count different things: {parts}")
    for pile, cluster in list(zip(piles, clusters, strict=True))[0 if tie else 1 :]:
        for sid in cluster.sources:
            modalities = {c.modality for c in pile.claims if c.source.id == sid}
            if modalities <= _SOFT:
                word = " or ".join(sorted(modalities))
                notes.append(f"{sid} gives {cluster.display} as {word}, not asserted")
    return notes


# ---------------------------------------------------------------- display


def display(value: Value) -> str:
    """A short string for people: '60', 'over 100', 'EUR 109 billion', 'France, India'."""
    if isinstance(value, DateValue):
        return _display_date(value)
    if isinstance(value, EntitiesValue):
        names = [f"{m} ({value.roles[m]})" if m in value.roles else m for m in value.members]
        return ("including " if not value.complete else "") + ", ".join(names)
    if isinstance(value, TextValue):
        return value.surface.strip(" \"'\u2018\u2019\u201c\u201d") or value.text
    number = _number_format(value)
    iv = value.interval
    if iv.low is not None and iv.high is not None and iv.low == iv.high:
        return number(iv.low)
    if value.qualifier == "vague" and iv.low is not None:
        # "thousands of delegates": the words, and the reading they were given.
        return f"{value.surface.lower()} ({number(iv.low)} or more)"
    if (
        value.qualifier
        and value.qualifier != "between"
        and value.qualifier.replace(" ", "").isalpha()
    ):
        # "about", "nearly", "up to": the words the source used say it best.
        return f"{value.qualifier} {number(value.nominal)}"
    if iv.low is not None and iv.high is not None:
        return f"{number(iv.low)} to {number(iv.high)}"
    if iv.low is not None:
        return f"{'at least' if iv.low_closed else 'over'} {number(iv.low)}"
    if iv.high is not None:
        return f"{'at most' if iv.high_closed else 'under'} {number(iv.high)}"
    return "any amount"


def _number_format(value: CountValue | PercentValue | MoneyValue) -> Callable[[float], str]:
    if isinstance(value, MoneyValue):
        prefix = f"{value.currency} " if value.currency else ""

        def money(x: float) -> str:
            return prefix + _scaled(x)

        return money
    if isinstance(value, PercentValue):

        def percent(x: float) -> str:
            return _plain(x) + "%"

        return percent

    def count(x: float) -> str:
        # Years and head counts read best as written; only huge counts get scale words.
        return _plain(x) if abs(x) < 1e6 else _scaled(x)

    return count


def _display_date(value: DateValue) -> str:
    if value.precision == "year":
        return str(value.start.year)
    if value.precision == "month" and value.start.month == value.end.month:
        return value.start.strftime("%Y-%m")
    if value.bound:
        return (
            f"{value.start.isoformat()} ({'opening' if value.bound == 'start' else 'closing'} day)"
        )
    if value.start == value.end:
        return value.start.isoformat()
    return f"{value.start.isoformat()} to {value.end.isoformat()}"


def _plain(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}" if abs(x) >= 1e4 else str(int(x))
    return f"{x:,.6g}" if abs(x) >= 1e4 else f"{x:.6g}"


def _scaled(x: float) -> str:
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{x / size:.6g} {word}"
    return _plain(x)


# ---------------------------------------------------------------- sources


def standings(
    verdicts: Iterable[SubjectVerdict],
    sources: Sequence[Source],
    groups: Mapping[str, int],
    claims: Iterable[Claim],
) -> tuple[list[SourceStanding], str | None]:
    """Per source: how often it sides with the consensus where a subject is contested."""
    stated = Counter(c.source.id for c in claims)
    contested: Counter[str] = Counter()
    with_consensus: Counter[str] = Counter()
    against: Counter[str] = Counter()
    for verdict in verdicts:
        if verdict.verdict != "contradiction":
            continue
        clusters = ([verdict.consensus] if verdict.consensus else []) + verdict.dissent
        for sid in sorted({sid for c in clusters for sid in c.sources}):
            contested[sid] += 1
            if verdict.consensus is None:
                continue  # a tie: nobody is on the losing side
            if sid in verdict.consensus.sources:
                with_consensus[sid] += 1
            else:
                against[sid] += 1

    table = [
        SourceStanding(
            source_id=s.id,
            title=s.title,
            publisher=s.publisher,
            author=s.author,
            published=s.published,
            group=groups.get(s.id, 0),
            claims=stated[s.id],
            contested=contested[s.id],
            with_consensus=with_consensus[s.id],
            against_consensus=against[s.id],
            agreement=with_consensus[s.id] / contested[s.id] if contested[s.id] else None,
        )
        for s in sources
    ]
    losers = [s for s in table if s.against_consensus >= 1]
    if not losers:
        return table, None
    worst = min(
        losers,
        key=lambda s: (
            -s.against_consensus,
            s.agreement if s.agreement is not None else 1.0,
            s.source_id,
        ),
    )
    worst.outlier = True
    return table, worst.source_id


def build_report(
    claims: Sequence[Claim],
    sources: Sequence[Source],
    *,
    texts: Mapping[str, str] | None = None,
    slot_options: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
    skipped: Iterable[Skipped] = (),
    tool_version: str,
    schema_version: int,
) -> Report:
    """Judge every subject and score every source.

    `slot_options[(topic, slot)]` may give `complete_lists` (bool), `aliases`
    (alias -> canonical name) and `auto` (bool; by default a subject is
    automatic when every claim in it was filed by rule 'auto').
    """
    every_source = list(sources)
    known = {s.id for s in every_source}
    for claim in claims:
        if claim.source.id not in known:  # a claim's source missing from the list
            known.add(claim.source.id)
            every_source.append(claim.source)
    groups = independence_groups(every_source, texts)
    captions = caption_claims(claims, texts)

    subjects: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        subjects.setdefault((claim.topic, claim.slot), []).append(claim)
    verdicts: list[SubjectVerdict] = []
    for (topic, slot), filed in sorted(subjects.items()):
        options = (slot_options or {}).get((topic, slot), {})
        verdicts.append(
            judge_subject(
                topic,
                slot,
                filed,
                groups,
                complete_lists=options.get("complete_lists", True),
                auto=options.get("auto", all(c.rule == "auto" for c in filed)),
                aliases=options.get("aliases"),
                captions=captions,
            )
        )
    # Automatic subjects are listed apart and take no part in the counts,
    # the standings or the outlier (DESIGN.md, "Verdicts").
    found = [v for v in verdicts if not v.auto]
    table, outlier = standings(found, every_source, groups, claims)
    return Report(
        schema_version=schema_version,
        tool_version=tool_version,
        contradictions=[v for v in found if v.verdict == "contradiction"],
        consensus=[v for v in found if v.verdict == "consensus"],
        single_source=[v for v in found if v.verdict == "single_source"],
        automatic=[v for v in verdicts if v.auto],
        sources=table,
        outlier=outlier,
        skipped=list(skipped),
        claims=len(claims),
        documents=len(every_source),
    )
