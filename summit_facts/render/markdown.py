"""Markdown: a heading per part and per subject, a pipe table under each.

Every cell and heading is escaped, because document text may hold anything a
Markdown renderer would act on: a `|` that splits a cell, `*` or `_` that
start emphasis, `[...]` that make links, or raw `<script>` HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summit_facts.render._common import (
    NUMERIC_HEADERS,
    Marked,
    ReportView,
    Section,
    TopicRows,
    claims_sections,
    clean,
    report_sections,
    summary,
    topics_sections,
)

if TYPE_CHECKING:
    from summit_facts.models import Claim, Report, SubjectVerdict

# Backslash first, so that the escapes added for the others are not escaped again.
_PUNCT = re.compile(r"([\\`*_\[\]|~#])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """Literal text in a Markdown table cell or heading."""
    text = _PUNCT.sub(r"\\\1", clean(text))
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    return _document(
        report_sections(report, view), title="summit-facts report", lead=summary(report)
    )


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    return _document(claims_sections(claims, verdicts)) if claims else ""


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _document(topics_sections(rows)) if rows else ""


def _document(sections: list[Section], *, title: str = "", lead: str = "") -> str:
    out = [f"# {escape(title)}", ""] if title else []
    if lead:
        out += [escape(lead), ""]
    for section in sections:
        if section.title:
            out += [f"{'#' * section.level} {escape(section.title)}", ""]
        if not section.headers:
            continue
        out.append(_row(section.headers))
        out.append(
            _row(["---:" if h in NUMERIC_HEADERS else "---" for h in section.headers], raw=True)
        )
        out += [_row(row) for row in section.rows]
        out.append("")
        out += [f"- {escape(note)}" for note in section.notes]
        if section.notes:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _row(cells: Sequence[str | Marked], *, raw: bool = False) -> str:
    return "| " + " | ".join(_cell(c, raw) for c in cells) + " |"


def _cell(cell: str | Marked, raw: bool) -> str:
    if isinstance(cell, str):
        return cell if raw else escape(cell)
    value = f"**{escape(cell.value)}**" if cell.value else ""
    return f"“{escape(cell.before)}{value}{escape(cell.after)}”"
