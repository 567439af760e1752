"""A bad command line in the project's words: `Error: what` and `Hint: how to fix`, exit 2.

Click reports a bad command line with the command's usage line, a "Try -h"
line and an error of its own. DESIGN.md asks for what every other error gives:
one line saying what is wrong and one saying how to fix it. `from_click` turns
each of Click's usage errors into an InputError, which the CLI prints in its
one place (`_io.print_error`).

Nothing here imports Typer or Click when imported: the quick path (`quick.py`)
reports a bad `--format` with `bad_choice`, word for word as the Typer app does.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from summit_facts.errors import InputError
from summit_facts.render._common import printable

NO_DOCUMENTS_HINT = "give files or folders of .txt, .md, .html, .jsonl or .pdf articles"

# How to fix a missing option or argument, by parameter; others point at `-h`.
MISSING_HINTS = {
    "paths": NO_DOCUMENTS_HINT + ", or '-' to read one from stdin",
    "topic": "give --topic TOPIC; `facts topics` lists the topics of the last check",
    "gold": "give --gold FILE, a gold file such as ../shared/gold/seeds.yaml",
}


def either(choices: Sequence[str]) -> str:
    """'table or json', 'table, json, csv or md'."""
    *rest, last = choices
    return f"{', '.join(rest)} or {last}" if rest else last


def bad_choice(option: str, value: str, choices: Sequence[str], *, command: str) -> InputError:
    """A value the option does not take: `--format xml`, or `facts eval --format csv`
    (a format that other commands write)."""
    from summit_facts.render import Format

    hint = f"use {option} {either(choices)}"
    if option == "--format" and value.lower() in set(Format):
        return InputError(f"{command} cannot write --format {value.lower()}", hint=hint)
    return InputError(f"unknown {option} value {printable(repr(value))}", hint=hint)


def unknown_command(name: str, commands: Sequence[str], *, group: str) -> InputError:
    close = difflib.get_close_matches(name, commands, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}?" if close else "the commands are: " + ", ".join(commands)
    return InputError(f"{group} has no command {printable(repr(name))}", hint=hint)


def from_click(exc: Any, ctx: Any) -> InputError:
    """Click's usage error `exc` (a `typer._click` UsageError) met in the context
    `ctx` of a command or group, as an InputError."""
    from typer._click import exceptions as click

    ctx = ctx or exc.ctx
    command = ctx.command_path if ctx is not None else "facts"
    see = f"see `{command} -h`"
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        if param.param_type_name == "argument":
            what = param.name.upper()  # PATHS
            what = f"at least one {what.removesuffix('S')}" if param.nargs == -1 else what
        else:
            what = _spelling(param)
        return InputError(f"{command} needs {what}", hint=MISSING_HINTS.get(param.name, see))
    if isinstance(exc, click.BadParameter) and param is not None:
        option, value = _spelling(param), _given(exc)
        choices = _choices(param)
        if choices and value is not None:
            return bad_choice(option, value, choices, command=command)
        if value is not None and _error_type(exc) in ("int_parsing", "int_from_float"):
            return InputError(
                f"{option} takes a whole number, not {printable(repr(value))}", hint=see
            )
        shown = "" if value is None else f" {printable(repr(value))}"
        return InputError(f"invalid value{shown} for {option}: {_words(exc.message)}", hint=see)
    if isinstance(exc, click.NoSuchOption):
        name = printable(exc.option_name)
        spellings = [o for p in ctx.command.get_params(ctx) for o in p.opts] if ctx else []
        close = difflib.get_close_matches(exc.option_name, spellings, n=1, cutoff=0.75)
        hint = f"did you mean {close[0]}?" if close else f"{see} for its options"
        return InputError(f"{command} has no option {name}", hint=hint)
    if isinstance(exc, click.BadOptionUsage) and "requires" in exc.message:
        option = printable(exc.option_name)
        given = _param(ctx, exc.option_name)
        choices = _choices(given) if given is not None else []
        if choices:
            hint = f"use {option} {either(choices)}"
        else:
            hint = MISSING_HINTS.get(given.name if given else "", f"give it as {option} VALUE")
        return InputError(f"{option} needs a value", hint=hint)
    if isinstance(exc, click.BadOptionUsage) and "does not take a value" in exc.message:
        option = printable(exc.option_name)
        return InputError(f"{option} takes no value", hint=f"give {option} alone, without '='")
    # Extra arguments, a missing command.
    return InputError(_words(exc.format_message()), hint=see)


def _spelling(param: Any) -> str:
    """The option as people write it: its long name."""
    opts = list(getattr(param, "opts", [])) or [param.name]
    return next((o for o in opts if o.startswith("--")), opts[0])


def _param(ctx: Any, spelling: str) -> Any:
    if ctx is None:
        return None
    return next((p for p in ctx.command.get_params(ctx) if spelling in p.opts), None)


def _choices(param: Any) -> list[str]:
    """An option's values, when they are an Enum's (`--format`)."""
    from enum import Enum

    descriptor = getattr(param, "type_descriptor", None)
    kind = getattr(descriptor, "annotation", None)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return [str(member.value) for member in kind]
    return []


def _given(exc: Any) -> str | None:
    """The value given on the command line: Typer converts it with Pydantic,
    whose error keeps it."""
    errors = getattr(exc.__cause__, "errors", None)
    if errors is None:
        return None
    found = errors()
    value = found[0].get("input") if found else None
    return value if isinstance(value, str) else None


def _error_type(exc: Any) -> str | None:
    errors = getattr(exc.__cause__, "errors", None)
    found = errors() if errors is not None else []
    return found[0].get("type") if found else None


def _words(message: str) -> str:
    """Click's sentence as the end of ours: one line, lower case first, no full stop."""
    message = printable(message.removeprefix("Value error, ")).rstrip(".")
    return message[:1].lower() + message[1:]
