"""The published JSON Schemas of the machine formats (`facts schema NAME`).

Each output document is modelled here exactly as the json renderer writes it,
so a test can validate real output against the schema it publishes.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from summit_facts.models import Claim, Report, SubjectVerdict

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ReportDocument(Report):
    """`facts check --format json`."""

    kind: Literal["report"]


class ClaimsDocument(BaseModel):
    """`facts extract --format json` and `facts show --format json`."""

    model_config = ConfigDict(extra="forbid")
    schema_version: int
    kind: Literal["claims"]
    claims: list[Claim]
    verdicts: list[SubjectVerdict]


SCHEMAS: dict[str, type[BaseModel]] = {
    "claim": Claim,
    "claims": ClaimsDocument,
    "report": ReportDocument,
}


def schema_of(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    return schema


def schema_text(name: str) -> str:
    return json.dumps(schema_of(name), indent=2, sort_keys=True) + "\n"
