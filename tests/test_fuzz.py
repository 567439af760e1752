"""Fuzzing: hundreds of generated documents through the whole pipeline, and
properties of the model-free stages under generated input.

The corpus is made from a fixed seed, so a failure reproduces: run
`python tests/test_fuzz.py DIR` to write it out and look at it. It goes
through `facts check` in a handful of invocations (one model load each), not
one per document. The property tests call the library directly, without the
model; they complement tests/test_values.py and tests/test_compare.py (which
use token soups and hand-built values) with real sentences, odd unicode,
extreme anchors, parsed values and hostile front matter.
"""

from __future__ import annotations

import codecs
import json
import random
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit_facts.cli._common import printable
from summit_facts.compare import Relation, compare_values
from summit_facts.ingest import split_front_matter
from summit_facts.metadata import source_metadata
from summit_facts.models import DateValue, Source
from summit_facts.values import (
    find_values,
    parse_count,
    parse_date,
    parse_money,
    parse_percent,
    with_tolerance,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FACTS = Path(sys.executable).parent / "facts"
FUZZ_SEED = 20250211

SENTENCES = [
    s.strip()
    for path in sorted(SEEDS.glob("*.txt"))
    for s in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8"))
    if len(s.strip()) > 15
]
MONTHS = ["January", "Feb", "Feb.", "February", "March", "Sept.", "December", "May"]
CURRENCIES = ["€", "$", "£", "¥", "US$", "EUR ", "USD ", "C$", "₹", "CHF "]
SCALES = ["", " million", " billion", "bn", "m", " trillion", "k", " thousand", " crore"]
QUALIFIERS = ["", "over ", "nearly ", "about ", "up to ", "at least ", "some ", "more than "]
NOUNS = ["countries", "nations", "signatories", "partners", "delegates", "people", "leaders"]
ODDITIES = [
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u00a0",  # no-break space
    "\u2009",  # thin space
    "\u202e",  # right-to-left override
    "\u2028",  # line separator
    "\ufeff",  # a byte order mark in the middle
    "\u0301",  # a combining accent with nothing to combine with
    "\ufffd",
    "🇫🇷",
    "👩‍💻",
    "１２３",  # fullwidth digits
    "٣٤",  # Arabic-Indic digits
    "²³",
    "½",
    "Ⅻ",
    "ﬁ",
    "İ",
    "ß",
    "\t",
    "\f",
    "\x0b",
    "—",
    "–",
    "‐",
    "…",
    "“",
    "”",
    "«",
    "»",
]


def _number(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return str(rng.randrange(0, 100))
    if kind == 1:
        return f"{rng.randrange(1, 1000):,}" + rng.choice(["", ",000", ",000,000"])
    if kind == 2:
        return f"{rng.uniform(0, 1000):.{rng.randrange(1, 4)}f}"
    if kind == 3:
        return rng.choice(
            ["one", "Eleven", "sixty", "two-day", "a dozen", "hundreds", "twenty-one"]
        )
    if kind == 4:
        return "9" * rng.randrange(15, 400)  # beyond any float or int conversion limit
    if kind == 5:
        return rng.choice(["1e308", "-5", "+7", "0.0", "007", "1/2", "3 ½", "10^6", "Ⅻ"])
    if kind == 6:
        return ",".join(str(rng.randrange(1000)) for _ in range(rng.randrange(2, 60)))
    if kind == 7:
        return f"{rng.randrange(1, 100)}{rng.choice(['%', ' per cent', ' percent', '+', 'th'])}"
    return rng.choice(["１２３", "٣٤", "²³", "0x1F", "1.2.3", "1,2", "1 000 000"])


def _money(rng: random.Random) -> str:
    amount = _number(rng) if rng.random() < 0.3 else str(rng.choice([1.5, 200, 400, 109, 50]))
    sign = rng.choice(CURRENCIES)
    text = f"{sign}{amount}{rng.choice(SCALES)}"
    if rng.random() < 0.2:
        text = f"{amount} {rng.choice(['euros', 'dollars', 'pounds', 'yen'])}"
    return rng.choice(QUALIFIERS) + text


def _date(rng: random.Random) -> str:
    year = rng.choice(["2025", "2024", "1", "0001", "9999", "10000", "1900", "2100", ""])
    month = rng.choice(MONTHS)
    d1, d2 = rng.randrange(0, 35), rng.randrange(0, 35)
    forms = [
        f"{month} {d1}, {year}",
        f"{d1}-{d2} {month}, {year}",
        f"{month} {d1}-{d2}",
        f"{month} {d1} to {d2}, {year}",
        f"{d1}–{d2} {month} {year}",
        f"{month} {d1} to {rng.choice(MONTHS)} {d2}, {year}",
        f"{year}-{rng.randrange(0, 14):02}-{d1:02}",
        f"{d1}/{d2}/{year}",
        f"in {year}",
        f"the {year}s",
        f"between {month} {d1} and {d2}",
        f"from {month} {d1} until {d2} {month} {year}",
    ]
    return rng.choice(forms)


def _oddity(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice("abcXYZé€$9") * rng.randrange(100, 3000)  # a very long token
    return rng.choice(ODDITIES)


def _sentence(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randrange(1, 6)):
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(SENTENCES))
        elif roll < 0.5:
            parts.append(f"{rng.choice(QUALIFIERS)}{_number(rng)} {rng.choice(NOUNS)}")
        elif roll < 0.62:
            parts.append(_money(rng))
        elif roll < 0.74:
            parts.append(_date(rng))
        elif roll < 0.8:
            parts.append(f"{rng.choice(QUALIFIERS)}{rng.randrange(0, 120)}%")
        elif roll < 0.92:
            parts.append(_oddity(rng))
        else:
            parts.append(rng.choice(["did not sign", "will", "reportedly", "not", "(", ")", "•"]))
    return rng.choice([" ", "", " ", "\n", ", "]).join(parts)


def _mixture(rng: random.Random) -> str:
    body = "\n\n".join(_sentence(rng) for _ in range(rng.randrange(1, 4)))
    if rng.random() < 0.2:  # a dateline on top, which anchors year-less dates
        body = f"Paris, {_date(rng)}\n\n{body}"
    return body


def _front_matter(rng: random.Random) -> str:
    lines = [
        f"title: {rng.choice(SENTENCES)[:60]!r}",
        f"date: {rng.choice(['2025-02-14', '9999-12-31', '0001-01-01', '2025-02-30', _date(rng)])}",
        f"author: {rng.choice(['[Jane Doe, [nested, [deeper]]]', '{name: X}', '~', '42', 'yes'])}",
        f"publisher: {rng.choice(['https://example.co.uk/a', '[a, b]', '!!binary aGk=', '&a x'])}",
        rng.choice(["tags: [unclosed", "x: !!python/object/apply:os.getcwd []", "key: value", ""]),
    ]
    rng.shuffle(lines)
    return "---\n" + "\n".join(lines[: rng.randrange(1, 6)]) + "\n---\n"


def _random_bytes(rng: random.Random) -> bytes:
    size = rng.randrange(1, 600)
    kind = rng.randrange(5)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(size))
    if kind == 1:  # no NUL: what a legacy-encoding guess has to cope with
        return bytes(rng.randrange(1, 256) for _ in range(size))
    if kind == 2:  # high bytes only
        return bytes(rng.randrange(0x80, 0x100) for _ in range(size))
    if kind == 3:  # text with a few broken bytes
        text = _sentence(rng).encode("utf-8", "replace")
        return bytes(b if rng.random() > 0.05 else rng.randrange(0x80, 0x100) for b in text)
    return codecs.BOM_UTF16_LE + bytes(rng.randrange(256) for _ in range(size))


def _encode(rng: random.Random, text: str) -> bytes:
    codec = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
    data = text.encode(codec, errors="replace")
    newline = rng.choice([b"\n", b"\n", b"\r\n", b"\r"])
    return data.replace(b"\n", newline) if codec.startswith("utf-8") or "1252" in codec else data


@dataclass
class Corpus:
    """What was written, and what every file's fate may be."""

    root: Path
    files: list[Path] = field(default_factory=list)  # every generated file
    jsonl: Path | None = None
    jsonl_ids: list[str] = field(default_factory=list)  # lines that are documents
    jsonl_bad_lines: list[int] = field(default_factory=list)  # lines that are not

    @property
    def paths(self) -> list[str]:
        return [str(self.root / "bytes"), str(self.root / "mixed"), str(self.jsonl)]

    @property
    def count(self) -> int:
        return len(self.files) + len(self.jsonl_ids) + len(self.jsonl_bad_lines)


def write_corpus(root: Path, *, seed: int = FUZZ_SEED, files: int = 420, lines: int = 120):
    """Random bytes, mixtures of real sentences and values, hostile front matter, HTML
    and a JSONL file with good and bad lines, written under `root`."""
    rng = random.Random(seed)
    corpus = Corpus(root=root)
    for folder in ("bytes", "mixed"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for n in range(files):
        if n % 5 == 0:
            path = root / "bytes" / f"b{n:03}{rng.choice(['.txt', '.md', '.html', '.jsonl'])}"
            path.write_bytes(_random_bytes(rng))
        else:
            text = _mixture(rng)
            suffix = rng.choice([".txt", ".txt", ".md", ".html"])
            if suffix == ".md" and rng.random() < 0.7:
                text = _front_matter(rng) + text
            elif suffix == ".html":
                if rng.random() < 0.15:  # deeper than libxml2 goes
                    text = "<span>" * rng.randrange(200, 3000) + text
                text = (
                    f"<html><head><title>{rng.choice(SENTENCES)[:50]}</title>"
                    f"<script>var x = '{_money(rng)}';</script><style>p{{}}</style></head>"
                    f"<body><article><p>{text.replace(chr(10) * 2, '</p><p>')}</p></article>"
                    "</body></html>"
                )
            path = root / "mixed" / f"m{n:03}{suffix}"
            path.write_bytes(_encode(rng, text))
        corpus.files.append(path)
    out: list[str] = []
    for number in range(1, lines + 1):
        roll = rng.random()
        if roll < 0.1:
            out.append(rng.choice(["{not json", "[1, 2]", '"text"', "{" * 5000, '{"id": 1}']))
            corpus.jsonl_bad_lines.append(number)
            continue
        doc_id = f"j{number:03}"
        record: dict[str, object] = {"id": doc_id, "text": _mixture(rng)}
        if roll < 0.4:
            record["published"] = rng.choice(["2025-02-14", "9999-12-31", "soon", 20250214, None])
            record["author"] = rng.choice([["A", ["B", ["C"]]], {"name": "D"}, 7, True, "E"])
        if not re.search(r"[^\W\d_]", str(record["text"])):
            corpus.jsonl_bad_lines.append(number)  # no letter: not a document
        else:
            corpus.jsonl_ids.append(doc_id)
        out.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
    corpus.jsonl = root / "lines.jsonl"
    corpus.jsonl.write_text("\n".join(out) + "\n", encoding="utf-8")
    return corpus


# ---------------------------------------------------------------- the pipeline


def facts(*args: str, timeout: float = 400) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FACTS), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    corpus = write_corpus(root / "corpus")
    store = root / "store"
    result = facts("check", *corpus.paths, "--format", "json", "--store", str(store), "-q")
    return corpus, store, result


@pytest.mark.model
def test_fuzz_corpus_runs_to_verdicts_without_a_crash(fuzzed):
    corpus, _, result = fuzzed
    assert corpus.count >= 500
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)  # nothing but data on stdout
    assert report["kind"] == "report"
    source_ids = [s["source_id"] for s in report["sources"]]
    skipped = [s["path"] for s in report["skipped"]]
    assert len(source_ids) == len(set(source_ids))
    # Every generated file is either read (its id is its name in its folder) or
    # skipped with a reason: never both, never neither.
    for path in corpus.files:
        read = path.name in source_ids
        assert read + skipped.count(str(path)) == 1, path
    assert set(corpus.jsonl_ids) <= set(source_ids)
    for number in corpus.jsonl_bad_lines:
        assert f"lines.jsonl: line {number}: " in result.stderr
    assert len(source_ids) == report["documents"]
    assert len(source_ids) + len(skipped) == len(corpus.files) + len(corpus.jsonl_ids)
    for line in result.stderr.splitlines():
        assert line.startswith(("skipped: ", "warning: ")), line


@pytest.mark.model
def test_fuzz_verdicts_are_consistent(fuzzed):
    _, _, result = fuzzed
    report = json.loads(result.stdout)
    known = {s["source_id"] for s in report["sources"]}
    verdicts = report["contradictions"] + report["consensus"] + report["single_source"]
    verdicts += report["automatic"]
    assert verdicts, "a corpus of seed sentences yields some subjects"
    supported = 0
    for verdict in verdicts:
        assert verdict["verdict"] in ("contradiction", "consensus", "single_source")
        assert 0 <= verdict["agreement"] <= 1
        # A tie between the leading values has no consensus, only dissent.
        clusters = [verdict["consensus"]] if verdict["consensus"] else []
        assert clusters or verdict["verdict"] == "contradiction"
        for cluster in clusters + verdict["dissent"]:
            assert set(cluster["sources"]) <= known
            for support in cluster["support"]:
                assert support["source_id"] in known
                assert support["surface"] and support["quote"]
                supported += 1
        if verdict["verdict"] == "contradiction":
            assert verdict["dissent"] and verdict["conflict"]
    # A source that contradicts itself votes once; its other values live in the notes.
    assert supported <= report["claims"] == sum(s["claims"] for s in report["sources"])


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "csv", "md", "html", "jsonl"])
def test_fuzz_corpus_renders_in_every_format(fuzzed, fmt):
    # The cache answers: no parsing, only filing, verdicts and rendering again.
    corpus, store, _ = fuzzed
    result = facts("check", *corpus.paths, "--format", fmt, "--auto", "--store", str(store), "-q")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr + result.stdout
    assert "\x1b" not in result.stdout  # no terminal escapes from the documents
    if fmt == "jsonl":
        for line in result.stdout.splitlines():
            json.loads(line)


@pytest.mark.model
def test_fuzz_store_answers_show_and_topics(fuzzed):
    _, store, _ = fuzzed
    topics = facts("topics", "--format", "json", "--store", str(store))
    assert topics.returncode == 0, topics.stderr
    rows = json.loads(topics.stdout)["topics"]
    assert rows
    for topic in sorted({row["topic"] for row in rows}):
        shown = facts("show", "--topic", topic, "--format", "json", "--store", str(store))
        assert shown.returncode == 0, shown.stderr
        claims = json.loads(shown.stdout)["claims"]
        assert len(claims) == sum(r["claims"] for r in rows if r["topic"] == topic)


# ---------------------------------------------------------------- properties

ANCHORS = st.sampled_from([None, date(2025, 2, 13), date.min, date.max, date(2000, 2, 29)])


@st.composite
def generated_text(draw: st.DrawFn) -> str:
    return _sentence(random.Random(draw(st.integers(0, 2**32))))


TEXT = st.one_of(generated_text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=300))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, ANCHORS, st.floats(0, 1))
def test_value_functions_never_raise_on_generated_text(text, anchor, tolerance):
    spans = find_values(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end
        piece = text[span.start : span.end]
        if span.kind == "date":
            value = parse_date(piece, anchor=anchor)
            assert value is None or value.start <= value.end
    for parse in (parse_count, parse_percent, parse_money):
        value = parse(text, tolerance=tolerance)
        if value is not None:
            widened = with_tolerance(value, tolerance)
            assert widened.kind == value.kind
    value = parse_date(text, anchor=anchor)
    assert value is None or isinstance(value, DateValue)


def test_relative_dates_at_the_end_of_the_calendar_do_not_raise():
    for anchor in (date.max, date(9999, 12, 28)):
        for text in ("this week", "next week", "next year", "tomorrow"):
            parse_date(text, anchor=anchor)


def _parsed_values(text: str, anchor: date, tolerance: float) -> list:
    found = []
    for span in find_values(text):
        piece = text[span.start : span.end]
        if span.kind == "date":
            value = parse_date(piece, anchor=anchor)
        else:
            parse = {"count": parse_count, "percent": parse_percent, "money": parse_money}
            value = parse[span.kind](piece, tolerance=tolerance)
        if value is not None:
            found.append(value)
    return found


@settings(max_examples=200, deadline=None)
@given(generated_text(), generated_text(), st.floats(0, 0.5), st.booleans(), st.booleans())
def test_compare_on_parsed_values_is_symmetric_and_reflexive(left, right, tol, neg_a, neg_b):
    # tests/test_compare.py checks hand-built values with integer bounds; these
    # come out of the parsers, with float bounds, scale words and tolerances.
    anchor = date(2025, 2, 13)
    values = _parsed_values(left, anchor, tol) + _parsed_values(right, anchor, tol)
    for a in values:
        assert compare_values(a, a) is Relation.SAME
        assert compare_values(a, a, a_negated=True, b_negated=True) is Relation.SAME
        for b in values:
            forward = compare_values(a, b, a_negated=neg_a, b_negated=neg_b)
            backward = compare_values(b, a, a_negated=neg_b, b_negated=neg_a)
            assert forward is backward, (a, b)


yaml_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(),
)
yaml_value = st.recursive(
    yaml_scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
FRONT_KEYS = ["title", "author", "authors", "date", "published", "publisher", "url", "source"]


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from(FRONT_KEYS) | st.text(max_size=10), yaml_value),
    TEXT,
)
def test_source_metadata_never_raises_on_any_front_matter(front, text):
    source = source_metadata(text, front, doc_id="d", path="p")
    assert isinstance(source, Source)
    for name in ("title", "author", "publisher", "url"):
        value = getattr(source, name)
        assert value is None or isinstance(value, str)


def test_nested_lists_in_metadata_neither_hang_nor_overflow():
    # A YAML alias bomb: nine levels of nine aliases; following every list took minutes.
    bomb: list = ["lol"] * 9
    for _ in range(8):
        bomb = [bomb] * 9
    deep: list = []
    for _ in range(3000):  # deeper than Python's recursion limit
        deep = [deep]

    def too_slow(*_: object) -> None:
        raise TimeoutError("source_metadata hangs on nested lists")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(10)
    try:
        for value in (bomb, deep, ["Jane Doe", bomb, deep]):
            front = {"author": value, "publisher": value}
            source = source_metadata("Text.", front, doc_id="d", path="p")
            assert source.author in (None, "Jane Doe")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["---\n", "title: x\n", "!!python/object/apply:os.system ['x']\n",
                                 "a: &a [1]\n", "b: [*a, *a]\n", "...\n", ": :\n", "[\n", "\n",
                                 "date: 2025-02-30\n", "Body text.\n", "- item\n", "\t\n"]),
                max_size=12).map("".join))  # fmt: skip
def test_front_matter_splitting_never_raises(text):
    front, body, problem = split_front_matter(text)
    assert front is None or isinstance(front, dict)
    assert isinstance(body, str)
    assert problem is None or "\n" not in problem


@given(st.text(max_size=80))
def test_messages_about_inputs_stay_on_one_line(name):
    shown = printable(name)
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
    assert len(shown.splitlines()) <= 1
    assert printable("café 北京 with space.txt") == "café 北京 with space.txt"


if __name__ == "__main__":  # write the corpus out to look at it
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "fuzz-corpus")
    written = write_corpus(target)
    print(f"{written.count} documents under {target}")
