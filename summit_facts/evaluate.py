"""Score the tool's claims and verdicts against a gold file (DESIGN.md, "Scoring against gold").

A gold claim is *found* when a tool claim from the same document, under the same
topic and slot, has a value equal to the gold value after normalisation. Recall,
precision, verdict accuracy, contradictions found, traps sprung and the outlier
are computed here, with per-subject detail so that every miss can be traced.

Library code: returns models, prints nothing. The gold format is the one of
`shared/gold/seeds.yaml`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from summit_facts import SCHEMA_VERSION, yaml_text
from summit_facts.errors import GoldError
from summit_facts.models import (
    Claim,
    CountValue,
    DateValue,
    EntitiesValue,
    MoneyValue,
    PercentValue,
    Report,
    SubjectVerdict,
    TextValue,
    VerdictKind,
)
from summit_facts.names import canonical_name, canonical_text

TOLERANCE = 0.005  # counts and amounts agree within 0.5%
TRAP_OVERLAP = 0.8  # share of a trap's quote the claim's sentence must contain
GOLD_HINT = (
    "a gold file has `subjects` (and optionally sources, independent_groups, traps,"
    " source_reliability); see README.md, 'Real coverage: field corpora'"
)

# ---------------------------------------------------------------- the gold file


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldValue(_Gold):
    """One gold value, in one of the forms the gold file documents."""

    value: int | float | None = None
    low: int | float | None = None
    high: int | float | None = None
    approx: int | float | None = None
    amount: int | float | None = None
    currency: str | None = None
    start: date | None = None
    end: date | None = None
    members: list[str] | None = None
    text: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> GoldValue:
        # low and high together are one form: a range ("between 40 and 50", "up to N"
        # written {low: 0, high: N}).
        ranged = self.low is not None and self.high is not None
        numbers = (self.value, self.low, None if ranged else self.high, self.approx, self.amount)
        forms = sum(x is not None for x in numbers)
        forms += self.start is not None or self.end is not None
        forms += self.members is not None
        forms += self.text is not None
        if forms != 1:
            raise ValueError(
                "a value has exactly one form: value, low, high, low+high, approx, amount"
                " (numbers),"
                " start+end (dates), members or text"
            )
        if (self.start is None) != (self.end is None):
            raise ValueError("a date range needs both start and end")
        return self

    def display(self) -> str:
        """The gold value for people: '> 100', 'EUR 400,000,000', '2025-02-10 – 2025-02-11'."""
        if self.start is not None and self.end is not None:
            if self.start == self.end:
                return self.start.isoformat()
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
        if self.members is not None:
            return ", ".join(self.members)
        if self.text is not None:
            return self.text
        if self.low is not None and self.high is not None:
            shown = f"{_number(self.low)} to {_number(self.high)}"
            return f"{self.currency} {shown}" if self.currency else shown
        prefix, number = _numeric_form(self)
        year = self.value is not None and float(number).is_integer() and 1000 <= number < 3000
        shown = f"{prefix}{int(number) if year else _number(number)}"
        return f"{self.currency} {shown}" if self.currency else shown

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class GoldClaim(_Gold):
    model_config = ConfigDict(extra="ignore")

    doc: str
    value: GoldValue
    quote: str = ""
    modality: Literal["asserted", "hedged", "planned"] | None = None
    polarity: Literal["affirmed", "negated"] | None = None
    role: str | None = Field(default=None, description="A person's role, as the text gives it.")
    noun: str | None = None


class GoldSubject(_Gold):
    model_config = ConfigDict(extra="ignore")

    topic: str
    slot: str
    verdict: VerdictKind
    consensus: GoldValue | None = None
    outliers: list[str] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)


class SubjectRef(_Gold):
    topic: str
    slot: str


class GoldTrap(_Gold):
    """A sentence a naive tool files under the wrong subject, given by its quote or,
    where the text cannot be quoted, by the value it must not yield there."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    doc: str
    quote: str = ""
    value: GoldValue | None = None
    not_: SubjectRef = Field(alias="not")
    why: str = ""

    @model_validator(mode="after")
    def _quote_or_value(self) -> GoldTrap:
        if not self.quote and self.value is None:
            raise ValueError("a trap needs a quote or a value")
        return self


class SourceReliability(_Gold):
    model_config = ConfigDict(extra="ignore")

    outlier: str | None = None


class Gold(_Gold):
    """A whole gold file: sources, subjects with their claims, traps, the outlier."""

    # A misspelt top-level key would silently score nothing: every key is known.
    model_config = ConfigDict(extra="forbid")

    sources: dict[str, dict[str, Any] | None] = Field(default_factory=dict)
    independent_groups: list[list[str]] = Field(default_factory=list)
    subjects: list[GoldSubject] = Field(default_factory=list)
    traps: list[GoldTrap] = Field(default_factory=list)
    source_reliability: SourceReliability = Field(default_factory=SourceReliability)

    @model_validator(mode="after")
    def _scores_something(self) -> Gold:
        if not self.subjects and not self.traps:
            raise ValueError("a gold file needs `subjects` or `traps` to score against")
        return self


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file. Every problem is a GoldError with a hint."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(
            f"gold file not found: {path}",
            hint="give --gold the path of a gold YAML file (" + GOLD_HINT + ")",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}", hint=GOLD_HINT) from None
    try:
        data = yaml_text.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 1})" if where is not None else ""
        raise GoldError(f"gold file {path} is not valid YAML{at}", hint=GOLD_HINT) from None
    if not isinstance(data, dict):
        raise GoldError(f"gold file {path} is not a mapping", hint=GOLD_HINT)
    try:
        return Gold.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}"
            for error in exc.errors()[:5]
        ]
        more = f"; and {exc.error_count() - 5} more" if exc.error_count() > 5 else ""
        raise GoldError(f"gold file {path}: {'; '.join(problems)}{more}", hint=GOLD_HINT) from None


# ---------------------------------------------------------------- the result


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Miss(_Out):
    """A gold claim the tool did not find, and what the tool had instead."""

    doc: str
    value: dict[str, Any] = Field(description="The gold value, in the gold file's form.")
    display: str
    quote: str
    tool_values: list[str] = Field(description="The tool's values for this doc and subject.")
    filed_under: list[str] = Field(
        default_factory=list,
        description="Subjects ('topic/slot') where the tool filed this doc's matching value.",
    )


class Extra(_Out):
    """A tool claim under a gold subject that matches no gold claim."""

    doc: str
    value: str
    sentence: str


class SprungTrap(_Out):
    doc: str
    quote: str
    topic: str
    slot: str
    value: str = Field(description="The value the tool filed under the trap's subject.")
    sentence: str
    why: str = ""


class SubjectScore(_Out):
    topic: str
    slot: str
    gold_verdict: VerdictKind
    tool_verdict: VerdictKind | None
    verdict_ok: bool
    gold_claims: int
    found: int
    missed: list[Miss] = Field(default_factory=list)
    extra: list[Extra] = Field(default_factory=list)


class EvalResult(_Out):
    """Scores against a gold file. JSON-serialisable; `kind` is 'eval'."""

    schema_version: int = SCHEMA_VERSION
    kind: Literal["eval"] = "eval"
    recall: float
    precision: float
    verdict_accuracy: float
    gold_claims: int
    found: int
    tool_claims_under_gold_subjects: int
    matching_tool_claims: int
    contradictions_expected: int
    contradictions_found: int
    traps_total: int
    traps_sprung: int
    sprung: list[SprungTrap]
    outlier_expected: str | None
    outlier_found: str | None
    outlier_correct: bool
    subjects: list[SubjectScore]


# ---------------------------------------------------------------- scoring


def evaluate(claims: Sequence[Claim], report: Report, gold: Gold) -> EvalResult:
    """Score claims and a report against gold. Ratios over nothing are 0.0."""
    verdicts = _verdicts(report)
    by_subject: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        by_subject.setdefault((claim.topic, claim.slot), []).append(claim)

    subjects: list[SubjectScore] = []
    under = matching = 0
    for subject in gold.subjects:
        tool_claims = by_subject.get((subject.topic, subject.slot), [])
        score, n_matching = _score_subject(subject, tool_claims, verdicts, claims)
        subjects.append(score)
        under += len(tool_claims)
        matching += n_matching

    gold_claims = sum(s.gold_claims for s in subjects)
    found = sum(s.found for s in subjects)
    expected = [s for s in subjects if s.gold_verdict == "contradiction"]
    sprung = [hit for trap in gold.traps if (hit := _sprung(trap, claims)) is not None]
    outlier_expected = gold.source_reliability.outlier
    if outlier_expected is None or report.outlier is None:
        outlier_correct = outlier_expected == report.outlier
    else:
        outlier_correct = same_doc(report.outlier, outlier_expected)
    return EvalResult(
        recall=_ratio(found, gold_claims),
        precision=_ratio(matching, under),
        verdict_accuracy=_ratio(sum(s.verdict_ok for s in subjects), len(subjects)),
        gold_claims=gold_claims,
        found=found,
        tool_claims_under_gold_subjects=under,
        matching_tool_claims=matching,
        contradictions_expected=len(expected),
        contradictions_found=sum(s.tool_verdict == "contradiction" for s in expected),
        traps_total=len(gold.traps),
        traps_sprung=len(sprung),
        sprung=sprung,
        outlier_expected=outlier_expected,
        outlier_found=report.outlier,
        outlier_correct=outlier_correct,
        subjects=subjects,
    )


def _score_subject(
    subject: GoldSubject,
    tool_claims: list[Claim],
    verdicts: dict[tuple[str, str], SubjectVerdict],
    all_claims: Sequence[Claim] = (),
) -> tuple[SubjectScore, int]:
    from summit_facts.render import format_value

    matched: set[int] = set()
    missed: list[Miss] = []
    found = 0
    for gold_claim in subject.claims:
        same = [c for c in tool_claims if claim_in_doc(c, gold_claim.doc)]
        hits = [id(c) for c in same if _claim_matches(gold_claim, c)]
        matched.update(hits)
        if hits:
            found += 1
            continue
        missed.append(
            Miss(
                doc=gold_claim.doc,
                value=gold_claim.value.as_dict(),
                display=gold_claim.value.display(),
                quote=gold_claim.quote,
                tool_values=[format_value(c.value) for c in same],
                filed_under=sorted(
                    {
                        f"{c.topic}/{c.slot}"
                        for c in all_claims
                        if claim_in_doc(c, gold_claim.doc) and value_matches(gold_claim.value, c)
                    }
                ),
            )
        )
    # Precision counts a tool claim once it matches any gold claim of its own document
    # (a source that states the right value twice is right twice); the rest are extra.
    extra = [
        Extra(doc=c.source.id, value=format_value(c.value), sentence=c.evidence.sentence)
        for c in tool_claims
        if id(c) not in matched
    ]
    verdict = verdicts.get((subject.topic, subject.slot))
    tool_verdict = verdict.verdict if verdict else None
    score = SubjectScore(
        topic=subject.topic,
        slot=subject.slot,
        gold_verdict=subject.verdict,
        tool_verdict=tool_verdict,
        verdict_ok=tool_verdict == subject.verdict,
        gold_claims=len(subject.claims),
        found=found,
        missed=missed,
        extra=extra,
    )
    return score, len(matched)


def _verdicts(report: Report) -> dict[tuple[str, str], SubjectVerdict]:
    found: dict[tuple[str, str], SubjectVerdict] = {}
    for verdict in [*report.contradictions, *report.consensus, *report.single_source]:
        found.setdefault((verdict.topic, verdict.slot), verdict)
    return found


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# ---------------------------------------------------------------- documents


def same_doc(a: str, b: str) -> bool:
    """Equal, or one is a path ending in the other (seeds/000.txt vs 000.txt)."""
    a, b = a.replace("\\", "/"), b.replace("\\", "/")
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def claim_in_doc(claim: Claim, doc: str) -> bool:
    return same_doc(claim.source.id, doc) or same_doc(claim.source.path, doc)


# ---------------------------------------------------------------- values


def _claim_matches(gold: GoldClaim, claim: Claim) -> bool:
    """The value matches, and so does the polarity where the gold gives one ("did not
    sign"). Modality is shown, not scored: whether "expected" reads as hedged or
    planned is a judgement call the gold writer and the tool may make differently."""
    if gold.polarity is not None and gold.polarity != claim.polarity:
        return False
    return value_matches(gold.value, claim)


def value_matches(gold: GoldValue, claim: Claim) -> bool:
    """Whether the claim's value equals the gold value after normalisation."""
    value = claim.value
    if gold.start is not None and gold.end is not None:
        return isinstance(value, DateValue) and (value.start, value.end) == (gold.start, gold.end)
    if gold.members is not None:
        return _members_match(gold.members, value)
    if gold.text is not None:
        # a name told beside the claim's own ("X, or Y") is an alias of it
        return any(_text_matches(gold.text, v) for v in [value, *claim.equivalents])
    if isinstance(value, DateValue):
        # {value: 2023} on a date claim: the year, told at year precision.
        return (
            gold.value is not None
            and value.precision == "year"
            and value.start.year == value.end.year == gold.value  # years are exact
        )
    if isinstance(value, CountValue | PercentValue | MoneyValue):
        if gold.currency is not None:
            if not isinstance(value, MoneyValue) or value.currency is None:
                return False
            if value.currency.upper() != gold.currency.upper():
                return False
        return _number_matches(gold, value)
    return False


def _numeric_form(gold: GoldValue) -> tuple[str, float]:
    if gold.low is not None and gold.high is not None:
        return f"{_number(gold.low)} – ", gold.high
    if gold.low is not None:
        return "≥ ", gold.low
    if gold.high is not None:
        return "≤ ", gold.high
    if gold.approx is not None:
        return "~", gold.approx
    number = gold.amount if gold.amount is not None else gold.value
    return "", number if number is not None else 0.0


def _number_matches(gold: GoldValue, value: CountValue | PercentValue | MoneyValue) -> bool:
    iv = value.interval
    if gold.low is not None and gold.high is not None:
        # A range: "between 40 and 50", "up to N" ({low: 0, high: N}).
        low = iv.low if iv.low is not None else 0.0
        return iv.high is not None and _close(low, gold.low) and _close(iv.high, gold.high)
    if gold.low is not None:
        # over / more than / at least / N+: a lower bound at N, open above.
        return iv.low is not None and iv.high is None and _close(iv.low, gold.low)
    if gold.high is not None:
        # up to N: an upper bound at N.
        return iv.high is not None and iv.low in (None, 0) and _close(iv.high, gold.high)
    if gold.approx is not None:
        # Lenient on purpose: whether "nearly" or "about" was caught is the parser's
        # business; gold asks whether the right number landed in the right subject.
        return _close(value.nominal, gold.approx)
    number = gold.amount if gold.amount is not None else gold.value
    if number is None:
        return False
    # An exact figure is not a bound: "over 60" does not state 60.
    bounded = iv.low is not None and iv.high is not None
    return bounded and _close(value.nominal, number)


def _close(x: float, y: float) -> bool:
    if x == y:
        return True
    return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def _members_match(gold_members: list[str], value: Any) -> bool:
    name = _canonical_name
    wanted = {name(m) for m in gold_members}
    if isinstance(value, TextValue):
        return len(wanted) == 1 and wanted == {name(value.text)}
    if not isinstance(value, EntitiesValue):
        return False
    members = {name(m) for m in value.members}
    if wanted == members:
        return True
    # A person stands for what they lead: compare both sides through the claim's roles.
    roles = {name(k): name(v) for k, v in value.roles.items()}
    if not roles:
        return False
    through = {roles.get(m, m) for m in members}
    return {roles.get(m, m) for m in wanted} == through


def _text_matches(gold_text: str, value: Any) -> bool:
    """Alias-equal: equal after canonical_text, or one contains the other."""
    fold = _canonical_text
    if isinstance(value, EntitiesValue):
        candidates = value.members if len(value.members) == 1 else []
    elif isinstance(value, TextValue):
        candidates = [value.text, value.surface]
    else:
        return False
    wanted = fold(gold_text)
    return any(_contains(wanted, fold(c)) for c in candidates)


def _contains(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a == b or a in b or b in a)


# ---------------------------------------------------------------- names


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split()).strip(" ,;:")


def _canonical_name(text: str) -> str:
    """A place or body's canonical name, folded ("the U.S." and "United States" agree)."""
    return _fold(canonical_name(text))


def _canonical_text(text: str) -> str:
    """A declaration's or venue's name folded as the comparison folds it, without quotes."""
    folded = _fold(_normalise_quotes(canonical_text(text)))
    return folded.replace('"', "").replace("'", "").strip(" .")


# ---------------------------------------------------------------- traps

_QUOTE_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u00b4`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
    }
)


def _normalise_quotes(text: str) -> str:
    return text.translate(_QUOTE_MAP)


def _norm(text: str) -> str:
    """Whitespace collapsed, typographic quotes straightened, case folded."""
    return " ".join(_normalise_quotes(text).casefold().split()).strip(" .")


def _sprung(trap: GoldTrap, claims: Iterable[Claim]) -> SprungTrap | None:
    from summit_facts.render import format_value

    for claim in claims:
        if (claim.topic, claim.slot) != (trap.not_.topic, trap.not_.slot):
            continue
        if not claim_in_doc(claim, trap.doc):
            continue
        if trap.value is not None:
            held = value_matches(trap.value, claim) and (
                not trap.quote or _sentence_holds_trap(trap.quote, claim)
            )
        else:
            held = _sentence_holds_trap(trap.quote, claim)
        if held:
            return SprungTrap(
                doc=trap.doc,
                quote=trap.quote,
                topic=claim.topic,
                slot=claim.slot,
                value=format_value(claim.value),
                sentence=claim.evidence.sentence,
                why=trap.why,
            )
    return None


def _sentence_holds_trap(quote: str, claim: Claim) -> bool:
    """The claim's sentence holds the trap quote (or >= 80% of it, when split apart).

    When the quote sits verbatim in the sentence and the value's offsets are
    known, the value must fall inside the quote: a sentence may state the
    trap's figure and the true one side by side.
    """
    q, s = _norm(quote), _norm(claim.evidence.sentence)
    if not q or not s:
        return False
    at = s.find(q)
    if at < 0:
        match = SequenceMatcher(None, q, s, autojunk=False).find_longest_match(0, len(q), 0, len(s))
        return match.size >= TRAP_OVERLAP * len(q)
    ev = claim.evidence
    sentence = ev.sentence
    v_start, v_end = ev.value_start - ev.start, ev.value_end - ev.start
    if not (0 <= v_start < v_end <= len(sentence)):
        return True
    # Offsets in the normalised sentence: map through the normalised prefix lengths.
    n_start = len(_norm(sentence[:v_start] + "x")) - 1
    n_end = n_start + len(_norm(sentence[v_start:v_end]))
    return n_start < at + len(q) and at < n_end


def _number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")
