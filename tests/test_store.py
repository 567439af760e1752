"""The claim store: cache, runs, pruning, concurrency, crashes, versions, bad files.

Concurrency and crash tests run real processes (`python -c`) against one store
folder, because SQLite's locking is between processes, not threads.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from summit_facts import SCHEMA_VERSION
from summit_facts.errors import StoreError
from summit_facts.models import (
    Claim,
    Cluster,
    Context,
    CountValue,
    Evidence,
    Interval,
    Mention,
    Report,
    Source,
    SourceStanding,
    SubjectVerdict,
    Support,
    TextValue,
)
from summit_facts.store import DB_NAME, KEEP_RUNS, STORE_SCHEMA_VERSION, Store, TopicRow

ROOT = Path(__file__).parent.parent

S002 = Source(
    id="002_7e9db0386b71b9b5.txt",
    path="seeds/002_7e9db0386b71b9b5.txt",
    publisher="goover",
    published=date(2025, 3, 18),
)
S004 = Source(
    id="004_eecea1ab67c269e1.txt",
    path="seeds/004_eecea1ab67c269e1.txt",
    publisher="Data for Policy CIC",
    published=date(2025, 2, 14),
)
CITY = {
    S002.id: "The AI Action Summit 2025 took place in Paris from February 6 to 11, 2025",
    S004.id: "Paris, France, 10-11 February, 2025",
}
COUNTRIES = {
    S002.id: (
        "over 100",
        "witnessed an impressive gathering of participants from over 100 countries",
    ),
    S004.id: ("100+", "the two-day summit brought together 100+ nations"),
}


def _evidence(sentence: str, surface: str) -> Evidence:
    at = sentence.find(surface)
    return Evidence(
        sentence=sentence, start=0, end=len(sentence), value_start=at, value_end=at + len(surface)
    )


def city_claim(source: Source) -> Claim:
    return Claim(
        id=f"{source.id[:3]}-city",
        source=source,
        topic="summit",
        slot="city",
        value=TextValue(surface="Paris", text="Paris"),
        evidence=_evidence(CITY[source.id], "Paris"),
        rule="summit.city",
    )


def countries_claim(source: Source, i: int = 0) -> Claim:
    surface, sentence = COUNTRIES[source.id]
    return Claim(
        id=f"{source.id[:3]}-countries-{i}",
        source=source,
        topic="summit",
        slot="countries_attending",
        value=CountValue(
            surface=surface,
            nominal=100,
            interval=Interval(low=100, low_closed=surface == "100+"),
            noun="countries",
        ),
        evidence=_evidence(sentence, surface),
        rule="summit.countries_attending",
        noun="countries",
    )


def consensus(claims: list[Claim], display: str) -> SubjectVerdict:
    return SubjectVerdict(
        topic=claims[0].topic,
        slot=claims[0].slot,
        verdict="consensus",
        kind=claims[0].value.kind,
        agreement=1.0,
        consensus=Cluster(
            value=claims[0].value,
            display=display,
            sources=[c.source.id for c in claims],
            independent_weight=len(claims),
            support=[
                Support(
                    source_id=c.source.id,
                    claim_id=c.id,
                    surface=c.value.surface,
                    quote=c.evidence.sentence,
                    modality=c.modality,
                    polarity=c.polarity,
                    noun=c.noun,
                )
                for c in claims
            ],
        ),
    )


def make_run(extra: int = 0, tag: str = "0.1.0") -> tuple[Report, list[Claim], list[Source]]:
    """Two seed sources agreeing on the city and the number of countries.

    `extra` adds more (repeated) country claims, to make a write take longer.
    """
    city = [city_claim(S002), city_claim(S004)]
    countries = [countries_claim(S002), countries_claim(S004)]
    countries += [countries_claim(S004, i) for i in range(1, extra + 1)]
    report = Report(
        schema_version=SCHEMA_VERSION,
        tool_version=tag,
        contradictions=[],
        consensus=[consensus(city, "Paris"), consensus(countries[:2], "> 100")],
        single_source=[],
        sources=[
            SourceStanding(
                source_id=s.id,
                group=i,
                claims=2,
                contested=0,
                with_consensus=0,
                against_consensus=0,
            )
            for i, s in enumerate([S002, S004])
        ],  # fmt: skip
        outlier=None,
        claims=len(city) + len(countries),
        documents=2,
    )
    return report, city + countries, [S002, S004]


def mention(doc_id: str = S004.id) -> Mention:
    surface, sentence = COUNTRIES[S004.id]
    return Mention(
        doc_id=doc_id,
        value=countries_claim(S004).value,
        evidence=_evidence(sentence, surface),
        context=Context(noun="nations", governor="bring", lemmas=["the", "two", "-", "day"]),
    )


def save(store: Store, **kw) -> int:
    report, claims, documents = make_run(**kw)
    return store.save_run(report, claims, documents, paths=["seeds/"], rules_hash="r1")


def raw(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / DB_NAME)


def run_python(code: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def dump_run(path: Path, **kw) -> Path:
    report, claims, documents = make_run(**kw)
    data = {
        "report": report.model_dump(mode="json"),
        "claims": [c.model_dump(mode="json") for c in claims],
        "documents": [d.model_dump(mode="json") for d in documents],
    }
    path.write_text(json.dumps(data))
    return path


# Writes N runs from a JSON file, one save_run each; prints "ready" after the first.
WRITER = """
    import json, sys
    from pathlib import Path
    from summit_facts.models import Claim, Report, Source, Mention
    from summit_facts.store import Store

    folder, data, n = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()), int(sys.argv[3])
    report = Report.model_validate(data["report"])
    claims = [Claim.model_validate(c) for c in data["claims"]]
    documents = [Source.model_validate(d) for d in data["documents"]]
    with Store.open(folder) as store:
        for i in range(n):
            store.save_run(report, claims, documents, paths=[f"run{i}"], rules_hash=sys.argv[4])
            store.put_mentions(f"hash{i % 3}", sys.argv[4], "doc", [])
            if i == 0:
                print("ready", flush=True)
    print("done", flush=True)
"""


def assert_consistent(folder: Path) -> None:
    """Every kept run is complete and whole; no rows belong to a pruned run."""
    con = raw(folder)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    runs = con.execute("SELECT id, header, complete FROM runs").fetchall()
    assert 0 < len(runs) <= KEEP_RUNS
    for run_id, header, complete in runs:
        assert complete == 1
        (n,) = con.execute("SELECT COUNT(*) FROM claims WHERE run_id = ?", (run_id,)).fetchone()
        assert n == json.loads(header)["claims"]
    for table in ("claims", "documents", "verdicts"):
        orphans = con.execute(
            f"SELECT COUNT(*) FROM {table} WHERE run_id NOT IN (SELECT id FROM runs)"
        ).fetchone()[0]
        assert orphans == 0, table
    con.close()


# ---------------------------------------------------------------- basics


def test_open_creates_the_folder_in_wal_mode(tmp_path):
    folder = tmp_path / "deep" / ".facts"
    with Store.open(folder) as store:
        assert store.path == folder / DB_NAME
        assert store.last_run() is None
        assert store.topics() == []
        assert store.claims_for("summit") == []
    con = raw(folder)
    assert con.execute("PRAGMA user_version").fetchone()[0] == STORE_SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_location_honours_facts_store(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTS_STORE", str(tmp_path / "elsewhere"))
    with Store.open() as store:
        assert store.folder == tmp_path / "elsewhere"
    monkeypatch.delenv("FACTS_STORE")
    monkeypatch.chdir(tmp_path)
    with Store.open() as store:
        assert store.folder == tmp_path / ".facts"


# ---------------------------------------------------------------- cache


def test_cache_round_trip_and_keys(tmp_path):
    with Store.open(tmp_path) as store:
        assert store.get_mentions("h1", "0.1.0+sm-3.8.0") is None
        store.put_mentions("h1", "0.1.0+sm-3.8.0", S004.id, [mention()])
        assert store.get_mentions("h1", "0.1.0+sm-3.8.0") == [mention()]
        # Another model or tool version is another extraction.
        assert store.get_mentions("h1", "0.2.0+sm-3.8.0") is None
        # The same text under another file name gets the caller's id.
        again = store.get_mentions("h1", "0.1.0+sm-3.8.0", doc_id="copy.txt")
        assert again == [mention("copy.txt")]


def test_a_document_without_mentions_is_cached_as_empty(tmp_path):
    with Store.open(tmp_path) as store:
        store.put_mentions("empty", "k", "blank.txt", [])
        assert store.get_mentions("empty", "k") == []
        assert store.get_mentions("other", "k") is None


def test_cache_is_stored_as_compact_json(tmp_path):
    with Store.open(tmp_path) as store:
        store.put_mentions("h1", "k", S004.id, [mention()])
    (text,) = raw(tmp_path).execute("SELECT mentions FROM doc_cache").fetchone()
    assert text.startswith('[{"doc_id":') and ", " not in text.split('"sentence"')[0]


def test_unreadable_cache_entry_is_a_miss(tmp_path):
    with Store.open(tmp_path) as store:
        store.put_mentions("h1", "k", S004.id, [mention()])
        con = raw(tmp_path)
        con.execute("UPDATE doc_cache SET mentions = '[{\"doc_id\": 1}]'")
        con.commit()
        assert store.get_mentions("h1", "k") is None
        store.put_mentions("h1", "k", S004.id, [mention()])  # re-extracted: overwritten
        assert store.get_mentions("h1", "k") == [mention()]


# ---------------------------------------------------------------- runs


def test_save_and_read_the_last_run(tmp_path):
    report, claims, documents = make_run()
    with Store.open(tmp_path) as store:
        run_id = store.save_run(
            report, claims, documents, paths=["seeds/", "-"], rules_hash="abc123"
        )
        last = store.last_run()
    assert last is not None and last.id == run_id
    assert last.report == report
    assert last.claims == claims
    assert last.documents == documents
    assert last.paths == ["seeds/", "-"] and last.rules_hash == "abc123"
    assert last.created.tzinfo is not None


def test_topics_claims_and_verdicts_of_the_last_run(tmp_path):
    report, claims, documents = make_run()
    with Store.open(tmp_path) as store:
        store.save_run(report, claims, documents, paths=["seeds/"], rules_hash="r")
        assert store.topics() == [
            TopicRow("summit", "city", 2, "consensus"),
            TopicRow("summit", "countries_attending", 2, "consensus"),
        ]
        assert store.claims_for("summit") == claims
        assert store.claims_for("summit", slot="city") == claims[:2]
        assert store.verdicts_for("summit", slot="city") == [report.consensus[0]]
        assert store.verdicts_for("summit") == report.consensus
        assert store.claims_for("funding") == [] and store.verdicts_for("funding") == []


def test_reads_follow_the_newest_run(tmp_path):
    with Store.open(tmp_path) as store:
        save(store)
        report, claims, documents = make_run()
        store.save_run(report, claims[:2], documents, paths=["one.txt"], rules_hash="r")
        assert [r.claims for r in store.topics()] == [2, 0]
        assert store.last_run().paths == ["one.txt"]


def test_only_the_last_runs_are_kept(tmp_path):
    with Store.open(tmp_path) as store:
        ids = [save(store, tag=f"0.1.{i}") for i in range(KEEP_RUNS + 3)]
        assert store.last_run().id == ids[-1]
        assert store.last_run().report.tool_version == f"0.1.{KEEP_RUNS + 2}"
    kept = [i for (i,) in raw(tmp_path).execute("SELECT id FROM runs ORDER BY id")]
    assert kept == ids[-KEEP_RUNS:]
    assert_consistent(tmp_path)


def test_an_incomplete_run_is_never_shown(tmp_path):
    with Store.open(tmp_path) as store:
        first = save(store)
        con = raw(tmp_path)
        con.execute(
            "INSERT INTO runs (created, paths, rules_hash, tool_version, header, complete)"
            " VALUES ('2030-01-01T00:00:00+00:00', '[]', '', 'x', '{}', 0)"
        )
        con.execute(
            "INSERT INTO claims VALUES"
            " ((SELECT MAX(id) FROM runs), 0, 'x', 'ghost', 's', 'x', '{}')"
        )
        con.commit()
        assert store.last_run().id == first
        assert "ghost" not in {row.topic for row in store.topics()}
        save(store)  # the next run clears the stray row away
    assert_consistent(tmp_path)


def test_a_failed_save_leaves_nothing_behind(tmp_path, monkeypatch):
    with Store.open(tmp_path) as store:
        first = save(store)

        def boom(con):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr("summit_facts.store._prune", boom)
        with pytest.raises(RuntimeError):
            save(store)
        assert store.last_run().id == first
    (n,) = raw(tmp_path).execute("SELECT COUNT(*) FROM runs").fetchone()
    assert n == 1


def test_records_from_another_version_are_a_store_error(tmp_path):
    with Store.open(tmp_path) as store:
        save(store)
        con = raw(tmp_path)
        con.execute("""UPDATE claims SET claim = '{"id": "x", "confidence": 0.9}'""")
        con.commit()
        for read in (store.last_run, lambda: store.claims_for("summit")):
            with pytest.raises(StoreError) as info:
                read()
            assert "cannot read" in info.value.message and "facts check" in info.value.hint
        save(store)  # a new check replaces them
        assert len(store.claims_for("summit")) == 4


# ---------------------------------------------------------------- processes


def test_two_processes_writing_at_once_both_finish(tmp_path):
    folder = tmp_path / "store"  # not created yet: both race to create it too
    data = dump_run(tmp_path / "run.json", extra=200)
    writers = [run_python(WRITER, str(folder), str(data), "15", f"w{i}") for i in range(2)]
    reader = run_python(
        """
        import sys, time
        from pathlib import Path
        from summit_facts.store import Store
        deadline = time.time() + 60
        seen = 0
        while time.time() < deadline and seen < 40:
            with Store.open(Path(sys.argv[1])) as store:
                run = store.last_run()
                if run is not None:
                    assert len(run.claims) == run.report.claims, "torn read"
                    seen += 1
        print("read", seen)
        """,
        str(folder),
    )
    for proc in [*writers, reader]:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert out.split()[-1] == "done" if proc in writers else out.startswith("read")
    assert_consistent(folder)
    with Store.open(folder) as store:
        assert store.last_run().paths == ["run14"]
        assert {store.get_mentions(f"hash{i}", "w0") == [] for i in range(3)} == {True}
        assert store.get_mentions("hash0", "w1") == []


def test_sigkill_just_before_commit_keeps_the_previous_run(tmp_path):
    folder = tmp_path / "store"
    with Store.open(folder) as store:
        before = save(store)
    data = dump_run(tmp_path / "run.json", extra=50)
    # The writer stops inside save_run's transaction, after the claims and the
    # complete flag are written but before COMMIT, and waits to be killed.
    proc = run_python(
        WRITER.replace(
            "with Store.open(folder) as store:",
            "import time, summit_facts.store as s\n"
            "    s._prune = lambda con: (print('inside', flush=True), time.sleep(60))\n"
            "    with Store.open(folder) as store:",
        ),
        str(folder),
        str(data),
        "1",
        "k",
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "inside"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    with Store.open(folder) as store:
        assert store.last_run().id == before
        after = save(store)  # the lock died with the process
        assert store.last_run().id == after
    assert_consistent(folder)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_a_random_moment_leaves_a_readable_store(tmp_path, seed):
    folder = tmp_path / "store"
    data = dump_run(tmp_path / "run.json", extra=1500)
    proc = run_python(WRITER, str(folder), str(data), "1000", "k")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(random.Random(seed).uniform(0.05, 0.6))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    with Store.open(folder) as store:
        run = store.last_run()
        assert run is not None and len(run.claims) == run.report.claims
        save(store)
        assert store.last_run().paths == ["seeds/"]
    assert_consistent(folder)


def test_a_store_locked_too_long_is_a_store_error(tmp_path, monkeypatch):
    monkeypatch.setattr("summit_facts.store.BUSY_TIMEOUT", 0.2)
    with Store.open(tmp_path) as store:
        blocker = raw(tmp_path)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as info:
                save(store)
        finally:
            blocker.rollback()
        assert "locked" in info.value.message and "--store" in info.value.hint
        save(store)


# ---------------------------------------------------------------- versions


V0_SCHEMA = """
CREATE TABLE mentions (content_hash TEXT, extractor_key TEXT, doc_id TEXT, data TEXT,
                       PRIMARY KEY (content_hash, extractor_key));
CREATE TABLE runs (id INTEGER PRIMARY KEY, created TEXT, paths TEXT, report TEXT, claims TEXT);
"""


def test_a_v0_store_is_migrated(tmp_path):
    report, claims, _ = make_run()
    con = raw(tmp_path)
    con.executescript(V0_SCHEMA)
    con.execute(
        "INSERT INTO mentions VALUES ('h1', 'k', ?, ?)",
        (S004.id, "[" + mention().model_dump_json() + "]"),
    )
    for i in range(KEEP_RUNS + 1):
        con.execute(
            "INSERT INTO runs VALUES (?, '2025-02-14T09:00:00+00:00', ?, ?, ?)",
            (
                i + 1,
                json.dumps([f"seeds{i}/"]),
                report.model_dump_json(),
                json.dumps([c.model_dump(mode="json") for c in claims]),
            ),
        )
    con.execute("INSERT INTO runs VALUES (99, '2025-02-15T09:00:00+00:00', '[]', '{}', '[]')")
    con.commit()
    con.close()

    with Store.open(tmp_path) as store:
        assert store.get_mentions("h1", "k") == [mention()]
        last = store.last_run()
        assert last.report == report and last.claims == claims
        assert last.paths == [f"seeds{KEEP_RUNS}/"]  # the unreadable run 99 was dropped
        assert last.documents == [S002, S004]
        assert store.topics()[0] == TopicRow("summit", "city", 2, "consensus")
    con = raw(tmp_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == STORE_SCHEMA_VERSION
    tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "mentions" not in tables and "runs_v0" not in tables
    assert_consistent(tmp_path)


def test_a_newer_store_is_refused_untouched(tmp_path):
    with Store.open(tmp_path):
        pass
    con = raw(tmp_path)
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert info.value.message == (
        f"the claim store at {tmp_path / DB_NAME} was written by a newer summit-facts "
        "(schema 7; this one reads 1)"
    )
    assert "upgrade summit-facts" in info.value.hint and "--store" in info.value.hint
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path):
    con = raw(tmp_path)
    con.execute("CREATE TABLE photos (id INTEGER, path TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert "not a summit-facts claim store" in info.value.message
    tables = {n for (n,) in raw(tmp_path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"photos"}
    assert raw(tmp_path).execute("PRAGMA journal_mode").fetchone()[0] != "wal"


def test_a_damaged_v1_store_is_refused(tmp_path):
    with Store.open(tmp_path):
        pass
    con = raw(tmp_path)
    con.execute("DROP TABLE claims")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="missing tables: claims"):
        Store.open(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"hello", b"This is not a database, just some notes.\n" * 100, bytes(range(256)) * 8],
)
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    (tmp_path / DB_NAME).write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path)
    assert "not an SQLite database" in info.value.message
    assert "--store" in info.value.hint
    assert (tmp_path / DB_NAME).read_bytes() == content


# ---------------------------------------------------------------- locations


def test_a_location_inside_a_file_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(StoreError) as info:
        Store.open(tmp_path / "notes.txt" / ".facts")
    assert "cannot create" in info.value.message
    assert "--store" in info.value.hint and "FACTS_STORE" in info.value.hint


def test_a_file_given_as_the_store_folder_is_refused(tmp_path):
    (tmp_path / "claims.db").write_text("")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        Store.open(tmp_path / "claims.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as info:
            Store.open(folder)
        assert "FACTS_STORE" in info.value.hint
    finally:
        folder.chmod(0o700)
