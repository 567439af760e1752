"""The library's exception tree. The CLI turns these into `Error:` + `Hint:`."""

from __future__ import annotations


class FactsError(Exception):
    """Base of every error a user can cause. `hint` says how to fix it."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(FactsError):
    """A path, document or option the tool cannot use."""


class RuleError(FactsError):
    """One or more rule files are invalid. `problems` lists every one."""

    def __init__(self, message: str, *, hint: str = "", problems: list[str] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems or []


class ModelError(FactsError):
    """The spaCy model cannot be found or loaded."""


class StoreError(FactsError):
    """The claim store is missing, locked, corrupt or from another version."""


class GoldError(FactsError):
    """A gold file cannot be read."""
