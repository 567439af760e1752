"""Ingest: turn paths (files, folders, `-` for stdin) into a stream of documents.

Yields, in a deterministic order, one `Document` per article, a `Skipped` for every
input that cannot be used (with a short reason people can act on) and a `Notice`
for every input that was used despite a problem (broken front matter, a guessed
encoding, a bad JSONL line). Bad input never aborts the run and never vanishes.

Formats go by extension: `.txt`, `.md`, `.markdown` (optional YAML front matter),
`.html`/`.htm` (main text via trafilatura), `.jsonl` (one document per line) and
`.pdf` (its text layer, via pypdf). Inside folders, files of other kinds are
never read: each is a `Skipped` whose reason names its extension (see
`other_kind`), so the CLI can count them. A file named on the command line is
read as text whatever its extension.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from html import unescape
from typing import Any, BinaryIO, Literal

import yaml

from summit_facts import yaml_text
from summit_facts.errors import InputError
from summit_facts.metadata import source_metadata
from summit_facts.models import Document, Notice, Skipped

DEFAULT_MAX_BYTES = 10_000_000
STDIN_ID = "stdin"
FRONT_MATTER_MAX = 256_000  # a closing '---' further down is prose, not metadata

Kind = Literal["text", "html", "jsonl", "pdf"]
Item = Document | Skipped | Notice
SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".pdf": "pdf",
}
OTHER_KIND = "not an article: other kind of file"  # + " (.jpg)"
NO_EXTENSION = "(no extension)"

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Characters no article is made of: C0/C1 controls (bar tab, newlines, form feed)
# and the replacement character left by undecodable bytes.
_GARBAGE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


class _Unusable(Exception):
    """Raised inside this module when an input must be skipped; carries the reason."""


def iter_inputs(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Stream documents, skips and notices for `paths`, one input at a time."""
    if max_bytes < 0:
        raise InputError(
            f"--max-bytes must be 0 or more, not {max_bytes}",
            hint=f"give the largest file size to read, in bytes (default {DEFAULT_MAX_BYTES})",
        )
    ids = _Ids()
    seen: set[tuple[int, int]] = set()  # (device, inode) of every file already read
    stdin_read = False
    for arg in paths:
        if arg == "-":
            # Like a file named twice, stdin is one input: a second '-' finds it drained.
            if not stdin_read:
                stdin_read = True
                yield from _read_stdin(stdin, max_bytes=max_bytes, ids=ids)
            continue
        for found in _find(arg):
            if isinstance(found, Skipped):
                yield found
                continue
            path, doc_id, kind, explicit = found
            yield from _read_file(
                path, doc_id, kind, explicit=explicit, max_bytes=max_bytes, seen=seen, ids=ids
            )


# ---------------------------------------------------------------- finding files

_Found = tuple[str, str, Kind, bool]


def _find(arg: str) -> Iterator[Skipped | _Found]:
    """The files behind one command-line path; folders are walked depth first, sorted."""
    try:
        top = os.stat(arg)
    except OSError as error:
        yield Skipped(path=_shown(arg), reason=_os_reason(error, arg))
        return
    if not stat.S_ISDIR(top.st_mode):
        name = os.path.basename(os.path.normpath(arg)) or arg
        kind = SUFFIXES.get(os.path.splitext(name)[1].lower(), "text")
        yield (arg, _shown(name), kind, True)
        return
    # A stack of open folders instead of recursion: depth is the user's, not ours.
    ancestors = [(top.st_dev, top.st_ino)]
    walked = set(ancestors)
    stack = [(arg, "", iter(_listing(arg)))]
    while stack:
        folder, prefix, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            ancestors.pop()
            continue
        if isinstance(entry, Skipped):
            yield entry
            continue
        path, rel = os.path.join(folder, entry), prefix + entry
        found_kind = SUFFIXES.get(os.path.splitext(entry)[1].lower())
        try:
            info = os.stat(path)
        except OSError as error:
            # A dangling link is only worth a word if it could have been an input.
            if found_kind or not os.path.splitext(entry)[1]:
                yield Skipped(path=_shown(path), reason=_os_reason(error, path))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Skipped(path=_shown(path), reason="symlink loop")
            elif key not in walked:  # reached again through another link: walked once
                walked.add(key)
                ancestors.append(key)
                stack.append((path, rel + "/", iter(_listing(path))))
        elif found_kind:
            yield (path, _shown(rel), found_kind, False)
        elif stat.S_ISREG(info.st_mode):
            extension = os.path.splitext(entry)[1].lower() or NO_EXTENSION
            yield Skipped(path=_shown(path), reason=f"{OTHER_KIND} ({_shown(extension)})")


def other_kind(skipped: Skipped) -> str | None:
    """The extension of a file passed over as another kind of file, else None."""
    if not skipped.reason.startswith(OTHER_KIND + " ("):
        return None
    return skipped.reason[len(OTHER_KIND) + 2 : -1]


def _listing(folder: str) -> Sequence[str | Skipped]:
    try:
        names = os.listdir(folder)
    except OSError as error:
        return [Skipped(path=_shown(folder), reason=_os_reason(error, folder))]
    # Hidden entries (.git, .facts, editor backups) are never articles.
    return sorted(name for name in names if not name.startswith("."))


def _os_reason(error: OSError, path: str) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "unreadable (permission denied)"
    if error.errno == errno.ENOENT:
        return "broken symlink" if os.path.islink(path) else "no such file or folder"
    return f"unreadable ({error.strerror or error.__class__.__name__})".lower()


def _shown(path: str) -> str:
    """A path fit for display: undecodable bytes in file names become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# ---------------------------------------------------------------- reading


def _read_file(
    path: str,
    doc_id: str,
    kind: Kind,
    *,
    explicit: bool,
    max_bytes: int,
    seen: set[tuple[int, int]],
    ids: _Ids,
) -> Iterator[Item]:
    shown = _shown(path)
    try:
        info = os.stat(path)
        if (info.st_dev, info.st_ino) in seen:
            return  # the same file through a link or a second argument
        seen.add((info.st_dev, info.st_ino))
        regular = stat.S_ISREG(info.st_mode)
        # Opening a FIFO or a device waits for a writer: only when asked for by name.
        if not (regular or explicit):
            raise _Unusable("not a regular file")
        if regular and info.st_size > max_bytes:
            raise _Unusable(_too_large(max_bytes))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        yield from _parse(data, shown, doc_id, kind, max_bytes=max_bytes, ids=ids)
    except OSError as error:
        yield Skipped(path=shown, reason=_os_reason(error, path))
    except _Unusable as unusable:
        yield Skipped(path=shown, reason=str(unusable))


def _read_stdin(stdin: BinaryIO | None, *, max_bytes: int, ids: _Ids) -> Iterator[Item]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    try:
        data = stream.read(max_bytes + 1) if stream is not None else b""
        if not data:
            raise _Unusable("empty input")
        kind: Kind = "html" if _HTML_START.match(data[:1024]) else "text"
        yield from _parse(data, "-", STDIN_ID, kind, max_bytes=max_bytes, ids=ids)
    except OSError as error:
        yield Skipped(path="-", reason=f"unreadable ({error.strerror or error})".lower())
    except _Unusable as unusable:
        yield Skipped(path="-", reason=str(unusable))


def _too_large(max_bytes: int) -> str:
    if max_bytes >= 1_000_000:
        size = f"{max_bytes / 1_000_000:g} MB"
    elif max_bytes >= 1000:
        size = f"{max_bytes / 1000:g} kB"
    else:
        size = f"{max_bytes} bytes"
    return f"larger than the {size} limit (--max-bytes)"


def _parse(
    data: bytes, path: str, doc_id: str, kind: Kind, *, max_bytes: int, ids: _Ids
) -> Iterator[Item]:
    if len(data) > max_bytes:
        raise _Unusable(_too_large(max_bytes))
    if not data:
        raise _Unusable("empty file")
    if kind == "pdf":
        pdf_text, pdf_info = _pdf_text(data)
        if not _LETTER.search(pdf_text):
            raise _Unusable("PDF without a text layer (scanned?): nothing to read")
        source = source_metadata(pdf_text, pdf_info, doc_id=ids.claim(doc_id), path=path)
        yield Document(source=source, text=pdf_text)
        return
    text, encoding_note = _decode(data)
    if not text.strip():
        raise _Unusable("only whitespace")
    notices = [Notice(path=path, message=encoding_note)] if encoding_note else []
    front: Mapping[Any, Any] | None
    if kind == "jsonl":
        yield from notices
        yield from _jsonl_documents(text, path, doc_id, ids=ids)
        return
    if kind == "html":
        body, front = _html_article(text)
        if not _LETTER.search(body) and _LETTER.search(fallback := _html_text(text)):
            body = fallback
            notices.append(Notice(path=path, message=_HTML_FALLBACK))
    else:
        front, body, problem = split_front_matter(text)
        if problem:
            notices.append(Notice(path=path, message=problem))
    title = front.get("title") if isinstance(front, Mapping) else None
    if not _LETTER.search(body) and not (isinstance(title, str) and _LETTER.search(title)):
        # A headline alone (front matter with a title, no body) is still read. A broken
        # front matter says why its title could not be read.
        problems = [n.message.removesuffix("; read as plain text") for n in notices]
        raise _Unusable("; ".join(["no text", *problems]))
    source = source_metadata(body, front, doc_id=ids.claim(doc_id), path=path)
    yield from notices
    yield Document(source=source, text=with_headline(source.title, body))


def with_headline(title: str | None, body: str) -> str:
    """The body with its headline as the first line, when the headline came from
    metadata (front matter, an HTML page's title) and the body does not open with it.
    Headlines state figures too ("Third ocean conference begins in Nice"), so they are
    read like the text; claims' offsets index this text."""
    if not title or not title.strip():
        return body
    headline = " ".join(title.split())
    if " ".join(body[: len(headline) + 400].split()).find(headline) != -1:
        return body
    return f"{headline}\n\n{body}"


# ---------------------------------------------------------------- PDF


def _pdf_text(data: bytes) -> tuple[str, dict[str, Any]]:
    """The text layer of a PDF, page by page, and its title, author and date."""
    import io

    # Imported here: only a corpus with PDFs pays for pypdf.
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it recovers from ("EOF marker not found") to stderr; the skip
    # reason or the text it still read says all a user needs.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Unusable("encrypted PDF: cannot read its text")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: Mapping[str, Any] = reader.metadata or {}
    except _Unusable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise _Unusable(f"not a readable PDF ({error.__class__.__name__})") from None
    front: dict[str, Any] = {}
    for key, name in (("/Title", "title"), ("/Author", "author")):
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            front[name] = value.strip()
    # No date from the PDF's own metadata: that is when the file was made, not
    # when the text was published; a dateline in the text says it better.
    text = "\n\n".join(_clean(page) for page in pages if page.strip())
    return text, front


# ---------------------------------------------------------------- decoding


def _decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text with LF line ends, and a note when the encoding was guessed.

    Raises `_Unusable` for binary data: NUL bytes without a UTF-16/32 byte order
    mark, or text that is mostly control characters once decoded.
    """
    note = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            if bad := text.count("\ufffd"):
                note = f"not valid {codec}: {bad} broken sequence(s) replaced with U+FFFD"
            break
    else:
        if b"\x00" in data:
            raise _Unusable("binary (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _decode_legacy(data)
    if 10 * len(_GARBAGE.findall(text)) > len(text):
        raise _Unusable("binary or undecodable")
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _decode_legacy(data: bytes) -> tuple[str, str]:
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd")
    # Mostly good UTF-8 with a few broken bytes: re-reading it as cp1252 would garble
    # every accented letter, so keep UTF-8 and mark the broken bytes.
    if len(_NON_ASCII.findall(utf8)) > bad:
        return utf8, f"not valid UTF-8: {bad} broken byte sequence(s) replaced with U+FFFD"
    try:
        return data.decode("cp1252"), "not UTF-8; read as Windows-1252 (cp1252)"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined
        return data.decode("latin-1"), "not UTF-8; read as Latin-1"


# ---------------------------------------------------------------- formats


def split_front_matter(text: str) -> tuple[dict[Any, Any] | None, str, str | None]:
    """(front matter, body, problem). YAML is read with `safe_load`: tags never run."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return None, text, None
    closing = _FRONT_CLOSE.search(text, opening.end(), FRONT_MATTER_MAX)
    if not closing:
        return None, text, "front matter has no closing '---'; read as plain text"
    block, body = text[opening.end() : closing.start()], text[closing.end() + 1 :]
    try:
        front = yaml_text.safe_load(block)
    except yaml.MarkedYAMLError as error:
        where = f" (line {error.problem_mark.line + 2})" if error.problem_mark else ""
        reason = f"{error.problem or error.context}{where}"
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        # ValueError: a timestamp like 2025-02-30; RecursionError: absurd nesting.
        reason = str(error).split("\n")[0] or error.__class__.__name__
    else:
        if front is None or isinstance(front, dict):
            return front, body, None
        reason = f"it is a {type(front).__name__}, not a mapping of keys to values"
    lenient = _plain_fields(block)
    if lenient is not None:
        # "title: Oslo summit: what was agreed": YAML refuses the second colon, a
        # person would not; plain "key: text" lines are read as such.
        return lenient, body, f"front matter is not valid YAML: {reason[:160]}; read line by line"
    return None, body, f"front matter is not valid YAML: {reason[:160]}; read as plain text"


# A front-matter line as people write it: "title: Oslo summit: what was agreed".
_PLAIN_FIELD = re.compile(
    r"^(?P<key>[A-Za-z][\w -]{0,30}):[ \t]+(?P<value>[^\[\]{}!&*|>:'\"].*?)\s*$"
)


def _plain_fields(block: str) -> dict[str, str] | None:
    """Every non-empty line a plain `key: text` (no YAML flow, tag or anchor), or None."""
    fields: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        match = _PLAIN_FIELD.match(line)
        if match is None:
            return None
        fields[match["key"].strip()] = match["value"]
    return fields or None


def _html_article(html: str) -> tuple[str, dict[str, Any]]:
    """Main text (scripts, styles, navigation dropped) and the page's metadata."""
    import trafilatura  # heavy, and only HTML needs it

    # trafilatura keeps the inert content of <template> (a browser never shows it).
    visible = _HTML_TEMPLATE.sub(" ", html)
    text = trafilatura.extract(visible, favor_precision=False, include_comments=False)
    # trafilatura gives up on very short pages; its cleaner still drops script/style.
    text = text or trafilatura.html2txt(visible)
    # No extensive date search: a date guessed from the body is worse than none.
    meta = trafilatura.extract_metadata(
        html, date_config={"extensive_search": False, "original_date": True}, extensive=False
    )
    fields = ("title", "author", "date", "sitename", "url")
    front = {field: getattr(meta, field, None) for field in fields}
    return _clean(text), front


_HTML_FALLBACK = (
    "main-text extraction found nothing (tags nested too deeply?); read all its visible text"
)
# What a browser never shows as text. An element left open runs to the end of the
# page, as it does in a browser; an open <head> ends where <body> starts.
_HTML_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|template|noscript|svg|math|iframe|object|textarea)\b.*?(?:</\1\s*>|\Z)"
    r"|<head\b.*?(?:</head\s*>|(?=<body\b)|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TEMPLATE = re.compile(r"<template\b.*?(?:</template\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|footer|h[1-6]|header"
    r"|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^>]*(?:>|\Z)",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"<[a-zA-Z/!?][^>]*(?:>|\Z)")


def _html_text(html: str) -> str:
    """Every visible word of a page, by pattern, with no tree built: no depth limit.

    libxml2 (under trafilatura) refuses pages nested deeper than 256 elements,
    which thousands of unclosed tags make; this is what is left to read them by.
    """
    text = _HTML_HIDDEN.sub(" ", html)
    text = _HTML_TAG.sub("", _HTML_BLOCK_TAG.sub("\n", text))
    lines = (" ".join(line.split()) for line in unescape(text).split("\n"))
    return _clean("\n".join(line for line in lines if line))


def _jsonl_documents(text: str, path: str, file_id: str, *, ids: _Ids) -> Iterator[Item]:
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            yield Notice(path=path, message=f"line {number}: not valid JSON")
            continue
        if not isinstance(record, dict):
            yield Notice(path=path, message=f"line {number}: not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not _LETTER.search(body):
            yield Notice(path=path, message=f'line {number}: no "text" to read')
            continue
        raw_id = record.get("id")
        usable_id = isinstance(raw_id, str | int) and not isinstance(raw_id, bool)
        doc_id = _clean(str(raw_id)).strip() if usable_id else ""
        front = {key: value for key, value in record.items() if key not in ("id", "text")}
        body = _clean(body)
        source = source_metadata(
            body, front, doc_id=ids.claim(doc_id or f"{file_id}:{number}"), path=path
        )
        found = True
        yield Document(source=source, text=body)
    if not found:
        yield Skipped(path=path, reason="no usable lines")


def _clean(text: str) -> str:
    """LF line ends, and no lone surrogates (JSON '\\ud800'): they cannot be written out."""
    text = _SURROGATE.sub("\ufffd", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Ids:
    """Hands out unique source ids: a repeated id gets '#2', '#3', ... in input order."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        doc_id = wanted
        while doc_id in self._used:
            number = self._next.get(wanted, 2)
            self._next[wanted] = number + 1
            doc_id = f"{wanted}#{number}"
        self._used.add(doc_id)
        return doc_id
