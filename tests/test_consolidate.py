"""Consolidation: equivalents, parts of totals, one source voting once, programme subjects.

The two field cases of issue 9 run through the real CLI with the trained model,
with the shipped rules and with the general rules alone (no event alias file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from summit_facts.consolidate import consolidate, programme_names, same_programme
from summit_facts.models import (
    Claim,
    CountValue,
    Evidence,
    Interval,
    MoneyValue,
    Source,
    TextValue,
)
from summit_facts.verdicts import judge_subject
from tests.conftest import check_files, subjects_of

A = Source(id="a.txt", path="a.txt", publisher="Wire")
B = Source(id="b.txt", path="b.txt", publisher="Daily")


def money(surface: str, amount: float, currency: str) -> MoneyValue:
    return MoneyValue(
        surface=surface,
        nominal=amount,
        currency=currency,
        interval=Interval(low=amount, high=amount),
    )


def count(surface: str, n: int) -> CountValue:
    return CountValue(surface=surface, nominal=n, interval=Interval(low=n, high=n))


def claims_of(source: Source, sentence: str, found: list[tuple[str, str, object]]) -> list[Claim]:
    """Claims of one sentence: (slot, surface, value) each, located by their surface."""
    out = []
    for slot, surface, value in found:
        at = sentence.index(surface)
        topic, _, name = slot.partition("/")
        out.append(
            Claim(
                id=f"{source.id}:{at}",
                source=source,
                topic=topic,
                slot=name,
                value=value,  # type: ignore[arg-type]
                evidence=Evidence(
                    sentence=sentence,
                    start=0,
                    end=len(sentence),
                    value_start=at,
                    value_end=at + len(surface),
                ),
                rule="auto" if topic == "auto" else topic,
                noun=getattr(value, "noun", None),
            )
        )
    return out


# ---------------------------------------------------------------- equivalents


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        ("It takes place at the Hall of Arts, or Artora, in the old town.", "Artora"),
        ("It takes place at the Hall of Arts (Artora) in the old town.", "Artora"),
    ],
)
def test_a_venues_other_name_told_beside_it_is_an_equivalent(sentence, other):
    [claim] = claims_of(
        A,
        sentence,
        [("summit/venue", "Hall of Arts", TextValue(surface="Hall of Arts", text="Hall of Arts"))],
    )
    [kept] = consolidate([claim], {A.id: sentence})
    assert [v.text for v in kept.equivalents] == [other]


def test_a_place_in_brackets_is_no_other_name():
    sentence = "It takes place at the Hall of Arts (Belgium) in the old town."
    [claim] = claims_of(
        A,
        sentence,
        [("summit/venue", "Hall of Arts", TextValue(surface="Hall of Arts", text="Hall of Arts"))],
    )
    [kept] = consolidate([claim], {A.id: sentence})
    assert kept.equivalents == []


def test_a_bracketed_conversion_is_an_equivalent_not_a_claim():
    sentence = "Current AI is backed by an initial $400 million (€387 million) from donors."
    claims = claims_of(
        A,
        sentence,
        [
            ("funding/current_ai", "$400 million", money("$400 million", 4e8, "USD")),
            ("funding/current_ai", "€387 million", money("€387 million", 3.87e8, "EUR")),
        ],
    )
    out = consolidate(claims)
    assert len(out) == 1
    assert out[0].value.surface == "$400 million"
    assert [v.surface for v in out[0].equivalents] == ["€387 million"]


def test_an_equivalent_agrees_across_sources_and_no_currency_conflict():
    first = consolidate(
        claims_of(
            A,
            "Current AI got $400 million (€387 million).",
            [
                ("funding/current_ai", "$400 million", money("$400 million", 4e8, "USD")),
                ("funding/current_ai", "€387 million", money("€387 million", 3.87e8, "EUR")),
            ],
        )
    )
    euro = claims_of(
        B,
        "Current AI got €387 million.",
        [("funding/current_ai", "€387 million", money("€387 million", 3.87e8, "EUR"))],
    )
    verdict = judge_subject("funding", "current_ai", first + euro, {"a.txt": 1, "b.txt": 2})
    assert verdict.verdict == "consensus"
    dollars = claims_of(
        B,
        "Current AI got $400 million.",
        [("funding/current_ai", "$400 million", money("$400 million", 4e8, "USD"))],
    )
    verdict = judge_subject("funding", "current_ai", first + dollars, {"a.txt": 1, "b.txt": 2})
    assert verdict.verdict == "consensus"


def test_digits_after_words_and_apposition_across_currencies():
    sentence = (
        "Fifty-eight (58) countries signed; France raised €109 billion, or about $112 billion."
    )
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("signatories/count", "Fifty-eight", count("Fifty-eight", 58)),
                ("auto/country_count", "58", count("58", 58)),
                ("funding/france", "€109 billion", money("€109 billion", 1.09e11, "EUR")),
                (
                    "funding/france",
                    "about $112 billion",
                    money("about $112 billion", 1.12e11, "USD"),
                ),
            ],
        )
    )
    assert [(c.slot, [v.surface for v in c.equivalents]) for c in out] == [
        ("count", ["58"]),
        ("france", ["about $112 billion"]),
    ]


def test_a_different_amount_in_brackets_in_one_currency_is_not_an_equivalent():
    sentence = "The plan is worth €200 billion (€150 billion from companies)."
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("funding/investai", "€200 billion", money("€200 billion", 2e11, "EUR")),
                ("funding/investai", "€150 billion", money("€150 billion", 1.5e11, "EUR")),
            ],
        )
    )
    assert len(out) == 2 and not any(c.equivalents for c in out)


# ---------------------------------------------------------------- parts


def test_parts_get_their_own_subject_and_name_their_total():
    sentence = (
        "InvestAI, a €200 billion plan, with €150 billion coming from companies, was unveiled."
    )
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("funding/eu_investai", "€200 billion", money("€200 billion", 2e11, "EUR")),
                ("funding/eu_investai", "€150 billion", money("€150 billion", 1.5e11, "EUR")),
            ],
        )
    )
    total, part = out
    assert (total.slot, total.part_of) == ("eu_investai", None)
    assert (part.slot, part.part_of) == ("eu_investai_companies", "funding/eu_investai")


def test_a_list_after_a_total_is_a_list_of_parts():
    sentence = (
        "The coalition has 91 partners, including 37 tech companies, 11 countries and "
        "5 international organisations."
    )
    values = [
        ("initiatives/coalition_partners", "91", count("91", 91)),
        ("initiatives/coalition_companies", "37", count("37", 37)),
        ("auto/country_count", "11", count("11", 11)),
        ("auto/organisation_count", "5", count("5", 5)),
    ]
    values[0][2].noun = "partners"  # type: ignore[attr-defined]
    values[1][2].noun = "tech companies"  # type: ignore[attr-defined]
    values[2][2].noun = "countries"  # type: ignore[attr-defined]
    values[3][2].noun = "international organisations"  # type: ignore[attr-defined]
    out = consolidate(claims_of(A, sentence, values))
    assert [(c.topic, c.slot, c.part_of) for c in out] == [
        ("initiatives", "coalition_partners", None),
        ("initiatives", "coalition_companies", "initiatives/coalition_partners"),
        ("initiatives", "coalition_countries", "initiatives/coalition_partners"),
        ("initiatives", "coalition_organisations", "initiatives/coalition_partners"),
    ]


def test_a_goal_is_a_target_and_what_is_pledged_is_the_programme():
    sentence = "Current AI set a five-year goal of €2.5 billion, of which €400 million is pledged."
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("funding/current_ai", "€2.5 billion", money("€2.5 billion", 2.5e9, "EUR")),
                ("funding/current_ai", "€400 million", money("€400 million", 4e8, "EUR")),
            ],
        )
    )
    assert [(c.slot, c.part_of) for c in out] == [
        ("current_ai_target", None),
        ("current_ai", "funding/current_ai_target"),
    ]


def test_a_part_counting_the_totals_noun_is_named_by_its_kind():
    sentence = "42 countries have confirmed, including 20 member states and 16 guest countries."

    def counted(surface: str, n: int, noun: str) -> CountValue:
        return count(surface, n).model_copy(update={"noun": noun})

    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("summit/countries_attending", "42", counted("42", 42, "countries")),
                ("summit/countries_attending", "20", counted("20", 20, "member states")),
                ("summit/countries_attending", "16", counted("16", 16, "guest countries")),
            ],
        )
    )
    assert [c.slot for c in out] == [
        "countries_attending",
        "countries_attending_states",
        "countries_attending_guest_countries",
    ]


def test_a_size_told_as_made_and_as_sought_is_one_subject():
    made = "The declaration announced the creation of a USD 60 billion Lagos Ports Fund."
    sought = "The declaration aims to raise USD 60 billion for the Lagos Ports Fund."
    out = consolidate(
        claims_of(
            A,
            made,
            [("funding/lagos_ports_fund", "USD 60 billion", money("USD 60 billion", 6e10, "USD"))],
        )
        + claims_of(
            B,
            sought,
            [("funding/lagos_ports_fund", "USD 60 billion", money("USD 60 billion", 6e10, "USD"))],
        )
    )
    assert [c.slot for c in out] == ["lagos_ports_fund", "lagos_ports_fund"]


def test_a_target_other_than_the_size_stays_apart():
    made = "The declaration announced a USD 5 billion Lagos Ports Fund."
    sought = "The declaration aims to raise USD 60 billion for the Lagos Ports Fund."
    out = consolidate(
        claims_of(
            A,
            made,
            [("funding/lagos_ports_fund", "USD 5 billion", money("USD 5 billion", 5e9, "USD"))],
        )
        + claims_of(
            B,
            sought,
            [("funding/lagos_ports_fund", "USD 60 billion", money("USD 60 billion", 6e10, "USD"))],
        )
    )
    assert [c.slot for c in out] == ["lagos_ports_fund", "lagos_ports_fund_target"]


def test_a_supplement_is_not_compared_with_what_it_adds_to():
    sentence = (
        "It adds €5 billion in new funding, supplementing the €150 billion previously pledged."
    )
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("funding/ai_champions", "€5 billion", money("€5 billion", 5e9, "EUR")),
                ("funding/ai_champions", "€150 billion", money("€150 billion", 1.5e11, "EUR")),
            ],
        )
    )
    assert out[0].part_of == "funding/ai_champions" and out[0].slot != "ai_champions"


def test_an_increment_is_a_part_of_the_running_total():
    sentence = "Eighteen countries ratified the treaty on Monday, taking the total to 49."
    out = consolidate(
        claims_of(
            A,
            sentence,
            [
                ("signatories/count_seas_treaty", "Eighteen", count("Eighteen", 18)),
                ("signatories/count_seas_treaty", "49", count("49", 49)),
            ],
        )
    )
    by_value = {c.value.nominal: c for c in out}  # type: ignore[union-attr]
    assert by_value[18].part_of == "signatories/count_seas_treaty"
    assert by_value[18].slot != "count_seas_treaty"
    assert by_value[49].slot == "count_seas_treaty" and by_value[49].part_of is None


# ---------------------------------------------------------------- programme names


def test_name_variants_are_one_programme_and_different_names_are_not():
    assert same_programme("current_ai", "current_ai_foundation")
    assert same_programme("investai", "invest_ai")
    assert same_programme("fmf", "frontier_model_forum")
    assert not same_programme("eu_investai", "eu_coalition")
    assert not same_programme("norway_ai_safety_fund", "sweden_ai_safety_fund")


def test_a_donorless_programme_joins_its_one_donor_but_not_one_of_two():
    from collections import Counter

    rename = programme_names(Counter({"investai": 1, "eu_investai": 2, "france": 1}))
    assert rename == {"investai": "eu_investai"}
    rename = programme_names(
        Counter({"ai_safety_fund": 1, "norway_ai_safety_fund": 1, "sweden_ai_safety_fund": 1})
    )
    assert rename == {}
    rename = programme_names(Counter({"france": 1, "france_private_investment": 1}))
    assert rename == {"france": "france_private_investment"}


# ---------------------------------------------------------------- the field cases, end to end


def _check(tmp_path: Path, files: dict[str, str], rules: Path | None) -> dict:
    return check_files(tmp_path, files, rules=rules)


def _values(verdict: dict) -> list[tuple[float, str, list[str]]]:
    clusters = ([verdict["consensus"]] if verdict["consensus"] else []) + verdict["dissent"]
    return sorted((c["value"]["nominal"], c["value"]["currency"], c["sources"]) for c in clusters)


@pytest.mark.model
@pytest.mark.parametrize("aliases", [True, False], ids=["shipped-rules", "no-alias-file"])
def test_investai_200_against_109_is_a_contradiction_with_no_majority(
    tmp_path, rules_without_aliases, aliases
):
    report = _check(
        tmp_path,
        {
            "first.txt": "At the Paris summit, France pledged €109 billion for AI infrastructure, "
            "while the European Union pledged €200 billion through InvestAI.\n",
            "second.txt": "At the Paris summit, the European Union pledged €109 billion "
            "through InvestAI.\n",
        },
        None if aliases else rules_without_aliases,
    )
    funding = subjects_of(report, "funding")
    investai = funding.pop("eu_investai")
    assert investai["verdict"] == "contradiction"
    assert investai["consensus"] is None  # no majority
    assert _values(investai) == [
        (109_000_000_000, "EUR", ["second.txt"]),
        (200_000_000_000, "EUR", ["first.txt"]),
    ]
    # France's EUR 109 billion is its own subject, from its own clause.
    [(slot, france)] = funding.items()
    assert slot.startswith("france")
    assert france["verdict"] == "single_source"
    assert _values(france) == [(109_000_000_000, "EUR", ["first.txt"])]


@pytest.mark.model
@pytest.mark.parametrize("aliases", [True, False], ids=["shipped-rules", "no-alias-file"])
def test_two_donors_to_one_fund_are_two_subjects(tmp_path, rules_without_aliases, aliases):
    report = _check(
        tmp_path,
        {
            "norway.txt": "At the Oslo AI Summit, Norway pledged €180 million to the AI safety fund.\n",
            "sweden.txt": "At the Oslo AI Summit, Sweden pledged €90 million to the AI safety fund.\n",
        },
        None if aliases else rules_without_aliases,
    )
    funding = subjects_of(report, "funding")
    assert not report["contradictions"]
    assert sorted(funding) == ["norway_ai_safety_fund", "sweden_ai_safety_fund"]
    assert _values(funding["norway_ai_safety_fund"]) == [(180_000_000, "EUR", ["norway.txt"])]
    assert _values(funding["sweden_ai_safety_fund"]) == [(90_000_000, "EUR", ["sweden.txt"])]


@pytest.mark.model
def test_an_equivalent_never_becomes_a_claim_end_to_end(tmp_path):
    report = _check(
        tmp_path,
        {
            "one.txt": "President Macron launched Current AI, a public interest foundation backed "
            "by an initial $400 million (€387 million) from the French government.\n",
            "two.txt": "Current AI launched with $400 million in funding.\n",
        },
        None,
    )
    current = subjects_of(report, "funding")["current_ai"]
    assert current["verdict"] == "consensus"
    assert [s["surface"] for s in current["consensus"]["support"]] == [
        "$400 million",
        "$400 million",
    ]


PARIS_LIKE = {
    "a.md": "---\npublisher: A\n---\nFrench President Emmanuel Macron announced €109 billion of "
    "private investment in France's AI sector.\n",
    "b.md": "---\npublisher: B\n---\nMacron said France would attract €109 billion "
    "(£112.5 billion) in private investment.\n",
    "c.md": "---\npublisher: C\n---\nEuropean Commission President Ursula von der Leyen unveiled "
    "InvestAI, a €200 billion plan, with €150 billion coming from companies. The EU would "
    "contribute €50 billion, with the rest from investors. InvestAI includes €20 billion to "
    "fund four AI gigafactories.\n",
    "d.md": "---\npublisher: D\n---\nThe EU's InvestAI initiative aims to mobilise EUR200 billion "
    "($206 billion) for artificial intelligence.\n",
}


@pytest.mark.model
def test_programmes_donors_parts_and_equivalents_without_the_alias_file(
    tmp_path, rules_without_aliases
):
    report = _check(tmp_path, PARIS_LIKE, rules_without_aliases)
    funding = subjects_of(report, "funding")
    assert not report["contradictions"]
    assert _values(funding["eu_investai"]) == [(200_000_000_000, "EUR", ["c.md", "d.md"])]
    assert funding["eu_investai"]["verdict"] == "consensus"
    france = funding["france_private_investment"]
    assert france["verdict"] == "consensus"
    assert _values(france) == [(109_000_000_000, "EUR", ["a.md", "b.md"])]
    # the parts have subjects of their own, never compared with the EUR 200 billion
    assert _values(funding["eu_investai_companies"]) == [(150_000_000_000, "EUR", ["c.md"])]
    assert _values(funding["eu_investai_contribution"]) == [(50_000_000_000, "EUR", ["c.md"])]
    assert _values(funding["ai_gigafactories"]) == [(20_000_000_000, "EUR", ["c.md"])]
    claims = json.loads(
        CliRunner()
        .invoke(
            app, ["show", "--topic", "funding", "--format", "json", "--store", str(tmp_path / "st")]
        )  # fmt: skip
        .stdout
    )
    records = claims["claims"] if isinstance(claims, dict) else claims
    parts = {c["slot"]: c["part_of"] for c in records if c.get("part_of")}
    assert parts == {
        "eu_investai_companies": "funding/eu_investai",
        "eu_investai_contribution": "funding/eu_investai",
    }
    # "(GBP 112.5 billion)" and "($206 billion)" are equivalents, never claims
    surfaces = {c["value"]["surface"] for c in records}
    assert "£112.5 billion" not in surfaces and "$206 billion" not in surfaces


def test_a_count_with_a_fixed_subject_of_its_own_is_not_a_share_of_another():
    # "the five-day event drew 15,000 participants, including more than 60 heads of
    # state": heads_of_state is its own subject about the event, not participants_heads.
    sentence = "The event drew 15,000 participants, including more than 60 heads of state."
    values = [
        ("summit/participants", "15,000", count("15,000", 15000)),
        ("summit/heads_of_state", "more than 60", count("more than 60", 60)),
    ]
    claims = claims_of(A, sentence, values)
    for claim in claims:
        claim.rule = f"{claim.topic}.{claim.slot}"  # as the rules name a fixed slot
    out = consolidate(claims)
    assert [(c.topic, c.slot, c.part_of) for c in out] == [
        ("summit", "participants", None),
        ("summit", "heads_of_state", None),
    ]


def test_an_aside_in_brackets_does_not_end_a_list_of_parts():
    sentence = (
        "42 countries have confirmed their participation, including 20 member states "
        "(excluding the USA), 16 guest countries, and six regional countries."
    )
    values = [
        ("summit/countries_attending", "42", count("42", 42)),
        ("summit/countries_attending", "20", count("20", 20)),
        ("summit/countries_attending", "16", count("16", 16)),
        ("summit/countries_attending", "six", count("six", 6)),
    ]
    out = consolidate(claims_of(A, sentence, values))
    assert [c.part_of for c in out] == [None] + ["summit/countries_attending"] * 3


@pytest.mark.model
def test_a_head_count_is_no_part_of_a_length_of_time(tmp_path):
    """'kicks off for a 2-day run with 2,000 participants from 90 countries': the
    participants are no part of the two days."""
    report = check_files(
        tmp_path,
        {
            "a.txt": "Ports Summit kicks off in Accra for 2-day run with 2,000 participants from 90 countries\n"
        },
    )
    slots = {
        v["slot"] for key in ("consensus", "single_source", "contradictions") for v in report[key]
    }
    assert not any(s.startswith("duration_days_") for s in slots), slots


@pytest.mark.model
def test_hosts_named_in_two_phrases_of_one_sentence_are_one_list(tmp_path):
    # "hosted by X and co-chaired by Y and Z": three hosts, not two lists that contradict.
    report = check_files(
        tmp_path,
        {
            "a.md": "---\npublisher: Harbour Post\npublished: 2031-05-06\n---\n\n"
            "The ports summit, which was hosted by Ghana and co-chaired by the African Union "
            "and Norway, opened in Accra on Monday.\n",
        },
    )
    hosts = subjects_of(report, "summit")["hosts"]
    assert hosts["verdict"] == "single_source", hosts
    clusters = [c for c in [hosts["consensus"], *hosts["dissent"]] if c]
    assert [sorted(c["value"]["members"]) for c in clusters] == [
        ["African Union", "Ghana", "Norway"]
    ], clusters


@pytest.mark.model
def test_a_host_and_its_leader_in_apposition_are_one_host(tmp_path):
    # "The President of the French Republic, Emmanuel Macron": France, told twice.
    report = check_files(
        tmp_path,
        {
            "a.md": "---\npublisher: Harbour Post\npublished: 2031-05-06\n---\n\n"
            "The President of the French Republic, Emmanuel Macron, will host the ports "
            "summit in Accra.\n",
        },
    )
    hosts = subjects_of(report, "summit")["hosts"]
    clusters = [c for c in [hosts["consensus"], *hosts["dissent"]] if c]
    # One host: the president, standing for France (DESIGN.md, "Values"), not France
    # and the president as two.
    assert len(clusters) == 1, clusters
    value = clusters[0]["value"]
    assert value["members"] == ["Emmanuel Macron"], clusters
    assert value["roles"] == {"Emmanuel Macron": "France"}, clusters


def test_a_person_named_by_surname_is_the_one_full_name_the_corpus_gives():
    from summit_facts.models import EntitiesValue

    one = "Last week President Ruto hosted the pledging conference."
    other = "The conference was hosted by Kenyan President William Ruto."
    claims = [
        *claims_of(
            A,
            one,
            [
                (
                    "summit/hosts",
                    "President Ruto",
                    EntitiesValue(
                        surface="President Ruto", members=["Ruto"], roles={"Ruto": "President"}
                    ),
                )
            ],
        ),
        *claims_of(
            B,
            other,
            [
                (
                    "summit/hosts",
                    "Kenyan President William Ruto",
                    EntitiesValue(
                        surface="Kenyan President William Ruto",
                        members=["William Ruto"],
                        roles={"William Ruto": "President"},
                    ),
                )
            ],
        ),
    ]
    out = consolidate(claims)
    assert sorted(m for c in out for m in c.value.members) == ["William Ruto", "William Ruto"]
    assert [c.value.roles for c in out if c.source.id == "a.txt"] == [{"William Ruto": "President"}]
