"""The quick answers of `facts show` and `facts topics` (cli/quick.py): the same
output, errors and exit codes as the Typer app, without Typer, Pydantic, Rich
or spaCy; and the plain tables drawn as Rich draws them."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summit_facts import __version__
from summit_facts.cli import quick
from summit_facts.cli.app import app
from summit_facts.render import Format, render_claims
from summit_facts.render import table as table_format
from summit_facts.render._common import NUMERIC_HEADERS, Section, claims_sections, topics_sections
from summit_facts.render.markdown import escape as md_escape
from summit_facts.store import Store
from tests.render.test_render import (
    CLAIMS,
    EVIL,
    NEWLINE,
    SHOWN,
    nasty_claim,
    nasty_report,
    renamed,
    seed_report,
)

WIDTH = "100"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed claims and report of test_render in a store, with a hostile claim."""
    path = tmp_path_factory.mktemp("quick") / "store"
    claims = [*CLAIMS, nasty_claim()]
    report = seed_report()
    report.contradictions += nasty_report().contradictions
    sources = list({c.source.id: c.source for c in claims}.values())
    with Store.open(path) as db:
        db.save_run(report, claims, sources, paths=["seeds"], rules_hash="test")
    return path


def typer_answer(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, env={"COLUMNS": WIDTH})
    return result.exit_code, result.stdout, result.stderr


def quick_answer(args: list[str], capsys, monkeypatch) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", WIDTH)
    capsys.readouterr()
    code = quick.answer(args)
    assert code is not None, f"the quick path handed {args} over"
    captured = capsys.readouterr()
    return code, captured.out, captured.err


COMMANDS = [
    *(["show", "--topic", topic] for topic in ("summit", "signatories", "funding", "economy")),
    *(["show", "-t", "summit", "-f", fmt] for fmt in Format),
    *(["topics", "--format", fmt] for fmt in Format),
    ["topics"],
    ["show", "--topic=signatories", "--slot", "count", "--format=JSON"],
    ["show", "--topic", "auto"],  # the hostile claim's subject
    ["show", "--topic", "summit", "--slot", "nothing"],  # no claims: empty output
    ["show", "--topic", "sumit"],  # unknown topic: error with a hint
    ["show", "--topic", "summit", "--rules", "/nonexistent/rules", "--slot", "x"],
    # A format neither writes: the same two lines as Typer, before the store is opened.
    ["show", "--topic", "summit", "--format", "xml"],
    ["show", "-t", "summit", "-f", "XML", "--slot", "count"],
    ["topics", "--format=xml"],
    ["topics", "-f", "csv\x1b[31m"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_quick_path_answers_as_the_typer_app(args, store, capsys, monkeypatch):
    args = [*args, "--store", str(store)]
    assert quick_answer(args, capsys, monkeypatch) == typer_answer(args)


@pytest.mark.parametrize(
    "args", [["show", "--topic", "summit", "-f", "xml"], ["topics", "-f", "x"]]
)
def test_a_bad_format_is_an_error_and_a_hint_on_the_quick_path(args, tmp_path, capsys, monkeypatch):
    code, out, err = quick_answer([*args, "--store", str(tmp_path / "none")], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith("Error: unknown --format value")
    assert err.splitlines()[1:] == ["Hint: use --format table, json, jsonl, csv, md or html"]
    assert not (tmp_path / "none").exists()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=8).filter(lambda fmt: not fmt.startswith("-")))
def test_any_format_value_is_answered_as_typer_answers_it(fmt):
    args = ["topics", "--format", fmt, "--store", "/nonexistent/store"]
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = quick.answer(args)
    assert (code, stderr.getvalue()) == typer_answer(args)[::2]


def test_store_from_the_environment_and_errors_answer_as_typer(
    store, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("FACTS_STORE", str(store))
    assert quick_answer(["topics"], capsys, monkeypatch) == typer_answer(["topics"])
    monkeypatch.setenv("FACTS_STORE", "")  # empty: the default .facts/ here, as in Typer
    monkeypatch.chdir(tmp_path)
    code, out, err = quick_answer(["topics"], capsys, monkeypatch)
    assert (code, out, err) == typer_answer(["topics"])
    assert code == 2 and "Error: no claim store at" in err and "Hint:" in err
    missing = ["show", "--topic", "x", "--store", str(tmp_path / "none")]
    assert quick_answer(missing, capsys, monkeypatch) == typer_answer(missing)
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["check", "seeds"],
        ["show"],  # --topic is required: Typer says so
        ["show", "--topic"],
        ["show", "--topic", "summit", "-h"],
        ["show", "--topic", "summit", "--help"],
        ["show", "--topic", "summit", "seeds/"],  # check first: the model loads anyway
        ["show", "--topic", "summit", "--topic", "funding"],
        ["show", "-tsummit"],
        ["show", "-t=summit"],
        ["show", "--topic", "-x"],
        ["show", "--topic", "summit", "--"],
        ["show", "--topic", "summit", "--quotes", "full"],
        ["topics", "--slot", "dates"],
        ["topics", "--version"],
    ],
    ids=repr,
)
def test_anything_else_is_left_to_typer(args):
    assert quick.answer(args) is None


def test_quick_options_are_the_typer_commands_options():
    group = typer.main.get_command(app)
    for name, spellings in quick.OPTIONS.items():
        params = group.commands[name].params  # type: ignore[attr-defined]
        options = {o: p.name for p in params if p.param_type_name == "option" for o in p.opts}
        assert spellings == options, name
        assert quick.REQUIRED[name] == {p.name for p in params if p.required}, name


@pytest.mark.parametrize("args", [["show", "--topic", "summit"], ["topics"]], ids=" ".join)
def test_quick_answers_import_no_typer_pydantic_rich_or_spacy(args, store):
    code = (
        "import sys\n"
        f"sys.argv = ['facts', *{args!r}, '--store', {str(store)!r}]\n"
        "from summit_facts.cli import main\n"
        "main()\n"
        "heavy = ('typer', 'pydantic', 'rich', 'summit_facts.models', 'spacy', 'yaml', 'jinja2')\n"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {"COLUMNS": WIDTH, "PATH": ""}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "summit" in done.stdout
    assert done.stdout.splitlines()[-1] == "LOADED []"


# ---------------------------------------------------------------- file names


@pytest.fixture(scope="module")
def named_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed claims and report in a store, two sources named with an escape
    sequence and a newline."""
    path = tmp_path_factory.mktemp("quick") / "store"
    claims = [renamed(c) for c in CLAIMS]
    sources = list({c.source.id: c.source for c in claims}.values())
    with Store.open(path) as db:
        db.save_run(renamed(seed_report()), claims, sources, paths=["seeds"], rules_hash="test")
    return path


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "html"])
def test_show_gives_control_characters_in_file_names_escaped(fmt, named_store, capsys, monkeypatch):
    args = ["show", "--topic", "summit", "--format", fmt, "--store", str(named_store)]
    code, out, err = quick_answer(args, capsys, monkeypatch)
    assert (code, out, err) == typer_answer(args)
    assert code == 0 and "\x1b" not in out
    for name, shown in SHOWN.items():
        assert (md_escape(shown) if fmt == "md" else shown) in out, name


def test_show_json_keeps_the_exact_file_names(named_store, capsys, monkeypatch):
    args = ["show", "--topic", "summit", "--format", "json", "--store", str(named_store)]
    code, out, _ = quick_answer(args, capsys, monkeypatch)
    assert code == 0
    assert {EVIL, NEWLINE} <= {c["source"]["id"] for c in json.loads(out)["claims"]}


def test_report_page_gives_file_names_escaped(named_store):
    result = CliRunner().invoke(app, ["report", "--store", str(named_store), "-o", "-"])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "\x1b" not in page
    assert f'<strong id="outlier">{SHOWN[NEWLINE]}</strong>' in page
    assert f"<td>{SHOWN[EVIL]}</td>" in page and f"<td>{SHOWN[NEWLINE]}</td>" in page


# ---------------------------------------------------------------- records


def test_no_model_field_is_hidden_by_a_dict_attribute():
    # `record.items` would be dict.items, not a field called "items".
    from pydantic import BaseModel

    from summit_facts import models

    fields = {
        name
        for model in vars(models).values()
        if isinstance(model, type) and issubclass(model, BaseModel)
        for name in model.model_fields
    }
    assert fields and not fields & set(dir(dict))


def test_records_read_their_fields_as_attributes(store):
    with Store.open(store) as db:
        assert db.last_tool_version() == __version__
        record = db.claim_records_for("signatories", slot="count")[0]
        model = db.claims_for("signatories", slot="count")[0]
    assert (record.topic, record.source.id, record.value.kind) == (
        "signatories",
        model.source.id,
        "count",
    )
    assert record == model.model_dump(mode="json")
    with pytest.raises(AttributeError):
        _ = record.no_such_field


@pytest.mark.parametrize("fmt", list(Format))
def test_stored_records_render_as_the_models(fmt, store):
    with Store.open(store) as db:
        for topic in ("summit", "signatories", "funding", "economy", "auto"):
            models = db.claims_for(topic), db.verdicts_for(topic)
            records = db.claim_records_for(topic), db.verdict_records_for(topic)
            for width in (None, 80, 120):
                expected = render_claims(models[0], fmt, verdicts=models[1], console_width=width)
                got = render_claims(records[0], fmt, verdicts=records[1], console_width=width)  # type: ignore[arg-type]
                assert got == expected, (topic, width)


def test_records_the_models_cannot_read_are_still_a_store_error(
    store, tmp_path, capsys, monkeypatch
):
    import shutil
    import sqlite3

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    con = sqlite3.connect(copy / "claims.sqlite3")
    con.execute("""UPDATE claims SET claim = '{"id": "x", "confidence": 0.9}'""")
    con.commit()
    con.close()
    args = ["show", "--topic", "summit", "--store", str(copy)]
    code, out, err = quick_answer(args, capsys, monkeypatch)
    assert (code, out, err) == typer_answer(args)
    assert code == 2 and "cannot read" in err and out == ""


def test_another_versions_records_are_read_through_the_models(store, tmp_path, capsys, monkeypatch):
    import shutil
    import sqlite3

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    con = sqlite3.connect(copy / "claims.sqlite3")
    # A field this version's models do not have: the records would render it away.
    claim = con.execute("SELECT claim FROM claims WHERE topic = 'summit'").fetchone()[0]
    con.execute("UPDATE claims SET claim = ?", (claim[:-1] + ', "confidence": 0.9}',))
    con.commit()
    args = ["show", "--topic", "summit", "--store", str(copy)]
    assert quick_answer(args, capsys, monkeypatch)[0] == 0  # written by this version: as stored
    con.execute("UPDATE runs SET tool_version = '0.0.1'")
    con.commit()
    con.close()
    code, out, err = quick_answer(args, capsys, monkeypatch)
    assert (code, out, err) == typer_answer(args)
    assert code == 2 and "cannot read" in err and out == ""


# ---------------------------------------------------------------- plain tables


def test_narrow_characters_are_one_cell_wide_for_rich():
    from rich.cells import cell_len

    for low, high in table_format.NARROW:
        wide = [hex(c) for c in range(low, high + 1) if cell_len(chr(c)) != 1]
        assert not wide, (hex(low), hex(high), wide[:5])


def rich_drawing(sections: list[Section], width: int) -> str:
    return table_format._draw(lambda w: table_format._tables(sections, w), width)


def test_the_seed_tables_are_drawn_without_rich_as_rich_draws_them(store):
    drawn = 0
    with Store.open(store) as db:
        subjects = {row.topic for row in db.topics()}
        cases = [
            claims_sections(db.claims_for(topic), db.verdicts_for(topic)) for topic in subjects
        ]
        cases.append(topics_sections(db.topics()))
    for width in range(24, 200, 7):
        for sections in cases:
            plain = table_format._plain_tables(sections, width)
            if plain is not None:
                drawn += 1
                assert plain == rich_drawing(sections, width), width
    assert drawn > 0.9 * len(cases) * len(range(24, 200, 7))


WORDS = st.text(alphabet=st.sampled_from("ab ’—”€é.-x ≥\u00a0"), min_size=0, max_size=40)
HEADERS = ["Source", "Value", "Claims", "Role", "Quote", "Agreement", "Slot"]


@st.composite
def sections(draw: st.DrawFn) -> list[Section]:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6, unique=True))
        section = Section(draw(WORDS), headers, notes=draw(st.lists(WORDS, max_size=2)))
        for _ in range(draw(st.integers(1, 4))):
            section.add(draw(st.lists(WORDS, min_size=len(headers), max_size=len(headers))))
            if draw(st.booleans()):
                section.close_group()
        out.append(section)
    return out


@settings(max_examples=300, deadline=None)
@given(sections(), st.integers(10, 160))
def test_any_plain_table_is_drawn_as_rich_draws_it(tables, width):
    plain = table_format._plain_tables(tables, width)
    if plain is not None:
        assert plain == rich_drawing(tables, width)
    assert any(h in NUMERIC_HEADERS for h in HEADERS)


# ---------------------------------------------------------------- --help


@pytest.mark.parametrize("columns", ["80", "100", "300"])
def test_help_is_the_typer_apps_help(columns, capsys, monkeypatch):
    # The Typer app in a process of its own: CliRunner fixes the help's width.
    code = (
        "import sys; sys.argv = ['facts', '--help']\nfrom summit_facts.cli.app import main\nmain()"
    )
    env = {"COLUMNS": columns, "PATH": ""}
    typer_help = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env
    )
    assert typer_help.returncode == 0, typer_help.stderr
    assert typer_help.stdout == quick.HELP, "facts --help changed: paste it into quick.HELP"
    monkeypatch.setattr(sys, "argv", ["facts", "--help"])
    monkeypatch.setenv("COLUMNS", columns)
    for spelling in ("--help", "-h"):
        capsys.readouterr()
        assert quick.answer([spelling]) == 0
        assert capsys.readouterr().out == quick.HELP


def test_help_on_a_narrow_terminal_or_under_another_name_is_left_to_typer(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["facts", "--help"])
    monkeypatch.setenv("COLUMNS", "79")
    assert quick.answer(["--help"]) is None
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(sys, "argv", ["/x/summit_facts/__main__.py", "--help"])
    assert quick.answer(["--help"]) is None
