"""The pipeline: streaming order, the read-ahead bound, caching, the parsing routes.

The fast tests use fake parsers and caches (no spaCy). The worker-pool tests
run the real pool with the parse replaced: workers are forked, so they see the
replacement. Re-runs are checked in a subprocess, where `spacy` in
`sys.modules` tells whether the language model was touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summit_facts import pipeline
from summit_facts.errors import FactsError, ModelError
from summit_facts.models import (
    Context,
    CountValue,
    Document,
    Evidence,
    Interval,
    Mention,
    Notice,
    Skipped,
    Source,
)
from summit_facts.pipeline import Parser, Progress, chunks, extractor_key, stream_mentions
from summit_facts.store import Store
from tests.conftest import SEEDS

# `facts` in a fresh interpreter that reports, on its last stderr line, whether
# spaCy was imported.
FACTS = [
    sys.executable,
    "-c",
    "import atexit, sys\n"
    "atexit.register(lambda: print('spacy-imported', 'spacy' in sys.modules, file=sys.stderr))\n"
    "from summit_facts.cli.app import main\n"
    "sys.argv[0] = 'facts'\n"
    "main()\n",
]


def document(n: int, text: str | None = None) -> Document:
    return Document(
        source=Source(id=f"doc{n}.txt", path=f"doc{n}.txt"),
        text=text or f"Article {n}: 60 countries signed the declaration.",
    )


def mention(doc_id: str, n: int = 60) -> Mention:
    value = CountValue(surface=str(n), nominal=n, interval=Interval(low=n, high=n))
    evidence = Evidence(sentence=f"{n} countries", start=0, end=3, value_start=0, value_end=2)
    return Mention(doc_id=doc_id, value=value, evidence=evidence, context=Context())


def fake_parse(documents: list[Document], model: str | None = None) -> list[list[Mention]]:
    """One mention per document, carrying its id: enough to check the order."""
    return [[mention(d.source.id)] for d in documents]


def ids(pairs) -> list[str]:  # type: ignore[no-untyped-def]
    return [document.source.id for document, _ in pairs]


# ---------------------------------------------------------------- the stream


def test_stream_keeps_input_order_and_parses_only_what_the_cache_lacks() -> None:
    docs = [document(n) for n in range(10)]
    cache = {docs[n].content_hash: [mention("cached")] for n in (0, 3, 4, 9)}
    put: list[str] = []
    parsed: list[str] = []

    def parser(batch: list[Document]) -> list[list[Mention]]:
        parsed.extend(d.source.id for d in batch)
        return fake_parse(batch)

    progress = Progress()
    out = list(
        stream_mentions(
            docs,
            parser,
            cache_get=cache.get,
            cache_put=lambda h, doc_id, mentions: put.append(doc_id),
            progress=progress,
        )
    )
    assert ids(out) == [d.source.id for d in docs]
    assert parsed == put == [f"doc{n}.txt" for n in (1, 2, 5, 6, 7, 8)]
    for (doc, mentions), n in zip(out, range(10), strict=True):
        expected = "cached" if n in (0, 3, 4, 9) else doc.source.id
        assert [m.doc_id for m in mentions] == [expected]
    assert (progress.read, progress.parsed, progress.cached) == (10, 6, 4)


def test_stream_order_holds_across_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "WINDOW", 3)
    docs = [document(n) for n in range(11)]
    cache = {docs[n].content_hash: [mention("cached")] for n in range(0, 11, 2)}
    out = list(stream_mentions(docs, fake_parse, cache_get=cache.get))
    assert ids(out) == [d.source.id for d in docs]


def test_stream_reads_a_bounded_number_of_documents_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "WINDOW", 4)
    read: list[int] = []

    def inputs():  # type: ignore[no-untyped-def]
        for n in range(100):
            read.append(n)
            yield document(n)

    stream = stream_mentions(inputs(), fake_parse)
    next(stream)
    # The first window is out only once the next one is read and submitted.
    assert len(read) == (pipeline.AHEAD + 1) * 4
    rest = list(stream)
    assert len(rest) == 99 and len(read) == 100


def test_stream_submits_ahead_when_the_parser_can() -> None:
    events: list[str] = []

    class Ahead:
        def __call__(self, batch: list[Document]) -> list[list[Mention]]:
            raise AssertionError("submit() must be used")

        def submit(self, batch: list[Document]):  # type: ignore[no-untyped-def]
            events.append(f"submit {batch[0].source.id}")

            def wait() -> list[list[Mention]]:
                events.append(f"wait {batch[0].source.id}")
                return fake_parse(batch)

            return wait

    docs = [document(n) for n in range(2 * pipeline.WINDOW)]
    for _doc, _mentions in stream_mentions(docs, Ahead()):
        pass
    second = f"doc{pipeline.WINDOW}.txt"
    # The second window goes out before the caller waits for the first one.
    assert events == ["submit doc0.txt", f"submit {second}", "wait doc0.txt", f"wait {second}"]


def test_stream_passes_skips_and_notices_on() -> None:
    items = [
        document(0),
        Skipped(path="bad.bin", reason="binary file"),
        Notice(path="doc1.txt", message="broken front matter"),
        document(1),
    ]
    skipped: list[Skipped] = []
    progress = Progress()
    out = list(stream_mentions(items, fake_parse, skipped=skipped, progress=progress))
    assert ids(out) == ["doc0.txt", "doc1.txt"]
    assert [s.path for s in skipped] == ["bad.bin"]
    assert [n.path for n in progress.notices] == ["doc1.txt"]
    assert progress.skipped == 1


def test_a_text_too_long_for_the_model_is_skipped_with_a_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 100)
    docs = [document(0), document(1, "Sixty countries signed. " * 10), document(2)]
    skipped: list[Skipped] = []
    out = list(stream_mentions(docs, fake_parse, skipped=skipped))
    assert ids(out) == ["doc0.txt", "doc2.txt"]
    assert [s.path for s in skipped] == ["doc1.txt"]
    assert "characters the language model takes" in skipped[0].reason


def test_identical_texts_in_a_window_are_parsed_once() -> None:
    text = "Sixty countries signed it."
    docs = [document(0, text), document(1), document(2, text)]
    batches: list[list[str]] = []

    def parser(batch: list[Document]) -> list[list[Mention]]:
        batches.append([d.source.id for d in batch])
        return fake_parse(batch)

    progress = Progress()
    out = list(stream_mentions(docs, parser, progress=progress))
    assert batches == [["doc0.txt", "doc1.txt"]]
    assert ids(out) == ["doc0.txt", "doc1.txt", "doc2.txt"]
    assert out[2][1] == out[0][1]
    assert (progress.parsed, progress.cached) == (2, 1)


def test_chunks_cover_every_document_in_order() -> None:
    docs = [document(n) for n in range(64)]
    for jobs in (1, 2, 3, 8):
        parts = chunks(docs, jobs)
        assert [d for part in parts for d in part] == docs
        assert max(len(part) for part in parts) <= pipeline.MAX_CHUNK
        assert len(parts) >= min(len(docs), jobs)
    assert chunks(docs[:3], 2) == [[docs[0]], [docs[1]], [docs[2]]]


def test_extractor_key_is_stable_and_names_model_and_spacy() -> None:
    key = extractor_key(None)
    assert key == extractor_key(None)
    assert "|spacy==" in key and "summit-facts " in key


# ---------------------------------------------------------------- routes


def test_fork_only_without_other_threads() -> None:
    import threading

    assert pipeline.start_method() in ("fork", "spawn")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert pipeline.start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


def test_a_few_documents_are_parsed_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "parse_batch", fake_parse)
    parser = Parser(model=None, jobs=2)
    assert parser([document(0), document(1)]) == fake_parse([document(0), document(1)])
    assert parser.route == "process"
    parser.close()


@pytest.fixture
def fake_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers that parse with `fake_parse`: forked, they inherit the replacement."""
    if not hasattr(os, "fork"):
        pytest.skip("the fake parse needs fork")
    monkeypatch.setattr(pipeline, "start_method", lambda: "fork")
    monkeypatch.setattr(pipeline, "_worker_init", lambda model: None)


def test_the_pool_returns_input_order(monkeypatch: pytest.MonkeyPatch, fake_workers: None) -> None:
    monkeypatch.setattr(pipeline, "parse_batch", fake_parse)
    docs = [document(n) for n in range(40)]
    parser = Parser(model=None, jobs=2)
    try:
        result = parser(docs)
        assert parser.route == "pool"
        # Once the pool runs it takes small batches too: the model loads once.
        assert parser([document(99)]) == fake_parse([document(99)])
    finally:
        parser.close()
    assert [m[0].doc_id for m in result] == [d.source.id for d in docs]


def test_a_worker_error_reaches_the_user_with_its_hint(
    monkeypatch: pytest.MonkeyPatch, fake_workers: None
) -> None:
    def broken(documents: list[Document], model: str | None) -> list[list[Mention]]:
        raise ModelError("cannot load the spaCy model 'xx'", hint="check the name")

    monkeypatch.setattr(pipeline, "parse_batch", broken)
    parser = Parser(model="xx", jobs=2)
    try:
        with pytest.raises(ModelError) as caught:
            parser([document(n) for n in range(8)])
    finally:
        parser.close()
    assert caught.value.hint == "check the name"


def test_a_dead_worker_fails_the_run_instead_of_hanging_it(
    monkeypatch: pytest.MonkeyPatch, fake_workers: None
) -> None:
    def killed(documents: list[Document], model: str | None) -> list[list[Mention]]:
        os._exit(9)  # as the kernel's out-of-memory killer would end it

    monkeypatch.setattr(pipeline, "parse_batch", killed)
    parser = Parser(model=None, jobs=2)
    try:
        with pytest.raises(FactsError, match="worker process died"):
            parser([document(n) for n in range(8)])
    finally:
        parser.close()


# ---------------------------------------------------------------- re-runs


def _seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)  # the seeds are read-only; the tests change one
    return folder


def _fill_cache(folder: Path, store: Path) -> None:
    """Cache an (empty) extraction for every document, as a first run would."""
    from summit_facts.ingest import iter_inputs

    key = extractor_key(None)
    with Store.open(store) as db:
        for item in iter_inputs([str(folder)]):
            if isinstance(item, Document):
                db.put_mentions(item.content_hash, key, item.source.id, [])


def test_an_unchanged_corpus_is_not_parsed_and_spacy_not_imported(tmp_path: Path) -> None:
    folder, store = _seed_copy(tmp_path), tmp_path / "store"
    _fill_cache(folder, store)
    args = ["check", str(folder), "--store", str(store), "--format", "json", "--jobs", "2"]
    done = subprocess.run([*FACTS, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("spacy-imported False"), done.stderr
    assert json.loads(done.stdout)["documents"] == 5


def test_changing_one_file_parses_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summit_facts.check import Options, check

    folder, store = _seed_copy(tmp_path), tmp_path / "store"
    _fill_cache(folder, store)
    changed = sorted(folder.iterdir())[2]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\nA correction was added after publication.\n")
    parsed: list[str] = []

    def recording(documents: list[Document], model: str | None) -> list[list[Mention]]:
        parsed.extend(d.source.id for d in documents)
        return [[] for _ in documents]

    monkeypatch.setattr(pipeline, "parse_batch", recording)
    result = check([str(folder)], Options(store_dir=store, jobs=1))
    assert parsed == [changed.name]
    assert (result.progress.parsed, result.progress.cached) == (1, 4)


# ---------------------------------------------------------------- with the model


def _facts_json(*args: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    done = subprocess.run([*FACTS, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


@pytest.mark.model
def test_two_jobs_give_the_claims_and_report_of_one(tmp_path: Path) -> None:
    runs = {}
    for jobs in ("1", "2"):
        store = tmp_path / f"store{jobs}"
        args = ["check", str(SEEDS), "--jobs", jobs, "--store", str(store), "--format", "json"]
        report, stderr = _facts_json(*args)
        with Store.open(store) as db:
            last = db.last_run()
        assert last is not None
        runs[jobs] = (report, [c.model_dump(mode="json") for c in last.claims], stderr)
    (report1, claims1, _), (report2, claims2, stderr2) = runs["1"], runs["2"]
    assert claims2 == claims1  # order included
    assert report2 == report1
    assert claims1
    # Two jobs parse in the pool: the parent process never loads spaCy.
    assert stderr2.strip().endswith("spacy-imported False"), stderr2


@pytest.mark.model
def test_a_rerun_after_a_real_parse_parses_nothing(tmp_path: Path) -> None:
    from summit_facts.check import Options, check

    folder, store = _seed_copy(tmp_path), tmp_path / "store"
    first = check([str(folder)], Options(store_dir=store, jobs=1))
    assert first.progress.parsed == 5
    args = ["check", str(folder), "--store", str(store), "--format", "json"]
    report, stderr = _facts_json(*args)
    assert stderr.strip().endswith("spacy-imported False"), stderr
    assert report["claims"] == len(first.claims)
