"""Which sources count as one: same publisher and author, or near-identical text.

DESIGN.md, "Verdicts": independent sources are what make a consensus, so a
syndicated copy or a second piece by the same author must not count twice.

Near-duplicates are pairs whose word 5-gram shingle sets have a Jaccard
similarity of at least 0.8. Candidate pairs come from prefix filtering (the
All-Pairs similarity join): with shingles ordered rarest first, two sets at
Jaccard >= t must share a shingle among the first |x| - ceil(t|x|) + 1 of
each. Unlike MinHash banding this misses no pair and needs no random seeds,
and since news articles share few rare 5-grams the candidate lists stay short
for thousands of documents. Every candidate is verified exactly.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from summit_facts.models import Source

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8
_WORD = re.compile(r"\w+")


def independence_groups(
    sources: list[Source],
    texts: Mapping[str, str] | None = None,
    *,
    threshold: float = NEAR_DUPLICATE,
) -> dict[str, int]:
    """Source id -> group number (1, 2, ... in order of first appearance)."""
    ids = [s.id for s in sources]
    position = {sid: i for i, sid in reversed(list(enumerate(ids)))}
    parent = {sid: sid for sid in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            # The earlier source stays the root, so numbering follows input order.
            first, second = sorted((rx, ry), key=position.__getitem__)
            parent[second] = first

    by_byline: dict[tuple[str, str], str] = {}
    for source in sources:
        key = _byline(source)
        if key is None:
            continue
        if key in by_byline:
            union(by_byline[key], source.id)
        else:
            by_byline[key] = source.id

    if texts:
        with_text = [sid for sid in ids if texts.get(sid)]
        sets = shingle_sets([texts[sid] for sid in with_text])
        for i, j in near_duplicate_pairs(sets, threshold=threshold):
            union(with_text[i], with_text[j])

    numbers: dict[str, int] = {}
    groups: dict[str, int] = {}
    for sid in ids:
        root = find(sid)
        numbers.setdefault(root, len(numbers) + 1)
        groups[sid] = numbers[root]
    return groups


def weight(source_ids: Iterable[str], groups: Mapping[str, int]) -> float:
    """Independent weight: distinct groups among the sources (unknown ids count alone)."""
    seen: set[object] = set()
    for sid in source_ids:
        seen.add(groups.get(sid, ("alone", sid)))
    return float(len(seen))


def _byline(source: Source) -> tuple[str, str] | None:
    # An unknown publisher or author says nothing about who wrote it.
    publisher = " ".join((source.publisher or "").casefold().split())
    author = " ".join((source.author or "").casefold().split())
    return (publisher, author) if publisher and author else None


def shingle_sets(texts: list[str], *, size: int = SHINGLE_WORDS) -> list[set[int]]:
    """Word `size`-gram shingles of each text, as integers.

    Words map to ids in order of first sight, and a tuple of ints hashes the
    same in every process (unlike str), so the result is reproducible.
    """
    vocabulary: dict[str, int] = {}
    result: list[set[int]] = []
    for text in texts:
        words = [vocabulary.setdefault(w, len(vocabulary)) for w in _WORD.findall(text.casefold())]
        if not words:
            result.append(set())
        elif len(words) < size:
            result.append({hash(tuple(words))})  # a very short text is one shingle
        else:
            result.append({hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1)})
    return result


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def near_duplicate_pairs(
    sets: list[set[int]], *, threshold: float = NEAR_DUPLICATE
) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose sets have Jaccard >= threshold. Exact."""
    frequency: Counter[int] = Counter()
    for shingles in sets:
        frequency.update(shingles)
    order = sorted((i for i, s in enumerate(sets) if s), key=lambda i: (len(sets[i]), i))
    index: defaultdict[int, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    for x in order:
        shingles = sets[x]
        size = len(shingles)
        ranked = sorted(shingles, key=lambda h: (frequency[h], h))
        # The epsilon keeps 0.8 * 5 from rounding up to a prefix one too short.
        prefix = ranked[: size - math.ceil(threshold * size - 1e-9) + 1]
        candidates: set[int] = set()
        for h in prefix:
            candidates.update(index[h])
        for y in candidates:
            # Sets are visited by size, so |y| <= |x|; too small cannot reach t.
            if len(sets[y]) >= threshold * size - 1e-9 and jaccard(shingles, sets[y]) >= threshold:
                pairs.append((min(x, y), max(x, y)))
        for h in prefix:
            index[h].append(x)
    return sorted(pairs)
