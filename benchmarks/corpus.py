"""A synthetic newsroom archive: N unique articles made from the seed articles.

Each article takes one seed (in turn), keeps its front matter with a new title,
publisher, author and date, drops about a third of the seed's paragraphs (a
different third each time) so that copies of one seed are not near-duplicates,
nudges some of the figures, and adds a sentence of its own (with no figure in it). The result is
deterministic: the same N gives the same files, byte for byte.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

PUBLISHERS = [
    "Daily Ledger", "Morning Courier", "Tech Wire", "Policy Review", "Global Times Desk",
    "City Herald", "Evening Post", "Data Digest", "Summit Monitor", "Northern Gazette",
]  # fmt: skip
AUTHORS = [
    "Ana Costa", "Ben Okafor", "Chloe Martin", "Dev Patel", "Elena Rossi", "Farid Haddad",
    "Grace Kim", "Hugo Weber", "Ines Duarte", "Jonas Berg", "Kiran Rao", "Lena Novak",
]  # fmt: skip
# Syllables that spell each article's number as a word: its own sentence must be
# unique without adding a figure, or every article would add a value to one
# automatic subject ("dispatch 17") and the benchmark would time that subject.
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pe"]

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_NUMBER = re.compile(r"(?<![\d.,])(\d{2,3})(?![\d.,%])")


def seed_texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def make_article(seed: str, n: int) -> str:
    """Article number `n`, made from `seed`."""
    rng = random.Random(n)
    match = _FRONT.match(seed)
    body = seed[match.end() :] if match else seed
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    # Keep the lead (it carries the dateline), drop a third of the rest at random.
    kept = paragraphs[:1] + [p for p in paragraphs[1:] if rng.random() > 0.33]
    kept = [_nudge(p, rng) for p in kept]
    code = "".join(SYLLABLES[int(digit)] for digit in str(n)).title()
    kept.append(f"This copy carries the archive reference {code}.")
    publisher = PUBLISHERS[n % len(PUBLISHERS)]
    author = AUTHORS[(n // len(PUBLISHERS)) % len(AUTHORS)]
    day = 12 + n % 6
    front = (
        "---\n"
        f'title: "Summit report {n}: leaders meet on artificial intelligence"\n'
        f'publisher: "{publisher}"\n'
        f'author: "{author}"\n'
        f'published: "2025-02-{day:02d}"\n'
        "---\n\n"
    )
    return front + "\n\n".join(kept) + "\n"


def _nudge(paragraph: str, rng: random.Random) -> str:
    """Change about one two- or three-digit figure in ten by one: new text, same shape."""

    def change(match: re.Match[str]) -> str:
        value = int(match.group(1))
        if rng.random() < 0.1 and 10 < value < 999 and not 1900 <= value <= 2100:
            return str(value + 1)
        return match.group(1)

    return _NUMBER.sub(change, paragraph)


def build(folder: Path, count: int, seeds: Path, *, start: int = 0) -> list[Path]:
    """Write articles `start` ... `start + count - 1` into `folder`."""
    texts = seed_texts(seeds)
    if not texts:
        raise SystemExit(f"no seed articles (*.txt) in {seeds}")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article_{n:05d}.txt"
        path.write_text(make_article(texts[n % len(texts)], n), encoding="utf-8")
        paths.append(path)
    return paths
