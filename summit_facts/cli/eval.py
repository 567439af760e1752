"""`facts eval PATH... --gold G`: score the tool against a gold file.

Runs the same check as `facts check` (using the claim store's cache, but not
saving the run, so `facts show` keeps answering about the user's last check),
then scores it with `summit_facts.evaluate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summit_facts.cli._common import (
    FormatOption,
    ModelOption,
    RulesOption,
    StoreOption,
    console_width,
    out,
    run_check,
)
from summit_facts.errors import InputError
from summit_facts.render import Format

if TYPE_CHECKING:
    from summit_facts.evaluate import EvalResult

FORMATS = (Format.table, Format.json)


def eval_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    gold: Annotated[
        Path,
        typer.Option("--gold", "-g", help="Gold file (format: ../shared/gold/seeds.yaml)."),
    ],
    fmt: FormatOption = Format.table,
    store: StoreOption = None,
    rules: RulesOption = None,
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> None:
    """Score claims and verdicts against a gold file: recall, precision, verdicts, traps."""
    if fmt not in FORMATS:
        raise InputError(
            f"facts eval cannot write --format {fmt.value}", hint="use --format table or json"
        )
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
    if fmt == Format.json:
        out(dumps(scores.model_dump(mode="json"), indent=2) + "\n")
    else:
        out(render_table(scores, width=console_width() or 120))


def render_table(scores: EvalResult, *, width: int = 120) -> str:
    """The scores for people: a summary, the subjects, then what went wrong."""
    from summit_facts.cli.eval_table import render_table as draw

    return draw(scores, width=width)
