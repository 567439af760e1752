"""Quick answers: `facts show` and `facts topics` from the claim store, without Typer.

Typer 0.29 coerces every option value through a Pydantic TypeAdapter, so any
command with an option costs Typer and Pydantic: several times the start of
the interpreter itself. The two commands people run over and over only read
the store, so `main` tries this path first. It reads the plain spellings of
their options (`--topic summit`, `--format=json`, `-f md`) and calls the very
functions the Typer commands call (`reading.py`). Anything else (paths to
check first, `--help`, an unknown, repeated or misspelt option, a bad value,
`--`) is not answered here: `answer` returns None and the Typer app handles
the command line as always, with its own help and usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summit_facts.cli._io import out, print_error
from summit_facts.errors import FactsError

# Each command's options: spelling -> parameter. The Typer commands declare the
# same ones (show.py, topics.py, _common.py); a test holds the two equal.
OPTIONS = {
    "show": {
        "--topic": "topic",
        "-t": "topic",
        "--slot": "slot",
        "--format": "fmt",
        "-f": "fmt",
        "--store": "store",
        "--rules": "rules",
    },
    "topics": {"--format": "fmt", "-f": "fmt", "--store": "store", "--rules": "rules"},
}
REQUIRED = {"show": {"topic"}, "topics": set()}


def parse(args: list[str]) -> tuple[str, dict[str, str]] | None:
    """(command, {parameter: value}) for a command line this path answers, else None."""
    if not args or args[0] not in OPTIONS:
        return None
    command, spellings = args[0], OPTIONS[args[0]]
    values: dict[str, str] = {}
    rest = args[1:]
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if not equals or not name.startswith("--"):  # `-t=x` means "=x" to Click
            if not rest:
                return None
            name, value = word, rest.pop(0)
        parameter = spellings.get(name)
        if parameter is None or parameter in values or value.startswith("-"):
            return None
        values[parameter] = value
    if not REQUIRED[command] <= values.keys():
        return None
    return command, values


def answer(args: list[str]) -> int | None:
    """Run `facts ARGS` if this path answers it: the exit code, else None."""
    parsed = parse(args)
    if parsed is None:
        return None
    from summit_facts.render import Format

    command, values = parsed
    try:
        fmt = Format(values.get("fmt", "table").lower())  # case-insensitive, as in Typer
    except ValueError:
        return None  # Typer names the choices
    store = Path(values["store"]) if "store" in values else None
    rules = Path(values["rules"]) if "rules" in values else None
    from summit_facts.cli import reading

    try:
        if command == "show":
            text = reading.show_text(
                values["topic"], slot=values.get("slot"), fmt=fmt, store_dir=store, rules_dir=rules
            )
        else:
            text = reading.topics_text(fmt=fmt, store_dir=store)
    except FactsError as exc:
        print_error(exc)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    out(text)
    return 0
