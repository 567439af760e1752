"""The `facts` command line: one module per command, each a thin Typer function.

`main` is the console script. `facts --version` answers from here, before
Typer or any command module is imported.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from summit_facts import __version__

        print(f"facts {__version__}")
        return
    from summit_facts.cli.app import main as run

    run()
