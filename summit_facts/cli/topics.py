"""`facts topics`: the topics and slots known, with claim counts and verdicts."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summit_facts.cli._common import (
    NO_DOCUMENTS_HINT,
    FormatOption,
    ProgressPrinter,
    RulesOption,
    StoreOption,
    console_width,
    out,
    report_inputs,
)
from summit_facts.errors import InputError, StoreError
from summit_facts.render import Format, render_topics

if TYPE_CHECKING:
    from summit_facts.store import Store


def known_topic(topic: str, rules_dir: Path | None, store_dir: Path | None = None) -> None:
    """Raise with the closest known topic as a hint when `topic` is unknown."""
    from summit_facts.filing import AUTO_TOPIC
    from summit_facts.rules import load_rules

    names = {f.topic for f in load_rules(rules_dir).topics() if f.topic} | {AUTO_TOPIC}
    if topic in names:
        return
    close = difflib.get_close_matches(topic, sorted(names), n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "known topics: " + ", ".join(sorted(names))
    raise InputError(f"unknown topic {topic!r}", hint=hint)


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


AUTO_TOPIC = (
    "auto"  # filing.AUTO_TOPIC, not imported: `topics` loads no rules (a test holds them equal)
)
_HINT_CHECK_FIRST = "run `facts check PATH...` first, or give PATH to this command"


def open_last_run_store(store_dir: Path | None) -> Store:
    from summit_facts.store import DB_NAME, Store, default_path

    folder = Path(store_dir) if store_dir is not None else default_path()
    if not folder.exists() or (folder.is_dir() and not (folder / DB_NAME).exists()):
        # Reading must not leave an empty store (and its folders) behind.
        raise StoreError(f"no claim store at {folder} yet", hint=_HINT_CHECK_FIRST)
    store = Store.open(folder)
    if not store.topics() and store.last_run() is None:
        store.close()
        raise StoreError("the claim store holds no completed check yet", hint=_HINT_CHECK_FIRST)
    return store


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
    db = open_last_run_store(store)
    with db:
        rows = db.topics()
    # Rule topics first: automatic subjects ("auto / in_date") are evidence, not findings.
    rows = sorted(rows, key=lambda row: (row[0] == AUTO_TOPIC, row[0], row[1]))
    out(render_topics(rows, fmt, console_width=console_width()))
