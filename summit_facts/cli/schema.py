"""`facts schema`: the JSON Schema of the machine formats (claims, report)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from summit_facts.cli._common import out
from summit_facts.errors import InputError
from summit_facts.models import Claim, Report


def schema_cli(
    what: Annotated[str, typer.Argument(help="'claim' or 'report'.")] = "claim",
) -> None:
    """Print the JSON Schema of a claim (default) or of the check report."""
    models = {"claim": Claim, "report": Report}
    if what not in models:
        raise InputError(f"no schema named {what!r}", hint="use: facts schema claim|report")
    schema = models[what].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out(json.dumps(schema, indent=2, sort_keys=True) + "\n")
