"""What `facts show` and `facts topics` answer from the claim store, as text.

No Typer, no Pydantic models, no spaCy: the Typer commands (`show.py`,
`topics.py`) and the quick path (`quick.py`) both call these functions, and the
quick path answers without importing either framework. Claims and verdicts are
read as stored records (`store.Record`), not validated models.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from summit_facts import __version__
from summit_facts.cli._io import console_width
from summit_facts.errors import InputError, StoreError
from summit_facts.render import Format, render_claims, render_topics

if TYPE_CHECKING:
    from summit_facts.models import Claim, SubjectVerdict
    from summit_facts.store import Store

AUTO_TOPIC = (
    "auto"  # filing.AUTO_TOPIC, not imported: `topics` loads no rules (a test holds them equal)
)
_HINT_CHECK_FIRST = "run `facts check PATH...` first, or give PATH to this command"


def known_topic(topic: str, rules_dir: Path | None, store_dir: Path | None = None) -> None:
    """Raise with the closest known topic as a hint when `topic` is unknown."""
    import difflib

    from summit_facts.filing import AUTO_TOPIC
    from summit_facts.rules import load_rules

    names = {f.topic for f in load_rules(rules_dir).topics() if f.topic} | {AUTO_TOPIC}
    if topic in names:
        return
    close = difflib.get_close_matches(topic, sorted(names), n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "known topics: " + ", ".join(sorted(names))
    raise InputError(f"unknown topic {topic!r}", hint=hint)


def open_last_run_store(store_dir: Path | None) -> Store:
    from summit_facts.store import DB_NAME, Store, default_path

    folder = Path(store_dir) if store_dir is not None else default_path()
    if not folder.exists() or (folder.is_dir() and not (folder / DB_NAME).exists()):
        # Reading must not leave an empty store (and its folders) behind.
        raise StoreError(f"no claim store at {folder} yet", hint=_HINT_CHECK_FIRST)
    store = Store.open(folder)
    if store.last_tool_version() is None:  # no complete run (and no models built to say so)
        store.close()
        raise StoreError("the claim store holds no completed check yet", hint=_HINT_CHECK_FIRST)
    return store


def show_text(
    topic: str,
    *,
    slot: str | None = None,
    fmt: Format = Format.table,
    store_dir: Path | None = None,
    rules_dir: Path | None = None,
) -> str:
    """Every claim of `topic` (or of one slot) in the last check, with its verdict.

    Claims and verdicts written by this version of summit-facts are read as
    records, which render as their models would; another version's go through
    the models, which fill in new fields or say that the store cannot be read.
    """
    db = open_last_run_store(store_dir)
    with db:
        as_records = db.last_tool_version() == __version__
        if as_records:
            claims = cast("list[Claim]", db.claim_records_for(topic, slot=slot))
            verdicts = cast("list[SubjectVerdict]", db.verdict_records_for(topic, slot=slot))
        else:
            claims, verdicts = db.claims_for(topic, slot=slot), db.verdicts_for(topic, slot=slot)
        if not claims:
            known = {row.topic for row in db.topics()}
            if topic not in known:
                known_topic(topic, rules_dir)
        try:
            return _claims(claims, verdicts, fmt)
        except (KeyError, AttributeError, TypeError, ValueError):
            if not as_records:
                raise
            # A record this code does not lay out (written before a field was
            # added, say): the models read it, or say the store cannot be read.
            return _claims(db.claims_for(topic, slot=slot), db.verdicts_for(topic, slot=slot), fmt)


def _claims(claims: list[Claim], verdicts: list[SubjectVerdict], fmt: Format) -> str:
    return render_claims(claims, fmt, verdicts=verdicts, console_width=console_width())


def topics_text(*, fmt: Format = Format.table, store_dir: Path | None = None) -> str:
    """The topics and slots of the last check, rule topics first, with claim
    counts and verdicts."""
    db = open_last_run_store(store_dir)
    with db:
        rows = db.topics()
    # Rule topics first: automatic subjects ("auto / in_date") are evidence, not findings.
    rows = sorted(rows, key=lambda row: (row[0] == AUTO_TOPIC, row[0], row[1]))
    return render_topics(rows, fmt, console_width=console_width())
