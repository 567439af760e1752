"""`facts schema [claim|claims|report]`: the JSON Schema of the machine formats."""

from __future__ import annotations

from typing import Annotated

import typer

from summit_facts.cli._common import out
from summit_facts.errors import InputError


def schema_cli(
    what: Annotated[
        str, typer.Argument(help="claim (one record), claims (extract/show), report (check).")
    ] = "claim",
) -> None:
    """Print the JSON Schema of a claim, of the claims document, or of the check report."""
    from summit_facts.schemas import SCHEMAS, schema_text

    if what not in SCHEMAS:
        raise InputError(f"no schema named {what!r}", hint="use: facts schema " + "|".join(SCHEMAS))
    out(schema_text(what))
