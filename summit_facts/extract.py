"""Extraction: a parsed Doc becomes Mentions, each a typed value with its context.

A mention carries everything a rule needs to file it (the words around it, the
dependency path to the root, the noun it counts, who acts), so rules can be
changed and re-applied without parsing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from summit_facts import names
from summit_facts.models import (
    Context,
    DateValue,
    EntitiesValue,
    Evidence,
    Mention,
    Modality,
    Polarity,
    Source,
    TextValue,
)
from summit_facts.nlp import value_spans
from summit_facts.values import parse_count, parse_date, parse_money, parse_percent

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
ENTITY_LABELS = {"GPE", "ORG", "PERSON", "NORP", "LOC"}
NAME_LABELS = {"ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "LAW"}
PARTIAL_MARKERS = {"include", "including", "such", "among", "like", "notably", "e.g."}

HEDGE_LEMMAS = {
    "estimate", "project", "projection", "forecast", "suggest", "reportedly", "allegedly",
    "likely", "predict", "anticipate", "expect", "may", "might", "could", "possibly",
    "perhaps", "rumour", "rumor", "potentially", "approximately",
}  # fmt: skip
PLAN_LEMMAS = {"schedule", "plan", "will", "shall", "upcoming", "forthcoming", "slate", "due"}
NEGATION_LEMMAS = {"absence", "refuse", "decline", "fail", "reject", "without", "boycott",
                   "abstain", "withhold", "not", "never", "n't", "no"}  # fmt: skip

LEAD_CHARS = 400
BEFORE_WINDOW = 3

_QUOTED = re.compile(r"[“\"']([A-Z][^”\"']{8,160})[”\"']")
_TITLED = re.compile(
    r"\b(?:(?:the\s+)?(?:Statement|Declaration|Agreement|Charter|Accord|Pledge|Compact|"
    r"Communiqu[ée]|Convention|Treaty|Principles)\s+(?:on|of|for)\s+"
    r"(?:[A-Z][\w'-]*|and|for|the|of|on|in|to|&)(?:\s+(?:[A-Z][\w'-]*|and|for|the|of|on|in|to|&))*)"
)


def lemma(token: Token) -> str:
    """Lower-cased lemma; proper nouns keep their text (the tagger does not lemmatise them)."""
    if token.pos_ == "PROPN":
        return token.lower_
    return (token.lemma_ or token.text).lower()


def extract(doc: Doc, source: Source) -> list[Mention]:
    """Every checkable value in `doc`, in document order."""
    mentions = list(_value_mentions(doc, source))
    mentions.extend(_entity_mentions(doc, source))
    mentions.extend(_text_mentions(doc, source))
    mentions.sort(key=lambda m: (m.evidence.value_start, m.evidence.value_end, m.value.kind))
    return mentions


# ---------------------------------------------------------------- numeric and dates


def _value_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    for span in value_spans(doc):
        text = span.text
        kind = span.label_
        value = None
        if kind == "money":
            value = parse_money(text)
        elif kind == "percent":
            value = parse_percent(text)
        elif kind == "date":
            value = parse_date(text, anchor=source.published)
        elif kind == "count":
            value = parse_count(text)
        if value is None:
            continue
        context = _context(span, _anchor_token(span))
        if kind == "count" and context.noun and hasattr(value, "noun"):
            value = value.model_copy(update={"noun": context.noun})
        yield _mention(source, span, value, context)


def _anchor_token(span: Span) -> Token:
    """The token that ties the span to the sentence: its root, or the noun it counts."""
    return span.root


def _mention(source: Source, span: Span, value: object, context: Context) -> Mention:
    sent = span.sent
    return Mention(
        doc_id=source.id,
        value=value,  # type: ignore[arg-type]
        modality=_modality(span),
        polarity=_polarity(span),
        evidence=Evidence(
            sentence=sent.text.strip(),
            start=sent.start_char,
            end=sent.end_char,
            value_start=span.start_char,
            value_end=span.end_char,
        ),
        context=context,
    )


# ---------------------------------------------------------------- context


def _ancestors(token: Token, sent: Span) -> list[Token]:
    chain = []
    seen = {token.i}
    for anc in token.ancestors:
        if anc.i in seen or not (sent.start <= anc.i < sent.end):
            break
        seen.add(anc.i)
        chain.append(anc)
    return chain


def _phrase_lemmas(token: Token) -> list[str]:
    """A token's lemma with those of its compound and adjectival modifiers."""
    out = [lemma(t) for t in token.lefts if t.dep_ in ("compound", "amod", "poss")]
    out.append(lemma(token))
    return out


def _context(span: Span, root: Token) -> Context:
    sent = span.sent
    chain = _ancestors(root, sent)
    path: list[str] = []
    for anc in chain:
        path.extend(_phrase_lemmas(anc))
        if anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if child.dep_ in SUBJECT_DEPS and not (span.start <= child.i < span.end):
                    path.extend(_phrase_lemmas(child))
    governor = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    head = root.head if root.head.i != root.i else None
    before = [lemma(t) for t in sent[max(0, span.start - sent.start - BEFORE_WINDOW) :]
              if t.i < span.start][-BEFORE_WINDOW:]  # fmt: skip
    return Context(
        noun=_counted_noun(span, root),
        head=lemma(head) if head is not None and not (span.start <= head.i < span.end) else None,
        governor=lemma(governor) if governor is not None else None,
        agent=_agent(root, chain),
        names=_nearby_names(span, root),
        places=_nearby_places(span, root),
        purpose=_purpose(root),
        lemmas=[lemma(t) for t in sent],
        value_token=span.start - sent.start,
        value_token_end=span.end - sent.start,
        path=path,
        lead=sent.start_char < LEAD_CHARS,
        before=before,
    )


def _counted_noun(span: Span, root: Token) -> str | None:
    """'61 nations and organizations' -> 'nations and organizations'."""
    noun = root
    if root.pos_ == "NUM" or root.like_num or root.dep_ in ("nummod", "quantmod"):
        noun = root.head
    if not (noun.pos_ in ("NOUN", "PROPN") and noun.i != root.i) and not (
        span.start <= noun.i < span.end and noun.pos_ == "NOUN"
    ):
        # "100+ nations": the tokenizer may leave the noun right after the span.
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = nxt
    words = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i >= span.end]
    parts = [" ".join([*(w.text for w in words), noun.text])]
    for conj in noun.conjuncts:
        if conj.pos_ in ("NOUN", "PROPN") and conj.i > noun.i:
            parts.append(conj.text)
    return " and ".join(parts[:3])


def _agent(root: Token, chain: list[Token]) -> str | None:
    """Who states, pledges or receives: the possessor of the noun, else the subject."""
    for anc in [root, *chain]:
        for child in anc.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
                return _entity_text(child)
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return _entity_text(subj)
    return None


def _entity_text(token: Token) -> str:
    if token.ent_type_:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            return names.canonical_name(ent.text)
    words = [t for t in token.lefts if t.dep_ == "compound"]
    return " ".join([*(w.text for w in words), token.text])


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {a.i: 0}
    for n, anc in enumerate(a.ancestors, 1):
        up_a[anc.i] = n
    if b.i in up_a:
        return up_a[b.i]
    for n, anc in enumerate(b.ancestors, 1):
        if anc.i in up_a:
            return n + up_a[anc.i]
    return 99


def _nearby_names(span: Span, root: Token) -> list[str]:
    """Named programmes, bodies and events in the sentence, nearest in the tree first."""
    sent = span.sent
    found: list[tuple[int, int, str]] = []
    for ent in sent.ents:
        if ent.label_ in NAME_LABELS and not (ent.start <= root.i < ent.end):
            found.append((_tree_distance(root, ent.root), abs(ent.start - span.start), ent.text))
    for match in _QUOTED.finditer(sent.text):
        quoted = sent.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if quoted is not None:
            found.append(
                (_tree_distance(root, quoted.root), abs(quoted.start - span.start), match.group(1))
            )
    found.sort()
    seen: list[str] = []
    for _, _, text in found:
        clean = text.strip(" \"'“”‘’")
        if clean and clean not in seen:
            seen.append(clean)
    return seen[:6]


def _nearby_places(span: Span, root: Token) -> list[str]:
    """Venues and cities before all countries, each group nearest first."""
    found: list[tuple[int, int, int, str]] = []
    for ent in span.sent.ents:
        if ent.label_ not in ("FAC", "GPE", "LOC") or ent.start <= root.i < ent.end:
            continue
        country = ent.label_ != "FAC" and not names.is_city(ent.text)
        distance = abs(ent.end - span.start) if ent.end <= span.start else 50 + ent.start
        found.append((int(country), distance, ent.start, names.canonical_name(ent.text)))
    found.sort()
    return list(dict.fromkeys(text for *_, text in found))[:4]


def _purpose(root: Token) -> str | None:
    """'a fund of EUR 20 billion dedicated to establishing AI gigafactories' -> 'AI gigafactories'."""
    noun = root.head if root.dep_ in ("pobj", "nummod", "quantmod", "compound") else root
    if noun.dep_ == "prep":
        noun = noun.head
    for child in noun.rights:
        if child.dep_ in ("acl", "amod", "relcl") and child.pos_ == "VERB":
            for tok in child.subtree:
                if tok.dep_ in ("dobj", "pobj") and tok.pos_ in ("NOUN", "PROPN") and tok.i > child.i:
                    words = [t.text for t in tok.lefts if t.dep_ in ("compound", "amod")]
                    return " ".join([*words, tok.text])
    return None


# ---------------------------------------------------------------- modality, polarity


def _clause_tokens(span: Span) -> Iterable[Token]:
    root = span.root
    chain = [root, *_ancestors(root, span.sent)]
    for tok in chain:
        yield tok
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "neg") or (
                child.dep_ == "xcomp" and tok.pos_ == "VERB"
            ):
                yield child
                if child.dep_ == "xcomp":
                    yield from (c for c in child.children if c.dep_ in ("neg", "aux"))


def _modality(span: Span) -> Modality:
    lemmas = {lemma(t) for t in _clause_tokens(span)}
    lemmas |= {lemma(t) for t in span}
    if lemmas & PLAN_LEMMAS or "set to" in span.sent.text.lower():
        return "planned"
    if lemmas & HEDGE_LEMMAS:
        return "hedged"
    return "asserted"


def _polarity(span: Span) -> Polarity:
    lemmas = {lemma(t) for t in _clause_tokens(span) if t.i < span.start or t.i >= span.end}
    return "negated" if lemmas & NEGATION_LEMMAS else "affirmed"


# ---------------------------------------------------------------- named values


def _entity_groups(sent: Span) -> list[list[Span]]:
    """Coordinated named entities ('Canada, China, France, and India') as groups."""
    ents = [e for e in sent.ents if e.label_ in ENTITY_LABELS]
    by_root = {e.root.i: e for e in ents}
    groups: list[list[Span]] = []
    used: set[int] = set()
    for ent in ents:
        if ent.root.i in used:
            continue
        group = [ent]
        used.add(ent.root.i)
        for conj in ent.root.conjuncts:
            other = by_root.get(conj.i)
            if other is not None and conj.i not in used:
                group.append(other)
                used.add(conj.i)
        group.sort(key=lambda e: e.start)
        groups.append(group)
    return groups


def _role(ent: Span) -> str | None:
    """'French President Emmanuel Macron' -> France."""
    if ent.label_ != "PERSON":
        return None
    doc = ent.doc
    i = ent.start
    while i > ent.sent.start and doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN") and (
        doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].text in (".", "'s")
    ):
        i -= 1
    if i == ent.start:
        return None
    return names.role_of(doc[i : ent.start].text)


def _entity_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    for sent in doc.sents:
        for group in _entity_groups(sent):
            members: list[str] = []
            roles: dict[str, str] = {}
            for ent in group:
                name = names.canonical_name(ent.text)
                if not name or name in members:
                    continue
                members.append(name)
                role = _role(ent)
                if role:
                    roles[name] = role
            if not members:
                continue
            span = doc[group[0].start : group[-1].end]
            context = _context(span, group[0].root)
            context.label = "ENTITIES"
            partial = bool(set(context.before) & PARTIAL_MARKERS) or (
                context.head in PARTIAL_MARKERS
            )
            value = EntitiesValue(
                surface=span.text, members=sorted(members), roles=roles, complete=not partial
            )
            yield _mention(source, span, value, context)


def _text_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    for ent in doc.ents:
        label = None
        if ent.label_ == "FAC":
            label = "FAC"
        elif ent.label_ == "GPE" and names.is_city(ent.text):
            label = "CITY"
        if label is None:
            continue
        yield _text_mention(source, ent, label)
    for sent in doc.sents:
        for regex in (_QUOTED, _TITLED):
            for match in regex.finditer(sent.text):
                group = match.group(1) if regex is _QUOTED else match.group(0)
                start = sent.start_char + match.start(1 if regex is _QUOTED else 0)
                span = doc.char_span(start, start + len(group), alignment_mode="expand")
                if span is not None and len(span) >= 3:
                    yield _text_mention(source, span, "TITLE")


def _text_mention(source: Source, span: Span, label: str) -> Mention:
    surface = span.text.strip(" \"'“”‘’")
    canonical = names.canonical_text(surface) if label == "TITLE" else names.canonical_name(surface)
    value = TextValue(surface=surface, text=canonical)
    context = _context(span, span.root)
    context.label = label
    return _mention(source, span, value, context)


__all__ = ["extract", "lemma", "DateValue"]
