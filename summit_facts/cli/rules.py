"""`facts rules check | schema`: validate rule files, print their JSON Schema."""

from __future__ import annotations

from typing import Annotated

import typer

from summit_facts.cli._common import RulesOption, err, out
from summit_facts.cli._group import FactsCommand, FactsGroup

app = typer.Typer(
    cls=FactsGroup, help="Validate rule files or print their JSON Schema.", no_args_is_help=True
)


@app.command("check", cls=FactsCommand)
def rules_check_cli(
    rules: RulesOption = None,
    examples: Annotated[
        bool, typer.Option("--examples/--no-examples", help="Also run the rule examples.")
    ] = False,
) -> None:
    """Validate every rule file; report all errors at once (exit 2 if any)."""
    from summit_facts.rules import load_rules

    ruleset = load_rules(rules)
    slots = sum(len(f.slots) for f in ruleset.files)
    err(f"{len(ruleset.files)} rule files, {len(ruleset.topics())} topics, {slots} slots: ok")
    if examples:
        from summit_facts.examples import cases, run_examples

        failures = run_examples(ruleset)
        for failure in failures:
            err(f"example fails: {failure}")
        total = len(cases(ruleset))
        err(f"{total - len(failures)} of {total} rule examples pass")
        if failures:
            raise typer.Exit(2)


@app.command("schema", cls=FactsCommand)
def rules_schema_cli() -> None:
    """Print the JSON Schema of a rule file."""
    from summit_facts.rules import rules_schema

    out(rules_schema())
