"""The real `facts` app on the seed corpus: formats, schemas, exit codes, the store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from summit_facts import SCHEMA_VERSION
from summit_facts.cli.app import app
from summit_facts.schemas import SCHEMAS, schema_of, schema_text
from tests.conftest import GOLD, REPO, SEEDS

GOLDEN = REPO / "tests" / "golden"
REGEN = os.environ.get("FACTS_REGEN_GOLDEN") == "1"  # set to rewrite the golden files
ENV = {"COLUMNS": "120"}


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One `facts check seeds/` shared by the tests that read the store."""
    path = tmp_path_factory.mktemp("store")
    result = run("check", str(SEEDS), "--store", str(path), "--quiet", "--format", "json")
    assert result.exit_code == 0, result.output
    return path


def test_committed_schemas_are_current():
    for name in SCHEMAS:
        committed = (REPO / "docs" / "schema" / f"{name}.json").read_text(encoding="utf-8")
        assert committed == schema_text(name), f"run: facts schema {name} > docs/schema/{name}.json"


def test_unknown_schema_name_is_a_usage_error():
    result = run("schema", "nope")
    assert result.exit_code == 2
    assert "Hint:" in result.stderr


@pytest.mark.model
def test_check_json_validates_against_the_published_schema(store):
    result = run("check", str(SEEDS), "--store", str(store), "--format", "json", "--quiet")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema_of("report"))
    assert data["schema_version"] == SCHEMA_VERSION and data["kind"] == "report"
    assert data["outlier"] == "001_0fefa1a324c947c3.txt"


@pytest.mark.model
def test_check_table_matches_golden_file(store):
    result = run("check", str(SEEDS), "--store", str(store), "--quiet")
    assert result.exit_code == 0, result.output
    golden = GOLDEN / "check_seeds.table.txt"
    if REGEN:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert result.stdout.index("Contradictions") < result.stdout.index("Consensus")
    assert result.stdout.index("Consensus") < result.stdout.index("Single-source")


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md", "html"])
def test_check_every_format(store, fmt):
    result = run("check", str(SEEDS), "--store", str(store), "--format", fmt, "--quiet")
    assert result.exit_code == 0, result.output
    assert "61" in result.stdout and "Traceback" not in result.output
    if fmt == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert {r["record"] for r in records} >= {"verdict", "source"}


@pytest.mark.model
def test_fail_on_contradiction_exits_1(store):
    result = run("check", str(SEEDS), "--store", str(store), "--fail-on", "contradiction", "-q")
    assert result.exit_code == 1, result.output
    result = run("check", str(SEEDS), "--store", str(store), "--fail-on", "typo", "-q")
    assert result.exit_code == 2
    assert "Hint:" in result.stderr


@pytest.mark.model
def test_show_signatories_reads_the_store(store):
    result = run("show", "--topic", "signatories", "--store", str(store))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "61" in text and "nations and organizations" in text
    assert "60" in text and "countries" in text
    assert "60 countries signed the declaration" in text
    assert "by 61 nations and organizations" in text
    assert "Canada" in text and "India" in text  # the named signers
    assert "contradiction" in text and "consensus" in text
    data = json.loads(
        run("show", "--topic", "signatories", "--store", str(store), "-f", "json").stdout
    )
    non_signers = [v for v in data["verdicts"] if v["slot"] == "non_signers"][0]
    assert non_signers["verdict"] == "consensus"
    assert non_signers["consensus"]["value"]["members"] == ["United Kingdom", "United States"]


@pytest.mark.model
def test_show_does_not_load_spacy(store):
    code = (
        "import sys\n"
        "from summit_facts.cli.app import app\n"
        "try:\n"
        f"    app(['show', '--topic', 'signatories', '--store', {str(store)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'thinc' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "60 countries" in done.stdout


@pytest.mark.model
def test_topics_lists_every_gold_topic(store):
    result = run("topics", "--store", str(store), "--format", "json")
    assert result.exit_code == 0, result.output
    topics = {row["topic"] for row in json.loads(result.stdout)["topics"]}
    assert {"summit", "signatories", "funding", "initiatives", "economy", "history"} <= topics


@pytest.mark.model
def test_topic_typo_gets_the_closest_topic_as_hint(store):
    result = run("show", "--topic", "signatorie", "--store", str(store))
    assert result.exit_code == 2
    assert "signatories" in result.stderr and "Hint:" in result.stderr


@pytest.mark.model
def test_extract_jsonl_is_one_claim_a_line(tmp_path):
    result = run("extract", str(SEEDS / "003_1795fc36fba7d6ed.txt"), "--format", "jsonl",
                 "--store", str(tmp_path), "-q")  # fmt: skip
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    jsonschema.validate(
        {"schema_version": SCHEMA_VERSION, "kind": "claims", "claims": [
            {k: v for k, v in c.items() if k not in ("record", "schema_version")} for c in claims
        ], "verdicts": []},
        schema_of("claims"),
    )  # fmt: skip
    assert any(c["value"]["kind"] == "money" and c["value"]["currency"] == "USD" for c in claims)


@pytest.mark.model
@pytest.mark.skipif(not GOLD.is_file(), reason="the shared gold file is not beside the checkout")
def test_eval_meets_the_issue_thresholds(store):
    result = run("eval", str(SEEDS), "--gold", str(GOLD), "--format", "json", "--store",
                 str(store), "-q")  # fmt: skip
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["recall"] >= 0.95
    assert scores["precision"] >= 0.90
    assert scores["verdict_accuracy"] >= 0.92
    assert scores["contradictions_found"] == scores["contradictions_expected"]
    assert scores["traps_sprung"] == 0
    assert scores["outlier_correct"]


@pytest.mark.model
@pytest.mark.parametrize("columns", [100, 80])
def test_check_table_fits_a_screen(store, columns):
    result = CliRunner().invoke(
        app, ["check", str(SEEDS), "--store", str(store), "--quiet"], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"check_seeds.{columns}.txt"
    if REGEN:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    if columns == 100:
        assert len(lines) < 150
    report = json.loads(run("check", str(SEEDS), "--store", str(store), "-q", "-f", "json").stdout)
    for verdict in report["contradictions"]:
        columns = _columns(result.stdout, f"{verdict['topic']} / {verdict['slot']}:")
        for cluster in ([verdict["consensus"]] if verdict["consensus"] else []) + verdict[
            "dissent"
        ]:
            assert cluster["display"] in columns["Value"]  # every value ...
            for support in cluster["support"]:
                assert support["source_id"][:3] in columns["Source"]  # ... its sources ...
                marked = "»" + " ".join(support["surface"].split()) + "«"
                assert marked in columns["Quote"], marked  # ... and the value marked in its quote


def _columns(table: str, title: str) -> dict[str, str]:
    """The text of each column of the subject table titled `title`, cells joined."""
    lines = table.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    header = lines[start + 1]
    names = header.split()
    starts = [header.index(name) for name in names]
    cells: dict[str, list[str]] = {name: [] for name in names}
    for line in lines[start + 3 :]:
        if line.startswith("  note:") or (line and not line.startswith(" ") and "   " not in line):
            break
        for name, begin, end in zip(names, starts, [*starts[1:], None], strict=True):
            cells[name].append(line[begin:end].strip())
    return {name: " ".join(" ".join(parts).split()) for name, parts in cells.items()}


@pytest.mark.model
def test_check_quotes_full_keeps_whole_sentences(store):
    short = run("check", str(SEEDS), "--store", str(store), "--quiet").stdout
    full = run("check", str(SEEDS), "--store", str(store), "--quiet", "--quotes", "full").stdout
    sentence = "with the absence of signatures from the US and UK."
    assert sentence not in " ".join(short.split()) and sentence in " ".join(full.split())
    bad = run("check", str(SEEDS), "--store", str(store), "--quotes", "some")
    assert bad.exit_code == 2 and "Hint:" in bad.stderr


@pytest.mark.model
def test_topic_narrows_the_standings_and_the_outlier_to_the_subjects_shown(store):
    def check(*options: str) -> dict:
        result = run("check", str(SEEDS), "--store", str(store), "-q", "-f", "json", *options)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    assert check()["outlier"] == "001_0fefa1a324c947c3.txt"  # over every subject
    for topic in ("signatories", "funding", "summit", "economy"):
        data = check("--topic", topic)
        shown = data["contradictions"]
        subjects = shown + data["consensus"] + data["single_source"]
        assert subjects and {v["topic"] for v in subjects} == {topic}
        for source in data["sources"]:
            sid = source["source_id"]
            contested = [v for v in shown if any(sid in c["sources"] for c in clusters(v))]
            losing = [
                v for v in contested if v["consensus"] and sid not in v["consensus"]["sources"]
            ]
            assert (source["contested"], source["against_consensus"]) == (
                len(contested),
                len(losing),
            ), (topic, sid)
            assert source["outlier"] == (sid == data["outlier"])
        if data["outlier"]:
            outlier = next(s for s in data["sources"] if s["source_id"] == data["outlier"])
            assert outlier["against_consensus"] >= 1
        shows = run("show", "--topic", topic, "--store", str(store), "-f", "json")
        claims = json.loads(shows.stdout)["claims"]
        assert data["claims"] == len(claims) == sum(s["claims"] for s in data["sources"])
    # On the seeds: source 001 states nothing about the signatories, and their one
    # contradiction is a tie, so no source is on the losing side; on funding, 002's
    # EUR 400 million stands against two sources' USD.
    assert check("--topic", "signatories")["outlier"] is None
    assert check("--topic", "funding")["outlier"] == "002_7e9db0386b71b9b5.txt"
    table = run("check", str(SEEDS), "--store", str(store), "-q", "--topic", "funding").stdout
    assert "outlier: 002_7e9db0386b71b9b5.txt" in " ".join(table.split())
    table = run("check", str(SEEDS), "--store", str(store), "-q", "--topic", "signatories").stdout
    assert "outlier" not in table


def clusters(verdict: dict) -> list[dict]:
    return ([verdict["consensus"]] if verdict["consensus"] else []) + verdict["dissent"]


# ---------------------------------------------------------------- issue 11


@pytest.mark.model
def test_other_kinds_of_files_are_counted_on_stderr_and_listed_in_skipped(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "003.txt").write_text((SEEDS / "003_1795fc36fba7d6ed.txt").read_text())
    (folder / "notes.bin").write_bytes(b"\x00\x01\x02")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    result = run("check", str(folder), "--store", str(tmp_path / "s"), "-q", "-f", "json")
    assert result.exit_code == 0, result.output
    assert "ignored 2 files of other kinds: .bin 1, .jpg 1" in result.stderr.splitlines()
    assert "skipped:" not in result.stderr  # counted once, not listed one by one
    skipped = json.loads(result.stdout)["skipped"]
    assert [Path(s["path"]).name for s in skipped] == ["notes.bin", "photo.jpg"]
    assert all("other kind of file" in s["reason"] for s in skipped)


def test_version_answers_before_anything_loads():
    code = (
        "import sys\n"
        "sys.argv = ['facts', '--version']\n"
        "from summit_facts.cli import main\n"
        "main()\n"
        "print(sorted(m for m in ('typer', 'pydantic', 'rich', 'spacy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["facts 0.1.0", "[]"]


@pytest.mark.parametrize("columns", ["100", "60"])  # the quick path's copy; Typer's own
def test_help_loads_no_models_renderers_or_model(columns):
    code = (
        "import sys\n"
        "sys.argv = ['facts', '--help']\n"
        "from summit_facts.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'rich', 'jinja2', 'spacy', 'yaml', 'summit_facts.models')\n"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules))\n"
        "print('TYPER', 'typer' in sys.modules)\n"
    )
    env = {**os.environ, "COLUMNS": columns}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "check" in done.stdout and "report" in done.stdout
    assert done.stdout.splitlines()[-2:] == ["LOADED []", f"TYPER {columns == '60'}"]


def test_shared_constants_agree():
    from summit_facts.cli._common import DEFAULT_MAX_BYTES
    from summit_facts.cli.reading import AUTO_TOPIC
    from summit_facts.filing import AUTO_TOPIC as FILED
    from summit_facts.pipeline import DEFAULT_MAX_BYTES as PIPELINE

    assert (DEFAULT_MAX_BYTES, AUTO_TOPIC) == (PIPELINE, FILED)


def test_report_writes_the_page_from_the_store_without_the_model(tmp_path):
    from summit_facts.store import Store
    from tests.render.test_render import seed_report

    with Store.open(tmp_path / "store") as db:
        db.save_run(seed_report(), [], [], paths=["seeds"], rules_hash="test")
    code = (
        "import sys\n"
        f"sys.argv = ['facts', 'report', '--store', {str(tmp_path / 'store')!r},"
        f" '-o', {str(tmp_path / 'out.html')!r}]\n"
        "from summit_facts.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    assert "wrote" in done.stderr
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="count-contradiction" data-count="5"' in page
    assert "Palais des Congrès" in page
    # No store yet: the usual one-line error and hint.
    missing = run("report", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.html"))
    assert missing.exit_code == 2 and "Hint:" in missing.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.model
def test_topics_lists_rule_topics_first(store):
    result = run("topics", "--store", str(store), "--format", "json")
    assert result.exit_code == 0, result.output
    topics = [row["topic"] for row in json.loads(result.stdout)["topics"]]
    assert "auto" in topics and topics[0] != "auto"
    first_auto = topics.index("auto")
    assert set(topics[first_auto:]) == {"auto"}
    assert topics[:first_auto] == sorted(topics[:first_auto])
