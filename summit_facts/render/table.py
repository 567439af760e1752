"""Tables for people.

With a fixed `width` (a pipe, golden tests) the output is plain text, the same
on every machine. Without one, width and colour follow stdout: colour on a
terminal (unless NO_COLOR), none in a pipe. Rich draws the tables; document
text always enters Rich as `Text`, never as markup, so a "[bold]" in an
article stays literal.

Plain text that Rich would lay out simply (every character one cell wide, no
column squeezed by Rich itself) is drawn here instead, character for character
as Rich draws it: `facts show` and `facts topics` then answer without importing
Rich, which alone costs about the start of the interpreter. A test holds the
two drawings equal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

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
    from rich.text import Text

    return _draw(lambda w: [Text(summary(report), style="bold"), *_tables(sections, w)], width)


def claims(
    claims: Sequence[Claim],
    verdicts: Sequence[SubjectVerdict] | None = None,
    *,
    width: int | None = None,
) -> str:
    sections = claims_sections(claims, verdicts)
    return _draw_tables(sections, width) if sections else ""


def topics(rows: TopicRows, *, width: int | None = None) -> str:
    sections = topics_sections(rows)
    return _draw_tables(sections, width) if sections else ""


def _draw_tables(sections: list[Section], width: int | None) -> str:
    if width is not None:
        text = _plain_tables(sections, width)
        if text is not None:
            return text
    return _draw(lambda w: _tables(sections, w), width)


def _tables(sections: list[Section], width: int) -> list[RenderableType]:
    from rich import box
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

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
        widths = _widths(section, width, lambda cell: _text(cell).cell_len)
        for header, fixed in zip(section.headers, widths, strict=True):
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
    from rich.text import Text

    if isinstance(cell, str):
        return Text(cell)
    text = Text("“" + cell.before)
    if cell.value:
        text.append("»" + cell.value + "«", style="bold underline")
    text.append(cell.after + "”")
    return text


def _widths(
    section: Section, width: int, measure: Callable[[str | Marked], int]
) -> list[int | None]:
    """Column widths that fit `width`, keeping subjects and file names whole.

    Each column may shrink to a floor: its longest cell for the `_WHOLE` columns
    (so a subject stays on one line), its longest word for the others, and for
    the last column (the quote, usually) `_MIN_LAST` or less if its cells are
    short. The widest columns give way first. If the floors do not fit, whole
    columns fall back to words; if even that does not fit, Rich decides (and
    folds inside words rather than cropping the table at the edge).
    """
    cells = [[measure(row[i]) for row in section.rows] for i in range(len(section.headers))]
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
    from rich.console import Console

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


# ---------------------------------------------------------------- plain text without Rich

# Characters Rich draws one cell wide: its own single-cell ranges, and the
# punctuation, currency signs, arrows and maths signs of news text. A test
# checks every one against Rich. Text with any other character goes to Rich.
NARROW = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2010, 0x2027),
    (0x2030, 0x205E), (0x20A0, 0x20C0), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2500, 0x25FC),
)  # fmt: skip
_NARROW = re.compile(
    "[" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in NARROW) + "]*"
)
_WORD = re.compile(r"\s*\S+\s*")  # a word and the blanks around it, as Rich splits


def _plain(cell: str | Marked) -> str:
    """The text of `_text(cell)`, without its styles."""
    if isinstance(cell, str):
        return cell
    value = "»" + cell.value + "«" if cell.value else ""
    return "“" + cell.before + value + cell.after + "”"


def _plain_tables(sections: list[Section], width: int) -> str | None:
    """What `_draw(_tables(sections))` prints at `width` without colour, or None
    where only Rich knows: a heading without a table, a character that is not one
    cell wide, columns too narrow to hold anything."""
    out: list[str] = []
    for section in sections:
        if not section.headers or not section.rows:
            return None
        cells = [[_plain(cell) for cell in row] for row in section.rows]
        texts = [section.title, *section.headers, *section.notes, *(c for r in cells for c in r)]
        if not all(_NARROW.fullmatch(text) for text in texts):
            return None
        table = _plain_table(section, cells, width)
        if table is None:
            return None
        out += [*table, ""]
        if section.notes:
            notes = [_wrap(f"note: {note}", width - 2) for note in section.notes]
            out += ["  " + line for lines in notes for line in lines] + [""]
    # As `_draw` trims Rich's output: trailing newlines, then each line's blanks.
    lines = "\n".join(out).rstrip("\n").split("\n")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _plain_table(section: Section, cells: list[list[str]], width: int) -> list[str] | None:
    """A table as Rich draws it: title, header, a rule, the rows (a blank line
    where a group ends); columns three apart (padding 1, a blank divider, 1)."""
    fixed = _widths(section, width, lambda cell: len(_plain(cell)))
    count = len(section.headers)
    pads = [(i > 0) + (i < count - 1) for i in range(count)]  # no padding at the edges
    limit = width - (count - 1)  # room for the columns and their padding
    outer = [
        min(
            size + pad if size is not None else max(len(h), *(len(r[i]) for r in cells)) + pad,
            limit,
        )
        for i, (h, size, pad) in enumerate(zip(section.headers, fixed, pads, strict=True))
    ]
    if sum(outer) > limit:  # Rich's Table._calculate_column_widths
        outer = _collapse(outer, [size is None for size in fixed], limit)
        if sum(outer) > limit:
            outer = _reduce(sum(outer) - limit, [1] * count, outer, outer)
    inner = [size - pad for size, pad in zip(outer, pads, strict=True)]
    if min(inner) < 1:
        return None
    total = sum(outer) + count - 1
    right = [header in NUMERIC_HEADERS for header in section.headers]
    lines = _wrap(section.title, total) if section.title else []

    def draw(row: list[str], *, bottom: bool = False) -> list[str]:
        sizes = zip(row, inner, right, strict=True)
        wrapped = [_wrap(text, size, right=r) for text, size, r in sizes]
        height = max(len(cell) for cell in wrapped)
        for cell, size in zip(wrapped, inner, strict=True):
            blank = [" " * size] * (height - len(cell))
            if bottom:  # headers sit on the rule
                cell[:0] = blank
            else:
                cell += blank
        return ["   ".join(cell[i] for cell in wrapped) for i in range(height)]

    lines += draw(section.headers, bottom=True)
    lines.append("─" * total)
    last = len(cells) - 1
    for i, row in enumerate(cells):
        lines += draw(row)
        if i in section.ends and i != last:
            lines.append("")
    return lines


def _wrap(text: str, width: int, *, right: bool = False) -> list[str]:
    """`text` in lines of `width`, each padded to it: Rich's word wrap
    (rich._wrap.divide_line), folding a word longer than a line."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # fold the word over as many lines as it needs
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    lines = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if right:
        return [line.rstrip()[:width].rjust(width) for line in lines]
    return [line[:width].ljust(width) for line in lines]


def _collapse(widths: list[int], wrapable: list[bool], limit: int) -> list[int]:
    """Rich's Table._collapse_widths: the widest wrapable columns give way first."""
    excess = sum(widths) - limit
    while any(wrapable) and sum(widths) > 0 and excess > 0:
        widest = max(w for w, wrap in zip(widths, wrapable, strict=True) if wrap)
        second = max(
            w if wrap and w != widest else 0 for w, wrap in zip(widths, wrapable, strict=True)
        )
        ratios = [int(w == widest and wrap) for w, wrap in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - limit
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Rich's _ratio.ratio_reduce: take `total` off `values` in proportion to `ratios`."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * remaining / total_ratio))
            result.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result
