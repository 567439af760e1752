"""`facts check` as a function: inputs -> mentions -> events -> claims -> consolidated
-> verdicts -> store.

Returns models; the CLI prints them. The language model is loaded only if
some document is not in the claim store's cache yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summit_facts import SCHEMA_VERSION, __version__
from summit_facts.consolidate import consolidate, with_programme_names
from summit_facts.events import resolve
from summit_facts.filing import file_mentions
from summit_facts.ingest import DEFAULT_MAX_BYTES, iter_inputs
from summit_facts.models import (
    Claim,
    DateValue,
    MainEvent,
    Mention,
    Notice,
    Report,
    Skipped,
    Source,
)
from summit_facts.pipeline import Parser, Progress, extractor_key, stream_mentions
from summit_facts.rules import RuleSet, load_rules
from summit_facts.store import Store


@dataclass
class Options:
    """Everything `check` and `extract` accept besides the paths."""

    rules_dir: Path | None = None
    model: str | None = None
    jobs: int = 1
    store_dir: Path | None = None
    use_cache: bool = True
    save: bool = True
    scheduler: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    stdin: Any = None


@dataclass
class CheckResult:
    report: Report
    claims: list[Claim]
    sources: list[Source]
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)
    run_id: int | None = None


def slot_options(rules: RuleSet, claims: Iterable[Claim]) -> dict[tuple[str, str], dict[str, Any]]:
    """Per subject: whether its lists are complete, and the name aliases."""
    options: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims:
        key = (claim.topic, claim.slot)
        if key in options:
            continue
        rule = rules.slot_rule(claim.topic, claim.slot)
        options[key] = {
            "complete_lists": rule.complete_lists if rule else True,
            "aliases": rules.name_aliases,
        }
    return options


def collect(
    paths: Sequence[str],
    options: Options,
    *,
    rules: RuleSet,
    on_progress: Callable[[Progress], None] | None = None,
) -> CheckResult:
    """Read, parse (or take from the cache) and file every document."""
    from summit_facts.verdicts import build_report

    key = extractor_key(options.model)
    store = Store.open(options.store_dir) if (options.use_cache or options.save) else None
    parser = Parser(model=options.model, jobs=options.jobs, scheduler=options.scheduler)
    progress = Progress()
    skipped: list[Skipped] = []
    claims: list[Claim] = []
    sources: list[Source] = []
    texts: dict[str, str] = {}
    hashes: dict[str, str] = {}
    mentions_by_doc: dict[str, list[Mention]] = {}

    def cache_get(content_hash: str):  # type: ignore[no-untyped-def]
        if store is None or not options.use_cache:
            return None
        return store.get_mentions(content_hash, key)

    def cache_put(content_hash: str, doc_id: str, mentions) -> None:  # type: ignore[no-untyped-def]
        if store is not None:
            store.put_mentions(content_hash, key, doc_id, mentions)

    inputs = iter_inputs(paths, max_bytes=options.max_bytes, stdin=options.stdin)
    try:
        for document, mentions in stream_mentions(
            inputs,
            parser,
            cache_get=cache_get,
            cache_put=cache_put,
            progress=progress,
            on_item=on_progress,
            skipped=skipped,
        ):
            sources.append(document.source)
            texts[document.source.id] = document.text
            hashes[document.source.id] = document.content_hash
            doc_id = document.source.id  # a cached text may have come from another file
            mentions_by_doc[doc_id] = [
                m if m.doc_id == doc_id else m.model_copy(update={"doc_id": doc_id})
                for m in mentions
            ]
    finally:
        parser.close()
    # The events stage needs the whole corpus: which event most documents are about.
    by_id = {source.id: source for source in sources}
    main_event, resolved = resolve(mentions_by_doc, by_id)
    if main_event is not None:
        rules = rules.for_event(main_event.city, main_event.year, start=main_event.start)
    # One programme, one name: variants across the corpus map onto its shortest form.
    named = with_programme_names(
        rules, (m for found in resolved.values() for m in found), texts.values()
    )
    for source in sources:
        claims.extend(
            file_mentions(resolved[source.id], source, hashes[source.id], named, main=main_event)
        )
    claims = consolidate(claims, texts)
    report = build_report(
        claims,
        sources,
        texts=texts,
        slot_options=slot_options(rules, claims),
        skipped=skipped,
        tool_version=__version__,
        schema_version=SCHEMA_VERSION,
    )
    report.main_event = _dated_by_verdict(main_event, report)
    result = CheckResult(
        report=report,
        claims=claims,
        sources=sources,
        skipped=skipped,
        notices=progress.notices,
        progress=progress,
    )
    if store is not None:
        # A run with nothing usable must not replace the last good one.
        if options.save and sources:
            result.run_id = store.save_run(
                report, claims, sources, paths=list(paths), rules_hash=rules.digest
            )
        store.close()
    return result


def check(
    paths: Sequence[str],
    options: Options | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
) -> CheckResult:
    options = options or Options()
    rules = load_rules(options.rules_dir)
    return collect(paths, options, rules=rules, on_progress=on_progress)


def _dated_by_verdict(main: MainEvent | None, report: Report) -> MainEvent | None:
    """The main event with the days the sources agree on (`summit/dates`' consensus) once
    they are judged: the events stage only saw the range stated most often, which may be
    one part of the programme ("the leaders' days, 18-19 February")."""
    if main is None:
        return None
    for verdict in report.contradictions + report.consensus:
        if (verdict.topic, verdict.slot) != ("summit", "dates") or verdict.consensus is None:
            continue
        value = verdict.consensus.value
        if isinstance(value, DateValue) and value.precision == "day" and value.bound is None:
            return main.model_copy(update={"start": value.start, "end": value.end})
    return main
