"""Earlier editions told by "it", by a bracketed list of places and years, or by the place
that hosted them (events stage, summit_facts/events/cues.py and editions.py; places in
summit_facts/extract/context.py).

Small articles of our own about one series, run through the real CLI and model.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_files, subjects_of

REEF = {
    "a.md": "---\npublished: 2031-05-20\n---\n\n"
    "The Reef Summit opened in Lima on 19 May 2031, hosted by Peru.\n\n"
    "It is the fourth time the forum meets in Peru. Before that it was held in Cusco "
    "(2019, 2023), and in Arequipa (2025) and Paracas (2027).\n",
    "b.md": "---\npublished: 2031-05-21\n---\n\n"
    "Peru hosts the Reef Summit in Lima from 19 to 21 May 2031.\n\n"
    "Chile will host the next Reef Summit.\n\n"
    "Valdivia hosted the summit in 2029, when it was still a ministerial meeting.\n\n"
    "Chile first hosted it in Pucon, Araucania in 2021.\n",
    "c.md": "---\npublished: 2031-05-21\n---\n\n"
    "The Reef Summit in Lima closed on 21 May 2031.\n\n"
    "The last Reef summit hosted by Chile, in 2021, ended without a statement.\n\n"
    "The town of Pucon lies on a lake.\n",
}


@pytest.mark.model
def test_earlier_editions_told_by_it_and_a_bracketed_list(tmp_path):
    history = subjects_of(check_files(tmp_path, REEF), "history")
    # "it was held in Cusco (2019, 2023)": two years of one place; every place in the
    # list keeps its own year, whatever the tagger made of the name.
    assert {"cusco_summit_year", "arequipa_summit_year", "paracas_summit_year"} <= set(history), (
        sorted(history)
    )


@pytest.mark.model
def test_an_edition_told_by_its_host_place_and_by_hosted_it(tmp_path):
    history = subjects_of(check_files(tmp_path, REEF), "history")
    # "Valdivia hosted the summit in 2029" (past, another year): an earlier edition in
    # the place that hosted it; "Chile first hosted it in Pucon, Araucania in 2021": the
    # town, not the region that locates it, and the other page's 2021 edition told by
    # its country alone is the same one.
    assert "valdivia_summit_year" in history, sorted(history)
    pucon = history.get("pucon_summit_year")
    assert pucon is not None and pucon["verdict"] == "consensus", sorted(history)
    assert "araucania_summit_year" not in history
