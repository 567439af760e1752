"""`facts eval PATH... --gold G`: score the tool against a gold file.

Runs the same check as `facts check` (using the claim store's cache, but not
saving the run, so `facts show` keeps answering about the user's last check),
then scores it with `summit_facts.evaluate`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summit_facts.cli._common import (
    ModelOption,
    RulesOption,
    StoreOption,
    console_width,
    out,
    run_check,
)

if TYPE_CHECKING:
    from summit_facts.evaluate import EvalResult


class EvalFormat(StrEnum):
    """The formats `facts eval` writes: any other is a usage error, with this list as
    its hint, before anything is read."""

    table = "table"
    json = "json"


def eval_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    gold: Annotated[
        Path,
        typer.Option("--gold", "-g", help="Gold file (format: ../shared/gold/seeds.yaml)."),
    ],
    fmt: Annotated[
        EvalFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = EvalFormat.table,
    store: StoreOption = None,
    rules: RulesOption = None,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> None:
    """Score claims and verdicts against a gold file: recall, precision, verdicts, traps."""
    from summit_facts.check import Options
    from summit_facts.evaluate import evaluate, load_gold
    from summit_facts.pipeline import available_cores
    from summit_facts.render.jsondoc import dumps

    gold_file = load_gold(gold)  # before the model loads: a bad gold file fails fast

    options = Options(
        rules_dir=rules,
        model=model,
        jobs=available_cores(),
        store_dir=store,
        save=False,
    )
    result = run_check(
        paths, options, quiet=quiet, hint="give the folder of articles the gold file describes"
    )
    scores = evaluate(result.claims, result.report, gold_file)
    if fmt == EvalFormat.json:
        out(dumps(scores.model_dump(mode="json"), indent=2) + "\n")
    else:
        out(render_table(scores, width=console_width() or 120))


def render_table(scores: EvalResult, *, width: int = 120) -> str:
    """The scores for people: a summary, the subjects, then what went wrong."""
    from summit_facts.cli.eval_table import render_table as draw

    return draw(scores, width=width)
