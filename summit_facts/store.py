"""The claim store: an embedded SQLite database under `.facts/`.

It holds two things. A document cache, keyed by the text's hash and an opaque
extractor key (tool version + model), so that `facts check` parses only what it
has not parsed before. And the last few runs of `facts check` (documents,
claims, verdicts, report), so that `facts show` and `facts topics` answer from
disk without loading the language model. Nothing here may import spaCy.

Concurrency and crashes: the database is in WAL mode, every write is one
`BEGIN IMMEDIATE` transaction and waits up to `BUSY_TIMEOUT` for another writer,
every read of several tables runs in one read transaction (a snapshot), and a
run is flagged complete in the same transaction that writes its claims. A
process killed mid-write therefore leaves the previous complete run in place.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from summit_facts.errors import StoreError

if TYPE_CHECKING:
    from summit_facts.models import Claim, Mention, Report, Source, SubjectVerdict

STORE_SCHEMA_VERSION = 1
DB_NAME = "claims.sqlite3"
DEFAULT_DIR = ".facts"
STORE_ENV = "FACTS_STORE"
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another one before giving up
KEEP_RUNS = 5


@cache
def _adapter(kind: str) -> Any:
    """TypeAdapter for a list of mentions or claims, built on first use: `facts
    topics` reads the store without building any model."""
    from pydantic import TypeAdapter

    from summit_facts.models import Claim, Mention

    return TypeAdapter(list[Mention] if kind == "mentions" else list[Claim])


_SECTIONS = ("contradictions", "consensus", "single_source", "automatic")  # verdict lists
_HINT_LOCATION = "use --store PATH or set FACTS_STORE to a writable folder"
_HINT_ASIDE = "move the store aside, or use --store / FACTS_STORE to start a new one"

# The current layout. A fresh store gets it directly; older ones reach it through
# MIGRATIONS. When v2 comes, freeze this text inside the v0 -> v1 migration.
_SCHEMA = """
CREATE TABLE doc_cache (
    content_hash  TEXT NOT NULL,
    extractor_key TEXT NOT NULL,
    doc_id        TEXT NOT NULL,
    mentions      TEXT NOT NULL,              -- JSON list of Mention; '[]' is cached
    PRIMARY KEY (content_hash, extractor_key)
);
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    created      TEXT NOT NULL,               -- ISO 8601, UTC
    paths        TEXT NOT NULL,               -- JSON list
    rules_hash   TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    header       TEXT NOT NULL,               -- the Report without its verdict lists
    complete     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
    run_id    INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    source_id TEXT NOT NULL,
    source    TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE TABLE claims (
    run_id    INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    claim_id  TEXT NOT NULL,
    topic     TEXT NOT NULL,
    slot      TEXT NOT NULL,
    source_id TEXT NOT NULL,
    claim     TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX claims_by_topic ON claims (run_id, topic, slot);
CREATE TABLE verdicts (
    run_id  INTEGER NOT NULL,
    seq     INTEGER NOT NULL,
    section TEXT NOT NULL,                    -- which Report list it came from
    topic   TEXT NOT NULL,
    slot    TEXT NOT NULL,
    verdict TEXT NOT NULL,
    data    TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX verdicts_by_topic ON verdicts (run_id, topic, slot);
"""
_TABLES = {"doc_cache", "runs", "documents", "claims", "verdicts"}
# The unversioned prototype layout (user_version 0): claims as one JSON list per run.
_V0_TABLES = {"mentions", "runs"}


class TopicRow(NamedTuple):
    topic: str
    slot: str
    claims: int
    verdict: str | None


class Record(dict[str, Any]):
    """A claim or verdict as stored (its model's JSON), read without building the
    model: `record.topic` is `record["topic"]`, and nested objects are records
    too. Enough for the renderers, which only read fields; nothing is validated.
    `facts show` reads these, so that it answers without Pydantic."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class StoredRun:
    id: int
    created: datetime
    paths: list[str]
    rules_hash: str
    report: Report
    claims: list[Claim]
    documents: list[Source]


def default_path() -> Path:
    """`$FACTS_STORE` if set, else `.facts/` in the working folder."""
    return Path(os.environ.get(STORE_ENV) or Path.cwd() / DEFAULT_DIR)


class Store:
    """A claim store. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, folder: Path, connection: sqlite3.Connection) -> None:
        self.folder = folder
        self.path = folder / DB_NAME
        self._con = connection

    # ------------------------------------------------------------ open / close

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        folder = Path(path) if path is not None else default_path()
        if folder.exists() and not folder.is_dir():
            raise StoreError(
                f"the claim store location {folder} is a file, not a folder",
                hint=f"--store and FACTS_STORE name a folder; the database inside it is {DB_NAME}",
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the claim store folder {folder}: {exc.strerror or exc}",
                hint=_HINT_LOCATION,
            ) from exc
        db = folder / DB_NAME
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so that the
            # transaction boundaries are exactly the ones written below.
            con = sqlite3.connect(db, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise _translate(exc, db) from exc
        store = cls(folder, con)
        try:
            with store._errors():
                con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
                # Schema first: a foreign or newer database is refused before
                # anything (even the journal mode) is changed in it.
                store._prepare_schema()
                store._enable_wal()
                con.execute("PRAGMA synchronous = NORMAL")  # durable across process crashes
        except BaseException:
            con.close()
            raise
        return store

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _enable_wal(self) -> None:
        # WAL lets `facts show` read while a check writes. Switching takes an
        # exclusive lock that does not always wait on the busy handler, so two
        # processes creating the store at once retry here; afterwards the mode is
        # recorded in the file and this is a plain read. A filesystem without WAL
        # (some network mounts) answers with another mode: the rollback journal
        # still keeps every transaction atomic, so carry on with it.
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                if self._con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._con.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(0.05)

    def _prepare_schema(self) -> None:
        version = self._con.execute("PRAGMA user_version").fetchone()[0]
        if version == STORE_SCHEMA_VERSION:
            self._check_tables(_TABLES)
            return
        if version < 0:
            raise StoreError(
                f"the claim store at {self.path} has an unknown schema ({version})",
                hint=_HINT_ASIDE,
            )
        if version > STORE_SCHEMA_VERSION:
            raise StoreError(
                f"the claim store at {self.path} was written by a newer summit-facts "
                f"(schema {version}; this one reads {STORE_SCHEMA_VERSION})",
                hint="upgrade summit-facts, or move the store aside / use --store to "
                "start a new one",
            )
        with self._write() as con:
            # Read again under the write lock: another process may have created or
            # migrated the store while we waited.
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version == STORE_SCHEMA_VERSION:
                return
            if version == 0 and not self._table_names():
                _create(con)
            else:
                if version == 0:
                    self._check_tables(_V0_TABLES)
                while version < STORE_SCHEMA_VERSION:
                    step = MIGRATIONS.get(version)
                    if step is None:
                        raise StoreError(
                            f"the claim store at {self.path} has schema {version}, too old "
                            "to migrate",
                            hint=_HINT_ASIDE,
                        )
                    step(con)
                    version += 1
            con.execute(f"PRAGMA user_version = {STORE_SCHEMA_VERSION}")

    def _table_names(self) -> set[str]:
        rows = self._con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return {name for (name,) in rows}

    def _check_tables(self, needed: set[str]) -> None:
        missing = needed - self._table_names()
        if missing:
            raise StoreError(
                f"{self.path} is not a summit-facts claim store, or it is damaged "
                f"(missing tables: {', '.join(sorted(missing))})",
                hint=_HINT_ASIDE,
            )

    # ------------------------------------------------------------ transactions

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc
        except ValueError as exc:  # pydantic.ValidationError is one
            # Rows written by a summit-facts whose records differ from ours.
            raise StoreError(
                f"the claim store at {self.path} holds records this summit-facts cannot read",
                hint="run `facts check` again to replace them, or " + _HINT_ASIDE,
            ) from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; IMMEDIATE so that it queues for the lock up front."""
        with self._errors():
            self._con.execute("BEGIN IMMEDIATE")
            try:
                yield self._con
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read snapshot, so that a concurrent prune cannot split a read in two."""
        with self._errors():
            self._con.execute("BEGIN")
            try:
                yield self._con
            finally:
                self._con.execute("COMMIT")

    # ------------------------------------------------------------ document cache

    def get_mentions(
        self, content_hash: str, extractor_key: str, *, doc_id: str | None = None
    ) -> list[Mention] | None:
        """The cached mentions of a text, or None if it was never extracted.

        Identical text under another file name hits the same entry: pass `doc_id`
        to have the mentions stamped with the caller's document id.
        """
        with self._errors():
            row = self._con.execute(
                "SELECT mentions FROM doc_cache WHERE content_hash = ? AND extractor_key = ?",
                (content_hash, extractor_key),
            ).fetchone()
        if row is None:
            return None
        try:
            mentions = _adapter("mentions").validate_json(row[0])
        except ValueError:  # pydantic.ValidationError is one
            # The cache is disposable: an entry the models no longer read is a miss,
            # and the caller re-extracts and overwrites it.
            return None
        if doc_id is not None:
            mentions = [m.model_copy(update={"doc_id": doc_id}) for m in mentions]
        return mentions

    def put_mentions(
        self, content_hash: str, extractor_key: str, doc_id: str, mentions: list[Mention]
    ) -> None:
        data = _adapter("mentions").dump_json(mentions).decode("utf-8")
        with self._write() as con:
            con.execute(
                "INSERT OR REPLACE INTO doc_cache (content_hash, extractor_key, doc_id, mentions)"
                " VALUES (?, ?, ?, ?)",
                (content_hash, extractor_key, doc_id, data),
            )

    # ------------------------------------------------------------ runs

    def save_run(
        self,
        report: Report,
        claims: list[Claim],
        documents: list[Source],
        *,
        paths: list[str],
        rules_hash: str,
    ) -> int:
        """Store one `facts check` in one transaction; returns the run id."""
        # Serialise before taking the write lock, so other writers wait less.
        rows = _run_rows(report, claims, documents, paths, rules_hash, datetime.now(UTC))
        with self._write() as con:
            run_id = _insert_run(con, rows)
            _prune(con)
        return run_id

    def last_run(self) -> StoredRun | None:
        from summit_facts.models import Claim, Report, Source

        with self._read() as con:
            row = con.execute(
                "SELECT id, created, paths, rules_hash, header FROM runs"
                " WHERE complete = 1 ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            run_id, created, paths, rules_hash, header = row
            claims = _column(con, "SELECT claim FROM claims WHERE run_id = ?", run_id)
            documents = _column(con, "SELECT source FROM documents WHERE run_id = ?", run_id)
            verdicts = con.execute(
                "SELECT section, data FROM verdicts WHERE run_id = ? ORDER BY seq", (run_id,)
            ).fetchall()
        sections: dict[str, list[object]] = {name: [] for name in _SECTIONS}
        for section, data in verdicts:
            sections[section].append(json.loads(data))
        with self._errors():
            return StoredRun(
                id=run_id,
                created=datetime.fromisoformat(created),
                paths=json.loads(paths),
                rules_hash=rules_hash,
                report=Report.model_validate({**json.loads(header), **sections}),
                claims=[Claim.model_validate_json(data) for data in claims],
                documents=[Source.model_validate_json(data) for data in documents],
            )

    def topics(self) -> list[TopicRow]:
        """(topic, slot, claim count, verdict) for every subject of the last run."""
        with self._read() as con:
            run_id = _last_run_id(con)
            if run_id is None:
                return []
            verdicts = {
                (topic, slot): verdict
                for topic, slot, verdict in con.execute(
                    "SELECT topic, slot, verdict FROM verdicts WHERE run_id = ?", (run_id,)
                )
            }
            counts = {
                (topic, slot): count
                for topic, slot, count in con.execute(
                    "SELECT topic, slot, COUNT(*) FROM claims WHERE run_id = ?"
                    " GROUP BY topic, slot",
                    (run_id,),
                )
            }
        # A subject can have a verdict without claims only in a hand-made report;
        # listing the union keeps either side from vanishing.
        return [
            TopicRow(topic, slot, counts.get((topic, slot), 0), verdicts.get((topic, slot)))
            for topic, slot in sorted(counts.keys() | verdicts.keys())
        ]

    def claims_for(self, topic: str, *, slot: str | None = None) -> list[Claim]:
        from summit_facts.models import Claim

        rows = self._select_for("claim", "claims", topic, slot)
        with self._errors():
            return [Claim.model_validate_json(data) for data in rows]

    def verdicts_for(self, topic: str, *, slot: str | None = None) -> list[SubjectVerdict]:
        from summit_facts.models import SubjectVerdict

        rows = self._select_for("data", "verdicts", topic, slot)
        with self._errors():
            return [SubjectVerdict.model_validate_json(data) for data in rows]

    def last_tool_version(self) -> str | None:
        """The summit-facts version that wrote the last complete run, if any."""
        with self._read() as con:
            row = con.execute(
                "SELECT tool_version FROM runs WHERE complete = 1 ORDER BY id DESC LIMIT 1"
            ).fetchone()
        return row[0] if row else None

    def claim_records_for(self, topic: str, *, slot: str | None = None) -> list[Record]:
        """`claims_for` as stored records, without the models (see `Record`)."""
        return self._records(self._select_for("claim", "claims", topic, slot))

    def verdict_records_for(self, topic: str, *, slot: str | None = None) -> list[Record]:
        """`verdicts_for` as stored records, without the models (see `Record`)."""
        return self._records(self._select_for("data", "verdicts", topic, slot))

    def _records(self, rows: list[str]) -> list[Record]:
        with self._errors():  # a row that is not JSON is a ValueError
            return [json.loads(data, object_hook=Record) for data in rows]

    def _select_for(self, column: str, table: str, topic: str, slot: str | None) -> list[str]:
        with self._read() as con:
            run_id = _last_run_id(con)
            if run_id is None:
                return []
            sql = f"SELECT {column} FROM {table} WHERE run_id = ? AND topic = ?"
            args: tuple[object, ...] = (run_id, topic)
            if slot is not None:
                sql += " AND slot = ?"
                args += (slot,)
            return [data for (data,) in con.execute(sql + " ORDER BY seq", args)]


# ---------------------------------------------------------------- helpers


def _create(con: sqlite3.Connection) -> None:
    # executescript() would COMMIT the open transaction first; run statements one
    # by one so that creation stays inside the caller's BEGIN IMMEDIATE.
    for statement in _statements(_SCHEMA):
        con.execute(statement)


def _statements(script: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _prune(con: sqlite3.Connection) -> None:
    """Keep the last KEEP_RUNS complete runs; anything else (older, or a stray
    incomplete row) goes."""
    keep = f"SELECT id FROM runs WHERE complete = 1 ORDER BY id DESC LIMIT {KEEP_RUNS}"
    con.execute(f"DELETE FROM runs WHERE id NOT IN ({keep})")
    for table in ("documents", "claims", "verdicts"):
        con.execute(f"DELETE FROM {table} WHERE run_id NOT IN (SELECT id FROM runs)")


def _last_run_id(con: sqlite3.Connection) -> int | None:
    row = con.execute("SELECT MAX(id) FROM runs WHERE complete = 1").fetchone()
    return row[0] if row else None


class _RunRows(NamedTuple):
    """One run, serialised: what `_insert_run` writes."""

    run: tuple[str, str, str, str, str]  # created, paths, rules_hash, tool_version, header
    documents: list[tuple[str, str]]
    claims: list[tuple[str, str, str, str, str]]
    verdicts: list[tuple[str, str, str, str, str]]


def _run_rows(
    report: Report,
    claims: list[Claim],
    documents: list[Source],
    paths: list[str],
    rules_hash: str,
    created: datetime,
) -> _RunRows:
    header = report.model_dump_json(exclude=set(_SECTIONS))
    verdicts = [(name, v) for name in _SECTIONS for v in getattr(report, name)]
    return _RunRows(
        run=(created.isoformat(), json.dumps(paths), rules_hash, report.tool_version, header),
        documents=[(s.id, s.model_dump_json()) for s in documents],
        claims=[(c.id, c.topic, c.slot, c.source.id, c.model_dump_json()) for c in claims],
        verdicts=[(n, v.topic, v.slot, v.verdict, v.model_dump_json()) for n, v in verdicts],
    )


def _insert_run(con: sqlite3.Connection, rows: _RunRows) -> int:
    cur = con.execute(
        "INSERT INTO runs (created, paths, rules_hash, tool_version, header, complete)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        rows.run,
    )
    run_id = cur.lastrowid
    assert run_id is not None
    con.executemany(
        "INSERT INTO documents (run_id, seq, source_id, source) VALUES (?, ?, ?, ?)",
        [(run_id, i, *row) for i, row in enumerate(rows.documents)],
    )
    con.executemany(
        "INSERT INTO claims (run_id, seq, claim_id, topic, slot, source_id, claim)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(run_id, i, *row) for i, row in enumerate(rows.claims)],
    )
    con.executemany(
        "INSERT INTO verdicts (run_id, seq, section, topic, slot, verdict, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(run_id, i, *row) for i, row in enumerate(rows.verdicts)],
    )
    # Readers only see complete runs. The flag commits with the rows above, so it
    # is belt and braces against a future change that splits the transaction.
    con.execute("UPDATE runs SET complete = 1 WHERE id = ?", (run_id,))
    return run_id


def _column(con: sqlite3.Connection, sql: str, run_id: int) -> list[str]:
    return [data for (data,) in con.execute(sql + " ORDER BY seq", (run_id,))]


def _migrate_v0(con: sqlite3.Connection) -> None:
    """v0 (prototype) -> v1: the cache keeps its rows; each run's JSON claim list
    is spread over the claims table and its report over the verdicts table."""
    from summit_facts.models import Report

    con.execute("ALTER TABLE runs RENAME TO runs_v0")
    _create(con)
    con.execute(
        "INSERT INTO doc_cache (content_hash, extractor_key, doc_id, mentions)"
        " SELECT content_hash, extractor_key, doc_id, data FROM mentions"
    )
    old = con.execute("SELECT created, paths, report, claims FROM runs_v0 ORDER BY id").fetchall()
    for created, paths, report_json, claims_json in old:
        try:
            report = Report.model_validate_json(report_json)
            claims = _adapter("claims").validate_json(claims_json)
        except ValueError:  # pydantic.ValidationError is one
            continue  # a prototype run the models cannot read is not worth a refusal
        documents = list({c.source.id: c.source for c in claims}.values())
        when = datetime.fromisoformat(created)
        # v0 did not record the rules: an empty hash never matches a real one.
        _insert_run(con, _run_rows(report, claims, documents, json.loads(paths), "", when))
    con.execute("DROP TABLE mentions")
    con.execute("DROP TABLE runs_v0")
    _prune(con)


# Schema version -> the step that lifts a store from it to the next version.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _migrate_v0}


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"the claim store at {path} stayed locked by another facts process for more "
            f"than {BUSY_TIMEOUT:.0f} s",
            hint="wait for the other run to finish, or use --store to pick another store",
        )
    if "not a database" in text:
        return StoreError(f"{path} is not an SQLite database", hint=_HINT_ASIDE)
    if "malformed" in text or "corrupt" in text:
        return StoreError(f"the claim store at {path} is damaged ({text})", hint=_HINT_ASIDE)
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreError(f"cannot open the claim store at {path} for writing", hint=_HINT_LOCATION)
    return StoreError(f"the claim store at {path} failed: {text}", hint=_HINT_ASIDE)
