"""The events stage: which event each value is about (DESIGN.md, "Events").

Runs the real CLI and the real model on small articles of our own about two
editions of one series, so the roles are the ones a user gets.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app
from summit_facts.events import role_of
from summit_facts.models import EventCue, MainEvent

MAIN = MainEvent(key=["ocean"], city="Lisbon", year=2022)


def cue(head: str = "summit", **kw) -> EventCue:
    return EventCue(text=head, head=head, link=kw.pop("link", "path"), **kw)


@pytest.mark.parametrize(
    ("event", "role"),
    [
        (None, "main"),
        (cue(), "main"),
        (cue(modifiers=["previous"]), "previous"),
        (cue(modifiers=["next"]), "next"),
        (cue(year=2017), "previous"),
        (cue(year=2025), "next"),
        (cue("dinner"), "part"),
        (cue("session"), "part"),
        (cue("meeting", modifiers=["bilateral"]), "other"),
        (cue(place="New York", tense="past"), "previous"),
        (cue(place="Nice", tense="future"), "next"),
        (cue("forum", names=["wef"]), "other"),
        (cue(names=["ocean"], place="Lisbon"), "main"),
    ],
)
def test_roles_of_event_cues(event, role):
    assert role_of(event, MAIN) == role


def test_numbered_editions_are_earlier_or_later():
    main = MainEvent(key=["cop30"], city="Belém", year=2025)
    assert role_of(cue("cop29", names=["cop29"]), main) == "previous"
    assert role_of(cue("cop31", names=["cop31"]), main) == "next"
    assert role_of(cue("cop30", names=["cop30"]), main) == "main"


def test_an_event_of_another_kind_in_a_later_year_is_no_edition():
    # "the 2030 Games in Oslo" in a folder about a summit: another series altogether.
    main = MainEvent(name="Ocean Summit", key=["ocean"], city="Lisbon", year=2022)
    assert role_of(cue("games", year=2030, place="Oslo", modifiers=["plural"]), main) == "other"
    assert role_of(cue("summit", year=2030, place="Oslo"), main) == "next"
    assert role_of(cue("conference", year=2021), main) == "previous"


# Two editions of one series, in our own words: this year's in Lisbon, last year's
# and next year's told in passing, plus a dinner and a bilateral meeting.
ARTICLES = {
    "wire.txt": (
        "LISBON, June 28 (Wirer) - The Ocean Summit opened in Lisbon on Monday.\n\n"
        "The Ocean Summit was held in Lisbon on 27-28 June 2026 and drew delegations from "
        "more than 120 countries.\n\n"
        "The previous summit, held in Nairobi on 3-4 March 2025, drew 80 countries.\n\n"
        "Chile will host the next summit in Santiago on 9-10 June 2027.\n\n"
        "Leaders attended a dinner at the Ajuda Palace on 26 June 2026.\n"
    ),
    "daily.md": (
        "---\npublisher: Sea Daily\npublished: 2026-06-29\n---\n"
        "The two-day Ocean Summit in Lisbon ended on Sunday, with talks held on 27 and 28 June.\n\n"
        "Portugal hosted the summit, which gathered more than 120 countries.\n\n"
        "The prime ministers of Spain and Portugal had met in Madrid on 12 May for a bilateral "
        "meeting.\n\n"
        "The next edition will take place in Santiago, Chile, in 2027.\n"
    ),
}


def write_articles(folder, articles: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check_json(folder, store) -> dict:
    args = ["check", str(folder), "--format", "json", "--store", str(store), "--quiet"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = write_articles(tmp_path_factory.mktemp("two-editions"), ARTICLES)
    return check_json(folder, tmp_path_factory.mktemp("store"))


def _subjects(report):
    return {
        (v["topic"], v["slot"]): v
        for v in [*report["contradictions"], *report["consensus"], *report["single_source"]]
    }


def _values(verdict):
    clusters = [verdict["consensus"], *verdict["dissent"]]
    return [c["display"] for c in clusters if c]


@pytest.mark.model
def test_the_main_event_is_named_with_its_city_and_year(report):
    main = report["main_event"]
    assert main["city"] == "Lisbon" and main["year"] == 2026
    assert "ocean" in main["key"]
    assert (main["start"], main["end"]) == ("2026-06-27", "2026-06-28")


@pytest.mark.model
def test_other_editions_never_reach_the_summit_subjects(report):
    subjects = _subjects(report)
    cities = _values(subjects[("summit", "city")])
    assert cities == ["Lisbon"]
    dates = subjects[("summit", "dates")]
    assert dates["verdict"] == "consensus"
    assert all("2025" not in v and "2027" not in v for v in _values(dates))
    assert subjects[("summit", "countries_attending")]["verdict"] == "consensus"


@pytest.mark.model
def test_next_edition_files_under_next_summit(report):
    subjects = _subjects(report)
    assert "Santiago" in _values(subjects[("next_summit", "city")])
    assert ("next_summit", "dates") in subjects


def _extracted(folder: Path, store: Path) -> list[dict]:
    """`facts extract --format jsonl` (the real CLI) on a folder: its claims."""
    args = ["extract", str(folder), "--format", "jsonl", "--store", str(store), "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.model
def test_claims_carry_their_event_role(tmp_path):
    folder = write_articles(tmp_path / "a", {"wire.txt": ARTICLES["wire.txt"]})
    claims = _extracted(folder, tmp_path / "s")
    roles = {c["value"].get("surface"): (c.get("event") or {}).get("role") for c in claims}
    assert roles.get("3-4 March 2025") == "previous"
    assert roles.get("9-10 June 2027") == "next"
    assert roles.get("26 June 2026") == "part"


# A folder that mixes two editions: three reports on this year's summit in Lisbon, two
# on last year's in Nairobi that never name Lisbon. Nothing of Nairobi's is the main
# event's.
MIXED = {
    "lisbon1.txt": (
        "Ocean Summit opens in Lisbon\n\n"
        "The Ocean Summit opened in Lisbon on 27 June 2026 and runs for two days.\n\n"
        "Delegations from more than 120 countries are taking part in the summit.\n"
    ),
    "lisbon2.md": (
        "---\npublisher: Sea Daily\npublished: 2026-06-29\n---\n"
        "Leaders closed the Ocean Summit in Lisbon on Sunday.\n\n"
        "The summit, held on 27-28 June 2026, drew delegations from 125 countries.\n"
    ),
    "lisbon3.md": (
        "---\npublisher: Blue Post\npublished: 2026-06-28\n---\n"
        "The Ocean Summit in Lisbon entered its second day on 28 June 2026.\n\n"
        "The summit gathered more than 120 countries.\n"
    ),
    "nairobi1.md": (
        "---\npublisher: Coast Times\npublished: 2025-03-05\n---\n"
        "The Ocean Summit in Nairobi ended on 4 March 2025.\n\n"
        "The summit, held on 3-4 March 2025, drew delegations from 80 countries.\n"
    ),
    "nairobi2.md": (
        "---\npublisher: Rift Review\npublished: 2025-03-04\n---\n"
        "Nairobi hosts the Ocean Summit.\n\n"
        "The two-day summit opened on 3 March 2025 with 75 countries taking part.\n"
    ),
}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = write_articles(tmp_path_factory.mktemp("mixed"), MIXED)
    return check_json(folder, tmp_path_factory.mktemp("mixed-store"))


@pytest.mark.model
def test_a_folder_of_two_editions_names_the_main_one(mixed):
    main = mixed["main_event"]
    assert main["city"] == "Lisbon" and main["year"] == 2026


@pytest.mark.model
def test_nothing_of_the_other_edition_is_filed_under_the_summit(mixed):
    subjects = _subjects(mixed)
    summit = [v for (topic, _), v in subjects.items() if topic == "summit"]
    assert summit, "the main event's own subjects are there"
    for verdict in summit:
        sources = {
            s for c in [verdict["consensus"], *verdict["dissent"]] if c for s in c["sources"]
        }
        assert not {"nairobi1.md", "nairobi2.md"} & sources, verdict["slot"]
        assert verdict["verdict"] != "contradiction", verdict["slot"]


@pytest.mark.model
def test_a_person_named_with_a_role_earlier_stands_for_it_later(tmp_path):
    articles = {
        "a.txt": "Canadian Prime Minister Mark Carney opened the forest summit at Banff on"
        " 3 June 2027.\n\nThe summit was hosted by Carney.\n",
        "b.txt": "The forest summit at Banff, hosted by Canada, opened on 3 June 2027.\n",
    }
    report = check_json(write_articles(tmp_path / "a", articles), tmp_path / "s")
    hosts = _subjects(report)[("summit", "hosts")]
    assert hosts["verdict"] == "consensus"
    assert hosts["consensus"]["value"]["roles"] == {"Carney": "Canada"}


@pytest.mark.model
def test_show_tells_the_event_a_value_is_about(tmp_path):
    folder = write_articles(tmp_path / "a", MIXED)
    store = str(tmp_path / "s")
    done = CliRunner().invoke(app, ["check", str(folder), "--store", store, "-q"])
    assert done.exit_code == 0, done.output
    shown = CliRunner().invoke(app, ["show", "--topic", "history", "--store", store])
    assert shown.exit_code == 0, shown.output
    assert "Event" in shown.stdout and "previous" in shown.stdout
    data = CliRunner().invoke(
        app, ["show", "--topic", "history", "--store", store, "--format", "json"]
    )
    claims = json.loads(data.stdout)["claims"]
    assert claims and {c["event"]["role"] for c in claims} == {"previous"}


def test_a_span_of_years_is_a_period_of_work_not_an_edition():
    from summit_facts.events import _edition_years

    # "...in Brussels for the pledging summit, to raise $9 billion for the 2026 to 2030
    # period": no edition year; "held in New York in 2017 and Lisbon in 2022": two.
    assert _edition_years(["for", "the", "2026", "to", "2030", "period"]) == set()
    assert _edition_years(["goals", "(", "2026", "-", "2030", ")"]) == set()
    assert _edition_years(
        ["held", "in", "new", "york", "in", "2017", "and", "lisbon", "in", "2022"]
    ) == {2017, 2022}


def test_a_preview_published_before_the_event_tells_what_is_planned(tmp_path):
    articles = {
        "preview.md": (
            "---\npublished: 2026-06-01\n---\n"
            "The Ocean Summit, co-hosted by Portugal and Ghana, is expected to draw "
            "delegations from about 60 countries.\n"
        ),
        "wire.md": (
            "---\npublished: 2026-06-28\n---\n"
            "The Ocean Summit opened in Lisbon on 27 June 2026 and runs for two days.\n\n"
            "Co-hosted by Portugal and Kenya, the summit drew delegations from 125 countries.\n"
        ),
        "daily.md": (
            "---\npublished: 2026-06-29\n---\n"
            "The Ocean Summit, held in Lisbon on 27-28 June 2026, was co-hosted by Portugal "
            "and Kenya.\n"
        ),
    }
    folder = write_articles(tmp_path / "a", articles)
    claims = _extracted(folder, tmp_path / "s")
    hosts = {
        c["source"]["id"]: c["modality"]
        for c in claims
        if (c["topic"], c["slot"]) == ("summit", "hosts")
    }
    assert hosts == {"preview.md": "planned", "wire.md": "asserted", "daily.md": "asserted"}


def test_a_series_word_names_any_of_its_numbered_editions():
    from summit_facts.events import _shares_name

    assert _shares_name({"cop"}, {"cop30"})
    assert _shares_name({"cop30"}, {"cop", "climate"})
    assert not _shares_name({"g20"}, {"cop", "cop30"})
    assert not _shares_name({"g7"}, {"g20"})


FIELD = Path(__file__).resolve().parents[1] / "fixtures" / "field"


@pytest.mark.parametrize(
    ("main_event", "other_event", "city"),
    [
        (
            (
                "india-ai-impact-summit-2026",
                ["07_livemint.txt", "08_indian-express.md", "10_global-government-forum.md"],
            ),
            ("un-ocean-conference-2025", ["03_wam.txt", "10_khabar-asia.md"]),
            "New Delhi",
        ),
        (
            (
                "gavi-replenishment-2025",
                ["01_gavi.md", "04_european-commission.md", "08_politico.md"],
            ),
            ("g20-johannesburg-2025", ["05_central-news.md", "12_fortune.md"]),
            "Brussels",
        ),
        (
            # Two documents name each event; the G20's are of the folder's usual year.
            ("g20-johannesburg-2025", ["05_central-news.md", "07_wtop-ap.md", "09_itweb.md"]),
            ("g7-hiroshima-2023", ["04_japan-gov-kizuna.md", "08_asahi.md"]),
            "Johannesburg",
        ),
    ],
)
def test_a_folder_mixing_two_events_keeps_the_other_out_of_the_summit(
    tmp_path, main_event, other_event, city
):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for corpus, files in (main_event, other_event):
        for name in files:
            shutil.copy(FIELD / corpus / "articles" / name, folder / name)
    report = check_json(folder, tmp_path / "store")
    assert report["main_event"]["city"] == city
    others = set(other_event[1])
    for (topic, slot), verdict in _subjects(report).items():
        if topic != "summit":
            continue
        for cluster in [verdict.get("consensus"), *verdict.get("dissent", [])]:
            if cluster:
                assert not others & set(cluster["sources"]), (slot, cluster)


def test_a_summit_held_before_a_conference_is_its_prelude_however_far_on(tmp_path):
    filler = "Negotiators have prepared texts on finance and adaptation for months. " * 14
    articles = {
        "preview.md": (
            "---\npublished: 2027-10-20\n---\n"
            "The COP32 climate conference, to run in Addis Ababa from 8-19 November, will be "
            "preceded by a summit of heads of state and government on 4-5 November.\n\n"
            f"{filler}\n\n"
            "As of today, 57 heads of state and government had confirmed they would attend "
            "the summit, officials said.\n"
        ),
        "wire.md": (
            "---\npublished: 2027-11-09\n---\n"
            "The COP32 climate conference opened in Addis Ababa on 8 November, with "
            "delegations from 190 countries taking part.\n"
        ),
    }
    folder = write_articles(tmp_path / "a", articles)
    report = check_json(folder, tmp_path / "s")
    assert ("summit", "heads_of_state") not in _subjects(report)


def test_an_earlier_editions_text_never_counts_for_this_one(tmp_path):
    articles = {
        "a.md": (
            "---\npublished: 2025-06-12\n---\n"
            "The Geneva Water Summit ended on Wednesday.\n\n"
            "A total of 97 countries signed the Geneva Water Declaration at the summit.\n"
        ),
        "b.md": (
            "---\npublished: 2025-06-13\n---\n"
            "97 countries signed the Geneva Water Declaration at the Geneva Water Summit.\n\n"
            "The 2024 summit in Nairobi drew 50 signatories to its declaration.\n"
        ),
    }
    folder = write_articles(tmp_path / "a", articles)
    report = check_json(folder, tmp_path / "s")
    assert _subjects(report)[("signatories", "count")]["verdict"] == "consensus"


def test_a_year_after_the_main_events_is_never_an_earlier_editions():
    from datetime import date

    from summit_facts.events import mention_role
    from summit_facts.models import Context, DateValue, Evidence, Mention

    def told(start: date, end: date, modifiers: list[str]) -> Mention:
        return Mention(
            doc_id="x",
            value=DateValue(surface="y", start=start, end=end, precision="year"),
            evidence=Evidence(sentence="s", start=0, end=1, value_start=0, value_end=1),
            context=Context(event=cue("summit", modifiers=modifiers, link="clause")),
        )

    main = MainEvent(key=["trade"], documents=2, year=2025, city="Lusaka")
    # "the previous ... 2026 summit" told of a year after the main one's: the next.
    assert mention_role(told(date(2026, 1, 1), date(2026, 12, 31), ["previous"]), main) == "next"
    assert mention_role(told(date(2024, 1, 1), date(2024, 12, 31), ["next"]), main) == "previous"


def _roles(nlp, articles: dict[str, tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Per document, (value surface, role) of every mention, through the events stage."""
    from datetime import date

    from summit_facts.events import resolve
    from summit_facts.extract import extract
    from summit_facts.models import Source

    sources = {
        name: Source(id=name, path=name, published=date.fromisoformat(published))
        for name, (published, _) in articles.items()
    }
    mentions = {name: extract(nlp(text), sources[name]) for name, (_, text) in articles.items()}
    _, resolved = resolve(mentions, sources)
    return {
        name: [(m.value.surface, m.event.role if m.event else "") for m in ms]
        for name, ms in resolved.items()
    }


# A report on a forest summit in Quito, in our own words, that tells of two later
# gatherings by the time from now, and of the series' presidency handed on.
LATER = {
    "a.txt": (
        "2027-03-05",
        "The Forest Summit in Quito ended on 4 March 2027 with a pledge on rivers.\n\n"
        "Ghana will co-host a small online summit in six months, and Peru will host the "
        "next in-person summit in a year.\n\n"
        "Ecuador has chaired the series this year and on Sunday it will hand the presidency "
        "over to Peru.\n",
    ),
    "b.txt": (
        "2027-03-04",
        "The Forest Summit opened in Quito on 3 March 2027.\n\n"
        "Delegates from 40 countries attended the summit in Quito.\n",
    ),
}


@pytest.mark.model
def test_a_gathering_told_by_a_time_to_come_is_a_later_edition(nlp):
    roles = _roles(nlp, LATER)["a.txt"]
    assert ("4 March 2027", "main") in roles
    # "a small online summit in six months" is never the main event: a later edition,
    # and of two later editions the earliest ("in six months" before "in a year") is the
    # next one, the one after it another.
    assert ("Ghana", "next") in roles
    first_peru = next(role for value, role in roles if value == "Peru")
    assert first_peru == "other"


@pytest.mark.model
def test_a_gathering_told_by_a_time_from_now_is_a_later_edition(nlp):
    articles = {
        "a.txt": (
            "2027-03-05",
            "The Forest Summit in Quito ended on 4 March 2027 with a pledge on rivers.\n\n"
            "Peru will host an in-person summit a year from now.\n",
        ),
        "b.txt": LATER["b.txt"],
    }
    roles = _roles(nlp, articles)["a.txt"]
    assert ("Peru", "main") not in roles, roles
    assert any(value == "Peru" for value, _ in roles), roles


@pytest.mark.model
def test_a_presidency_handed_on_goes_to_the_next_host(nlp):
    roles = _roles(nlp, LATER)["a.txt"]
    assert roles[-1] == ("Peru", "next")


@pytest.mark.model
def test_the_talks_a_relative_clause_is_about_are_the_event(nlp):
    articles = {
        "a.txt": (
            "2029-11-07",
            "Chile launched the fund on Thursday, on the first day of a leaders' summit held "
            "ahead of the UN Cop 34 climate talks, which begin on 12 November.\n",
        ),
        "b.txt": ("2029-11-13", "The COP34 climate talks opened in Lima on 12 November.\n"),
    }
    roles = dict(_roles(nlp, articles)["a.txt"])
    assert roles["12 November"] == "main"


@pytest.mark.model
def test_talks_on_a_subject_are_another_event(nlp):
    articles = {
        "a.txt": (
            "2030-06-14",
            "The Reef Summit in Suva closed on 13 June 2030.\n\n"
            "The summit sought action even as countries prepare for hard talks on fishing "
            "quotas in August.\n",
        )
    }
    roles = dict(_roles(nlp, articles)["a.txt"])
    assert roles["August"] != "main"


@pytest.mark.model
def test_an_edition_whose_noun_is_left_out_is_the_kind_named_before(nlp):
    articles = {
        "a.txt": (
            "2031-05-02",
            "The River Forum opened in Dakar on 1 May 2031.\n\n"
            "The first forum met in Oslo in 2019. Two more have taken place since, one in "
            "Lima and another in 2024 in Accra.\n",
        )
    }
    roles = dict(_roles(nlp, articles)["a.txt"])
    assert roles["2024"] == "previous"
    assert roles["Accra"] == "previous"


@pytest.mark.model
def test_a_place_proposed_for_the_talks_to_come_is_the_next_editions(nlp):
    articles = {
        "a.txt": (
            "2032-11-20",
            "The COP37 climate talks in Nairobi closed on 19 November 2032.\n\n"
            "Mexico proposed holding the talks in Cancun next year.\n",
        ),
        "b.txt": ("2032-11-10", "The COP37 climate talks opened in Nairobi on 8 November.\n"),
    }
    roles = dict(_roles(nlp, articles)["a.txt"])
    assert roles["Cancun"] == "next"


@pytest.mark.model
def test_the_group_of_twenty_and_a_hyphenated_series_name_are_the_series(nlp):
    from summit_facts.events import group_series, is_event_token

    doc = nlp("When the leader receives the Group of 20 at his resort, the G-20 will change.")
    group = next(t for t in doc if t.text == "Group")
    assert group_series(group) == "g20"
    assert is_event_token(next(t for t in doc if t.text == "G-20"))


@pytest.mark.model
def test_the_main_events_dates_join_its_opening_and_closing_days(tmp_path):
    folder = write_articles(
        tmp_path / "articles",
        {
            "a.md": "---\ntitle: Reef talks open\npublisher: Wire One\npublished: 2026-03-10\n---\n"
            "The Lima Reef Summit opened on 10 March 2026 in Lima.\n",
            "b.md": "---\ntitle: Reef talks close\npublisher: Daily Two\npublished: 2026-03-12\n---\n"
            "The Lima Reef Summit ended on Wednesday with a joint statement.\n",
        },
    )
    main = check_json(folder, tmp_path / "store")["main_event"]
    assert (main["start"], main["end"]) == ("2026-03-10", "2026-03-11")


@pytest.mark.model
def test_next_week_is_a_time_not_a_part_of_the_programme(nlp):
    from summit_facts.events import is_event_token

    doc = nlp("Leaders will come to an Amazon summit next week, after the closing day.")
    heads = [t.text for t in doc if is_event_token(t)]
    assert "week" not in heads and "summit" in heads


@pytest.mark.model
def test_the_main_events_dates_are_the_ones_the_sources_agree_on(tmp_path):
    head = "---\ntitle: Reef summit\npublisher: {p}\npublished: 2026-02-22\n---\n"
    folder = write_articles(
        tmp_path / "articles",
        {
            "a.md": head.format(p="Wire One") + "The Lima Reef Summit was held from 16 to 21 "
            "February 2026 in Lima.\n",
            "b.md": head.format(p="Daily Two") + "The Lima Reef Summit, held on 16-21 February "
            "2026, drew 40 countries.\n",
            # one source tells the leaders' days three times: the events stage alone
            # would date the summit by them
            "c.md": head.format(p="Weekly Three") + "The Lima Reef Summit met on 18-19 February "
            "2026 in Lima. The summit's leaders met on 18-19 February 2026. Talks at the "
            "summit on 18-19 February 2026 were long.\n",
        },
    )
    main = check_json(folder, tmp_path / "store")["main_event"]
    assert (main["start"], main["end"]) == ("2026-02-16", "2026-02-21")


@pytest.mark.model
def test_the_main_events_own_city_is_never_another_editions(tmp_path):
    head = "---\ntitle: Reef summit\npublisher: {p}\npublished: 2026-02-10\n---\n"
    folder = write_articles(
        tmp_path / "articles",
        {
            "a.md": head.format(p="Wire One") + "The Third Reef Conference opens in Lima on "
            "Monday. Among the aims of the Lima Conference is to raise money in line with "
            "the 2030 Agenda.\n",
            "b.md": head.format(p="Daily Two") + "The Third Reef Conference is held in Lima.\n",
        },
    )
    report = check_json(folder, tmp_path / "store")
    subjects = {
        (v["topic"], v["slot"])
        for section in ("contradictions", "consensus", "single_source")
        for v in report[section]
    }
    assert ("next_summit", "city") not in subjects
    assert ("summit", "city") in subjects


# One earlier edition told by four pages in four ways: its city, a wrong city, only its
# country, and its rank. A fact-checker compares its year, under one subject named after
# the place most pages give (DESIGN.md, "Subjects and rules": history/<place>_summit_year).
EDITIONS = {
    "a.md": (
        "---\npublished: 2025-05-21\n---\n"
        "The Harbour Summit opened in Lisbon on Tuesday. The first Harbour Summit was held "
        "in Rotterdam last year.\n"
    ),
    "b.md": (
        "---\npublished: 2025-05-21\n---\n"
        "The Harbour Summit in Lisbon, the second of its kind, comes after one held in "
        "Rotterdam last year.\n"
    ),
    "c.md": (
        "---\npublished: 2025-05-22\n---\n"
        "The Harbour Summit in Lisbon follows the one held in Amsterdam last year.\n"
    ),
    "d.md": (
        "---\npublished: 2025-05-22\n---\n"
        "The Harbour Summit closed in Lisbon on Thursday. The first Harbour Summit was "
        "held in the Netherlands in 2024.\n"
    ),
}


@pytest.mark.model
def test_one_earlier_edition_is_one_subject_named_after_the_place_most_pages_give(tmp_path):
    report = check_json(write_articles(tmp_path / "e", EDITIONS), tmp_path / "st")
    history = {slot: v for (topic, slot), v in _subjects(report).items() if topic == "history"}
    assert list(history) == ["rotterdam_summit_year"], history
    assert history["rotterdam_summit_year"]["verdict"] == "consensus"
    assert _values(history["rotterdam_summit_year"]) == ["2024"]


# The main event told by its bare name, by its name over a parsed-away object, and by its
# city in a preview that also names the first edition.
BY_NAME = {
    "a.md": (
        "---\npublished: 2025-03-01\n---\n"
        "The KPAX will take place at the Harbour Hall in Lisbon from March 12 to 14.\n"
    ),
    "b.md": (
        "---\npublished: 2025-03-02\n---\n"
        "The KPAX summit, hosted in Lisbon, will bring discussions and debates between "
        "delegates from March 12 to 14.\n"
    ),
    "c.md": (
        "---\npublished: 2025-03-12\n---\n"
        "The KPAX summit opens in Lisbon today. The first KPAX summit was held in Oslo in "
        "2024. Officials said the event, which will be held from March 12 to 14, would "
        "draw 40 countries.\n"
    ),
}


@pytest.mark.model
def test_the_main_event_told_by_its_name_or_its_city_is_dated(tmp_path):
    report = check_json(write_articles(tmp_path / "n", BY_NAME), tmp_path / "st")
    dates = _subjects(report)[("summit", "dates")]
    assert dates["verdict"] == "consensus"
    assert sorted(dates["consensus"]["sources"]) == ["a.md", "b.md", "c.md"]


@pytest.mark.model
def test_planned_days_of_a_later_year_are_the_next_edition(tmp_path):
    articles = {
        "a.md": (
            "---\npublished: 2025-06-10\n---\n"
            "The second KPAX summit was held in Lisbon on June 9-10, 2025, and a third is "
            "planned for February 4-5, 2026, in Porto.\n"
        ),
        "b.md": (
            "---\npublished: 2025-06-10\n---\n"
            "The inaugural KPAX summit took place in February 2024 in Oslo. The KPAX summit "
            "closed in Lisbon on Tuesday.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "p", articles), tmp_path / "st")
    subjects = _subjects(report)
    assert _values(subjects[("next_summit", "dates")]) == ["2026-02-04 to 2026-02-05"]
    assert all("2026" not in v and "2024" not in v for v in _values(subjects[("summit", "dates")]))
    assert _values(subjects[("history", "oslo_summit_year")]) == ["2024"]


@pytest.mark.model
def test_a_day_by_name_on_a_page_dated_before_the_event_is_no_date(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-10\n---\nThe KPAX summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": "---\npublished: 2025-06-11\n---\nThe KPAX summit in Lisbon ran from June 9 to 10.\n",
        # The stored page is dated days before the summit it reports as closed.
        "c.md": "---\npublished: 2025-06-04\n---\nA KPAX summit in Lisbon closed Tuesday after adopting a plan.\n",
    }
    report = check_json(write_articles(tmp_path / "t", articles), tmp_path / "st")
    dates = _subjects(report)[("summit", "dates")]
    assert dates["verdict"] == "consensus"
    assert sorted(dates["consensus"]["sources"]) == ["a.md", "b.md"]


@pytest.mark.model
def test_chairing_a_grouping_next_year_is_not_hosting_the_next_summit(tmp_path):
    articles = {
        "a.md": (
            "---\npublished: 2025-06-10\n---\n"
            "Portugal is hosting the summit and will chair the KPAX grouping in 2026. The "
            "KPAX summit was held in Lisbon on June 9-10, 2025.\n"
        ),
        "b.md": "---\npublished: 2025-06-11\n---\nThe KPAX summit in Lisbon ran from June 9 to 10.\n",
    }
    report = check_json(write_articles(tmp_path / "h", articles), tmp_path / "st")
    assert ("next_summit", "host") not in _subjects(report)


@pytest.mark.model
def test_a_meeting_of_another_name_is_another_event(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-12\n---\nThe KPAX Summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": (
            "---\npublished: 2025-06-16\n---\n"
            "The KPAX Summit in Lisbon ran from June 9 to 10. The first follow-up was the "
            "KPAX Regional Meeting, held on 11 June 2025 at the Lisbon Chamber of Commerce.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "m", articles), tmp_path / "st")
    dates = _subjects(report)[("summit", "dates")]
    assert _values(dates) == ["2025-06-09 to 2025-06-10"]


@pytest.mark.model
def test_a_pronoun_holding_the_event_and_a_launch_year_are_told_apart(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-12\n---\nThe KPAX Summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": (
            "---\npublished: 2025-06-16\n---\n"
            "The KPAX Summit is held every year. This year it took place in Lisbon from 9-10 "
            "June, and it hosted the Ocean Tech Expo.\n"
        ),
        "c.md": (
            "---\npublished: 2025-06-10\n---\n"
            "The KPAX Summit in Lisbon drew 40 countries. Let me thank Norway for its leadership "
            "in launching the KPAX Summit in 2024.\n"
        ),
        "d.md": "---\npublished: 2025-06-11\n---\nThe first KPAX Summit was held in Oslo in 2024.\n",
    }
    report = check_json(write_articles(tmp_path / "p", articles), tmp_path / "st")
    subjects = _subjects(report)
    assert sorted(subjects[("summit", "dates")]["consensus"]["sources"]) == ["a.md", "b.md"]
    history = [slot for (topic, slot) in subjects if topic == "history"]
    assert history == ["oslo_summit_year"]
    assert sorted(subjects[("history", "oslo_summit_year")]["consensus"]["sources"]) == [
        "c.md",
        "d.md",
    ]


@pytest.mark.model
def test_a_length_in_days_told_of_the_event_by_its_name_is_its_duration(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-09\n---\nKPAX kicks off for 2-day run in Lisbon\n\nThe KPAX summit opened in Lisbon on Monday.\n",
        "b.md": "---\npublished: 2025-06-11\n---\nThe two-day KPAX summit in Lisbon ended on Tuesday.\n",
    }
    report = check_json(write_articles(tmp_path / "d", articles), tmp_path / "st")
    duration = _subjects(report)[("summit", "duration_days")]
    assert duration["verdict"] == "consensus"
    assert sorted(duration["consensus"]["sources"]) == ["a.md", "b.md"]


@pytest.mark.model
def test_a_year_qualifying_another_thing_dates_no_edition(nlp):
    roles = _roles(
        nlp,
        {
            "a.txt": (
                "2025-06-12",
                "The KPAX Summit opened in Lisbon on 9 June 2025.\n\n"
                "The summit, held over two days at the Lisbon Congress Centre, grew out of a "
                "2019 motion in the Portuguese parliament.\n",
            )
        },
    )["a.txt"]
    assert ("two", "main") in roles
    assert ("2019", "main") in roles


@pytest.mark.model
def test_a_participle_set_off_after_the_event_noun_tells_of_it(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-12\n---\nThe KPAX Summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": (
            "---\npublished: 2025-06-01\n---\n"
            "Shipping will be a major topic of discussion at the KPAX summit, running from "
            "June 9 to 10 in Lisbon.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "r", articles), tmp_path / "st")
    dates = _subjects(report)[("summit", "dates")]
    assert sorted(dates["consensus"]["sources"]) == ["a.md", "b.md"]


@pytest.mark.model
def test_an_edition_number_other_than_the_main_events_is_another_edition(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-12\n---\nThe first KPAX Summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": (
            "---\npublished: 2025-06-11\n---\n"
            "The first KPAX conference, co-hosted by Portugal and Spain, met in Lisbon. "
            "Chile announced that it plans to host a second KPAX Summit.\n"
        ),
        "c.md": (
            "---\npublished: 2026-01-10\n---\n"
            "Portugal convened the first KPAX summit in Lisbon in June 2025. A second KPAX "
            "summit followed in Santiago in 2026.\n"
        ),
        # Most pages call it the first; the second is told in fewer of them.
        "d.md": "---\npublished: 2025-06-10\n---\nThe first KPAX Summit drew 40 countries to Lisbon.\n",
    }
    report = check_json(write_articles(tmp_path / "o", articles), tmp_path / "st")
    subjects = _subjects(report)
    assert "Chile" in _values(subjects[("next_summit", "host")])[0]
    assert _values(subjects[("next_summit", "city")]) == ["Santiago"]
    assert "Chile" not in json.dumps(subjects[("summit", "hosts")])


@pytest.mark.model
def test_an_edition_told_by_its_initials_and_a_roman_numeral_is_another_edition(tmp_path):
    articles = {
        "a.md": (
            "---\npublished: 2025-06-12\n---\n"
            "The first Ocean Reef Summit (ORS) was held in Lisbon on June 9-10, 2025.\n"
        ),
        "b.md": (
            "---\npublished: 2025-06-11\n---\nThe inaugural Ocean Reef Summit met in Lisbon. "
            "Attention now turns to Cairo, where ORS II (May 4-6, 2027) is expected to "
            "build on the gains of Lisbon.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "o", articles), tmp_path / "st")
    subjects = _subjects(report)
    assert "2027-05-04" in json.dumps(subjects[("next_summit", "dates")])
    assert "2027" not in json.dumps(subjects[("summit", "dates")])


@pytest.mark.model
def test_people_meeting_away_from_the_main_city_are_another_meeting(nlp):
    articles = {
        "a.txt": ("2025-06-12", "The KPAX Summit opened in Lisbon on 9 June 2025.\n"),
        "b.txt": (
            "2026-07-20",
            "Last week delegates from 60 countries met outside Madrid and chose five "
            "nations to lead the work. Delegates from 40 countries met in Lisbon.\n",
        ),
    }
    roles = _roles(nlp, articles)["b.txt"]
    assert ("60", "other") in roles
    assert ("five", "other") in roles
    assert ("40", "main") in roles


@pytest.mark.model
def test_a_convention_that_is_signed_is_a_text_not_a_gathering(tmp_path):
    articles = {
        "a.md": (
            "---\npublished: 2026-03-12\n---\n"
            "Justice ministers will gather in Oslo on 12 March to sign the treaty.\n"
        ),
        "b.md": (
            "---\npublished: 2026-03-10\n---\n"
            "The committee completed the draft of the convention in January. The water "
            "convention will be opened for signature in Oslo on 12 March.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "c", articles), tmp_path / "st")
    dates = _subjects(report)[("summit", "dates")]
    assert _values(dates) == ["2026-03-12"]
    assert sorted(dates["consensus"]["sources"]) == ["a.md", "b.md"]


@pytest.mark.model
def test_a_report_led_by_a_meeting_elsewhere_is_about_that_meeting(tmp_path):
    articles = {
        "a.md": "---\npublished: 2025-06-12\n---\nThe KPAX Summit was held in Lisbon on June 9-10, 2025.\n",
        "b.md": "---\npublished: 2025-06-11\n---\nThe KPAX Summit in Lisbon drew 40 countries.\n",
        "c.md": (
            "---\npublished: 2026-07-20\n---\n"
            "MADRID - Last week delegates from 60 countries met outside Madrid to put the "
            "KPAX principles into practice.\n\n"
            "They will gather again at a second global conference next year.\n\n"
            "The principles were agreed at the KPAX Summit in Lisbon.\n"
        ),
    }
    report = check_json(write_articles(tmp_path / "w", articles), tmp_path / "st")
    subjects = _subjects(report)
    assert ("next_summit", "dates") not in subjects
    assert "c.md" not in json.dumps(subjects.get(("summit", "countries_attending"), {}))
    assert "c.md" in subjects[("summit", "city")]["consensus"]["sources"]


@pytest.mark.model
def test_an_edition_placed_by_a_participle_in_another_city_is_another_edition(tmp_path):
    """'The first summit, held in Accra last year, drew 35 countries': a count of the
    earlier edition, never the main event's."""
    folder = write_articles(
        tmp_path / "a",
        {
            "a.txt": (
                "Ports summit opens in Lisbon\n\nThe Ports Summit opened in Lisbon on 9 March"
                " 2026. Delegations from more than 70 countries attended.\n\nThe first summit,"
                " held in Accra last year, drew 35 countries.\n"
            ),
            "b.txt": "The Ports Summit in Lisbon drew 72 countries on 9 March 2026.\n",
        },
    )
    claims = _extracted(folder, tmp_path / "s")
    told = {c["value"].get("surface"): (c.get("event") or {}).get("role") for c in claims}
    assert told.get("35") == "previous", told
    attending = [c["value"]["surface"] for c in claims if c["slot"] == "countries_attending"]
    assert "35" not in attending, attending


@pytest.mark.model
def test_a_count_in_the_possessive_of_a_named_meeting_is_that_meetings(nlp):
    from summit_facts.events import event_cue

    doc = nlp("42 countries' deputy-level 'KDF' on the 14th and 15th")
    count = next(e for e in doc.ents if e.text == "42")
    cue = event_cue(count, count.root)
    assert cue is not None and cue.names == ["kdf"]
    main = MainEvent(key=["ports"], city="Accra", year=2025)
    assert role_of(cue, main) == "other"
    # A count of countries that is no one's possessor names no other meeting.
    doc = nlp("Some 42 countries sent delegates to the ports summit.")
    count = next(e for e in doc.ents if "42" in e.text)
    cue = event_cue(count, count.root)
    assert cue is None or role_of(cue, main) == "main"


@pytest.mark.model
def test_a_first_edition_told_in_a_future_sentence_is_the_previous_one(tmp_path):
    """'Norway will host the summit, the second after the first summit in Reykjavik':
    the future tense is the main clause's; the first edition came before."""
    folder = write_articles(
        tmp_path / "a",
        {
            "a.md": (
                "---\npublished: 2026-10-26\n---\nNorway will host the Fjord Summit on"
                " November 1 and 2 in Oslo, the second such gathering after the first"
                " summit in Reykjavik last year.\n"
            ),
            "b.md": "---\npublished: 2026-11-03\n---\nThe Fjord Summit in Oslo closed on 2 November.\n",
        },
    )
    claims = _extracted(folder, tmp_path / "s")
    told_next = [c["value"].get("surface") for c in claims if c["topic"] == "next_summit"]
    assert "Reykjavik" not in told_next, told_next


# A corpus about a third edition whose reports recall the first two: by number with a
# venue and a month ("was held at Kelp Park in November 2023"), by an anaphoric "one"
# ("and a second one held in Quito"), by a year alone. The year-less days of the main
# event ("March 10-11") must outvote the earlier editions' explicit years.
RECALLED = {
    f"d{i}.md": (
        f"---\npublisher: Outlet {i}\npublished: 2025-03-1{i}\n---\n"
        "The reef summit in Lima on March 10-11 drew delegations from some 100 countries.\n"
        f"{line}\n"
    )
    for i, line in enumerate(
        (
            "The first summit was held at Kelp Park in November 2023.",
            "It follows the first summit at Kelp Park in November 2023 and a second one "
            "held in Quito in May 2024.",
            "The first reef summit took place at Kelp Park in 2023, and the second in Quito "
            "in May 2024.",
        ),
        start=1,
    )
}


@pytest.mark.model
def test_earlier_editions_told_by_number_stay_out_of_the_main_event(tmp_path):
    report = check_json(write_articles(tmp_path / "r", RECALLED), tmp_path / "st")
    assert report["main_event"]["year"] == 2025
    subjects = _subjects(report)
    assert _values(subjects[("summit", "dates")]) == ["2025-03-10 to 2025-03-11"]
    assert ("summit", "venue") not in subjects, subjects.get(("summit", "venue"))
    history = {slot for topic, slot in subjects if topic == "history"}
    assert "quito_summit_year" in history, history
    assert subjects[("history", "quito_summit_year")]["verdict"] == "consensus"


@pytest.mark.model
def test_earlier_meetings_told_by_a_comparative_are_earlier_editions(nlp):
    """'earlier meetings' is lemmatised 'early': the comparative itself marks the
    meetings as ones before the main event."""
    roles = _roles(
        nlp,
        {
            "a.txt": (
                "2027-03-05",
                "The Forest Summit in Quito ended on 4 March 2027.\n\nEarlier meetings of "
                "the kind were held in Lagos in June 2025 and in Oslo in January 2026.\n",
            )
        },
    )["a.txt"]
    told = dict(roles)
    assert told["Lagos"] != "main" and told["June 2025"] != "main", roles


@pytest.mark.model
def test_weekdays_in_an_undated_wire_are_placed_by_its_dateline(tmp_path):
    # No published date: "Nov 22" in the dateline takes the main event's year (2031, from
    # the other report), and "on Saturday" / "on Sunday" are placed by that day.
    from tests.conftest import check_files, subjects_of

    report = check_files(
        tmp_path,
        {
            "wire.txt": "LIMA, Nov 22 (Harbour Wire) - Leaders have begun to arrive in Lima for "
            "the ports summit, which opens on Saturday and closes on Sunday at the Larco "
            "Centre.\n",
            "paper.md": "---\npublisher: Lima Daily\npublished: 2031-11-24\n---\n\n"
            "The ports summit was held in Lima on 22 and 23 November 2031.\n",
        },
    )
    dates = subjects_of(report, "summit")["dates"]
    assert dates["verdict"] == "consensus", dates
    support = {s["source_id"]: s["surface"] for s in dates["consensus"]["support"]}
    assert "wire.txt" in support, support


def test_a_place_inside_the_name_of_a_later_edition_is_the_next_editions(tmp_path):
    # A page of the next year tells this weekend's edition by the series' name: its
    # city is the next edition's, not the main one's it shares a name with.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2026-03-06\n---\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The Lima Ports Forum opened on 5 March 2026 with 40 countries.\n",
            "b.md": lead + "Ministers met at the Lima Ports Forum on 5 March 2026.\n",
            "c.md": "---\npublished: 2027-03-04\n---\n"
            "Last year's Lima Ports Forum adopted a port charter.\n\n"
            "This weekend the Lima Ports Forum will bring ministers together to discuss"
            " shipping.\n",
        },
    )
    nxt = subjects_of(report, "next_summit")
    assert "city" in nxt, nxt
    assert nxt["city"]["consensus"]["value"]["text"] == "Lima"
    assert nxt["city"]["consensus"]["sources"] == ["c.md"]


# A folder about a summit at a resort too small for the gazetteer: one report tells the
# place by its dateline, the others by "the X summit" alone; a preview opens with an
# unnamed summit and names the G7 only later; a wrap names no event but a war and a
# press conference.
SMALL_PLACE = {
    "dateline.md": (
        "---\npublisher: Fjord Wire\npublished: 2026-05-04\n---\n"
        "KLOSTERBERG, Norway: Leaders closed the Ocean Peace Summit on 4 May 2026.\n\n"
        "The Ocean Peace Summit, held on 3-4 May 2026 at the Klosterberg resort, drew 60"
        " countries.\n"
    ),
    "by_name.md": (
        "---\npublisher: Ministry of Foreign Affairs\npublished: 2026-05-04\n---\n"
        "President Eva Lund praised the communique that came out of the Klosterberg"
        " summit.\n\n"
        "58 states took part in the summit.\n"
    ),
    "preview.md": (
        "---\npublisher: Coast Herald\n---\n"
        "Nordic summit on oceans set to open\n\n"
        "Norway is set to host a conference on oceans this coming weekend.\n\n"
        "The meeting follows straight on from the G7 summit in southern Italy.\n\n"
        "Minister Ola Berg told a press conference in Oslo on April 27, 2026 that the"
        " meeting will be held at the luxury Klosterberg resort.\n"
    ),
    "wrap.md": (
        "---\npublisher: Sea Post\npublished: 2026-05-05\n---\n"
        "For two days helicopters flew leaders to a summit on the sea, to talk about"
        " ending Russia's war on its neighbour.\n\n"
        "Of the 60 or so countries represented, only 52 signed the final communique.\n"
    ),
}


@pytest.fixture(scope="module")
def small_place(tmp_path_factory):
    folder = write_articles(tmp_path_factory.mktemp("small-place"), SMALL_PLACE)
    claims = _extracted(folder, tmp_path_factory.mktemp("store"))
    return {
        (c["source"]["id"], c["topic"], c["slot"], c["value"].get("surface")): c["event"]["role"]
        for c in claims
    }


@pytest.mark.model
def test_a_small_place_told_once_is_the_place_of_the_event_everywhere(small_place):
    # "the Klosterberg summit" is the summit at Klosterberg, not another event by name.
    assert small_place.get(("by_name.md", "summit", "countries_attending", "58")) == "main"


@pytest.mark.model
def test_a_report_is_about_the_unnamed_summit_it_opens_with(small_place):
    # The G7 named after the opening is another event; the meeting is the main one.
    venue = ("preview.md", "summit", "venue", "Klosterberg resort")
    assert small_place.get(venue) == "main"
    # A press conference is a briefing, not the summit: its day is no summit date.
    assert not any(k[0] == "preview.md" and k[1:3] == ("summit", "dates") for k in small_place)


@pytest.mark.model
def test_a_war_names_no_event_a_report_is_about(small_place):
    assert small_place.get(("wrap.md", "signatories", "count", "52")) == "main"


@pytest.mark.model
def test_a_city_inside_another_meetings_phrase_is_that_meetings(tmp_path):
    # "During a 3-day meeting in Geneva this week, the board welcomed ... the pledging
    # conference in Lima": Geneva is the board meeting's city, not the conference's.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-09-22\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The reef fund's pledging conference was held in Lima on 21 "
            "September 2031.\n",
            "b.md": lead + "Donors met in Lima for the pledging conference.\n",
            "c.md": "---\npublished: 2031-11-18\n---\n\nGENEVA - During a 3-day meeting in "
            "Geneva this week, the board welcomed the results of the pledging conference "
            "in Lima.\n",
        },
    )
    city = subjects_of(report, "summit")["city"]
    clusters = [c for c in [city["consensus"], *city["dissent"]] if c]
    assert [c["value"]["text"] for c in clusters] == ["Lima"], clusters


@pytest.mark.model
def test_a_title_cased_edition_number_is_no_name_word(tmp_path):
    # "the Fourth Reef Summit" in a folder about the Fifth: an earlier edition by its
    # number, not another event by its name; the main event keeps its own name.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-09-22\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The Fifth Reef Summit was held in Lima on 21 September 2031.\n",
            "b.md": lead + "At the Fourth Reef Summit, which Chile hosted in Santiago in "
            "October 2028, donors gave $4 billion. The Fifth Reef Summit met in Lima.\n",
        },
    )
    history = subjects_of(report, "history")
    assert "santiago_summit_year" in history, history
    assert (
        "dates" not in subjects_of(report, "summit")
        or subjects_of(report, "summit")["dates"]["verdict"] != "contradiction"
    )
    assert report["main_event"]["name"] == "Fifth Reef Summit", report["main_event"]


# Two reports on a reef conference in Lima, and one on a finance forum held in Callao
# just before it, which it tells as the conference's prelude.
SIDE_EVENT = {
    "a.txt": (
        "2027-05-14",
        "The UN Reef Conference in Lima closed on 13 May 2027 with a pledge on coral.\n",
    ),
    "b.txt": (
        "2027-05-10",
        "The UN Reef Conference opened in Lima on 9 May 2027, with 120 countries attending.\n",
    ),
    "c.txt": (
        "2027-05-11",
        "Held on 7 and 8 May, the Blue Coral and Finance Forum turned ambition into "
        "money.\n\n"
        "Staged as a prelude to the UN Reef Conference in Lima, the Forum gathered 900 "
        "participants.\n\n"
        "On top of that, €2.5 billion in new commitments were secured during the Forum.\n",
    ),
}


@pytest.mark.model
def test_a_forum_told_as_a_prelude_to_the_main_event_is_a_part_of_it(nlp):
    roles = dict(_roles(nlp, SIDE_EVENT)["c.txt"])
    assert roles["900"] == "part"
    assert roles["€2.5 billion"] == "part"


def test_a_month_in_an_undated_source_takes_the_main_years_own_length():
    # "in February" read against the placeholder leap year becomes February of the main
    # event's year (28 days in 2031), never stays in the placeholder year; a 29 February
    # the main year lacks is no date at all.
    from datetime import date

    from summit_facts.dates import UNDATED_ANCHOR, parse_date
    from summit_facts.events.assign import _with_year

    february = parse_date("in February", anchor=UNDATED_ANCHOR)
    assert february is not None and february.start.year < 100
    moved = _with_year(february, 2031)
    assert moved is not None
    assert (moved.start, moved.end) == (date(2031, 2, 1), date(2031, 2, 28))
    leap_day = parse_date("29 February", anchor=UNDATED_ANCHOR)
    assert leap_day is not None
    assert _with_year(leap_day, 2031) is None


@pytest.mark.model
def test_an_archive_photo_caption_tells_of_another_day_and_place(tmp_path):
    # "FILE - In the Roosevelt Room of the Casa Blanca on Aug. 26, ...": not the summit's
    # venue or date.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-09-20\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The reef summit will be held at Larco Hall in Lima on 21 "
            "September 2031.\n",
            "b.md": lead + "The reef summit opens at Larco Hall in Lima on 21 September "
            "2031.\n\nFILE - In the Roosevelt Room of the Casa Blanca on Aug. 26, 2031, in "
            "Quito, President John Smith speaks at a meeting.\n",
        },
    )
    summit = subjects_of(report, "summit")
    for slot in ("venue", "dates", "city"):
        assert summit[slot]["verdict"] == "consensus", summit[slot]


def test_the_main_events_name_never_ends_on_a_dangling_word():
    from summit_facts.events.main_event import _display_name

    assert _display_name("the UN Ocean Conference in") == "UN Ocean Conference"
    assert _display_name("the Paris AI Action Summit on") == "Paris AI Action Summit"
    assert _display_name("the G20 Leaders ' Summit") == "G20 Leaders' Summit"


@pytest.mark.model
def test_the_first_day_of_the_summit_numbers_no_edition(tmp_path):
    # "as the first day closed at the conference": no history/first_summit_year.
    from tests.conftest import check_files, subjects_of

    lead = "---\npublished: 2031-06-10\n---\n\n"
    report = check_files(
        tmp_path,
        {
            "a.md": lead + "The third Reef Conference opened in Lima on 9 June 2031.\n",
            "b.md": lead + "The treaty can enter into force on January 1 of next year, the "
            "minister said as the first day closed at the third Reef Conference in Lima.\n",
        },
    )
    assert "first_summit_year" not in subjects_of(report, "history"), report["single_source"]


# A report on a second edition in a folder about the first, in our own words: the
# capitalised title ("The second Responsible Use of Forests in the Andean Region Summit")
# is one name, whose ordinal the parser hangs on its first noun, not on "Summit".
TITLED_EDITIONS = {
    "a.txt": (
        "2031-05-06",
        "The first Responsible Use of Forests in the Andean Region Summit opened in Quito "
        "on 5 May 2031.\n\nDelegates from 40 countries attended the summit in Quito.\n",
    ),
    "b.txt": (
        "2031-05-07",
        "The Andean Region Summit in Quito ended on 6 May 2031 with a pledge on rivers.\n",
    ),
    "c.txt": (
        "2032-09-12",
        "The second Responsible Use of Forests in the Andean Region Summit met in Lima on "
        "September 9-10, 2032, and was co-hosted by Peru and Chile.\n",
    ),
}


@pytest.mark.model
def test_the_ordinal_of_a_capitalised_title_is_the_events(nlp):
    roles = _roles(nlp, TITLED_EDITIONS)
    assert ("5 May 2031", "main") in roles["a.txt"]
    later = dict(roles["c.txt"])
    assert later["September 9-10, 2032"] == "next", roles["c.txt"]


@pytest.mark.model
def test_the_topic_of_a_summits_title_names_it(nlp):
    from summit_facts.events import event_cue

    doc = nlp("The Summit on Peace in Ukraine closed on Sunday, 16 June.")
    span = next(s for s in doc.spans["facts_values"] if "June" in s.text)
    cue = event_cue(span, span.root)
    assert cue is not None
    assert "peace" in cue.names and cue.topic == ["peace"]
    # a time or a place after "on" names nothing
    doc = nlp("The Summit on Monday drew 40 countries.")
    span = next(s for s in doc.spans["facts_values"] if "40" in s.text)
    cue = event_cue(span, span.root)
    assert cue is not None and cue.names == []


@pytest.mark.model
def test_a_surname_that_is_a_venue_word_stays_a_person(nlp):
    doc = nlp("Remarks by H.E. Park Jin, Minister of Foreign Affairs of the Republic of Korea.")
    assert [(e.text, e.label_) for e in doc.ents if "Park" in e.text] == [
        ("H.E. Park Jin", "PERSON")
    ]
    doc = nlp("Leaders met at Bletchley Park on 1 November.")
    assert ("Bletchley Park", "FAC") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.model
def test_a_date_written_with_another_year_is_another_editions(nlp):
    # No edition number, but the year is not the main event's (2031, with its days known).
    articles = {
        **{k: v for k, v in TITLED_EDITIONS.items() if k != "c.txt"},
        "d.txt": (
            "2032-09-12",
            "Delegates from 40 countries attended the Andean Region Summit in Lima on "
            "September 9-10, 2032.\n",
        ),
    }
    roles = dict(_roles(nlp, articles)["d.txt"])
    assert roles["September 9-10, 2032"] == "next", roles
