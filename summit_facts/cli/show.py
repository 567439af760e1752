"""`facts show --topic TOPIC`: every claim of a topic, by slot, source by source."""

from __future__ import annotations

from typing import Annotated

import typer

from summit_facts.cli._common import FormatOption, RulesOption, StoreOption, console_width, out
from summit_facts.cli.topics import check_first, known_topic, open_last_run_store
from summit_facts.render import Format, render_claims


def show_cli(
    topic: Annotated[str, typer.Option("--topic", "-t", help="The topic to show.")],
    paths: Annotated[
        list[str] | None, typer.Argument(help="Check these first; else read the last check.")
    ] = None,
    slot: Annotated[str | None, typer.Option("--slot", help="Only this slot.")] = None,
    fmt: FormatOption = Format.table,
    store: StoreOption = None,
    rules: RulesOption = None,
) -> None:
    """Show every claim of one topic, slot by slot, with value, quote, modality and verdict."""
    if paths:
        known_topic(topic, rules)  # a typo fails before the model loads
        check_first(paths, store, rules)
    db = open_last_run_store(store)
    with db:
        claims = db.claims_for(topic, slot=slot)
        verdicts = db.verdicts_for(topic, slot=slot)
        if not claims:
            known = {row.topic for row in db.topics()}
            if topic not in known:
                known_topic(topic, rules)
    out(render_claims(claims, fmt, verdicts=verdicts, console_width=console_width()))
