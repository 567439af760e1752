"""Rule files: the shipped set is valid, the schema is current, errors are all reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from summit_facts.errors import RuleError
from summit_facts.rules import load_rules, rules_schema
from tests.conftest import RULES

runner = CliRunner()


def test_shipped_rules_load_with_every_gold_topic():
    rules = load_rules(RULES)
    topics = {f.topic for f in rules.topics()}
    assert {"summit", "signatories", "funding", "initiatives", "economy", "history"} <= topics


def test_committed_schema_is_current():
    committed = (RULES / "schema.json").read_text(encoding="utf-8")
    assert committed == rules_schema(), "run: facts rules schema > rules/schema.json"


def test_schema_command_prints_json_schema():
    result = runner.invoke(app, ["rules", "schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


GOOD = """\
id: good
topic: good
slots:
  size:
    kind: count
    require:
      - {scope: noun, words: [country]}
"""


def test_every_error_is_reported_at_once_with_file_and_line(tmp_path):
    _write(tmp_path, "a_good.yaml", GOOD)
    _write(tmp_path, "b_malformed.yaml", "id: broken\ntopic: [unclosed\n")
    _write(
        tmp_path,
        "c_unknown_key.yaml",
        "id: c\ntopic: c\nslots:\n  x:\n    kind: count\n    colour: red\n",
    )
    _write(tmp_path, "d_kind.yaml", "id: d\ntopic: d\nslots:\n  x:\n    kind: velocity\n")
    _write(tmp_path, "e_dup.yaml", GOOD.replace("topic: good", "topic: other"))
    _write(
        tmp_path,
        "f_alias.yaml",
        "id: f\naliases:\n  nowhere:\n    slot_a: {names: [x]}\n",
    )
    _write(
        tmp_path,
        "g_term.yaml",
        "id: g\ntopic: g\nslots:\n  x:\n    kind: count\n    require:\n"
        "      - {scope: noun, words: [$undefined_list]}\n",
    )
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    problems = "\n".join(caught.value.problems)
    assert "b_malformed.yaml:" in problems and "not valid YAML" in problems
    assert "c_unknown_key.yaml:6" in problems and "colour" in problems
    assert "d_kind.yaml:5" in problems and "kind" in problems
    assert "e_dup.yaml:1" in problems and "duplicate rule id 'good'" in problems
    assert "f_alias.yaml" in problems and "'nowhere' is not defined" in problems
    assert "g_term.yaml" in problems and "$undefined_list" in problems
    assert len(caught.value.problems) == 6


def test_invalid_pattern_word_is_an_error(tmp_path):
    _write(tmp_path, "bad.yaml", GOOD.replace("[country]", "['  ']"))
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert "invalid word" in caught.value.problems[0]


def test_rules_check_cli_exits_2_listing_every_problem(tmp_path):
    _write(tmp_path, "one.yaml", "id: one\ntopic: one\nslots:\n  x:\n    kind: nope\n")
    _write(tmp_path, "two.yaml", "id: two\n  bad indent: [\n")
    result = runner.invoke(app, ["rules", "check", "--rules", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "one.yaml:5" in result.stderr
    assert "two.yaml" in result.stderr
    assert "Hint:" in result.stderr
    assert "Traceback" not in result.output


def test_rules_check_cli_accepts_the_shipped_rules():
    result = runner.invoke(app, ["rules", "check", "--rules", str(RULES)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.stderr


def test_missing_rules_folder_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["rules", "check", "--rules", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "rules folder not found" in result.stderr


def test_a_suffixed_instrument_slot_takes_its_slots_rule():
    from summit_facts.rules import load_rules

    rules = load_rules()
    rule = rules.slot_rule("signatories", "non_signers_ministerial_statement")
    assert rule is rules.slot_rule("signatories", "non_signers")
    assert rule is not None and rule.complete_lists is False  # partial lists never contradict


def test_subject_names_keep_accented_letters_without_their_accents():
    from summit_facts.rules import slugify

    assert slugify("Bürgenstock Communiqué") == "burgenstock_communique"
    assert slugify("Déclaration de Nouméa!") == "declaration_de_noumea"


def test_an_alias_file_renames_only_its_own_events_subjects():
    # The shipped alias file is for a February summit in Paris; a March summit held in
    # the same city in the same year is another event and keeps the general names.
    from datetime import date

    rules = load_rules(RULES)
    same = rules.for_event("Paris", 2025, start=date(2025, 2, 10))
    other = rules.for_event("Paris", 2025, start=date(2025, 3, 27))
    assert ("funding", "european_union") in same.slot_aliases
    assert ("funding", "european_union") not in other.slot_aliases
    assert ("funding", "european_union") in rules.for_event("Paris", 2025).slot_aliases
