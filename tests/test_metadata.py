"""Source metadata from front matter first, then from the top of the text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from summit_facts.metadata import find_date, registered_domain, source_metadata


def meta(text: str = "", front: dict | None = None):
    return source_metadata(text, front, doc_id="doc.txt", path="corpus/doc.txt")


# ---------------------------------------------------------------- front matter


def test_front_matter_fields():
    source = meta(
        "Body text.",
        {
            "title": "Paris summit ends",
            "author": "David Jenkins",
            "publish_date": "2025-02-13",
            "publisher": "Example Wire",
            "url": "https://example.com/a",
        },
    )
    assert (source.id, source.path) == ("doc.txt", "corpus/doc.txt")
    assert source.title == "Paris summit ends"
    assert source.author == "David Jenkins"
    assert source.published == date(2025, 2, 13)
    assert source.publisher == "Example Wire"
    assert source.url == "https://example.com/a"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("publish_date", date(2025, 2, 13)),
        ("published", datetime(2025, 2, 13, 9, 30)),
        ("date", "2025-02-13T09:30:00Z"),
        ("pubDate", "Thu, 13 Feb 2025 09:30:00 GMT"),
        ("created_date", "February 13, 2025"),
    ],
)
def test_front_matter_dates_in_any_form(key, value):
    assert meta("Body.", {key: value}).published == date(2025, 2, 13)


def test_publish_date_wins_over_created_date():
    front = {"created_date": "2025-01-01", "publish_date": "2025-02-13"}
    assert meta("Body.", front).published == date(2025, 2, 13)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("authors", ["Claire Martin", "Paul Durand"], "Claire Martin, Paul Durand"),
        ("byline", "Claire Martin", "Claire Martin"),
        ("author", {"name": "Claire Martin", "url": "https://x.org"}, "Claire Martin"),
    ],
)
def test_front_matter_authors(key, value, expected):
    assert meta("Body.", {key: value}).author == expected


@pytest.mark.parametrize("key", ["publisher", "site_name", "source", "site"])
def test_front_matter_publisher_keys(key):
    assert meta("Body.", {key: "Example Wire"}).publisher == "Example Wire"


def test_publisher_from_the_domain_of_any_url_in_the_front_matter():
    front = {"heroImage": "https://images.magick.ai/ai-paris-summit-2025.jpg"}
    assert meta("Body.", front).publisher == "magick.ai"


def test_a_source_that_is_a_url_names_its_domain():
    assert meta("Body.", {"source": "https://www.reuters.com/world/"}).publisher == "reuters.com"


def test_nested_values_are_never_turned_into_text():
    # What a YAML alias bomb gives: lists of lists. Only scalars are read.
    bomb: list = ["lol"] * 9
    for _ in range(6):
        bomb = [bomb] * 9
    source = meta("Body.", {"title": bomb, "date": bomb, "url": bomb})
    assert (source.title, source.published, source.url, source.publisher) == (None,) * 4


def test_unreadable_front_matter_date_is_unknown():
    assert meta("Body.", {"date": "sometime soon"}).published is None


# ---------------------------------------------------------------- domains


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://images.magick.ai/x.jpg", "magick.ai"),
        ("https://magick.ai/images/ai-summit-2025-paris.jpg", "magick.ai"),
        ("http://news.bbc.co.uk/world", "bbc.co.uk"),
        ("https://www.abc.net.au/news", "abc.net.au"),
        ("https://www.lemonde.fr/en/", "lemonde.fr"),
        ("https://WWW.Example.COM:8080/a", "example.com"),
        ("http://192.168.0.1/page", None),
        ("http://localhost/page", None),
    ],
)
def test_registered_domain(url, domain):
    assert registered_domain(url) == domain


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "line",
    [
        "Feb 14, 2025",
        "Feb. 14, 2025",
        "General Report March 18, 2025",
        "14 February 2025",
        "2025-02-14",
        "Friday, February 14th, 2025",
        "Published: 14 Feb 2025 | 5 min read",
    ],
)
def test_dateline_gives_the_published_date(line):
    text = f"Leaders gather in Paris for the AI summit\n\n{line}\n\nThe summit opened on Monday.\n"
    assert meta(text).published == find_date(line)
    assert meta(text).published is not None


@pytest.mark.parametrize(
    "line",
    [
        "Paris, France, 10-11 February, 2025",
        "February 6 to 11, 2025",
        "The summit was held on 14 February 2025 in Paris and drew many world leaders.",
        "Held 14 February 2025.",
        "From 14 February 2025 to 16 March 2025",
        "Updated February 2025",
    ],
)
def test_ranges_and_sentences_are_not_datelines(line):
    assert meta(f"Leaders gather in Paris\n{line}\nBody text follows here.\n").published is None


def test_dateline_must_sit_near_the_top():
    text = "Leaders gather in Paris\n" + "A paragraph of text.\n" * 20 + "Feb 14, 2025\n"
    assert meta(text).published is None


def test_short_line_under_the_dateline_is_the_publisher():
    text = (
        "Key Themes of the Summit\n\nGeneral Report March 18, 2025\ngoover\n\nTABLE OF CONTENTS\n"
    )
    source = meta(text)
    assert (source.publisher, source.published) == ("goover", date(2025, 3, 18))


@pytest.mark.parametrize(
    "following", ["TABLE OF CONTENTS", "Introduction", "1. Summary", "Paris, France — The summit"]
)
def test_headings_under_the_dateline_are_not_publishers(following):
    source = meta(f"Key Themes of the Summit\nMarch 18, 2025\n{following}\nBody text.\n")
    assert source.published == date(2025, 3, 18)
    assert source.publisher is None


def test_front_matter_publisher_wins_over_the_text():
    text = "Title of the piece\nMarch 18, 2025\ngoover\n"
    assert meta(text, {"publisher": "Example Wire"}).publisher == "Example Wire"


def test_impossible_dates_are_not_dates():
    assert find_date("February 30, 2025") is None
    assert find_date("2025-13-01") is None


# ---------------------------------------------------------------- bylines and titles


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Jean-Luc de la Tour | Feb 14, 2025", "Jean-Luc de la Tour"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
    ],
)
def test_byline_gives_the_author(line, author):
    assert meta(f"Leaders gather in Paris\n{line}\nThe summit opened.\n").author == author


@pytest.mark.parametrize(
    "line",
    [
        "By February 2026, the countries will report on progress made since the summit.",
        "By March",
        "by the way, nothing here",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line):
    assert meta(f"Leaders gather in Paris\n{line}\nThe summit opened.\n").author is None


def test_first_headline_like_line_is_the_title_after_boilerplate():
    text = (
        "Your browser does not support JavaScript!\n\n"
        "Shaping the Future: Key Themes from the Paris AI Action Summit 2025\n\n"
        "General Report March 18, 2025\n"
    )
    assert meta(text).title == "Shaping the Future: Key Themes from the Paris AI Action Summit 2025"


def test_markdown_heading_is_a_title():
    assert meta("# Sixty countries sign the declaration\n\nBody.\n").title == (
        "Sixty countries sign the declaration"
    )


def test_a_sentence_is_not_a_title():
    text = "The Paris AI Summit, held from February 10-11, 2025, was a pivotal gathering.\n"
    source = meta(text)
    assert (source.title, source.published, source.publisher, source.author) == (None,) * 4


def test_title_below_a_dateline():
    assert meta("Feb 14, 2025\nLeaders meet in Paris\nBody.\n").title == "Leaders meet in Paris"


# ---------------------------------------------------------------- self-published pages


def test_organisation_writing_about_itself_is_the_publisher():
    text = (
        "A summit report\n\nThe summit was held in Paris.\n\n"
        "Acme Policy Lab CIC: Our Research Programme\n\n"
        "This aligns with Acme Policy Lab CIC’s mission. "
        "Acme Policy Lab CIC remains committed to research.\n"
    )
    assert meta(text).publisher == "Acme Policy Lab CIC"


def test_organisation_only_mentioned_is_not_the_publisher():
    text = (
        "A summit report\n\nMistral AI SAS and Helsing GmbH announced a partnership. "
        "Helsing GmbH builds defence software; Helsing GmbH is based in Munich.\n"
    )
    assert meta(text).publisher is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "Ports summit ends\n\nLISBON, March 10 (Reuters) - Governments pledged EUR 5bn.",
            "Reuters",
        ),
        ("New Delhi [India], March 2 (ANI): The summit opened on Monday.", "ANI"),
        ("NAIROBI (AFP) — Leaders met on Monday.", "AFP"),
    ],
)
def test_a_wire_datelines_agency_is_the_author_when_no_byline_names_one(text, agency):
    assert source_metadata(text, None, doc_id="a", path="a").author == agency


def test_a_dateline_without_an_agency_names_no_author():
    text = "Paris, France, 10-11 February, 2025 — The summit closed."
    assert source_metadata(text, None, doc_id="a", path="a").author is None


def test_a_labelled_published_date_beats_the_pages_own_date_line():
    # A saved page starts with the day it was saved; the article's date is labelled.
    source = meta(
        "Monday, March 3, 2031\n\nNews / Business\n\nPorts summit ends without a deal\n\n"
        "By JANE DOE, Associated Press\nPublished: June 23, 2028, 5:38pm\n\n"
        "ACCRA — Delegates at the ports summit stopped short Friday of a deal.\n"
    )
    assert source.published == date(2028, 6, 23)
    assert source.author == "JANE DOE"
