"""How fast do the quick commands answer? Startup ratios of issue 11.

    python benchmarks/startup.py [--repeat 15] [--json results.json]

Times `facts --help`, `facts --version`, `facts show --topic summit` and
`facts topics` (both read the claim store of a `facts check seeds/` made first,
in a temporary folder) against a bare `python -c pass` of the same interpreter.
Each is a fresh process, run as the console script runs it; the median of
`--repeat` runs counts. Prints each ratio with PASS or FAIL against the target
(at most 4 x the bare interpreter) and, with --json, writes the numbers.

The target is wall time. The CPU time of each process (user + system, median)
is printed beside it: on a machine that other work keeps busy, wall times
wander and the CPU ratio is the steadier reading of the two.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
TARGET = 4.0
# What the `facts` console script runs.
FACTS = [
    sys.executable,
    "-c",
    "import sys; sys.argv[0] = 'facts'\nfrom summit_facts.cli import main\nmain()",
]
COMMANDS = {
    "facts --help": ["--help"],
    "facts --version": ["--version"],
    "facts show --topic summit": ["show", "--topic", "summit"],
    "facts topics": ["topics"],
}


def seconds(args: list[str], *, repeat: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - before)
        if done.returncode != 0:
            sys.exit(f"{args[-3:]} failed: {done.stderr.decode()[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (median)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="facts-startup-") as tmp:
        env = {**os.environ, "FACTS_STORE": str(Path(tmp) / "store"), "COLUMNS": "100"}
        print(f"facts check {SEEDS} (once, to fill the store) ...", file=sys.stderr)
        subprocess.run([*FACTS, "check", str(SEEDS), "-q"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        for args in COMMANDS.values():  # warm the file cache, as a user's second try would be
            subprocess.run([*FACTS, *args], env=env, capture_output=True)
        load = os.getloadavg()[0]
        wall, cpu = seconds([sys.executable, "-c", "pass"], repeat=options.repeat, env=env)
        results = {"python -c pass": {"seconds": wall, "ratio": 1.0, "cpu": cpu, "cpu_ratio": 1.0}}
        for name, args in COMMANDS.items():
            took, used = seconds([*FACTS, *args], repeat=options.repeat, env=env)
            results[name] = {
                "seconds": took,
                "ratio": took / wall,
                "cpu": used,
                "cpu_ratio": used / cpu,
            }
    header = f"{'command':<28} {'median':>9} {'ratio':>7}  {'cpu':>8} {'ratio':>6}"
    print(f"{header}  target <= {TARGET:g} x")
    for name, numbers in results.items():
        verdict = (
            "" if name.startswith("python") else ("PASS" if numbers["ratio"] <= TARGET else "FAIL")
        )
        print(
            f"{name:<28} {numbers['seconds'] * 1000:7.0f} ms {numbers['ratio']:6.1f} x"
            f"  {numbers['cpu'] * 1000:5.0f} ms {numbers['cpu_ratio']:5.1f} x  {verdict}"
        )
    cores = os.cpu_count() or 1
    if load > 0.5 * cores:
        print(f"note: load average {load:.1f} on {cores} cores: wall times are noisy")
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
