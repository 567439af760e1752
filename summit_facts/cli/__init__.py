"""The `facts` command line: one module per command, each a thin Typer function.

`main` is the console script. `facts --version` answers from here, before
Typer or any command module is imported; `facts show` and `facts topics`
answer without Typer when their options are plainly spelt (`quick.py`).
"""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args == ["--version"]:
        from summit_facts import __version__

        print(f"facts {__version__}")
        return
    from summit_facts.cli.quick import answer

    code = answer(args)
    if code is not None:
        if code:
            sys.exit(code)
        return
    from summit_facts.cli.app import main as run

    run()
