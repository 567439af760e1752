"""Run the example sentences every rule file carries: must-file and must-not-file.

Used by the test suite and by `facts rules check --examples`. Needs the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summit_facts.events import resolve
from summit_facts.filing import file_mentions
from summit_facts.models import Claim, Source
from summit_facts.rules import Example, RuleSet

DEFAULT_PUBLISHED = date(2025, 1, 1)


@dataclass(frozen=True)
class ExampleCase:
    rule: str  # "<file id>.<slot>"
    topic: str
    expect: bool
    example: Example

    def __str__(self) -> str:
        verb = "files" if self.expect else "does not file"
        target = f" ({self.example.value})" if self.example.value else ""
        return f"{self.rule} {verb}: {self.example.text!r}{target}"


def cases(rules: RuleSet) -> list[ExampleCase]:
    out: list[ExampleCase] = []
    for rule_file in rules.topics():
        for name, slot in rule_file.slots.items():
            rule_id = f"{rule_file.id}.{name}"
            for example in slot.examples.match:
                out.append(ExampleCase(rule_id, rule_file.topic or "", True, example))
            for example in slot.examples.no_match:
                out.append(ExampleCase(rule_id, rule_file.topic or "", False, example))
    return out


def claims_for(case: ExampleCase, rules: RuleSet, nlp) -> list[Claim]:  # type: ignore[no-untyped-def]
    from summit_facts.extract import extract

    published = (
        date.fromisoformat(case.example.published) if case.example.published else DEFAULT_PUBLISHED
    )
    source = Source(id="example", path="example", published=published)
    doc = nlp(case.example.text)
    # One sentence is its own corpus: the events stage names its main event from it.
    main, resolved = resolve({source.id: extract(doc, source)}, {source.id: source})
    claims = file_mentions(resolved[source.id], source, "example", rules, main=main)
    if case.example.value:
        want = case.example.value.lower()
        claims = [
            c for c in claims if want in c.value.surface.lower() or c.value.surface.lower() in want
        ]
    return claims


def passes(case: ExampleCase, rules: RuleSet, nlp) -> bool:  # type: ignore[no-untyped-def]
    filed = any(c.rule == case.rule for c in claims_for(case, rules, nlp))
    return filed == case.expect


def run_examples(rules: RuleSet, model: str | None = None) -> list[str]:
    """Descriptions of the examples that fail; empty when all pass."""
    from summit_facts.nlp import load_pipeline

    nlp = load_pipeline(model)
    return [str(case) for case in cases(rules) if not passes(case, rules, nlp)]
