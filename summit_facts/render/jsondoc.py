"""JSON: one top-level object, `{"schema_version", "kind", ...}`.

Document text is kept as it is (JSON escapes control characters itself), so a
quote still matches its character offsets.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from summit_facts import SCHEMA_VERSION
from summit_facts.render._common import ReportView, TopicRows

if TYPE_CHECKING:
    from pydantic import BaseModel

    from summit_facts.models import Claim, Report, SubjectVerdict

# Characters that some line splitters (str.splitlines, old JavaScript) treat as
# line breaks although JSON allows them raw inside strings.
_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def dumps(data: object, *, indent: int | None = None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    for raw, escaped in _BREAKS.items():
        text = text.replace(raw, escaped)  # only ever inside strings: JSON syntax is ASCII
    return text


def plain(item: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """A record as JSON data: a model dumped, or a dict (a record read from the
    claim store without its model, `store.Record`) as it is."""
    return item if isinstance(item, dict) else item.model_dump(mode="json")


def header(kind: str) -> dict[str, object]:
    return {"schema_version": SCHEMA_VERSION, "kind": kind}


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    body = report.model_dump(mode="json")
    body.pop("schema_version")  # the output format's version is the one that counts
    return dumps({**header("report"), **body}, indent=2) + "\n"


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    data = {
        **header("claims"),
        "claims": [plain(c) for c in claims],
        "verdicts": [plain(v) for v in verdicts or []],
    }
    return dumps(data, indent=2) + "\n"


def topic_record(row: tuple[str, str, int, str | None]) -> dict[str, object]:
    topic, slot, count, verdict = row
    return {"topic": topic, "slot": slot, "claims": count, "verdict": verdict}


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    data = {**header("topics"), "topics": [topic_record(row) for row in rows]}
    return dumps(data, indent=2) + "\n"
