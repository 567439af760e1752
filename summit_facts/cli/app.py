"""The `facts` application: commands registered here. Errors become messages in
`_group.FactsGroup`: every FactsError and every usage error turns into
`Error: what` + `Hint: how to fix` on stderr and exit code 2, in exactly one
place. No tracebacks for user mistakes.
"""

from __future__ import annotations

import typer

from summit_facts import __version__
from summit_facts.cli import check, extract, report, rules, schema, show, topics
from summit_facts.cli import eval as eval_cmd
from summit_facts.cli._group import FactsCommand, FactsGroup

EXIT_OK = 0
EXIT_FOUND = 1

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


app.command("check", cls=FactsCommand)(check.check_cli)
app.command("show", cls=FactsCommand)(show.show_cli)
app.command("topics", cls=FactsCommand)(topics.topics_cli)
app.command("report", cls=FactsCommand)(report.report_cli)
app.command("extract", cls=FactsCommand)(extract.extract_cli)
app.command("eval", cls=FactsCommand)(eval_cmd.eval_cli)
app.command("schema", cls=FactsCommand)(schema.schema_cli)
app.add_typer(rules.app, name="rules")


def main() -> None:
    app()
