"""Values that real text writes (issue 10): faults reported against peer extractors.

Each kind of fault has unit tests on the parsers, and its example runs through the
real `facts extract` / `facts check` (CliRunner, real model) with its exact
normalised value. Property tests cover digit groupings and currency forms, and
year-less dates against any published date.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summit_facts import currencies
from summit_facts.cli.app import app
from summit_facts.models import CountValue, Interval
from summit_facts.values import find_values, parse_count, parse_date, parse_money, parse_percent
from summit_facts.verdicts import display

INF = None


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_values(text)]


def bounds(interval: Interval) -> tuple[float | None, float | None, bool, bool]:
    return (interval.low, interval.high, interval.low_closed, interval.high_closed)


# ---------------------------------------------------------------- the real pipeline


def extract_claims(tmp_path, text: str, published: str = "2025-02-14") -> list[dict]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["extract", str(folder), "--format", "jsonl", "--quiet", "--store", str(tmp_path / "s")],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [r for r in records if r["record"] == "claim"]


def of_kind(claims: list[dict], kind: str) -> list[dict]:
    return [c for c in claims if c["value"]["kind"] == kind]


def interval_of(claim: dict) -> tuple:
    iv = claim["value"]["interval"]
    return (iv["low"], iv["high"], iv["low_closed"], iv["high_closed"])


# ---------------------------------------------------------------- thousands grouped by spaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€13 500 million", 13_500_000_000),
        ("€13\u00a0500 million", 13_500_000_000),
        ("€13\u2009500 million", 13_500_000_000),
        ("€13\u202f500 million", 13_500_000_000),
        ("€13,500 million", 13_500_000_000),
        ("CHF 1'200'000", 1_200_000),
        ("$1 234 567.50", 1_234_567.5),
    ],
)
def test_thousands_grouped_by_spaces_parse(text, expected):
    value = parse_money(text)
    assert value is not None and value.nominal == pytest.approx(expected)
    assert spans(text) == [(text, "money")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 200 observers attended", [("1 200", "count")]),
        ("1\u202f200 observers", [("1\u202f200", "count")]),
        # Only groups of exactly three digits join: lists and pairs stay apart.
        ("10 11 delegates", [("10", "count"), ("11", "count")]),
        ("on 3 and 4 March", [("3 and 4 March", "date")]),
        ("rooms 12 1234", [("12", "count"), ("1234", "count")]),
    ],
)
def test_space_grouping_only_joins_three_digit_groups(text, expected):
    assert spans(text) == expected


@pytest.mark.model
def test_space_grouped_example_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path,
        "Member states committed €13 500 million to the fund, and 1 200 observers attended.",
    )
    money = of_kind(claims, "money")
    assert [(c["value"]["nominal"], c["value"]["currency"]) for c in money] == [
        (13_500_000_000, "EUR")
    ]
    counts = of_kind(claims, "count")
    assert [interval_of(c) for c in counts] == [(1200, 1200, True, True)]
    assert counts[0]["slot"] == "observers_count"


# ---------------------------------------------------------------- a change is not a range


@pytest.mark.parametrize(
    ("text", "surface", "low"),
    [
        ("The budget decreased $1.2 million to $23.5 million.", "$23.5 million", 23.5e6),
        ("Funding rose by $5 million to $60 million.", "$60 million", 60e6),
        ("Pledges were up from $40 million to $60 million.", "$60 million", 60e6),
        ("Spending grew from €2 billion to €3 billion.", "€3 billion", 3e9),
        ("The fund increased its budget by 5% to $80 million.", "$80 million", 80e6),
        ("Aid climbed to $5 million from $3 million.", "$5 million", 5e6),
        ("An increase of $1.2 million to $23.5 million.", "$23.5 million", 23.5e6),
        ("Spending was cut from $10m to $8m.", "$8m", 8e6),
        ("Support rose 2 percentage points to $45 million.", "$45 million", 45e6),
    ],
)
def test_a_change_gives_the_new_level_only(text, surface, low):
    found = [(text[s.start : s.end]) for s in find_values(text)]
    assert found == [surface]
    value = parse_money(surface)
    assert value is not None and bounds(value.interval) == (low, low, True, True)


def test_a_range_without_a_change_verb_is_still_a_range():
    value = parse_money("Grants ranging from $1 million to $5 million")
    assert value is not None and bounds(value.interval) == (1e6, 5e6, True, True)
    assert spans("The budget increased by $5 million.") == []


# ---------------------------------------------------------------- "over" a span of time


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Ministers met over four days in Accra.", "four"),
        ("Over three days, the delegates drafted the charter.", "three"),
        ("The talks lasted for over four days.", "over four"),
        ("The treaty took over two years to negotiate.", "over two"),
        ("Over 40 countries joined the charter.", "Over 40"),
    ],
)
def test_over_a_span_of_time_tells_when_not_how_many(text, surface):
    assert [text[s.start : s.end] for s in find_values(text)] == [surface]


@pytest.mark.model
def test_change_example_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path, "The budget decreased $1.2 million to $23.5 million after the summit."
    )
    money = of_kind(claims, "money")
    assert len(money) == 1
    assert interval_of(money[0]) == (23.5e6, 23.5e6, True, True)
    assert money[0]["value"]["currency"] == "USD"


# ---------------------------------------------------------------- currencies


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Rs 10,000 crore", 1e11, "INR"),
        ("Rs. 5 lakh", 5e5, "INR"),
        ("Rs 1.5 lakh crore", 1.5e12, "INR"),
        ("₹500 crore", 5e9, "INR"),
        ("CHF 50 million", 50e6, "CHF"),
        ("40 million CAD", 40e6, "CAD"),
        ("NOK 2 billion", 2e9, "NOK"),
        ("EUR109 billion", 109e9, "EUR"),
        ("US$1.5bn", 1.5e9, "USD"),
        ("A$300 million", 300e6, "AUD"),
        ("C$40 million", 40e6, "CAD"),
        ("R500 million", 500e6, "ZAR"),
        ("£100m", 100e6, "GBP"),
        ("¥2 trillion", 2e12, "JPY"),
        ("SEK 3 billion", 3e9, "SEK"),
        ("2 billion Norwegian kroner", 2e9, "NOK"),
        ("50 million Swiss francs", 50e6, "CHF"),
        ("5 billion rupees", 5e9, "INR"),
        ("KES 1 billion", 1e9, "KES"),
        ("BRL 3 billion", 3e9, "BRL"),
        ("R$ 3 billion", 3e9, "BRL"),
        ("US $5 million", 5e6, "USD"),
        ("$US5 million", 5e6, "USD"),
        ("13 500 €", 13_500, "EUR"),
        ("$2 bln", 2e9, "USD"),
        ("Can$40 million", 40e6, "CAD"),
    ],
)
def test_currency_codes_symbols_and_names(text, amount, currency):
    value = parse_money(text)
    assert value is not None, text
    assert (value.nominal, value.currency) == (pytest.approx(amount), currency)


@pytest.mark.parametrize(
    "text",
    ["COP 29 opened", "the TOP 10 list", "ALL 50 STATES", "FOR 50 years", "Rivers 2 and 3"],
)
def test_words_and_acronyms_are_not_currencies(text):
    assert parse_money(text) is None


def test_every_iso_code_is_known():
    # All active ISO 4217 codes, less a few that are words or acronyms.
    assert {"USD", "EUR", "CHF", "NOK", "INR", "ZAR", "XOF", "KES", "TRY"} <= currencies.codes()
    assert len(currencies.codes()) > 250
    assert "COP" not in currencies.codes()


@pytest.mark.model
def test_currency_examples_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path,
        "India committed Rs 10,000 crore to the fund.\n\n"
        "Switzerland pledged CHF 50 million, Canada pledged 40 million CAD and "
        "Norway pledged NOK 2 billion.",
    )
    money = {c["value"]["currency"]: c for c in of_kind(claims, "money")}
    assert set(money) == {"INR", "CHF", "CAD", "NOK"}
    assert interval_of(money["INR"]) == (1e11, 1e11, True, True)
    assert interval_of(money["CHF"]) == (50e6, 50e6, True, True)
    assert interval_of(money["CAD"]) == (40e6, 40e6, True, True)
    assert interval_of(money["NOK"]) == (2e9, 2e9, True, True)
    # Each amount under its own donor.
    assert money["CHF"]["slot"] == "switzerland"
    assert money["CAD"]["slot"] == "canada"
    assert money["NOK"]["slot"] == "norway"
    assert (money["INR"]["topic"], money["INR"]["slot"]) == ("funding", "india")


# ---------------------------------------------------------------- open bounds after the number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120 countries or more", (120, INF, True, True)),
        ("delegates aged 18 and over", (18, INF, True, True)),
        ("50 members or above", (50, INF, True, True)),
        ("30 seats or fewer", (0, 30, True, True)),
        ("10 delegations or less", (0, 10, True, True)),
        ("$5 million or more", (5e6, INF, True, True)),
        ("120 countries or so", (108, 132, True, True)),
    ],
)
def test_open_bounds_after_the_number(text, expected):
    value = parse_money(text) or parse_count(text)
    assert value is not None
    assert bounds(value.interval) == expected


def test_or_more_before_another_figure_is_not_a_bound():
    value = parse_count("40 countries and over 100 companies")
    assert value is not None and bounds(value.interval) == (40, 40, True, True)
    assert spans("40 countries and over 100 companies") == [("40", "count"), ("over 100", "count")]


@pytest.mark.model
def test_open_bound_example_through_extract(tmp_path):
    claims = extract_claims(tmp_path, "Delegations from 120 countries or more attended.")
    counts = of_kind(claims, "count")
    assert [interval_of(c) for c in counts] == [(120, INF, True, True)]
    # Attending with no other event named: the countries attending the report's event.
    assert (counts[0]["topic"], counts[0]["slot"]) == ("summit", "countries_attending")


# ---------------------------------------------------------------- year-less ranges across a new year


def test_range_across_new_year_is_placed_before_the_published_date():
    value = parse_date("from December 30 to January 2", anchor=date(2025, 1, 10), tense="past")
    assert value is not None
    assert (value.start, value.end) == (date(2024, 12, 30), date(2025, 1, 2))
    # Without a tense the crossing nearest the published date wins.
    value = parse_date("December 30 to January 2", anchor=date(2025, 1, 10))
    assert value is not None and (value.start, value.end) == (date(2024, 12, 30), date(2025, 1, 2))
    # Told in the future, the next crossing.
    value = parse_date("December 30 to January 2", anchor=date(2025, 1, 10), tense="future")
    assert value is not None and (value.start, value.end) == (date(2025, 12, 30), date(2026, 1, 2))


def test_past_and_future_single_dates():
    anchor = date(2025, 1, 10)
    past = parse_date("December 12", anchor=anchor, tense="past")
    future = parse_date("in March", anchor=anchor, tense="future")
    plain = parse_date("February 10-11", anchor=date(2025, 2, 14))
    assert past is not None and past.start == date(2024, 12, 12)
    assert future is not None and (future.start, future.end) == (
        date(2025, 3, 1),
        date(2025, 3, 31),
    )
    assert plain is not None and (plain.start, plain.end) == (date(2025, 2, 10), date(2025, 2, 11))


@pytest.mark.model
def test_new_year_example_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path, "The emergency summit ran from December 30 to January 2.", published="2025-01-10"
    )
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("2024-12-30", "2025-01-02")
    ]


@pytest.mark.model
def test_future_date_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path, "The next summit will be held on March 3 and 4.", published="2025-06-10"
    )
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("2026-03-03", "2026-03-04")
    ]


# ---------------------------------------------------------------- names read as months or modals


@pytest.mark.model
def test_a_name_is_neither_a_month_nor_a_modal(tmp_path):
    claims = extract_claims(
        tmp_path,
        "The declaration was endorsed by May and Macron at the summit on February 11, 2025.",
    )
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("2025-02-11", "2025-02-11")
    ]
    assert all(c["modality"] == "asserted" for c in claims)
    members = of_kind(claims, "entities")
    assert members and members[0]["value"]["members"] == ["Macron", "May"]


@pytest.mark.model
def test_a_month_is_still_a_month(tmp_path):
    text = "The fund was launched in May by France and India."
    claims = extract_claims(tmp_path, text, published="2025-06-20")
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("2025-05-01", "2025-05-31")
    ]
    # Told in the past and published in February: the May before. (A fresh folder
    # and store: the cache keys documents by their text alone.)
    (tmp_path / "feb").mkdir()
    claims = extract_claims(tmp_path / "feb", text, published="2025-02-14")
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("2024-05-01", "2024-05-31")
    ]


@pytest.mark.model
def test_a_real_modal_still_hedges(tmp_path):
    claims = extract_claims(tmp_path, "The fund may reach $5 billion.")
    assert [c["modality"] for c in of_kind(claims, "money")] == ["hedged"]


# ---------------------------------------------------------------- compound number words


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Thirty two countries", 32),
        ("thirty-two countries", 32),
        ("one hundred and twenty delegates", 120),
        ("a hundred firms", 100),
        ("two thousand five hundred delegates", 2500),
        ("ninety nine members", 99),
        ("two dozen firms", 24),
    ],
)
def test_compound_number_words(text, number):
    value = parse_count(text)
    assert value is not None and bounds(value.interval) == (number, number, True, True)


def test_fractions_and_separate_numbers_stay_apart():
    assert parse_count("two-thirds of members") is None
    assert [s for s, _ in spans("one two three")] != ["one two three"]


@pytest.mark.model
def test_compound_words_example_through_extract(tmp_path):
    claims = extract_claims(tmp_path, "Thirty two countries signed the declaration.")
    counts = of_kind(claims, "count")
    assert [(c["topic"], c["slot"], interval_of(c)) for c in counts] == [
        ("signatories", "count", (32, 32, True, True))
    ]


# ---------------------------------------------------------------- years inside names


@pytest.mark.model
def test_a_year_inside_a_name_is_no_date(tmp_path):
    claims = extract_claims(
        tmp_path,
        "The summit reaffirmed the 2030 Agenda and the Kyoto Protocol of 1997. "
        "India presented Vision 2047 there.",
    )
    dates = of_kind(claims, "date")
    assert [(c["value"]["start"], c["value"]["end"]) for c in dates] == [
        ("1997-01-01", "1997-12-31")
    ]
    assert dates[0]["topic"] == "auto" and dates[0]["slot"] == "protocol_date"


@pytest.mark.model
def test_an_event_year_stays(tmp_path):
    claims = extract_claims(tmp_path, "The AI Action Summit 2025 opened in Paris on February 10.")
    years = [c for c in of_kind(claims, "date") if c["value"]["precision"] == "year"]
    assert [c["value"]["start"] for c in years] == ["2025-01-01"]


# ---------------------------------------------------------------- one figure, two spellings


@pytest.mark.parametrize("spelling", ["86%", "86 per cent", "86 percent", "86 per-cent"])
def test_percent_spellings_are_one_value(spelling):
    value = parse_percent(spelling)
    assert value is not None and bounds(value.interval) == (86, 86, True, True)


@pytest.mark.model
def test_percent_spellings_land_in_one_subject(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {
        "a.md": "between 80% and 90% of the delegates backed the declaration.",
        "b.md": "86 per cent of the delegates backed the declaration.",
        "c.md": "86 percent of the delegates backed the declaration.",
    }
    for n, (name, text) in enumerate(texts.items()):
        (folder / name).write_text(
            f"---\npublished: 2025-02-14\npublisher: P{n}\n---\n{text}\n", encoding="utf-8"
        )
    result = CliRunner().invoke(
        app, ["check", str(folder), "--format", "json", "--quiet", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # Automatic subjects are listed apart from the rule subjects (DESIGN.md, "Verdicts").
    percent = [v for v in report["automatic"] if v["kind"] == "percent"]
    assert [(v["topic"], v["slot"], v["verdict"]) for v in percent] == [
        ("auto", "delegates_percent", "consensus")
    ]
    assert sorted(percent[0]["consensus"]["sources"]) == ["a.md", "b.md", "c.md"]
    assert not [v for v in report["automatic"] if v["verdict"] == "contradiction"]


# ---------------------------------------------------------------- vague quantities


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Thousands of delegates", 2000),
        ("dozens of countries", 24),
        ("hundreds of journalists", 200),
        ("tens of thousands of visitors", 20_000),
        ("hundreds of thousands of jobs", 200_000),
        ("millions of users", 2_000_000),
    ],
)
def test_vague_quantities(text, low):
    value = parse_count(text)
    assert value is not None
    assert bounds(value.interval) == (low, INF, True, True)
    assert value.qualifier == "vague"


@pytest.mark.parametrize(
    ("text", "low", "currency"),
    [
        ("billions of dollars were pledged", 2e9, "USD"),
        ("several million euros", 2e6, "EUR"),
        ("hundreds of millions of dollars", 2e8, "USD"),
    ],
)
def test_vague_amounts_of_money(text, low, currency):
    value = parse_money(text)
    assert value is not None and value.currency == currency
    assert bounds(value.interval) == (low, INF, True, True)
    assert value.qualifier == "vague"


@pytest.mark.model
def test_vague_example_through_extract(tmp_path):
    claims = extract_claims(
        tmp_path, "Thousands of delegates attended, and dozens of countries signed."
    )
    counts = sorted(of_kind(claims, "count"), key=lambda c: c["evidence"]["value_start"])
    assert [interval_of(c) for c in counts] == [(2000, INF, True, True), (24, INF, True, True)]
    assert [c["value"]["qualifier"] for c in counts] == ["vague", "vague"]
    assert [c["value"]["noun"] for c in counts] == ["delegates", "countries"]
    assert counts[1]["topic"] == "signatories"


# ---------------------------------------------------------------- a range shown whole


def test_a_range_is_displayed_with_both_bounds():
    value = parse_count("Between forty and fifty countries signed.")
    assert value is not None and bounds(value.interval) == (40, 50, True, True)
    assert display(value) == "40 to 50"
    money = parse_money("between $1 million and $2 million")
    assert money is not None and display(money) == "USD 1 million to USD 2 million"
    vague = parse_count("Thousands of delegates")
    assert vague is not None and display(vague) == "thousands (2000 or more)"


@pytest.mark.model
def test_range_display_through_check(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\npublished: 2025-02-14\n---\nBetween forty and fifty countries signed.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", str(folder), "--format", "json", "--quiet", "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [subject] = [v for v in report["single_source"] if v["slot"] == "count"]
    assert subject["consensus"]["display"] == "40 to 50"
    assert subject["consensus"]["value"]["interval"] == {
        "low": 40.0,
        "high": 50.0,
        "low_closed": True,
        "high_closed": True,
    }


# ---------------------------------------------------------------- properties

SEPARATORS = [",", " ", "\u00a0", "\u2009", "\u202f"]
# (written before, written after, ISO code)
CURRENCY_FORMS = [
    ("€", "", "EUR"), ("EUR ", "", "EUR"), ("EUR", "", "EUR"), ("", " EUR", "EUR"),
    ("", " euros", "EUR"), ("$", "", "USD"), ("US$", "", "USD"), ("USD ", "", "USD"),
    ("", " US dollars", "USD"), ("£", "", "GBP"), ("GBP ", "", "GBP"), ("", " pounds", "GBP"),
    ("CHF ", "", "CHF"), ("", " Swiss francs", "CHF"), ("", " CHF", "CHF"), ("₹", "", "INR"),
    ("Rs ", "", "INR"), ("INR ", "", "INR"), ("NOK ", "", "NOK"), ("", " NOK", "NOK"),
    ("A$", "", "AUD"), ("C$", "", "CAD"), ("", " CAD", "CAD"), ("R", "", "ZAR"),
    ("", " €", "EUR"), ("US $", "", "USD"), ("$US", "", "USD"), ("Rs. ", "", "INR"),
    ("", " Norwegian kroner", "NOK"), ("", " rupees", "INR"), ("¥", "", "JPY"),
]  # fmt: skip


def grouped(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


@settings(max_examples=300, deadline=None)
@given(
    number=st.integers(min_value=1000, max_value=999_999_999),
    separator=st.sampled_from(SEPARATORS),
    form=st.sampled_from(CURRENCY_FORMS),
    scale=st.sampled_from([("", 0), (" million", 6), (" billion", 9), ("", 0)]),
)
def test_any_grouping_and_currency_form_gives_one_value(number, separator, form, scale):
    before, after, code = form
    word, power = scale
    text = (
        f"The fund received {before}{grouped(number, separator)}{word}{after} in its first round."
    )
    value = parse_money(text)
    assert value is not None, text
    assert value.currency == code, text
    assert Decimal(str(value.nominal)) == Decimal(number).scaleb(power), text
    assert [kind for _, kind in spans(text)] == ["money"], text


@settings(max_examples=200, deadline=None)
@given(number=st.integers(min_value=1000, max_value=999_999), separator=st.sampled_from(SEPARATORS))
def test_any_grouping_of_a_count_gives_one_value(number, separator):
    text = f"Some {grouped(number, separator)} observers attended."
    value = parse_count(text)
    assert isinstance(value, CountValue)
    assert value.nominal == number


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    m1=st.integers(1, 12),
    d1=st.integers(1, 28),
    m2=st.integers(1, 12),
    d2=st.integers(1, 28),
    tense=st.sampled_from([None, "past", "future"]),
    form=st.sampled_from(["from {m1} {d1} to {m2} {d2}", "{d1} {m1} to {d2} {m2}", "{m1} {d1}"]),
)
def test_year_less_dates_land_within_a_year_of_publication(published, m1, d1, m2, d2, tense, form):
    text = form.format(m1=MONTHS[m1 - 1], d1=d1, m2=MONTHS[m2 - 1], d2=d2)
    value = parse_date(text, anchor=published, tense=tense)
    if value is None:
        # Only a range that runs backwards within one month has no reading.
        assert m1 == m2 and d1 > d2, text
        return
    year = timedelta(days=366)
    assert value.start <= value.end
    assert value.end >= published - year and value.start <= published + year, (text, value)
    if tense == "past":
        assert value.start <= published  # told in the past: it had begun by then
    if tense == "future":
        assert value.end >= published  # told in the future: it is not over yet


@pytest.mark.model
def test_a_range_in_a_gold_file_scores(tmp_path):
    """Gold gives a range as {low, high}: `facts eval` finds the claim "40 to 50"."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\npublished: 2025-02-14\n---\nBetween forty and fifty countries signed the declaration.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "sources:\n  a.md:\n    published: 2025-02-14\n"
        "subjects:\n- topic: signatories\n  slot: count\n  verdict: single_source\n"
        "  consensus: {low: 40, high: 50}\n"
        "  claims:\n  - doc: a.md\n    value: {low: 40, high: 50}\n",
        encoding="utf-8",
    )
    args = ["eval", str(folder), "--gold", str(gold), "--format", "json", "--quiet"]
    result = CliRunner().invoke(app, [*args, "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["recall"], scores["precision"], scores["verdict_accuracy"]) == (1.0, 1.0, 1.0)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The summit reaffirmed the 2030 Agenda.", []),
        ("Leaders welcomed Agenda 2063 and Vision 2047.", []),
        ("Ministers met at COP 2025 in Belem.", []),
        ("The AI Action Summit Paris 2025 opened.", ["2025"]),
        ("The 2025 summit opened in Paris.", ["2025"]),
        ("The Data for Policy 2024 conference ended.", ["2024"]),
        ("The Paris Agreement of 2015 still binds them.", ["2015"]),
        ("The pact was signed by May and Macron.", []),
        ("The pact was signed by May, Macron and Scholz.", []),
        ("The pact was signed by Theresa May.", []),
        ("The pact will be signed by May.", ["May"]),
        ("The fund opened in March and April.", ["March"]),
    ],
)
def test_dates_that_are_names(nlp, text, dates):
    from summit_facts.nlp import value_spans

    found = [span.text for span in value_spans(nlp(text)) if span.label_ == "date"]
    assert found == dates


@pytest.mark.model
def test_donors_of_clauses_without_a_verb(tmp_path):
    claims = extract_claims(
        tmp_path,
        "Norway pledged NOK 2 billion, Denmark DKK 1 billion and Sweden SEK 3 billion.\n\n"
        "Switzerland pledged CHF 50 million and Canada 40 million CAD.",
    )
    slots = {c["value"]["currency"]: (c["topic"], c["slot"]) for c in of_kind(claims, "money")}
    assert slots == {
        "NOK": ("funding", "norway"),
        "DKK": ("funding", "denmark"),
        "SEK": ("funding", "sweden"),
        "CHF": ("funding", "switzerland"),
        "CAD": ("funding", "canada"),
    }


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("€100-million", 100e6, "EUR"),
        ("$125-billion", 125e9, "USD"),
        ("a 40-million euros", 40e6, "EUR"),
    ],
)
def test_a_scale_word_joined_by_a_hyphen(text, amount, currency):
    value = parse_money(text)
    assert value is not None and (value.nominal, value.currency) == (amount, currency)
