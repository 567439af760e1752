"""`facts extract PATH...`: the raw claims, for piping."""

from __future__ import annotations

from typing import Annotated

import typer

from summit_facts.cli._common import (
    DEFAULT_MAX_BYTES,
    FormatOption,
    ModelOption,
    RulesOption,
    StoreOption,
    check_jobs,
    console_width,
    out,
    run_check,
)
from summit_facts.render import Format


def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    fmt: FormatOption = Format.table,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: cores).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-extract everything.")] = False,
    store: StoreOption = None,
    rules: RulesOption = None,
    model: ModelOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Skip files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> None:
    """Print every claim found, filed under its topic and slot (or an automatic subject)."""
    check_jobs(jobs)
    from summit_facts.check import Options
    from summit_facts.pipeline import available_cores
    from summit_facts.render import render_claims

    options = Options(
        rules_dir=rules,
        model=model,
        jobs=jobs or available_cores(),
        store_dir=store,
        use_cache=not no_cache,
        save=False,
        max_bytes=max_bytes,
    )
    result = run_check(paths, options, quiet=quiet)
    out(render_claims(result.claims, fmt, console_width=console_width()))
