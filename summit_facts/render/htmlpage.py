"""HTML: one self-contained page (inline style and script, no network), built
with Jinja2 templates in `templates/` and autoescaping on, so document text
is always text.

The report page is for reading a check: a summary line, the subjects
(contradictions first) with verdict badges, each value's support as a bar of
independent sources and every quote in its sentence with the value marked;
filters by topic and verdict; the sources with their standing and the outlier.
Claims and topics pages show the same sections as the other human formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from summit_facts.render._common import (
    NUMERIC_HEADERS,
    Marked,
    ReportView,
    Section,
    TopicRows,
    claims_sections,
    clean,
    clusters_of,
    marked_quote,
    names_shown,
    percent,
    printable,
    subject,
    summary,
    topics_sections,
)

if TYPE_CHECKING:
    from jinja2 import Environment

    from summit_facts.models import Claim, Report, SubjectVerdict

VERDICT_WORDS = {
    "contradiction": "contradiction",
    "consensus": "consensus",
    "single_source": "single source",
}


@dataclass
class QuoteView:
    source: str
    stated: str
    quote: Marked


@dataclass
class ClusterView:
    role: str  # consensus | dissent
    display: str
    sources: list[str]
    independent: float
    share: float  # of the subject's independent weight, 0..1
    quotes: list[QuoteView] = field(default_factory=list)


@dataclass
class SubjectView:
    anchor: str
    topic: str
    slot: str
    name: str
    verdict: str
    verdict_words: str
    auto: bool
    conflict: str | None
    agreement: str
    no_majority: bool
    clusters: list[ClusterView]
    notes: list[str]


def subject_view(verdict: SubjectVerdict, index: int) -> SubjectView:
    roles = clusters_of(verdict)
    total = sum(c.independent_weight for _, c in roles) or 1.0
    said = names_shown(sid for _, c in roles for sid in c.sources)
    clusters = []
    for role, cluster in roles:
        quotes = [
            QuoteView(
                source=printable(s.source_id),
                stated=", ".join(
                    m for m in (s.modality, s.polarity) if m not in ("asserted", "affirmed")
                ),
                quote=marked_quote(s, window=None),
            )
            for s in cluster.support
        ]
        clusters.append(
            ClusterView(
                role=role,
                display=clean(cluster.display),
                sources=[printable(sid) for sid in cluster.sources],
                independent=cluster.independent_weight,
                share=cluster.independent_weight / total,
                quotes=quotes,
            )
        )
    return SubjectView(
        anchor=f"s{index}",
        topic=verdict.topic,
        slot=verdict.slot,
        name=clean(subject(verdict.topic, verdict.slot)),
        verdict=verdict.verdict,
        verdict_words=VERDICT_WORDS.get(verdict.verdict, verdict.verdict),
        auto=verdict.auto,
        conflict=verdict.conflict,
        agreement=percent(verdict.agreement),
        no_majority=verdict.verdict == "contradiction" and verdict.consensus is None,
        clusters=clusters,
        notes=[clean(said(n)) for n in verdict.notes],
    )


@cache
def environment() -> Environment:
    # Imported here: `facts --help` and the other formats never pay for Jinja2.
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("summit_facts.render", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = lambda x: f"{x:g}"
    env.filters["printable"] = printable  # file names: control characters shown escaped
    return env


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    view = view or ReportView()
    verdicts = [*report.contradictions, *report.consensus, *report.single_source]
    subjects = [subject_view(v, i) for i, v in enumerate(verdicts)]
    automatic = (
        [subject_view(v, len(verdicts) + i) for i, v in enumerate(report.automatic)]
        if view.auto
        else []
    )
    topics = sorted({s.topic for s in subjects + automatic})
    counts = {
        "contradiction": len(report.contradictions),
        "consensus": len(report.consensus),
        "single_source": len(report.single_source),
    }
    context: dict[str, Any] = {
        "title": "summit-facts report",
        "summary": summary(report),
        "report": report,
        "counts": counts,
        "verdict_words": VERDICT_WORDS,
        "count_words": {
            "contradiction": "contradictions",
            "consensus": "consensus",
            "single_source": "single-source",
        },
        "subjects": subjects,
        "automatic": automatic,
        "automatic_total": len(report.automatic),
        "topics": topics,
        "percent": percent,
    }
    return environment().get_template("report.html.j2").render(context)


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    return _sections_page("summit-facts claims", claims_sections(claims, verdicts))


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _sections_page("summit-facts topics", topics_sections(rows))


def _sections_page(title: str, sections: list[Section]) -> str:
    template = environment().get_template("sections.html.j2")
    return template.render(
        title=title,
        sections=sections,
        numeric=NUMERIC_HEADERS,
        is_marked=lambda cell: isinstance(cell, Marked),
    )
