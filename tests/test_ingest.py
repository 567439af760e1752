"""Ingest: every kind of bad input sits next to a good article, and only the bad one is
reported, exactly once, with its reason. Hostile files are made in tmp_path."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import types
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit_facts import ingest
from summit_facts.ingest import DEFAULT_MAX_BYTES, iter_inputs, other_kind
from summit_facts.models import Document, Notice, Skipped

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

GOOD = (
    "Sixty countries signed the Paris declaration on artificial intelligence.\n"
    "The United States and the United Kingdom did not sign it.\n"
)


def collect(paths, **options) -> tuple[list[Document], list[Skipped], list[Notice]]:
    items = list(iter_inputs([str(path) for path in paths], **options))
    assert all(isinstance(item, Document | Skipped | Notice) for item in items)
    docs = [item for item in items if isinstance(item, Document)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    notices = [item for item in items if isinstance(item, Notice)]
    return docs, skipped, notices


def folder_with(tmp_path: Path, name: str, content: bytes | str) -> Path:
    """A folder holding one good article and `name`."""
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    data = content.encode("utf-8") if isinstance(content, str) else content
    (folder / name).write_bytes(data)
    return folder


def assert_skipped_once(folder: Path, name: str, reason: str, **options) -> None:
    docs, skipped, notices = collect([folder], **options)
    assert [doc.source.id for doc in docs] == ["good.txt"]
    assert docs[0].text == GOOD
    assert skipped == [Skipped(path=str(folder / name), reason=reason)]
    assert notices == []


def only_doc(folder: Path, name: str) -> tuple[Document, list[Notice]]:
    docs, skipped, notices = collect([folder])
    assert skipped == []
    assert sorted(doc.source.id for doc in docs) == sorted(["good.txt", name])
    return next(doc for doc in docs if doc.source.id == name), notices


# ---------------------------------------------------------------- the seeds


def test_seeds_folder_gives_five_documents_with_their_metadata():
    docs, skipped, notices = collect([SEEDS])
    assert (skipped, notices) == ([], [])
    by_id = {doc.source.id: doc.source for doc in docs}
    assert list(by_id) == sorted(path.name for path in SEEDS.glob("*.txt"))
    got = {
        name[:3]: (source.publisher, source.author, source.published)
        for name, source in by_id.items()
    }
    assert got == {
        "000": ("magick.ai", "David Jenkins", date(2025, 2, 13)),
        "001": ("magick.ai", "David Jenkins", date(2025, 2, 13)),
        "002": ("goover", None, date(2025, 3, 18)),
        "003": (None, None, None),
        "004": ("Data for Policy CIC", None, date(2025, 2, 14)),
    }
    first = docs[0]
    assert first.source.path == str(SEEDS / "000_0f5d428d2bf41162.txt")
    # The front matter's headline is read as the text's first line, then the body.
    headline, _, body = first.text.partition("\n\n")
    assert headline == first.source.title and headline.startswith("Global Leaders Unite")
    assert "publish_date" not in first.text and body.lstrip().startswith("The dawn of 2025")


def test_seed_file_given_directly_is_named_by_its_file_name():
    path = SEEDS / "003_1795fc36fba7d6ed.txt"
    docs, _, _ = collect([path])
    assert docs[0].source.id == "003_1795fc36fba7d6ed.txt"
    assert docs[0].source.path == str(path)


# ---------------------------------------------------------------- binary and encodings


def test_binary_file_is_skipped(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    folder = folder_with(tmp_path, "image.txt", png)
    assert_skipped_once(folder, "image.txt", "binary (contains NUL bytes)")


def test_binary_without_nul_bytes_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "noise.txt", bytes(range(1, 32)) * 50 + b"\x7f\x81" * 100)
    assert_skipped_once(folder, "noise.txt", "binary or undecodable")


def test_text_with_nul_bytes_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "nul.txt", b"Leaders met in Paris.\x00\x00 More text here.")
    assert_skipped_once(folder, "nul.txt", "binary (contains NUL bytes)")


def test_invalid_utf8_keeps_the_good_characters_and_says_so(tmp_path):
    data = "Le café de l’Élysée accueille le sommet. ".encode() * 3 + b"Broken \xff\xfe byte."
    folder = folder_with(tmp_path, "broken.txt", data)
    doc, notices = only_doc(folder, "broken.txt")
    assert "café de l’Élysée" in doc.text and "\ufffd" in doc.text
    assert notices == [
        Notice(
            path=str(folder / "broken.txt"),
            message="not valid UTF-8: 2 broken byte sequence(s) replaced with U+FFFD",
        )
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_byte_order_mark(tmp_path, codec):
    text = "Le sommet de Paris a coûté 400 millions d’euros (€).\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    doc, notices = only_doc(folder_with(tmp_path, "unicode.txt", data), "unicode.txt")
    assert doc.text == text
    assert notices == []


def test_latin1_accents_survive(tmp_path):
    data = "Le président français a ouvert le sommet à Paris.".encode("latin-1")
    doc, notices = only_doc(folder_with(tmp_path, "latin1.txt", data), "latin1.txt")
    assert doc.text == "Le président français a ouvert le sommet à Paris."
    assert [notice.message for notice in notices] == ["not UTF-8; read as Windows-1252 (cp1252)"]


def test_cp1252_euro_sign_and_quotes_survive(tmp_path):
    data = "Europe pledged €200 billion, the “largest” sum; café.".encode("cp1252")
    doc, notices = only_doc(folder_with(tmp_path, "cp1252.txt", data), "cp1252.txt")
    assert doc.text == "Europe pledged €200 billion, the “largest” sum; café."
    assert len(notices) == 1


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    data = "Café crème au sommet.".encode("latin-1") + b"\x81"
    doc, notices = only_doc(folder_with(tmp_path, "odd.txt", data), "odd.txt")
    assert doc.text.startswith("Café crème au sommet.")
    assert [notice.message for notice in notices] == ["not UTF-8; read as Latin-1"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_become_lf(tmp_path, newline):
    data = newline.join(["Paris summit", "", "Leaders met in Paris.", ""])
    doc, _ = only_doc(folder_with(tmp_path, "dos.txt", data), "dos.txt")
    assert doc.text == "Paris summit\n\nLeaders met in Paris.\n"


# ---------------------------------------------------------------- empty, huge, limits


def test_empty_file_is_skipped(tmp_path):
    assert_skipped_once(folder_with(tmp_path, "empty.txt", b""), "empty.txt", "empty file")


def test_whitespace_only_file_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "blank.md", " \n\t\r\n  \n")
    assert_skipped_once(folder, "blank.md", "only whitespace")


def test_text_without_letters_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "numbers.txt", "2025 - 60 - 100 %\n€ 200\n")
    assert_skipped_once(folder, "numbers.txt", "no text")


def test_single_five_megabyte_line_is_read_quickly(tmp_path):
    line = "Sixty countries signed the declaration in Paris. " * 100_000  # ~5 MB, no newline
    started = time.perf_counter()
    doc, _ = only_doc(folder_with(tmp_path, "long.txt", line), "long.txt")
    assert doc.text == line
    assert time.perf_counter() - started < 10


def test_file_over_the_size_limit_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "big.txt", "Leaders met in Paris. " * 100)
    assert_skipped_once(
        folder, "big.txt", "larger than the 1 kB limit (--max-bytes)", max_bytes=1000
    )


def test_default_limit_is_ten_megabytes(tmp_path):
    folder = folder_with(tmp_path, "huge.txt", b"")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: never read, the size says enough
    assert_skipped_once(folder, "huge.txt", "larger than the 10 MB limit (--max-bytes)")


# ---------------------------------------------------------------- folders and links


def test_deeply_nested_folders(tmp_path):
    folder = folder_with(tmp_path, "top.txt", GOOD)
    deep = folder.joinpath(*[f"d{level}" for level in range(50)])
    deep.mkdir(parents=True)
    (deep / "deep.md").write_text("Deep down, leaders met in Paris.\n")
    docs, skipped, _ = collect([folder])
    expected = "/".join(f"d{level}" for level in range(50)) + "/deep.md"
    assert [doc.source.id for doc in docs] == [expected, "good.txt", "top.txt"]
    assert skipped == []


def test_symlink_loop_is_reported_once(tmp_path):
    folder = folder_with(tmp_path, "other.txt", GOOD)
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text("Inside the sub folder, a summit.\n")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    docs, skipped, _ = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt", "other.txt", "sub/inner.txt"]
    assert skipped == [Skipped(path=str(folder / "sub" / "back"), reason="symlink loop")]


def test_self_referencing_symlink_is_a_loop(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    (folder / "placeholder.txt").unlink()
    (folder / "self.txt").symlink_to(folder / "self.txt")
    assert_skipped_once(folder, "self.txt", "symlink loop")


def test_broken_symlink_is_reported(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    (folder / "placeholder.txt").unlink()
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert_skipped_once(folder, "gone.txt", "broken symlink")


def test_each_real_file_is_read_once(tmp_path):
    folder = folder_with(tmp_path, "alias.txt", b"")
    (folder / "alias.txt").unlink()
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    (folder / "again").symlink_to(folder, target_is_directory=True)
    docs, skipped, _ = collect([folder, folder / "good.txt"])
    assert [doc.source.id for doc in docs] == ["alias.txt"]  # sorted: alias.txt first
    assert skipped == [Skipped(path=str(folder / "again"), reason="symlink loop")]


def test_unreadable_file_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "secret.txt", GOOD)
    (folder / "secret.txt").chmod(0)
    try:
        if os.access(folder / "secret.txt", os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        assert_skipped_once(folder, "secret.txt", "unreadable (permission denied)")
    finally:
        (folder / "secret.txt").chmod(0o644)


def test_permission_denied_is_reported_even_as_root(tmp_path, monkeypatch):
    folder = folder_with(tmp_path, "secret.txt", GOOD)
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest, "open", guarded_open, raising=False)
    assert_skipped_once(folder, "secret.txt", "unreadable (permission denied)")


def test_unreadable_folder_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    (folder / "placeholder.txt").unlink()
    (folder / "locked").mkdir()
    (folder / "locked" / "inside.txt").write_text(GOOD)
    (folder / "locked").chmod(0)
    try:
        if os.access(folder / "locked", os.R_OK):
            pytest.skip("running as a user who can read any folder (root)")
        assert_skipped_once(folder, "locked", "unreadable (permission denied)")
    finally:
        (folder / "locked").chmod(0o755)


def test_fifo_in_a_folder_is_skipped_without_blocking(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    (folder / "placeholder.txt").unlink()
    os.mkfifo(folder / "pipe.txt")
    assert_skipped_once(folder, "pipe.txt", "not a regular file")


def test_missing_path_is_reported(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    docs, skipped, _ = collect([tmp_path / "nowhere", folder / "good.txt"])
    assert [doc.source.id for doc in docs] == ["good.txt"]
    assert skipped == [Skipped(path=str(tmp_path / "nowhere"), reason="no such file or folder")]


@pytest.mark.parametrize("name", ["with space.txt", "café ünïcødé 北京.txt", "new\nline.txt"])
def test_awkward_file_names(tmp_path, name):
    doc, _ = only_doc(folder_with(tmp_path, name, GOOD), name)
    assert doc.source.path == str(tmp_path / "corpus" / name)


def test_undecodable_file_name_is_shown_with_a_replacement_character(tmp_path):
    folder = folder_with(tmp_path, "placeholder.txt", GOOD)
    raw = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    docs, skipped, _ = collect([folder])
    assert skipped == []
    assert sorted(doc.source.id for doc in docs) == ["caf\ufffd.txt", "good.txt", "placeholder.txt"]


def test_unknown_extensions_in_folders_are_ignored_but_read_when_named(tmp_path):
    folder = folder_with(tmp_path, "notes.rst", GOOD)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (folder / ".hidden.txt").write_text(GOOD)
    docs, skipped, notices = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt"]
    # Never read, but never silent: each listed with its extension (hidden files are not).
    assert [(os.path.basename(s.path), other_kind(s)) for s in skipped] == [
        ("notes.rst", ".rst"),
        ("photo.jpg", ".jpg"),
    ]
    assert notices == []
    docs, _, _ = collect([folder / "notes.rst"])
    assert [(doc.source.id, doc.text) for doc in docs] == [("notes.rst", GOOD)]


def test_ids_are_relative_to_the_folder_and_made_unique(tmp_path):
    for part in ("one", "two"):
        (tmp_path / part / "nested").mkdir(parents=True)
        (tmp_path / part / "nested" / "a.txt").write_text(f"Article {part} about Paris.\n")
    docs, _, _ = collect([tmp_path / "one", tmp_path / "two"])
    assert [doc.source.id for doc in docs] == ["nested/a.txt", "nested/a.txt#2"]
    assert [doc.text for doc in docs] == [
        "Article one about Paris.\n",
        "Article two about Paris.\n",
    ]


def test_inputs_are_streamed(tmp_path):
    folder = folder_with(tmp_path, "second.txt", GOOD)
    stream = iter_inputs([str(folder)])
    assert isinstance(stream, types.GeneratorType)
    assert next(stream).source.id == "good.txt"
    (folder / "second.txt").write_text("Changed after the first document was handed out.\n")
    assert next(stream).text.startswith("Changed after")


# ---------------------------------------------------------------- HTML


def test_html_main_text_without_scripts_or_styles(tmp_path):
    folder = folder_with(tmp_path, "page.html", (FIXTURES / "summit_page.html").read_bytes())
    doc, notices = only_doc(folder, "page.html")
    assert "Sixty countries signed a declaration" in doc.text
    assert "€109 billion" in doc.text
    assert "SECRET" not in doc.text and "dataLayer" not in doc.text and "{" not in doc.text
    assert "Most read" not in doc.text and "All rights reserved" not in doc.text
    source = doc.source
    assert source.title == "Sixty countries sign Paris AI declaration"
    assert (source.author, source.publisher) == ("Claire Martin", "Example Wire")
    assert source.published == date(2025, 2, 12)
    assert source.url == "https://www.examplewire.co.uk/world/paris-ai-declaration"
    assert notices == []


def test_tiny_html_page_still_drops_scripts(tmp_path):
    page = (
        "<html><head><style>p{color:red}</style></head><body><script>var x = 'HIDDEN';"
        "</script><p>Leaders met.</p></body></html>"
    )
    doc, _ = only_doc(folder_with(tmp_path, "tiny.htm", page), "tiny.htm")
    assert "Leaders met." in doc.text
    assert "HIDDEN" not in doc.text and "color" not in doc.text


def test_html_made_only_of_script_has_no_text(tmp_path):
    page = "<html><body><script>document.write('2025')</script></body></html>"
    folder = folder_with(tmp_path, "empty.html", page)
    assert_skipped_once(folder, "empty.html", "no text")


# ---------------------------------------------------------------- front matter


def test_front_matter_is_metadata_not_text(tmp_path):
    article = (
        "---\n"
        "title: Paris summit ends\n"
        "authors: [Claire Martin, Paul Durand]\n"
        "date: 2025-02-12\n"
        "canonical: https://www.lemonde.fr/en/article\n"
        "---\n"
        "Sixty countries signed the declaration.\n"
    )
    doc, notices = only_doc(folder_with(tmp_path, "post.md", article), "post.md")
    # The headline is text too (it states figures), read as the first line.
    assert doc.text == "Paris summit ends\n\nSixty countries signed the declaration.\n"
    source = doc.source
    assert (source.title, source.author) == ("Paris summit ends", "Claire Martin, Paul Durand")
    assert (source.published, source.publisher) == (date(2025, 2, 12), "lemonde.fr")
    assert source.url == "https://www.lemonde.fr/en/article"
    assert notices == []


def test_malformed_yaml_front_matter_keeps_the_body(tmp_path):
    article = "---\ntitle: [unclosed\nauthor: Jane\n---\nLeaders met in Paris.\n"
    folder = folder_with(tmp_path, "bad_front.md", article)
    doc, notices = only_doc(folder, "bad_front.md")
    assert doc.text == "Leaders met in Paris.\n"
    assert doc.source.author is None
    assert len(notices) == 1 and notices[0].path == str(folder / "bad_front.md")
    assert notices[0].message.startswith("front matter is not valid YAML: ")
    assert notices[0].message.endswith("; read as plain text")


def test_front_matter_without_closing_line_keeps_everything(tmp_path):
    article = "---\ntitle: Paris\nLeaders met in Paris.\n"
    doc, notices = only_doc(folder_with(tmp_path, "open.txt", article), "open.txt")
    assert doc.text == article
    assert [notice.message for notice in notices] == [
        "front matter has no closing '---'; read as plain text"
    ]


def test_python_tags_in_front_matter_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    article = (
        "---\n"
        f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
        "---\n"
        "Leaders met in Paris.\n"
    )
    doc, notices = only_doc(folder_with(tmp_path, "evil.md", article), "evil.md")
    assert not marker.exists()
    assert doc.text == "Leaders met in Paris.\n" and doc.source.title is None
    assert len(notices) == 1
    assert "python/object/apply:os.system" in notices[0].message
    assert notices[0].message.startswith("front matter is not valid YAML: ")


def test_front_matter_that_is_not_a_mapping(tmp_path):
    article = "---\n- just\n- a list\n---\nLeaders met in Paris.\n"
    doc, notices = only_doc(folder_with(tmp_path, "list.md", article), "list.md")
    assert doc.text == "Leaders met in Paris.\n"
    assert [notice.message for notice in notices] == [
        "front matter is not valid YAML: it is a list, not a mapping of keys to values;"
        " read as plain text"
    ]


def test_impossible_date_in_front_matter_is_a_notice(tmp_path):
    article = "---\ndate: 2025-02-30\n---\nLeaders met in Paris.\n"
    doc, notices = only_doc(folder_with(tmp_path, "feb30.md", article), "feb30.md")
    assert doc.source.published is None
    assert len(notices) == 1 and "day is out of range" in notices[0].message


def test_front_matter_with_no_body_and_no_title_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "only_front.md", "---\npublisher: Wire\n---\n\n")
    assert_skipped_once(folder, "only_front.md", "no text")


def test_a_headline_alone_is_read(tmp_path):
    # A page saved with its headline only: the headline states figures too.
    article = "---\ntitle: 60 nations meet at Lima summit\n---\n\n"
    doc, _ = only_doc(folder_with(tmp_path, "headline.md", article), "headline.md")
    assert doc.text.strip() == "60 nations meet at Lima summit"


# ---------------------------------------------------------------- JSONL


def test_jsonl_keeps_good_lines_and_names_bad_ones(tmp_path):
    folder = folder_with(tmp_path, "wire.jsonl", (FIXTURES / "articles.jsonl").read_bytes())
    docs, skipped, notices = collect([folder])
    assert skipped == []
    assert [doc.source.id for doc in docs] == [
        "good.txt",
        "wire-001",
        "wire-002",
        "wire.jsonl:5",
    ]
    first = docs[1].source
    assert (first.title, first.publisher, first.published) == (
        "Paris declaration signed",
        "Example Wire",
        date(2025, 2, 11),
    )
    assert docs[2].source.author == "Claire Martin"
    assert docs[3].source.published == date(2025, 2, 12)
    assert all(doc.source.path == str(folder / "wire.jsonl") for doc in docs[1:])
    assert [notice.message for notice in notices] == [
        "line 3: not valid JSON",
        "line 4: not valid JSON",
        "line 6: not a JSON object",
        'line 7: no "text" to read',
    ]


def test_jsonl_duplicate_ids_are_made_unique(tmp_path):
    lines = ['{"id": "a", "text": "First text."}', '{"id": "a", "text": "Second text."}']
    folder = folder_with(tmp_path, "dup.jsonl", "\n".join(lines))
    docs, _, _ = collect([folder])
    assert [doc.source.id for doc in docs] == ["a", "a#2", "good.txt"]


def test_jsonl_without_any_usable_line_is_skipped(tmp_path):
    folder = folder_with(tmp_path, "junk.jsonl", "{oops\n[]\n")
    docs, skipped, notices = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt"]
    assert skipped == [Skipped(path=str(folder / "junk.jsonl"), reason="no usable lines")]
    assert [notice.message for notice in notices] == [
        "line 1: not valid JSON",
        "line 2: not a JSON object",
    ]


# ---------------------------------------------------------------- stdin


def test_empty_stdin_is_skipped():
    assert collect(["-"], stdin=io.BytesIO(b"")) == (
        [],
        [Skipped(path="-", reason="empty input")],
        [],
    )


def test_stdin_is_one_document():
    data = b"---\ntitle: From a pipe\n---\nLeaders met in Paris.\r\n"
    docs, skipped, _ = collect(["-"], stdin=io.BytesIO(data))
    assert skipped == []
    assert [(doc.source.id, doc.source.path, doc.source.title) for doc in docs] == [
        ("stdin", "-", "From a pipe")
    ]
    assert docs[0].text == "From a pipe\n\nLeaders met in Paris.\n"


def test_stdin_html_is_recognised():
    page = b"<!DOCTYPE html><html><body><script>HIDDEN()</script><p>Leaders met.</p></body></html>"
    docs, _, _ = collect(["-"], stdin=io.BytesIO(page))
    assert "Leaders met." in docs[0].text and "HIDDEN" not in docs[0].text


def test_stdin_over_the_limit_is_skipped():
    result = collect(["-"], stdin=io.BytesIO(b"word " * 500), max_bytes=100)
    assert result == (
        [],
        [Skipped(path="-", reason="larger than the 100 bytes limit (--max-bytes)")],
        [],
    )


def test_missing_stdin_counts_as_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    assert collect(["-"])[1] == [Skipped(path="-", reason="empty input")]


# ---------------------------------------------------------------- never raises


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_arbitrary_bytes_never_raise(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_inputs([folder]))
        stdin_items = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(item, Document | Skipped | Notice) for item in items + stdin_items)
    if suffix != ".jsonl":
        outcomes = [item for item in items if isinstance(item, Document | Skipped)]
        assert len(outcomes) == 1


def test_jsonl_lone_surrogates_become_replacement_characters(tmp_path):
    line = r'{"id": "s\ud800", "text": "Leaders \ud800 met.", "title": "Paris \udc00"}'
    doc, _ = only_doc(folder_with(tmp_path, "s.jsonl", line), "s\ufffd")
    assert doc.text == "Leaders \ufffd met."
    assert doc.source.title == "Paris \ufffd"
    assert doc.content_hash  # encodable as UTF-8


def test_an_id_that_looks_like_a_disambiguated_one_stays_unique(tmp_path):
    lines = [
        f'{{"id": "{name}", "text": "Text {n}."}}' for n, name in enumerate(["a", "a#2", "a", "a"])
    ]
    folder = folder_with(tmp_path, "ids.jsonl", "\n".join(lines))
    docs, _, _ = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt", "a", "a#2", "a#3", "a#4"]


# ---------------------------------------------------------------- PDF


def pdf(*lines: str, title: str | None = None) -> bytes:
    """A minimal PDF built by hand: one page, Helvetica, one text line per entry
    (no lines: a page with only a drawn box, as a scan without a text layer is)."""
    if lines:
        shown = " T* ".join(f"({line})Tj" for line in lines)
        content = f"BT /F1 11 Tf 14 TL 72 720 Td {shown} ET"
    else:
        content = "0.5 g 72 600 200 100 re f"
    info = f"<< /Title ({title}) >>" if title else "<< >>"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
    out += f"{trailer}startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_layer_is_read_in_folders_and_by_name(tmp_path):
    release = pdf(
        "PARIS, Feb 11, 2025 - Sixty countries signed the Paris declaration.",
        "The summit gathered delegations from more than 100 countries.",
        title="Press release: the Paris declaration",
    )
    folder = folder_with(tmp_path, "release.pdf", release)
    docs, skipped, notices = collect([folder])
    assert (skipped, notices) == ([], [])
    by_id = {doc.source.id: doc for doc in docs}
    assert sorted(by_id) == ["good.txt", "release.pdf"]
    doc = by_id["release.pdf"]
    assert "Sixty countries signed the Paris declaration." in doc.text
    assert "more than 100 countries" in doc.text
    assert doc.source.title == "Press release: the Paris declaration"
    docs, _, _ = collect([folder / "release.pdf"])
    assert [d.source.id for d in docs] == ["release.pdf"]


def test_pdf_without_text_or_broken_is_skipped_with_its_reason(tmp_path):
    folder = folder_with(tmp_path, "scan.pdf", pdf())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a PDF body")
    docs, skipped, _ = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt"]
    reasons = {os.path.basename(s.path): s.reason for s in skipped}
    assert reasons["scan.pdf"] == "PDF without a text layer (scanned?): nothing to read"
    assert reasons["broken.pdf"].startswith(("not a readable PDF", "PDF without a text layer"))


def test_a_headline_already_opening_the_body_is_not_read_twice(tmp_path):
    article = "---\ntitle: Paris summit ends\n---\nParis summit ends\n\nSixty countries signed.\n"
    doc, _ = only_doc(folder_with(tmp_path, "post.md", article), "post.md")
    assert doc.text.count("Paris summit ends") == 1


def test_front_matter_with_a_colon_in_a_title_is_read_line_by_line(tmp_path):
    """'title: Oslo summit: what was agreed' is no valid YAML, but plain 'key: text'
    lines say what a person meant: the fields are kept, with a warning."""
    article = (
        "---\ntitle: Oslo summit: what was agreed\npublisher: Tech Daily\n"
        "published: 2026-11-04\n---\nLeaders met in Oslo.\n"
    )
    doc, notices = only_doc(folder_with(tmp_path, "colon.md", article), "colon.md")
    assert doc.text.endswith("Leaders met in Oslo.\n")
    assert (doc.source.title, doc.source.publisher) == (
        "Oslo summit: what was agreed",
        "Tech Daily",
    )
    assert doc.source.published == date(2026, 11, 4)
    assert len(notices) == 1 and notices[0].message.endswith("; read line by line")


def test_broken_front_matter_with_no_body_says_why(tmp_path):
    # The title could not be read: the skip reason carries the YAML error.
    folder = folder_with(tmp_path, "broken.md", "---\ntitle: [Delta summit\n---\n\n")
    docs, skipped, _ = collect([folder])
    assert [doc.source.id for doc in docs] == ["good.txt"]
    assert [s.reason.split(":")[0] for s in skipped] == [
        "no text; front matter is not valid YAML"
    ], skipped
