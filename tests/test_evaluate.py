"""Scoring against gold: matching rules, scores, traps, the outlier, and `facts eval`.

The unit tests build claims by hand (no spaCy). The one test marked `model`
runs the real CLI on the seed corpus against shared/gold/seeds.yaml.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts import SCHEMA_VERSION
from summit_facts.errors import GoldError
from summit_facts.evaluate import (
    EvalResult,
    Gold,
    GoldValue,
    claim_in_doc,
    evaluate,
    load_gold,
    same_doc,
    value_matches,
)
from summit_facts.models import (
    Claim,
    CountValue,
    DateValue,
    EntitiesValue,
    Evidence,
    Interval,
    MoneyValue,
    PercentValue,
    Report,
    Source,
    SubjectVerdict,
    TextValue,
    Value,
)

REPO = Path(__file__).resolve().parents[1]
GOLD_FILE = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.yaml"
D3 = "003_1795fc36fba7d6ed.txt"
D4 = "004_eecea1ab67c269e1.txt"

# ---------------------------------------------------------------- builders


def claim(
    doc: str,
    topic: str,
    slot: str,
    value: Value,
    sentence: str = "",
    *,
    value_at: int | None = None,
    path: str | None = None,
) -> Claim:
    """A claim whose sentence starts at offset 100 of its document."""
    surface = value.surface
    sentence = sentence or surface
    at = sentence.find(surface) if value_at is None else value_at
    at = max(at, 0)
    return Claim(
        id=f"{doc}:{topic}:{slot}:{surface}",
        source=Source(id=doc, path=path or f"seeds/{doc}"),
        topic=topic,
        slot=slot,
        value=value,
        evidence=Evidence(
            sentence=sentence,
            start=100,
            end=100 + len(sentence),
            value_start=100 + at,
            value_end=100 + at + len(surface),
        ),
        rule="test",
    )


def count(n: float, surface: str | None = None, qualifier: str | None = None, **iv) -> CountValue:
    interval = Interval(**iv) if iv else Interval(low=n, high=n)
    return CountValue(
        surface=surface or str(int(n)), nominal=n, qualifier=qualifier, interval=interval
    )


def money(n: float, currency: str | None, surface: str) -> MoneyValue:
    return MoneyValue(
        surface=surface, nominal=n, currency=currency, interval=Interval(low=n, high=n)
    )


def day_range(start: str, end: str, surface: str = "", precision: str = "day") -> DateValue:
    return DateValue(
        surface=surface or f"{start} to {end}",
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=precision,  # type: ignore[arg-type]
    )


def verdict(topic: str, slot: str, kind: str) -> SubjectVerdict:
    return SubjectVerdict(topic=topic, slot=slot, verdict=kind, kind="count", agreement=1.0)  # type: ignore[arg-type]


def report(*verdicts: SubjectVerdict, outlier: str | None = None) -> Report:
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version="test",
        contradictions=[v for v in verdicts if v.verdict == "contradiction"],
        consensus=[v for v in verdicts if v.verdict == "consensus"],
        single_source=[v for v in verdicts if v.verdict == "single_source"],
        sources=[],
        outlier=outlier,
    )


def gv(**form) -> GoldValue:
    return GoldValue.model_validate(form)


SMALL_GOLD = {
    "subjects": [
        {
            "topic": "signatories",
            "slot": "count",
            "verdict": "contradiction",
            "claims": [
                {"doc": D3, "value": {"value": 61}, "quote": "by 61 nations and organizations"},
                {"doc": D4, "value": {"value": 60}, "quote": "60 countries signed the declaration"},
            ],
        },
        {
            "topic": "summit",
            "slot": "countries_attending",
            "verdict": "consensus",
            "claims": [{"doc": D4, "value": {"low": 100}, "quote": "100+ nations"}],
        },
        {
            "topic": "history",
            "slot": "bletchley_summit_year",
            "verdict": "single_source",
            "claims": [{"doc": D3, "value": {"value": 2023}, "quote": "Bletchley Park in 2023"}],
        },
    ],
    "traps": [
        {
            "doc": D4,
            "quote": "Data authorities from six nations signed a joint declaration",
            "not": {"topic": "signatories", "slot": "count"},
            "why": "a different declaration",
        },
        {
            "doc": D3,
            "quote": "The coalition promised €150 billion",
            "not": {"topic": "funding", "slot": "eu_investai"},
        },
    ],
    "source_reliability": {"outlier": D3},
}

SIX = "Data authorities from six nations signed a joint declaration to collaborate on privacy."


def small_run() -> tuple[list[Claim], Report]:
    claims = [
        claim(D3, "signatories", "count", count(61), "signed by 61 nations and organizations"),
        claim(D4, "signatories", "count", count(60), "60 countries signed the declaration"),
        claim(D4, "signatories", "count", count(6, "six"), SIX),  # the trap, sprung
        claim(D4, "summit", "countries_attending", count(100, "100+", "at least", low=100)),
        claim(
            D3,
            "history",
            "bletchley_summit_year",
            day_range("2023-01-01", "2023-12-31", "2023", "year"),
        ),
        claim(D3, "summit", "dates", day_range("2025-02-10", "2025-02-11")),  # no gold subject
    ]
    # The tool calls signatories/count a consensus (wrong) and has no verdict on history.
    tool = report(
        verdict("signatories", "count", "consensus"),
        verdict("summit", "countries_attending", "consensus"),
        outlier="seeds/" + D3,
    )
    return claims, tool


# ---------------------------------------------------------------- documents


def test_same_doc_accepts_a_path_for_a_name_but_not_a_partial_name():
    assert same_doc("seeds/" + D4, D4)
    assert same_doc(D4, "/work/main/seeds/" + D4)
    assert not same_doc("x" + D4, D4)
    assert claim_in_doc(claim("other-id", "t", "s", count(1), path="corpus/" + D4), D4)


# ---------------------------------------------------------------- values


def test_exact_count_matches_within_half_a_percent_and_not_a_bound():
    assert value_matches(gv(value=60), claim(D4, "t", "s", count(60)))
    assert value_matches(gv(value=1000), claim(D4, "t", "s", count(1004)))
    assert not value_matches(gv(value=60), claim(D4, "t", "s", count(61)))
    over = count(60, "over 60", "over", low=60, low_closed=False)
    assert not value_matches(gv(value=60), claim(D4, "t", "s", over))


def test_lower_bound_needs_an_open_top_at_the_gold_number():
    over = count(100, "over 100", "over", low=100, low_closed=False)
    assert value_matches(gv(low=100), claim(D4, "t", "s", over))
    assert not value_matches(gv(low=100), claim(D4, "t", "s", count(100)))
    assert not value_matches(gv(low=40), claim(D4, "t", "s", over))


def test_approx_is_lenient_about_the_qualifier():
    nearly = PercentValue(
        surface="nearly 40%", nominal=40, qualifier="nearly", interval=Interval(low=36, high=40)
    )
    assert value_matches(gv(approx=40), claim(D4, "t", "s", nearly))
    assert value_matches(gv(approx=40), claim(D4, "t", "s", count(40)))
    assert not value_matches(gv(approx=40), claim(D4, "t", "s", count(44)))


def test_money_needs_the_same_currency():
    usd = claim(D4, "t", "s", money(400_000_000, "USD", "$400 million"))
    assert value_matches(gv(amount=400_000_000, currency="USD"), usd)
    assert not value_matches(gv(amount=400_000_000, currency="EUR"), usd)
    unknown = claim(D4, "t", "s", money(400_000_000, None, "400 million"))
    assert not value_matches(gv(amount=400_000_000, currency="USD"), unknown)
    assert value_matches(
        gv(approx=109e9, currency="EUR"), claim(D4, "t", "s", money(109e9, "EUR", "€109 billion"))
    )


def test_date_range_must_be_equal():
    feb = claim(D3, "t", "s", day_range("2025-02-10", "2025-02-11"))
    assert value_matches(gv(start=date(2025, 2, 10), end=date(2025, 2, 11)), feb)
    assert not value_matches(gv(start=date(2025, 2, 6), end=date(2025, 2, 11)), feb)


def test_year_precision_date_matches_a_gold_year():
    year = claim(D3, "t", "s", day_range("2023-01-01", "2023-12-31", "2023", "year"))
    assert value_matches(gv(value=2023), year)
    assert not value_matches(gv(value=2024), year)
    day = claim(D3, "t", "s", day_range("2023-11-01", "2023-11-01", "1 November 2023"))
    assert not value_matches(gv(value=2023), day)


def test_entities_match_through_canonical_names():
    value = EntitiesValue(surface="the U.S. and U.K.", members=["U.K.", "U.S."])
    non_signers = claim(D3, "t", "s", value)
    assert value_matches(gv(members=["United States", "United Kingdom"]), non_signers)
    assert not value_matches(gv(members=["United States"]), non_signers)


def test_entities_match_through_roles():
    hosts = EntitiesValue(
        surface="French President Emmanuel Macron and European Commission President ...",
        members=["Emmanuel Macron", "Ursula von der Leyen"],
        roles={"Emmanuel Macron": "France", "Ursula von der Leyen": "European Commission"},
    )
    c = claim(D4, "summit", "hosts", hosts)
    assert value_matches(gv(members=["Emmanuel Macron", "Ursula von der Leyen"]), c)
    assert value_matches(gv(members=["France", "European Commission"]), c)
    assert not value_matches(gv(members=["France", "India"]), c)


def test_text_is_alias_equal_or_contained():
    name = "Inclusive and Sustainable Artificial Intelligence for People and the Planet"
    value = TextValue(surface=f"the Statement on {name}", text=f"Statement on {name}")
    c = claim(D4, "t", "s", value)
    assert value_matches(gv(text=name), c)
    assert value_matches(gv(text=f"“{name.upper()}”"), c)
    assert not value_matches(gv(text="Grand Palais"), c)


def test_text_matches_a_name_told_beside_the_claims_own():
    c = claim(D4, "t", "s", TextValue(surface="Hall of Arts", text="Hall of Arts"))
    assert not value_matches(gv(text="Artora"), c)
    c.equivalents.append(TextValue(surface="Artora", text="Artora"))
    assert value_matches(gv(text="Artora"), c)


# ---------------------------------------------------------------- scores


def test_scores_on_a_small_gold():
    claims, tool = small_run()
    result = evaluate(claims, tool, Gold.model_validate(SMALL_GOLD))

    assert (result.gold_claims, result.found) == (4, 4)
    assert result.recall == 1.0
    # Under gold subjects: 3 signatories/count + 1 countries + 1 history = 5; the "six" is extra.
    assert (result.tool_claims_under_gold_subjects, result.matching_tool_claims) == (5, 4)
    assert result.precision == pytest.approx(0.8)
    # signatories/count: consensus vs contradiction (wrong); history: no verdict (wrong).
    assert result.verdict_accuracy == pytest.approx(1 / 3)
    by_slot = {s.slot: s for s in result.subjects}
    assert by_slot["count"].tool_verdict == "consensus" and not by_slot["count"].verdict_ok
    assert by_slot["bletchley_summit_year"].tool_verdict is None
    assert not by_slot["bletchley_summit_year"].verdict_ok
    assert by_slot["countries_attending"].verdict_ok
    assert [e.value for e in by_slot["count"].extra] == ["6"]
    assert (result.contradictions_expected, result.contradictions_found) == (1, 0)
    assert result.outlier_correct and result.outlier_expected == D3


def test_traps_sprung_and_not_sprung():
    claims, tool = small_run()
    result = evaluate(claims, tool, Gold.model_validate(SMALL_GOLD))
    assert (result.traps_total, result.traps_sprung) == (2, 1)
    (hit,) = result.sprung
    assert (hit.doc, hit.topic, hit.slot, hit.value) == (D4, "signatories", "count", "6")

    # Filed elsewhere, the same sentence springs nothing.
    moved = [
        c.model_copy(update={"slot": "privacy_authorities"}) if c.value.surface == "six" else c
        for c in claims
    ]
    assert evaluate(moved, tool, Gold.model_validate(SMALL_GOLD)).traps_sprung == 0


def test_trap_needs_the_value_inside_the_quote_when_the_quote_is_verbatim():
    both = (
        "Sixty countries signed; separately, data authorities from six nations"
        " signed a joint declaration."
    )
    gold = Gold.model_validate(
        {
            "traps": [
                {
                    "doc": D4,
                    "quote": "data authorities from six nations signed a joint declaration",
                    "not": {"topic": "signatories", "slot": "count"},
                }
            ]
        }
    )
    true_value = claim(D4, "signatories", "count", count(60, "Sixty"), both)
    assert evaluate([true_value], report(), gold).traps_sprung == 0
    trap_value = claim(D4, "signatories", "count", count(6, "six"), both)
    assert evaluate([trap_value], report(), gold).traps_sprung == 1


def test_trap_matches_curly_quotes_and_a_sentence_split_short_of_the_quote():
    gold = Gold.model_validate(
        {
            "traps": [
                {
                    "doc": D4,
                    "quote": "France’s fund   of €20 billion dedicated to AI gigafactories"
                    " across Europe",
                    "not": {"topic": "funding", "slot": "eu_investai"},
                }
            ]
        }
    )
    split = "France's fund of €20 billion dedicated to AI gigafactories across"
    c = claim(D4, "funding", "eu_investai", money(20e9, "EUR", "€20 billion"), split)
    assert evaluate([c], report(), gold).traps_sprung == 1
    short = claim(D4, "funding", "eu_investai", money(20e9, "EUR", "€20 billion"), "€20 billion")
    assert evaluate([short], report(), gold).traps_sprung == 0


def test_every_miss_is_listed_with_what_the_tool_had():
    gold = Gold.model_validate(SMALL_GOLD)
    claims = [claim(D4, "signatories", "count", count(6, "six"), SIX)]
    result = evaluate(claims, report(), gold)
    assert result.found == 0 and result.recall == 0.0 and result.precision == 0.0
    missed = [(m.doc, m.display, m.tool_values) for s in result.subjects for m in s.missed]
    assert missed == [
        (D3, "61", []),
        (D4, "60", ["6"]),
        (D4, "≥ 100", []),
        (D3, "2023", []),
    ]
    assert not result.outlier_correct  # gold names D3; the tool names none


def test_result_serialises_with_kind_and_version():
    claims, tool = small_run()
    data = json.loads(evaluate(claims, tool, Gold.model_validate(SMALL_GOLD)).model_dump_json())
    assert data["kind"] == "eval" and data["schema_version"] == SCHEMA_VERSION
    assert EvalResult.model_validate(data).recall == 1.0


# ---------------------------------------------------------------- the gold file


def test_load_gold_reads_the_seed_gold():
    if not GOLD_FILE.exists():
        pytest.skip(f"{GOLD_FILE} not found")
    gold = load_gold(GOLD_FILE)
    assert gold.source_reliability.outlier == "001_0fefa1a324c947c3.txt"
    assert any(t.not_.slot == "eu_investai" for t in gold.traps)
    assert sum(len(s.claims) for s in gold.subjects) > 20


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "not found"),
        ("subjects: [\n  - topic: a\n   slot: b", "not valid YAML"),
        ("- a list", "not a mapping"),
        (
            "subjects:\n  - {topic: a, slot: b, verdict: consensus,"
            " claims: [{doc: x, value: {count: 3}}]}",
            "subjects.0.claims.0.value",
        ),
        ("subjects:\n  - {topic: a, slot: b, verdict: agreed}", "subjects.0.verdict"),
    ],
)
def test_load_gold_errors_say_what_and_how(tmp_path, text, message):
    path = tmp_path / "gold.yaml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert message in info.value.message
    assert info.value.hint


# ---------------------------------------------------------------- the CLI


def test_cli_refuses_formats_other_than_table_and_json(tmp_path):
    from summit_facts.cli.app import app

    result = CliRunner().invoke(
        app, ["eval", str(tmp_path), "--gold", str(tmp_path / "g.yaml"), "--format", "csv"]
    )
    assert result.exit_code == 2, result.output
    assert "Error:" in result.output and "Hint:" in result.output


def test_cli_reports_a_missing_gold_file(tmp_path):
    from summit_facts.cli.app import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--gold", str(tmp_path / "g.yaml")])
    assert result.exit_code == 2, result.output
    assert "gold file not found" in result.output


def test_table_shows_scores_and_misses():
    from summit_facts.cli.eval import render_table

    gold = Gold.model_validate(SMALL_GOLD)
    claims = [claim(D4, "signatories", "count", count(6, "six"), SIX)]
    text = render_table(evaluate(claims, report(), gold), width=120)
    assert "recall" in text and "verdict accuracy" in text and "traps sprung" in text
    assert "Missed gold claims" in text and "≥ 100" in text and "✗" in text


@pytest.mark.model
def test_cli_eval_on_the_seeds(tmp_path):
    from summit_facts.cli.app import app

    if not GOLD_FILE.exists():
        pytest.skip(f"{GOLD_FILE} not found")
    seeds = REPO / "seeds"
    args = ["eval", str(seeds), "--gold", str(GOLD_FILE), "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--store", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    keys = {
        "schema_version", "kind", "recall", "precision", "verdict_accuracy", "gold_claims",
        "found", "tool_claims_under_gold_subjects", "matching_tool_claims",
        "contradictions_expected", "contradictions_found", "traps_total", "traps_sprung",
        "sprung", "outlier_expected", "outlier_found", "outlier_correct", "subjects",
    }  # fmt: skip
    assert keys <= data.keys()
    assert data["kind"] == "eval"
    assert 0 <= data["recall"] <= 1
    assert data["gold_claims"] == sum(s["gold_claims"] for s in data["subjects"])
    missed = sum(len(s["missed"]) for s in data["subjects"])
    assert missed == data["gold_claims"] - data["found"]


# ---------------------------------------------------------------- gold given by value

BY_VALUE_FILE = GOLD_FILE.with_name("seeds-by-value.yaml")


def test_trap_given_by_value_springs_only_on_that_value():
    gold = Gold.model_validate(
        {
            "traps": [
                {
                    "doc": D4,
                    "not": {"topic": "signatories", "slot": "count"},
                    "why": "a different declaration",
                    "value": {"value": 6},
                }
            ]
        }
    )
    six = claim(D4, "signatories", "count", count(6, "six"), SIX)
    sixty = claim(D4, "signatories", "count", count(60, "60"), "60 countries signed.")
    assert evaluate([six], report(), gold).traps_sprung == 1
    assert evaluate([sixty], report(), gold).traps_sprung == 0
    elsewhere = six.model_copy(update={"slot": "count_privacy_statement"})
    assert evaluate([elsewhere], report(), gold).traps_sprung == 0


def test_a_trap_needs_a_quote_or_a_value(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("traps:\n- doc: a.txt\n  not: {topic: summit, slot: dates}\n")
    with pytest.raises(GoldError, match="quote or a value"):
        load_gold(path)


def test_money_range_and_one_day_date_forms():
    ranged = gv(low=0, high=20_000_000, currency="USD")
    # An exact figure is not the range "up to" states.
    assert not value_matches(ranged, claim(D4, "funding", "x", money(20e6, "USD", "$20m")))
    up_to = money(20e6, "USD", "up to $20 million").model_copy(
        update={"interval": Interval(low=0, high=20e6)}
    )
    assert value_matches(ranged, claim(D4, "funding", "x", up_to))
    assert ranged.display() == "USD 0 to 20,000,000"
    day = gv(start=date(2025, 6, 25), end=date(2025, 6, 25))
    assert value_matches(day, claim(D4, "summit", "dates", day_range("2025-06-25", "2025-06-25")))
    assert day.display() == "2025-06-25"


def test_negated_gold_claims_need_a_negated_claim():
    gold = Gold.model_validate(
        {
            "subjects": [
                {
                    "topic": "signatories",
                    "slot": "non_signers",
                    "verdict": "single_source",
                    "claims": [
                        {"doc": D4, "value": {"members": ["Canada"]}, "polarity": "negated"}
                    ],
                }
            ]
        }
    )
    members = EntitiesValue(surface="Canada", members=["Canada"])
    said = claim(D4, "signatories", "non_signers", members, "Canada did not sign.")
    negated = said.model_copy(update={"polarity": "negated"})
    assert evaluate([said], report(), gold).found == 0
    assert evaluate([negated], report(), gold).found == 1


def test_a_miss_says_where_the_right_value_was_filed():
    gold = Gold.model_validate(SMALL_GOLD)
    elsewhere = claim(D4, "initiatives", "privacy_authorities", count(60, "60"), "60 signed.")
    result = evaluate([elsewhere], report(), gold)
    misses = [m for s in result.subjects for m in s.missed if m.display == "60"]
    assert misses and misses[0].filed_under == ["initiatives/privacy_authorities"]


@pytest.mark.model
def test_seeds_score_the_same_by_quote_and_by_value(tmp_path):
    from summit_facts.cli.app import app

    if not BY_VALUE_FILE.exists():
        pytest.skip(f"{BY_VALUE_FILE} not found")
    scores = []
    for gold in (GOLD_FILE, BY_VALUE_FILE):
        args = ["eval", str(REPO / "seeds"), "--gold", str(gold), "--format", "json"]
        result = CliRunner().invoke(app, [*args, "--store", str(tmp_path), "--quiet"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        scores.append(
            (data["recall"], data["precision"], data["verdict_accuracy"], data["traps_sprung"])
        )
    assert scores[0] == scores[1]


def test_a_gold_file_that_scores_nothing_is_an_error(tmp_path):
    for text in ("foo: bar\n", "sources: {}\n"):
        path = tmp_path / "gold.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(GoldError):
            load_gold(path)
