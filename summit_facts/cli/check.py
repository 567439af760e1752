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
    check_jobs,
    console_width,
    out,
    run_check,
)
from summit_facts.errors import InputError
from summit_facts.render import Format

QUOTES = ("short", "full")


def filter_topic(result, topic: str | None):  # type: ignore[no-untyped-def]
    """The report of `result` (a CheckResult) narrowed to one topic: its subjects,
    and the claim count, the source standings and the outlier over them alone, so
    that every number printed is about what is shown. Without a topic, the report."""
    report = result.report
    if not topic:
        return report
    from summit_facts.verdicts import standings

    keep = lambda vs: [v for v in vs if v.topic == topic]  # noqa: E731
    found = [*keep(report.contradictions), *keep(report.consensus), *keep(report.single_source)]
    claims = [c for c in result.claims if c.topic == topic]
    # Every source keeps its row and its independence group (groups are about
    # the documents, not the topic); the standings count this topic's claims.
    by_id = {c.source.id: c.source for c in result.claims} | {s.id: s for s in result.sources}
    sources = [by_id[s.source_id] for s in report.sources if s.source_id in by_id]
    groups = {s.source_id: s.group for s in report.sources}
    table, outlier = standings(found, sources, groups, claims)
    return report.model_copy(
        update={
            "contradictions": keep(report.contradictions),
            "consensus": keep(report.consensus),
            "single_source": keep(report.single_source),
            "automatic": keep(report.automatic),
            "sources": table,
            "outlier": outlier,
            "claims": len(claims),
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
    check_jobs(jobs)
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
    report = filter_topic(result, topic)
    view = ReportView(auto=auto, quotes=quotes)
    out(render_report(report, fmt, console_width=console_width(), view=view))
    # Rule subjects only: an automatic subject is evidence for the reader, not a finding.
    if fail_on == "contradiction" and report.contradictions:
        raise typer.Exit(1)


def _check_topic(topic: str | None, rules: Path | None) -> None:
    if topic:
        from summit_facts.cli.reading import known_topic

        known_topic(topic, rules)
