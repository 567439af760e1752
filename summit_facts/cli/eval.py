"""Placeholder until the eval command lands."""


def eval_cli() -> None:  # pragma: no cover
    """Score against a gold file."""
