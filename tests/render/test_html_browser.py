"""The HTML report opened in a real browser: Debian's chromium, headless, driven
by Playwright. The page loads with no console error, shows the JSON's counts,
and its filters hide and show the right subjects.

Marked `browser`. Skipped when chromium or Playwright is missing, unless
FACTS_REQUIRE_BROWSER=1 (as in CI, `.ci/run`), where a missing browser fails.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summit_facts.cli.app import app

pytestmark = [pytest.mark.browser, pytest.mark.model]

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
CHROMIUM = os.environ.get("FACTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need(what: str) -> None:
    if os.environ.get("FACTS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required (FACTS_REQUIRE_BROWSER=1)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Playwright for Python")
    if not Path(CHROMIUM).exists():
        _need(f"chromium ({CHROMIUM}; apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    """`facts check seeds/ --format json`, then `facts report` from the same store."""
    folder = tmp_path_factory.mktemp("html")
    store = folder / "store"
    runner = CliRunner()
    checked = runner.invoke(app, ["check", str(SEEDS), "--store", str(store), "-q", "-f", "json"])
    assert checked.exit_code == 0, checked.output
    page = folder / "report.html"
    written = runner.invoke(app, ["report", "--store", str(store), "-o", str(page), "--auto"])
    assert written.exit_code == 0, written.output
    return page, json.loads(checked.stdout)


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def visible_subjects(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "#subjects section.subject",
        "els => els.filter(e => e.offsetParent !== null)"
        ".map(e => [e.querySelector('h3').firstChild.textContent.trim(), e.dataset.verdict])",
    )


def names(verdicts) -> list[str]:
    return [f"{v['topic']} / {v['slot']}" for v in verdicts]


def test_page_loads_offline_with_no_console_error(browser, seeds_page, tmp_path):
    path, _ = seeds_page
    page, errors, requests = open_page(browser, path)
    assert errors == []
    assert requests == [path.as_uri()]  # self-contained: nothing else is fetched
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.close()


def test_page_counts_equal_the_json(browser, seeds_page):
    path, report = seeds_page
    page, errors, _ = open_page(browser, path)
    for key, listed in (
        ("contradiction", report["contradictions"]),
        ("consensus", report["consensus"]),
        ("single_source", report["single_source"]),
    ):
        shown = page.text_content(f"#count-{key}")
        assert shown is not None and int(shown) == len(listed), key
        blocks = page.eval_on_selector_all(
            f'#subjects section.subject[data-verdict="{key}"]',
            "els => els.map(e => e.querySelector('h3').firstChild.textContent.trim())",
        )
        assert blocks == names(listed), key
    assert page.text_content("#outlier") == report["outlier"]
    automatic = page.eval_on_selector_all("#automatic section.subject", "els => els.length")
    assert automatic == len(report["automatic"])
    outlier_row = page.text_content("#sources tr.outlier")
    assert outlier_row is not None and report["outlier"] in outlier_row
    # Every quote marks its value.
    marks = page.eval_on_selector_all("#subjects blockquote mark", "els => els.length")
    quotes = page.eval_on_selector_all("#subjects blockquote", "els => els.length")
    assert marks == quotes > 0
    assert errors == []
    page.close()


def test_filters_hide_and_show_the_right_subjects(browser, seeds_page):
    path, report = seeds_page
    every = [*report["contradictions"], *report["consensus"], *report["single_source"]]
    page, errors, _ = open_page(browser, path)
    assert len(visible_subjects(page)) == len(every)

    page.select_option("#filter-topic", "funding")
    funding = [v for v in every if v["topic"] == "funding"]
    assert [name for name, _ in visible_subjects(page)] == names(funding)

    page.uncheck('.filter-verdict[value="contradiction"]')
    assert [name for name, _ in visible_subjects(page)] == names(
        [v for v in funding if v["verdict"] != "contradiction"]
    )

    page.select_option("#filter-topic", "")
    shown = visible_subjects(page)
    assert {verdict for _, verdict in shown} == {"consensus", "single_source"}
    assert len(shown) == len(report["consensus"]) + len(report["single_source"])

    page.check('.filter-verdict[value="contradiction"]')
    assert len(visible_subjects(page)) == len(every)
    total = len(every) + len(report["automatic"])  # the automatic ones filter the same way
    assert page.text_content("#shown") == f"{total} of {total} subjects shown"
    assert errors == []
    page.close()
