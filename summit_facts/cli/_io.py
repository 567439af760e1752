"""Writing for the commands: data on stdout, messages and errors on stderr.

Imports nothing beyond the standard library, so that the quick answers
(`facts show`, `facts topics`, see `quick.py`) can use it without Typer.
"""

from __future__ import annotations

import os
import sys

from summit_facts.errors import FactsError, RuleError


def err(message: str) -> None:
    """A message for people: always stderr, so stdout stays data."""
    print(message, file=sys.stderr, flush=True)


def out(text: str) -> None:
    """Data on stdout. A closed pipe (`| head`) is not an error."""
    if not text:
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def console_width() -> int | None:
    """A fixed width when stdout is not a terminal, so piped tables are stable."""
    if sys.stdout.isatty():
        return None
    return int(os.environ.get("COLUMNS", "120"))


def print_error(exc: FactsError) -> None:
    """`Error: what` and `Hint: how to fix` on stderr: every FactsError ends here."""
    print(f"Error: {exc.message}", file=sys.stderr)
    if isinstance(exc, RuleError):
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
    if exc.hint:
        print(f"Hint: {exc.hint}", file=sys.stderr)
