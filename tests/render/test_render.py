"""Renderers: every format for reports, claims and topics, golden tables, escaping.

Golden files live in tests/golden/. After an intended change to the table or
Markdown layout, regenerate them and review the diff:

    FACTS_REGEN_GOLDEN=1 .venv/bin/pytest tests/render/test_render.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_facts import SCHEMA_VERSION
from summit_facts.models import (
    Claim,
    Cluster,
    CountValue,
    DateValue,
    EntitiesValue,
    Evidence,
    Interval,
    MoneyValue,
    PercentValue,
    Report,
    Skipped,
    Source,
    SourceStanding,
    SubjectVerdict,
    Support,
    TextValue,
)
from summit_facts.render import RENDERERS, Format, render_claims, render_report, render_topics
from summit_facts.render._common import format_value
from summit_facts.render.csvrows import neutralise
from summit_facts.render.markdown import escape as md_escape

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REGEN = os.environ.get("FACTS_REGEN_GOLDEN") == "1"

# ---------------------------------------------------------------- the seed corpus, by hand

S000 = Source(
    id="000_0f5d428d2bf41162.txt",
    path="seeds/000_0f5d428d2bf41162.txt",
    title="Global Leaders Unite at AI Action Summit 2025: Charting the Future of "
    "Artificial Intelligence",
    publisher="magick.ai",
    author="David Jenkins",
    published=date(2025, 2, 13),
)
S001 = Source(
    id="001_0fefa1a324c947c3.txt",
    path="seeds/001_0fefa1a324c947c3.txt",
    title="AI Action Summit Paris 2025: A Turning Point for Global AI Governance",
    publisher="magick.ai",
    author="David Jenkins",
    published=date(2025, 2, 13),
)
S002 = Source(
    id="002_7e9db0386b71b9b5.txt",
    path="seeds/002_7e9db0386b71b9b5.txt",
    title="Shaping the Future: Key Themes from the Paris AI Action Summit 2025",
    publisher="goover",
    published=date(2025, 3, 18),
)
S003 = Source(id="003_1795fc36fba7d6ed.txt", path="seeds/003_1795fc36fba7d6ed.txt")
S004 = Source(
    id="004_eecea1ab67c269e1.txt",
    path="seeds/004_eecea1ab67c269e1.txt",
    title="Paris AI Action Summit 2025 And Global AI Initiatives",
    publisher="Data for Policy CIC",
    published=date(2025, 2, 14),
)


def _evidence(source: Source, sentence: str, surface: str) -> Evidence:
    path = SEEDS / source.id
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = max(text.find(sentence), 0)
    value_start = start + max(sentence.find(surface), 0)
    return Evidence(
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        value_start=value_start,
        value_end=value_start + len(surface),
    )


def claim(source, topic, slot, value, sentence, *, noun=None, modality="asserted",
          polarity="affirmed"):  # fmt: skip
    return Claim(
        id=f"{source.id[:3]}-{topic}-{slot}",
        source=source,
        topic=topic,
        slot=slot,
        value=value,
        modality=modality,
        polarity=polarity,
        evidence=_evidence(source, sentence, value.surface),
        rule=f"{topic}.{slot}",
        noun=noun,
    )


def count(surface, low, high=None, *, low_closed=True, noun=None, qualifier=None):
    return CountValue(
        surface=surface,
        nominal=low if high is None or low == high else high,
        qualifier=qualifier,
        interval=Interval(low=low, high=high, low_closed=low_closed),
        noun=noun,
    )


def money(surface, amount, currency):
    return MoneyValue(
        surface=surface,
        nominal=amount,
        currency=currency,
        interval=Interval(low=amount, high=amount),
    )


def days(surface, start, end):
    return DateValue(surface=surface, start=start, end=end)


FEB = date(2025, 2, 10), date(2025, 2, 11)

CLAIMS = [
    claim(S002, "summit", "dates", days("February 6 to 11, 2025", date(2025, 2, 6), FEB[1]),
          "The AI Action Summit 2025 took place in Paris from February 6 to 11, 2025"),
    claim(S003, "summit", "dates", days("February 10-11, 2025", *FEB),
          "The Paris AI Summit, held from February 10-11, 2025, was a pivotal gathering"),
    claim(S004, "summit", "dates", days("10-11 February, 2025", *FEB),
          "Paris, France, 10-11 February, 2025"),
    claim(S001, "summit", "dates",
          days("September 15-17, 2025", date(2025, 9, 15), date(2025, 9, 17)),
          "The AI Action Summit Paris 2025, scheduled for September 15-17, 2025",
          modality="planned"),
    claim(S002, "summit", "venue", TextValue(surface="the Grand Palais", text="Grand Palais"),
          "The venue, the Grand Palais in Paris, was chosen for its historic and cultural "
          "significance"),
    claim(S001, "summit", "venue",
          TextValue(surface="Palais des Congrès", text="Palais des Congrès"),
          "beneath the sweeping glass domes of the newly renovated Palais des Congrès"),
    claim(S000, "summit", "countries_attending",
          count("over 40", 40, low_closed=False, noun="nations", qualifier="over"),
          "with representatives from over 40 nations gathering", noun="nations"),
    claim(S002, "summit", "countries_attending",
          count("over 100", 100, low_closed=False, noun="countries", qualifier="over"),
          "witnessed an impressive gathering of participants from over 100 countries",
          noun="countries"),
    claim(S004, "summit", "countries_attending",
          count("100+", 100, noun="nations", qualifier="at least"),
          "the two-day summit brought together 100+ nations", noun="nations"),
    claim(S003, "signatories", "count", count("61", 61, 61, noun="nations and organizations"),
          "the signing of the “Inclusive and Sustainable Artificial Intelligence for People "
          "and the Planet” agreement by 61 nations and organizations",
          noun="nations and organizations"),
    claim(S004, "signatories", "count", count("60", 60, 60, noun="countries"),
          "60 countries signed the declaration, including Canada, China, France, and India",
          noun="countries"),
    claim(S003, "signatories", "non_signers",
          EntitiesValue(surface="the U.S. and U.K.", members=["United Kingdom", "United States"]),
          "the U.S. and U.K. chose not to sign the AI declaration", polarity="negated"),
    claim(S004, "signatories", "non_signers",
          EntitiesValue(surface="the US and UK", members=["United Kingdom", "United States"]),
          "However, the US and UK did not sign the final statement.", polarity="negated"),
    claim(S004, "summit", "hosts",
          EntitiesValue(
              surface="French President Emmanuel Macron and European Commission President "
              "Ursula von der Leyen",
              members=["Emmanuel Macron", "Ursula von der Leyen"],
              roles={"Emmanuel Macron": "France", "Ursula von der Leyen": "European Commission"},
          ),
          "Hosted by French President Emmanuel Macron and European Commission President Ursula "
          "von der Leyen"),
    claim(S000, "summit", "hosts",
          EntitiesValue(surface="France and India", members=["France", "India"]),
          "This landmark event, co-chaired by France and India, represents the most "
          "significant gathering"),
    claim(S003, "funding", "current_ai", money("$400 million", 400e6, "USD"),
          "The launch of the Current AI Initiative, backed by a robust $400 million investment"),
    claim(S004, "funding", "current_ai", money("$400 million", 400e6, "USD"),
          "President Macron launched Current AI, a public interest foundation backed by an "
          "initial $400 million"),
    claim(S002, "funding", "current_ai", money("€400 million", 400e6, "EUR"),
          "France’s 'Current AI' program, which allocates €400 million towards developing "
          "inclusive AI solutions"),
    claim(S002, "summit", "participants",
          count("over 800", 800, low_closed=False, noun="participants", qualifier="over"),
          "The event attracted over 800 participants from across the globe",
          noun="participants"),
    claim(S002, "economy", "jobs_disrupted_share",
          PercentValue(surface="nearly 40%", nominal=40, qualifier="nearly",
                       interval=Interval(low=36, high=40, high_closed=False)),
          "projections suggested that nearly 40% of jobs might be disrupted", modality="hedged"),
    claim(S001, "economy", "ai_market_size", money("$740 billion", 740e9, "USD"),
          "the global AI market, estimated to reach $740 billion by 2025", modality="hedged"),
]  # fmt: skip
BY_KEY = {(c.source.id[:3], c.topic, c.slot): c for c in CLAIMS}


def cluster(display, keys, weight):
    claims = [BY_KEY[k] for k in keys]
    return Cluster(
        value=claims[0].value,
        display=display,
        sources=[c.source.id for c in claims],
        independent_weight=weight,
        support=[
            Support(
                source_id=c.source.id,
                claim_id=c.id,
                surface=c.value.surface,
                quote=c.evidence.sentence,
                modality=c.modality,
                polarity=c.polarity,
                noun=c.noun,
            )
            for c in claims
        ],
    )


def verdict(topic, slot, kind, agreement, consensus, dissent=(), **more):
    return SubjectVerdict(
        topic=topic,
        slot=slot,
        verdict=kind,
        kind=(consensus or dissent[0]).value.kind,
        agreement=agreement,
        consensus=consensus,
        dissent=list(dissent),
        **more,
    )


def seed_report() -> Report:
    dates = "summit", "dates"
    contradictions = [
        verdict(
            *dates,
            "contradiction",
            0.75,
            cluster(
                "2025-02-10 to 2025-02-11", [("002", *dates), ("003", *dates), ("004", *dates)], 3
            ),
            [cluster("2025-09-15 to 2025-09-17", [("001", *dates)], 1)],
            conflict="value",
        ),
        verdict(
            "summit",
            "venue",
            "contradiction",
            0.5,
            None,
            [
                cluster("Grand Palais", [("002", "summit", "venue")], 1),
                cluster("Palais des Congrès", [("001", "summit", "venue")], 1),
            ],
            conflict="value",
        ),
        verdict(
            "summit",
            "hosts",
            "contradiction",
            0.5,
            None,
            [
                cluster("France, India", [("000", "summit", "hosts")], 1),
                cluster(
                    "Emmanuel Macron (France), Ursula von der Leyen (European Commission)",
                    [("004", "summit", "hosts")],
                    1,
                ),
            ],
            conflict="membership",
        ),
        verdict(
            "signatories",
            "count",
            "contradiction",
            0.5,
            None,
            [
                cluster("61", [("003", "signatories", "count")], 1),
                cluster("60", [("004", "signatories", "count")], 1),
            ],
            conflict="value",
        ),
        verdict(
            "funding",
            "current_ai",
            "contradiction",
            2 / 3,
            cluster(
                "USD 400 million",
                [("003", "funding", "current_ai"), ("004", "funding", "current_ai")],
                2,
            ),
            [cluster("EUR 400 million", [("002", "funding", "current_ai")], 1)],
            conflict="currency",
        ),
    ]
    consensus = [
        verdict(
            "summit",
            "countries_attending",
            "consensus",
            1.0,
            cluster(
                "over 100",
                [
                    ("002", "summit", "countries_attending"),
                    ("004", "summit", "countries_attending"),
                    ("000", "summit", "countries_attending"),
                ],
                3,
            ),
            notes=[
                "000_0f5d428d2bf41162.txt says over 40: compatible with over 100, much less precise"
            ],
        ),
        verdict(
            "signatories",
            "non_signers",
            "consensus",
            1.0,
            cluster(
                "United Kingdom, United States",
                [("003", "signatories", "non_signers"), ("004", "signatories", "non_signers")],
                2,
            ),
        ),
    ]
    single = [
        verdict(
            "summit",
            "participants",
            "single_source",
            1.0,
            cluster("over 800", [("002", "summit", "participants")], 1),
        ),
        verdict(
            "economy",
            "jobs_disrupted_share",
            "single_source",
            1.0,
            cluster("nearly 40%", [("002", "economy", "jobs_disrupted_share")], 1),
        ),
        verdict(
            "economy",
            "ai_market_size",
            "single_source",
            1.0,
            cluster("USD 740 billion", [("001", "economy", "ai_market_size")], 1),
        ),
    ]
    standings = [
        SourceStanding(source_id=S000.id, publisher="magick.ai", author="David Jenkins",
                       published=S000.published, group=0, claims=2, contested=1,
                       with_consensus=0, against_consensus=1, agreement=0.0),
        SourceStanding(source_id=S001.id, publisher="magick.ai", author="David Jenkins",
                       published=S001.published, group=0, claims=3, contested=2,
                       with_consensus=0, against_consensus=2, agreement=0.0, outlier=True),
        SourceStanding(source_id=S002.id, publisher="goover", published=S002.published, group=1,
                       claims=6, contested=3, with_consensus=1, against_consensus=2,
                       agreement=1 / 3),
        SourceStanding(source_id=S003.id, group=2, claims=4, contested=2, with_consensus=2,
                       against_consensus=0, agreement=1.0),
        SourceStanding(source_id=S004.id, publisher="Data for Policy CIC",
                       published=S004.published, group=3, claims=6, contested=4,
                       with_consensus=2, against_consensus=2, agreement=0.5),
    ]  # fmt: skip
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version="0.1.0",
        contradictions=contradictions,
        consensus=consensus,
        single_source=single,
        sources=standings,
        outlier=S001.id,
        skipped=[Skipped(path="seeds/cover.png", reason="binary file, not text")],
        claims=len(CLAIMS),
        documents=5,
    )  # fmt: skip


def empty_report() -> Report:
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version="0.1.0",
        contradictions=[],
        consensus=[],
        single_source=[],
        sources=[],
        outlier=None,
    )


TOPICS = [
    ("economy", "ai_market_size", 1, "single_source"),
    ("economy", "jobs_disrupted_share", 1, "single_source"),
    ("funding", "current_ai", 3, "contradiction"),
    ("signatories", "count", 2, "contradiction"),
    ("signatories", "non_signers", 2, "consensus"),
    ("summit", "countries_attending", 3, "consensus"),
    ("summit", "dates", 4, "contradiction"),
]

# Document text that tries to break every format at once.
NASTY = (
    '=HYPERLINK("http://x") said | *they* _did_ `rm` <script>alert(1)</script> '
    "[bold red]markup[/] [link](http://x) \\| back\nslash\r\x1b[31mred\x1b[0m\x00nul\x07"
    "\u2028sep\x85nel \t tab"
)


def nasty_claim() -> Claim:
    base = BY_KEY[("004", "signatories", "count")]
    value = count("-60+cmd", 60, 60)
    return base.model_copy(
        update={
            "id": "nasty",
            "value": value,
            "noun": "@SUM(A1)",
            "evidence": base.evidence.model_copy(update={"sentence": NASTY}),
            "source": base.source.model_copy(update={"id": "+evil|id"}),
        }
    )


def nasty_report() -> Report:
    c = nasty_claim()
    support = Support(
        source_id=c.source.id,
        claim_id=c.id,
        surface=NASTY,
        quote=NASTY,
        modality="asserted",
        polarity="affirmed",
        noun=NASTY,
    )
    cl = Cluster(
        value=c.value, display=NASTY, sources=[c.source.id], independent_weight=1, support=[support]
    )
    v = verdict("auto", "count\x1b[2J|*x*", "contradiction", 0.5, cl, [cl], notes=[NASTY])
    report = empty_report()
    report.contradictions = [v]
    report.consensus = [v.model_copy(update={"verdict": "consensus"})]
    report.skipped = [Skipped(path=NASTY, reason=NASTY)]
    return report


# ---------------------------------------------------------------- helpers


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with FACTS_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


# ---------------------------------------------------------------- every format


def test_every_format_has_a_renderer_for_every_kind_of_output():
    report, claims = seed_report(), CLAIMS
    for fmt in Format:
        assert fmt in RENDERERS, fmt
        assert render_report(report, fmt, console_width=120).strip(), fmt
        assert render_claims(claims, fmt, console_width=120).strip(), fmt
        assert render_topics(TOPICS, fmt, console_width=120).strip(), fmt


def test_format_accepts_its_plain_string():
    assert render_report(empty_report(), "json") == render_report(empty_report(), Format.json)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl, Format.csv])
def test_empty_results_are_empty_not_messages(fmt):
    report = render_report(empty_report(), fmt)
    claims = render_claims([], fmt)
    topics = render_topics([], fmt)
    if fmt is Format.json:
        assert json.loads(report)["contradictions"] == []
        assert json.loads(claims) == {
            "schema_version": SCHEMA_VERSION,
            "kind": "claims",
            "claims": [],
            "verdicts": [],
        }
        assert json.loads(topics)["topics"] == []
    elif fmt is Format.jsonl:
        assert (report, claims, topics) == ("", "", "")
    else:
        assert report.splitlines() == [
            "topic,slot,automatic,verdict,role,value,sources,independent,agreement,quote"
        ]
        assert len(claims.splitlines()) == 1 and claims.startswith("id,source,topic")
        assert topics == "topic,slot,claims,verdict\n"


def test_empty_claims_and_topics_table_is_empty():
    assert render_claims([], Format.table, console_width=120) == ""
    assert render_topics([], Format.table, console_width=120) == ""
    assert render_claims([], Format.md) == ""


# ---------------------------------------------------------------- golden tables


def test_report_table_golden():
    check_golden("report.table.txt", render_report(seed_report(), Format.table, console_width=120))


def test_claims_table_with_verdicts_golden():
    report = seed_report()
    verdicts = report.contradictions + report.consensus + report.single_source
    out = render_claims(CLAIMS, Format.table, verdicts=verdicts, console_width=120)
    check_golden("claims.table.txt", out)


def test_topics_table_golden():
    check_golden("topics.table.txt", render_topics(TOPICS, Format.table, console_width=120))


def test_report_markdown_golden():
    check_golden("report.md", render_report(seed_report(), Format.md))


def test_report_table_puts_contradictions_first_and_marks_sides():
    out = render_report(seed_report(), Format.table, console_width=120)
    order = [out.index(t) for t in ("Contradictions", "Consensus", "Single-source", "Sources (5)")]
    assert order == sorted(order)
    dates = out[out.index("summit / dates") : out.index("summit / venue")]
    assert "consensus" in dates and "dissent" in dates and "planned" in dates
    # The near-miss count shows both nouns side by side.
    count = " ".join(out[out.index("signatories / count") :].split())
    assert "»61« nations and organizations" in count and "»60« countries" in count
    assert "outlier" in out[out.index("Sources (5)") :]
    assert "\x1b[" not in out  # fixed width: no colour codes


def test_table_width_is_respected():
    for width in (80, 120, 160):
        out = render_report(seed_report(), Format.table, console_width=width)
        assert max(len(line) for line in out.splitlines()) <= width


def test_table_without_width_in_a_pipe_has_no_colour(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a TTY
    assert "\x1b[" not in render_report(seed_report(), Format.table)


def test_table_on_a_terminal_is_coloured(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # what Rich honours in place of a real TTY
    red = "\x1b[31m"  # dissent
    assert red in render_report(seed_report(), Format.table)
    monkeypatch.setenv("NO_COLOR", "1")  # bold may stay; colours go
    assert red not in render_report(seed_report(), Format.table)


# ---------------------------------------------------------------- json / jsonl


def test_report_json_is_one_versioned_object_that_round_trips():
    report = seed_report()
    data = json.loads(render_report(report, Format.json))
    assert data["schema_version"] == SCHEMA_VERSION and data["kind"] == "report"
    assert list(data)[:2] == ["schema_version", "kind"]
    del data["kind"]
    assert Report.model_validate(data) == report


def test_claims_json_round_trips_with_verdicts():
    report = seed_report()
    out = render_claims(CLAIMS, Format.json, verdicts=report.consensus)
    data = json.loads(out)
    assert data["kind"] == "claims"
    assert [Claim.model_validate(c) for c in data["claims"]] == CLAIMS
    assert [SubjectVerdict.model_validate(v) for v in data["verdicts"]] == report.consensus


def test_report_jsonl_has_one_tagged_record_a_line():
    report = seed_report()
    lines = render_report(report, Format.jsonl).splitlines()
    records = [json.loads(line) for line in lines]
    kinds = [r.pop("record") for r in records]
    n_verdicts = len(report.contradictions + report.consensus + report.single_source)
    assert kinds == ["verdict"] * n_verdicts + ["source"] * 5 + ["skipped"]
    assert all(r.pop("schema_version") == SCHEMA_VERSION for r in records)
    assert SubjectVerdict.model_validate(records[0]) == report.contradictions[0]
    assert SourceStanding.model_validate(records[n_verdicts + 1]).outlier


def test_claims_and_topics_jsonl():
    lines = render_claims(CLAIMS, Format.jsonl).splitlines()
    assert len(lines) == len(CLAIMS)
    first = json.loads(lines[0])
    assert first.pop("record") == "claim" and first.pop("schema_version") == SCHEMA_VERSION
    assert Claim.model_validate(first) == CLAIMS[0]
    topics = [json.loads(line) for line in render_topics(TOPICS, Format.jsonl).splitlines()]
    assert topics[2] == {
        "record": "topic",
        "schema_version": SCHEMA_VERSION,
        "topic": "funding",
        "slot": "current_ai",
        "claims": 3,
        "verdict": "contradiction",
    }


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl])
def test_json_survives_hostile_text(fmt):
    report = nasty_report()
    out = render_report(report, fmt)
    if fmt is Format.jsonl:
        # splitlines() also splits on U+2028 and NEL: they must be escaped.
        records = [json.loads(line) for line in out.splitlines()]
        assert records[0]["consensus"]["support"][0]["quote"] == NASTY
    else:
        data = json.loads(out)
        assert data["contradictions"][0]["notes"] == [NASTY]  # kept exact, escaped by JSON
    assert "\x1b" not in out and "\x00" not in out and "\u2028" not in out


# ---------------------------------------------------------------- csv


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_report_csv_has_one_row_per_cluster():
    report = seed_report()
    rows = _csv(render_report(report, Format.csv))
    clusters = sum(
        (v.consensus is not None) + len(v.dissent)
        for v in report.contradictions + report.consensus + report.single_source
    )
    assert len(rows) == clusters
    dates = [r for r in rows if r["slot"] == "dates"]
    assert [(r["role"], r["value"], r["independent"]) for r in dates] == [
        ("consensus", "2025-02-10 to 2025-02-11", "3"),
        ("dissent", "2025-09-15 to 2025-09-17", "1"),
    ]
    assert dates[0]["agreement"] == "0.75"
    assert dates[0]["sources"].split("; ")[0] == S002.id


def test_claims_csv_row_per_claim_with_roles():
    report = seed_report()
    rows = _csv(render_claims(CLAIMS, Format.csv, verdicts=report.contradictions))
    assert len(rows) == len(CLAIMS)
    planned = next(r for r in rows if r["id"] == "001-summit-dates")
    assert (planned["modality"], planned["verdict"], planned["role"]) == (
        "planned",
        "contradiction",
        "dissent",
    )
    assert planned["value"] == "2025-09-15 to 2025-09-17"


def test_csv_neutralises_formulas_and_line_breaks():
    rows = _csv(render_report(nasty_report(), Format.csv))
    assert len(rows) == 4  # one line each: no break from the document survives
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
            assert "\n" not in cell and "\r" not in cell and "\x1b" not in cell
    assert rows[0]["value"].startswith("'=HYPERLINK")
    claim_rows = _csv(render_claims([nasty_claim()], Format.csv))
    assert claim_rows[0]["source"] == "'+evil|id"
    assert claim_rows[0]["surface"] == "'-60+cmd"
    assert claim_rows[0]["noun"] == "'@SUM(A1)"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "' =1"),
        ("\r=1", "' =1"),
        ("  =1", "'  =1"),
        ("a=1", "a=1"),
        ("60", "60"),
    ],
)
def test_neutralise(raw, safe):
    assert neutralise(raw) == safe


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_quote_stays_in_one_csv_row(text):
    c = CLAIMS[0].model_copy(
        update={"evidence": CLAIMS[0].evidence.model_copy(update={"sentence": text})}
    )
    rows = list(csv.reader(io.StringIO(render_claims([c], Format.csv))))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0])
    assert not rows[1][-1].startswith(("=", "+", "-", "@"))


# ---------------------------------------------------------------- md / html


def test_markdown_escapes_document_text():
    out = render_report(nasty_report(), Format.md)
    cells = None
    for line in out.splitlines():
        if not line.startswith("|"):
            cells = None  # the next table starts
            continue
        # An unescaped pipe would add a cell to its row.
        n = len(line.replace("\\|", "").split("|"))
        cells = cells or n
        assert n == cells, line
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\*they\\*" in out and "\\_did\\_" in out and "\\`rm\\`" in out
    assert "\\[link\\](http://x)" in out
    assert "\x1b" not in out and "\x00" not in out


def test_markdown_escape():
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("back\\|slash") == "back\\\\\\|slash"
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("<b>&") == "&lt;b&gt;&amp;"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.sources += [v for k, v in attrs if k in ("src", "href") and v]

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_a_standalone_page_with_everything_escaped():
    out = render_report(nasty_report(), Format.html)
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    parser = _Collector()
    parser.feed(out)
    # One inline script (the filters), nothing loaded from anywhere.
    assert parser.tags.count("script") == 1 and not parser.sources
    assert not {"a", "b", "link", "img", "iframe"} & set(parser.tags)
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert "[bold red]markup[/]" in text


def test_html_report_contains_the_seed_verdicts():
    out = render_report(seed_report(), Format.html)
    assert "Palais des Congrès" in out
    assert 'class="cluster dissent"' in out and 'class="outlier"' in out
    assert "France’s &#39;Current AI&#39; program" in out  # the quote, escaped


def test_table_shows_markup_literally_and_drops_controls():
    out = render_report(nasty_report(), Format.table, console_width=200)
    flat = " ".join(out.split())
    assert "[bold red]markup[/]" in flat
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out


# ---------------------------------------------------------------- file names

EVIL, NEWLINE = "evil\x1b[31mred.txt", "new\nline.txt"  # two real file names
SHOWN = {EVIL: "evil\\x1b[31mred.txt", NEWLINE: "new\\nline.txt"}


def renamed(model):  # type: ignore[no-untyped-def]
    """`model` (a report, a claim, a source) with seeds 000 and 001 renamed EVIL and
    NEWLINE, wherever their names appear: ids, paths, notes."""
    text = model.model_dump_json()
    for old, new in ((S000.id, EVIL), (S001.id, NEWLINE)):
        text = text.replace(old, json.dumps(new)[1:-1])
    return type(model).model_validate_json(text)


@pytest.mark.parametrize("fmt", [Format.table, Format.md, Format.html, Format.csv])
def test_file_names_with_control_characters_are_shown_escaped(fmt):
    report = renamed(seed_report())
    assert report.outlier == NEWLINE and EVIL in report.consensus[0].notes[0]
    out = render_report(report, fmt, console_width=200)
    assert "\x1b" not in out
    shown = {name: md_escape(text) if fmt is Format.md else text for name, text in SHOWN.items()}
    if fmt is Format.csv:
        sources = {s for row in _csv(out) for s in row["sources"].split("; ")}
        assert {SHOWN[EVIL], SHOWN[NEWLINE]} <= sources
        return
    for name, text in shown.items():
        # In the sources table, each on a line of its own: no name is lost or split.
        assert any(text in line for line in out.splitlines()), name
    flat = " ".join(out.split())
    assert f"outlier: {shown[NEWLINE]}" in flat.replace('<strong id="outlier">', "")
    assert f"{shown[EVIL]} says over 40" in flat  # the note names it too


@pytest.mark.parametrize("fmt", [Format.json, Format.jsonl])
def test_machine_formats_keep_the_exact_file_names(fmt):
    out = render_report(renamed(seed_report()), fmt)
    assert "\x1b" not in out and "\\u001b" in out  # JSON's own escape
    records = [json.loads(line) for line in out.splitlines()] if fmt is Format.jsonl else []
    data = json.loads(out) if fmt is Format.json else {"sources": [], "outlier": None}
    for record in records:
        if record["record"] == "source":
            data["sources"].append(record)
    ids = {s["source_id"] for s in data["sources"]}
    assert {EVIL, NEWLINE} <= ids
    if fmt is Format.json:
        assert data["outlier"] == NEWLINE


@pytest.mark.parametrize("fmt", [Format.table, Format.md, Format.csv, Format.html])
def test_claims_views_show_file_names_escaped(fmt):
    claims = [renamed(c) for c in CLAIMS]
    out = render_claims(claims, fmt, console_width=200)
    assert "\x1b" not in out
    expected = {n: md_escape(t) if fmt is Format.md else t for n, t in SHOWN.items()}
    for name, text in expected.items():
        assert text in out, name


# ---------------------------------------------------------------- claims view


def test_claims_table_groups_by_subject_source_by_source():
    out = render_claims(CLAIMS, Format.table, console_width=120)
    titles = [line for line in out.splitlines() if " / " in line and "“" not in line]
    assert titles == sorted(titles)
    dates = out[out.index("summit / dates") : out.index("summit / hosts")]
    ids = [i for i in ("001", "002", "003", "004") if f"{i}_" in dates]
    assert ids == ["001", "002", "003", "004"]
    assert [dates.index(f"{i}_") for i in ids] == sorted(dates.index(f"{i}_") for i in ids)
    assert "Role" not in out  # no verdicts given, no sides


def test_format_value():
    values = {c.id: format_value(c.value) for c in CLAIMS}
    assert values["000-summit-countries_attending"] == "> 40"
    assert values["004-summit-countries_attending"] == "≥ 100"
    assert values["004-signatories-count"] == "60"
    assert values["002-economy-jobs_disrupted_share"] == "[36%, 40%)"
    assert values["002-funding-current_ai"] == "EUR 400,000,000"
    assert values["002-summit-dates"] == "2025-02-06 to 2025-02-11"
    assert values["004-summit-hosts"] == (
        "Emmanuel Macron (France), Ursula von der Leyen (European Commission)"
    )
    partial = EntitiesValue(surface="including Canada", members=["Canada"], complete=False)
    assert format_value(partial) == "Canada, …"
    month = DateValue(surface="February 2025", start=date(2025, 2, 1), end=date(2025, 2, 28),
                      precision="month")  # fmt: skip
    assert format_value(month) == "2025-02"
    nocur = MoneyValue(surface="400", nominal=400, interval=Interval(low=400, high=400))
    assert format_value(nocur) == "400 (currency unknown)"
    assert format_value(count("up to 2.5", 0, 2.5)) == "[0, 2.5]"


# ---------------------------------------------------------------- no spaCy


def test_rendering_and_the_store_never_import_spacy():
    code = (
        "import sys\n"
        "import summit_facts.store, summit_facts.render as r\n"
        "from summit_facts.render import Format\n"
        "for f in Format: r.render_topics([('a', 'b', 1, None)], f, console_width=80)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- quotes and ids


def _support(quote: str, surface: str, **kw):
    from summit_facts.models import Support

    start = quote.index(surface)
    return Support(source_id="a.txt", claim_id="c", surface=surface, quote=quote,
                   modality="asserted", polarity="affirmed", value_start=start,
                   value_end=start + len(surface), **kw)  # fmt: skip


def test_marked_quote_keeps_a_window_of_whole_words_around_the_value():
    from summit_facts.render._common import QUOTE_WINDOW, marked_quote

    words = " ".join(f"word{i}" for i in range(40))
    quote = f"{words} backed by a robust $400 million investment, {words}."
    marked = marked_quote(_support(quote, "$400 million"))
    assert marked.value == "$400 million"
    assert marked.before.startswith("… ") and marked.after.endswith(" …")
    assert len(str(marked)) <= QUOTE_WINDOW + 4  # the two ellipses and their spaces
    inner = str(marked)[2:-2]
    assert inner in quote and inner.split()[0] in quote.split()  # no word cut in half
    assert " robust " in marked.before + " " and " investment," in " " + marked.after
    whole = marked_quote(_support(quote, "$400 million"), window=None)
    assert str(whole) == quote
    # A value at the start keeps more on the right, and nothing is cut when it fits.
    short = "60 countries signed the declaration."
    assert str(marked_quote(_support(short, "60"))) == short
    # Offsets that do not fit the quote fall back to finding the surface text.
    odd = _support(short, "60").model_copy(update={"value_start": 500, "value_end": 502})
    assert marked_quote(odd).value == "60"


def test_short_ids_are_unique_prefixes_to_a_separator():
    from summit_facts.render._common import short_ids

    ids = ["000_0fefa.txt", "001_0fefb.txt", "2025-02-11-reuters.txt", "2025-02-11-bbc.txt", "ab"]
    short = short_ids(ids)
    assert short == {
        "000_0fefa.txt": "000",
        "001_0fefb.txt": "001",
        "2025-02-11-reuters.txt": "2025-02-11-reuters",
        "2025-02-11-bbc.txt": "2025-02-11-bbc",
        "ab": "ab",
    }
    assert len(set(short.values())) == len(ids)
