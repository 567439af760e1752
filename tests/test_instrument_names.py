"""instrument_names: one text named at different lengths by different sources is one
subject (DESIGN.md, "Several instruments at one event")."""

from __future__ import annotations

from summit_facts.instrument_names import (
    companies_sign_the_principal,
    described_text_is_principal,
    longer_names,
    merge_instrument_names,
    merge_names_told_as_one,
    name_commitments_after_the_text,
    one_name_per_source,
    one_outcome_is_principal,
    one_principal_text,
)
from summit_facts.models import Claim, CountValue, Evidence, Interval, Source, TextValue


def claim(slot: str, source: str, topic: str = "signatories") -> Claim:
    value = CountValue(surface="80", nominal=80, interval=Interval(low=80, high=80))
    return Claim(
        id=f"{source}-{slot}",
        source=Source(id=source, path=source),
        topic=topic,
        slot=slot,
        value=value,
        evidence=Evidence(sentence="80", start=0, end=2, value_start=0, value_end=2),
        rule="signatories.count",
    )


def test_a_shorter_name_of_the_same_kind_takes_the_longer_one() -> None:
    rename = longer_names(["roadmap", "fossil_fuel_roadmap", "commitment", "frontier_commitments"])
    assert rename == {"roadmap": "fossil_fuel_roadmap", "commitment": "frontier_commitments"}


def test_two_longer_candidates_leave_the_short_name_alone() -> None:
    assert longer_names(["statement", "ministerial_statement", "youth_statement"]) == {}


def test_another_tail_is_another_subject() -> None:
    # Monday's ratifications are not the event's: same treaty, another subject.
    rename = longer_names(
        ["high_seas_treaty_new_ratifications", "high_seas_treaty_new_ratifications_monday"]
    )
    assert rename == {}


def test_one_name_spelt_two_ways_takes_the_commoner_spelling() -> None:
    rename = longer_names(["frontier_commitments", "frontier_commitments", "frontier_commitment"])
    assert rename == {"frontier_commitment": "frontier_commitments"}


def test_another_kind_of_text_is_not_merged() -> None:
    assert longer_names(["roadmap", "fossil_fuel_treaty"]) == {}


def test_merge_renames_every_slot_of_the_instrument_and_leaves_the_principal() -> None:
    claims = [
        claim("count_fossil_fuel_roadmap", "a.md"),
        claim("count_roadmap", "b.md"),
        claim("members_roadmap", "b.md"),
        claim("count", "c.md"),
        claim("count_roadmap", "d.md", topic="auto"),
    ]
    merge_instrument_names(claims)
    assert [c.slot for c in claims] == [
        "count_fossil_fuel_roadmap",
        "count_fossil_fuel_roadmap",
        "members_fossil_fuel_roadmap",
        "count",
        "count_roadmap",
    ]


def test_the_one_outcome_text_of_a_corpus_is_the_principal_one() -> None:
    claims = [
        claim("count_mangrove_declaration", "a.md"),
        claim("non_signers_mangrove_declaration", "b.md"),
        claim("count", "c.md"),  # "Sixty countries signed the declaration"
        claim("count_frontier_commitments", "c.md"),  # another kind of text stays apart
    ]
    one_outcome_is_principal(claims)
    assert [c.slot for c in claims] == [
        "count",
        "non_signers",
        "count",
        "count_frontier_commitments",
    ]


def test_an_outcome_text_stays_apart_when_the_principal_one_has_a_name() -> None:
    claims = [claim("count_ministerial_statement", "a.md"), claim("declaration_name", "b.md")]
    one_outcome_is_principal(claims)
    assert claims[0].slot == "count_ministerial_statement"


def test_a_text_told_by_its_formal_name_and_acronym_is_one_text() -> None:
    """'Known formally as the Agreement on Reef Protection Beyond Coasts, the Reef
    Treaty ...' in one source and 'the RPBC Agreement' in another: one text."""
    claims = [
        claim("count_reef_treaty", "a"),
        claim("count_reef_treaty_new_ratifications", "a"),
        claim("count_rpbc_agreement_new_ratifications", "b"),
        claim("count_ministerial_statement", "b"),
    ]
    texts = {
        "a": "Known formally as the Agreement on Reef Protection Beyond Coasts, the Reef "
        "Treaty is the first of its kind.",
        "b": "A major focus was the 2023 RPBC Agreement.",
    }
    merge_names_told_as_one(claims, texts)
    assert [c.slot for c in claims] == [
        "count_reef_treaty",
        "count_reef_treaty_new_ratifications",
        "count_reef_treaty_new_ratifications",
        "count_ministerial_statement",
    ]


def test_names_never_told_as_one_stay_apart() -> None:
    claims = [claim("count_reef_treaty", "a"), claim("count_rpbc_agreement", "b")]
    merge_names_told_as_one(
        claims, {"a": "The Reef Treaty was signed.", "b": "The RPBC Agreement."}
    )
    assert [c.slot for c in claims] == ["count_reef_treaty", "count_rpbc_agreement"]


def test_a_chain_of_longer_names_is_one_text() -> None:
    rename = longer_names(["treaty", "framework_convention", "coe_framework_convention"])
    assert rename["treaty"] == "coe_framework_convention"
    assert rename["framework_convention"] == "coe_framework_convention"
    # Two different longer texts still leave the short one alone.
    assert "statement" not in longer_names(
        ["statement", "ministerial_statement", "youth_statement"]
    )


def test_one_treaty_signed_with_no_declaration_is_the_principal_instrument() -> None:
    claims = [claim("count_reef_convention", "a"), claim("members_reef_convention", "b")]
    one_outcome_is_principal(claims)
    assert [c.slot for c in claims] == ["count", "members"]


def test_a_treaty_beside_a_declaration_keeps_its_suffix() -> None:
    claims = [claim("count_reef_convention", "a"), claim("count_lima_declaration", "b")]
    one_outcome_is_principal(claims)
    assert [c.slot for c in claims] == ["count_reef_convention", "count"]


def test_an_acronym_in_a_name_is_the_words_it_stands_for() -> None:
    """'the Board of Oceans (BoO) Reef Convention' in one source, 'the Board of Oceans
    Reef Convention' in another, 'the treaty' in a third: one text, the principal one."""
    claims = [
        claim("count_boo_reef_convention", "a"),
        claim("members_oceans_reef_convention", "b"),
        claim("members_treaty", "c"),
    ]
    texts = {
        "a": "Ten states signed the Board of Oceans (BoO) Reef Convention.",
        "b": "Chile signed the Board of Oceans Reef Convention.",
        "c": "Peru signed the treaty.",
    }
    merge_names_told_as_one(claims, texts)
    merge_instrument_names(claims)
    one_outcome_is_principal(claims)
    assert [c.slot for c in claims] == ["count", "members", "members"]


def test_an_acronym_that_does_not_spell_its_name_is_left_alone() -> None:
    claims = [claim("count_xyz_reef_convention", "a"), claim("count_board_reef_convention", "b")]
    merge_names_told_as_one(claims, {"a": "The Ocean Board (XYZ) met.", "b": "Nothing."})
    assert [c.slot for c in claims] == ["count_xyz_reef_convention", "count_board_reef_convention"]


def test_a_text_told_only_as_a_commitment_is_the_named_principal_one() -> None:
    claims = [
        claim("count_commitment", "a"),
        claim("declaration_name", "b"),
        claim("count_frontier_commitment", "c"),
    ]
    described_text_is_principal(claims)
    assert [c.slot for c in claims] == ["count", "declaration_name", "count_frontier_commitment"]


def test_a_commitment_stays_apart_when_the_principal_text_has_no_name() -> None:
    claims = [claim("count_commitment", "a"), claim("count", "b")]
    described_text_is_principal(claims)
    assert [c.slot for c in claims] == ["count_commitment", "count"]


def test_a_source_s_loose_retelling_of_a_name_gives_way_to_the_name() -> None:
    def named(text: str) -> Claim:
        told = claim("declaration_name", "a")
        told.id = text
        told.value = TextValue(surface=text, text=text)
        return told

    claims = [
        named("ocean board reef convention on drones"),
        named("ocean board convention"),  # skips words of the name: a retelling
        named("ocean board reef convention"),  # a run of its words: a short name
    ]
    kept = one_name_per_source(claims)
    assert [c.id for c in kept] == [
        "ocean board reef convention on drones",
        "ocean board reef convention",
    ]


def test_of_two_unrelated_names_a_source_gives_the_first_stated_is_its_name() -> None:
    def named(text: str, at: int) -> Claim:
        told = claim("declaration_name", "a")
        told.id = text
        told.value = TextValue(surface=text, text=text)
        told.evidence = Evidence(sentence=text, start=at, end=at + 5, value_start=0, value_end=5)
        return told

    kept = one_name_per_source([named("call to action", 300), named("reef blueprint", 10)])
    assert [c.id for c in kept] == ["reef blueprint"]


def _signed(slot: str, source: str, noun: str) -> Claim:
    return claim(slot, source).model_copy(update={"noun": noun})


def test_companies_signing_with_no_states_text_sign_the_principal_one() -> None:
    # An industry accord presented at a conference: "20 companies signed the pledge".
    claims = [
        _signed("count_companies", "a.md", "tech companies"),
        _signed("count_pledge", "b.md", "companies"),
        _signed("count_frontier_commitments", "c.md", "firms"),  # a named text stays apart
        _signed("count", "d.md", "signatories"),
    ]
    companies_sign_the_principal(claims)
    assert [c.slot for c in claims] == ["count", "count", "count_frontier_commitments", "count"]


def test_companies_beside_a_states_text_keep_their_own_subject() -> None:
    claims = [
        _signed("count", "a.md", "countries"),
        _signed("count", "b.md", "nations"),
        _signed("count_companies", "c.md", "companies"),
        _signed("count_pledge", "c.md", "companies"),
    ]
    companies_sign_the_principal(claims)
    assert [c.slot for c in claims] == ["count", "count", "count_companies", "count_pledge"]


def _told(slot: str, source: str, sentence: str, value: str, *, topic: str = "auto") -> Claim:
    start = sentence.index(value)
    return claim(slot, source, topic=topic).model_copy(
        update={
            "noun": sentence[start + len(value) :].split()[0].strip(".:"),
            "value": CountValue(surface=value, nominal=8, interval=Interval(low=8, high=8)),
            "evidence": Evidence(
                sentence=sentence,
                start=0,
                end=len(sentence),
                value_start=start,
                value_end=start + len(value),
            ),
            "rule": "auto" if topic == "auto" else "signatories.count",
        }
    )


def _name(text: str, source: str) -> Claim:
    named = claim("declaration_name", source)
    return named.model_copy(
        update={"value": TextValue(surface=text, text=text), "rule": "signatories.declaration_name"}
    )


def test_commitments_of_the_principal_text_are_named_after_it() -> None:
    claims = [
        _name("Reef Accord to Protect Coral Seas", "a.md"),
        _name("Reef Accord", "b.md"),
        _told(
            "commitments_count", "a.md", "The signers agreed to eight commitments below:", "eight"
        ),
        _told("pledges_count", "b.md", "The eight pledges address the main risks.", "eight"),
        # Commitments a plan holds are the plan's (initiatives.commitments names them).
        _told("pledges_count", "c.md", "The plan comprises a declaration and 100 pledges.", "100"),
        # Commitments told of no text are no text's.
        _told("commitments_count", "d.md", "Donors made 40 commitments on Monday.", "40"),
    ]
    name_commitments_after_the_text(claims)
    assert [(c.topic, c.slot) for c in claims[2:]] == [
        ("initiatives", "reef_accord_commitments"),
        ("initiatives", "reef_accord_commitments"),
        ("auto", "pledges_count"),
        ("auto", "commitments_count"),
    ]


def test_a_principal_kind_text_named_beside_the_principal_one_is_another() -> None:
    # "the Pact for the Future" in three sources; one of them names "the Declaration on
    # Reef Generations" beside it, as an annex: another text. A different name that no
    # source gives beside the principal one stays, where the sources disagree.
    claims = [
        _name("Pact for the Future", "a.md"),
        _name("Pact for the Future", "b.md"),
        _name("Declaration on Reef Generations", "b.md"),
        _name("Pact for the Future", "c.md"),
        _name("Lima Statement", "d.md"),
        _name("Lima Declaration on Clean Water", "c.md"),  # never a place in the suffix
    ]
    one_principal_text(claims)
    assert [c.slot for c in claims] == [
        "declaration_name",
        "declaration_name",
        "declaration_name_reef_generations_declaration",
        "declaration_name",
        "declaration_name",
        "declaration_name_clean_water_declaration",
    ]


def test_the_principal_text_told_with_its_owner_stays_the_principal() -> None:
    # "the Pact for the Reefs" in two sources; one of them also says "the United Nations
    # Pact for the Reefs": the same text with its owner in front, not another one.
    claims = [
        _name("Pact for the Reefs", "a.md"),
        _name("Pact for the Reefs", "b.md"),
        _name("United Nations Pact for the Reefs", "b.md"),
    ]
    one_principal_text(claims)
    assert [c.slot for c in claims] == ["declaration_name"] * 3
