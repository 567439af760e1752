"""Consolidation: one statement per source and subject (DESIGN.md, "One source, one statement").

Takes the filed claims of a corpus and returns them consolidated:

- **equivalents**: a value restated in brackets or apposition ("EUR 109 billion
  ($152.43 billion)", "Fifty-eight (58)") is kept on the first-stated claim as
  `equivalents` and is no claim of its own;
- **parts**: a value that the text gives as a part of a total in the same sentence
  ("including", "of which", "with ... coming from", "supplementing") gets its own
  subject and `part_of` the total's subject, so it is never compared with it;
- **programme subjects**: `funding` and `initiatives` subjects whose names are
  variants of one programme ("investai", "invest_ai", "current_ai" and
  "current_ai_foundation", an acronym and its expansion) are merged across
  sources, and a donor-less subject joins the one donor's subject when the corpus
  names a single donor for it ("investai" into "eu_investai").

Before filing, `with_programme_names` reads every programme name the corpus gives
near a value and maps the variants of one name ("Tropical Forests Forever
Facility", "Tropical Forest Forever Facility", "TFFF") onto its shortest form, so
that every source files the same programme under the same subject.

Pure functions over claims; the texts are only read to see the words between two
values of one sentence.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from summit_facts import funding_names, names
from summit_facts.compare import Relation, compare
from summit_facts.filing import ALL_DONORS, AUTO_TOPIC, REFERS_BACK
from summit_facts.instrument_names import (
    companies_sign_the_principal,
    described_text_is_principal,
    fund_backers_by_kind,
    merge_instrument_names,
    merge_into_first,
    merge_names_told_as_one,
    name_commitments_after_the_text,
    name_funds_signed,
    one_list_per_source,
    one_name_per_source,
    one_outcome_is_principal,
    one_principal_text,
)
from summit_facts.models import (
    TIME_NOUNS,
    Claim,
    EntitiesValue,
    Mention,
    MoneyValue,
    TextValue,
    Value,
)
from summit_facts.person_names import name_people_in_full
from summit_facts.rules import RuleSet, slugify

PROGRAMME_TOPICS = ("funding", "initiatives")
NUMERIC_KINDS = {"money", "count", "percent"}
# Words of two names at least this similar (rapidfuzz ratio, 0-100) are one word.
SIMILAR_NAMES = 85
# Words that name the kind of body, not the body: "Current AI Foundation" is "Current AI".
BODY_WORDS = {"initiative", "foundation", "programme", "program", "project", "fund", "plan",
              "scheme", "platform", "coalition", "alliance", "partnership", "facility"}  # fmt: skip

_HEDGE = r"(?:approximately|approx\.|about|around|roughly|some|nearly|almost|circa|ca\.|c\.)"
# "EUR 109 billion ($152.43 billion)", "EUR 200 billion (approximately $206 billion)"
_BRACKET_OPEN = re.compile(
    rf"^\s*[(\[]\s*(?:(?:{_HEDGE}|or|i\.e\.,?|equivalent\s+to|equal\s+to|worth)\s+)*$", re.I
)
_BRACKET_CLOSE = re.compile(r"^\s*[)\]]")
# a second equivalent inside the same brackets: "(GBP 112.5 billion, $152 billion)"
_BRACKET_NEXT = re.compile(rf"^\s*[,/;]\s*(?:or\s+)?(?:{_HEDGE}\s+)?$", re.I)
# "EUR 200 billion, or about $206 billion": apposition, only across currencies
_APPOSITION = re.compile(
    rf"^\s*,?\s*(?:or|i\.e\.,?|that\s+is|equivalent\s+to)\s+(?:{_HEDGE}\s+)?$", re.I
)

# The later value is a part of the earlier one: "91 partners, including 37 ...".
_PART_AFTER = re.compile(
    r"\b(?:including|includes|included|include|of\s+which|of\s+whom|among\s+them|"
    # "including a EUR 10 billion fund for start-ups": a part told with its article
    r"comprising|made\s+up\s+of|incl\.)\s+(?:an?\s+|the\s+)?(?:some\s+|about\s+|around\s+|nearly\s+)?$",
    re.I,
)
# "a EUR 200 billion plan, with EUR 150 billion coming from companies"
_WITH = re.compile(r"[,;]?\s+with\s+(?:the\s+)?(?:remaining\s+|other\s+|another\s+)?$", re.I)
_SOURCE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:coming\s+|to\s+come\s+|expected\s+)?"
    r"(?:from|for|to\s+fund|to\s+finance|provided\s+by|pledged\s+by|dedicated\s+to)\b",
    re.I,
)
# The earlier value is a part of (or adds to) the later one: "EUR 5 billion in new
# funding, supplementing the EUR 150 billion previously pledged".
_PART_BEFORE = re.compile(
    r"\b(?:supplementing|supplements|on\s+top\s+of|in\s+addition\s+to|adding\s+to|"
    r"topping\s+up|out\s+of|part\s+of|share\s+of)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
    r"|^\s*of\s+(?:the|its|their)\s+$"  # "EUR 7.7 billion of the EUR 10.2 billion budget"
    # "Eighteen countries ratified it on Monday, taking the total to 49": an increment
    r"|\b(?:taking|bringing|raising|lifting|pushing)\s+(?:the|its|their)\s+"
    r"(?:overall\s+|running\s+)?(?:total|tally|number|count)\s+to\s+$",
    re.I,
)
# A part whose total is told elsewhere: "the EU would contribute EUR 50 billion, with
# the rest from investors".
_REST_AFTER = re.compile(r"^[^.;]{0,40}?\bwith\s+the\s+(?:rest|remainder|balance)\b", re.I)
# What a part pays for or who pays it, after the value.
_PART_TAIL = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:for|to\s+fund|to\s+finance|to\s+build|dedicated\s+to|"
    r"earmarked\s+for|coming\s+from|to\s+come\s+from|from|provided\s+by|by)\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+|[\w-]+\s+of\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})",
    re.I,
)
_TAIL_STOP = {"and", "or", "the", "a", "an", "of", "to", "in", "on", "by", "with", "over",
              "across", "which", "that", "while", "as", "is", "are", "was", "were", "will",
              "would", "be", "its", "their"}  # fmt: skip
# Donors a subject name may start with besides country names (filing's short forms).
SHORT_DONORS = {"eu", "uk", "us", "uae", "team europe"}
# A payer told by another of its names: the EU's pledges are made "on behalf of Team
# Europe" (the EU and its member states). Where every source gives both the same figure
# for one fund, it is one pledge, the first name's; different figures are two pledges
# (Team Europe's total and the EU's own part).
ONE_PAYER = {"team_europe": "eu"}
# A subject named after one of these pays: "gates_foundation", "european_investment_bank".
DONOR_BODIES = {"foundation", "bank", "government"}
# Bodies that many donors pay into: their donor-less figures are their totals.
_POOLED = re.compile(r"\b(?:funds?|facility|foundation|alliance|trust|coalition|campaign)\b", re.I)
_TARGET_BEFORE = re.compile(
    r"\b(?:goal|target|targeted|objective|ambition"
    r"|(?:seek|hope|aim|want|plan|look)(?:s|ed|ing)?\s+to\s+(?:raise|have|secure)"
    r"|needs?|needed)\b[^.;,]{0,25}$"
    # "Policymakers picture the TFFF as a $125-billion fund": the size it is meant to have
    r"|\b(?:picture|envisage|envision)(?:s|d|ed)?\b[^.;]{0,40}\bas\s+an?\s+$",
    re.I,
)


def consolidate(claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[Claim]:
    """The claims with equivalents merged, parts set apart and programme names merged."""
    out = [claim.model_copy(deep=True) for claim in claims]
    out = merge_equivalents(out, texts)
    keep_names_told_beside(out, texts)
    complete_programme_names(out)
    name_money_after_the_programme_named_before(out, texts)
    set_earlier_rounds_apart(out, texts)
    name_money_after_who_gives_it(out, texts)
    name_money_after_donor_and_purpose(out, texts)
    complete_programme_names(out)
    name_targets(out, texts)
    name_money_after_what_it_comes_in(out, texts)
    name_funds_signed(out, _funds_of_articles(out, texts))
    set_parts_apart(out, texts)
    fund_backers_by_kind(out)
    name_pledged_parts_of_targets(out)
    attach_donors_to_the_fund(out, texts)
    funding_names.give_donors_the_cause(out, _funds_of_articles(out, texts), _is_donor_only)
    merge_one_payers_names(out)
    merge_programmes(out)
    keep_one_target_told_two_ways(out)
    keep_one_size_told_as_target(out)
    merge_names_told_as_one(out, texts)
    merge_instrument_names(out)
    companies_sign_the_principal(out)
    described_text_is_principal(out)
    one_outcome_is_principal(out)
    one_principal_text(out)
    name_commitments_after_the_text(out)
    name_people_in_full(out)
    return one_list_per_sentence(one_list_per_source(one_name_per_source(out)))


def one_list_per_sentence(claims: list[Claim]) -> list[Claim]:
    """One sentence's lists for one subject and one event are one list: "hosted by Kenya
    and co-chaired by the African Union and the Commonwealth" names three hosts, not two
    lists that contradict each other (DESIGN.md, "One source, one statement"); "X will
    host the next summit, and Y another one a year later" tells of two events. The first
    claim takes the others' members; they are dropped."""

    def key(claim: Claim) -> tuple[str, ...] | None:
        if not isinstance(claim.value, EntitiesValue):
            return None
        event = claim.event.name or "" if claim.event else ""
        return (claim.source.id, claim.topic, claim.slot, str(claim.evidence.start),
                claim.modality, claim.polarity, event)  # fmt: skip

    def merge(kept: Claim, claim: Claim) -> bool:
        if _apposed(kept, claim):
            return True  # "the French Republic, Emmanuel Macron, will host": one host twice
        if _clauses_apart(kept, claim):
            return False
        told, value = kept.value, claim.value
        assert isinstance(told, EntitiesValue) and isinstance(value, EntitiesValue)
        kept.value = told.model_copy(
            update={
                "surface": f"{told.surface}; {value.surface}",
                "members": sorted({*told.members, *value.members}),
                "roles": {**told.roles, **value.roles},
                "complete": told.complete or value.complete,
            }
        )
        return True

    return merge_into_first(claims, key, merge)


# Between two clauses of a sentence: "X will host the next summit, and Y another one".
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|or)\b", re.I)


def _clauses_apart(first: Claim, second: Claim) -> bool:
    """Whether a clause break (a semicolon, ', and') stands between two values."""
    sentence, base = first.evidence.sentence, first.evidence.start
    lo, hi = sorted((first.evidence.value_end, second.evidence.value_start))
    return bool(_CLAUSE_BREAK.search(sentence[lo - base : hi - base]))


def _apposed(first: Claim, second: Claim) -> bool:
    """Whether `second` follows `first` with only a comma or a bracket between them."""
    sentence, base = first.evidence.sentence, first.evidence.start
    between = sentence[first.evidence.value_end - base : second.evidence.value_start - base]
    return second.evidence.value_start >= first.evidence.value_end and not between.strip(" ,(")


# ---------------------------------------------------------------- text around values


def _text(claim: Claim, texts: Mapping[str, str] | None) -> tuple[str, int]:
    """The text a claim's offsets index, and the offset of its first character."""
    if texts and claim.source.id in texts:
        return texts[claim.source.id], 0
    return claim.evidence.sentence, claim.evidence.start


def _between(a: Claim, b: Claim, texts: Mapping[str, str] | None) -> str:
    text, base = _text(a, texts)
    return text[a.evidence.value_end - base : b.evidence.value_start - base]


def _after(claim: Claim, texts: Mapping[str, str] | None, size: int = 80) -> str:
    text, base = _text(claim, texts)
    sentence_end = claim.evidence.end - base
    end = claim.evidence.value_end - base
    return text[end : min(end + size, sentence_end)]


def _before(claim: Claim, texts: Mapping[str, str] | None, size: int = 60) -> str:
    text, base = _text(claim, texts)
    start = claim.evidence.value_start - base
    return text[max(claim.evidence.start - base, start - size) : start]


def _sentences(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Numeric claims grouped by source and sentence, in text order."""
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        if claim.value.kind in NUMERIC_KINDS:
            key = (claim.source.id, claim.evidence.start)
            by_sentence.setdefault(key, []).append(claim)
    return [
        sorted(group, key=lambda c: (c.evidence.value_start, c.evidence.value_end))
        for _, group in sorted(by_sentence.items())
    ]


# ---------------------------------------------------------------- equivalents


def _nominal(value: Value) -> float | None:
    return getattr(value, "nominal", None)


def _restates(first: Value, second: Value, *, apposition: bool) -> bool:
    """Whether `second` can be `first` told in another currency, unit or notation."""
    if first.kind != second.kind:
        return False
    x, y = _nominal(first), _nominal(second)
    if x is None or y is None:
        return False
    same_number = math.isclose(x, y, rel_tol=0.01)
    if isinstance(first, MoneyValue) and isinstance(second, MoneyValue):
        currencies = {first.currency, second.currency}
        if None not in currencies and len(currencies) == 2:
            return True  # another currency: never converted, so any amount restates it
        return same_number and not apposition
    return same_number and not apposition


def merge_equivalents(claims: list[Claim], texts: Mapping[str, str] | None) -> list[Claim]:
    """Fold each bracketed or apposed restatement into the claim it restates."""
    folded: set[str] = set()
    for group in _sentences(claims):
        head: Claim | None = None  # the claim whose brackets are open
        for prev, claim in zip(group, group[1:], strict=False):
            between = _between(prev, claim, texts)
            closes = bool(_BRACKET_CLOSE.match(_after(claim, texts)))
            if head is not None and prev.id in folded and _BRACKET_NEXT.match(between):
                target = head
            elif _BRACKET_OPEN.match(between) and closes or _APPOSITION.match(between):
                target = prev
            else:
                head = None
                continue
            apposition = target is prev and not _BRACKET_OPEN.match(between)
            if target.id in folded or not _restates(
                target.value, claim.value, apposition=apposition
            ):
                head = None
                continue
            target.equivalents.append(claim.value)
            if target.rule == "auto" and claim.rule != "auto":
                # The restatement was the one a rule recognised: the claim takes its subject.
                target.topic, target.slot, target.rule = claim.topic, claim.slot, claim.rule
            folded.add(claim.id)
            head = target
    return [c for c in claims if c.id not in folded]


# "the Center for Fine Arts, or Bozar, in the middle of the city", "Bozar (Centre for Fine
# Arts)": a place's other name, told beside it.
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_OTHER_NAME = re.compile(
    rf"^(?:,\s+or\s+(?:the\s+)?|\s*\((?:the\s+)?)"
    rf"({_NAME_WORD}(?:\s+(?:of|for|and|de|du|des|the|{_NAME_WORD})){{0,5}})\s*(?:[,;.)]|$)"
)


def keep_names_told_beside(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """A name told with another name for the same place ("X, or Y", "X (Y)") keeps the
    other as an equivalent: either name agrees with a source using the other (in place)."""
    for claim in claims:
        if not isinstance(claim.value, TextValue) or claim.equivalents:
            continue
        match = _OTHER_NAME.match(_after(claim, texts))
        if not match:
            continue
        other = match.group(1)
        if other.lower() == claim.value.text.lower() or names.is_country(other):
            continue  # "Brussels (Belgium)": where it is, not another name for it
        claim.equivalents.append(TextValue(surface=other, text=other))


# ---------------------------------------------------------------- parts and totals


def _tail(claim: Claim, texts: Mapping[str, str] | None) -> str | None:
    """What a part pays for or who pays it: 'for AI gigafactories' -> 'ai_gigafactories'."""
    match = _PART_TAIL.match(_after(claim, texts))
    if not match:
        return None
    words = []
    for word in match.group(1).split():
        if word.lower() in _TAIL_STOP:
            break
        words.append(word)
    return slugify(" ".join(words)) or None


def _part_slot(part: Claim, total: Claim, texts: Mapping[str, str] | None) -> str:
    """A part's own subject: its own filing if that differs from the total's, else the
    total's subject narrowed by what the part counts, pays for or who pays it."""
    if part.value.kind == "count" and part.noun and total.noun:
        # "91 partners, including 37 tech companies, 11 countries": <group>_companies
        words = part.noun.split(" and ")[0].split()
        noun = slugify(words[-1])
        total_noun = slugify(total.noun.split(" and ")[0].split()[-1])
        base = total.slot.removesuffix(f"_{total_noun}")
        if noun and noun != total_noun:
            return f"{base}_{noun}"
        if noun and len(words) > 1:
            # "42 countries, including 16 guest countries": the kind the part's noun names
            return f"{total.slot}_{slugify(' '.join(words))}"
    own = set(_tokens(part.slot))
    if part.topic != total.topic or (part.rule != "auto" and not own <= set(_tokens(total.slot))):
        return part.slot  # filed after what it pays for: "ai_gigafactories"
    tail = _tail(part, texts) or (slugify(part.noun.split()[-1]) if part.noun else None)
    if tail and total.noun and tail == slugify(total.noun.split()[-1]):
        tail = None  # "six countries" of "42 countries" says no more than "a part"
    return f"{total.slot}_{tail or 'part'}"


def _make_part(part: Claim, total: Claim, texts: Mapping[str, str] | None) -> None:
    if total.rule == "auto" and part.rule != "auto":
        # "more than US$ 100 million in partnerships, including a US$ 40 million anchor
        # commitment towards a new Innovation Scale-Up Fund": the part a rule filed keeps
        # its subject; an automatic total names none.
        part.part_of = f"{total.topic}/{total.slot}"
        return
    slot = _part_slot(part, total, texts)
    part.part_of = f"{total.topic}/{total.slot}"
    part.topic, part.slot = total.topic, slot
    if part.rule == "auto":
        part.rule = total.rule


def _is_rule_claim(claim: Claim) -> bool:
    return claim.rule != "auto"


def set_parts_apart(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Give each part of a total its own subject and `part_of` (in place)."""
    for group in _sentences(claims):
        total: Claim | None = None  # the total of a list of parts being read
        for prev, claim in zip(group, group[1:], strict=False):
            if claim.value.kind != prev.value.kind or claim.part_of or prev.part_of and not total:
                total = None
                continue
            between = _between(prev, claim, texts)
            if len(between) > 80:
                total = None
                continue
            pair: tuple[Claim, Claim] | None = None  # (part, total)
            # "20 member states (excluding the USA), 16 guest countries": an aside in
            # brackets does not end the list.
            aside_out = re.sub(r"\([^()]*\)", "", between)
            if total is not None and re.match(r"^[^.;()]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)$",
                                              aside_out):  # fmt: skip
                pair = (claim, total)
            elif _PART_AFTER.search(between) or (
                _WITH.search(between) and _SOURCE_AFTER.match(_after(claim, texts))
            ):
                # after a part, the next part is still the total's ("a EUR 200 billion
                # plan, with EUR 150 billion from companies, includes EUR 20 billion ...")
                pair = (claim, total if total is not None and prev.part_of else prev)
            elif _PART_BEFORE.search(between):
                pair = (prev, claim)
            if pair is None or not (_is_rule_claim(pair[1]) or _is_rule_claim(pair[0])):
                total = None
                continue
            part, whole = pair
            if _counts_apart(part, whole):
                total = None
                continue
            if _own_count_subject(part, whole):
                total = None
                continue
            _make_part(part, whole, texts)
            total = whole if part is claim else None
    _parts_of_totals_told_elsewhere(claims, texts)


def _counts_apart(part: Claim, whole: Claim) -> bool:
    """'a 2-day run with 2,000 participants': a length of time and a head count are no
    part and total of each other."""
    if part.value.kind != "count":
        return False
    timed = [(c.noun or "x").lower().split()[-1] in TIME_NOUNS for c in (part, whole)]
    return timed[0] != timed[1]


def _own_count_subject(part: Claim, whole: Claim) -> bool:
    """'15,000 participants, including more than 60 heads of state': a count that a rule
    filed under a subject of its own (summit/heads_of_state) keeps it; it is another
    figure about the event, not a share of the participants' subject."""
    return (
        part.value.kind == "count"
        and _is_rule_claim(part)
        and _is_rule_claim(whole)
        and (part.topic, part.slot) != (whole.topic, whole.slot)
        # a fixed slot of its rule (not one named after a group, like coalition_companies)
        and part.rule.rpartition(".")[2] == part.slot
    )


def _parts_of_totals_told_elsewhere(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """'the EU would contribute EUR 50 billion, with the rest from investors': a part of
    a larger value the same source files under the same subject."""
    for claim in claims:
        if claim.part_of or claim.value.kind != "money":
            continue
        if not _REST_AFTER.match(_after(claim, texts)):
            continue
        larger = [
            other
            for other in claims
            if other.source.id == claim.source.id
            and other.topic == claim.topic
            and set(_tokens(claim.slot)) <= set(_tokens(other.slot))  # "eu" in "eu_investai"
            and not other.part_of
            and (_nominal(other.value) or 0) > (_nominal(claim.value) or 0)
        ]
        if larger:
            total = max(larger, key=lambda c: _nominal(c.value) or 0)
            claim.part_of = f"{total.topic}/{total.slot}"
            claim.slot = f"{total.slot}_contribution"


# "US$ 4.5 billion in complementary financing from development finance institutions"
_KIND_FROM = re.compile(
    r"^\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?(financing|funding|investments?|finance)\s+"
    r"(?:from|by)\s+(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})"
)
_KIND_WORDS = {"financing", "funding", "investment", "investments", "finance"}


def name_money_after_who_gives_it(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Unnamed money told by its kind and its givers ("US$ 4.5 billion in complementary
    financing from development finance institutions") is named after both:
    `development_finance_institutions_financing` (in place)."""
    for claim in claims:
        if claim.topic != "funding" or claim.part_of or _donors(_tokens(claim.slot)):
            continue
        match = _KIND_FROM.match(_after(claim, texts))
        if not match:
            continue
        givers = []
        for word in match.group(2).split():
            if word in _TAIL_STOP:
                break
            givers.append(word)
        if givers:
            claim.slot = f"{slugify(' '.join(givers))}_{match.group(1).lower()}"


# "committed $52 million to strengthen ocean governance in the Pacific", "a EUR 100
# million programme to recover and clear legacy munitions": what the money is to do.
_TO_DO = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?to\s+(?:help\s+)?(?!(?:the|an?|its|their|this|that|these|those|"
    r"his|her|our|its)\b)[a-z]+(?:\s+and\s+[a-z]+)?(?:\s+for)?\s+"
    r"(?:the\s+|its\s+|their\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})([^.;]*)"
)
# Words that grade what is paid for without naming it: "better ocean governance".
_GRADING = {"better", "improved", "greater", "stronger", "more", "new", "existing", "further"}
# "... in the Pacific Islands region": where the purpose is, by its first name word.
_WHERE = re.compile(r"\b(?:in|across|for|around)\s+(?:the\s+)?([A-Z][\w-]+)")


def _purpose_words(words: str) -> list[str]:
    kept: list[str] = []
    for word in words.split():
        if word == "and" and kept:
            continue  # "to pay for security and climate resilience": both are the purpose
        if word in _TAIL_STOP or word in ("for", "from", "across", "at", "into", "through"):
            break
        if word not in _GRADING:
            kept.append(word)
    return kept


def name_money_after_donor_and_purpose(
    claims: list[Claim], texts: Mapping[str, str] | None
) -> None:
    """A donor's money with no programme named, told by what it is to do: "New Zealand
    committed $52 million to strengthen ocean governance in the Pacific" is
    `new_zealand_pacific_ocean_governance`, never the donor alone (in place). Not in an
    article about one fund: what the money does there is what the fund does."""
    funds = _funds_of_articles(claims, texts)
    for claim in claims:
        if claim.topic != "funding" or claim.part_of or not _only_countries(claim.slot):
            continue
        if claim.source.id in funds:
            continue
        match = _TO_DO.match(_after(claim, texts, size=160))
        if not match:
            continue
        words = _purpose_words(match.group(1))
        if not words:
            continue
        where = _WHERE.search(f"{match.group(1)}{match.group(2)}")
        place = where.group(1).lower() if where else None
        if place and any(len(os.path.commonprefix([place, d])) >= 4 for d in _tokens(claim.slot)):
            place = None  # "Germany ... in the German Baltic": the donor's own waters
        if place and place not in words:
            words = [place, *words]
        claim.slot = f"{claim.slot}_{slugify(' '.join(words))}"


# The rest of a programme's name that the tagger cut at a preposition: "the Scaling Up
# Renewables in Africa campaign".
_NAME_REST = (
    r"\s+((?:in|for|of|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+"
    r"(?:campaign|fund|facility|initiative|programme|program|alliance|coalition|partnership)\b"
)


# "... Global Alliance| for Vaccines and Immunization (Gavi)": the rest of a name (closing
# the caller's group) and the acronym it is defined by.
_NAME_THEN_ACRONYM = (
    r"(?:\s+(?:for|of|in|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,4})?)"
    r"\s*\(([A-Za-z]{2,10})\)"
)


def complete_programme_names(claims: list[Claim]) -> None:
    """A programme subject whose name the sentence goes on with a preposition and
    title-case words up to the kind of body takes the whole name:
    `scaling_up_renewables` -> `scaling_up_renewables_in_africa` (in place)."""
    for claim in claims:
        if claim.topic != "funding" or _donors(_tokens(claim.slot)):
            continue
        words = r"[\s-]+".join(re.escape(t) for t in _tokens(claim.slot))
        defined = re.search(rf"\b({words}{_NAME_THEN_ACRONYM}", claim.evidence.sentence, re.I)
        if defined and _is_acronym(defined.group(2), defined.group(1)):
            # "the Global Alliance for Vaccines and Immunization (Gavi)": by its acronym
            claim.slot = slugify(defined.group(2))
            continue
        match = re.search(rf"\b{words}{_NAME_REST}", claim.evidence.sentence, re.I)
        if match and match.group(1)[:1].islower():
            rest = re.sub(r"^(\w+)\s+the\s+", r"\1 ", match.group(1))
            claim.slot = f"{claim.slot}_{slugify(rest)}"


# "In 2020, former prime minister Boris Johnson pledged GBP 1.65 billion": a year told
# before the value, in the clause that states it.
_EARLIER_YEAR = re.compile(r"\b[Ii]n\s+((?:19|20)\d\d)\b[^;]*$")


def set_earlier_rounds_apart(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Money a source dates to a year before its own ("In 2020, X pledged ...") was
    pledged at an earlier round, not at this event: it gets its own subject, named by
    its year (`gavi_2020`), never compared with this event's pledge (in place)."""
    years = Counter(c.source.published.year for c in claims if c.source.published)
    corpus_year = years.most_common(1)[0][0] if years else None
    for claim in claims:
        if claim.topic != "funding" or claim.value.kind != "money":
            continue
        now = claim.source.published.year if claim.source.published else corpus_year
        match = _EARLIER_YEAR.search(_before(claim, texts, size=200))
        if now is not None and match and int(match.group(1)) < now:
            claim.slot = f"{claim.slot}_{match.group(1)}"


_BUDGET = re.compile(r"\b(?:budget|cost)\b[^.;]{0,20}$", re.I)
_TARGET_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:target|goal|targeted|sought|needed)\b"
    # "he sees $10 billion in public funds as an ambitious but achievable target"
    r"|^[^.;]{0,40}?\bas\s+an?\s+(?:[\w-]+\s+){0,4}(?:target|goal)\b",
    re.I,
)


# "had wanted to raise at least $9 billion at the summit", "securing the US$9 billion
# needed": the goal for new pledges, as against the budget the money is to reach.
_TO_RAISE = re.compile(
    r"\b(?:rais|secur|mobili[sz])(?:e|es|ed|ing)\s+(?:the\s+|at\s+least\s+|some\s+)?$", re.I
)


def _told_as_target(claim: Claim, texts: Mapping[str, str] | None) -> bool:
    """Whether the text tells the value as money sought ('the target of $18 billion')."""
    before = _before(claim, texts)
    return bool(_TARGET_BEFORE.search(before) or _TARGET_AFTER.match(_after(claim, texts)))


def name_targets(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Money sought, not raised ('a five-year goal of EUR 2.5 billion') is its own
    subject, `<programme>_target`, never compared with what was pledged. A goal for the
    pledges to be raised ('hope to raise $9 billion') is `<programme>_pledging_target`,
    apart from the budget the programme aims to have ('a $11.9 billion budget')."""
    for claim in claims:
        if claim.topic != "funding" or claim.slot.endswith("_target"):
            continue
        before = _before(claim, texts)
        if _told_as_target(claim, texts):
            raising = _TO_RAISE.search(before) and not _BUDGET.search(before)
            claim.slot = f"{claim.slot}_pledging_target" if raising else f"{claim.slot}_target"


# "special drawing rights (SDR)": a term in lower case that a text defines by its initials.
_DEFINED_TERM = re.compile(r"\b((?:[a-z][a-z-]+\s+){1,5}[a-z][a-z-]+)\s+\(([A-Z]{2,6})s?\)")


def defined_terms(texts: Iterable[str]) -> set[str]:
    """The lower-case terms the texts define by their initials ('special drawing rights')."""
    found: set[str] = set()
    for text in texts:
        for match in _DEFINED_TERM.finditer(text):
            short = match.group(2)
            words = match.group(1).split()[-len(short) :]
            if len(words) == len(short) and _is_acronym(short, " ".join(words)):
                found.add(" ".join(words))
    return found


def name_money_after_what_it_comes_in(claims: list[Claim], texts: Mapping[str, str] | None) -> None:
    """Money told as an amount of a defined instrument ("$100 billion in special drawing
    rights", "$100 billion worth of special drawing rights (SDR)") is named after the
    instrument, whoever rechannels it and however the goal is worded (in place)."""
    terms = defined_terms(texts.values()) if texts else set()
    if not terms:
        return
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    told_in = re.compile(rf"^\s*(?:in|worth\s+of|of)\s+(?:the\s+)?({alternatives})\b", re.I)
    for claim in claims:
        if claim.topic != "funding" or claim.part_of:
            continue
        match = told_in.match(_after(claim, texts))
        if match:
            claim.slot = slugify(match.group(1).lower())


def _same_amount(claim: Claim, others: list[Claim]) -> bool:
    """Whether one of `others` states the same amount as `claim` (within 0.5%)."""
    amount = _nominal(claim.value)
    return amount is not None and any(
        compare(claim, other) in (Relation.SAME, Relation.COMPATIBLE)
        and (nominal := _nominal(other.value)) is not None
        and math.isclose(amount, nominal, rel_tol=0.005)
        for other in others
    )


def keep_one_target_told_two_ways(claims: list[Claim]) -> None:
    """A goal for pledges stays apart from the programme's target only when the corpus
    states both and they differ ('raise at least $9 billion at the summit' against 'a
    $11.9 billion budget'); 'aims to raise $125 billion' alone, or beside 'a $125 billion
    fund', is the target (in place)."""
    targets: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.topic == "funding" and claim.slot.endswith("_target"):
            targets.setdefault(claim.slot, []).append(claim)
    for slot, goals in targets.items():
        if not slot.endswith("_pledging_target"):
            continue
        budget = targets.get(slot.removesuffix("_pledging_target") + "_target", [])
        if budget and not all(_same_amount(goal, budget) for goal in goals):
            continue
        for goal in goals:
            goal.slot = slot.removesuffix("_pledging_target") + "_target"


def keep_one_size_told_as_target(claims: list[Claim]) -> None:
    """A fund's size told as made ('the creation of a USD 60 billion fund') and as
    sought ('aims to raise USD 60 billion for the fund') is one figure: where every
    amount under `<programme>` is the amount under `<programme>_target`, the target's
    claims join the programme's subject (in place)."""
    by_slot: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.topic == "funding" and claim.rule != "auto":
            by_slot.setdefault(claim.slot, []).append(claim)
    for slot, goals in by_slot.items():
        if not slot.endswith("_target") or slot.endswith("_pledging_target"):
            continue
        made = by_slot.get(slot.removesuffix("_target"), [])
        if (
            made
            and all(_same_amount(c, goals) for c in made)
            and all(_same_amount(goal, made) for goal in goals)
        ):
            for goal in goals:
                goal.slot = slot.removesuffix("_target")


def name_pledged_parts_of_targets(claims: list[Claim]) -> None:
    """What was pledged towards a goal is the programme's own subject."""
    targets = {f"funding/{c.slot}" for c in claims if c.topic == "funding"}
    for claim in claims:
        # A part of a goal ("of which EUR 400 million is pledged") is what was raised.
        if claim.part_of and claim.part_of.endswith("_target") and claim.part_of in targets:
            programme = claim.part_of.removeprefix("funding/").removesuffix("_target")
            if claim.slot.startswith(f"{programme}_target"):
                claim.slot = programme


# ---------------------------------------------------------------- programme names

# Words that point back to a programme the article named: "the group had wanted to raise
# $9 billion", "the organization raised ...", "its $11.9 billion target".
_POINTS_BACK = re.compile(
    r"\b(?i:the|this|that)\s+(?i:group|alliance|fund|campaign|facility|organi[sz]ation|"
    r"initiative|coalition|programme|program|partnership|foundation)\b(?!\s+[A-Z])"
    r"|\b(?i:its)\b"
)
# A programme subject that is only a word for the kind of body: 'alliance', 'group'.
_BODY_ONLY = BODY_WORDS | {"group", "organization", "organisation", "campaign"}


def _programme_pattern(slot: str) -> re.Pattern[str] | None:
    """How a programme subject's name is written: 'scaling_up_renewables_in_africa' ->
    'Scaling Up Renewables in Africa'."""
    tokens = _tokens(slot)
    if not tokens or len("".join(tokens)) < 3:
        return None
    return re.compile(r"\b" + r"[\s-]+".join(re.escape(t) for t in tokens) + r"\b", re.I)


def name_money_after_the_programme_named_before(
    claims: list[Claim], texts: Mapping[str, str] | None
) -> None:
    """Money a funding rule took but could not name (`REFERS_BACK...`), or named only by
    a word for its kind of body ('alliance'), is the programme's the article names last
    before it, when its sentence names that programme or points back to one ('the group',
    'its'). Otherwise it is evidence: an automatic subject (in place)."""
    programmes: set[str] = set()
    for claim in claims:
        if claim.topic != "funding" or claim.slot.startswith(REFERS_BACK):
            continue
        part = _programme_part(claim.slot)
        tokens = _tokens(part or "")
        bodies = [i for i, t in enumerate(tokens[:-1]) if t in DONOR_BODIES]
        if bodies:  # 'gates_foundation_gavi': what the foundation pays into
            part = "_".join(tokens[bodies[-1] + 1 :])
        if part is None or part == ALL_DONORS or set(_tokens(part)) <= _BODY_ONLY:
            continue
        if not _is_donor_only(claim.slot):
            programmes.add(part)
    patterns = [(p, pat) for p in sorted(programmes) if (pat := _programme_pattern(p))]
    for claim in claims:
        if claim.topic != "funding":
            continue
        placeholder = claim.slot.startswith(REFERS_BACK)
        if not placeholder and not set(_tokens(claim.slot)) <= _BODY_ONLY:
            continue
        text, base = _text(claim, texts)
        start = claim.evidence.value_start - base
        sentence = text[max(0, claim.evidence.start - base) : start]
        last: tuple[int, str] | None = None
        for programme, pattern in patterns:
            for match in pattern.finditer(text, 0, start):
                if last is None or match.start() > last[0]:
                    last = (match.start(), programme)
        in_sentence = last is not None and last[0] >= claim.evidence.start - base
        # "the target of $18 billion", "The goal is to collect ...": a goal is always some
        # programme's, the one the article last named. A heading ("2. The goal: US$ 9
        # billion") leaves to the text below it which goal it is (a budget, new pledges).
        goal = placeholder and _told_as_target(claim, texts) and ":" not in sentence
        if last is not None and (in_sentence or goal or _POINTS_BACK.search(sentence)):
            claim.slot = last[1]
        elif placeholder:
            claim.topic, claim.rule = AUTO_TOPIC, "auto"
            claim.slot = f"{claim.slot.removeprefix(REFERS_BACK)}_{claim.value.kind}"


def _donors(tokens: list[str]) -> list[str]:
    """The donors a subject name starts with: 'brazil_indonesia_tfff' -> brazil, indonesia."""
    found: list[str] = []
    at = 0
    while at < len(tokens):
        for size in (3, 2, 1):
            words = tokens[at : at + size]
            text = " ".join(words)
            if len(words) == size and (text in SHORT_DONORS or names.is_country(text.title())):
                found.append("_".join(words))
                at += size
                break
        else:
            break
    return found


def _donor_prefix(tokens: list[str]) -> int:
    """How many leading tokens of a subject name are donors: 'norway_indonesia_tfff' -> 2."""
    return sum(len(d.split("_")) for d in _donors(tokens))


def _is_donor_only(slot: str) -> bool:
    """'norway', 'brazil_indonesia', 'gates_foundation': who pays, and no programme."""
    tokens = _tokens(slot)
    if tokens and tokens[-1] in DONOR_BODIES:
        return True
    return bool(tokens) and _donor_prefix(tokens) == len(tokens)


def _only_countries(slot: str) -> bool:
    """'eu', 'norway_indonesia': donors by their names alone."""
    tokens = _tokens(slot)
    return bool(tokens) and _donor_prefix(tokens) == len(tokens)


def _programme_part(slot: str) -> str | None:
    tokens = _tokens(slot.removesuffix("_target"))
    rest = tokens[_donor_prefix(tokens) :]
    return "_".join(rest) or None


def _funds_of_articles(claims: list[Claim], texts: Mapping[str, str] | None) -> dict[str, str]:
    """Source id -> the one fund that donors pay into that the article is about: named
    in its title or in two of its figures; else the one such fund of the corpus (named
    with a figure somewhere) whose name the article gives."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.topic == "funding" and claim.rule != "auto":
            by_doc.setdefault(claim.source.id, []).append(claim)
    pooled = {
        _programme_part(c.slot)
        for filed in by_doc.values()
        for c in filed
        if not _is_donor_only(c.slot) and _POOLED.search(c.evidence.sentence) and not _gives_from(c)
    } - {None}
    out: dict[str, str] = {}
    for doc, filed in by_doc.items():
        title = set(_tokens(slugify(filed[0].source.title or "")))
        named = Counter(
            _programme_part(c.slot)
            for c in filed
            if not _is_donor_only(c.slot)
            and not c.part_of
            and not _described_fund(c)  # "forest conservation fund" describes one
            and _POOLED.search(c.evidence.sentence)
        )
        funds = {
            fund for fund, n in named.items() if fund and (n >= 2 or set(_tokens(fund)) <= title)
        } or {fund for fund in pooled if fund and set(_tokens(fund)) <= title}
        if not funds and texts and doc in texts and not funding_names.reports_the_total(filed):
            funds = {
                fund
                for fund in pooled
                if fund and (pattern := _programme_pattern(fund)) and pattern.search(texts[doc])
            }
            funds = _most_told(funds, by_doc)
        if len(funds) == 1:
            out[doc] = funds.pop()
    return out


def _most_told(funds: set[str], by_doc: Mapping[str, list[Claim]]) -> set[str]:
    """Of several names an article gives that are one name cut at different words
    ("global", "global_fund", "global_fund_s" from "the Global Fund's"), the one most
    sources file money under. Funds with names of their own stay several: which of them
    the article is about is not told."""
    if len(funds) < 2:
        return funds
    told = Counter(
        fund
        for filed in by_doc.values()
        for fund in {_programme_part(c.slot) for c in filed if not c.part_of}
        if fund in funds
    )
    ranked = told.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return funds
    best = _tokens(ranked[0][0])

    def one_name(fund: str) -> bool:
        tokens = _tokens(fund)
        shorter, longer = sorted((tokens, best), key=len)
        return longer[: len(shorter)] == shorter

    return {ranked[0][0]} if all(one_name(f) for f in funds) else funds


def _gives_from(claim: Claim) -> bool:
    """Whether the money comes from the body its subject names ("US$22.8 million from
    the Bezos Earth Fund"): a fund that pays out, not one that donors pay into."""
    pattern = _programme_pattern(claim.slot)
    if pattern is None:
        return False
    return bool(re.search(r"\bfrom\s+(?:the\s+)?" + pattern.pattern, claim.evidence.sentence, re.I))


def attach_donors_to_the_fund(claims: list[Claim], texts: Mapping[str, str] | None = None) -> None:
    """A donor's pledge in an article about one fund is a pledge to that fund: 'Norway
    pledged up to 30bn kroner' in an article on the TFFF is `norway_tfff`. Only when the
    article is about exactly one fund that donors pay into: named in its title or in two
    of its figures, or the one such fund of the corpus that the article names ("unveiled
    it at the Scaling Up Renewables in Africa event"). Several donors 'each' pledging are
    one pledge per donor (in place).
    """
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.topic == "funding" and claim.rule != "auto":
            by_doc.setdefault(claim.source.id, []).append(claim)
    funds = _funds_of_articles(claims, texts)
    for doc, filed in by_doc.items():
        fund = funds.get(doc)
        if fund is None:
            continue
        # A total is never named after one of its own parts ("EUR 50 billion ...,
        # including EUR 10 billion for shore power" is not the shore-power money).
        totals_of_fund = {
            c.part_of.partition("/")[2] for c in filed if c.slot == fund and c.part_of
        }
        for claim in filed:
            if claim.slot in totals_of_fund:
                continue
            if _tokens(claim.slot)[:1] == [ALL_DONORS]:
                claim.slot = "_".join([fund, *_tokens(claim.slot)[1:]])
            elif _is_donor_only(claim.slot) and not claim.part_of:
                claim.slot = f"{claim.slot}_{fund}"
            elif not claim.part_of and _described_fund(claim):
                # "Norway to put $3 billion into forest conservation fund": the fund the
                # article is about, described rather than named
                donors = _tokens(claim.slot)[: _donor_prefix(_tokens(claim.slot))]
                claim.slot = "_".join([*donors, fund])
    for claim in claims:
        if claim.topic == "funding" and _tokens(claim.slot)[:1] == [ALL_DONORS]:
            # Everyone's money with no fund to be the total of: evidence, not a finding.
            claim.topic, claim.rule = "auto", "auto"
            claim.slot = f"{claim.slot}_money"
    claims[:] = [part for claim in claims for part in _each(claim)]


def _described_fund(claim: Claim) -> bool:
    """Whether a subject names a fund by common nouns the sentence writes in lower case
    ('norway_forest_conservation_fund' from "into forest conservation fund")."""
    tokens = _tokens(claim.slot)
    rest = tokens[_donor_prefix(tokens) :]
    if not rest or rest[-1] not in ("fund", "facility"):
        return False
    return bool(re.search(r"\b" + r"[\s-]+".join(rest) + r"\b", claim.evidence.sentence))


def merge_one_payers_names(claims: list[Claim]) -> None:
    """`team_europe_x` joins `eu_x` when every source of it gives `eu_x` the same
    figure: one pledge told under two names of its payer (in place)."""
    by_slot: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.topic == "funding" and claim.rule != "auto" and not claim.part_of:
            by_slot.setdefault(claim.slot, []).append(claim)
    for slot, told in by_slot.items():
        for other_name, name in ONE_PAYER.items():
            if not slot.startswith(f"{other_name}_"):
                continue
            target = f"{name}_{slot.removeprefix(f'{other_name}_')}"
            own = by_slot.get(target, [])
            if own and all(
                _same_amount(claim, [c for c in own if c.source.id == claim.source.id])
                for claim in told
            ):
                for claim in told:
                    claim.slot = target


_EACH = re.compile(r"\beach\b", re.I)
_JOINT = re.compile(r"\b(?:combined|together|jointly|between them|in total|a total of)\b", re.I)


def _each(claim: Claim) -> list[Claim]:
    """'Brazil and Indonesia have each committed $1 billion': one claim per donor."""
    if claim.topic != "funding" or not _EACH.search(claim.evidence.sentence):
        return [claim]
    if _JOINT.search(claim.evidence.sentence):
        return [claim]
    tokens = _tokens(claim.slot)
    donors = _donors(tokens)
    if len(donors) < 2:
        return [claim]
    rest = tokens[_donor_prefix(tokens) :]
    return [
        claim.model_copy(update={"id": f"{claim.id}-{donor}", "slot": "_".join([donor, *rest])})
        for donor in donors
    ]


def _tokens(slot: str) -> list[str]:
    return [t for t in slot.split("_") if t]


def _core(slot: str) -> str:
    """The name without words for the kind of body: 'current_ai_foundation' -> 'currentai'."""
    kept = [t for t in _tokens(slot) if t not in BODY_WORDS] or _tokens(slot)
    return "".join(kept)


# Words for money in general are one word when two names are compared: "financing from
# development finance institutions" and "funding from development finance institutions".
_MONEY_WORD = {"funding": "financing", "finance": "financing", "investments": "investment"}


def _core_words(slot: str) -> list[str]:
    words = [t for t in _tokens(slot) if t not in BODY_WORDS] or _tokens(slot)
    return [_MONEY_WORD.get(w, w) for w in words]


def _acronym(slot: str) -> str:
    return "".join(t[0] for t in _tokens(slot) if t not in BODY_WORDS)


def same_programme(a: str, b: str) -> bool:
    """Whether two subject names are variants of one programme's name. A donor alone
    ('eu') is no variant of its unnamed group ('eu_coalition')."""
    if _only_countries(a) != _only_countries(b):
        return False
    ca, cb = _core(a), _core(b)
    if ca == cb:
        return True
    if len(_tokens(a)) == 1 and len(_tokens(b)) >= 3 and ca == _acronym(b):
        return True
    if len(_tokens(b)) == 1 and len(_tokens(a)) >= 3 and cb == _acronym(a):
        return True
    return _similar_words(_core_words(a), _core_words(b))


def _donor_of(slot: str, programme: str) -> bool:
    """Whether `slot` is a donor's subject for `programme`: 'eu_investai' for 'investai',
    'gates_foundation_gavi' for 'gavi'."""
    if not slot.endswith(f"_{programme}"):
        return False
    donor = slot.removesuffix(f"_{programme}")
    return _only_countries(donor) or _tokens(donor)[-1:] in (["foundation"], ["bank"])


def programme_names(slots: Counter[str], pooled: set[str] | None = None) -> dict[str, str]:
    """Slot -> the slot it merges into, for one topic's programme subjects. A `pooled`
    programme (a fund, facility, foundation or alliance that many pay into) keeps its
    donor-less subject for its total."""
    rename: dict[str, str] = {}
    ordered = sorted(slots, key=lambda s: (-slots[s], len(s), s))
    for slot in ordered:
        if slot in rename:
            continue
        for other in ordered:
            if other != slot and other not in rename and same_programme(slot, other):
                rename[other] = slot
    # A donor-less programme ('investai') joins the one donor's subject ('eu_investai');
    # with two donors ('norway_ai_safety_fund', 'sweden_ai_safety_fund') it stays apart.
    # A donor alone ('france') joins the one subject of that donor.
    kept = [s for s in ordered if s not in rename]
    for slot in kept:
        # ... only when what comes before it is a donor ('eu_', not 'scaling_up_..._in_').
        with_donor = [o for o in kept if o != slot and _donor_of(o, slot)]
        # A donor's joint pledges with others ('brazil_indonesia_tfff') are not its own.
        of_donor = [
            o
            for o in kept
            if o != slot and o.startswith(f"{slot}_") and len(_donors(_tokens(o))) <= 1
        ]
        if len(with_donor) == 1 and not of_donor and slot not in (pooled or set()):
            rename[slot] = with_donor[0]
        elif len(of_donor) == 1 and not with_donor and _is_donor_only(slot):
            rename[slot] = of_donor[0]
    for slot, target in list(rename.items()):
        while target in rename and rename[target] != slot:
            target = rename[target]
        rename[slot] = target
    return rename


def merge_programmes(claims: list[Claim]) -> None:
    """Rename variant subject names of one programme to one name (in place)."""
    for topic in PROGRAMME_TOPICS:
        filed = [c for c in claims if c.topic == topic and c.rule != "auto"]
        if topic == "initiatives":
            continue  # group sizes are keyed by name and counted noun; merged below
        pooled = {c.slot for c in filed if _POOLED.search(c.evidence.sentence)}
        rename = programme_names(
            Counter(c.slot for c in filed if not c.slot.endswith("_target")), pooled
        )
        for claim in filed:
            if claim.slot in rename:
                claim.slot = rename[claim.slot]
            if claim.part_of:
                topic_, _, slot = claim.part_of.partition("/")
                if topic_ == topic and slot in rename:
                    claim.part_of = f"{topic}/{rename[slot]}"
        _donor_figures_to_their_programme(filed)
        _one_donors_purposes(filed)
    _merge_group_variants(claims)


def _donor_figures_to_their_programme(filed: list[Claim]) -> None:
    """A donor's figure told without its programme ("Europe ... pledging EUR 200 billion")
    joins the programme of that donor whose figures from other sources it agrees with,
    when the donor has several: the only one, or the one clearly more sources name
    (in place)."""
    by_slot: dict[str, list[Claim]] = {}
    for claim in filed:
        if not claim.part_of:
            by_slot.setdefault(claim.slot, []).append(claim)
    for claim in filed:
        if claim.part_of or not _is_donor_only(claim.slot):
            continue
        agreeing = [
            slot
            for slot, others in by_slot.items()
            if slot.startswith(f"{claim.slot}_")
            and not slot.endswith("_target")
            and len(_donors(_tokens(slot))) <= 1
            and any(
                other.source.id != claim.source.id
                and compare(claim, other) in (Relation.SAME, Relation.COMPATIBLE)
                for other in others
            )
        ]
        # Of several that agree, the one clearly more sources name.
        sources = sorted(
            ((len({c.source.id for c in by_slot[s]}), s) for s in agreeing), reverse=True
        )
        if len(sources) == 1 or len(sources) > 1 and sources[0][0] > sources[1][0]:
            claim.slot = sources[0][1]


def _agree(a: list[Claim], b: list[Claim]) -> bool:
    return any(
        x.source.id != y.source.id and compare(x, y) in (Relation.SAME, Relation.COMPATIBLE)
        for x in a
        for y in b
    )


def _one_donors_purposes(filed: list[Claim]) -> None:
    """One donor's money for one kind of thing, told two ways ("to recover and clear
    legacy munitions", "to remove underwater munitions"), with figures that agree, is one
    subject: the one more sources use (in place)."""
    by_slot: dict[str, list[Claim]] = {}
    for claim in filed:
        if not claim.part_of:
            by_slot.setdefault(claim.slot, []).append(claim)
    ordered = sorted(by_slot, key=lambda s: (-len(by_slot[s]), len(s), s))
    rename: dict[str, str] = {}
    for n, slot in enumerate(ordered):
        tokens = _tokens(slot)
        donors = _donor_prefix(tokens)
        if slot in rename or not donors or donors == len(tokens) or slot.endswith("_target"):
            continue
        for other in ordered[n + 1 :]:
            theirs = _tokens(other)
            if (
                other not in rename
                and not other.endswith("_target")
                and theirs[:donors] == tokens[:donors]
                and _donor_prefix(theirs) == donors
                and len(theirs) > donors
                and theirs[-1] == tokens[-1]
                and _agree(by_slot[slot], by_slot[other])
            ):
                rename[other] = slot
    for claim in filed:
        if claim.slot in rename:
            claim.slot = rename[claim.slot]


# "the High Ambition Coalition| for a Quiet Ocean": the rest of a group's name, after
# the body word the tagger stopped at. Matched without re.I: the name keeps its capitals.
_GROUP_REST = (
    r"\s+((?:for|of|on|in|against)\s+(?:the\s+|a\s+|an\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
# "A 37-country coalition": a noun written before a hyphen after a number is singular.
_HYPHENATED = r"\d[\d,.]*-{noun}\b"


def _plural(noun: str) -> str:
    """The plural the subject names use for a counted noun told in its singular."""
    if re.search(r"[^aeiou]y$", noun):
        return f"{noun[:-1]}ies"
    return f"{noun}es" if re.search(r"(?:s|x|ch|sh)$", noun) else f"{noun}s"


def complete_group_names(claims: list[Claim]) -> None:
    """`initiatives/<group>_<noun>` with the group's whole name (`high_ambition_coalition`
    -> `high_ambition_coalition_for_a_quiet_ocean`) and the counted noun in the plural
    ('a 37-country coalition' counts countries) (in place)."""
    for claim in claims:
        if claim.topic != "initiatives" or claim.rule == "auto" or not claim.noun:
            continue
        noun = slugify(claim.noun.split()[-1])
        if not noun or not claim.slot.endswith(f"_{noun}"):
            continue
        group = claim.slot.removesuffix(f"_{noun}")
        sentence = claim.evidence.sentence
        if re.search(_HYPHENATED.format(noun=re.escape(noun)), sentence, re.I):
            noun = _plural(noun)
            claim.noun = noun
        words = r"[\s-]+".join(re.escape(t) for t in _tokens(group))
        if _tokens(group)[-1:] and _tokens(group)[-1] in _BODY_ONLY:
            rest = re.search(rf"\b(?i:{words}){_GROUP_REST}", sentence)
            if rest and rest.group(1)[:1].islower():
                group = f"{group}_{slugify(rest.group(1))}"
        claim.slot = f"{group}_{noun}"


def _merge_group_variants(claims: list[Claim]) -> None:
    """`initiatives/<group>_<noun>`: the group part merged by name variants, per noun."""
    complete_group_names(claims)
    filed = [c for c in claims if c.topic == "initiatives" and c.rule != "auto" and c.noun]
    by_noun: dict[str, list[Claim]] = {}
    for claim in filed:
        noun = slugify((claim.noun or "").split()[-1])
        if noun and claim.slot.endswith(f"_{noun}"):
            by_noun.setdefault(noun, []).append(claim)
    for noun, group in by_noun.items():
        groups = Counter(c.slot.removesuffix(f"_{noun}") for c in group)
        rename = {
            old: new
            for old, new in programme_names(groups).items()
            if same_programme(old, new)  # no donor merges for groups
        }
        for claim in group:
            base = claim.slot.removesuffix(f"_{noun}")
            if base in rename:
                claim.slot = f"{rename[base]}_{noun}"


# ---------------------------------------------------------------- names before filing

_NAME_STOP = {"the", "of", "for", "and", "&", "on", "in", "to", "a", "an"}


def _name_words(name: str) -> list[str]:
    words = [w.strip(".,'\"“”‘’()").lower() for w in name.replace("-", " ").split()]
    return [w for w in words if w and w not in ("the", "'s", "’s")]


def _name_core(name: str) -> str:
    """'the Tropical Forests Forever Facility' -> 'tropical forest forever'."""
    words = [w for w in _name_words(name) if w not in BODY_WORDS]
    words = [w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w
             for w in words or _name_words(name)]  # fmt: skip
    return " ".join(words)


def _name_acronym(name: str) -> str:
    """'Global Alliance for Vaccines and Immunization' -> 'gavi'."""
    return "".join(w[0] for w in _name_words(name) if w not in _NAME_STOP)


def _is_acronym(short: str, long: str) -> bool:
    words = short.split()
    if len(words) != 1 or len(words[0]) < 3 or len(_name_words(long)) < 3:
        return False
    letters = words[0].strip(".,()").lower()
    full = _name_acronym(long)
    without_body = "".join(
        w[0] for w in _name_words(long) if w not in _NAME_STOP and w not in BODY_WORDS
    )
    return letters in (full, without_body)


def same_name(a: str, b: str) -> bool:
    """Whether two programme names are variants: 'X' and 'X Initiative', plural and
    singular, small spelling differences, an acronym and its expansion."""
    ca, cb = _name_core(a), _name_core(b)
    if not ca or not cb:
        return False
    if ca == cb or _is_acronym(a, b) or _is_acronym(b, a):
        return True
    wa, wb = ca.split(), cb.split()
    short, long = sorted((_name_words(a), _name_words(b)), key=len)
    if len(short) >= 2 and long[-len(short) :] == short:
        return True  # "Forever Facility", the tagger's piece of "Tropical Forests Forever Facility"
    return _similar_words(wa, wb)


def _similar_words(wa: list[str], wb: list[str]) -> bool:
    """Word by word, so that a misspelling matches and "UK" never matches "US"."""
    return len(wa) == len(wb) and all(
        x == y or (min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= SIMILAR_NAMES)
        for x, y in zip(wa, wb, strict=True)
    )


_TITLE = r"[A-Z][\w'’-]*"
_LONG = rf"{_TITLE}(?:\s+(?:(?:of|for|and|the|on|&)\s+)?{_TITLE}){{1,7}}"
# "Tropical Forest Forever Facility (TFFF)" and "TFFF (Tropical Forests Forever Fund)"
_DEFINED = re.compile(
    rf"({_LONG})\s+\(([A-Z][A-Za-z0-9]{{2,9}})\)|\b([A-Z][A-Z0-9]{{2,9}})\s+\(({_LONG})\)"
)


def defined_acronyms(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """(acronym, expansion) pairs the texts define in brackets, checked letter by letter."""
    found: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for match in _DEFINED.finditer(text):
            long, short = (match.group(1), match.group(2)) if match.group(1) else (
                match.group(4), match.group(3))  # fmt: skip
            long = re.sub(r"^(?:The|the)\s+", "", long)
            if _is_acronym(short, long):
                found[(short, long)] += 1
    return found


# "Gavi, the Vaccine Alliance": a name and the body it is, told side by side.
_CALLED = re.compile(
    rf"\b({_TITLE}(?:\s+{_TITLE}){{0,3}}),\s+the\s+({_TITLE}(?:\s+{_TITLE}){{0,4}})"
)


def told_as_one(texts: Iterable[str]) -> Counter[tuple[str, str]]:
    """(name, body) pairs of an apposition whose second half names a kind of body."""
    found: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for match in _CALLED.finditer(text):
            name, body = match.group(1), match.group(2)
            if (
                body.split()[-1].lower() in BODY_WORDS
                and name.split()[-1].lower() not in BODY_WORDS
            ):
                found[(name, body)] += 1
    return found


def _clean_name(name: str) -> str:
    """'the Global Alliance for Vaccines and Immunization (Gavi' -> without the bracket."""
    return name.split("(")[0].strip(" ,;:\"'“”‘’")


def _block_keys(name: str) -> set[str]:
    words = [w for w in _name_words(name) if w not in _NAME_STOP]
    keys = {f"w:{w[:3]}" for w in words if w not in BODY_WORDS}
    keys.add(f"a:{_name_acronym(name)}")
    keys.add(f"a:{''.join(w[0] for w in words if w not in BODY_WORDS)}")
    if len(words) == 1:
        keys.add(f"a:{words[0]}")
    return keys


def _with_its_place(best: str, names_: list[str]) -> str:
    """'Ocean Action Plan' is 'Nice Ocean Action Plan' cut after its city by the tagger:
    the name is the one with the place it is named after."""
    for name in names_:
        words = name.split()
        for size in (1, 2):
            place = " ".join(words[:size]).removeprefix("the ").strip("'\"‘“")
            rest = " ".join(words[size:])
            if rest.lower() == best.lower() and (names.is_city(place) or names.is_country(place)):
                return " ".join([place, rest])
    return best


def programme_aliases(mentions: Iterable[Mention], texts: Iterable[str] = ()) -> dict[str, str]:
    """Lower-cased variant -> the shortest name of its programme, over the whole corpus.
    An acronym the texts define, or a name told beside its body ('Gavi, the Vaccine
    Alliance'), names its programme; a body word alone ('the Alliance') points to the
    one programme of that kind."""
    texts = list(texts)
    seen = Counter(
        name.strip()
        for mention in mentions
        if mention.value.kind in NUMERIC_KINDS
        for name in mention.context.names
    )
    pairs = [*defined_acronyms(texts).items(), *told_as_one(texts).items()]
    for (short, long), n in pairs:
        seen[short] += n
        seen[long] += n
    # Variants of variants are one programme: union-find over every pair.
    ordered = sorted(seen, key=lambda n: (-seen[n], n))
    index = {name: i for i, name in enumerate(ordered)}
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only names that share a word's first letters or an acronym are compared, so that
    # a corpus of thousands of names is not compared pair by pair.
    blocks: dict[str, list[int]] = {}
    for i, name in enumerate(ordered):
        for key in _block_keys(_clean_name(name)):
            blocks.setdefault(key, []).append(i)
    for members in blocks.values():
        for n, i in enumerate(members):
            for j in members[:n]:
                if root(i) != root(j) and same_name(
                    _clean_name(ordered[i]), _clean_name(ordered[j])
                ):
                    parent[root(i)] = root(j)
    for (short, long), _ in pairs:
        parent[root(index[short])] = root(index[long])
    by_root: dict[int, list[str]] = {}
    for i, name in enumerate(ordered):
        by_root.setdefault(root(i), []).append(name)
    groups = [g for g in by_root.values() if any(_name_core(n) for n in g)]
    # "the Alliance": the one programme whose names say it is an alliance.
    for group in list(groups):
        words = _name_words(_clean_name(group[0]))
        if len(group) == 1 and len(words) == 1 and words[0] in BODY_WORDS:
            kinds = [
                g
                for g in groups
                if g is not group and any(_name_words(_clean_name(n))[-1:] == words for n in g)
            ]
            if len(kinds) == 1:
                kinds[0].append(group[0])
                groups.remove(group)
    aliases: dict[str, str] = {}
    for group in groups:
        if len(group) < 2:
            continue
        best = _clean_name(min(group, key=lambda n: (len(_name_core(_clean_name(n))), -seen[n], n)))
        best = _with_its_place(best, [_clean_name(n) for n in group])
        for name in group:
            if name != best:
                aliases[name.lower()] = best
    return aliases


def with_programme_names(
    rules: RuleSet, mentions: Iterable[Mention], texts: Iterable[str] = ()
) -> RuleSet:
    """The rules, with the corpus's programme name variants added to their name aliases
    (the rules' own aliases win)."""
    found = programme_aliases(mentions, texts)
    if not found:
        return rules
    merged = {**found, **rules.name_aliases}
    return rules.model_copy(update={"name_aliases": merged})
