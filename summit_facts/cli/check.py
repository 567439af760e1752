"""`facts check PATH...`: consensus, contradictions, single-source facts, sources."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summit_facts.cli._common import (
    DEFAULT_MAX_BYTES,
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

QUOTES = ("short", "full")


def filter_topic(report, topic: str | None):  # type: ignore[no-untyped-def]
    if not topic:
        return report
    keep = lambda vs: [v for v in vs if v.topic == topic]  # noqa: E731
    return report.model_copy(
        update={
            "contradictions": keep(report.contradictions),
            "consensus": keep(report.consensus),
            "single_source": keep(report.single_source),
            "automatic": keep(report.automatic),
        }
    )


def check_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    fmt: FormatOption = Format.table,
    topic: Annotated[str | None, typer.Option("--topic", help="Only this topic.")] = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 when one is found: 'contradiction'."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: cores).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-extract everything.")] = False,
    auto: Annotated[
        bool,
        typer.Option(
            "--auto/--no-auto",
            help="Show the automatic subjects (table, md, html); never counted.",
        ),
    ] = False,
    quotes: Annotated[
        str,
        typer.Option("--quotes", help="'short': ~100 characters around the value; 'full'."),
    ] = "short",
    store: StoreOption = None,
    rules: RulesOption = None,
    model: ModelOption = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:PORT) or 'local'."),
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="'local' starts a local Dask cluster.")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Skip files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
) -> None:
    """Check the figures across sources: contradictions first, then consensus."""
    if quotes not in QUOTES:
        raise InputError(f"unknown --quotes value {quotes!r}", hint="use --quotes short or full")
    if fail_on not in (None, "contradiction"):
        raise InputError(
            f"unknown --fail-on value {fail_on!r}", hint="the only value is: contradiction"
        )
    _check_topic(topic, rules)
    from summit_facts.check import Options
    from summit_facts.pipeline import available_cores
    from summit_facts.render import ReportView, render_report

    options = Options(
        rules_dir=rules,
        model=model,
        jobs=jobs or available_cores(),
        store_dir=store,
        use_cache=not no_cache,
        scheduler=scheduler or cluster,
        max_bytes=max_bytes,
    )
    result = run_check(paths, options, quiet=quiet)
    report = filter_topic(result.report, topic)
    view = ReportView(auto=auto, quotes=quotes)
    out(render_report(report, fmt, console_width=console_width(), view=view))
    # Rule subjects only: an automatic subject is evidence for the reader, not a finding.
    if fail_on == "contradiction" and report.contradictions:
        raise typer.Exit(1)


def _check_topic(topic: str | None, rules: Path | None) -> None:
    if topic:
        from summit_facts.cli.reading import known_topic

        known_topic(topic, rules)
