"""Real coverage: `facts eval` on each field corpus (tests/fixtures/field/<event>/).

Each corpus is our paraphrase of real articles about one event (SOURCES.md names
them) with a gold file written from the articles. The floors below are the scores
the shipped rules reach today, with no alias file for these events; a change that
lowers any of them fails here. They are floors to raise, not targets met: the
issue's targets (recall 0.75-0.80, precision 0.80-0.85) are higher.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from summit_facts.evaluate import Gold, load_gold, value_matches
from summit_facts.models import Claim

FIELD = Path(__file__).resolve().parent / "fixtures" / "field"

# corpus -> (recall, precision, verdict accuracy, traps sprung at most)
FLOORS = {
    "africa-climate-summit-2023": (0.80, 0.97, 0.68, 0),
    "christchurch-call-paris-2019": (0.46, 0.73, 0.61, 0),
    "coe-ai-convention-vilnius-2024": (0.87, 0.89, 0.87, 0),
    "cop30-belem-2025": (0.80, 0.95, 0.82, 0),
    "g20-johannesburg-2025": (0.86, 0.93, 0.80, 0),
    "g7-apulia-2024": (0.75, 0.99, 0.88, 0),
    "g7-hiroshima-2023": (0.91, 0.96, 0.81, 0),
    "gavi-replenishment-2025": (0.77, 0.99, 0.82, 0),
    "gpai-new-delhi-2023": (0.84, 0.97, 0.87, 0),
    "global-fund-replenishment-2022": (0.69, 0.88, 0.73, 0),
    "global-ai-summit-africa-kigali-2025": (0.88, 0.95, 0.85, 0),
    "india-ai-impact-summit-2026": (0.89, 0.95, 0.87, 0),
    "munich-ai-elections-accord-2024": (0.89, 0.94, 0.99, 0),
    "nutrition-for-growth-paris-2025": (0.61, 0.72, 0.45, 0),
    "paris-financing-pact-2023": (0.79, 0.94, 0.72, 0),
    "reaim-seoul-2024": (0.84, 0.92, 0.92, 1),
    "reaim-the-hague-2023": (0.90, 0.93, 0.92, 0),
    "summit-of-the-future-2024": (0.78, 0.90, 0.61, 0),
    "ukraine-peace-summit-2024": (0.79, 0.83, 0.87, 0),
    "un-ocean-conference-2025": (0.82, 0.99, 0.67, 0),
}


def test_every_field_corpus_has_a_floor():
    corpora = {p.name for p in FIELD.iterdir() if (p / "gold.yaml").exists()}
    assert corpora == set(FLOORS)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_field_corpus_scores_hold(corpus, tmp_path):
    folder = FIELD / corpus
    args = ["eval", str(folder / "articles"), "--gold", str(folder / "gold.yaml")]
    result = CliRunner().invoke(
        app, [*args, "--format", "json", "--quiet", "--store", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    recall, precision, verdicts, traps = FLOORS[corpus]
    got = (scores["recall"], scores["precision"], scores["verdict_accuracy"])
    assert scores["recall"] >= recall, got
    assert scores["precision"] >= precision, got
    assert scores["verdict_accuracy"] >= verdicts, got
    assert scores["traps_sprung"] <= traps, scores["sprung"]


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_field_corpus_is_documented(corpus):
    folder = FIELD / corpus
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    articles = sorted(p.name for p in (folder / "articles").iterdir())
    assert len(articles) >= 9
    for name in articles:
        assert name in sources, f"{name} is not in SOURCES.md"


# Two real corpora in one folder (DESIGN.md, "Events"): the main event is one of them, and
# nothing of the other is filed under summit/*.
MIXED = [
    ("g7-hiroshima-2023", "global-ai-summit-africa-kigali-2025"),
    ("g20-johannesburg-2025", "un-ocean-conference-2025"),
    # two AI summits that share only the name word "AI", twelve documents each
    ("india-ai-impact-summit-2026", "global-ai-summit-africa-kigali-2025"),
    # two editions of one series a year apart, where the later edition's reports also
    # tell of the first (which is then the main event's own city, hosts and dates)
    ("reaim-the-hague-2023", "reaim-seoul-2024"),
    # a peace summit's reports name it only by its topic ("the Summit on Peace in Ukraine")
    ("un-ocean-conference-2025", "ukraine-peace-summit-2024"),
]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize(("first", "second"), MIXED, ids=["-".join(p) for p in MIXED])
def test_a_mixed_folder_files_nothing_of_the_other_event_under_summit(first, second, tmp_path):
    """A value of the other event is one its own gold gives under summit/<slot> and the
    main event's gold does not: a report on the second edition that tells the first
    edition's city is telling the main event's, and may."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    origin: dict[str, tuple[str, str]] = {}
    for corpus in (first, second):
        for article in (FIELD / corpus / "articles").iterdir():
            name = f"{corpus[:12]}_{article.name}"
            (folder / name).write_bytes(article.read_bytes())
            origin[name] = (corpus, article.name)
    store = tmp_path / "store"
    args = ["--quiet", "--store", str(store)]
    result = CliRunner().invoke(app, ["check", str(folder), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    main = json.loads(result.stdout)["main_event"]
    # The main event is the one whose documents give its city.
    main_corpus = next(c for c in (first, second) if main["city"] and _city_of(c) in main["city"])
    other_corpus = second if main_corpus == first else first
    result = CliRunner().invoke(app, ["extract", str(folder), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    claims = [
        Claim.model_validate({k: v for k, v in r.items() if k not in ("record", "schema_version")})
        for r in records
    ]
    main_gold, other_gold = load_gold(_gold(main_corpus)), load_gold(_gold(other_corpus))
    leaked = [
        (claim.slot, claim.source.id, claim.value.surface, claim.evidence.sentence[:80])
        for claim in claims
        if claim.topic == "summit"
        and origin[claim.source.id][0] == other_corpus
        and _gives(other_gold, claim)
        and not _gives(main_gold, claim)
    ]
    assert leaked == [], leaked
    # ... and the other event's own values were there to leak.
    assert any(
        origin[claim.source.id][0] == other_corpus and _gives(other_gold, claim)
        for claim in claims
        if claim.topic != "summit"
    )


def _gold(corpus: str) -> Path:
    return FIELD / corpus / "gold.yaml"


def _gives(gold: Gold, claim: Claim) -> bool:
    """Whether the gold gives this claim's value for its summit slot, in any document."""
    return any(
        value_matches(gold_claim.value, claim)
        for subject in gold.subjects
        if (subject.topic, subject.slot) == (claim.topic, claim.slot)
        for gold_claim in subject.claims
    )


def _city_of(corpus: str) -> str:
    gold = (FIELD / corpus / "gold.yaml").read_text(encoding="utf-8")
    block = gold[gold.index("slot: city") :]
    return block.split("text:", 1)[1].split("\n", 1)[0].strip(" {}'\"")


@pytest.mark.model
@pytest.mark.slow
def test_the_seeds_hold_without_their_alias_file(tmp_path, rules_without_aliases):
    """The general rules alone (no rules/events/ file) on the seeds: the floor below is
    what they reach today (DESIGN.md: alias files only rename subjects)."""
    repo = FIELD.parents[2]
    gold = repo.parent / "shared" / "gold" / "seeds.yaml"
    if not gold.exists():
        pytest.skip("the seeds' gold file lives in ../shared")
    args = ["eval", str(repo / "seeds"), "--gold", str(gold), "--rules", str(rules_without_aliases)]
    result = CliRunner().invoke(
        app, [*args, "--format", "json", "--quiet", "--store", str(tmp_path / "store")]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    got = (scores["recall"], scores["precision"], scores["verdict_accuracy"])
    assert all(a >= b for a, b in zip(got, (0.93, 1.0, 0.88), strict=True)), got
    assert scores["traps_sprung"] == 0, scores["sprung"]


@pytest.mark.model
@pytest.mark.slow
def test_the_report_does_not_depend_on_the_hash_seed(tmp_path):
    """Same input, same rules, same model: same report (DESIGN.md, "deterministic"),
    whatever order Python's string hashing gives sets. This corpus's main city was once
    a tie between two dateline cities that these two seeds broke differently."""
    folder = FIELD / "ukraine-peace-summit-2024" / "articles"
    reports = []
    for seed in ("1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = [sys.executable, "-m", "summit_facts", "check", str(folder), "--format", "json"]
        args += ["--quiet", "--no-cache", "--store", str(tmp_path / seed)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        reports.append(
            {
                k: report[k]
                for k in ("main_event", "consensus", "contradictions", "single_source", "automatic")
            }
        )
    assert reports[0] == reports[1]
