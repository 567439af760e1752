"""The `facts` application: commands registered here, errors turned into messages here.

Every FactsError becomes `Error: what` + `Hint: how to fix` on stderr and exit
code 2, in exactly one place (`FactsGroup.invoke`). No tracebacks for user
mistakes.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from summit_facts import __version__
from summit_facts.cli import check, extract, report, rules, schema, show, topics
from summit_facts.cli import eval as eval_cmd
from summit_facts.cli._io import print_error
from summit_facts.errors import FactsError

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_USAGE = 2


class FactsGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FactsError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            print("Interrupted.", file=sys.stderr)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=FactsGroup,
    name="facts",
    help="Cross-check the figures in a folder of news articles about one event.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"facts {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Cross-check the figures in a folder of news articles about one event."""


app.command("check")(check.check_cli)
app.command("show")(show.show_cli)
app.command("topics")(topics.topics_cli)
app.command("report")(report.report_cli)
app.command("extract")(extract.extract_cli)
app.command("eval")(eval_cmd.eval_cli)
app.command("schema")(schema.schema_cli)
app.add_typer(rules.app, name="rules")


def main() -> None:
    app()
