"""`facts topics`: the topics and slots known, with claim counts and verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summit_facts.cli._common import (
    NO_DOCUMENTS_HINT,
    FormatOption,
    ProgressPrinter,
    RulesOption,
    StoreOption,
    out,
    report_inputs,
)
from summit_facts.cli.reading import topics_text
from summit_facts.errors import InputError
from summit_facts.render import Format


def check_first(paths: list[str], store_dir: Path | None, rules_dir: Path | None) -> None:
    """`facts check PATH...` before answering: skips reported, no usable input an error."""
    from summit_facts.check import Options, check

    printer = ProgressPrinter()
    result = check(paths, Options(store_dir=store_dir, rules_dir=rules_dir), on_progress=printer)
    printer.done()
    report_inputs(result.skipped, result.notices)
    if not result.sources:
        raise InputError(
            "no usable documents in " + ", ".join(paths),
            hint=NO_DOCUMENTS_HINT,
        )


def topics_cli(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Check these first; else read the last check.")
    ] = None,
    fmt: FormatOption = Format.table,
    store: StoreOption = None,
    rules: RulesOption = None,
) -> None:
    """List the topics and slots of the last check, with claim counts and verdicts."""
    if paths:
        check_first(paths, store, rules)
    out(topics_text(fmt=fmt, store_dir=store))
