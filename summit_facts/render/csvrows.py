"""CSV: one row per cluster (report), per claim, or per subject (topics).

In a report, `automatic` says whether the subject is automatic (no rule names
it); those rows come last and are not findings.

Spreadsheets run a cell that starts with =, +, - or @ as a formula, so such
cells get a leading apostrophe (OWASP's advice against CSV injection). Cells
are single lines: document text has its breaks turned into spaces, and a
control character in a file name is written as its escape (`\\n`, `\\x1b`), as
in the table. JSON keeps the exact name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summit_facts.render._common import (
    ReportView,
    TopicRows,
    claim_roles,
    clean,
    clusters_of,
    format_value,
    printable,
    sorted_claims,
)

if TYPE_CHECKING:
    from summit_facts.models import Claim, Report, SubjectVerdict

REPORT_COLUMNS = [
    "topic", "slot", "automatic", "verdict", "role", "value", "sources", "independent",
    "agreement", "quote",
]  # fmt: skip
CLAIM_COLUMNS = [
    "id", "source", "topic", "slot", "kind", "surface", "value", "modality", "polarity",
    "noun", "rule", "verdict", "role", "quote",
]  # fmt: skip
TOPIC_COLUMNS = ["topic", "slot", "claims", "verdict"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """A cell that no spreadsheet will evaluate and no line break will split."""
    if value is None:
        return ""
    raw = str(value)
    text = clean(raw)
    # Check the raw text too: clean() turns a leading tab into a space, and some
    # spreadsheets strip leading blanks before they look for a formula.
    if raw.startswith(_FORMULA) or text.lstrip().startswith(_FORMULA):
        return "'" + text
    return text


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    rows = []
    # Rule subjects first; automatic ones after them, marked, never in the counts.
    verdicts = [*report.contradictions, *report.consensus, *report.single_source]
    for verdict in [*verdicts, *report.automatic]:
        for role, cluster in clusters_of(verdict):
            rows.append(
                [
                    verdict.topic,
                    verdict.slot,
                    "true" if verdict.auto else "false",
                    verdict.verdict,
                    role,
                    cluster.display,
                    "; ".join(printable(sid) for sid in cluster.sources),
                    f"{cluster.independent_weight:g}",
                    f"{verdict.agreement:.3g}",
                    " | ".join(clean(s.quote) for s in cluster.support),
                ]
            )
    return _write(REPORT_COLUMNS, rows)


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    roles = claim_roles(verdicts or [])
    rows = []
    for claim in sorted_claims(claims):
        verdict, role = roles.get(claim.id, ("", ""))
        rows.append(
            [
                claim.id,
                printable(claim.source.id),
                claim.topic,
                claim.slot,
                claim.value.kind,
                claim.value.surface,
                format_value(claim.value),
                claim.modality,
                claim.polarity,
                claim.noun,
                claim.rule,
                verdict,
                role,
                claim.evidence.sentence,
            ]
        )
    return _write(CLAIM_COLUMNS, rows)


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _write(TOPIC_COLUMNS, [list(row) for row in rows])


def _write(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    # "\n" rather than csv's default "\r\n": the output goes to pipes and files
    # on Unix; every CSV reader accepts it.
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
