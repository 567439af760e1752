"""Verdicts, source standings and independence, on a corpus modelled on shared/gold/seeds.yaml."""

from __future__ import annotations

import random
from datetime import date

import pytest

from summit_facts.independence import (
    independence_groups,
    near_duplicate_pairs,
    shingle_sets,
    weight,
)
from summit_facts.models import (
    Claim,
    CountValue,
    DateValue,
    EntitiesValue,
    Evidence,
    Interval,
    MoneyValue,
    Source,
    TextValue,
    Value,
)
from summit_facts.verdicts import build_report, display, judge_subject, standings
from tests.conftest import check_files, subjects_of

S000 = Source(id="000", path="000.txt", publisher="magick.ai", author="David Jenkins")
S001 = Source(id="001", path="001.txt", publisher="Magick.AI", author="david jenkins")
S002 = Source(id="002", path="002.txt", publisher="goover")
S003 = Source(id="003", path="003.txt")
S004 = Source(id="004", path="004.txt", publisher="Data for Policy CIC")
SEEDS = [S000, S001, S002, S003, S004]
GROUPS = {"000": 1, "001": 1, "002": 2, "003": 3, "004": 4}


def claim(
    source: Source,
    topic: str,
    slot: str,
    value: Value,
    quote: str,
    *,
    modality: str = "asserted",
    polarity: str = "affirmed",
    noun: str | None = None,
    rule: str = "summit",
) -> Claim:
    return Claim(
        id=f"{source.id}:{slot}:{value.surface}",
        source=source,
        topic=topic,
        slot=slot,
        value=value,
        modality=modality,  # type: ignore[arg-type]
        polarity=polarity,  # type: ignore[arg-type]
        evidence=Evidence(sentence=quote, start=0, end=len(quote), value_start=0, value_end=1),
        rule=rule,
        noun=noun,
    )


def days(surface: str, start: str, end: str) -> DateValue:
    return DateValue(surface=surface, start=date.fromisoformat(start), end=date.fromisoformat(end))


EXACT = -1.0  # `high` default: the same as `low`


def count(surface: str, low: float, high: float | None = EXACT, **kw: bool) -> CountValue:
    high = low if high == EXACT else high
    return CountValue(surface=surface, nominal=low, interval=Interval(low=low, high=high, **kw))


def money(surface: str, amount: float, currency: str, *, about: str | None = None) -> MoneyValue:
    # `about` widens by the default tolerance of 10%, as the value parser does.
    spread = 0.1 * amount if about else 0.0
    return MoneyValue(
        surface=surface,
        nominal=amount,
        currency=currency,
        qualifier=about,
        interval=Interval(low=amount - spread, high=amount + spread),
    )


def names(surface: str, *members: str, **kw: object) -> EntitiesValue:
    return EntitiesValue(surface=surface, members=sorted(members), **kw)  # type: ignore[arg-type]


def text(surface: str) -> TextValue:
    return TextValue(surface=surface, text=surface)


FEB_10_11 = ("2025-02-10", "2025-02-11")
DATES = [
    claim(S002, "summit", "dates", days("February 6 to 11, 2025", "2025-02-06", "2025-02-11"),
          "The AI Action Summit 2025 took place in Paris from February 6 to 11, 2025"),
    claim(S003, "summit", "dates", days("February 10-11, 2025", *FEB_10_11),
          "The Paris AI Summit, held from February 10-11, 2025, was a pivotal gathering"),
    claim(S004, "summit", "dates", days("10-11 February, 2025", *FEB_10_11),
          "Paris, France, 10-11 February, 2025"),
    claim(S001, "summit", "dates", days("September 15-17, 2025", "2025-09-15", "2025-09-17"),
          "The AI Action Summit Paris 2025, scheduled for September 15-17, 2025",
          modality="planned"),
]  # fmt: skip

HOSTS = {"Emmanuel Macron": "France", "Ursula von der Leyen": "European Commission"}
CORPUS = DATES + [
    claim(S002, "summit", "venue", text("Grand Palais"), "The venue, the Grand Palais in Paris"),
    claim(S001, "summit", "venue", text("Palais des Congrès"),
          "beneath the sweeping glass domes of the newly renovated Palais des Congrès"),
    claim(S000, "summit", "hosts", names("France and India", "France", "India"),
          "This landmark event, co-chaired by France and India"),
    claim(S004, "summit", "hosts", names("Macron and von der Leyen", *HOSTS, roles=HOSTS),
          "Hosted by French President Emmanuel Macron and European Commission President "
          "Ursula von der Leyen"),
    claim(S000, "summit", "countries_attending",
          count("over 40", 40, None, low_closed=False), "representatives from over 40 nations"),
    claim(S002, "summit", "countries_attending",
          count("over 100", 100, None, low_closed=False), "participants from over 100 countries"),
    claim(S004, "summit", "countries_attending", count("100+", 100, None),
          "the two-day summit brought together 100+ nations"),
    claim(S003, "signatories", "count", count("61", 61), "by 61 nations and organizations",
          noun="nations and organizations"),
    claim(S004, "signatories", "count", count("60", 60), "60 countries signed the declaration",
          noun="countries"),
    claim(S003, "signatories", "non_signers", names("U.S. and U.K.", "United States",
          "United Kingdom"), "the U.S. and U.K. chose not to sign", polarity="negated"),
    claim(S004, "signatories", "non_signers", names("US and UK", "United States",
          "United Kingdom"), "the US and UK did not sign the final statement",
          polarity="negated"),
    claim(S003, "funding", "current_ai", money("$400 million", 400e6, "USD"),
          "backed by a robust $400 million investment"),
    claim(S004, "funding", "current_ai", money("$400 million", 400e6, "USD"),
          "backed by an initial $400 million"),
    claim(S002, "funding", "current_ai", money("€400 million", 400e6, "EUR"),
          "which allocates €400 million"),
    claim(S002, "funding", "france_private_investment", money("€109 billion", 109e9, "EUR"),
          "Initiatives like France's €109 billion commitment to AI innovation"),
    claim(S004, "funding", "france_private_investment",
          money("approximately €109 billion", 109e9, "EUR", about="approximately"),
          "investments totalling approximately €109 billion"),
    claim(S003, "signatories", "declaration_name", text("Inclusive and Sustainable Artificial "
          "Intelligence for People and the Planet"), "the signing of the agreement"),
    claim(S004, "signatories", "declaration_name", text("Statement on Inclusive and Sustainable "
          "Artificial Intelligence for People and the Planet"), "the Statement on ..."),
    claim(S004, "initiatives", "openeurollm_institutions", count("20", 20),
          "the OpenEuroLLM project, supported by 20 European institutions"),
]  # fmt: skip


def subject(report_lists: list, topic: str, slot: str):  # type: ignore[no-untyped-def]
    (found,) = [v for v in report_lists if (v.topic, v.slot) == (topic, slot)]
    return found


# ---------------------------------------------------------------- one subject


def test_dates_contradiction_with_consensus_10_11_february() -> None:
    verdict = judge_subject("summit", "dates", DATES, GROUPS)
    assert verdict.verdict == "contradiction"
    assert verdict.conflict == "value"
    assert verdict.consensus is not None
    assert verdict.consensus.display == "2025-02-10 to 2025-02-11"
    assert verdict.consensus.sources == ["002", "003", "004"]
    assert verdict.consensus.independent_weight == 3
    assert [c.sources for c in verdict.dissent] == [["001"]]
    assert verdict.agreement == pytest.approx(0.75)
    assert any("001" in n and "planned" in n for n in verdict.notes)
    quotes = [s.quote for s in verdict.consensus.support]
    assert "Paris, France, 10-11 February, 2025" in quotes


def test_two_pieces_by_one_author_count_once() -> None:
    # Without independence 000+001 (September) would tie 003+004 (February).
    same_author = claim(S000, "summit", "dates", days("Sept 15-17", "2025-09-15", "2025-09-17"),
                        "The summit, set for Sept 15-17")  # fmt: skip
    verdict = judge_subject("summit", "dates", [*DATES[1:], same_author], GROUPS)
    assert verdict.consensus is not None
    assert verdict.consensus.display == "2025-02-10 to 2025-02-11"
    assert verdict.dissent[0].sources == ["000", "001"]
    assert verdict.dissent[0].independent_weight == 1


def test_over_40_joins_over_100_with_a_note() -> None:
    filed = [c for c in CORPUS if c.slot == "countries_attending"]
    verdict = judge_subject("summit", "countries_attending", filed, GROUPS)
    assert verdict.verdict == "consensus"
    assert verdict.consensus is not None
    assert verdict.consensus.display == "over 100"
    assert verdict.agreement == 1.0
    assert verdict.notes == ["000 says over 40, much less precise than over 100"]


def test_currency_contradiction_names_usd_the_majority() -> None:
    filed = [c for c in CORPUS if c.slot == "current_ai"]
    verdict = judge_subject("funding", "current_ai", filed, GROUPS)
    assert (verdict.verdict, verdict.conflict) == ("contradiction", "currency")
    assert verdict.consensus is not None
    assert verdict.consensus.display == "USD 400 million"
    assert verdict.dissent[0].display == "EUR 400 million"


def _pledge(source: Source, value: MoneyValue, *equivalents: MoneyValue) -> Claim:
    told = claim(source, "funding", "blue_basins_fund", value, f"Donors pledged {value.surface}.")
    told.equivalents.extend(equivalents)
    return told


EUR_45 = money("€4.5 billion", 4.5e9, "EUR")
USD_51 = money("$5.1 billion", 5.1e9, "USD")


def test_an_equivalence_one_source_states_bridges_the_others() -> None:
    # "€4.5 billion ($5.1 billion)": the corpus gives the conversion, so "$5.1 billion"
    # and "€4.5 billion" from two other sources are one pledge; nothing is converted.
    filed = [_pledge(S002, EUR_45, USD_51), _pledge(S003, USD_51), _pledge(S004, EUR_45)]
    verdict = judge_subject("funding", "blue_basins_fund", filed, GROUPS)
    assert verdict.verdict == "consensus", verdict
    assert verdict.consensus is not None and verdict.consensus.independent_weight == 3
    # Without the source that states both, the two currencies still contradict.
    alone = judge_subject("funding", "blue_basins_fund", filed[1:], GROUPS)
    assert (alone.verdict, alone.conflict) == ("contradiction", "currency")


def test_a_bridged_pledge_still_contradicts_another_figure() -> None:
    filed = [
        _pledge(S002, EUR_45, USD_51),
        _pledge(S003, USD_51),
        _pledge(S004, EUR_45),
        _pledge(S000, money("$6 billion", 6e9, "USD")),
    ]
    verdict = judge_subject("funding", "blue_basins_fund", filed, GROUPS)
    assert (verdict.verdict, verdict.conflict) == ("contradiction", "value")
    assert verdict.consensus is not None
    assert sorted(verdict.consensus.sources) == ["002", "003", "004"]
    assert [d.sources for d in verdict.dissent] == [["000"]]


def _blue_basins(**figures: str) -> dict[str, str]:
    publishers = iter(["Harbor Wire", "Coastal Times", "River Daily", "Gulf Ledger"])
    return {
        name: f"---\npublisher: {next(publishers)}\npublished: 2026-03-12\n---\n\n"
        f"Donors pledged {figure} to the Blue Basins Fund at the summit in Lisbon on Wednesday.\n"
        for name, figure in figures.items()
    }


def _fund(report: dict) -> dict:
    [fund] = subjects_of(report, "funding").values()
    return fund


# One pledge told in euros, in dollars, and in both with the equivalent in brackets.
ONE_PLEDGE_TWO_CURRENCIES = {
    "x.md": "€4.5 billion ($5.1 billion)",
    "y.md": "$5.1 billion",
    "z.md": "€4.5 billion",
}


@pytest.mark.model
def test_a_pledge_told_in_two_currencies_is_a_consensus(tmp_path) -> None:
    report = check_files(
        tmp_path,
        _blue_basins(**ONE_PLEDGE_TWO_CURRENCIES),
    )
    fund = _fund(report)
    assert fund["verdict"] == "consensus", fund
    assert sorted(fund["consensus"]["sources"]) == ["x.md", "y.md", "z.md"]
    assert report["contradictions"] == []
    assert report["outlier"] is None


@pytest.mark.model
def test_a_pledge_told_in_two_currencies_still_contradicts_6_billion(tmp_path) -> None:
    report = check_files(
        tmp_path,
        _blue_basins(**ONE_PLEDGE_TWO_CURRENCIES, **{"w.md": "$6 billion"}),
    )
    fund = _fund(report)
    assert fund["verdict"] == "contradiction", fund
    assert sorted(fund["consensus"]["sources"]) == ["x.md", "y.md", "z.md"]
    assert [d["sources"] for d in fund["dissent"]] == [["w.md"]]
    assert report["outlier"] == "w.md"


def test_hosts_contradict_on_membership_with_no_majority() -> None:
    filed = [c for c in CORPUS if c.slot == "hosts"]
    verdict = judge_subject("summit", "hosts", filed, GROUPS)
    assert (verdict.verdict, verdict.conflict) == ("contradiction", "membership")
    assert verdict.consensus is None
    assert len(verdict.dissent) == 2
    assert verdict.agreement == 0.5


def test_61_against_60_shows_both_nouns() -> None:
    filed = [c for c in CORPUS if c.topic == "signatories" and c.slot == "count"]
    verdict = judge_subject("signatories", "count", filed, GROUPS)
    assert verdict.verdict == "contradiction"
    assert any("nations and organizations" in n and "countries" in n for n in verdict.notes)


def test_asserted_beats_planned_on_a_tie() -> None:
    venue = [c for c in CORPUS if c.slot == "venue"]
    planned = venue[1].model_copy(update={"modality": "planned"})
    verdict = judge_subject("summit", "venue", [venue[0], planned], GROUPS)
    assert verdict.consensus is not None
    assert verdict.consensus.display == "Grand Palais"
    assert verdict.consensus.support[0].quote == "The venue, the Grand Palais in Paris"


def test_same_value_twice_from_one_source_is_one_support() -> None:
    twice = [DATES[1], DATES[1].model_copy(update={"id": "again"})]
    verdict = judge_subject("summit", "dates", twice, GROUPS)
    assert verdict.verdict == "single_source"
    assert verdict.consensus is not None
    assert len(verdict.consensus.support) == 1


def test_one_author_twice_is_still_a_single_source() -> None:
    a = claim(S000, "history", "year", count("2023", 2023), "the Bletchley Park summit of 2023")
    b = claim(S001, "history", "year", count("2023", 2023), "Bletchley Park in 2023")
    verdict = judge_subject("history", "year", [a, b], GROUPS)
    assert verdict.verdict == "single_source"
    assert verdict.consensus is not None
    assert verdict.consensus.display == "2023"


def test_partial_slot_turns_a_list_difference_into_agreement() -> None:
    a = claim(S003, "signatories", "members", names("x", "France", "India"), "France and India")
    b = claim(S004, "signatories", "members", names("y", "France"), "France")
    assert judge_subject("s", "m", [a, b], GROUPS).verdict == "contradiction"
    partial = judge_subject("s", "m", [a, b], GROUPS, complete_lists=False)
    assert partial.verdict == "consensus"
    assert partial.consensus is not None
    assert partial.consensus.display == "France, India"


# ---------------------------------------------------------------- report and standings


def test_report_on_the_seed_corpus_names_001_the_outlier() -> None:
    report = build_report(CORPUS, SEEDS, tool_version="test", schema_version=1)
    assert [(v.topic, v.slot) for v in report.contradictions] == [
        ("funding", "current_ai"),
        ("signatories", "count"),
        ("summit", "dates"),
        ("summit", "hosts"),
        ("summit", "venue"),
    ]
    assert [(v.topic, v.slot) for v in report.consensus] == [
        ("funding", "france_private_investment"),
        ("signatories", "declaration_name"),
        ("signatories", "non_signers"),
        ("summit", "countries_attending"),
    ]
    assert [(v.topic, v.slot) for v in report.single_source] == [
        ("initiatives", "openeurollm_institutions")
    ]
    assert report.outlier == "001"
    by_id = {s.source_id: s for s in report.sources}
    assert (by_id["001"].contested, by_id["001"].against_consensus) == (2, 1)
    assert by_id["001"].agreement == 0.0
    assert by_id["001"].outlier and not by_id["002"].outlier
    assert by_id["000"].group == by_id["001"].group != by_id["002"].group
    assert (report.claims, report.documents) == (len(CORPUS), 5)


def test_standings_count_with_and_against() -> None:
    verdicts = [judge_subject("summit", "dates", DATES, GROUPS)]
    table, outlier = standings(verdicts, SEEDS, GROUPS, DATES)
    by_id = {s.source_id: s for s in table}
    assert outlier == "001"
    assert (by_id["004"].with_consensus, by_id["004"].agreement) == (1, 1.0)
    assert by_id["000"].contested == 0 and by_id["000"].agreement is None


def test_exact_amount_is_the_consensus_value_over_an_approximate_one() -> None:
    report = build_report(CORPUS, SEEDS, tool_version="test", schema_version=1)
    verdict = subject(report.consensus, "funding", "france_private_investment")
    assert verdict.consensus.display == "EUR 109 billion"
    assert verdict.notes == []


def test_slot_options_reach_the_judge() -> None:
    a = claim(S003, "summit", "city", text("Paris"), "in Paris")
    b = claim(S004, "summit", "city", text("City of Light"), "the City of Light")
    plain = build_report([a, b], SEEDS, tool_version="test", schema_version=1)
    assert len(plain.contradictions) == 1
    options = {("summit", "city"): {"aliases": {"city of light": "Paris"}}}
    aliased = build_report([a, b], SEEDS, slot_options=options, tool_version="t", schema_version=1)
    assert [v.slot for v in aliased.consensus] == ["city"]


def test_no_contradiction_no_outlier() -> None:
    filed = [c for c in CORPUS if c.slot == "countries_attending"]
    report = build_report(filed, SEEDS, tool_version="test", schema_version=1)
    assert report.outlier is None


def test_auto_subjects_are_marked() -> None:
    auto = claim(S002, "auto", "events_feature", count("around 100", 90, 110), "around 100 events",
                 rule="auto")  # fmt: skip
    report = build_report([auto], SEEDS, tool_version="test", schema_version=1)
    assert report.automatic[0].auto is True and report.automatic[0].verdict == "single_source"
    assert report.single_source == []


# ---------------------------------------------------------------- display


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (money("€109 billion", 109e9, "EUR"), "EUR 109 billion"),
        (money("approximately €109 billion", 109e9, "EUR", about="approximately"),
         "approximately EUR 109 billion"),
        (money("$400 million", 400e6, "USD"), "USD 400 million"),
        (money("$1.5 trillion", 1.5e12, "USD"), "USD 1.5 trillion"),
        (count("60", 60), "60"),
        (count("2023", 2023), "2023"),
        (count("120,000", 120000), "120,000"),
        (count("over 100", 100, None, low_closed=False), "over 100"),
        (count("100+", 100, None), "at least 100"),
        (days("Feb 10-11", *FEB_10_11), "2025-02-10 to 2025-02-11"),
        (names("France and India", "France", "India"), "France, India"),
        (names("including Canada", "Canada", complete=False), "including Canada"),
        (text("Grand Palais"), "Grand Palais"),
    ],
)  # fmt: skip
def test_display(value: Value, shown: str) -> None:
    assert display(value) == shown


# ---------------------------------------------------------------- independence

ARTICLE = (
    "The AI Action Summit took place in Paris on 10 and 11 February. Leaders from more than "
    "one hundred countries met at the Grand Palais to discuss the governance of artificial "
    "intelligence, public interest AI, the future of work and the environmental cost of large "
    "models. France announced private investment and the European Union unveiled InvestAI."
)


def test_same_publisher_and_author_group_case_insensitively() -> None:
    groups = independence_groups(SEEDS)
    assert groups == {"000": 1, "001": 1, "002": 2, "003": 3, "004": 4}


def test_unknown_publisher_or_author_never_groups_by_metadata() -> None:
    a = Source(id="a", path="a", author="Jane Roe")
    b = Source(id="b", path="b", author="Jane Roe")
    c = Source(id="c", path="c", publisher="goover")
    d = Source(id="d", path="d", publisher="goover")
    assert len(set(independence_groups([a, b, c, d]).values())) == 4


def test_near_identical_texts_group() -> None:
    a, b, c = (Source(id=x, path=x) for x in "abc")
    copy = ARTICLE.replace("Paris", "Paris, France,")
    other = " ".join(reversed(ARTICLE.split()))
    groups = independence_groups([c, a, b], {"a": ARTICLE, "b": copy, "c": other})
    assert groups == {"c": 1, "a": 2, "b": 2}


def test_groups_are_transitive_and_numbered_by_first_appearance() -> None:
    a = Source(id="a", path="a", publisher="P", author="X")
    b = Source(id="b", path="b")
    c = Source(id="c", path="c", publisher="p", author="x")
    d = Source(id="d", path="d")
    groups = independence_groups([d, a, b, c], {"b": ARTICLE, "c": ARTICLE})
    assert groups == {"d": 1, "a": 2, "b": 2, "c": 2}
    assert weight(["a", "b", "c", "d"], groups) == 2
    assert weight(["a", "unknown"], groups) == 2


@pytest.mark.slow
def test_near_duplicates_among_thousands_of_documents() -> None:
    # Correctness at scale only: how fast it runs is the benchmark's business
    # (benchmarks/bench.py), not a wall-clock bound a busy machine breaks.
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choices(vocabulary, k=400)) for _ in range(2000)]
    # Every 100th document gets a copy with a handful of words changed.
    for i in range(0, 2000, 100):
        words = texts[i].split()
        for j in rng.sample(range(len(words)), 4):
            words[j] = "changed"
        texts.append(" ".join(words))
    pairs = near_duplicate_pairs(shingle_sets(texts))
    assert pairs == [(i, 2000 + i // 100) for i in range(0, 2000, 100)]


# ---------------------------------------------------------------- one source, one statement


def test_one_source_with_two_values_is_single_source_with_a_note():
    claims = [
        claim(S004, "funding", "eu_investai", money("€200 billion", 2e11, "EUR"), "€200 billion"),
        claim(S004, "funding", "eu_investai", money("€50 billion", 5e10, "EUR"), "€50 billion"),
    ]
    verdict = judge_subject("funding", "eu_investai", claims, GROUPS)
    assert verdict.verdict == "single_source"
    assert verdict.consensus is not None and not verdict.dissent
    assert any("004" in n and "200 billion" in n and "50 billion" in n for n in verdict.notes)


def test_one_independent_group_with_two_values_is_single_source():
    claims = [
        claim(S000, "summit", "participants", count("800", 800), "800 participants"),
        claim(S001, "summit", "participants", count("900", 900), "900 participants"),
    ]
    verdict = judge_subject("summit", "participants", claims, GROUPS)
    assert verdict.verdict == "single_source"
    assert verdict.consensus is not None
    assert any("one independent source" in n for n in verdict.notes)


def test_a_source_that_contradicts_itself_votes_once_for_its_asserted_value():
    claims = [
        claim(S002, "funding", "x", money("€10 billion", 1e10, "EUR"), "€10 billion"),
        claim(
            S002,
            "funding",
            "x",
            money("€12 billion", 1.2e10, "EUR"),
            "might reach €12 billion",
            modality="hedged",
        ),  # fmt: skip
        claim(S003, "funding", "x", money("€12 billion", 1.2e10, "EUR"), "€12 billion"),
        claim(S004, "funding", "x", money("€10 billion", 1e10, "EUR"), "€10 billion"),
    ]
    verdict = judge_subject("funding", "x", claims, GROUPS)
    assert verdict.verdict == "contradiction"
    assert verdict.consensus is not None and verdict.consensus.sources == ["002", "004"]
    assert [c.sources for c in verdict.dissent] == [["003"]]
    assert any(n.startswith("002 states incompatible values") for n in verdict.notes)


def test_an_opening_day_inside_the_range_sides_with_it_beside_a_range_a_day_late():
    # "from Tuesday to Thursday" (5-7) overlaps 4-6, so it piles with it, and kept
    # "began on Monday" (4) apart; the day lies inside 4-6 and agrees with it.
    monday = days("Monday", "2023-09-04", "2023-09-04").model_copy(update={"bound": "start"})
    claims = [
        claim(S002, "summit", "dates", days("September 4-6", "2023-09-04", "2023-09-06"),
              "The summit runs from September 4-6."),
        claim(S002, "summit", "dates", days("Tuesday to Thursday", "2023-09-05", "2023-09-07"),
              "Kenya hosts the summit from Tuesday to Thursday."),
        claim(S003, "summit", "dates", days("4 to 6 September", "2023-09-04", "2023-09-06"),
              "The summit is held from 4 to 6 September."),
        claim(S004, "summit", "dates", monday, "The summit began on Monday."),
    ]  # fmt: skip
    verdict = judge_subject("summit", "dates", claims, GROUPS)
    assert verdict.verdict == "consensus", verdict.dissent
    assert verdict.consensus is not None
    assert verdict.consensus.sources == ["002", "003", "004"]
    assert verdict.consensus.display == "2023-09-04 to 2023-09-06"


def test_a_photo_caption_gives_way_to_its_sources_own_body():
    caption = "Leaders at the closing of the summit on Wednesday, September 6, 2023."
    body = "The summit came to an end on Wednesday, August 6."
    text = f"{caption} [Jane Doe, Daily Paper]\n\n{body}\n"
    at = text.index(body)

    def told(quote: str, value: DateValue, start: int) -> Claim:
        found = claim(S002, "summit", "dates", value, quote)
        evidence = found.evidence.model_copy(update={"start": start, "end": start + len(quote)})
        return found.model_copy(update={"evidence": evidence, "id": f"002:{start}"})

    claims = [
        told(caption, days("September 6, 2023", "2023-09-06", "2023-09-06"), 0),
        told(body, days("August 6", "2023-08-06", "2023-08-06"), at),
        claim(S003, "summit", "dates", days("4-6 September", "2023-09-04", "2023-09-06"), "4-6"),
        claim(S004, "summit", "dates", days("4-6 September", "2023-09-04", "2023-09-06"), "4-6"),
    ]
    report = build_report(claims, SEEDS, texts={"002": text}, tool_version="t", schema_version=1)
    verdict = subject(report.contradictions, "summit", "dates")
    assert verdict.consensus is not None and verdict.consensus.sources == ["003", "004"]
    assert [(c.display, c.sources) for c in verdict.dissent] == [("2023-08-06", ["002"])]


# ---------------------------------------------------------------- automatic subjects


def test_an_automatic_subject_is_never_a_contradiction_from_one_source():
    # One source's science days, cultural weekend and summit days: not a debate.
    alone = [
        claim(S002, "auto", "on_date", days("February 6 to 7", "2025-02-06", "2025-02-07"),
              "Science days ran on February 6 to 7.", rule="auto"),
        claim(S002, "auto", "on_date", days("February 8 to 9", "2025-02-08", "2025-02-09"),
              "A cultural weekend followed on February 8 to 9.", rule="auto"),
    ]  # fmt: skip
    verdict = judge_subject("auto", "on_date", alone, GROUPS, auto=True)
    assert verdict.verdict == "single_source"
    assert verdict.consensus is not None
    assert any("002" in note and "incompatible values" in note for note in verdict.notes)
    # A rule subject that one source states is single_source too (DESIGN.md, "One
    # source, one statement").
    assert judge_subject("summit", "dates", alone, GROUPS).verdict == "single_source"
    # Two independent sources disagreeing stay a contradiction, automatic or not.
    other = claim(S003, "auto", "on_date", days("March 1", "2025-03-01", "2025-03-01"),
                  "It was on March 1.", rule="auto")  # fmt: skip
    assert judge_subject("auto", "on_date", [*alone, other], GROUPS, auto=True).verdict == (
        "contradiction"
    )


def test_automatic_subjects_are_listed_apart_and_never_counted():
    auto_claims = [
        claim(S000, "auto", "article_count", count("Article 12", 12), "Article 12 applies.",
              rule="auto"),
        claim(S002, "auto", "article_count", count("Article 14", 14), "Article 14 applies.",
              rule="auto"),
    ]  # fmt: skip
    report = build_report([*DATES, *auto_claims], SEEDS, tool_version="test", schema_version=2)
    assert [(v.topic, v.slot) for v in report.contradictions] == [("summit", "dates")]
    assert [(v.topic, v.slot, v.verdict) for v in report.automatic] == [
        ("auto", "article_count", "contradiction")
    ]
    standing = {s.source_id: s for s in report.sources}
    # 000 and 002 lost or won nothing on the automatic subject: only summit/dates counts.
    assert standing["000"].contested == 0
    assert (standing["002"].contested, standing["002"].with_consensus) == (1, 1)
    assert report.outlier == "001"


def test_a_source_telling_its_own_figure_roughly_gets_no_note_against_itself(tmp_path):
    import json

    from typer.testing import CliRunner

    from summit_facts.cli.app import app

    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "a.md").write_text(
        '---\ntitle: "Oslo to host the next trade summit in 2026"\npublished: 2025-06-01\n---\n'
        "The Lusaka Trade Summit ended in Lusaka on Sunday.\n\n"
        "Norway will host the next summit in Oslo on 3-4 June 2026.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "---\npublished: 2025-06-02\n---\n"
        "The Lusaka Trade Summit ended in Lusaka on Sunday.\n\n"
        "The next summit will take place in Oslo on 3-4 June 2026.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", str(folder), "--format", "json", "--store", str(tmp_path / "s"), "-q"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    dates = [
        v
        for section in ("consensus", "contradictions", "single_source")
        for v in report[section]
        if (v["topic"], v["slot"]) == ("next_summit", "dates")
    ]
    assert dates, report
    assert not any("a.md says" in note for v in dates for note in v["notes"]), dates


def test_a_date_cluster_shows_the_range_most_sources_state():
    # the leaders' segment inside the programme is told by one source, the programme by two
    claims = [
        claim(S002, "summit", "dates", days("16-21 Feb", "2026-02-16", "2026-02-21"), "q"),
        claim(S003, "summit", "dates", days("16-21 Feb", "2026-02-16", "2026-02-21"), "q"),
        claim(S004, "summit", "dates", days("18-19 Feb", "2026-02-18", "2026-02-19"), "q"),
    ]
    verdict = judge_subject("summit", "dates", claims, GROUPS)
    assert verdict.verdict == "consensus"
    assert verdict.consensus is not None
    assert verdict.consensus.display == "2026-02-16 to 2026-02-21"


def test_days_of_an_event_told_one_by_one_agree_with_its_range():
    # "22 and 23 June"; "opened on Thursday" (22); "on Friday, the summit ended" (23).
    claims = [
        claim(S002, "summit", "dates", days("22 and 23 June", "2023-06-22", "2023-06-23"),
              "The summit runs on 22 and 23 June."),
        claim(S003, "summit", "dates", days("Thursday", "2023-06-22", "2023-06-22"),
              "The summit opened on Thursday."),
        claim(S004, "summit", "dates", days("Friday", "2023-06-23", "2023-06-23"),
              "On Friday, the summit ended."),
    ]  # fmt: skip
    verdict = judge_subject("summit", "dates", claims, GROUPS)
    assert verdict.verdict == "consensus", verdict
    assert verdict.consensus is not None
    assert (verdict.consensus.value.start, verdict.consensus.value.end) == (
        date(2023, 6, 22),
        date(2023, 6, 23),
    )
    # A day outside the range is still a dissent.
    wrong = claim(S000, "summit", "dates", days("Saturday", "2023-06-24", "2023-06-24"),
                  "The summit met on Saturday.")  # fmt: skip
    verdict = judge_subject("summit", "dates", [*claims, wrong], GROUPS)
    assert verdict.verdict == "contradiction"
    assert [c.sources for c in verdict.dissent] == [["000"]]
