"""Tables for people, drawn with Rich into a string.

With a fixed `width` (golden tests, `--width`) the output is plain text, the
same on every machine. Without one, width and colour follow stdout: colour on
a terminal (unless NO_COLOR), none in a pipe. Document text always enters Rich
as `Text`, never as markup, so a "[bold]" in an article stays literal.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
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
_MIN_LAST = 30  # room the last column (usually the quote) keeps
_STYLES = {
    "consensus": "green",
    "dissent": "red",
    "outlier": "bold red",
    "contradiction": "red",
    "single_source": "dim",
}


def report(report: Report, *, width: int | None = None) -> str:
    sections = report_sections(report)
    return _draw(lambda w: [Text(summary(report), style="bold"), *_tables(sections, w)], width)


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    sections = claims_sections(claims, verdicts)
    return _draw(lambda w: _tables(sections, w), width) if sections else ""


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    sections = topics_sections(rows)
    return _draw(lambda w: _tables(sections, w), width) if sections else ""


def _tables(sections: list[Section], width: int) -> list[RenderableType]:
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
        for header, min_width in zip(section.headers, _min_widths(section, width), strict=True):
            table.add_column(
                header,
                justify="right" if header in NUMERIC_HEADERS else "left",
                min_width=min_width,
                overflow="fold",
            )
        for i, row in enumerate(section.rows):
            style = _STYLES.get(section.styles[i] or "")
            table.add_row(*(Text(cell) for cell in row), style=style, end_section=i in section.ends)
        out.append(table)
        if section.notes:
            notes = Text("\n".join(f"note: {note}" for note in section.notes), style="italic")
            out.append(Padding(notes, (0, 0, 0, 2)))  # wrapped lines keep the indent
    return out


def _min_widths(section: Section, width: int) -> list[int | None]:
    """Keep file names and ids whole where the width allows it.

    Every column but the last (the quote, or the widest text) may ask for its
    longest word. If that leaves the last one too little room, nobody asks:
    Rich then folds inside words rather than cropping the table at the edge.
    """
    words = [
        min(max((len(w) for row in section.rows for w in row[i].split()), default=0), _MAX_WORD)
        for i in range(len(section.headers) - 1)
    ]
    # A column is never narrower than its header, so count headers in the budget too.
    needed = [max(w, len(h)) for w, h in zip(words, section.headers, strict=False)]
    padding = 3 * len(section.headers)
    if sum(needed) + padding + _MIN_LAST > width:
        return [None] * len(section.headers)
    return [*words, None]


def _draw(build: Callable[[int], list[RenderableType]], width: int | None) -> str:
    buffer = io.StringIO()
    if width is None:
        probe = Console()  # looks at the real stdout, NO_COLOR, FORCE_COLOR, COLUMNS
        console = Console(
            file=buffer,
            width=probe.width,
            force_terminal=probe.is_terminal,
            color_system="auto" if probe.is_terminal else None,
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
    for item in build(console.width):
        console.print(item)
        console.print()
    lines = buffer.getvalue().rstrip("\n").split("\n")
    return "\n".join(line.rstrip() for line in lines) + "\n"
