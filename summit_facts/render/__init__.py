"""Render reports, claims and topics in every output format.

One module per format behind one small interface (`Renderer`), picked by the
`Format` enum. Every renderer returns the whole output as a string ending in a
newline, or "" when there is nothing to show in a format where nothing is the
honest answer (jsonl, table, md); the CLI writes it to stdout as is. Messages
for people never appear here: they are the CLI's, on stderr.

Nothing in this package imports spaCy: `facts show` renders from the store
without loading the language model.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from summit_facts.models import Claim, Report, SubjectVerdict
from summit_facts.render import csvrows, htmlpage, jsondoc, jsonlines, markdown, table
from summit_facts.render._common import ReportView, TopicRows, format_value

__all__ = [
    "Format",
    "Renderer",
    "RENDERERS",
    "ReportView",
    "TopicRows",
    "format_value",
    "render_claims",
    "render_report",
    "render_topics",
]


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    html = "html"


class Renderer(Protocol):
    """What a format module provides. `width` only matters to the table."""

    def report(
        self, report: Report, *, width: int | None = None, view: ReportView | None = None
    ) -> str: ...

    def claims(
        self,
        claims: Sequence[Claim],
        verdicts: Sequence[SubjectVerdict] | None = None,
        *,
        width: int | None = None,
    ) -> str: ...

    def topics(self, rows: TopicRows, *, width: int | None = None) -> str: ...


RENDERERS: dict[Format, Renderer] = {
    Format.table: table,
    Format.json: jsondoc,
    Format.jsonl: jsonlines,
    Format.csv: csvrows,
    Format.md: markdown,
    Format.html: htmlpage,
}


def render_report(
    report: Report,
    fmt: Format,
    *,
    console_width: int | None = None,
    view: ReportView | None = None,
) -> str:
    """`facts check`: contradictions, consensus, single-source facts, sources, skipped.

    `view` says whether the human formats show the automatic subjects and whole quotes;
    the machine formats always hold everything.
    """
    return RENDERERS[Format(fmt)].report(report, width=console_width, view=view)


def render_claims(
    claims: Sequence[Claim],
    fmt: Format,
    *,
    verdicts: Sequence[SubjectVerdict] | None = None,
    console_width: int | None = None,
) -> str:
    """`facts extract` and `facts show`: claims by subject, source by source.

    With `verdicts`, each subject shows its verdict and each claim its side.
    """
    return RENDERERS[Format(fmt)].claims(claims, verdicts, width=console_width)


def render_topics(rows: TopicRows, fmt: Format, *, console_width: int | None = None) -> str:
    """`facts topics`: (topic, slot, claim count, verdict) rows, e.g. `Store.topics()`."""
    return RENDERERS[Format(fmt)].topics(rows, width=console_width)
