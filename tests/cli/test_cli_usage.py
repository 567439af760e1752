"""A bad command line through the real `facts` app: `Error: what` and `Hint: how to
fix`, one line each, exit code 2, nothing on stdout, no usage blurb (DESIGN.md,
"Command line"). None of these load the language model: Click rejects the
command line before any file is read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summit_facts.cli.app import app
from tests.conftest import SEEDS

FACTS = Path(sys.executable).parent / "facts"
EVERY_FORMAT = "use --format table, json, jsonl, csv, md or html"


def facts(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "100"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _id(value: object) -> str | None:
    """A test id for a command line: 'check seeds --format xml'."""
    if not isinstance(value, tuple):
        return None
    return " ".join(v.name if isinstance(v, Path) else repr(v)[1:-1] for v in value)


def assert_usage_error(args: tuple[str | Path, ...], error: str, hint: str) -> None:
    code, out, err = facts(*args)
    assert (code, out) == (2, ""), err
    assert err.splitlines() == [f"Error: {error}", f"Hint: {hint}"]


@pytest.mark.parametrize(
    "args",
    [
        ("check", SEEDS, "--format", "xml"),
        ("check", SEEDS, "--format=xml"),
        ("extract", SEEDS, "-f", "xml"),
        ("show", "--topic", "summit", "--format", "xml", SEEDS),
        ("topics", SEEDS, "--format", "xml"),
        ("check", "--format", "xml", SEEDS, "--topic", "no_such_topic"),  # the first error only
    ],
    ids=_id,
)
def test_an_unknown_format_is_one_error_and_one_hint(args, tmp_path):
    assert_usage_error((*args, "--store", tmp_path), "unknown --format value 'xml'", EVERY_FORMAT)
    assert not (tmp_path / "claims.sqlite3").exists()  # nothing was read or written


def test_eval_names_the_two_formats_it_writes(tmp_path):
    gold = tmp_path / "gold.yaml"
    bad = ("eval", SEEDS, "--gold", gold, "--store", tmp_path)
    hint = "use --format table or json"
    assert_usage_error((*bad, "--format", "xml"), "unknown --format value 'xml'", hint)
    assert_usage_error((*bad, "--format", "CSV"), "facts eval cannot write --format csv", hint)
    code, out, err = facts("eval", "-h")
    assert code == 0 and "<table|json>" in out, err


def test_a_format_spelt_in_capitals_is_still_taken(tmp_path):
    code, out, err = facts("topics", "--format", "JSON", "--store", tmp_path / "none")
    assert code == 2 and "Error: no claim store at" in err  # past the options: the store


@pytest.mark.parametrize(
    ("args", "error", "hint"),
    [
        (("check",), "facts check needs at least one PATH",
         "give files or folders of .txt, .md, .html, .jsonl or .pdf articles, or '-' to read one"
         " from stdin"),
        (("extract",), "facts extract needs at least one PATH",
         "give files or folders of .txt, .md, .html, .jsonl or .pdf articles, or '-' to read one"
         " from stdin"),
        (("show",), "facts show needs --topic",
         "give --topic TOPIC; `facts topics` lists the topics of the last check"),
        (("show", "--topic"), "--topic needs a value",
         "give --topic TOPIC; `facts topics` lists the topics of the last check"),
        (("eval", SEEDS), "facts eval needs --gold",
         "give --gold FILE, a gold file such as ../shared/gold/seeds.yaml"),
        (("check", SEEDS, "--format"), "--format needs a value", EVERY_FORMAT),
        (("check", SEEDS, "--bogus"), "facts check has no option --bogus",
         "see `facts check -h` for its options"),
        (("check", SEEDS, "--formt", "json"), "facts check has no option --formt",
         "did you mean --format?"),
        (("report", "--format", "json"), "facts report has no option --format",
         "see `facts report -h` for its options"),
        (("check", SEEDS, "--jobs", "two"), "--jobs takes a whole number, not 'two'",
         "see `facts check -h`"),
        (("check", SEEDS, "--auto=yes"), "--auto takes no value",
         "give --auto alone, without '='"),
        (("check", SEEDS, "--bad\x1b[31m"), "facts check has no option --bad\\x1b[31m",
         "see `facts check -h` for its options"),
        (("schema", "claim", "report"), "got unexpected extra argument(s) (report)",
         "see `facts schema -h`"),
        (("chek", SEEDS), "facts has no command 'chek'", "did you mean 'check'?"),
        (("frobnicate",), "facts has no command 'frobnicate'",
         "the commands are: check, show, topics, report, extract, eval, schema, rules"),
        (("--bogus",), "facts has no option --bogus", "see `facts -h` for its options"),
        (("rules", "chek"), "facts rules has no command 'chek'", "did you mean 'check'?"),
        (("rules", "check", "--bogus"), "facts rules check has no option --bogus",
         "see `facts rules check -h` for its options"),
    ],
    ids=_id,
)  # fmt: skip
def test_usage_errors_say_what_and_how_to_fix(args, error, hint):
    assert_usage_error(args, error, hint)


def _commands(group: typer.core.TyperGroup, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name)


@pytest.mark.parametrize("path", list(_commands(typer.main.get_command(app))), ids=" ".join)  # type: ignore[arg-type]
def test_every_command_answers_an_unknown_option_in_two_lines(path):
    command = "facts " + " ".join(path)
    assert_usage_error(
        (*path, "--no-such-option"),
        f"{command} has no option --no-such-option",
        f"see `{command} -h` for its options",
    )


def test_help_and_no_arguments_still_print_the_help():
    code, out, err = facts("check", "-h")
    assert code == 0 and out.startswith("Usage: facts check") and err == ""
    code, out, err = facts()
    assert code == 2 and "Commands:" in out + err  # `facts` alone: the help, as before
    code, out, err = facts("rules")
    assert code == 2 and "Commands:" in out + err


def test_the_installed_command_answers_the_same(tmp_path):
    # The console script: its quick path for `show` and `topics`, Typer for the rest.
    for args in (
        ["show", "--topic", "summit", "--format", "xml"],
        ["topics", "-f", "xml"],
        ["check", str(SEEDS), "--format", "xml"],
    ):
        done = subprocess.run(
            [str(FACTS), *args, "--store", str(tmp_path)], capture_output=True, text=True
        )
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert done.stderr.splitlines() == [
            "Error: unknown --format value 'xml'",
            f"Hint: {EVERY_FORMAT}",
        ]


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_is_a_usage_error(command, jobs, tmp_path):
    result = CliRunner().invoke(
        app, [command, str(SEEDS), "--jobs", jobs, "--store", str(tmp_path)]
    )
    assert result.exit_code == 2, result.output
    assert f"Error: --jobs must be 1 or more, not {jobs}" in result.output
    assert "Hint:" in result.output and "Traceback" not in result.output
