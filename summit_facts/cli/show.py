"""`facts show --topic TOPIC`: every claim of a topic, by slot, source by source."""

from __future__ import annotations

from typing import Annotated

import typer

from summit_facts.cli._common import FormatOption, RulesOption, StoreOption, out
from summit_facts.cli.reading import known_topic, show_text
from summit_facts.cli.topics import check_first
from summit_facts.render import Format


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
    out(show_text(topic, slot=slot, fmt=fmt, store_dir=store, rules_dir=rules))
