"""YAML parsing for rule files, gold files, front matter and the name tables.

PyYAML's C loader (libyaml) when the wheel has it, else its pure-Python one: the
same documents, the same errors (`yaml.YAMLError`, marks included), several
times faster on the rule files read at every start.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load` with the fastest safe loader installed."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)
