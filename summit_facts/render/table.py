"""Tables for people, drawn with Rich into a string.

With a fixed `width` (golden tests, `--width`) the output is plain text, the
same on every machine. Without one, width and colour follow stdout: colour on
a terminal (unless NO_COLOR), none in a pipe. Document text always enters Rich
as `Text`, never as markup, so a "[bold]" in an article stays literal.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from summit_facts.models import Claim, Report, SubjectVerdict

from summit_facts.render._common import (
    NUMERIC_HEADERS,
    Marked,
    ReportView,
    Section,
    TopicRows,
    claims_sections,
    report_sections,
    summary,
    topics_sections,
)

_MAX_WORD = 28  # "001_0fefa1a324c947c3.txt" fits; a URL may fold
_MAX_CELL = 48  # "initiatives / sustainability_coalition_partners" stays on one line
_MIN_LAST = 30  # room the last column (usually the quote) keeps
_WHOLE = {"Subject", "Source", "Role"}  # columns kept on one line where the width allows
_STYLES = {
    "consensus": "green",
    "dissent": "red",
    "outlier": "bold red",
    "contradiction": "red",
    "single_source": "dim",
}


def report(report: Report, *, width: int | None = None, view: ReportView | None = None) -> str:
    view = replace(view or ReportView(), short_sources=True)  # the Sources table names them
    sections = report_sections(report, view)
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
        for header, fixed in zip(section.headers, _widths(section, width), strict=True):
            table.add_column(
                header,
                justify="right" if header in NUMERIC_HEADERS else "left",
                width=fixed,
                overflow="fold",
            )
        for i, row in enumerate(section.rows):
            style = _STYLES.get(section.styles[i] or "")
            table.add_row(
                *(_text(cell) for cell in row), style=style, end_section=i in section.ends
            )
        out.append(table)
        if section.notes:
            notes = Text("\n".join(f"note: {note}" for note in section.notes), style="italic")
            out.append(Padding(notes, (0, 0, 0, 2)))  # wrapped lines keep the indent
    return out


def _text(cell: str | Marked) -> Text:
    """A cell as Rich text; a marked quote shows its value between » «, in bold."""
    if isinstance(cell, str):
        return Text(cell)
    text = Text("“" + cell.before)
    if cell.value:
        text.append("»" + cell.value + "«", style="bold underline")
    text.append(cell.after + "”")
    return text


def _widths(section: Section, width: int) -> list[int | None]:
    """Column widths that fit `width`, keeping subjects and file names whole.

    Each column may shrink to a floor: its longest cell for the `_WHOLE` columns
    (so a subject stays on one line), its longest word for the others, and for
    the last column (the quote, usually) `_MIN_LAST` or less if its cells are
    short. The widest columns give way first. If the floors do not fit, whole
    columns fall back to words; if even that does not fit, Rich decides (and
    folds inside words rather than cropping the table at the edge).
    """
    cells = [[_text(row[i]).cell_len for row in section.rows] for i in range(len(section.headers))]
    words = [
        [len(w) for row in section.rows for w in str(row[i]).split()]
        for i in range(len(section.headers))
    ]
    natural = [max([len(h), *col]) for h, col in zip(section.headers, cells, strict=True)]
    room = width - 3 * (len(section.headers) - 1)  # between columns; none at the edges
    if sum(natural) <= room:
        return [None] * len(section.headers)
    last = len(section.headers) - 1
    for whole in (True, False):
        floors = []
        for i, header in enumerate(section.headers):
            longest_word = min(max(words[i], default=0), _MAX_WORD)
            if i == last and header == "Quote":
                floor = max(min(_MIN_LAST, natural[i]), longest_word)
            elif whole and header in _WHOLE:
                floor = min(natural[i], _MAX_CELL, int(width * 0.45))
            else:
                floor = longest_word
            floors.append(min(max(floor, len(header)), natural[i]))
        if sum(floors) > room:
            continue
        widths = list(natural)
        while sum(widths) > room:
            # The widest column that may still give way loses one character.
            i = max(
                (i for i in range(len(widths)) if widths[i] > floors[i]), key=widths.__getitem__
            )
            widths[i] -= 1
        return list(widths)
    return [None] * len(section.headers)


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
