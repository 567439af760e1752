"""Hostile and messy input through the real `facts` app: nothing crashes, nothing is
lost, nothing runs.

Every hostile document sits in a folder next to a good copy of the shortest seed
article. Each test holds the CLI to DESIGN.md: exit 0 while one usable document
remains (2, with `Error:` and `Hint:`, when none does); the good article's claims
in the JSON report; every unusable input named exactly once on stderr with its
reason; nothing but data on stdout; never a traceback. Tests share one claim
store, so the seed is parsed once; the ones that need their own store say so.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summit_facts import ingest
from summit_facts.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("003_*.txt"))  # the shortest seed article
SEED_ID = SEED.name
FACTS = Path(sys.executable).parent / "facts"

# One article with the letters a legacy encoding can garble: money in euros,
# accents in the quote. Latin-1 has no euro sign, so it says "euros" instead.
ARTICLE = (
    "Paris, Feb 12, 2025\n"
    "\n"
    "Europe made a bold commitment at the summit, pledging an impressive {money} for "
    "the InvestAI initiative.\n"
    "The summit was held at the Grand Palais, where the Élysée said 61 countries signed "
    "the déclaration.\n"
)
EURO_ARTICLE = ARTICLE.format(money="€200 billion")
LATIN1_ARTICLE = ARTICLE.format(money="200 billion euros")


# ---------------------------------------------------------------- helpers


class Run:
    """One `facts` invocation: exit code, stdout, stderr, and the JSON if any."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr
        assert "Traceback" not in stdout + stderr, stdout + stderr

    @property
    def report(self) -> dict[str, Any]:
        return json.loads(self.stdout)  # nothing but data on stdout

    def lines(self, prefix: str) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith(prefix)]

    def __repr__(self) -> str:  # pytest shows this when an assertion fails
        return f"Run(code={self.code}, stderr={self.stderr[-2000:]!r})"


def facts(*args: str | Path, input: str | bytes | None = None) -> Run:
    """The real app, in this process (the model loads once for the whole file)."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash: let pytest show where
    return Run(result.exit_code, result.stdout, result.stderr)


def facts_process(*args: str | Path, timeout: float = 120) -> Run:
    """The real `facts` executable, where a separate process matters."""
    proc = subprocess.run(
        [str(FACTS), *map(str, args)], capture_output=True, text=True, timeout=timeout
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One claim store for the document cases: the seed is parsed once."""
    return tmp_path_factory.mktemp("hostile") / "store"


def folder_with(tmp_path: Path, name: str, content: bytes | str) -> Path:
    """A folder holding the good seed article and the file `name`."""
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / SEED_ID).write_bytes(SEED.read_bytes())
    data = content.encode("utf-8") if isinstance(content, str) else content
    (folder / name).write_bytes(data)
    return folder


def supports(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every claim behind every verdict, flattened, with its subject and value."""
    found = []
    for section in ("contradictions", "consensus", "single_source"):
        for verdict in report[section]:
            clusters = [verdict["consensus"]] if verdict["consensus"] else []
            for cluster in clusters + verdict["dissent"]:
                for support in cluster["support"]:
                    found.append(
                        {**support, "topic": verdict["topic"], "slot": verdict["slot"],
                         "value": cluster["value"]}
                    )  # fmt: skip
    return found


def check(store: Path, *paths: str | Path, options: tuple[str, ...] = ()) -> Run:
    """`facts check --format json` that must succeed with the seed's claims in it."""
    run = facts("check", *paths, "--format", "json", "--store", store, "-q", *options)
    assert run.code == 0, run
    report = run.report
    sources = {s["source_id"]: s for s in report["sources"]}
    assert sources[SEED_ID]["claims"] >= 5
    assert SEED_ID in {s["source_id"] for s in supports(report)}
    assert report["documents"] == len(sources)
    return run


def claims_of(run: Run, source_id: str) -> list[dict[str, Any]]:
    return [s for s in supports(run.report) if s["source_id"] == source_id]


def assert_skipped_once(run: Run, path: Path | str, reason: str) -> None:
    line = f"skipped: {path}: {reason}"
    assert run.lines("skipped: ") == [line], run
    assert run.report["skipped"] == [{"path": str(path), "reason": reason}]


def assert_read_with_warning(run: Run, path: Path, warning: str) -> None:
    assert run.lines("skipped: ") == [], run
    assert run.lines("warning: ") == [f"warning: {path}: {warning}"], run
    assert path.name in {s["source_id"] for s in run.report["sources"]}


# ---------------------------------------------------------------- unreadable bytes


@pytest.mark.model
def test_binary_file(tmp_path, store):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(3000)
    folder = folder_with(tmp_path, "photo.txt", data)
    run = check(store, folder)
    assert_skipped_once(run, folder / "photo.txt", "binary (contains NUL bytes)")


@pytest.mark.model
def test_binary_file_without_nul_bytes(tmp_path, store):
    data = bytes(random.Random(2).randrange(1, 32) for _ in range(3000))
    folder = folder_with(tmp_path, "noise.txt", data)
    run = check(store, folder)
    assert_skipped_once(run, folder / "noise.txt", "binary or undecodable")


@pytest.mark.model
def test_text_with_nul_bytes(tmp_path, store):
    folder = folder_with(tmp_path, "nul.txt", "Sixty countries signed.\x00\x00 It was Paris.")
    run = check(store, folder)
    assert_skipped_once(run, folder / "nul.txt", "binary (contains NUL bytes)")


# ---------------------------------------------------------------- encodings


@pytest.mark.model
def test_invalid_utf8_keeps_the_good_characters(tmp_path, store):
    data = EURO_ARTICLE.encode("utf-8").replace(b"bold", b"b\xffo\xc3ld\xed")
    folder = folder_with(tmp_path, "broken.txt", data)
    run = check(store, folder)
    assert_read_with_warning(
        run,
        folder / "broken.txt",
        "not valid UTF-8: 3 broken byte sequence(s) replaced with U+FFFD",
    )
    claims = claims_of(run, "broken.txt")
    assert any(c["value"].get("currency") == "EUR" for c in claims), claims
    assert any("Élysée" in c["quote"] for c in claims), claims


@pytest.mark.model
def test_utf16_with_byte_order_mark(tmp_path, store):
    folder = folder_with(tmp_path, "wide.txt", EURO_ARTICLE.encode("utf-16"))
    run = check(store, folder)
    assert run.lines("skipped: ") == run.lines("warning: ") == []
    money = [c for c in claims_of(run, "wide.txt") if c["value"]["kind"] == "money"]
    assert [(c["surface"], c["value"]["currency"]) for c in money] == [("€200 billion", "EUR")]


@pytest.mark.model
def test_latin1_accents_and_euros_survive(tmp_path, store):
    folder = folder_with(tmp_path, "latin1.txt", LATIN1_ARTICLE.encode("latin-1"))
    run = check(store, folder)
    assert_read_with_warning(run, folder / "latin1.txt", "not UTF-8; read as Windows-1252 (cp1252)")
    claims = claims_of(run, "latin1.txt")
    money = [c for c in claims if c["value"]["kind"] == "money"]
    assert [(c["surface"], c["value"]["currency"]) for c in money] == [("200 billion euros", "EUR")]
    assert any("the Élysée said 61 countries signed the déclaration" in c["quote"] for c in claims)


@pytest.mark.model
def test_cp1252_euro_sign_survives_into_a_money_claim(tmp_path, store):
    text = EURO_ARTICLE.replace("the InvestAI", "the “InvestAI”")  # cp1252 curly quotes
    folder = folder_with(tmp_path, "windows.txt", text.encode("cp1252"))
    run = check(store, folder)
    assert_read_with_warning(
        run, folder / "windows.txt", "not UTF-8; read as Windows-1252 (cp1252)"
    )
    claims = claims_of(run, "windows.txt")
    money = [c for c in claims if c["value"]["kind"] == "money"]
    assert len(money) == 1, claims
    assert money[0]["surface"] == "€200 billion"
    assert money[0]["value"]["currency"] == "EUR"
    assert money[0]["value"]["nominal"] == 200_000_000_000
    assert "pledging an impressive €200 billion for the “InvestAI” initiative" in money[0]["quote"]
    assert any("Élysée" in c["quote"] for c in claims)


@pytest.mark.model
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_line_ends(tmp_path, store, newline):
    folder = folder_with(tmp_path, "dos.txt", EURO_ARTICLE.replace("\n", newline))
    run = check(store, folder)
    assert run.lines("skipped: ") == run.lines("warning: ") == []
    claims = claims_of(run, "dos.txt")
    assert {(c["topic"], c["slot"]) for c in claims} >= {("signatories", "count")}
    # The dateline is still a line of its own, so it still dates the source.
    source = next(s for s in run.report["sources"] if s["source_id"] == "dos.txt")
    assert source["published"] == "2025-02-12"
    assert not any("\r" in c["quote"] for c in claims)


# ---------------------------------------------------------------- empty, large, long


@pytest.mark.model
def test_empty_file(tmp_path, store):
    folder = folder_with(tmp_path, "empty.txt", b"")
    assert_skipped_once(check(store, folder), folder / "empty.txt", "empty file")


@pytest.mark.model
def test_whitespace_only_file(tmp_path, store):
    folder = folder_with(tmp_path, "blank.md", " \n\t\r\n  \u00a0\n")
    assert_skipped_once(check(store, folder), folder / "blank.md", "only whitespace")


@pytest.mark.model
def test_single_five_megabyte_line(tmp_path, store):
    line = "Sixty countries signed the declaration in Paris. " * 100_000  # 5 MB, no newline
    folder = folder_with(tmp_path, "long.txt", line)
    # A separate process with a timeout: whatever handles 5 MB must never hang the suite.
    run = facts_process("check", folder, "--format", "json", "--store", store, "-q", timeout=90)
    assert run.code == 0, run
    report = run.report
    read = "long.txt" in {s["source_id"] for s in report["sources"]}
    skipped = [s for s in report["skipped"] if s["path"] == str(folder / "long.txt")]
    assert read + len(skipped) == 1
    assert len(run.lines("skipped: ")) == len(skipped)
    if skipped:  # too long for the language model: the reason says which limit
        assert re.search(r"\d", skipped[0]["reason"]), skipped
    assert SEED_ID in {s["source_id"] for s in report["sources"]}


@pytest.mark.model
def test_file_over_the_size_limit_names_the_limit(tmp_path, store):
    folder = folder_with(tmp_path, "big.txt", "Leaders met in Paris. " * 500)  # 11 kB
    run = check(store, folder, options=("--max-bytes", "4000"))  # the seed is 2.9 kB
    assert_skipped_once(run, folder / "big.txt", "larger than the 4 kB limit (--max-bytes)")


# ---------------------------------------------------------------- folders, links, names


@pytest.mark.model
def test_deeply_nested_folders(tmp_path, store):
    folder = folder_with(tmp_path, "placeholder.txt", EURO_ARTICLE)
    (folder / "placeholder.txt").unlink()
    deep = folder.joinpath(*[f"level{i}" for i in range(60)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(EURO_ARTICLE, encoding="utf-8")
    run = check(store, folder)
    deep_id = "/".join(f"level{i}" for i in range(60)) + "/deep.txt"
    assert run.lines("skipped: ") == run.lines("warning: ") == []
    assert claims_of(run, deep_id)


@pytest.mark.model
def test_folder_deeper_than_the_path_limit_is_skipped_with_a_reason(tmp_path, store):
    folder = folder_with(tmp_path, "placeholder.txt", EURO_ARTICLE)
    (folder / "placeholder.txt").unlink()
    # Built one level at a time: the whole path is longer than PATH_MAX (4096).
    fd = os.open(folder, os.O_RDONLY)
    name = "d" * 200
    try:
        for _ in range(25):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        note = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(note, EURO_ARTICLE.encode())
        os.close(note)
    finally:
        os.close(fd)
    run = check(store, folder)
    [line] = run.lines("skipped: ")
    assert line.endswith(": unreadable (file name too long)"), line
    assert len(run.report["skipped"]) == 1


@pytest.mark.model
def test_symlink_loops_are_reported_once_each(tmp_path, store):
    folder = folder_with(tmp_path, "placeholder.txt", EURO_ARTICLE)
    (folder / "placeholder.txt").unlink()
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")
    (folder / "self").symlink_to("self")
    run = check(store, folder)
    assert sorted(run.lines("skipped: ")) == [
        f"skipped: {folder / 'self'}: symlink loop",
        f"skipped: {folder / 'sub' / 'up'}: symlink loop",
    ]
    assert [s["source_id"] for s in run.report["sources"]] == [SEED_ID]  # read once


@pytest.mark.model
def test_file_without_read_permission(tmp_path, store):
    folder = folder_with(tmp_path, "secret.txt", EURO_ARTICLE)
    (folder / "secret.txt").chmod(0)
    try:
        if os.access(folder / "secret.txt", os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        run = check(store, folder)
        assert_skipped_once(run, folder / "secret.txt", "unreadable (permission denied)")
    finally:
        (folder / "secret.txt").chmod(0o644)


@pytest.mark.model
def test_file_without_read_permission_even_as_root(tmp_path, store, monkeypatch):
    folder = folder_with(tmp_path, "secret.txt", EURO_ARTICLE)
    real_open = open

    def denied(path, *args, **kwargs):  # what open() does for a user without rights
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", denied, raising=False)
    run = check(store, folder)
    assert_skipped_once(run, folder / "secret.txt", "unreadable (permission denied)")


@pytest.mark.model
def test_names_with_spaces_non_ascii_letters_and_newlines(tmp_path, store):
    names = ["with space.txt", "café ünïcødé 北京.txt", "new\nline.txt"]
    folder = folder_with(tmp_path, names[0], EURO_ARTICLE)
    for name in names[1:]:
        (folder / name).write_text(EURO_ARTICLE, encoding="utf-8")
    # An unusable file whose name would forge a second message if printed as is.
    (folder / "empty.txt\nskipped: forged.txt").write_bytes(b"")
    run = check(store, folder)
    for name in names:
        assert claims_of(run, name), name
    assert run.lines("skipped: ") == [
        f"skipped: {folder}/empty.txt\\nskipped: forged.txt: empty file"
    ]
    assert run.report["skipped"] == [
        {"path": str(folder / "empty.txt\nskipped: forged.txt"), "reason": "empty file"}
    ]


@pytest.mark.model
def test_names_with_an_escape_sequence_are_shown_escaped_and_never_lost(tmp_path, store):
    # Two copies of the seed whose names a terminal would act on: the table shows
    # each escaped, on a line of its own; JSON keeps the exact names.
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = {"evil\x1b[31mred.txt": "evil\\x1b[31mred.txt", "new\nline.txt": "new\\nline.txt"}
    for name in names:
        (folder / name).write_bytes(SEED.read_bytes())
    table = facts("check", folder, "--store", store, "-q")
    assert table.code == 0, table
    assert "\x1b" not in table.stdout
    sources = table.stdout[table.stdout.index("Sources (2)") :].splitlines()
    for name, shown in names.items():
        assert any(line.startswith(shown + " ") for line in sources), (name, sources)
    run = facts("check", folder, "--store", store, "-q", "--format", "json")
    assert set(names) == {s["source_id"] for s in run.report["sources"]}
    assert set(names) == {s["source_id"] for s in supports(run.report)}
    for fmt in ("csv", "md", "html"):
        out = facts("check", folder, "--store", store, "-q", "--format", fmt).stdout
        assert "\x1b" not in out and "\\x1b" in out, fmt
    listed = facts("extract", folder, "--store", store, "-q").stdout
    assert all(shown in listed for shown in names.values()) and "\x1b" not in listed


# ---------------------------------------------------------------- formats


HTML_PAGE = """<!doctype html>
<html><head><title>Paris summit wraps up</title>
<style>body { margin: 0 } .price::after { content: "777 countries" }</style>
<script>var pledge = "$999 billion"; alert("33 countries signed");</script>
<script type="application/ld+json">{"headline": "5,000 delegates"}</script>
</head><body onload="track(404)">
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Paris summit wraps up</h1>
<p>Europe made a bold commitment at the summit, pledging an impressive €200 billion for
the InvestAI initiative.</p>
<script>document.write("888 nations");</script>
<template><p>Exactly 444 countries signed the template.</p></template>
<p>The summit was held at the Grand Palais, where 61 countries signed the declaration.</p>
<style>p { color: red }</style>
</article>
<footer>© 2025 Example News. 123 cookies accepted.</footer>
</body></html>
"""


PLANTED = ("777", "999", "33 countries", "5,000", "888", "444", "404", "alert", "color")


@pytest.mark.model
def test_html_full_of_scripts_and_styles(tmp_path, store):
    folder = folder_with(tmp_path, "page.html", HTML_PAGE)
    run = check(store, folder)
    assert run.lines("skipped: ") == run.lines("warning: ") == []
    claims = claims_of(run, "page.html")
    surfaces = {c["surface"] for c in claims}
    assert {"€200 billion", "61"} <= surfaces, surfaces
    for claim in claims:
        for planted in PLANTED:
            assert planted not in claim["quote"], claim["quote"]


@pytest.mark.model
def test_html_nested_deeper_than_libxml2_allows_is_still_read(tmp_path, store):
    # 20,000 unclosed inline tags: libxml2 stops at depth 256 and trafilatura finds nothing.
    page = (
        "<html><head><script>var x = '$999 billion';</script></head><body>"
        + "<b><i><span>" * 20_000
        + "<p>Europe pledged an impressive €200 billion for the InvestAI initiative.</p>"
        + "<script>document.write('777 countries')</script><style>p { color: red }</style>"
        + "<p>The summit was held at the Grand Palais, where 61 countries signed.</p>"
    )
    folder = folder_with(tmp_path, "deep.html", page)
    run = check(store, folder)
    assert_read_with_warning(
        run,
        folder / "deep.html",
        "main-text extraction found nothing (tags nested too deeply?); read all its visible text",
    )
    claims = claims_of(run, "deep.html")
    assert {"€200 billion", "61"} <= {c["surface"] for c in claims}
    for claim in claims:
        assert not re.search(r"999|777|color|<", claim["quote"]), claim["quote"]


@pytest.mark.model
def test_html_comment_left_open_hides_the_rest_as_in_a_browser(tmp_path, store):
    page = "<html><body><!-- to do " + "x" * 10_000 + "<p>Sixty countries signed.</p>"
    folder = folder_with(tmp_path, "open-comment.html", page)
    assert_skipped_once(check(store, folder), folder / "open-comment.html", "no text")


@pytest.mark.model
def test_malformed_yaml_front_matter_keeps_the_body(tmp_path, store):
    text = "---\ntitle: [unclosed\nauthor: : :\n---\n" + EURO_ARTICLE
    folder = folder_with(tmp_path, "broken.md", text)
    run = check(store, folder)
    [warning] = run.lines("warning: ")
    assert warning.startswith(f"warning: {folder / 'broken.md'}: front matter is not valid YAML")
    assert warning.endswith("; read as plain text")
    assert any(c["value"]["kind"] == "money" for c in claims_of(run, "broken.md"))


@pytest.mark.model
def test_python_tags_in_front_matter_never_run(tmp_path, store):
    marker = tmp_path / "created-by-yaml"
    text = (
        "---\n"
        f"title: !!python/object/apply:builtins.open [{str(marker)!r}, 'w']\n"
        f"author: !!python/object/apply:os.system ['touch {marker}']\n"
        f"publisher: !!python/object/new:pathlib.Path [{str(marker)!r}]\n"
        "---\n" + EURO_ARTICLE
    )
    folder = folder_with(tmp_path, "tagged.md", text)
    run = check(store, folder)
    assert not marker.exists()
    [warning] = run.lines("warning: ")
    assert "could not determine a constructor for the tag" in warning
    assert claims_of(run, "tagged.md")


@pytest.mark.model
def test_jsonl_with_malformed_lines_keeps_the_rest(tmp_path, store):
    lines = [
        json.dumps({"id": "first", "text": EURO_ARTICLE, "publisher": "Wire"}),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "Headline only"}),
        "",
        "{" * 100_000,  # nesting beyond any recursion limit
        json.dumps({"id": "last", "text": LATIN1_ARTICLE, "author": [["deeply"] * 3] * 3}),
    ]
    folder = folder_with(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    run = check(store, folder)
    path = folder / "feed.jsonl"
    assert run.lines("warning: ") == [
        f"warning: {path}: line 2: not valid JSON",
        f"warning: {path}: line 3: not a JSON object",
        f'warning: {path}: line 4: no "text" to read',
        f"warning: {path}: line 6: not valid JSON",
    ]
    assert run.lines("skipped: ") == []
    assert claims_of(run, "first") and claims_of(run, "last")


@pytest.mark.model
def test_stdin_article_is_a_document(store):
    run = facts(
        "check", "-", "--format", "json", "--store", store, "-q", input=EURO_ARTICLE.encode()
    )
    assert run.code == 0, run
    assert {s["source_id"] for s in supports(run.report)} == {"stdin"}


@pytest.mark.model
def test_stdin_named_twice_is_read_once(store):
    run = facts(
        "check", "-", SEED, "-", "--format", "json", "--store", store, "-q", input=EURO_ARTICLE
    )
    assert run.code == 0, run
    assert [s["source_id"] for s in run.report["sources"]] == ["stdin", SEED_ID]
    assert run.lines("skipped: ") == []


@pytest.mark.parametrize("stdin", [b"", EURO_ARTICLE.encode()])
def test_negative_max_bytes_is_a_usage_error(store, stdin):
    run = facts("check", "-", SEED, "--max-bytes", "-5", "--store", store, input=stdin)
    assert run.code == 2, run
    assert run.lines("Error: ") == ["Error: --max-bytes must be 0 or more, not -5"]
    assert len(run.lines("Hint: ")) == 1


def test_empty_stdin_is_an_input_error(store):
    run = facts("check", "-", "--format", "json", "--store", store, "-q", input=b"")
    assert run.code == 2, run
    assert run.stdout == ""
    assert run.lines("skipped: ") == ["skipped: -: empty input"]
    assert run.lines("Error: ") == ["Error: no usable documents in -"]
    assert len(run.lines("Hint: ")) == 1


def test_no_usable_document_at_all_is_an_input_error(tmp_path, store):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"\x00" * 100)
    (folder / "lines.jsonl").write_text("{broken\n")
    run = facts("check", folder, "--format", "json", "--store", store, "-q")
    assert run.code == 2, run
    assert run.stdout == ""
    assert sorted(run.lines("skipped: ")) == [
        f"skipped: {folder / 'blob.txt'}: binary (contains NUL bytes)",
        f"skipped: {folder / 'empty.txt'}: empty file",
        f"skipped: {folder / 'lines.jsonl'}: no usable lines",
    ]
    assert run.lines("warning: ") == [f"warning: {folder / 'lines.jsonl'}: line 1: not valid JSON"]
    assert run.lines("Error: ") == [f"Error: no usable documents in {folder}"]
    assert run.lines("Hint: ") == [
        "Hint: give files or folders of .txt, .md, .html, .jsonl or .pdf articles"
    ]


# ---------------------------------------------------------------- options and paths


def test_unknown_format_is_a_usage_error(store):
    run = facts("check", SEED, "--format", "xml", "--store", store)
    assert run.code == 2, run
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "Error: unknown --format value 'xml'",
        "Hint: use --format table, json, jsonl, csv, md or html",
    ]


def test_nonexistent_path_alone_is_an_input_error(tmp_path, store):
    missing = tmp_path / "nowhere"
    run = facts("check", missing, "--format", "json", "--store", store)
    assert run.code == 2, run
    assert run.lines("skipped: ") == [f"skipped: {missing}: no such file or folder"]
    assert run.lines("Error: ") == [f"Error: no usable documents in {missing}"]
    assert len(run.lines("Hint: ")) == 1


@pytest.mark.model
def test_nonexistent_path_beside_a_good_one_is_skipped(tmp_path, store):
    missing = tmp_path / "nowhere.txt"
    run = check(store, missing, SEED)
    assert_skipped_once(run, missing, "no such file or folder")


def test_topic_typo_names_the_topic_before_reading_anything(tmp_path, store):
    # The path does not exist: the topic is checked first, without loading the model.
    run = facts("check", tmp_path / "nowhere", "--topic", "signatorie", "--store", store)
    assert run.code == 2, run
    assert run.lines("Error: ") == ["Error: unknown topic 'signatorie'"]
    assert run.lines("Hint: ") == ["Hint: did you mean 'signatories'?"]
    assert run.lines("skipped: ") == []


def test_show_with_a_topic_typo_and_a_path_fails_before_parsing(tmp_path, store):
    run = facts("show", "--topic", "signatorie", tmp_path / "nowhere", "--store", store)
    assert run.code == 2, run
    assert run.lines("Hint: ") == ["Hint: did you mean 'signatories'?"]


def test_show_on_a_store_that_does_not_exist_says_run_check_and_creates_nothing(tmp_path):
    where = tmp_path / "no" / "store"
    run = facts("show", "--topic", "summit", "--store", where)
    assert run.code == 2, run
    assert run.lines("Error: ") == [f"Error: no claim store at {where} yet"]
    assert "facts check" in run.lines("Hint: ")[0]
    assert not (tmp_path / "no").exists()  # reading leaves nothing behind


def test_show_and_topics_on_an_empty_store_say_run_check(tmp_path):
    from summit_facts.store import Store

    Store.open(tmp_path / "store").close()  # a store that never saw a check
    for args in (("show", "--topic", "x"), ("topics",)):
        run = facts(*args, "--store", tmp_path / "store")
        assert run.code == 2, run
        assert run.lines("Error: ") == ["Error: the claim store holds no completed check yet"]
        assert run.lines("Hint: ") == [
            "Hint: run `facts check PATH...` first, or give PATH to this command"
        ]


@pytest.mark.model
def test_show_with_paths_reports_what_it_skipped(tmp_path):
    folder = folder_with(tmp_path, "empty.txt", b"")
    run = facts("show", "--topic", "funding", folder, "--format", "json", "--store", tmp_path / "s")
    assert run.code == 0, run
    assert run.lines("skipped: ") == [f"skipped: {folder / 'empty.txt'}: empty file"]
    assert {c["source"]["id"] for c in run.report["claims"]} == {SEED_ID}


# ---------------------------------------------------------------- the claim store


@pytest.mark.parametrize("command", ["check", "show", "topics"])
def test_store_path_that_is_a_regular_file(tmp_path, command):
    store_file = tmp_path / "store"
    store_file.write_text("not a folder\n")
    args = {"check": ("check", SEED), "show": ("show", "--topic", "summit"), "topics": ("topics",)}
    run = facts(*args[command], "--store", store_file)
    assert run.code == 2, run
    assert run.stdout == ""
    assert run.lines("Error: ") == [
        f"Error: the claim store location {store_file} is a file, not a folder"
    ]
    assert run.lines("Hint: ") == [
        "Hint: --store and FACTS_STORE name a folder; the database inside it is claims.sqlite3"
    ]
    assert store_file.read_text() == "not a folder\n"


@pytest.mark.parametrize("command", ["check", "show", "topics"])
def test_store_that_is_not_sqlite(tmp_path, command):
    folder = tmp_path / "store"
    folder.mkdir()
    junk = b"PK\x03\x04 this is a zip file, not a database" * 100
    (folder / "claims.sqlite3").write_bytes(junk)
    args = {"check": ("check", SEED), "show": ("show", "--topic", "summit"), "topics": ("topics",)}
    run = facts(*args[command], "--store", folder)
    assert run.code == 2, run
    assert run.lines("Error: ") == [f"Error: {folder / 'claims.sqlite3'} is not an SQLite database"]
    assert "--store" in run.lines("Hint: ")[0]
    assert (folder / "claims.sqlite3").read_bytes() == junk


def test_store_written_by_a_newer_schema(tmp_path):
    from summit_facts.store import Store

    folder = tmp_path / "store"
    Store.open(folder).close()
    con = sqlite3.connect(folder / "claims.sqlite3")
    con.execute("PRAGMA user_version = 999")
    con.close()
    for args in (("topics",), ("show", "--topic", "summit"), ("check", SEED)):
        run = facts(*args, "--store", folder)
        assert run.code == 2, run
        assert run.lines("Error: ") == [
            f"Error: the claim store at {folder / 'claims.sqlite3'} was written by a newer "
            "summit-facts (schema 999; this one reads 1)"
        ]
        assert "upgrade summit-facts" in run.lines("Hint: ")[0]
    con = sqlite3.connect(folder / "claims.sqlite3")
    assert con.execute("PRAGMA user_version").fetchone() == (999,)  # left untouched
    con.close()


@pytest.mark.model
def test_a_check_without_usable_documents_keeps_the_last_good_run(tmp_path):
    store = tmp_path / "store"
    check(store, SEED)
    before = facts("topics", "--format", "json", "--store", store).report
    assert before["topics"]
    failed = facts("check", tmp_path / "nowhere", "--store", store, "-q")
    assert failed.code == 2, failed
    assert facts("topics", "--format", "json", "--store", store).report == before


def _small_corpus(folder: Path, count: int, *, seed: int) -> None:
    """`count` short articles made of seed sentences; the first is the seed itself."""
    sentences = [
        s
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
        if 30 < len(s) < 300
    ]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    (folder / SEED_ID).write_bytes(SEED.read_bytes())
    for n in range(1, count):
        (folder / f"a{n:03}.txt").write_text(" ".join(rng.sample(sentences, 3)), encoding="utf-8")


@pytest.mark.model
def test_two_checks_at_once_on_one_store(tmp_path):
    store = tmp_path / "store"  # not there yet: both processes race to create it
    _small_corpus(tmp_path / "one", 3, seed=1)
    _small_corpus(tmp_path / "two", 4, seed=2)
    args = ["--format", "json", "--store", str(store), "-q", "-j", "1"]
    procs = [
        subprocess.Popen(
            [str(FACTS), "check", str(tmp_path / name), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    runs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        runs.append(Run(proc.returncode, out, err))
    for run in runs:
        assert run.code == 0, run
    topics = facts("topics", "--format", "json", "--store", store)
    assert topics.code == 0, topics
    # The store holds one of the two runs, whole: its claim counts add up to that run's.
    stored = sum(row["claims"] for row in topics.report["topics"])
    assert stored in {run.report["claims"] for run in runs}
    shown = facts("show", "--topic", "summit", "--format", "json", "--store", store)
    assert shown.code == 0, shown
    assert shown.report["claims"]


def _cached_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT COUNT(*) FROM doc_cache").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


@pytest.mark.model
def test_check_killed_half_way_leaves_a_store_the_next_check_can_use(tmp_path):
    store = tmp_path / "store"
    corpus = tmp_path / "corpus"
    _small_corpus(corpus, 100, seed=3)  # two windows of documents: the first gets cached
    proc = subprocess.Popen(
        [str(FACTS), "check", str(corpus), "--format", "json", "--store", str(store), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its parser workers share its process group
    )
    try:
        # Half-way: once the first window of documents is parsed and cached, or at
        # the latest 2.5 s after the store appears (model loaded, parsing under way).
        db = store / "claims.sqlite3"
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                deadline = min(deadline, time.monotonic() + 2.5)
                if _cached_documents(db):
                    break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the orphaned workers, if any
    assert proc.returncode == -signal.SIGKILL
    assert _cached_documents(store / "claims.sqlite3") < 100
    # Killed before saving: no run yet, and reading says so rather than failing.
    empty = facts("topics", "--store", store)
    assert empty.code == 2 and empty.lines("Error: ") == [
        "Error: the claim store holds no completed check yet"
    ], empty
    run = check(store, corpus, options=("-j", "1"))
    assert len(run.report["sources"]) == 100
    shown = facts("show", "--topic", "summit", "--format", "json", "--store", store)
    assert shown.code == 0, shown
    assert {c["topic"] for c in shown.report["claims"]} == {"summit"}
    assert SEED_ID in {c["source"]["id"] for c in shown.report["claims"]}


# ---------------------------------------------------------------- rule files


RULE_CASES = {
    "malformed YAML": ("broken.yaml", "id: broken\ntopic: broken\nslots: [unclosed\n"),
    "unknown key": (
        "extra.yaml",
        "id: extra\ntopic: extra\ncolour: blue\nslots:\n  size:\n    kind: count\n",
    ),
    "wrong value kind": (
        "kindy.yaml",
        "id: kindy\ntopic: kindy\nslots:\n  size:\n    kind: weight\n",
    ),
    "invalid pattern": (
        "pat.yaml",
        "id: Bad Id\ntopic: pat\nslots:\n  size:\n    kind: count\n"
        "    require: [{words: ['a$b']}]\n",
    ),
    "duplicate id": ("zz_copy.yaml", "id: summit\ntopic: copy\nslots:\n  size:\n    kind: count\n"),
    "undefined topic": ("al.yaml", "id: al\naliases:\n  nosuchtopic:\n    x: {names: [y]}\n"),
    "unknown term": (
        "tt.yaml",
        "id: tt\ntopic: tt\nslots:\n  size:\n    kind: count\n    require: [{words: [$nosuch]}]\n",
    ),
    "python tag": (
        "py.yaml",
        "id: py\ntopic: !!python/object/apply:os.system ['touch {marker}']\n",
    ),
}
RULE_PROBLEMS = {
    "malformed YAML": ":4: not valid YAML: expected ',' or ']', but got '<stream end>'",
    "unknown key": ":3: colour: Extra inputs are not permitted",
    "wrong value kind": ":5: slots.size.kind: Input should be 'count', 'percent', 'money', 'date',",
    "invalid pattern": ":1: id: String should match pattern",
    "duplicate id": ":1: id: duplicate rule id 'summit' (also in ",
    "undefined topic": ": aliases.nosuchtopic: topic 'nosuchtopic' is not defined by any rule file",
    "unknown term": ": slots.size.require.0: unknown term $nosuch",
    "python tag": ":2: not valid YAML: could not determine a constructor for the tag",
}


@pytest.fixture
def rules_with(tmp_path: Path):
    def make(name: str, text: str) -> Path:
        rules = tmp_path / "rules"
        rules.mkdir()
        for path in (ROOT / "rules").rglob("*.yaml"):
            target = rules / path.relative_to(ROOT / "rules")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        (rules / name).write_text(text.replace("{marker}", str(tmp_path / "ran")))
        return rules

    return make


@pytest.mark.parametrize("case", list(RULE_CASES))
def test_rule_file_errors_name_the_file_and_line(tmp_path, rules_with, case):
    name, text = RULE_CASES[case]
    rules = rules_with(name, text)
    for args in (("rules", "check"), ("check", SEED, "--store", tmp_path / "s")):
        run = facts(*args, "--rules", rules)
        assert run.code == 2, run
        assert run.stdout == ""
        assert re.match(r"Error: \d+ problem\(s\) in the rule files under ", run.stderr)
        assert f"  {rules / name}{RULE_PROBLEMS[case]}" in run.stderr
        assert run.lines("Hint: ") == [
            "Hint: fix the listed lines; `facts rules schema` prints the format"
        ]
    assert not (tmp_path / "ran").exists()


@pytest.mark.parametrize("kind", ["folder", "dangling link"])
def test_rules_folder_with_a_non_file_named_yaml(tmp_path, rules_with, kind):
    rules = rules_with("ok.yaml", "id: ok\nterms: {x: [y]}\n")
    if kind == "folder":
        (rules / "old.yaml").mkdir()
    else:
        (rules / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    run = facts("rules", "check", "--rules", rules)
    assert run.code in (0, 2), run


def test_a_rules_folder_too_deep_to_list_is_one_problem_not_a_traceback(tmp_path, rules_with):
    rules = rules_with("ok.yaml", "id: ok\nterms: {x: [y]}\n")
    # Folders nested past the system's path length (PATH_MAX): made one level at a
    # time through file descriptors, as no single path may name the deepest one.
    fd = os.open(rules, os.O_RDONLY)
    try:
        for _ in range(80):
            os.mkdir("d" * 70, dir_fd=fd)
            inner = os.open("d" * 70, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
    finally:
        os.close(fd)
    for args in (("rules", "check"), ("check", SEED, "--store", tmp_path / "s")):
        run = facts(*args, "--rules", rules)
        assert run.code == 2, run
        assert "Traceback" not in run.stderr
        assert len(run.lines("  ")) == 1 and "cannot list this folder" in run.stderr, run


def test_progress_in_a_log_is_one_line_at_the_end(tmp_path):
    # stderr captured (no terminal): the running count is written once, not per file.
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(7):
        (folder / f"d{n}.txt").write_text(f"Sixty countries signed the accord, report {n}.\n")
    run = facts_process("check", folder, "--store", tmp_path / "s", "--format", "json")
    assert run.code == 0, run
    assert run.lines("read ") == ["read 7 · parsed 7 · cached 0 · skipped 0"], run
