"""Photo captions: which claims a source states only under a picture.

Takes claims and the documents' texts (source id -> text); returns the ids of the
claims whose sentence is a photo caption. A caption dates and places the picture,
often in haste; where the same source's own body says otherwise, the body is its
statement (verdicts count each source once, for that one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from summit_facts.models import Claim

# The credit that closes a caption's paragraph: "[Stafford Ondego, Standard]",
# "[Photo: AP/Michel Euler]", "(AP Photo/Michel Euler)". Square brackets hold a
# photographer's credit and nothing else at a paragraph's end; round ones only with
# the word that says so.
_CREDIT_AFTER = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,80}\]|\([^)\n]{0,60}\b(?:photo|image|picture)\b[^)\n]{0,60}\))"
    r"[ \t]*(?:\n|$)",
    re.I,
)


def caption_claims(claims: Sequence[Claim], texts: Mapping[str, str] | None) -> frozenset[str]:
    """Ids of the claims told in a paragraph of its own that ends with a photo credit."""
    if not texts:
        return frozenset()
    found = set()
    for claim in claims:
        text = texts.get(claim.source.id)
        if text is None:
            continue
        start, end = claim.evidence.start, claim.evidence.end
        paragraph_start = start == 0 or text[:start].rstrip(" \t").endswith("\n")
        if paragraph_start and _CREDIT_AFTER.match(text, end):
            found.add(claim.id)
    return frozenset(found)
