"""HTML: one standalone page (no scripts, no external files), every piece of
text passed through `html.escape`."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from summit_facts.models import Claim, Report, SubjectVerdict
from summit_facts.render._common import (
    NUMERIC_HEADERS,
    Section,
    TopicRows,
    claims_sections,
    report_sections,
    summary,
    topics_sections,
)

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left;
         vertical-align: top; }
td.num, th.num { text-align: right; }
tr.end td { border-bottom: 2px solid #999; }
tr.consensus td:first-child { color: #1a7f37; }
tr.dissent, tr.contradiction { color: #b42318; }
tr.outlier { color: #b42318; font-weight: bold; }
p.summary { color: #555; }
""".strip()


def report(report: Report, *, width: int | None = None) -> str:
    return _page("summit-facts report", report_sections(report), summary(report))


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    return _page("summit-facts claims", claims_sections(claims, verdicts))


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _page("summit-facts topics", topics_sections(rows))


def _page(title: str, sections: list[Section], lead: str | None = None) -> str:
    body = [f"<h1>{escape(title)}</h1>"]
    if lead:
        body.append(f'<p class="summary">{escape(lead)}</p>')
    for section in sections:
        body.append(f"<h{section.level}>{escape(section.title)}</h{section.level}>")
        if section.headers:
            body.append(_table(section))
        if section.notes:
            items = "".join(f"<li>{escape(note)}</li>" for note in section.notes)
            body.append(f'<ul class="notes">{items}</ul>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _table(section: Section) -> str:
    def cls(header: str) -> str:
        return ' class="num"' if header in NUMERIC_HEADERS else ""

    head = "".join(f"<th{cls(h)}>{escape(h)}</th>" for h in section.headers)
    rows = []
    for i, row in enumerate(section.rows):
        classes = " ".join(
            c for c in (section.styles[i], "end" if i in section.ends else None) if c
        )
        attr = f' class="{escape(classes)}"' if classes else ""
        cells = "".join(
            f"<td{cls(h)}>{escape(cell)}</td>" for h, cell in zip(section.headers, row, strict=True)
        )
        rows.append(f"<tr{attr}>{cells}</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
