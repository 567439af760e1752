"""Render reports, claims and topics in every output format.

One module per format behind one small interface (`Renderer`), picked by the
`Format` enum. Every renderer returns the whole output as a string ending in a
newline, or "" when there is nothing to show in a format where nothing is the
honest answer (jsonl, table, md); the CLI writes it to stdout as is. Messages
for people never appear here: they are the CLI's, on stderr.

Nothing in this package imports spaCy: `facts show` renders from the store
without loading the language model. A format's module is imported when it is
first used, so `facts --help` and `facts topics` never pay for Jinja2, Rich or
the models they do not need.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from summit_facts.models import Claim, Report, SubjectVerdict
    from summit_facts.render._common import ReportView, TopicRows

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


MODULES = {
    Format.table: "table",
    Format.json: "jsondoc",
    Format.jsonl: "jsonlines",
    Format.csv: "csvrows",
    Format.md: "markdown",
    Format.html: "htmlpage",
}


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


def renderer(fmt: Format | str) -> Renderer:
    module: Any = importlib.import_module(f"summit_facts.render.{MODULES[Format(fmt)]}")
    return module  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    # The shared names, imported on first use (they bring in the models).
    if name == "RENDERERS":
        return {fmt: renderer(fmt) for fmt in Format}
    if name in ("ReportView", "TopicRows", "format_value"):
        from summit_facts.render import _common

        return getattr(_common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    return renderer(fmt).report(report, width=console_width, view=view)


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
    return renderer(fmt).claims(claims, verdicts, width=console_width)


def render_topics(rows: TopicRows, fmt: Format, *, console_width: int | None = None) -> str:
    """`facts topics`: (topic, slot, claim count, verdict) rows, e.g. `Store.topics()`."""
    return renderer(fmt).topics(rows, width=console_width)
