"""What the human formats (table, md, html) share: clean text, value display,
and the report, claims and topics laid out as titled sections of rows.

The layout is decided once here; each human renderer only dresses the sections
(Rich, Markdown or HTML). Every cell is cleaned here, so no renderer sees a
newline or a control character from a document. File names are not document
text: a control character in one is shown as its escape (`\\x1b`, `\\n`), never
dropped, so every source keeps a visible name of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summit_facts.models import (
        Claim,
        Cluster,
        Interval,
        Report,
        SubjectVerdict,
        Support,
        Value,
    )

TopicRows = Sequence[tuple[str, str, int, str | None]]

# C0 and C1 control characters and DEL: terminal escapes, NULs, form feeds...
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Line breaks of every kind, including those that str.splitlines() honours.
_BREAKS = re.compile(r"\s*[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+\s*")
NUMERIC_HEADERS = {"Claims", "Independent", "Agreement", "Group"}


def clean(text: str | None) -> str:
    """One line of printable text: breaks become spaces, controls go."""
    if not text:
        return ""
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


# Control characters, line and paragraph separators and bidi overrides. A file
# named "a.txt\nskipped: b.txt" must stay one line, and an escape sequence in a
# name must not recolour or rewrite the user's terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` on one line, its control characters shown as escapes (`\\n`, `\\x1b`).

    For names (files, paths, source ids): unlike `clean`, nothing is dropped, so
    "a\\x1b[31m.txt" and "a[31m.txt" stay two names.
    """
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def names_shown(ids: Iterable[str]) -> Callable[[str], str]:
    """A function that shows each of `ids` `printable` in a text (a verdict's note
    names its sources): the name stays visible where `clean` would cut it."""
    odd = sorted({sid for sid in ids if printable(sid) != sid}, key=len, reverse=True)

    def shown(text: str) -> str:
        for sid in odd:
            text = text.replace(sid, printable(sid))
        return text

    return shown


def subject(topic: str, slot: str) -> str:
    return f"{topic} / {slot}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def number(x: float) -> str:
    """60, 400,000,000, 2.5: thousands separated, no spurious decimals."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def format_value(value: Value) -> str:
    """The normalised value exactly, for checking what was read: '> 100', '[36%, 40%)',
    'EUR 200,000,000,000', '2025-02-10 to 2025-02-11'.

    Not `verdicts.display`, which labels a cluster in the source's words ('nearly
    40%', 'EUR 200 billion'): next to the surface text, that would repeat it.
    """
    # By `kind`, not by class: `facts show` renders claims read from the store
    # as plain records (`store.Record`), without building the models.
    if value.kind == "date":
        start, end = _day(value.start, value.precision), _day(value.end, value.precision)
        bound = getattr(value, "bound", None)  # store records written before bounds lack it
        if bound:
            return f"{start} ({'opening' if bound == 'start' else 'closing'} day)"
        return start if start == end else f"{start} to {end}"
    if value.kind == "entities":
        names = [f"{m} ({value.roles[m]})" if m in value.roles else m for m in value.members]
        return ", ".join(names) + ("" if value.complete else ", …")
    if value.kind == "text":
        return value.text
    unit = "%" if value.kind == "percent" else ""
    shown = _interval(value.interval, unit)
    if value.kind == "money":
        return f"{value.currency} {shown}" if value.currency else f"{shown} (currency unknown)"
    return shown


def _day(day: date | str, precision: str) -> str:
    if isinstance(day, str):  # a record's ISO date
        day = date.fromisoformat(day)
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def _interval(iv: Interval, unit: str) -> str:
    def n(x: float) -> str:
        return number(x) + unit

    if iv.low is not None and iv.high is not None:
        if iv.low == iv.high and iv.low_closed and iv.high_closed:
            return n(iv.low)
        left, right = "[" if iv.low_closed else "(", "]" if iv.high_closed else ")"
        return f"{left}{n(iv.low)}, {n(iv.high)}{right}"
    if iv.low is not None:
        return f"{'≥' if iv.low_closed else '>'} {n(iv.low)}"
    if iv.high is not None:
        return f"{'≤' if iv.high_closed else '<'} {n(iv.high)}"
    return "any"


# ---------------------------------------------------------------- sections


@dataclass
class Section:
    """A titled table. `level` 2 is a part of the output, 3 a subject inside one.

    A section without headers is a heading only. `styles` names each row's role
    (consensus, dissent, outlier) for renderers that colour; `ends` holds the
    rows after which a group (one cluster, one subject) closes.
    """

    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list[str | Marked]] = field(default_factory=list)
    level: int = 2
    notes: list[str] = field(default_factory=list)
    styles: list[str | None] = field(default_factory=list)
    ends: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Titles and notes name subjects, and automatic subjects come from the text.
        self.title = clean(self.title)
        self.notes = [clean(note) for note in self.notes]

    def note(self, text: str) -> None:
        self.notes.append(clean(text))

    def add(self, cells: Iterable[object], style: str | None = None) -> None:
        self.rows.append([_cell(c) for c in cells])
        self.styles.append(style)

    def close_group(self) -> None:
        if self.rows:
            self.ends.add(len(self.rows) - 1)

    def drop_empty(self, *headers: str) -> Section:
        """Drop the named columns where no row has anything to say."""
        drop = {
            i
            for i, h in enumerate(self.headers)
            if h in headers and not any(row[i] for row in self.rows)
        }
        self.headers = [h for i, h in enumerate(self.headers) if i not in drop]
        self.rows = [[c for i, c in enumerate(row) if i not in drop] for row in self.rows]
        return self


def _cell(value: object) -> str | Marked:
    if value is None:
        return ""
    if isinstance(value, Marked):
        return Marked(clean(value.before), clean(value.value), clean(value.after))
    return clean(str(value))


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(report: Report) -> str:
    """The counts every format agrees on: rule subjects only (automatic ones apart)."""
    parts = [
        f"summit-facts {report.tool_version}",
        _counted(report.documents, "document"),
        _counted(report.claims, "claim"),
        _counted(len(report.contradictions), "contradiction"),
        f"{len(report.consensus)} consensus",
        f"{len(report.single_source)} single-source",
    ]
    main = report.main_event
    if main is not None and (main.name or main.city):
        told = [main.name or "", main.city or "", str(main.year or "")]
        if main.start and main.end:
            told.append(
                main.start.isoformat()
                if main.start == main.end
                else f"{main.start.isoformat()} to {main.end.isoformat()}"
            )
        parts.append("main event: " + ", ".join(t for t in told if t))
    if report.outlier:
        parts.append(f"outlier: {printable(report.outlier)}")
    if report.automatic:
        parts.append(f"{len(report.automatic)} automatic subjects")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    return clean(" · ".join(parts))


def _verdict_title(verdict: SubjectVerdict) -> str:
    words = verdict.verdict.replace("_", "-")
    if verdict.verdict == "contradiction":
        words = f"{verdict.conflict} {words}" if verdict.conflict else words
        if verdict.consensus is None:
            words += ", no majority"
    return (
        f"{subject(verdict.topic, verdict.slot)}: {words}, agreement {percent(verdict.agreement)}"
    )


def clusters_of(verdict: SubjectVerdict) -> list[tuple[str, Cluster]]:
    """(consensus | dissent, cluster), the majority first; a tie has only dissent."""
    roles = [("consensus", verdict.consensus)] if verdict.consensus else []
    return roles + [("dissent", c) for c in verdict.dissent]


def _stated(modality: str, polarity: str) -> str:
    marks = [m for m in (modality, polarity) if m not in ("asserted", "affirmed")]
    return ", ".join(marks)


# ---------------------------------------------------------------- quotes


@dataclass(frozen=True)
class Marked:
    """A quote with its value marked: `before` + `value` + `after`, each one line."""

    before: str
    value: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.value}{self.after}"


QUOTE_WINDOW = 100  # characters of context kept around a value in a short quote


def value_span(support: Support) -> tuple[int, int] | None:
    """Where the value sits in the quote: the stored offsets, else its surface text."""
    quote = support.quote
    start, end = support.value_start, support.value_end
    if start is not None and end is not None and 0 <= start < end <= len(quote):
        return start, end
    found = quote.find(support.surface) if support.surface else -1
    return (found, found + len(support.surface)) if found >= 0 else None


def marked_quote(support: Support, *, window: int | None = QUOTE_WINDOW) -> Marked:
    """The sentence behind a support with its value marked, trimmed to about
    `window` characters around the value (whole words, ellipses where cut);
    `window=None` keeps the whole sentence."""
    quote = support.quote
    span = value_span(support)
    if span is None:
        text = clean(quote)
        if window is not None and len(text) > window:
            text = text[:window].rsplit(" ", 1)[0] + " …"
        return Marked(text, "", "")
    start, end = span
    before, value, after = quote[:start], quote[start:end], quote[end:]
    if window is not None:
        room = max(window - (end - start), 0)
        left = min(len(before), max(room // 2, room - len(after)))
        right = room - left
        before = _trim_left(before, left)
        after = _trim_right(after, right)
    return Marked(clean(before), clean(value), clean(after))


def _trim_left(text: str, keep: int) -> str:
    if len(text) <= keep:
        return text
    cut = text[len(text) - keep :]
    # Start on a whole word: drop the partial one the cut went through.
    if " " in cut and not text[len(text) - keep - 1].isspace():
        cut = cut.split(" ", 1)[1]
    return "… " + cut.lstrip()


def _trim_right(text: str, keep: int) -> str:
    if len(text) <= keep:
        return text
    cut = text[:keep]
    if " " in cut and not text[keep].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + " …"


def short_ids(ids: Iterable[str], *, least: int = 3) -> dict[str, str]:
    """Each id as its shortest unique prefix, carried on to the next separator:
    '000_0fefa1a324c947c3.txt' -> '000', '2025-02-11-reuters.txt' -> '2025-02-11-reuters'
    beside '2025-02-11-bbc.txt'. The full id starts with it, so the sources table
    (which gives full ids) explains every short one."""
    every = sorted(set(ids))
    out: dict[str, str] = {}
    for sid in every:
        others = [o for o in every if o != sid]
        size = min(least, len(sid))
        while size < len(sid) and any(o.startswith(sid[:size]) for o in others):
            size += 1
        while size < len(sid) and sid[size] not in "_-. ":
            size += 1
        out[sid] = sid[:size]
    return out


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class ReportView:
    """How the human formats lay a report out: the automatic subjects shown or
    not, quotes trimmed or whole, source ids in full or shortened."""

    auto: bool = False
    quotes: str = "short"  # short | full
    short_sources: bool = False


def report_sections(report: Report, view: ReportView | None = None) -> list[Section]:
    """Contradictions first, one table each (every value, its sources, each quote
    with the value marked); then consensus and single-source facts, one line a
    subject; the sources; automatic subjects (with `view.auto`); skipped inputs."""
    view = view or ReportView()
    every = [s.source_id for s in report.sources]
    every += [sid for v in _verdicts(report) for c in v.dissent for sid in c.sources]
    names = short_ids(every) if view.short_sources else {sid: sid for sid in every}

    def name(sid: str) -> str:
        return printable(names.get(sid, sid))

    said = names_shown(every)

    sep = " " if view.short_sources else ", "

    window = None if view.quotes == "full" else QUOTE_WINDOW
    sections: list[Section] = []
    if report.contradictions:
        sections.append(Section(f"Contradictions ({len(report.contradictions)})"))
    for verdict in report.contradictions:
        sections.append(_contradiction(verdict, name, said, window))

    if report.consensus:
        # All of a consensus agree, so no agreement column: the independent
        # weight says how solid it is.
        table = Section(
            f"Consensus ({len(report.consensus)})",
            ["Subject", "Value", "Independent", "Sources"],
        )
        for verdict in report.consensus:
            for note in verdict.notes:
                table.note(f"{subject(verdict.topic, verdict.slot)}: {said(note)}")
            major = verdict.consensus
            table.add(
                [
                    subject(verdict.topic, verdict.slot),
                    major.display if major else "",
                    number(major.independent_weight) if major else "0",
                    sep.join(name(s) for s in major.sources) if major else "",
                ]
            )
        sections.append(table)

    if report.single_source:
        table = Section(
            f"Single-source facts ({len(report.single_source)})",
            ["Subject", "Value", "Source", "Stated"],
        )
        for verdict in report.single_source:
            for note in verdict.notes:
                table.note(f"{subject(verdict.topic, verdict.slot)}: {said(note)}")
            clusters = [c for _, c in clusters_of(verdict)]
            supports = [s for c in clusters for s in c.support]
            table.add(
                [
                    subject(verdict.topic, verdict.slot),
                    "; ".join(c.display for c in clusters),
                    sep.join(dict.fromkeys(name(s.source_id) for s in supports)),
                    ", ".join(
                        dict.fromkeys(m for s in supports if (m := _stated(s.modality, s.polarity)))
                    ),
                ]
            )
        sections.append(table.drop_empty("Stated"))

    if report.sources:
        sections.append(_sources(report))

    if view.auto and report.automatic:
        table = Section(
            f"Automatic subjects ({len(report.automatic)}): values no rule names, not counted",
            ["Subject", "Verdict", "Values", "Sources"],
        )
        for verdict in report.automatic:
            clusters = [c for _, c in clusters_of(verdict)]
            table.add(
                [
                    subject(verdict.topic, verdict.slot),
                    verdict.verdict.replace("_", "-"),
                    "; ".join(c.display for c in clusters),
                    sep.join(dict.fromkeys(name(s) for c in clusters for s in c.sources)),
                ],
                style=verdict.verdict,
            )
        sections.append(table)

    if report.skipped:
        table = Section(f"Skipped inputs ({len(report.skipped)})", ["Path", "Reason"])
        for skipped in report.skipped:
            table.add([printable(skipped.path), printable(skipped.reason)])
        sections.append(table)
    return sections


def _verdicts(report: Report) -> list[SubjectVerdict]:
    return [*report.contradictions, *report.consensus, *report.single_source, *report.automatic]


def _contradiction(
    verdict: SubjectVerdict,
    name: Callable[[str], str],
    said: Callable[[str], str],
    window: int | None,
) -> Section:
    table = Section(
        _verdict_title(verdict),
        ["Role", "Value", "Source", "Stated", "Quote"],
        level=3,
        notes=[said(note) for note in verdict.notes],
    )
    for role, cluster in clusters_of(verdict):
        for i, s in enumerate(cluster.support):
            first = i == 0
            table.add(
                [
                    role if first else "",
                    cluster.display if first else "",
                    name(s.source_id),
                    _stated(s.modality, s.polarity),
                    marked_quote(s, window=window),
                ],
                style=role,
            )
        table.close_group()
    return table.drop_empty("Stated")


def _sources(report: Report) -> Section:
    # Publisher and author last: the column that may wrap.
    headers = ["Source", "Published", "Group", "Claims", "Agreement", "By"]
    table = Section(f"Sources ({len(report.sources)})", headers)
    for src in report.sources:
        agreement = (
            "—"
            if src.agreement is None
            else f"{src.with_consensus}/{src.contested} ({percent(src.agreement)})"
        )
        table.add(
            [
                printable(src.source_id),
                src.published.isoformat() if src.published else "",
                src.group,
                src.claims,
                agreement + (" outlier" if src.outlier else ""),
                ", ".join(p for p in (src.publisher, src.author) if p),
            ],
            style="outlier" if src.outlier else None,
        )
    return table.drop_empty("By", "Published")


def claim_roles(verdicts: Iterable[SubjectVerdict]) -> dict[str, tuple[str, str]]:
    """claim id -> (subject verdict, consensus | dissent)."""
    roles: dict[str, tuple[str, str]] = {}
    for verdict in verdicts:
        for role, cluster in clusters_of(verdict):
            for s in cluster.support:
                roles[s.claim_id] = (verdict.verdict, role)
    return roles


def sorted_claims(claims: Iterable[Claim]) -> list[Claim]:
    """By subject, then source by source, then in reading order."""
    return sorted(claims, key=lambda c: (c.topic, c.slot, c.source.id, c.evidence.start, c.id))


def _parts_under_totals(claims: list[Claim]) -> list[Claim]:
    """Subject by subject, each total followed by the subjects that are its parts."""
    by_subject: dict[str, list[Claim]] = {}
    for claim in claims:
        by_subject.setdefault(f"{claim.topic}/{claim.slot}", []).append(claim)
    under: dict[str, list[str]] = {}
    for name, filed in by_subject.items():
        total = next((c.part_of for c in filed if c.part_of), None)
        if total in by_subject and total != name:
            under.setdefault(total, []).append(name)
    out: list[Claim] = []
    done: set[str] = set()

    def emit(name: str) -> None:
        if name in done:
            return
        done.add(name)
        out.extend(by_subject[name])
        for part in under.get(name, []):
            emit(part)

    placed_under = {part for parts in under.values() for part in parts}
    for name in by_subject:
        if name not in placed_under:
            emit(name)
    for name in by_subject:
        emit(name)  # parts of parts whose chain loops
    return out


def claims_sections(
    claims: Sequence[Claim], verdicts: Sequence[SubjectVerdict] | None
) -> list[Section]:
    by_subject = {(v.topic, v.slot): v for v in verdicts or []}
    roles = claim_roles(verdicts or [])
    # "Stated" holds modality and polarity, blank for the common asserted +
    # affirmed: two mostly constant columns would squeeze the quote.
    headers = ["Source", "Value", "Normalised", "Stated", "Event", "Noun", "Quote"]
    if verdicts is not None:
        headers.insert(5, "Role")
    sections: list[Section] = []
    current: Section | None = None
    key: tuple[str, str] | None = None
    said = names_shown(claim.source.id for claim in claims)
    for claim in _parts_under_totals(sorted_claims(claims)):
        if (claim.topic, claim.slot) != key:
            key = (claim.topic, claim.slot)
            verdict = by_subject.get(key)
            title = _verdict_title(verdict) if verdict else subject(*key)
            if claim.part_of:
                title = f"  part of {claim.part_of.replace('/', ' / ')}: {title}"
            notes = [said(note) for note in verdict.notes] if verdict else []
            current = Section(title, list(headers), notes=notes)
            sections.append(current)
        assert current is not None
        role = roles.get(claim.id, ("", ""))[1]
        cells: list[object] = [
            printable(claim.source.id),
            claim.value.surface
            + "".join(f" ({v.surface})" for v in claim.equivalents),  # "$400 million (EUR 387m)"
            format_value(claim.value),
            _stated(claim.modality, claim.polarity),
            _event_role(claim),
            claim.noun,
            f"“{clean(claim.evidence.sentence)}”",
        ]
        if verdicts is not None:
            cells.insert(5, role)
        current.add(cells, style=role or None)
    return [s.drop_empty("Stated", "Event", "Noun") for s in sections]


def _event_role(claim: Claim) -> str:
    """The event the value is about (events stage), shown when it is not the main one:
    'previous', 'next', 'part', 'other'. Stored records give it as a mapping."""
    event = getattr(claim, "event", None)
    role = event.get("role") if isinstance(event, dict) else getattr(event, "role", None)
    return "" if role in (None, "main") else str(role)


def topics_sections(rows: TopicRows) -> list[Section]:
    if not rows:
        return []
    table = Section(f"Topics ({len({r[0] for r in rows})})", ["Topic", "Slot", "Claims", "Verdict"])
    previous = None
    for topic, slot, count, verdict in rows:
        if previous is not None and topic != previous:
            table.ends.add(len(table.rows) - 1)
        table.add([topic, slot, count, (verdict or "").replace("_", "-")], style=verdict)
        previous = topic
    return [table]
