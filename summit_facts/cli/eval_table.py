"""`facts eval` scores as tables for people (Rich)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from summit_facts.evaluate import EvalResult, Miss, SprungTrap, SubjectScore
from summit_facts.render._common import printable

_MAX_CELL = 44  # "initiatives / current_ai_backing_governments" stays on one line


def render_table(scores: EvalResult, *, width: int = 120) -> str:
    """The scores for people: a summary, the subjects, then what went wrong."""
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(_summary(scores))
    console.print(_subjects(scores))
    for title, headers, rows in (_misses(scores), _sprung(scores), _extra(scores)):
        if rows:
            console.print(_wide_table(title, headers, rows, width))
    return console.file.getvalue()  # type: ignore[attr-defined]


def _table(title: str, *headers: str, expand: bool = False) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=expand,
    )
    for header in headers:
        numeric = header in ("Found", "Score")
        table.add_column(header, justify="right" if numeric else "left", overflow="fold")
    return table


def _wide_table(title: str, headers: Sequence[str], rows: list[list[str]], width: int) -> Table:
    """Short columns as wide as their longest cell (capped); the last one takes the rest."""
    table = _table(title, *headers, expand=True)
    short = table.columns[:-1]
    wanted = [
        min(_MAX_CELL, max(len(str(c.header)), *(len(row[i]) for row in rows)))
        for i, c in enumerate(short)
    ]
    # Room between columns, and a quarter of the line kept for the last one. When
    # short of room, the value column gives first: subjects and file names stay whole.
    room = width - 2 * len(short) - max(24, width // 4)
    for i in reversed(range(len(wanted))):
        over = sum(wanted) - room
        if over <= 0:
            break
        wanted[i] = max(12, wanted[i] - over)
    for column, want in zip(short, wanted, strict=True):
        column.width = want
    table.columns[-1].ratio = 1
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _name(subject: SubjectScore | SprungTrap) -> str:
    return f"{subject.topic} / {subject.slot}"


def _clip(sentence: str, limit: int = 160) -> str:
    """One line, and short: the JSON output keeps the whole sentence."""
    line = " ".join(sentence.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _summary(scores: EvalResult) -> Table:
    table = _table("Scores against gold", "Measure", "Score", "Detail")
    table.add_row(
        "recall", f"{scores.recall:.2f}", f"{scores.found} of {scores.gold_claims} gold claims"
    )
    table.add_row(
        "precision",
        f"{scores.precision:.2f}",
        f"{scores.matching_tool_claims} of {scores.tool_claims_under_gold_subjects}"
        " tool claims under gold subjects",
    )
    right = sum(s.verdict_ok for s in scores.subjects)
    table.add_row(
        "verdict accuracy",
        f"{scores.verdict_accuracy:.2f}",
        f"{right} of {len(scores.subjects)} subjects",
    )
    table.add_row(
        "contradictions",
        f"{scores.contradictions_found}/{scores.contradictions_expected}",
        "found / expected",
    )
    table.add_row("traps sprung", f"{scores.traps_sprung}/{scores.traps_total}", "fewer is better")
    table.add_row(
        "outlier",
        _mark(scores.outlier_correct),
        Text(f"expected {scores.outlier_expected or '—'}, found {scores.outlier_found or '—'}"),
    )
    return table


def _subjects(scores: EvalResult) -> Table:
    table = _table("Subjects", "Subject", "Gold verdict", "Tool verdict", "Verdict", "Found")
    for s in scores.subjects:
        table.add_row(
            Text(_name(s)),
            s.gold_verdict,
            s.tool_verdict or "—",
            _mark(s.verdict_ok),
            f"{s.found}/{s.gold_claims}",
        )
    return table


Rows = tuple[str, tuple[str, ...], list[list[str]]]


def _misses(scores: EvalResult) -> Rows:
    rows = [
        [_name(s), printable(miss.doc), miss.display, _tool_had(miss)]
        for s in scores.subjects
        for miss in s.missed
    ]
    return "Missed gold claims", ("Subject", "Doc", "Expected", "Tool had"), rows


def _tool_had(miss: Miss) -> str:
    """The tool's values for the doc and subject, and where the right value went instead."""
    had = "; ".join(miss.tool_values) or "—"
    if miss.filed_under:
        had += " (right value filed under " + ", ".join(miss.filed_under) + ")"
    return had


def _sprung(scores: EvalResult) -> Rows:
    rows = [[_name(t), printable(t.doc), t.value, _clip(t.sentence)] for t in scores.sprung]
    return "Traps sprung", ("Subject", "Doc", "Value", "Sentence"), rows


def _extra(scores: EvalResult) -> Rows:
    rows = [
        [_name(s), printable(extra.doc), extra.value, _clip(extra.sentence)]
        for s in scores.subjects
        for extra in s.extra
    ]
    return "Tool claims matching no gold claim", ("Subject", "Doc", "Value", "Sentence"), rows
