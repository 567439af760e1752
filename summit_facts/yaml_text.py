"""YAML parsing for rule files, gold files, front matter and the name tables.

PyYAML's C loader (libyaml) when the wheel has it: several times faster on the
rule files read at every start. A document it refuses is read again with the
pure-Python loader, whose messages ("expected ',' or ']', but got '<stream
end>'") and marks are the ones users see: the same errors either way.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load` with the fastest safe loader installed.

    Raises `yaml.YAMLError` as `yaml.safe_load` does."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        if _LOADER is yaml.SafeLoader:
            raise
        return yaml.safe_load(text)  # raises with the pure-Python loader's message
