"""Tables for people, drawn with Rich into a string.

With a fixed `width` (golden tests, `--width`) the output is plain text, the
same on every machine. Without one, width and colour follow stdout: colour on
a terminal (unless NO_COLOR), none in a pipe. Document text always enters Rich
as `Text`, never as markup, so a "[bold]" in an article stays literal.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

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

_MAX_WORD = 28  # "001_0fefa1a324c947c3.txt" fits; a URL may fold
_STYLES = {
    "consensus": "green",
    "dissent": "red",
    "outlier": "bold red",
    "contradiction": "red",
    "single_source": "dim",
}


def report(report: Report, *, width: int | None = None) -> str:
    return _draw([Text(summary(report), style="bold"), *_tables(report_sections(report))], width)


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    return _draw(_tables(claims_sections(claims, verdicts)), width)


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    return _draw(_tables(topics_sections(rows)), width)


def _tables(sections: list[Section]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for section in sections:
        if not section.headers:
            out.append(Rule(Text(section.title), align="left", style="bold"))
            continue
        table = Table(
            title=Text(section.title, style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=False,
        )
        for i, header in enumerate(section.headers):
            table.add_column(
                header,
                justify="right" if header in NUMERIC_HEADERS else "left",
                # Wrap between words, not inside a file name or an id, where the
                # width allows; only a very long word is folded.
                min_width=min(_longest_word(row[i] for row in section.rows), _MAX_WORD),
                overflow="fold",
            )
        for i, row in enumerate(section.rows):
            style = _STYLES.get(section.styles[i] or "")
            table.add_row(*(Text(cell) for cell in row), style=style, end_section=i in section.ends)
        out.append(table)
        out.extend(Text(f"  note: {note}", style="italic") for note in section.notes)
    return out


def _longest_word(cells: Iterable[str]) -> int:
    return max((len(word) for cell in cells for word in cell.split()), default=0)


def _draw(items: list[RenderableType], width: int | None) -> str:
    if not items:
        return ""
    buffer = io.StringIO()
    if width is None:
        probe = Console()  # looks at the real stdout, NO_COLOR, FORCE_COLOR, COLUMNS
        console = Console(
            file=buffer,
            width=probe.width,
            force_terminal=probe.is_terminal,
            color_system=probe.color_system if probe.is_terminal else None,
            highlight=False,
            emoji=False,
        )
    else:
        # An empty environment: no FORCE_COLOR or COLUMNS can change a golden file.
        console = Console(
            file=buffer,
            width=width,
            force_terminal=False,
            color_system=None,
            highlight=False,
            emoji=False,
            _environ={},
        )
    for item in items:
        console.print(item)
        console.print()
    lines = buffer.getvalue().rstrip("\n").split("\n")
    return "\n".join(line.rstrip() for line in lines) + "\n"
