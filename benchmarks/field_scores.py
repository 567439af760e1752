"""Score every field corpus (tests/fixtures/field/<event>/) and the seeds against gold.

    python benchmarks/field_scores.py [--rules DIR]

Prints one line per corpus: recall, precision, verdict accuracy, traps sprung. Runs the
real CLI (`facts eval --format json`) so the figures are what a user gets.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpora() -> list[tuple[str, Path, Path]]:
    found = []
    seeds_gold = ROOT.parent / "shared" / "gold" / "seeds.yaml"
    if seeds_gold.exists():
        found.append(("seeds", ROOT / "seeds", seeds_gold))
    for folder in sorted((ROOT / "tests" / "fixtures" / "field").glob("*/")):
        if (folder / "gold.yaml").exists() and (folder / "articles").is_dir():
            found.append((folder.name, folder / "articles", folder / "gold.yaml"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", help="rules folder (default: the shipped rules)")
    args = parser.parse_args()
    for name, articles, gold in corpora():
        cmd = [sys.executable, "-m", "summit_facts", "eval", str(articles), "--gold", str(gold)]
        cmd += ["--format", "json", "--quiet"]
        if args.rules:
            cmd += ["--rules", args.rules]
        run = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(f"{name:32} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        e = json.loads(run.stdout)
        print(
            f"{name:32} recall {e['recall']:.2f}  precision {e['precision']:.2f}  "
            f"verdicts {e['verdict_accuracy']:.2f} ({sum(s['verdict_ok'] for s in e['subjects'])}"
            f"/{len(e['subjects'])})  traps {e['traps_sprung']}/{e['traps_total']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
