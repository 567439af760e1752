"""What the commands share: options, stderr messages, stdout writing, progress."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from summit_facts.cli._io import console_width as console_width
from summit_facts.cli._io import err as err
from summit_facts.cli._io import out as out
from summit_facts.cli.usage import NO_DOCUMENTS_HINT as NO_DOCUMENTS_HINT
from summit_facts.render import Format
from summit_facts.render._common import printable as printable

# The ingest limit (pipeline.DEFAULT_MAX_BYTES), here so that `--help` imports
# neither; a test holds the two equal.
DEFAULT_MAX_BYTES = 10_000_000

FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Claim store folder (default: .facts/ here, or $FACTS_STORE).",
        envvar="FACTS_STORE",
        show_envvar=True,
    ),
]
RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules", help="Rules folder (default: the shipped rules/).", envvar="FACTS_RULES"
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model name or path (default: en_core_web_sm)."),
]


class ProgressPrinter:
    """'read 120 · parsed 80 · cached 40 · skipped 1' on stderr, for more than a handful:
    rewritten in place on a terminal; in a log or a pipe, one line at the end."""

    def __init__(self, *, quiet: bool = False, threshold: int = 5) -> None:
        self.quiet = quiet
        self.threshold = threshold
        self.tty = sys.stderr.isatty()
        self.shown = False
        self.last: str | None = None

    def __call__(self, progress) -> None:  # type: ignore[no-untyped-def]
        total = progress.read + progress.skipped
        if self.quiet or total <= self.threshold:
            return
        line = (
            f"read {progress.read} · parsed {progress.parsed} · cached {progress.cached}"
            f" · skipped {progress.skipped}"
        )
        if not self.tty:
            self.last = line  # written once, by done()
            return
        sys.stderr.write("\r" + line)
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()
        elif self.last is not None:
            sys.stderr.write(self.last + "\n")
            sys.stderr.flush()


def check_jobs(jobs: int | None) -> None:
    """`--jobs` counts worker processes: one or more."""
    if jobs is not None and jobs < 1:
        from summit_facts.errors import InputError

        raise InputError(
            f"--jobs must be 1 or more, not {jobs}", hint="leave it out to use every core"
        )


def report_inputs(skipped, notices) -> None:  # type: ignore[no-untyped-def]
    """Each unusable input once, with its reason; each notice once; one line each.
    Files of other kinds met in folders are counted by extension, on one line."""
    from collections import Counter

    from summit_facts.ingest import other_kind

    others: Counter[str] = Counter()
    for item in skipped:
        extension = other_kind(item)
        if extension is not None:
            others[extension] += 1
            continue
        err(f"skipped: {printable(item.path)}: {printable(item.reason)}")
    if others:
        total = sum(others.values())
        counts = ", ".join(f"{printable(ext)} {n}" for ext, n in sorted(others.items()))
        err(f"ignored {total} file{'s' if total != 1 else ''} of other kinds: {counts}")
    for notice in notices:
        err(f"warning: {printable(notice.path)}: {printable(notice.message)}")


def run_check(paths, options, *, quiet: bool, hint: str = NO_DOCUMENTS_HINT):  # type: ignore[no-untyped-def]
    """Read, parse and file `paths` with progress on stderr; every skipped input is
    reported, and a run with no usable document is an input error."""
    from summit_facts.check import check
    from summit_facts.errors import InputError

    printer = ProgressPrinter(quiet=quiet)
    result = check(paths, options, on_progress=printer)
    printer.done()
    report_inputs(result.skipped, result.notices)
    if not result.sources:
        raise InputError("no usable documents in " + ", ".join(paths), hint=hint)
    return result
