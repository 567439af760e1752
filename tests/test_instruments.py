"""Several instruments at one event (DESIGN.md): the principal one keeps the plain
`signatories` slots, every other one gets its name's distinctive words, and one
instrument gets one suffix across its count, members and name. Sentences are invented
for the test, about events no rule or corpus names."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from tests.conftest import check_files

pytestmark = pytest.mark.model


def _slots(text: str) -> dict[str, list[str]]:
    """Signatories slot -> surfaces, as `facts extract -` files the text."""
    result = CliRunner().invoke(app, ["extract", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    found: dict[str, list[str]] = {}
    for claim in json.loads(result.stdout)["claims"]:
        if claim["topic"] == "signatories":
            found.setdefault(claim["slot"], []).append(claim["value"]["surface"])
    return found


def test_a_call_to_action_unquoted_is_the_principal_instrument():
    slots = _slots(
        "At the Lisbon summit on drones, 31 countries signed the Call to Action, including"
        " Chile, Ghana and Japan.\n"
    )
    assert slots.get("count") == ["31"], slots
    assert "members" in slots and "declaration_name" in slots, slots
    assert not [s for s in slots if s.endswith("_call")], slots


def test_a_call_to_action_named_after_the_event_is_the_principal_instrument():
    slots = _slots("At the ROBO summit in Oslo, 31 countries signed the ROBO Call to Action.\n")
    assert slots.get("count") == ["31"], slots
    assert slots.get("declaration_name") == ["ROBO Call to Action"], slots


def test_a_named_launch_declaration_is_another_instrument_with_one_suffix():
    slots = _slots(
        "The week saw the adoption of the KELP Launch Declaration, which 41 countries have"
        " already endorsed.\n"
    )
    assert slots.get("count_kelp_launch_declaration") == ["41"], slots
    assert slots.get("declaration_name_kelp_launch_declaration") == ["KELP Launch Declaration"]
    assert "count" not in slots and "declaration_name" not in slots, slots


def test_a_declaration_told_with_an_indefinite_article_is_the_principal_one():
    slots = _slots(
        "More than 120 countries adopted, by consensus, a"
        " far-reaching political declaration that promises urgent action.\n"
    )
    assert slots.get("count") == ["More than 120"], slots


def test_countries_calling_for_a_roadmap_sign_up_to_it():
    slots = _slots(
        "More than 40 countries and the African Union had earlier called for a phasedown of"
        " coal use and the creation of a global methane roadmap.\n"
    )
    assert slots.get("count_methane_roadmap") == ["More than 40"], slots
    assert slots.get("members_methane_roadmap") == ["African Union"], slots


def test_a_verb_call_is_no_instrument():
    # "called on" is what someone asks, not the document the count signed.
    slots = _slots(
        "In all, 52 countries, which called on donors to act, signed the Oslo Declaration.\n"
    )
    assert slots.get("count") == ["52"], slots


def test_companies_joining_named_commitments_are_their_members():
    slots = _slots(
        "Under the 'Harbour Robotics Commitments', leading robotics firms, together with"
        " start-ups such as Acme, Globex and Initech, have joined hands on a set of"
        " voluntary commitments.\n"
    )
    assert slots.get("members_harbour_robotics_commitments") == ["Acme, Globex and Initech"]


def test_the_title_an_agreement_carries_is_its_name():
    slots = _slots(
        "The consensus agreement at the summit carried the title “Together for the Reef: A"
        " Plan for Coral Seas”.\n"
    )
    assert slots.get("declaration_name") == ["Together for the Reef: A Plan for Coral Seas"]


def test_a_running_total_is_the_count_and_the_event_adds_new_ratifications():
    slots = _slots(
        "At the reef conference, nine countries formally ratified the Coral Treaty, bringing"
        " the overall tally to 41 -- but 60 nations are needed for it to enter into force.\n"
    )
    assert slots.get("count_coral_treaty") == ["41"], slots
    assert slots.get("count_coral_treaty_new_ratifications") == ["nine"], slots
    assert not [s for s in slots if "enter" in s], slots  # "to enter into force"
    assert "60" not in [v for values in slots.values() for v in values], slots


def test_ratifications_of_one_day_are_that_day_s_part():
    slots = _slots("Eight countries ratified the Coral Treaty on Monday, taking the total to 41.\n")
    assert slots.get("count_coral_treaty") == ["41"], slots
    assert slots.get("count_coral_treaty_new_ratifications_monday") == ["Eight"], slots
    assert slots.get("declaration_name_coral_treaty") == ["Coral Treaty"], slots


def test_a_quoted_title_split_at_its_colon_is_one_name():
    slots = _slots(
        "Titled 'Our Reef, Our Home: United for Coral Seas', the political declaration calls"
        " for new marine parks.\n"
    )
    assert slots.get("declaration_name") == ["Our Reef, Our Home: United for Coral Seas"]


def test_a_bare_kind_word_refers_back_to_the_instrument_the_article_named():
    slots = _slots(
        "Delegates praised the Coral Reef Treaty, which protects shallow waters.\n\n"
        "Officials said the meeting had been a success.\n\n"
        "Some 14 countries ratified the pact in Lima, bringing the overall tally to 37.\n\n"
        "Later, nine countries ratified the treaty in Quito.\n"
    )
    assert slots.get("count_coral_reef_treaty") == ["37", "nine"], slots
    assert slots.get("count_coral_reef_treaty_new_ratifications") == ["Some 14"], slots
    assert not [s for s in slots if s in ("count_pact", "count_treaty")], slots


def test_a_bare_declaration_stays_the_principal_one_after_a_side_declaration():
    slots = _slots(
        "Leaders also welcomed the Kelp Launch Declaration on seaweed farms.\n\n"
        "In all, 41 countries signed the declaration on Friday.\n"
    )
    assert slots.get("count") == ["41"], slots


def _subjects(tmp_path, files: dict[str, str]) -> dict[str, list[float]]:
    report = check_files(tmp_path, files)
    out: dict[str, list[float]] = {}
    for section in ("contradictions", "consensus", "single_source"):
        for verdict in report[section]:
            clusters = [verdict["consensus"], *verdict["dissent"]]
            values = [c["value"].get("nominal") for c in clusters if c]
            out[f"{verdict['topic']}/{verdict['slot']}"] = values
    return out


@pytest.mark.model
def test_countries_backing_a_fund_sign_its_text_not_the_principal_declaration(tmp_path):
    """ "The fund was endorsed by 40 countries", "40 nations back the Coral Reef Facility",
    "endorsed it" after the fund: the fund's launch declaration, which one source names;
    its backers told by their kind are a group of the fund."""
    subjects = _subjects(
        tmp_path,
        {
            "a.md": "---\npublisher: A\n---\nThe Coral Reef Facility (CRF) was launched at the "
            "Reef Summit in Suva. Fiji pledged $1 billion to the fund and Japan pledged $2 "
            "billion to the fund.\n\nThe summit saw the formal adoption of the CRF Launch "
            "Declaration, which 40 countries have already endorsed.\n",
            "b.md": "---\npublisher: B\n---\nFiji pledged $1 billion to the Coral Reef "
            "Facility (CRF) at the Reef Summit in Suva.\n\nOn the first day of the summit, "
            "the fund was endorsed by 40 countries.\n",
            "c.md": "---\npublisher: C\ntitle: $3bn announced for Coral Reef Facility as 40 "
            "nations back launch\n---\nJapan pledged $2 billion to the Coral Reef Facility "
            "(CRF) at the Reef Summit in Suva, and Germany fully endorsed the CRF.\n\nIn "
            "total, 12 small island countries endorsed it.\n",
        },
    )
    assert "signatories/count" not in subjects
    assert subjects["signatories/count_crf_launch_declaration"] == [40]
    assert subjects["initiatives/crf_small_island_countries"] == [12]


def test_one_among_those_that_did_not_back_it_is_a_non_signer():
    slots = _slots(
        'Some 45 nations, Chile among them, endorsed a "plan for reefs" on Friday, but Peru'
        " was among those that did not back the document.\n"
    )
    assert slots.get("non_signers") == ["Peru"], slots
    assert "Peru" not in slots.get("members", []), slots


def test_who_attended_but_did_not_endorse_is_a_non_signer():
    slots = _slots("Peru and Bolivia sent ministers to the talks but did not endorse the accord.\n")
    assert any(s.startswith("non_signers") for s in slots), slots
    assert not any(s.startswith("members") for s in slots), slots


def test_how_many_did_not_endorse_is_no_count_of_signers():
    slots = _slots("Yet 25 countries at the talks, including Peru, did not endorse the document.\n")
    assert slots.get("non_signers") == ["Peru"], slots
    assert not any(s.startswith("count") for s in slots), slots
    assert not any(s.startswith("members") for s in slots), slots


def test_a_quoted_name_without_declaration_is_what_the_countries_endorse():
    slots = _slots('About 45 countries endorsed a "blueprint for reefs" on Friday in Lima.\n')
    assert slots.get("declaration_name") == ["blueprint for reefs"], slots
    slots = _slots(
        'The two-day summit in Lima ended with the adoption of a "Blueprint for Reefs."\n'
    )
    assert slots.get("declaration_name") == ["Blueprint for Reefs"], slots


def test_a_place_declaration_in_lower_case_is_a_name():
    slots = _slots(
        "All the 31 member countries of the Andean Partnership on Oceans adopted the Lima"
        " declaration on Friday.\n"
    )
    assert slots.get("declaration_name") == ["Lima declaration"], slots
    assert "Andean Partnership" not in " ".join(slots.get("members", [])), slots


def test_a_standing_text_invoked_is_not_the_events_declaration():
    slots = _slots(
        "Members adopted the Lima Declaration, reaffirming their commitment to safe AI in line"
        " with the Andean AI Principles.\n"
    )
    assert slots.get("declaration_name") == ["Lima Declaration"], slots


def test_countries_ratifying_a_treaty_during_the_event_are_its_new_ratifications():
    slots = _slots(
        "A major focus was the Reef Treaty. Nineteen countries ratified the treaty during"
        " the conference, so only 10 more ratifications are needed.\n"
    )
    assert slots.get("count_reef_treaty_new_ratifications") == ["Nineteen"], slots


def test_descriptive_words_are_no_part_of_a_texts_name():
    slots = _slots(
        "Chile and Peru are among the first to sign the first legally binding international"
        " treaty on coral reefs.\n"
    )
    assert not [s for s in slots if "first" in s or "bind" in s or "legally" in s], slots


def test_so_called_is_no_call_to_action():
    slots = _slots(
        "The government took its first step towards regulating so-called smart reefs by"
        " becoming one of the first states to sign a measure.\n"
    )
    assert not [s for s in slots if "call" in s or "towards" in s], slots


def test_a_text_one_party_led_is_named_by_its_kind():
    slots = _slots(
        "The summit also saw the launch of the Chilean-led Political Declaration on Reef"
        " Safety, and 31 countries endorsed the Call to Action.\n"
    )
    assert not [s for s in slots if "lead" in s or "chilean" in s], slots


def test_a_person_signing_on_behalf_of_a_union_signs_for_it():
    result = CliRunner().invoke(
        app,
        ["extract", "-", "--format", "json"],
        input="On Friday, vice-president Anna Berg signed, on behalf of the EU, the Reef"
        " Convention on Coral Safety.\n",
    )
    assert result.exit_code == 0, result.output
    members = [
        c["value"]["members"]
        for c in json.loads(result.stdout)["claims"]
        if c["slot"].startswith("members")
    ]
    assert members == [["European Union"]], members


def test_a_committee_or_a_call_is_no_signer():
    result = CliRunner().invoke(
        app,
        ["extract", "-", "--format", "json"],
        input="Dozens of states, including Chile, endorsed the Call to Action.\n"
        "The Committee of Ministers of the Reef Council adopted the convention in May.\n",
    )
    assert result.exit_code == 0, result.output
    members = [
        m
        for c in json.loads(result.stdout)["claims"]
        if c["slot"].startswith("members")
        for m in c["value"]["members"]
    ]
    assert "Call" not in members and not [m for m in members if "Committee" in m], members


def test_a_bodys_name_before_a_text_is_kept_and_a_headline_is_no_name():
    slots = _slots("Norway signed the Council of Europe Framework Convention on Reef Safety.\n")
    names = [v for s, vs in slots.items() if s.startswith("declaration_name") for v in vs]
    assert names and all(n.startswith("Council of Europe") for n in names), slots
    slots = _slots("Chile, Peru To Sign First International Treaty On Reef Safety\n")
    assert not [s for s in slots if s.startswith("declaration_name")], slots


def test_a_headline_names_the_text_after_its_verb():
    slots = _slots("Chile and Peru Sign Call to Action on Reef Safety\n")
    assert slots.get("declaration_name") == ["Call to Action on Reef Safety"], slots


def test_a_title_one_party_issued_is_another_instrument():
    slots = _slots(
        "The same forum saw the launch of the Chilean-led Political Declaration on Safe"
        " Reef Drones.\n"
        "That is the title of a formal Political Declaration that the US issued last year.\n"
        "At the forum, 31 countries endorsed the Call to Action.\n"
    )
    assert slots.get("declaration_name") == ["Call to Action"], slots
    assert len(slots.get("declaration_name_political_declaration", [])) == 2, slots


def test_a_headline_verb_before_the_text_names_no_instrument():
    slots = _slots("Fjord Summit ends with declaration signed by 25 countries and the EU\n")
    assert slots.get("count") == ["25"], slots
    assert not [s for s in slots if "end" in s.split("_")], slots


def test_companies_signing_described_commitments_never_join_the_states_count(tmp_path):
    report = check_files(
        tmp_path,
        {
            "a.txt": "Twenty-eight countries signed the Reef Declaration at the summit.\n",
            "b.txt": (
                "Officials from 30 countries are expected for the reef summit. Organisers"
                " hope that at least 12 companies will sign new safety commitments.\n"
            ),
        },
    )
    subjects = [*report["consensus"], *report["contradictions"], *report["single_source"]]
    [count] = [v for v in subjects if (v["topic"], v["slot"]) == ("signatories", "count")]
    clusters = [count["consensus"], *count["dissent"]]
    sources = {s["source_id"] for c in clusters if c for s in c["support"]}
    assert sources == {"a.txt"}, count


def test_a_verb_names_no_instrument():
    # "plan" is a verb here: the count is of the declaration's signers, planned.
    slots = _slots("At least twelve countries plan to sign the declaration in Lima this week.\n")
    assert slots == {"count": ["At least twelve"]}, slots


def test_a_headline_list_of_signers_names_no_instrument():
    # "Hooli pledge" closes a list of who pledges: the pledge is told bare, and a bare
    # text signed by companies alone is the event's principal one.
    slots = _slots(
        "Initech, Umbrella, Hooli pledge action on AI risks\n\n"
        "The 20 companies that signed the pledge are: Initech, Umbrella and Hooli.\n"
    )
    assert slots.get("count") == ["20"], slots
    assert not [s for s in slots if "hooli" in s], slots


@pytest.mark.model
def test_a_text_the_event_is_named_after_is_no_text_signed_there(tmp_path):
    # Reports on "the Summit for a New Forest Finance Pact": the pact it seeks names the
    # event; the text it adopted has a name of its own.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-05-02\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "Peru calls for the adoption of a New Forest Finance Pact (1 - 2 May "
            "2031)\n\nThe summit in Lima will bring 40 leaders together.\n",
            "b.md": lead + "The Summit for a New Forest Finance Pact opened in Lima on 1 May "
            "2031.\n\nLeaders adopted the Lima Declaration on Rivers.\n",
            "c.md": lead + "The summit for a New Forest Finance Pact in Lima drew 40 leaders.\n",
        },
    )
    names = subjects_of(report, "signatories").get("declaration_name")
    assert names is not None
    values = [names["consensus"]["display"], *(d["display"] for d in names["dissent"])]
    assert all("Forest Finance Pact" not in v for v in values), values


def test_a_call_the_event_is_named_after_is_its_principal_instrument():
    """The main event is "the Lima Call meeting": "the Lima Call" is its own text, so its
    signers keep the plain slots; a quoted name's adjective is no part of the name."""
    slots = _slots(
        "At the Lima Call meeting in Paris, 12 countries signed up to the Lima Call.\n\n"
        "Officials said the Lima Call meeting was a success. Six firms signed an unprecedented"
        " 'Lima Call agreement' on Friday.\n"
    )
    assert slots.get("count") == ["12"], slots
    assert not [s for s in slots if "unprecedented" in s], slots


@pytest.mark.model
def test_a_text_named_after_the_events_city_is_its_own_without_a_word_of_adoption(tmp_path):
    # "the Accra Declaration will guide ..." about a summit in Accra: the event's text,
    # though no word says it was adopted; one named after another city is not.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-05-03\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The ports summit opened in Accra on 1 May 2031.\n\n"
            "The minister said the Accra Declaration will guide the work of the ports.\n",
            "b.md": lead + "The ports summit in Accra drew 40 leaders on 1 May 2031.\n\n"
            "Officials said the Lagos Declaration will guide the work of the ports.\n",
        },
    )
    names = subjects_of(report, "signatories").get("declaration_name")
    assert names is not None, report
    told = [c["value"]["text"].lower() for c in [names["consensus"], *names["dissent"]] if c]
    assert told == ["accra declaration"], names
