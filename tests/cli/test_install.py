"""Install like a user: the wheel, installed into a fresh virtual environment,
gives the checkout's report on the seeds; its rules ship inside the package.

Marked `slow` (it builds the wheel, makes a venv and runs the model twice).
The fresh venv installs the wheel alone (`--no-deps`, no index) and sees the
current environment's packages through a path file, so it needs no network
beyond what building the wheel needs (setuptools, as `pip install -e .` does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.model]

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SHIPPED = ("pyproject.toml", "setup.py", "README.md", "summit_facts", "rules")


def clean_env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if not k.startswith(("FACTS_", "PYTHON", "VIRTUAL_ENV"))
    }


def sh(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env or clean_env()
    )
    assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done.stdout


def test_the_installed_wheel_gives_the_checkouts_report(tmp_path):
    # Build from a copy, so the checkout gets no build/ or egg-info.
    source = tmp_path / "src"
    for name in SHIPPED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(src, source / name)
    sh(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", source, "-w", tmp_path / "dist")
    (wheel,) = (tmp_path / "dist").glob("summit_facts-*.whl")

    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    site = Path(
        sh(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    )
    # The dependencies, from this environment: a plain path (its .pth files, such as
    # the checkout's editable install, are not run).
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    sh(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel)

    work = tmp_path / "work"  # not the checkout: `python -c` would import it from there
    work.mkdir()
    facts = venv / "bin" / "facts"
    assert sh(facts, "--version").strip() == "facts 0.1.0"
    code = "from summit_facts.rules import default_rules_dir as d; print(d())"
    rules_dir = sh(python, "-c", code, cwd=work)
    assert Path(rules_dir.strip()).is_relative_to(site), rules_dir
    assert (Path(rules_dir.strip()) / "events").is_dir()  # rules/events/ ships too

    args = ["check", SEEDS, "--format", "json", "-q", "--jobs", "1"]
    installed = sh(facts, *args, "--store", tmp_path / "s1", cwd=work)
    checkout = sh(sys.executable, "-m", "summit_facts", *args, "--store", tmp_path / "s2", cwd=REPO)
    assert json.loads(installed) == json.loads(checkout)
    assert "funding" in {v["topic"] for v in json.loads(installed)["consensus"]}

    # --rules and FACTS_RULES still override the shipped rules.
    empty = tmp_path / "norules"
    empty.mkdir()
    for override in (["--rules", str(empty)], []):
        env = clean_env() | ({} if override else {"FACTS_RULES": str(empty)})
        done = subprocess.run(
            [str(facts), "rules", "check", *override], capture_output=True, text=True, env=env
        )
        # An empty folder is taken, and refused for what it is: no rule file in it.
        assert done.returncode == 2 and str(empty) in done.stderr, done.stderr
    shipped = subprocess.run([str(facts), "rules", "check"], capture_output=True, text=True,
                             env=clean_env())  # fmt: skip
    assert shipped.returncode == 0 and "0 rule files" not in shipped.stderr
