"""Source metadata: who published a document, who wrote it, when, under which title.

Front matter (or HTML/JSONL metadata) wins field by field; what it leaves open is
looked for near the top of the text: a headline, a dateline ("Feb 14, 2025"), the
short publisher line under a dateline, a byline ("By Jane Doe"). Anything not found
stays unknown (`None`). The published date matters downstream: it anchors year-less
and relative dates, so a dateline is only trusted when it is unambiguous.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from summit_facts.models import Source

# Front matter keys, most specific first.
TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
DATE_KEYS = (
    "publish_date",
    "published",
    "published_at",
    "date_published",
    "datepublished",
    "pubdate",
    "date",
    "created_date",
    "created",
)
PUBLISHER_KEYS = ("publisher", "site_name", "sitename", "source", "site")
URL_KEYS = ("url", "canonical", "canonical_url", "link", "permalink")

# How far down the text a dateline, byline or headline may sit.
HEAD_LINES = 12
HEAD_CHARS = 1500

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# One day-precision date: "Feb 14, 2025", "14 February 2025", "2025-02-14".
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})\b"
    rf"|\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})\b"
    rf"|\b(?P<y3>{_YEAR})-(?P<n3>[01]?\d)-(?P<d3>[0-3]?\d)(?!\d)",
    re.IGNORECASE,
)
# A day range ("10-11 February", "February 6 to 11") is an event, not a dateline.
_DASH = r"\s*(?:-|–|—|to|until|through|and)\s*"
_RANGE = re.compile(
    rf"\b{_DAY}{_DASH}{_DAY}\s+{_MONTH}|\b{_MONTH}\s+{_DAY}{_DASH}(?:{_MONTH}\s+)?{_DAY}\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?i:by)\s+(?P<name>[A-Z][\w.'’-]*"
    r"(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|der|da|di|la|le|and)){0,5})"
)
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
# Page chrome that scraped text often starts with; never a title.
_BOILERPLATE = re.compile(
    r"\bjavascript\b.{0,30}\b(?:disabled|required|enabled?|support)"
    r"|(?:enable|support|turn on)s?\s+javascript|\bcookies\b.{0,60}\b(?:accept|consent|policy)"
    r"|^(?:skip to (?:main )?content|advertisement|sign in|log ?in|subscribe|menu|share)$",
    re.IGNORECASE,
)
# Section names that can follow a dateline and are not publishers.
_HEADINGS = {
    "abstract",
    "background",
    "conclusion",
    "contents",
    "highlights",
    "introduction",
    "key points",
    "key takeaways",
    "overview",
    "summary",
    "table of contents",
    "executive summary",
}
# Registered names under a country code: example.co.uk, example.com.au.
_SECOND_LEVEL = {"ac", "co", "com", "edu", "gov", "net", "org", "or", "ne", "go", "gob", "nic"}
# Legal-form suffixes: an organisation that names itself with one, heads a section
# of its own and recurs is publishing about itself (think "Acme CIC: Our mission").
_LEGAL_FORM = re.compile(r"[ \t](?:CIC|Ltd\.?|Limited|LLC|LLP|Inc\.?|GmbH|plc|PLC|SAS|AG)(?!\w)")
# The capitalised name before a legal form: "Data for Policy" in "Data for Policy CIC".
_ORG_NAME = re.compile(r"\b[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|for|of|and|on|&)){0,5}\Z")


def source_metadata(
    text: str, front: Mapping[Any, Any] | None, *, doc_id: str, path: str
) -> Source:
    """Build the `Source` of one document from its front matter and its text."""
    fields = _from_front(front or {})
    head = _head_lines(text)
    if fields["title"] is None:
        fields["title"] = _title_line(head)
    if fields["published"] is None or fields["publisher"] is None:
        published, publisher = _dateline(head, title=fields["title"])
        fields["published"] = fields["published"] or published
        fields["publisher"] = fields["publisher"] or publisher
    if fields["author"] is None:
        fields["author"] = _byline(head) or _wire_agency(head)
    if fields["publisher"] is None:
        fields["publisher"] = _self_publisher(text)
    return Source(id=doc_id, path=path, **fields)


# ---------------------------------------------------------------- front matter


def _from_front(front: Mapping[Any, Any]) -> dict[str, Any]:
    keys = {str(key).strip().lower(): value for key, value in front.items()}
    url = _first(keys, URL_KEYS, _as_url)
    publisher = _first(keys, PUBLISHER_KEYS, _as_name)
    if publisher is None:
        # Any URL in the front matter (hero image, canonical link) names the site.
        urls = [url] + [_as_url(value) for value in keys.values()]
        publisher = next((d for d in map(registered_domain, filter(None, urls)) if d), None)
    return {
        "title": _first(keys, TITLE_KEYS, _as_text),
        "author": _first(keys, AUTHOR_KEYS, _as_name),
        "published": _first(keys, DATE_KEYS, _as_date),
        "publisher": publisher,
        "url": url,
    }


def _first(keys: Mapping[str, Any], names: Iterable[str], convert: Any) -> Any:
    for name in names:
        if name in keys and (value := convert(keys[name])) is not None:
            return value
    return None


def _as_text(value: Any) -> str | None:
    # Only scalars: a YAML alias bomb must never be turned into a string.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    # Lone surrogates (from JSON escapes) could not be written out later.
    text = re.sub("[\ud800-\udfff]", "\ufffd", str(value))
    return " ".join(text.split()) or None


def _as_name(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return _as_text(value.get("name"))
    if isinstance(value, list):
        # One level only: nested lists are no names, and following them lets a YAML
        # alias bomb (9 levels of 9 aliases) or a deeply nested JSON list hang or
        # overflow the stack.
        names = [
            name for item in value[:10] if not isinstance(item, list) and (name := _as_name(item))
        ]
        return ", ".join(names) or None
    url = _as_url(value)
    return registered_domain(url) if url else _as_text(value)


def _as_url(value: Any) -> str | None:
    text = _as_text(value)
    if text and re.match(r"https?://[^\s/]+", text, re.IGNORECASE):
        return text
    return None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _as_text(value)
    return find_date(text) if text else None


def find_date(text: str) -> date | None:
    """The first day-precision date in a short string, or None."""
    match = _DATE.search(text)
    return _match_date(match) if match else None


def _match_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    if parts["y3"]:
        year, month, day = parts["y3"], parts["n3"], parts["d3"]
    else:
        year = parts["y1"] or parts["y2"]
        month = str(_MONTHS[(parts["m1"] or parts["m2"])[:3].lower()])
        day = re.sub(r"\D", "", parts["d1"] or parts["d2"])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 31 February and the like
        return None


def registered_domain(url: str) -> str | None:
    """'https://images.magick.ai/x.jpg' -> 'magick.ai'; 'news.bbc.co.uk' -> 'bbc.co.uk'."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return None
    labels = host.split(".")
    if len(labels) < 2 or host.replace(".", "").isdigit():
        return None
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL and len(labels) > 2 else 2
    return ".".join(labels[-keep:])


# ---------------------------------------------------------------- the text


def _head_lines(text: str) -> list[str]:
    lines = []
    for line in text[:HEAD_CHARS].split("\n"):
        line = line.strip()
        if line and not _BOILERPLATE.search(line):
            lines.append(line)
        if len(lines) == HEAD_LINES:
            break
    return lines


def _title_line(lines: list[str]) -> str | None:
    # A dateline or byline may sit above the headline; anything else ends the search.
    for line in lines:
        if _BYLINE.match(line) or _dateline_date(line):
            continue
        line = line.lstrip("#").strip()
        headline = (
            10 <= len(line) <= 200
            and len(line.split()) <= 30
            and not line.endswith((".", ",", ";", ":"))
            and (line[0].isupper() or line[0].isdigit())
        )
        return line if headline else None
    return None


def _dateline_date(line: str) -> date | None:
    """The date of a short line holding exactly one full date and little else."""
    if len(line) >= 80 or _RANGE.search(line):
        return None
    matches = list(_DATE.finditer(line))
    if len(matches) != 1:
        return None
    rest = line[: matches[0].start()] + line[matches[0].end() :]
    if len(rest.split()) > 6 or rest.rstrip().endswith((".", "!", "?")):
        return None
    return _match_date(matches[0])


# A line that says it gives the publication date: "Published: June 23, 2023, 5:38pm".
_PUBLISHED_LABEL = re.compile(r"^\s*(?:first\s+)?(?:published|posted|date)\b", re.I)


def _dateline(lines: list[str], *, title: str | None) -> tuple[date | None, str | None]:
    """The published date of the first line that says it gives it ("Published: ..."),
    else of the first dateline; and the publisher line under it. A page's own date line
    (the day the page was saved, "Wednesday, December 11, 2024", above the headline)
    gives way to the article's labelled date."""
    labelled = [i for i, line in enumerate(lines) if _PUBLISHED_LABEL.match(line)]
    order = labelled + [i for i in range(len(lines)) if i not in labelled]
    for i in order:
        line = lines[i]
        published = _dateline_date(line)
        if published is None:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        return published, _publisher_line(following, title=title)
    return None, None


def _publisher_line(line: str, *, title: str | None) -> str | None:
    words = line.split()
    if not 1 <= len(words) <= 3 or re.search(r"[.!?:;,\"“”]$|^\d", line):
        return None
    if line == title or line.lower() in _HEADINGS or (len(words) > 1 and line.isupper()):
        return None
    if _DATE.search(line) or _BYLINE.match(line) or not _WORD.search(line):
        return None
    return line


# A wire dateline's agency: "LISBON, March 10 (Reuters) -", "New Delhi [India], March 2
# (ANI):", "NAIROBI (AFP) —".
_WIRE_AGENCY = re.compile(
    r"^[A-Z][A-Za-z.'’/ -]{1,40}(?:\[[A-Za-z ]+\])?(?:,[^()\n]{0,40})?[ ]?"
    r"\((?P<agency>[A-Z][A-Za-z .&-]{1,30})\)[ ]?[-–—:]"
)


def _wire_agency(lines: list[str]) -> str | None:
    """The news agency a wire dateline credits, as the report's author when no byline
    names one."""
    for line in lines:
        match = _WIRE_AGENCY.match(line)
        if match:
            return match["agency"].strip()
    return None


def _byline(lines: list[str]) -> str | None:
    for line in lines:
        match = _BYLINE.match(line)
        if match and len(line) < 80 and not line.endswith("."):
            name = re.sub(r"\s+and$", "", match["name"])
            if not re.fullmatch(_MONTH, name.split()[0], re.IGNORECASE):
                return name
    return None


def _self_publisher(text: str) -> str | None:
    names: Counter[str] = Counter()
    # Anchor on the rare legal form and look back, rather than try every capital.
    for form in _LEGAL_FORM.finditer(text):
        found = _ORG_NAME.search(text, max(0, form.start() - 120), form.start())
        if found:
            names[re.sub(r"^The\s+", "", found.group()) + form.group()] += 1
    for name, count in names.most_common():
        if count < 3:
            break
        heading = re.compile(rf"^{re.escape(name)}(?!\w)[^\n.]{{0,120}}$", re.MULTILINE)
        if heading.search(text):
            return name
    return None
