"""Quick answers without Typer: `facts show` and `facts topics` from the claim
store, and `facts --help`.

Typer 0.29 coerces every option value through a Pydantic TypeAdapter, so any
command with an option costs Typer and Pydantic: several times the start of
the interpreter itself. The two commands people run over and over only read
the store, so `main` tries this path first. It reads the plain spellings of
their options (`--topic summit`, `--format=json`, `-f md`) and calls the very
functions the Typer commands call (`reading.py`); `facts --help` prints a copy
of the app's help. A `--format` it does not know gets the very error the
Typer app gives (`usage.bad_choice`). Anything else (paths to check first, a
command's `--help`, an unknown, repeated or misspelt option, `--`) is not
answered here: `answer` returns None and the Typer app handles the command line
as always, with its own help and usage errors.
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

# `facts --help` as Typer prints it when the terminal is 80 columns or wider
# (narrower ones wrap it, and Typer answers those). A test holds the two equal:
# after changing a command's first line of help, paste the app's output here.
HELP = """\
Usage: facts [OPTIONS] COMMAND [ARGS]...

  Cross-check the figures in a folder of news articles about one event.

Options:
  --version   Print the version.
  -h, --help  Show this message and exit.

Commands:
  check    Check the figures across sources: contradictions first, then...
  show     Show every claim of one topic, slot by slot, with value,...
  topics   List the topics and slots of the last check, with claim counts...
  report   Write the last check as report.html: open it in a browser,...
  extract  Print every claim found, filed under its topic and slot (or an...
  eval     Score claims and verdicts against a gold file: recall,...
  schema   Print the JSON Schema of a claim, of the claims document, or...
  rules    Validate rule files or print their JSON Schema.
"""


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
    if args in (["--help"], ["-h"]):
        return _help()
    parsed = parse(args)
    if parsed is None:
        return None
    from summit_facts.render import Format

    command, values = parsed
    given = values.get("fmt", "table")
    try:
        fmt = Format(given.lower())  # case-insensitive, as in Typer
    except ValueError:
        from summit_facts.cli.usage import bad_choice

        print_error(bad_choice("--format", given, list(Format), command=f"facts {command}"))
        return 2
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


def _help() -> int | None:
    import shutil

    # Click names the program after argv[0] and wraps the help at the terminal's width.
    if Path(sys.argv[0]).name != "facts" or shutil.get_terminal_size().columns < 80:
        return None
    out(HELP)
    return 0
