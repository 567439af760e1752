"""The `facts` command line: one module per command, each a thin Typer function."""
