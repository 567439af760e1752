"""How fast is `facts` on a newsroom archive? One run, every ratio of issue 5.

    python benchmarks/bench.py --docs 200 --json results.json

Builds N unique articles from the seeds in a temporary folder (see corpus.py),
then measures, on this machine and in this run:

- bare `nlp.pipe` of the same model on the same texts, against `facts check`
  and `facts extract` (each a fresh process, --jobs 1, nothing cached);
- `--jobs J` against `--jobs 1` (and that both give the same report);
- an unchanged re-run against the first run, whether it imported spaCy, and
  how many documents a re-run parses after one file changed;
- peak memory (RSS of the process and its children) at N and SCALE x N docs;
- `facts show --topic signatories` against `facts --help`.

Every `facts` command runs as a subprocess, as a user would run it. Prints a
table with PASS/FAIL per target and, with --json, writes the numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

# `facts` as the console script runs it, plus a line on stderr saying whether
# spaCy was imported: a re-run of an unchanged corpus must not import it.
FACTS = [
    sys.executable,
    "-c",
    "import atexit, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "'\\n#spacy-imported=%d\\n' % ('spacy' in sys.modules)))\n"
    "sys.argv[0] = 'facts'\n"
    "from summit_facts.cli import main\n"
    "main()\n",
]
SAMPLE_SECONDS = 0.05  # how often the memory of the process tree is read


@dataclass
class Run:
    seconds: float
    peak_rss: int  # bytes, the process and all its children together
    stdout: str
    stderr: str
    others: float  # cores that other processes kept busy meanwhile: noise in the timing
    cpu_s: float  # CPU seconds of the process and its children (user + system)

    @property
    def parsed(self) -> int | None:
        """Documents parsed, from the last progress line on stderr."""
        found = re.findall(r"parsed (\d+)", self.stderr)
        return int(found[-1]) if found else None

    @property
    def spacy_imported(self) -> bool | None:
        found = re.findall(r"#spacy-imported=(\d)", self.stderr)
        return found[-1] == "1" if found else None


def run(args: list[str], *, work: Path) -> Run:
    """Run a command to the end, sampling the RSS of its whole process tree."""
    out_path, err_path = work / "stdout.txt", work / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        cpu = _busy_cpu()
        start = time.perf_counter()
        proc = psutil.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=work)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        cpu = [after - before for after, before in zip(_busy_cpu(), cpu, strict=True)]
    others = max(0.0, cpu[0] - cpu[1]) / seconds
    result = Run(
        seconds, peak, out_path.read_text("utf-8"), err_path.read_text("utf-8"), others, cpu[1]
    )
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[3:])} failed ({proc.returncode}):\n{result.stderr}")
    return result


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    with contextlib.suppress(psutil.Error):
        for p in [proc, *proc.children(recursive=True)]:
            # A child can end between the listing and the reading.
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
    return total


def _busy_cpu() -> tuple[float, float]:
    """CPU seconds used so far: by the whole machine, and by us (this process and
    the children it waited for, which include their own waited-for children)."""
    machine = psutil.cpu_times()
    busy = sum(getattr(machine, name, 0.0) for name in ("user", "nice", "system", "irq",
                                                        "softirq", "steal"))  # fmt: skip
    ours = sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF),
                      resource.getrusage(resource.RUSAGE_CHILDREN))
    )  # fmt: skip
    return busy, ours


def facts(*args: str, work: Path) -> Run:
    return run([*FACTS, *args], work=work)


def median_seconds(args: list[str], *, work: Path, repeat: int) -> float:
    return statistics.median(run(args, work=work).seconds for _ in range(repeat))


# ---------------------------------------------------------------- bare spaCy


def bare(folder: Path, model: str | None) -> dict[str, Any]:
    """Runs in a child process: the model alone on the texts `facts` would parse."""
    import spacy

    from summit_facts.ingest import iter_inputs
    from summit_facts.models import Document
    from summit_facts.pipeline import BATCH_SIZE, _installed_model

    texts = [d.text for d in iter_inputs([str(folder)]) if isinstance(d, Document)]
    name = model or _installed_model()
    start = time.perf_counter()
    nlp = spacy.load(name)
    loaded = time.perf_counter()
    # The batch size `facts` uses; spaCy's default (1000) holds every Doc of a
    # small corpus at once and was slower here.
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    done = time.perf_counter()
    words = sum(len(text.split()) for text in texts)
    return {
        "model": name,
        "docs": len(texts),
        "words": words,
        "load_s": loaded - start,
        "pipe_s": done - loaded,
    }


# ---------------------------------------------------------------- the benchmark


def benchmark(options: argparse.Namespace, work: Path) -> dict[str, Any]:
    n, jobs = options.docs, options.jobs
    model = ["--model", options.model] if options.model else []
    folder = work / "corpus"
    corpus.build(folder, n, options.seeds)
    say(f"corpus: {n} documents in {folder}")

    def check(path: Path, store: str, jobs: int, *more: str) -> Run:
        store_args = ["--store", str(work / store)]
        args = ["check", str(path), "--jobs", str(jobs), *store_args, "--format", "json"]
        return facts(*args, *more, *model, work=work)

    say("bare nlp.pipe ...")
    bare_run = run([sys.executable, str(Path(__file__).resolve()), "--bare", str(folder), *model],
                   work=work)  # fmt: skip
    spacy_only = {**json.loads(bare_run.stdout), "process_s": bare_run.seconds,
                  "process_cpu_s": bare_run.cpu_s, "other_cores": bare_run.others}  # fmt: skip
    words = spacy_only["words"]
    spacy_only["words_per_s"] = words / spacy_only["pipe_s"]

    say("facts check --jobs 1 (fresh store) ...")
    first = check(folder, "store1", 1)
    say("facts extract --jobs 1 --no-cache ...")
    extract = facts("extract", str(folder), "--jobs", "1", "--no-cache", "--format", "jsonl",
                    *model, work=work)  # fmt: skip
    say(f"facts check --jobs {jobs} (fresh store) ...")
    parallel = check(folder, "store2", jobs)

    say("re-runs on the unchanged corpus (3) ...")
    rerun = sorted((check(folder, "store1", 1) for _ in range(3)), key=lambda r: r.seconds)[1]
    changed = sorted(folder.iterdir())[n // 2]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\nA correction was appended to this article after publication.\n")
    before = _cached_texts(work / "store1")
    touched = check(folder, "store1", 1)
    new_entries = _cached_texts(work / "store1") - before

    say("facts --help and facts show (5 each) ...")
    help_s = median_seconds([*FACTS, "--help"], work=work, repeat=5)
    show = [*FACTS, "show", "--topic", "signatories", "--store", str(work / "store1")]
    show_s = median_seconds(show, work=work, repeat=5)

    results: dict[str, Any] = {
        "docs": n,
        "words": words,
        "bare": spacy_only,
        "check_jobs1": _summary(first, words),
        "extract_jobs1": _summary(extract, words),
        "check_parallel": {**_summary(parallel, words), "jobs": jobs,
                           "same_report": parallel.stdout == first.stdout},
        "rerun": {**_summary(rerun, words), "same_report": rerun.stdout == first.stdout},
        "one_changed": {**_summary(touched, words), "new_cache_entries": len(new_entries)},
        "help_s": help_s,
        "show_s": show_s,
    }  # fmt: skip
    if options.scale > 1:
        big = work / "corpus_big"
        corpus.build(big, n * options.scale, options.seeds)
        say(f"facts check --jobs 1 on {n * options.scale} documents (memory) ...")
        scaled = check(big, "store3", 1, "--quiet")
        results["scaled"] = {**_summary(scaled, None), "docs": n * options.scale}
    results["targets"] = targets(results)
    return results


def _summary(result: Run, words: int | None) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "seconds": result.seconds,
        "peak_rss_mb": result.peak_rss / 2**20,
        "parsed": result.parsed,
        "spacy_imported": result.spacy_imported,
        "other_cores": result.others,
        "cpu_s": result.cpu_s,
    }
    if words:
        summary["words_per_s"] = words / result.seconds
    return summary


def targets(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target of issue 5: what was measured, what is wanted, and whether it is met."""
    first, bare_s = r["check_jobs1"]["seconds"], r["bare"]["process_s"]
    jobs = r["check_parallel"]["jobs"]
    rows = [
        ("check --jobs 1 / bare spaCy, both cold processes", first / bare_s, "<=", 1.25),
        ("extract --jobs 1 / bare spaCy, both cold processes",
         r["extract_jobs1"]["seconds"] / bare_s, "<=", 1.25),
        # The same ratios in CPU seconds: what other load on the machine does to the
        # wall-clock ratios above (see 'others') does not change these.
        ("  the same in CPU time: check / bare",
         r["check_jobs1"]["cpu_s"] / r["bare"]["process_cpu_s"], "<=", 1.25),
        ("  the same in CPU time: extract / bare",
         r["extract_jobs1"]["cpu_s"] / r["bare"]["process_cpu_s"], "<=", 1.25),
        (f"speed-up of --jobs {jobs} over --jobs 1", first / r["check_parallel"]["seconds"],
         ">=", 1.6),
        (f"--jobs {jobs} report identical to --jobs 1", r["check_parallel"]["same_report"],
         "==", True),
        ("first run / unchanged re-run", first / r["rerun"]["seconds"], ">=", 20),
        ("documents parsed by the unchanged re-run", r["rerun"]["parsed"], "==", 0),
        ("unchanged re-run imports spaCy", r["rerun"]["spacy_imported"], "==", False),
        ("documents parsed after one file changed", r["one_changed"]["parsed"], "==", 1),
        ("facts show / facts --help", r["show_s"] / r["help_s"], "<=", 2),
    ]  # fmt: skip
    if "scaled" in r:
        growth = r["scaled"]["peak_rss_mb"] / r["check_jobs1"]["peak_rss_mb"]
        rows.append((f"peak memory at {r['scaled']['docs']} / at {r['docs']} docs", growth,
                     "<=", 1.3))  # fmt: skip
    checks = {"<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b}
    return [
        {"name": name, "value": value, "target": f"{op} {wanted}",
         "pass": value is not None and checks[op](value, wanted)}
        for name, value, op, wanted in rows
    ]  # fmt: skip


def _cached_texts(store: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(store / "claims.sqlite3") as con:
        return set(con.execute("SELECT content_hash, extractor_key FROM doc_cache"))


# ---------------------------------------------------------------- output


def table(r: dict[str, Any]) -> str:
    b, p = r["bare"], r["check_parallel"]

    def line(label: str, run: dict[str, Any], note: str = "") -> str:
        rate = f"{run['words_per_s']:7.0f} words/s" if "words_per_s" in run else " " * 15
        return (f"{label:28} {rate} {run['seconds']:7.2f} s  peak {run['peak_rss_mb']:5.0f} MB"
                f"  others {run['other_cores']:.2f}  parsed {run['parsed']}{note}")  # fmt: skip

    lines = [
        f"machine: {platform.machine()}, {psutil.cpu_count()} cores, Python "
        f"{platform.python_version()}, model {b['model']}",
        f"corpus: {r['docs']} documents, {r['words']} words",
        "",
        f"{'bare nlp.pipe (warm)':28} {b['words_per_s']:7.0f} words/s {b['pipe_s']:7.2f} s  "
        f"(cold process {b['process_s']:.2f} s, model load {b['load_s']:.2f} s, "
        f"others {b['other_cores']:.2f})",
        line("facts check --jobs 1", r["check_jobs1"]),
        line("facts extract --jobs 1", r["extract_jobs1"]),
        line(f"facts check --jobs {p['jobs']}", p),
        line("re-run, unchanged (median/3)", r["rerun"],
             f", spaCy imported: {r['rerun']['spacy_imported']}"),
        line("re-run, one file changed", r["one_changed"]),
    ]  # fmt: skip
    if "scaled" in r:
        lines.append(line(f"facts check, {r['scaled']['docs']} docs", r["scaled"]))
    lines.append(f"{'facts --help / show (med/5)':28} {r['help_s']:.2f} s / {r['show_s']:.2f} s")
    busy = max(
        run["other_cores"] for run in r.values() if isinstance(run, dict) and "other_cores" in run
    )
    if busy > 0.25:
        lines.append(f"warning: other processes kept up to {busy:.2f} cores busy during a run "
                     "('others'); timings and ratios are less reliable")  # fmt: skip
    width = max(len(row["name"]) for row in r["targets"])
    lines += ["", f"{'target':{width}}  {'measured':>8}  {'wanted':>8}  result"]
    for row in r["targets"]:
        value = row["value"]
        shown = f"{value:8.2f}" if isinstance(value, float) else f"{value!s:>8}"
        result = "PASS" if row["pass"] else "FAIL"
        lines.append(f"{row['name']:{width}}  {shown}  {row['target']:>8}  {result}")
    return "\n".join(lines)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=40, help="corpus size N (default 40)")
    parser.add_argument(
        "--scale",
        type=int,
        default=10,
        help="memory is compared at N and SCALE x N docs; 1 skips it (default 10)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="jobs of the parallel run (default 2)")
    parser.add_argument("--model", help="spaCy model (default: the one facts uses)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed articles")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)  # the child process
    options = parser.parse_args()
    if options.bare:
        print(json.dumps(bare(options.bare, options.model)))
        return
    if options.docs < 10:
        parser.error("--docs must be at least 10 (progress is shown from 6 documents on)")
    work = Path(tempfile.mkdtemp(prefix="facts-bench-"))
    try:
        results = benchmark(options, work)
    finally:
        if options.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["machine"] = {
        "cores": psutil.cpu_count(),
        "logical_cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    print(table(results))
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
