"""The group and command classes of `facts`: where every error a user can make
becomes `Error: what` + `Hint: how to fix` on stderr and exit code 2.

Library errors (FactsError) and usage errors alike (a bad `--format`, an
unknown option, a missing path, a misspelt command, see `usage.py`) end in
`_io.print_error`. No usage blurb, no traceback. Every command is a
`FactsCommand` and every group a `FactsGroup` (a test holds the app to that).
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup

from summit_facts.cli import usage
from summit_facts.cli._io import print_error
from summit_facts.errors import FactsError

EXIT_USAGE = 2


def fail(exc: FactsError) -> NoReturn:
    print_error(exc)
    raise typer.Exit(EXIT_USAGE) from None


class FactsCommand(TyperCommand):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Every option and argument is read and converted here, before the command
        # runs; Click's parser leaves some of its errors without the context.
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            fail(usage.from_click(exc, ctx))


class FactsGroup(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # The group's own options (`facts --bogus`), before any command runs.
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise  # `facts` alone prints the help
        except UsageError as exc:
            fail(usage.from_click(exc, ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            if type(exc) is not UsageError or not args:
                raise  # an option where the command should be: NoSuchOption
            raise usage.unknown_command(
                args[0], list(self.commands), group=ctx.command_path
            ) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:  # "Missing command.", and any a command left
            fail(usage.from_click(exc, exc.ctx))
        except FactsError as exc:
            fail(exc)
        except KeyboardInterrupt:
            print("Interrupted.", file=sys.stderr)
            raise typer.Exit(130) from None
