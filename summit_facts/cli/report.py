"""`facts report`: the last check as a self-contained HTML page, from the claim
store, without loading the language model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from summit_facts.cli._common import StoreOption, err, out, printable
from summit_facts.errors import InputError


def report_cli(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Where to write the page ('-' for stdout)."),
    ] = Path("report.html"),
    auto: Annotated[
        bool, typer.Option("--auto/--no-auto", help="Also list the automatic subjects.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Write the last check as report.html: open it in a browser, offline."""
    from summit_facts.cli.reading import open_last_run_store
    from summit_facts.render import Format, ReportView, render_report

    db = open_last_run_store(store)
    with db:
        run = db.last_run()
    if run is None:  # open_last_run_store refuses a store without a complete run
        raise InputError("the claim store holds no completed check yet")
    page = render_report(run.report, Format.html, view=ReportView(auto=auto))
    if str(output) == "-":
        out(page)
        return
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(
            f"cannot write {printable(str(output))}: {exc.strerror or exc}",
            hint="give --output a path in a writable folder, or '-' for stdout",
        ) from None
    err(f"wrote {printable(str(output))} ({len(run.report.contradictions)} contradictions)")
