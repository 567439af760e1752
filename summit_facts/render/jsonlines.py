"""JSON Lines: one record a line, each tagged with `record` and `schema_version`.

An empty result is no lines at all. A report is its subject verdicts (in the
order contradictions, consensus, single-source: rule subjects only), then the
automatic subjects (`"record": "automatic"`), its sources, the skipped inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from summit_facts import SCHEMA_VERSION
from summit_facts.render._common import ReportView, TopicRows
from summit_facts.render.jsondoc import dumps, plain, topic_record

if TYPE_CHECKING:
    from pydantic import BaseModel

    from summit_facts.models import Claim, Report, SubjectVerdict


def _lines(records: Iterable[tuple[str, BaseModel | dict[str, object]]]) -> str:
    out = []
    for name, item in records:
        body = plain(item)
        out.append(dumps({"record": name, "schema_version": SCHEMA_VERSION, **body}) + "\n")
    return "".join(out)


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    verdicts = [*report.contradictions, *report.consensus, *report.single_source]
    return _lines(
        [
            *(("verdict", v) for v in verdicts),
            *(("automatic", v) for v in report.automatic),
            *(("source", s) for s in report.sources),
            *(("skipped", s) for s in report.skipped),
        ]
    )


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    # One claim a line, nothing else: `facts extract | ...` consumers read claims.
    return _lines(("claim", c) for c in claims)


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _lines(("topic", topic_record(row)) for row in rows)
