"""Extraction: a parsed Doc becomes Mentions, each a typed value with its context.

A mention carries everything a rule needs to file it (the words around it, the
dependency path to the root, the noun it counts, who acts), so rules can be
changed and re-applied without parsing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from summit_facts import currencies, names
from summit_facts.dates import UNDATED_ANCHOR, Tense
from summit_facts.events import HAS_YEAR, event_cue
from summit_facts.models import (
    INSTRUMENT_WORDS,
    TIME_NOUNS,
    Context,
    CountValue,
    DateValue,
    EntitiesValue,
    Evidence,
    Mention,
    Modality,
    MoneyValue,
    PercentValue,
    Polarity,
    Source,
    TextValue,
)
from summit_facts.nlp import EVENT_HEADS, value_spans
from summit_facts.tokens import lemma, sets_right, tree_distance
from summit_facts.values import parse_count, parse_date, parse_money, parse_percent

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
ENTITY_LABELS = {"GPE", "ORG", "PERSON", "LOC"}
NAME_LABELS = {"ORG", "EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "LAW"}
PARTIAL_MARKERS = {"include", "including", "such", "among", "like", "notably", "e.g."}

HEDGE_LEMMAS = {
    "estimate", "project", "projection", "forecast", "suggest", "reportedly", "allegedly",
    "likely", "predict", "anticipate", "expect", "may", "might", "could", "possibly",
    "perhaps", "rumour", "rumor", "potentially", "approximately", "should", "consider",
}  # fmt: skip
MODAL_LEMMAS = {"may", "might", "could", "will", "shall", "would", "can", "must", "should"}
PLAN_LEMMAS = {"schedule", "plan", "will", "shall", "upcoming", "forthcoming", "slate", "due"}
NEGATION_LEMMAS = {"absence", "refuse", "decline", "fail", "reject", "without", "boycott",
                   "exception", "except", "excluding",
                   "abstain", "withhold", "not", "never", "n't", "no"}  # fmt: skip

MONEY_NOUNS = {"investment", "funding", "fund", "commitment", "pledge", "grant", "budget",
               "financing", "money", "capital", "sum", "amount"}  # fmt: skip
GROUP_HEADS = {"foundation", "initiative", "program", "programme", "project", "coalition",
               "fund", "platform", "alliance", "partnership", "consortium", "network",
               "scheme", "facility", "organisation", "organization", "body", "group"}  # fmt: skip
DESTINATION_HEADS = {"fund", "facility", "programme", "program", "mechanism", "initiative"}
EVENT_WORDS = {"summit", "conference", "forum", "congress", "symposium", "meeting", "expo"}
PURPOSE_VERBS = {"dedicate", "dedicated", "earmark", "devote", "reserve", "ringfence",
                 "fund", "finance", "build", "establish"}  # fmt: skip
# Kinds of money whose adjectives say what the money is: "private investment".
DESCRIBED_MONEY = {"investment", "funding", "financing", "capital", "spending"}
EMPTY_ADJECTIVES = {"new", "initial", "additional", "total", "further", "fresh", "various",
                    "more", "big", "bold", "impressive", "robust", "major", "massive", "huge",
                    "significant", "substantial", "record", "overall", "combined", "own",
                    "annual", "global", "first", "several"}  # fmt: skip
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
PAYER_NOUNS = {"government", "ministry", "treasury", "administration"}
LEAD_CHARS = 400
BEFORE_WINDOW = 3

_QUOTED = re.compile(r"[“\"']([A-Z][^”\"']{8,160})[”\"']")
_DOC_TYPES = (
    r"(?:Statement|Declaration|Agreement|Charter|Accord|Pledge|Compact|Communiqu[ée]|"
    r"Convention|Treaty|Principles|Commitments|Call\s+to\s+Action)"
)
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|and|for|the|of|on|in|to|&)"
# "the Statement on Inclusive and Sustainable AI ...", "the Bletchley Declaration (on AI)"
_TITLED = re.compile(
    # "the Council of Europe Framework Convention on ...": a body's name before the word
    rf"\b(?:(?:[A-Z][\w'’-]+\s+(?:of\s+(?:the\s+)?(?=[A-Z]))?){{0,4}}{_DOC_TYPES}\s+(?:on|of|for)\s+"
    rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})*|(?:[A-Z][\w'’-]+\s+){{1,4}}{_DOC_TYPES}\b"
    # "signed the Call to Action", "a joint Call to Action": a kind of outcome text whose
    # capitals make it a name; in lower case, the one a verb or "the" points at ("sign
    # call to action", "the call for action, signed by all attendees").
    r"|(?<=the )Call\s+to\s+Action\b|(?<=joint )Call\s+to\s+Action\b"
    r"|(?:(?<=the )|(?<=The )|(?<=sign )|(?<=signed ))call\s+(?:to|for)\s+action\b"
    # "adopted the New Delhi declaration": a place's or group's capitals before the word
    r"|(?:(?!(?:The|A|An|This|That|Its|Their|Our|And|But|In|On|At|Final)\b)[A-Z][\w'’-]+\s+)"
    r"{1,4}declaration\b)"
)
_NAME_WORD = re.compile(r"\b[A-Z][a-z]")
_ARTICLE_FIRST = re.compile(r"^(?:The|A|An)\s+(?=\S+\s)")
# 'endorsed a "blueprint for action"': a quoted name in lower case, of two to five words
_QUOTED_LOWER = re.compile(r"[“\"]([a-z][a-z-]+(?:\s+[a-z-]+){1,4})[”\"]")


_SMALL_AFTER = re.compile(r"(?:\s+(?:and|for|the|of|on|in|to|&))+$")
_WHEN_AFTER = re.compile(
    r"\s+(?:on|of|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b.*$"
)

_ENTS_KEY = "facts_ents"


def _ents(span: Span) -> list[Span]:
    """Entities within `span`. `doc.ents` rebuilds every entity span on each call,
    so the document's list is built once and sliced."""
    doc = span.doc
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return [e for e in ents if span.start <= e.start and e.end <= span.end]


_VALUE_TOKENS_KEY = "facts_value_tokens"


def _value_tokens(doc: Doc) -> frozenset[int]:
    """Indices of the tokens inside value spans, built once per doc."""
    found = doc.user_data.get(_VALUE_TOKENS_KEY)
    if found is None:
        found = frozenset(i for span in value_spans(doc) for i in range(span.start, span.end))
        doc.user_data[_VALUE_TOKENS_KEY] = found
    return found  # type: ignore[no-any-return]


_ENT_AT_KEY = "facts_ent_at"


def _ent_at(token: Token) -> Span | None:
    """The entity a token is part of. (`token.sent` scans the document's sentences on
    every call, so a per-document index of tokens to entities is built once.)"""
    if not token.ent_type_:
        return None
    doc = token.doc
    index = doc.user_data.get(_ENT_AT_KEY)
    if index is None:
        index = doc.user_data[_ENT_AT_KEY] = {
            i: ent for ent in _ents(doc[:]) for i in range(ent.start, ent.end)
        }
    return index.get(token.i)  # type: ignore[no-any-return]


def extract(doc: Doc, source: Source) -> list[Mention]:
    """Every checkable value in `doc`, in document order."""
    mentions = _year_told_apart(list(_value_mentions(doc, source)))
    mentions.extend(_entity_mentions(doc, source))
    mentions.extend(_text_mentions(doc, source))
    people = [e.text for e in _ents(doc[:]) if e.label_ == "PERSON"]
    persons = {*people, *(p.split()[-1] for p in people)}
    _agents_by_role(mentions, persons)
    mentions.sort(key=lambda m: (m.evidence.value_start, m.evidence.value_end, m.value.kind))
    return mentions


_RELATIVE_YEAR = re.compile(r"^(?:last|next|this)\s+year", re.I)


def _year_told_apart(mentions: list[Mention]) -> list[Mention]:
    """'Last year's summit in Vilnius took place in October': the month takes the year
    the sentence gives ('last year'), and that year is then told by the month, not as
    a second, less precise date of its own."""
    out = list(mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for mention in out:
        if isinstance(mention.value, DateValue):
            by_sentence.setdefault(mention.evidence.start, []).append(mention)
    dropped: set[int] = set()
    for dates in by_sentence.values():
        years = [m for m in dates if _RELATIVE_YEAR.match(m.value.surface.strip())]
        if len(years) != 1:
            continue
        year = years[0].value.start.year  # type: ignore[union-attr]
        yearless = [
            m
            for m in dates
            if m is not years[0]
            and not HAS_YEAR.search(m.value.surface)
            and m.value.precision in ("day", "month")  # type: ignore[union-attr]
            and m.value.start.year == m.value.end.year  # type: ignore[union-attr]
        ]
        if not yearless:
            continue
        for m in yearless:
            value = m.value
            assert isinstance(value, DateValue)
            try:
                moved = value.model_copy(
                    update={
                        "start": value.start.replace(year=year),
                        "end": value.end.replace(year=year),
                    }
                )
            except ValueError:  # 29 February
                continue
            m.value = moved
        dropped.add(id(years[0]))
    return [m for m in out if id(m) not in dropped]


def _agents_by_role(mentions: list[Mention], persons: set[str]) -> None:
    """'Macron announced EUR 109 billion': a person acts for what the article says they
    lead ('French President Emmanuel Macron' earlier on), so the agent becomes France.
    A person whose role the article does not give announces, not pays: no agent."""
    roles: dict[str, str] = {}
    for mention in mentions:
        if isinstance(mention.value, EntitiesValue):
            for person, role in mention.value.roles.items():
                roles[person] = role
                roles[person.split()[-1]] = role
    for mention in mentions:
        value = mention.value
        if isinstance(value, EntitiesValue) and roles:
            # "Sunak hosted the summit" after "British Prime Minister Rishi Sunak": the
            # person stands for what the article says they lead, in every list.
            known = {
                m: roles.get(m) or roles[m.split()[-1]]
                for m in value.members
                if m not in value.roles and (m in roles or m.split()[-1] in roles)
            }
            if known:
                mention.value = value.model_copy(update={"roles": {**value.roles, **known}})
        agent = mention.context.agent
        if agent and (agent in roles or agent.split()[-1] in roles):
            mention.context.agent = roles.get(agent) or roles[agent.split()[-1]]
        elif agent and (agent in persons or agent.split()[-1] in persons):
            mention.context.agent = None


# ---------------------------------------------------------------- numeric and dates


def _value_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    antecedents = _antecedents(doc)
    sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
    for span in value_spans(doc):
        text = span.text
        kind = span.label_
        value: CountValue | PercentValue | MoneyValue | DateValue | None = None
        if kind == "money":
            value = parse_money(text)
            if value is not None and value.currency == currencies.UNRESOLVED:
                value = value.model_copy(update={"currency": _shared_currency(span)})
        elif kind == "percent":
            value = parse_percent(text)
        elif kind == "date":
            # Undated source: a year-less date is read against a placeholder year and
            # re-dated by the events stage with the main event's year.
            if source.published is not None:
                tense = _tense(span, _modality(span))
                value = parse_date(text, anchor=source.published, tense=tense)
            else:
                value = parse_date(text, anchor=UNDATED_ANCHOR)
        elif kind == "count":
            value = parse_count(text)
            if value is not None and _over_a_period(span, value.qualifier):
                # "Over two days the summit offered ...": during two days, not more than.
                value = parse_count(text.split(None, 1)[1]) or value
        if value is None or _exchange_rate(span):
            continue
        context = _context(span, span.root)
        if not context.names:
            referent = _referent(span, antecedents, sent_index[span.sent.start])
            if referent:
                context.names = [referent]
        if kind == "count" and context.noun and hasattr(value, "noun"):
            value = value.model_copy(update={"noun": context.noun})
        yield _mention(source, span, value, context)


def _exchange_rate(span: Span) -> bool:
    """'($1 = 10.03 Norwegian crowns)': a wire's conversion rate, not a figure of the story."""
    rest = span.doc[span.end : span.end + 1]
    before = span.doc[span.start - 1 : span.start] if span.start else None
    return (len(rest) == 1 and rest[0].text == "=") or (
        before is not None and len(before) == 1 and before[0].text == "="
    )


# Verbs after which "over two days" says across which days, not how many more: "held
# over two days" ("lasted over two days" is more than two).
DURING_VERBS = {"hold", "take", "run", "spread", "stretch", "meet", "gather", "unfold", "stage",
                "span", "convene", "organise", "organize", "host"}  # fmt: skip


def _over_a_period(span: Span, qualifier: str | None) -> bool:
    """'Over two days, ...' opening a sentence, 'held over two days': 'over' says
    during, not more than."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if qualifier is None or qualifier.lower() != "over" or nxt is None:
        return False
    if nxt.lower_ not in TIME_NOUNS:
        return False
    first = span[0]
    held = first.dep_ == "prep" and first.head.pos_ == "VERB" and lemma(first.head) in DURING_VERBS
    return held or span.start == span.sent.start


def _shared_currency(span: Span) -> str | None:
    """'30 billion crowns' in a sentence about Norway: NOK. The countries the sentence
    names, nearest first, pick among the currencies the word may mean; None when none
    does (the amount then carries no currency rather than a wrong one)."""
    word = next((t.lower_ for t in reversed(span) if t.lower_ in currencies.shared_names()), None)
    if word is None:
        return None
    countries: list[tuple[int, str]] = []
    for ent in span.sent.ents:
        country = None
        if ent.label_ == "GPE" and names.is_country(ent.text):
            country = names.canonical_name(ent.text)
        elif ent.label_ == "NORP":
            country = names.country_of(ent.text)
        if country:
            countries.append((abs(ent.start - span.start), country))
    return currencies.resolve_shared(word, [c for _, c in sorted(countries)])


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
    """A token's lemma after those of its modifiers, nested ones included:
    "last year's summit" keeps "last year" (the summit is an earlier one)."""
    out: list[str] = []
    for mod in token.lefts:
        if mod.dep_ in ("compound", "amod", "poss", "nummod"):
            out.extend(lemma(t) for t in mod.subtree if t.dep_ != "case")
    out.append(lemma(token))
    return out


def _apposition(root: Token) -> list[str]:
    """What a common-noun apposition says the value is, marked '@appos': "Brazil, the
    COP30 host, pushed ..." -> ['@appos', 'host', 'cop30']. It renames the value, so it
    opens the value's path (a name renaming a name, "Gavi, the Vaccine Alliance", does
    not)."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            modifiers = [w for w in _phrase_lemmas(child)[:-1] if w not in ("'s", "’s")]
            return ["@appos", lemma(child), *modifiers]
    return []


def _participles(root: Token) -> list[str]:
    """What a participle or relative clause says the counted noun did, marked '@acl':
    "61 countries, Canada among them, signing a 'blueprint'", "60 countries that signed"
    -> ['@acl', 'sign']."""
    noun = root.head if root.dep_ in ("nummod", "quantmod") else root
    return [
        w
        for c in noun.children
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > noun.i
        for w in ("@acl", lemma(c))
    ]


def _context(span: Span, root: Token) -> Context:
    sent = span.sent
    chain = _ancestors(root, sent)
    path: list[str] = _apposition(root) + _participles(root)
    for anc in chain:
        path.extend(_phrase_lemmas(anc))
        if anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if child.dep_ in SUBJECT_DEPS and not (span.start <= child.i < span.end):
                    path.extend(_phrase_lemmas(child))
    # A participle the tagger took for an adjective ("Co-hosted by France, the event
    # drew ...") still governs.
    governor = next(
        (t for t in chain if t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD")), None
    )
    head = root.head if root.head.i != root.i else None
    if head is None and governor is None:
        # A headline's "Switzerland to host 2027 global AI summit": the parser hangs the
        # infinitive on the noun; it is the noun's verb.
        infinitive = next(
            (c for c in root.rights if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None
        )
        if infinitive is not None and any(a.lower_ == "to" for a in infinitive.lefts):
            governor = head = infinitive
            path.extend(_phrase_lemmas(infinitive))
    if head is not None and head.dep_ == "prep" and head.lower_ == "of" and head.head.i != head.i:
        head = head.head  # "the Kyoto Protocol of 1997": the year is the protocol's
    before = [lemma(t) for t in sent[max(0, span.start - sent.start - BEFORE_WINDOW) :]
              if t.i < span.start][-BEFORE_WINDOW:]  # fmt: skip
    names_here = _nearby_names(span, root)
    agent = _gapped_agent(span) or _agent(root, chain)
    return Context(
        noun=_counted_noun(span, root),
        head=lemma(head) if head is not None and not (span.start <= head.i < span.end) else None,
        governor=lemma(governor) if governor is not None else None,
        agent=agent,
        names=names_here,
        places=_nearby_places(span, root),
        purpose=_purpose(root, weak=not _programme_names(names_here, agent, sent.text)),
        lemmas=list(_sentence_lemmas(sent)),
        value_token=span.start - sent.start,
        value_token_end=span.end - sent.start,
        path=path,
        lead=sent.start_char < LEAD_CHARS,
        before=before,
        event=event_cue(span, root),
        dateline=_in_dateline(span),
    )


# A wire dateline, "NAIROBI, March 3 (Reuters) -", "DUBAI, Dec 13 -", "New Delhi [India],
# March 2 (ANI):": a place and the
# filing day opening a line near the top. Where and when the report was filed, not a
# claim about the event. A range there ("Paris, France, 10-11 February, 2025 —") is the
# event's own dates.
_DATELINE = re.compile(
    r"(?m)^[ \t\[]*(?:[A-Z][A-Za-z.'’/-]+(?:[ ][A-Z][A-Za-z.'’/-]+){0,3}"
    r"(?:[ ]\[[A-Z][A-Za-z ]+)?\]?,[ ]?){1,2}"
    r"(?P<date>[^\n()–—]{0,30}?)[ ]?(?P<agency>\([A-Za-z .-]+\))?[ ]?[-–—:]"
)
# "NEW DELHI/JOHANNESBURG —", "NICE (FRANCE) —": a capitalised place line without a date.
_CAPS_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'’/-]{2,40}(?:\([A-Za-z .-]+\))?[ ]?[-–—:][ ]")
_RANGE = re.compile(r"\d\s*[-–]\s*\d|\bto\b|\band\b|\bfrom\b")
_DATELINE_KEY = "facts_datelines"


def _in_dateline(span: Span) -> bool:
    doc = span.doc
    found = doc.user_data.get(_DATELINE_KEY)
    if found is None:
        # The lead only: `doc.text` builds the whole text on every access.
        lead = doc[: LEAD_CHARS * 2].text[: LEAD_CHARS * 2]
        found = doc.user_data[_DATELINE_KEY] = [
            (m.start(), m.end())
            for m in _DATELINE.finditer(lead)
            if m.group("agency") or (m.group("date") and not _RANGE.search(m.group("date")))
        ] + [(m.start(), m.end()) for m in _CAPS_DATELINE.finditer(lead)]
    return any(start <= span.start_char and span.end_char <= end for start, end in found)


UNIT_WORDS = {"%", "percent", "cent", "per", "percentage", "point", "points"}
VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"}


def _of_noun(span: Span) -> Token | None:
    """'86 per cent of the delegates', 'thousands of delegates' -> delegates."""
    for tok in span:
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


# Words that scale a number rather than name what it counts: "6 lakh attendees".
SCALE_WORDS = {"lakh", "lakhs", "crore", "crores", "thousand", "million", "billion", "dozen",
               "hundred", "mn", "bn", "m"}  # fmt: skip


def _counted_noun(span: Span, root: Token) -> str | None:
    """'61 nations and organizations' -> 'nations and organizations'; '86% of the
    delegates' and 'thousands of delegates' -> 'delegates', however the figure is spelt."""
    of_noun = _of_noun(span)
    if span.label_ == "percent" or (of_noun is not None and root.lower_ in VAGUE_WORDS):
        return _noun_words(of_noun, span) if of_noun is not None else None
    in_span = [t for t in span if t.pos_ == "NOUN" and t.lower_ not in UNIT_WORDS]
    if root.pos_ not in ("NUM", "NOUN") and in_span and any(t.like_num for t in span):
        # "120 countries or more": the span's root is the bound, its noun is inside.
        return _noun_words(in_span[0], span)
    noun = root
    if (
        root.pos_ == "NUM"
        or root.like_num
        or root.dep_ in ("nummod", "quantmod")
        or root.lower_ in SCALE_WORDS
    ):
        noun = root.head
    if noun.lower_ in SCALE_WORDS:
        noun = span.doc[span.end] if span.end < len(span.doc) else noun  # "6 lakh attendees"
    while (
        noun.dep_ == "compound"
        and noun.pos_ == "PROPN"
        and noun.head.i > noun.i
        and noun.head.pos_ == "NOUN"
    ):
        # "Sixteen AI companies": the figure counts companies, not "AI" ("a 37-country
        # coalition" counts countries: a common noun is the counted one).
        noun = noun.head
    if not (noun.pos_ in ("NOUN", "PROPN") and noun.i != root.i) and not (
        span.start <= noun.i < span.end and noun.pos_ == "NOUN"
    ):
        # "100+ nations": the tokenizer may leave the noun right after the span.
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
            if of_noun is not None:
                return _noun_words(of_noun, span)
            return _elided_noun(span, root)
        noun = nxt
    if noun.tag_ == "NN" and noun.i >= span.end:
        # "55 donor and implementing countries": a singular noun that a figure counts
        # is a modifier of the plural noun a few words on.
        ahead = noun.doc[noun.i + 1 : min(noun.i + 5, len(noun.doc))]
        plural = next((t for t in ahead if t.tag_ == "NNS" and t.pos_ == "NOUN"), None)
        if plural is not None and any(t.lower_ in ("and", "or", ",") for t in ahead[:3]):
            noun = plural
    return _noun_words(noun, span)


def _elided_noun(span: Span, root: Token) -> str | None:
    """'The summit drew 72 countries and 42 signed the declaration': a bare figure acting
    as a subject counts the noun the figure just before it counted."""
    if root.dep_ not in ("nsubj", "nsubjpass") or not root.like_num:
        return None
    for tok in reversed(span.doc[span.sent.start : span.start]):
        if tok.like_num and tok.dep_ == "nummod" and tok.head.pos_ == "NOUN":
            return _noun_words(tok.head, span.doc[tok.i : tok.i + 1])
    return None


# "100 enterprises as well as delegates", "60 countries plus the EU": what is added to
# the figure's noun is not counted by it.
ADDED_WORDS = ("as well as", "plus", "along with", "alongside", "together with", "besides")


def _noun_words(noun: Token, span: Span) -> str:
    words = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i >= span.end]
    texts = [w.text for w in words]
    if words:
        # "45 ministerial-level delegations": the hyphenated modifier is one word.
        start = words[0].i
        while start - 2 >= span.end and noun.doc[start - 1].text == "-":
            if noun.doc[start - 2].whitespace_ or noun.doc[start - 1].whitespace_:
                break
            start -= 2
        texts[0] = noun.doc[start : words[0].i + 1].text
    parts = [" ".join([*texts, noun.text])]
    for conj in noun.conjuncts:
        # "20 national leaders and 45 delegations", "100 companies and delegates from
        # 95 countries": a noun with its own figure is not counted by this one.
        counted_apart = any(t.like_num for t in conj.subtree if t.i != conj.i)
        between = f" {noun.doc[noun.i + 1 : conj.i].text.lower()} "
        added = any(f" {words} " in between for words in ADDED_WORDS)
        if conj.pos_ in ("NOUN", "PROPN") and conj.i > noun.i and not counted_apart and not added:
            parts.append(conj.text)
    return " and ".join(parts[:3])


def _agent(root: Token, chain: list[Token]) -> str | None:
    """Who pledges, states or receives: a possessor, a `by` agent, the noun a participle
    describes ('a coalition promising ...'), else the subject of the governing verb."""
    if root.head.i != root.i and lemma(root.head) in PAYER_NOUNS:
        return _payer_text(root.head)  # "..., and the French government US$ 500 million"
    principal = _on_behalf_of(root, chain)
    if principal is not None:
        return principal
    for anc in [root, *chain]:
        owned = lemma(anc) in GROUP_HEADS or anc.pos_ == "PROPN"  # "France's 'Current AI' program"
        for child in anc.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and not owned:
                return _entity_text(child)
        if anc.pos_ in ("NOUN", "PROPN", "NUM"):
            for child in anc.children:
                # "a US$1.6 billion pledge from the Gates Foundation", "$1.7bn from the UK"
                if child.dep_ == "prep" and child.lower_ == "from":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.pos_ == "PROPN" and not list(obj.conjuncts):
                        return _payer_text(obj)
                if child.dep_ == "prep" and child.lower_ == "by":
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                        return _entity_text(obj)
                # "a $30 billion fund launched by the UAE"
                if child.dep_ == "acl" and lemma(anc) in GROUP_HEADS:
                    for agent in child.children:
                        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent.dep_ == "agent" and obj is not None and obj.pos_ == "PROPN":
                            return _payer_text(obj)
        if (
            anc.pos_ == "VERB"
            and anc.dep_ == "acl"
            and anc.head.pos_ in ("NOUN", "PROPN")
            and lemma(anc.head) not in MONEY_NOUNS
        ):
            return _entity_text(anc.head)
        if anc.pos_ in ("VERB", "AUX"):
            subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None and anc.dep_ == "xcomp":
                # "Brookfield plans to invest EUR 20 billion": the subject of "plans"
                subj = next((c for c in anc.head.children if c.dep_ in SUBJECT_DEPS), None)
            if (
                subj is not None
                and subj.lower_ in SELF_PRONOUNS
                and anc.dep_ == "ccomp"
                and lemma(anc.head) in SAYING_LEMMAS
            ):
                # "Brookfield said it would invest ...": the speaker is who pays
                subj = next((c for c in anc.head.children if c.dep_ in SUBJECT_DEPS), subj)
            if subj is None and anc.dep_ == "conj" and anc.i > 0:
                # "..., and Norway pledged NOK 2 billion": the parser may hang the
                # name on the previous object; the name just before the verb acts.
                prev = anc.doc[anc.i - 1]
                if prev.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") and prev.pos_ == "PROPN":
                    return _entity_text(prev)
            if subj is not None and _in_dateline(subj.doc[subj.i : subj.i + 1]):
                # "LISBON, March 10 - Leaders ... pledged": the filing place is no
                # subject; the parser hangs the one who acts on it as an apposition.
                subj = next(
                    (c for c in subj.children if c.dep_ == "appos" and c.ent_type_ != "DATE"),
                    None,
                )
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                if lemma(anc) in RECEIVING_LEMMAS:
                    # "Africa's energy transition receives EUR 7bn": who gets the money
                    # neither pays it nor names a programme.
                    return None
                if _another_sum(subj, root):
                    # "a $1.6bn pledge from the Gates Foundation ... made up the core of
                    # more than $9bn": the foundation gave the $1.6bn, not the $9bn.
                    return None
                return _payer_text(subj)
            # "..., followed by the Gates Foundation, which pledged ..."
            relative = subj is not None and subj.lower_ in RELATIVE_PRONOUNS
            if relative and anc.dep_ == "relcl" and anc.head.pos_ == "PROPN":
                return _payer_text(anc.head)
    return None


# Verbs whose subject gets the money rather than gives it.
RECEIVING_LEMMAS = {"receive", "get", "obtain"}


def _on_behalf_of(root: Token, chain: list[Token]) -> str | None:
    """'pledged, on behalf of Team Europe, EUR 7 billion': the one a speaker pledges for
    is who pays."""
    for anc in [root, *chain]:
        for prep in anc.children:
            if prep.dep_ != "prep" or prep.lower_ != "on":
                continue
            for behalf in prep.children:
                if behalf.dep_ != "pobj" or behalf.lower_ != "behalf":
                    continue
                for of in behalf.children:
                    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
                    if of.lower_ == "of" and obj is not None and obj.pos_ == "PROPN":
                        return _payer_text(obj)
    return None


def _another_sum(subj: Token, root: Token) -> bool:
    """Whether a subject is itself a sum of money other than the value's own."""
    if subj.left_edge.i <= root.i <= subj.right_edge.i:
        return False
    return any(t.ent_type_ == "MONEY" for t in subj.subtree)


def _gapped_agent(span: Span) -> str | None:
    """'Norway pledged NOK 2 billion, Denmark DKK 1 billion and Sweden SEK 3 billion':
    a clause without its verb names its donor right before the value."""
    if span.start < 2:
        return None
    prev = span.doc[span.start - 1]
    if prev.pos_ != "PROPN" or prev.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON"):
        return None
    ent = _ent_at(prev)
    first = ent.start if ent is not None else prev.i
    if first == 0:
        return None
    before = span.doc[first - 1]
    if before.dep_ in ("cc", "punct") or before.lower_ in ("while", "whereas"):
        # The name only: NER may run it into the currency code ("Denmark DKK").
        words = [t.text for t in span.doc[first : span.start] if t.pos_ != "DET"]
        return names.canonical_name(" ".join(words))
    return None


def _comma_list(token: Token) -> list[str]:
    """A headline's list without "and" that opens the sentence ("Norway, Indonesia, France
    commit $4.5bn"; the parser makes any of them the subject): every name in it, or []
    when the token is in no such list."""
    doc = token.doc
    ent = _ent_at(token)
    if ent is None or ent.label_ not in PAYER_LABELS:
        return []
    found = [ent]
    while found[0].start >= 2 and doc[found[0].start - 1].text == ",":
        prev = _ent_at(doc[found[0].start - 2])
        if prev is None or prev.label_ not in PAYER_LABELS:
            return []
        found.insert(0, prev)
    while found[-1].end + 1 < len(doc) and doc[found[-1].end].text == ",":
        nxt = _ent_at(doc[found[-1].end + 1])
        if nxt is None or nxt.label_ not in PAYER_LABELS:
            break
        found.append(nxt)
    first = found[0].start
    if len(found) < 3 or doc[found[-1].end].pos_ not in ("VERB", "AUX"):
        return []
    # (`token.sent` only now: it scans the document's sentences.)
    opens = first == token.sent.start or doc[first - 1].text in (":", "-", "–", "—")
    return [e.text for e in found] if opens else []


PAYER_LABELS = ("GPE", "ORG", "NORP")


def _payer_text(token: Token) -> str:
    """A subject as who pays: 'the Norwegian government' -> Norway; 'Norway, Indonesia
    and France pledged a combined $4.5bn' -> 'Norway, Indonesia and France'."""
    if lemma(token) in PAYER_NOUNS:
        for child in token.lefts:
            country = names.country_of(child.text) if child.dep_ == "amod" else None
            if country:
                return country
    payers = [_entity_text(token)]
    if token.pos_ == "PROPN":
        payers = _comma_list(token) or payers
        payers += [_entity_text(c) for c in token.conjuncts if c.pos_ == "PROPN"]
    if len(payers) == 1:
        return payers[0]
    return ", ".join(payers[:-1]) + " and " + payers[-1]


def _entity_text(token: Token) -> str:
    """A noun as a name: the entity it is part of, its possessor ("France's AI sector"
    -> France), or the noun with its compounds ("Current AI", even when NER tagged
    only "AI")."""
    poss = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_), None)
    if poss is not None:
        token = poss
    compounds = [
        t
        for t in token.lefts
        if t.dep_ == "compound"
        or (
            t.dep_ == "amod"
            and t.i == token.i - 1
            and t.text[:1].isupper()
            and (token.is_upper or names.is_country(f"{t.text} {token.text}"))  # New Zealand
        )
    ]
    # "the Current AI foundation": a compound's own capitalised compounds name it too
    compounds = sorted(
        {
            *compounds,
            *(m for c in compounds if c.dep_ == "compound" for m in _capitalised_modifiers(c)),
        },
        key=lambda t: t.i,
    )
    if token.ent_type_:
        ent = _ent_at(token)
        if ent is not None:
            outside = [
                t.text
                for t in compounds
                if t.i < ent.start and (t.pos_ == "PROPN" or t.dep_ == "amod")
            ]
            return names.canonical_name(" ".join([*outside, ent.text]))
    return " ".join([*(w.text for w in compounds), token.text])


NOT_PROGRAMME_LABELS = {"PERSON", "NORP", "DATE", "CARDINAL", "MONEY", "PERCENT"}
JUNK_NAME_WORDS = {"ai", "a.i.", "ml", "tech", "the", "and", "&"}


def _usable_name(text: str) -> str | None:
    """A programme or body name, or None for NER debris ('AI', 'Standards: Data')."""
    text = text.strip(" \"'“”‘’,.")
    if ":" in text:
        return None
    words = [w.lower() for w in text.split()]
    if not words or all(w in JUNK_NAME_WORDS for w in words):
        return None
    if names.is_country(text) or names.is_city(text):
        return None
    return text


def _in_example_list(token: Token, value_root: Token) -> bool:
    """'..., including several EU members': EU is an example, not the group's name."""
    value_line = {value_root.i, *(t.i for t in value_root.ancestors)}
    for anc in token.ancestors:
        if anc.i in value_line:
            return False
        if lemma(anc) in PARTIAL_MARKERS:
            return True
    return False


def _antecedents(doc: Doc) -> list[dict[str, str]]:
    """Per sentence, group nouns it names: 'Current AI, a ... foundation' -> foundation."""
    found: list[dict[str, str]] = []
    for sent in doc.sents:
        here: dict[str, str] = {}
        for tok in sent:
            chunk = _proper_chunk(tok) or (
                tok.ent_type_ in ("ORG", "PRODUCT", "EVENT") and tok.dep_ != "compound"
                and _entity_text(tok)
            )  # fmt: skip
            name = _usable_name(chunk) if chunk else None
            if not name:
                continue
            for child in tok.children:
                if child.dep_ == "appos" and lemma(child) in GROUP_HEADS:
                    here[lemma(child)] = name
            words = name.split()
            if len(words) > 1 and words[-1].lower() in GROUP_HEADS:
                here[words[-1].lower()] = " ".join(words[:-1])
            if (
                tok.head.pos_ == "NOUN"
                and tok.dep_ == "compound"
                and lemma(tok.head) in GROUP_HEADS
            ):
                here[lemma(tok.head)] = name
        found.append(here)
    return found


def _referent(span: Span, antecedents: list[dict[str, str]], sent_index: int) -> str | None:
    """'the foundation' in this sentence -> the name given to a foundation just before."""
    for tok in span.sent:
        if lemma(tok) not in GROUP_HEADS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            continue
        for earlier in reversed(antecedents[max(0, sent_index - 3) : sent_index]):
            if lemma(tok) in earlier:
                return earlier[lemma(tok)]
    return None


def _coined_name(text: str) -> bool:
    """'InvestAI', 'OpenEuroLLM': one word with capitals inside, no place's name."""
    return " " not in text and any(ch.isupper() for ch in text[1:]) and not text.isupper()


def _proper_chunk(token: Token) -> str | None:
    """A proper-noun phrase headed by `token`: 'Current AI', 'InvestAI Initiative'."""
    coined = token.pos_ == "NOUN" and _coined_name(token.text)  # "InvestAI" read as a noun
    if (token.pos_ != "PROPN" and not coined) or token.ent_type_ in NOT_PROGRAMME_LABELS:
        return None
    left = [
        t
        for t in token.lefts
        if (t.dep_ == "compound" and t.pos_ == "PROPN")
        # "Current AI": the tagger reads "Current" as an adjective
        or (t.dep_ == "amod" and t.i == token.i - 1 and t.text[:1].isupper() and token.is_upper)
    ]
    if not left and token.ent_type_ in ("GPE", "LOC") and not _coined_name(token.text):
        return None  # a place on its own; "Current AI" (tagged GPE) has a compound
    return " ".join([*(t.text for t in left), token.text])


def _capitalised_modifiers(token: Token) -> list[Token]:
    """The capitalised compounds and adjectives before a noun, in order, with their own
    ("the new Current AI foundation": Current, AI; the parser hangs "Current" on "AI")."""
    out: list[Token] = []
    for t in token.lefts:
        if t.dep_ in ("compound", "amod") and t.text[:1].isupper():
            out += [*_capitalised_modifiers(t), t]
    return sorted(out, key=lambda t: t.i)


_SENT_CACHE_KEY = "facts_sentence_cache"


def _sentence_cache(sent: Span) -> dict[str, Any]:
    """What every value of a sentence asks of it, worked out once per sentence."""
    return sent.doc.user_data.setdefault(_SENT_CACHE_KEY, {}).setdefault(sent.start, {})  # type: ignore[no-any-return]


def _sentence_lemmas(sent: Span) -> tuple[str, ...]:
    cache = _sentence_cache(sent)
    if "lemmas" not in cache:
        cache["lemmas"] = tuple(lemma(t) for t in sent)
    return cache["lemmas"]  # type: ignore[no-any-return]


def _name_candidates(sent: Span) -> list[Token]:
    """The tokens `_nearby_names` looks at: heads of groups, acronyms, objects of
    'through / via / under / to / into'."""
    cache = _sentence_cache(sent)
    if "names" not in cache:
        cache["names"] = [
            t.i
            for t in sent
            if (lemma(t) in GROUP_HEADS and t.pos_ == "NOUN")
            or _acronym_name(t)
            or (t.dep_ == "pobj" and t.head.lower_ in ("through", "via", "under", "to", "into"))
        ]
    return [sent.doc[i] for i in cache["names"]]


def _nearby_names(span: Span, root: Token) -> list[str]:
    """Named programmes, bodies and events tied to the value, nearest first."""
    sent = span.sent
    clause = _clause_verb(root)
    found: list[tuple[int, int, str]] = []
    in_values = _value_tokens(span.doc)
    for ent in _ents(sent):
        if ent.label_ in NAME_LABELS and not (ent.start <= root.i < ent.end):
            if _in_example_list(ent.root, root) or ent.start in in_values:
                continue  # an example, or part of a value ("40 million CAD")
            if _in_dateline(ent):
                continue  # "LISBON, March 10 (Reuters) -": who filed it, not a programme
            if _other_clause(ent.root, clause):
                continue
            found.append((tree_distance(root, ent.root), abs(ent.start - span.start), ent.text))
    # "... pledged EUR 200 billion through InvestAI": the channel names the programme;
    # "unveiled the InvestAI program, aiming to mobilise ...": so does a named programme.
    for tok in _name_candidates(sent):
        if lemma(tok) in GROUP_HEADS and tok.pos_ == "NOUN" and not _other_clause(tok, clause):
            named = [
                t
                for t in _capitalised_modifiers(tok)
                if t.ent_type_ != "NORP"  # "a European fund" has no name
            ]
            if all(t.lower_ in ("ai", "a.i.") for t in named):
                named = []  # "AI projects", "an AI fund": what it is about, no name
            if named:
                text = " ".join(t.text for t in [*named, tok])
                found.append((tree_distance(root, tok), abs(tok.i - span.start), text))
        if _acronym_name(tok) and tok.i not in in_values and not _other_clause(tok, clause):
            found.append((tree_distance(root, tok), abs(tok.i - span.start), tok.text))
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in ("through", "via", "under", "to", "into")
            # "only 2% went to Africa": a region, no programme (a coined name such as
            # "InvestAI" may be tagged a GPE)
            and tok.ent_type_ != "LOC"
        ):
            # the tagger often takes a coined name ("InvestAI") for a common noun
            chunk = _proper_chunk(tok) or (_entity_text(tok) if tok.text[:1].isupper() else None)
            if chunk and not _other_clause(tok, clause):
                found.append((tree_distance(root, tok), abs(tok.i - span.start), chunk))
    for match in _QUOTED.finditer(sent.text):
        quoted = sent.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if quoted is not None:
            found.append(
                (tree_distance(root, quoted.root), abs(quoted.start - span.start), match.group(1))
            )
    for n, anc in enumerate(_ancestors(root, sent), 1):
        named = [
            obj
            for acl in anc.children
            if acl.dep_ == "acl" and lemma(acl) in ("call", "name", "dub", "brand", "know")
            for obj in acl.children
            if obj.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod")
        ]
        for tok in [anc, *(c for c in anc.children if c.dep_ == "appos"), *named]:
            chunk = _proper_chunk(tok)
            if chunk:
                found.append((n, abs(tok.i - span.start), chunk))
    found.sort()
    seen: list[str] = []
    for _, _, text in found:
        clean = _usable_name(text)
        if clean and clean not in seen:
            seen.append(clean)
    return seen[:6]


def _acronym_name(token: Token) -> bool:
    """'TFFF', 'GAVI': an acronym that is no currency code, place or nationality."""
    text = token.text
    return (
        3 <= len(text) <= 8
        and text.isalpha()
        and text.isupper()
        and text not in currencies.codes()
        and token.ent_type_ not in ("GPE", "NORP", "MONEY", "LOC", "PERSON")
    )


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token is in: the nearest verb above it with its own subject.
    A relative clause ('which featured 100 events') speaks of its antecedent's clause."""
    for tok in [token, *token.ancestors]:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return tok
    return None


def _other_clause(token: Token, clause: Token | None) -> bool:
    """'France pledged A, while the EU pledged B through X': X is in the EU's clause, not
    France's."""
    own = _clause_verb(token)
    return own is not None and clause is not None and own.i != clause.i


def _nearby_places(span: Span, root: Token) -> list[str]:
    """Venues and cities before all countries, each group nearest first."""
    found: list[tuple[int, int, int, str]] = []
    for ent in _ents(span.sent):
        if ent.label_ not in ("FAC", "GPE", "LOC") or ent.start <= root.i < ent.end:
            continue
        country = ent.label_ != "FAC" and not names.is_city(ent.text)
        distance = abs(ent.end - span.start) if ent.end <= span.start else 50 + ent.start
        found.append((int(country), distance, ent.start, names.canonical_name(ent.text)))
    found.sort()
    return list(dict.fromkeys(text for *_, text in found))[:4]


def _purpose(root: Token, *, weak: bool = False) -> str | None:
    """What the money is for, as a name: 'a fund of EUR 20 billion dedicated to building AI
    gigafactories' -> 'AI gigafactories'; 'pledged $700 million to the new loss and damage
    fund' -> 'loss and damage fund'."""
    told = _what_the_money_does(root)
    if told:
        return told
    noun = root.head if root.dep_ in ("pobj", "nummod", "quantmod", "compound") else root
    if noun.dep_ == "prep":
        noun = noun.head
    for child in noun.rights:
        if child.dep_ in ("acl", "amod", "relcl") and lemma(child) in PURPOSE_VERBS:
            for tok in child.subtree:
                if (
                    tok.dep_ in ("dobj", "pobj")
                    and tok.pos_ in ("NOUN", "PROPN")
                    and tok.i > child.i
                ):
                    words = [t.text for t in tok.lefts if t.dep_ in ("compound", "amod")]
                    return " ".join([*words, tok.text])
    if lemma(noun) in GROUP_HEADS:
        # "a EUR 20 billion fund for AI gigafactories": what the fund is for
        for prep in noun.rights:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    words = [t.text for t in obj.lefts if t.dep_ in ("compound", "amod")]
                    return " ".join([*words, obj.text])
    # The money goes "to / into / for" a fund, facility or programme named by common nouns.
    verb = next((t for t in [root, *root.ancestors] if t.pos_ == "VERB"), None)
    if verb is None:
        return _money_kind(root) or (_what_it_buys(root) if weak else None)
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "into", "for", "toward", "towards"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and lemma(obj) in DESTINATION_HEADS:
                start = min(t.i for t in obj.subtree)
                words = [
                    t.text
                    for t in obj.doc[start : obj.i + 1]
                    if t.pos_ not in ("DET", "PRON") and t.lower_ not in ("new", "proposed")
                ]
                if len(words) > 1:  # "the fund" alone names no purpose: the donor does
                    return " ".join(words)
    return _money_kind(root) or (_what_it_buys(root) if weak else None)


def _event_name(name: str) -> bool:
    """'Lisbon Ports Summit 2026', 'the Lisbon Tech Summit': an event's name."""
    words = [w for w in name.lower().split() if not w.isdigit()]
    return bool(words) and words[-1] in EVENT_HEADS


# Verbs whose subject, a sum of money, goes somewhere: "EUR 5 billion will go to X".
GOING_VERBS = {"go", "flow"}


def _what_the_money_does(root: Token) -> str | None:
    """Money as the subject of what it pays for: 'EUR 10 billion will fund shore power',
    'EUR 5 billion will go to green hydrogen bunkering' (also when the parser hangs the
    second sum on the first clause's object)."""
    verb = root.head if root.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None and root.dep_ == "conj":
        ahead = root.doc[root.i + 1 : root.i + 4]
        if ahead and ahead[0].pos_ == "AUX":
            verb = next((t for t in ahead if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    objects: list[Token] = []
    if lemma(verb) in PURPOSE_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
    elif lemma(verb) in GOING_VERBS:
        objects = [
            o
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ in ("to", "towards", "toward", "into")
            for o in p.children
            if o.dep_ == "pobj"
        ]
    for obj in objects:
        if obj.pos_ == "NOUN":
            words = [t.text for t in obj.lefts if t.dep_ in ("compound", "amod")]
            return " ".join([*words, obj.text])
    return None


def _programme_names(found: list[str], agent: str | None, sentence: str) -> list[str]:
    """Names that may name a programme: not the one who acts or their employer ('Google
    CEO Sundar Pichai'), not a title ('CEO')."""
    acting = (agent or "").lower().removeprefix("the ")
    text = sentence.lower()
    return [
        n
        for n in found
        if n.lower().removeprefix("the ") not in acting
        and n.lower() not in TITLE_WORDS
        # "Leaders at the Lisbon Tech Summit pledged ...": where, not what is paid for
        and not _event_name(n)
        and not (acting and f"{n.lower()} {acting}" in text)
    ]


def _what_it_buys(root: Token) -> str | None:
    """With no programme named, what unnamed money pays for: 'a USD 15 billion AI hub'
    -> 'AI hub'; 'pledged USD 110 billion for AI-focused infrastructure' -> 'AI
    infrastructure'."""
    candidates = [root.head] if root.dep_ in ("nummod", "compound", "quantmod") else []
    verb = next((t for t in [root, *root.ancestors] if t.pos_ == "VERB"), None)
    heads = [root, *([verb] if verb is not None else [])]
    if root.dep_ in ("nummod", "compound", "quantmod"):
        heads.append(root.head)  # "a EUR 50 billion package for port decarbonisation"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and lemma(root.head.head) in MONEY_NOUNS:
        heads.append(root.head.head)  # "pledges of EUR 50 billion for digital infrastructure"
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for noun in candidates:
        if noun.pos_ != "NOUN" or lemma(noun) in MONEY_NOUNS | GROUP_HEADS | DESCRIBED_MONEY:
            continue
        if noun.lower_ in TIME_NOUNS:  # "for its next strategic period": when, not what
            continue
        words = []
        for t in noun.lefts:
            if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
                text = "".join(w.text_with_ws for w in t.subtree).strip()  # "AI-focused"
                word = re.sub(r"\s*-\s*(?:focused|related|driven|based|led|ready)$", "", text)
                # A compound noun ("AI hub") or "AI-focused" says what; an adjective
                # ("tropical", "next", "lower-income") only describes.
                if (
                    word != text
                    or (t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN"))
                    or _classifying(t)
                ):
                    words.append(word)
        if words:  # a bare "infrastructure" says too little to name a subject
            return " ".join([*words, noun.text])
    return None


# Endings of relational adjectives, which say what kind of thing ("digital
# infrastructure", "agricultural research"), not how it is ("next", "lower-income").
CLASSIFYING_ENDINGS = ("al", "ic", "ary")


def _classifying(token: Token) -> bool:
    """Whether an adjective classifies its noun: a plain (JJ) relational adjective."""
    return token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lower_.endswith(CLASSIFYING_ENDINGS)


def _money_kind(root: Token) -> str | None:
    """Unnamed money told by its kind: 'private sector investments totalling EUR 109
    billion' -> 'private investment'. Only a describing adjective makes it a purpose."""
    # "EUR 109 billion of private investment", "EUR 5 billion in new funding"
    told = [o for p in root.rights if p.dep_ == "prep" and p.lower_ in ("of", "in")
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for tok in [root, *root.ancestors][:4] + told:
        if tok.pos_ != "NOUN" or lemma(tok) not in DESCRIBED_MONEY:
            continue
        adjectives = [
            lemma(t)
            for child in tok.lefts
            for t in child.subtree
            if t.pos_ == "ADJ" and t.dep_ == "amod" and lemma(t) not in EMPTY_ADJECTIVES
        ]
        return " ".join([*adjectives, lemma(tok)]) if adjectives else None
    return None


# ---------------------------------------------------------------- modality, polarity


# A clause ends at a verb that is not the complement of another ("expected to draw 60
# countries" goes on to "expected"; "the summit South Africa hosted" stops at "hosted").
_CLAUSE_GOES_ON = {"xcomp", "conj"}


def _own_clause(root: Token, sent: Span) -> list[Token]:
    """The value's root and its ancestors up to the verb of its own clause: a relative
    clause ('the summit South Africa has just hosted') does not take the negation or
    the future of the clause around it ('...even though the US boycotted the summit')."""
    chain = [root]
    for anc in _ancestors(root, sent):
        chain.append(anc)
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in _CLAUSE_GOES_ON:
            break
    return chain


def _clause_tokens(span: Span) -> Iterable[Token]:
    root = span.root
    chain = _own_clause(root, span.sent)
    for tok in chain:
        yield tok
        for child in tok.children:
            if child.dep_ in ("aux", "auxpass", "advmod", "neg") or (
                child.dep_ == "xcomp" and tok.pos_ == "VERB"
            ):
                yield child
                if child.dep_ == "xcomp":
                    yield from (c for c in child.children if c.dep_ in ("neg", "aux"))


def _clause_lemmas(tokens: Iterable[Token]) -> set[str]:
    """Lemmas, where a modal word counts only as a modal: 'May' the person, 'Will' the
    name and 'the will of' say nothing about certainty."""
    return {lemma(t) for t in tokens if t.tag_ == "MD" or lemma(t) not in MODAL_LEMMAS}


def _tense(span: Span, modality: Modality) -> Tense | None:
    """Whether the clause tells of the past or the future, for placing year-less dates.

    The value's own verb first: in "the summit, which opened on February 16, will end
    on February 21" the first date is past, the second future."""
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ == "VBD" or any(h.tag_ == "VBD" for h in helpers):
            return "past"
        if verb.tag_ == "VBN" and any(h.lemma_ == "have" for h in helpers):
            return "past"
        if any(h.lower_ in ("will", "shall", "'ll") for h in helpers):
            return "future"
    if modality == "planned":
        return "future"
    return None


def _modality(span: Span) -> Modality:
    lemmas = _clause_lemmas(_clause_tokens(span)) | _clause_lemmas(span)
    if lemmas & PLAN_LEMMAS or "set to" in span.sent.text.lower():
        return "planned"
    if lemmas & HEDGE_LEMMAS:
        return "hedged"
    return "asserted"


def _polarity(span: Span) -> Polarity:
    """Negated when the value's clause is ("did not sign"), or the value's own noun
    phrase ("signed by 60 countries, including France, but not the US or UK": the US
    and the UK are negated, France is not)."""
    if any(c.dep_ == "neg" for c in span.root.children):
        return "negated"
    if _says_it_will_not(span.root) or _among_those_not(span.root) or _but_not(span.root):
        return "negated"
    if sets_right([t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]):
        return "negated"  # "EUR 40 billion, not the EUR 50 billion some outlets reported"
    listed_in = _listed_in(span.root)
    if listed_in is not None:
        # "30 countries, including China, did not endorse": China is one of the 30.
        return _polarity(span.doc[listed_in.i : listed_in.i + 1])
    lemmas = {
        lemma(t)
        for t in _clause_tokens(span)
        if (t.i < span.start or t.i >= span.end)
        and not (t.dep_ == "neg" and t.head.pos_ in ("NOUN", "PROPN"))
    }
    return "negated" if lemmas & NEGATION_LEMMAS else "affirmed"


LISTING_LEMMAS = {"include", "including", "among", "like", "such"}


def _listed_in(root: Token) -> Token | None:
    """The noun a value is listed as one of ("30 countries, including China"), or None."""
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or lemma(prep) not in LISTING_LEMMAS or prep.dep_ != "prep":
        return None
    noun = prep.head
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i != root.i else None


def _among_those_not(root: Token) -> bool:
    """'China was among those that did not back the document': one of a group told by
    a negated relative clause."""
    if root.dep_ not in ("nsubj", "nsubjpass", "attr") or lemma(root.head) != "be":
        return False
    for prep in root.head.children:
        if prep.dep_ == "prep" and lemma(prep) == "among":
            for group in prep.children:
                for clause in group.children:
                    if clause.dep_ in ("relcl", "acl") and _not_doing(clause):
                        return True
    return False


# Verbs that tell a group did not do it: "those abstaining", "the countries missing from
# the list of signatories", "those that refused".
NOT_DOING_LEMMAS = (NEGATION_LEMMAS - {"not", "no", "n't", "never"}) | {"miss", "absent"}


def _not_doing(clause: Token) -> bool:
    """'that did not back the document', 'abstaining', 'missing from the list'."""
    return any(c.dep_ == "neg" for c in clause.children) or lemma(clause) in NOT_DOING_LEMMAS


def _but_not(root: Token) -> bool:
    """'China and Israel sent delegations but did not endorse the document': the
    subject of a verb joined by 'but' to a negated one is told as not doing it."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue  # a clause with its own subject ("..., but China did not")
        contrast = any(
            c.dep_ == "cc" and c.lower_ == "but" for c in (*verb.children, *conj.children)
        )
        if contrast and any(c.dep_ == "neg" for c in conj.children):
            return True
    return False


# Pronouns by which a speaker tells of itself in a reported clause ("Britain said it
# would not sign").
SELF_PRONOUNS = {"it", "they", "we", "i"}


def _says_it_will_not(root: Token) -> bool:
    """'Britain said it would not sign the declaration': the speaker negates its own act."""
    if root.dep_ != "nsubj" or lemma(root.head) not in SAYING_LEMMAS:
        return False
    for clause in root.head.children:
        if clause.dep_ != "ccomp":
            continue
        said_of_itself = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SELF_PRONOUNS for c in clause.children
        )
        negated = any(c.dep_ == "neg" for c in clause.children) or lemma(clause) in (
            NEGATION_LEMMAS - {"not", "no", "n't", "never"}
        )
        if said_of_itself and negated:
            return True
    return False


SAYING_LEMMAS = {"say", "announce", "confirm", "insist", "state", "tell", "explain", "add"}


# ---------------------------------------------------------------- named values


TITLE_WORDS = {
    "president", "prime", "minister", "chancellor", "premier", "king", "queen", "ceo",
    "secretary", "commissioner", "vice", "chair", "chairman", "chairwoman", "director",
    "governor", "mayor", "leader", "head", "emir", "sheikh", "prince", "envoy", "ambassador",
    "spokesperson", "senator", "representative", "founder", "chief",
}  # fmt: skip


# Offices held by people, never part of a venue's name (unlike "King Fahd Centre").
OFFICE_WORDS = {"minister", "president", "secretary", "ceo", "chancellor", "commissioner",
                "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman", "senator",
                "adviser", "advisor", "official", "officials"}  # fmt: skip


def _noun_phrase_head(token: Token) -> Token | None:
    """The proper noun an entity names: 'European Commission' in 'European Commission
    President Ursula von der Leyen' climbs to 'Leyen'. None if it modifies a common noun."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token if token.pos_ == "PROPN" else None


def _name_tokens(head: Token) -> list[Token]:
    """The contiguous proper-noun phrase ending at `head`, modifiers included."""
    start = head.i
    for tok in head.subtree:
        if tok.i < head.i and tok.dep_ in ("compound", "amod", "flat", "nmod"):
            start = min(start, tok.i)
    words = [t for t in head.doc[start : head.i + 1]]
    while words and (words[0].pos_ in ("DET", "PUNCT") or not words[0].text.strip()):
        words = words[1:]
    return words


# Common nouns that stand for the country a nationality adjective names: "the Rwandan
# government hosted the summit" is Rwanda hosting it.
STATE_NOUNS = {"government"}


def _national_government(token: Token) -> str | None:
    """The country of 'the Rwandan government' (the noun), if it is one."""
    if lemma(token) not in STATE_NOUNS or token.pos_ != "NOUN":
        return None
    for child in token.lefts:
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            country = names.country_of(child.text)
            if country is not None and names.is_country(country):
                return country
    return None


def _member(head: Token) -> tuple[str, str | None] | None:
    """(canonical name, what it stands for) from 'French President Emmanuel Macron'."""
    country = _national_government(head)
    if country is not None:
        return country, None
    ent = _ent_at(head)
    if ent is not None and _name_end(head) > head.i:
        # "the Republic of Korea": the name goes on after its head ("of Korea").
        return names.canonical_name(ent.text), None
    words = _name_tokens(head)
    titles = [n for n, t in enumerate(words) if t.lower_ in TITLE_WORDS]
    role = None
    if titles and titles[-1] < len(words) - 1:
        cut = titles[-1] + 1
        role = names.role_of(" ".join(t.text for t in words[:cut]))
        words = words[cut:]
    text = " ".join(t.text for t in words).replace(" 's", "").replace(" ’s", "")
    name = _usable_name(text) or (text if names.is_country(text) else None)
    if not name:
        return None
    return names.canonical_name(name), role


def _titled_by(country: Token) -> Token | None:
    """'Lithuania's Minister of Justice, Ona Petraitė': the person a possessive
    country's title names (an apposition of the title), else None."""
    title = country.head
    if (
        country.dep_ != "poss"
        or title.lower_ not in TITLE_WORDS
        or not names.is_country(country.text)
    ):
        return None
    return next(
        (
            c
            for c in title.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and not names.is_country(c.text)
        ),
        None,
    )


def _holder_of(person: Token) -> str | None:
    """The country a person's possessive title gives: 'Lithuania's Minister of Justice,
    Ona Petraitė' -> Lithuania (she stands for it, DESIGN.md "Values")."""
    if person.dep_ != "appos":
        return None
    country = next((c for c in person.head.children if c.dep_ == "poss"), None)
    named = _titled_by(country) if country is not None else None
    if country is None or named is None or named.i != person.i:
        return None
    return names.canonical_name(country.text)


def _name_end(head: Token) -> int:
    """Where the name headed by `head` ends: after 'of Korea' in 'the Republic of Korea'."""
    ent = _ent_at(head)
    if ent is not None and ent[-1].i > head.i and names.is_country(ent.text):
        return ent[-1].i
    return head.i


def _entity_groups(sent: Span) -> list[list[Token]]:
    """Coordinated named things ('Canada, China, France, and India') as groups of heads."""
    heads: dict[int, Token] = {}
    for ent in _ents(sent):
        if ent.label_ in ENTITY_LABELS:
            head = _noun_phrase_head(ent.root)
            if head is not None:
                heads[head.i] = head
        elif ent.label_ == "NORP" and _national_government(ent.root.head) is not None:
            heads[ent.root.head.i] = ent.root.head
    for token in sent:
        # "Nigeria will host the next summit": the small model misses some countries
        # at a sentence's start; a country's name is a named thing all the same.
        if token.pos_ == "PROPN" and not token.ent_type_ and token.i not in heads:
            head = _noun_phrase_head(token)
            if (
                head is not None
                and not head.ent_type_
                and names.is_country(" ".join(t.text for t in _name_tokens(head)))
            ):
                heads[head.i] = head
    groups: list[list[Token]] = []
    used: set[int] = set()
    for i in sorted(heads):
        if i in used:
            continue
        group = [heads[i]]
        used.add(i)
        # "Gavi, the Vaccine Alliance, the EU and the Gates Foundation": the apposition
        # renames the first name, and the list goes on from it.
        appos = [c for c in heads[i].children if c.dep_ == "appos" and c.i in heads]
        for name in [heads[i], *appos]:
            if name is not heads[i]:
                used.add(name.i)
                # "The US, UK, China and France", "US, Britain, EU to sign": a list,
                # misparsed (the EU signs as one, like a country).
                if names.is_country(name.text) or names.canonical_name(name.text) == EU:
                    group.append(name)
            # "the Republic of Korea and Kenya": the list goes on from the name's tail.
            tail = [t for t in name.doc[name.i + 1 : _name_end(name) + 1] if t.pos_ == "PROPN"]
            used.update(t.i for t in tail)
            for conj in [c for t in [name, *tail] for c in t.conjuncts]:
                if conj.i not in used and conj.pos_ == "PROPN":
                    conj = _whole_name(conj, used)
                    group.append(conj)
                    used.add(conj.i)
        # "US, Britain, EU to sign ...": a headline's list whose last name the parser
        # takes for the head of the others.
        last = heads[i].head
        if (
            heads[i].dep_ == "nmod"
            and heads[i].conjuncts
            and last.i in heads
            and last.i not in used
            and last.i > max(c.i for c in heads[i].conjuncts)
        ):
            group.append(last)
            used.add(last.i)
        for partner in _joint_partners(heads[i], heads):
            if partner.i not in used:
                group.append(partner)
                used.add(partner.i)
        group.sort(key=lambda t: t.i)
        groups.append(group)
    return groups


JOINT_WORDS = {"together", "jointly", "along"}
EU = "European Union"


def _joint_partners(head: Token, heads: dict[int, Token]) -> list[Token]:
    """Names that act with the subject of a joint verb: 'the EU co-hosted the summit
    together with the Gates Foundation', 'France co-chairs it with India', 'Chile,
    alongside Kenya, hosted it'. One list: who did it."""
    aside = _joint_aside(head, heads)
    if aside:
        return aside
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        # "Organised by the Netherlands together with Kenya", "co-organized by the
        # Netherlands with South Korea"; not "Co-hosted by A and B, with C as a key
        # partner": after "by", "with" joins the list only for a joint verb, and never
        # one called a partner.
        verb = head.head.head
        joint = verb.lower_.startswith("co-") and not _as_partner(verb)
    elif head.dep_ == "nsubj":
        verb = head.head
        joint = verb.lower_.startswith("co-")
    elif head.dep_ == "appos" and head.head.dep_ == "nsubj":
        # "The G-7 members Britain, Canada and Japan, together with the EU, issued ...":
        # the partner hangs on the noun the list renames.
        verb = head.head
        joint = False
    else:
        return []
    found: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        together = joint and prep.lower_ == "with"
        together = together or prep.lower_ == "alongside"
        together = together or (
            prep.lower_ == "with" and any(c.lower_ in JOINT_WORDS for c in prep.children)
        )
        if not together:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.i in heads:
                # "together with Israel, the USA and the EU": a list the parser makes an
                # apposition of its first name goes on all the same.
                listed = [obj, *(c for c in obj.children if c.dep_ == "appos" and c.i in heads)]
                found += [t for n in listed for t in (n, *n.conjuncts) if t.pos_ == "PROPN"]
    return list(dict.fromkeys(found))


def _as_partner(verb: Token) -> bool:
    """'co-hosted by A, with C as a key partner': the 'with' object is given a role."""
    for prep in verb.children:
        if prep.lower_ != "with":
            continue
        end = max(t.i for t in prep.subtree)
        after = verb.doc[end + 1] if end + 1 < len(verb.doc) else None
        if any(t.lower_ == "as" for t in prep.subtree) or (
            after is not None and after.lower_ == "as"
        ):
            return True
    return False


def _joint_aside(head: Token, heads: dict[int, Token]) -> list[Token]:
    """'the Netherlands, co-hosting with South Korea, convened ...': a joint participle
    set off by commas right after the name brings its partner into the list."""
    doc = head.doc
    end = _name_end(head)
    if end + 3 >= len(doc) or doc[end + 1].text != ",":
        return []
    verb, prep = doc[end + 2], doc[end + 3]
    if not verb.lower_.startswith("co-") or prep.lower_ not in ("with", "alongside"):
        return []
    found = [t for t in prep.children if t.dep_ == "pobj" and t.i in heads]
    return [*found, *(c for t in found for c in t.conjuncts if c.pos_ == "PROPN")]


def _whole_name(conj: Token, used: set[int]) -> Token:
    """The head of the name a conjunct opens: in 'the EU and the Bill & Melinda Gates
    Foundation' the parser makes 'Bill' the conjunct, the name is the Foundation."""
    ent = _ent_at(conj)
    if ent is None or ent[-1].i == conj.i or ent[-1].pos_ != "PROPN":
        return conj
    used.update(t.i for t in ent)
    return ent[-1]


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the full name the document first gave ('Ramaphosa' -> 'Cyril
    Ramaphosa'): a person named again by surname is the same person (coreference)."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            found.setdefault(words[-1], ent.text)
    return found


def _acronyms(doc: Doc) -> dict[str, str]:
    """Initials -> the name the document spells out ('SA' -> South Africa when the text
    also names South Africa): a short form resolved within its own document."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        words = [w for w in ent.text.split() if w[:1].isupper()]
        if ent.label_ in ("GPE", "ORG", "NORP") and len(words) >= 2:
            found.setdefault("".join(w[0] for w in words).upper(), ent.text)
    return found


def _unknown_short_form(text: str) -> bool:
    """'SA': capitals our name lists do not know (unlike 'UK' or 'EU')."""
    return (
        text.isupper()
        and 2 <= len(text) <= 5
        and not names.is_country(text)
        and names.canonical_name(text) == text
    )


def _entity_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    full_names = _full_names(doc)
    acronyms = _acronyms(doc)
    for sent in doc.sents:
        for group in _entity_groups(sent):
            if len(group) == 1 and _titled_by(group[0]) is not None:
                continue  # "Lithuania's Minister of Justice, X": X is named; the country is X's
            members: list[str] = []
            roles: dict[str, str] = {}
            for head in group:
                found = _member(head)
                holder = _holder_of(head)
                if found is not None and holder is not None:
                    found = (found[0], holder)
                if found is not None and head.ent_type_ == "PERSON" and found[0] in full_names:
                    found = (full_names[found[0]], found[1])
                short = found[0] if found is not None else ""
                if _unknown_short_form(short) and short in acronyms:
                    found = (names.canonical_name(acronyms[short]), found[1] if found else None)
                if found is not None and len(group) >= 3 and not found[1]:
                    # "Andora, the EU, Georgia, Iceland ...": a country misspelt in a list
                    # of countries is that country.
                    found = (names.misspelt_country(found[0]) or found[0], None)
                if found is None or found[0] in members:
                    continue
                members.append(found[0])
                if found[1]:
                    roles[found[0]] = found[1]
            if not members:
                continue
            first = _name_tokens(group[0])[0] if _name_tokens(group[0]) else group[0]
            # Partners named after a joint verb ("co-hosted it together with X") are
            # members, but the span stays before the verb: the value is who, not what.
            verb = group[0].head if group[0].dep_ == "nsubj" else None
            last = max(
                (_name_end(t) for t in group if verb is None or t.i < verb.i),
                default=group[-1].i,
            )
            # "the Netherlands, co-hosting with South Korea, convened ...": the participle
            # says what the list did; the name alone hangs on whatever the parser chose.
            aside = _joint_aside(group[0], {t.i: t for t in group})
            if aside:
                last = _name_end(group[0])
            span = doc[first.i : last + 1]
            context = _context(span, aside[0] if aside else group[0])
            context.label = "ENTITIES"
            partial = bool(set(context.before) & PARTIAL_MARKERS) or (
                context.head in PARTIAL_MARKERS
            )
            value = EntitiesValue(
                surface=span.text, members=sorted(members), roles=roles, complete=not partial
            )
            yield _mention(source, span, value, context)


# Verbs that tell where an event is held: "will take place in June 2024 in Puglia".
HELD_VERBS = {"hold", "take", "host", "convene", "stage"}


def _held_in(ent: Span) -> bool:
    """A place that is no country and no city the gazetteer knows (a region, a small
    town), told as where an event is held: "the next G7 will take place in Puglia"."""
    prep = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and ent.root.pos_ == "PROPN"
        and ent.root.is_title  # "in the canton of Nidwalden": no town's name
        and prep.lower_ == "in"
        and lemma(prep.head) in HELD_VERBS
        and not names.is_country(ent.text)
    )


# "near the township of Soweto": a part of a city, named as such, is not the city.
DISTRICT_WORDS = {"township", "suburb", "district", "neighbourhood", "neighborhood", "borough"}


def _district(ent: Span) -> bool:
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ == "of" and lemma(prep.head) in DISTRICT_WORDS


# Kinds of text named after a place: the texts signed at events ("adopts New Delhi
# declaration") and standing ones ("the Kyoto Protocol", "the Hiroshima AI Process"). The
# place names the text; it is no claim of where the event was.
TEXT_KINDS = INSTRUMENT_WORDS | {"process", "protocol", "consensus", "blueprint"}


def _names_a_text(ent: Span) -> bool:
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.pos_ in ("PROPN", "NOUN") and after.lower_ not in TEXT_KINDS:
        after = ent.doc[ent.end + 1] if ent.end + 1 < len(ent.doc) else None  # "Seoul AI ..."
    return after is not None and after.lower_ in TEXT_KINDS


def _venue_before_city(city: Span) -> Span | None:
    """'inaugurated the summit at Bharat Mandapam, New Delhi': the proper name between
    'at' and the city is where in the city it was, a venue the tagger did not see."""
    doc = city.doc
    if city.start < 3 or doc[city.start - 1].text != ",":
        return None
    end = city.start - 1
    start = end
    while (
        start > 0 and end - start < 4 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
    ):
        start -= 1
    if start == end or start == 0 or doc[start - 1].lower_ != "at":
        return None
    span = doc[start:end]
    if any(t.ent_type_ in ("GPE", "PERSON", "NORP", "DATE", "FAC") for t in span):
        return None
    return span


# Verbs whose subject or object city is a place, not a government: "Seoul will host the
# next summit", "delegates visited Kigali".
PLACE_VERBS = HELD_VERBS | {"welcome", "visit", "leave", "reach", "tour", "be", "become"}
# Prepositions whose object city is a party, not a place: "talks with Moscow", "a war
# between Moscow and Kyiv", "sanctions against Beijing".
PARTY_PREPS = {"with", "between", "against", "by"}


def _stands_for_government(token: Token) -> bool:
    """A capital named for its government (metonymy), not as a place: "Moscow has said it
    would not take part", "Moscow's influence", "snubbed by Beijing", "helped Moscow ride
    out the sanctions", "a dialogue with Moscow". The place it is stays a place: "the
    summit in Paris", "Seoul will host", "PARIS (Reuters) -"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "between Moscow and Kyiv": the list's first name
    if token.dep_ == "poss":
        # "Paris's summit", "Seoul's Lotte Hotel": the city owns a place or an event
        head = token.head
        return head.pos_ != "PROPN" and lemma(head) not in EVENT_WORDS
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return lemma(token.head) not in PLACE_VERBS
    return token.dep_ == "pobj" and token.head.lower_ in PARTY_PREPS


def _ent_len(token: Token) -> int:
    """How many tokens the entity holding `token` has (0 outside any)."""
    ent = _ent_at(token)
    return len(ent) if ent is not None else 0


# Nouns that say the proper name after "of" is a town: "the Swiss resort of Bürgenstock".
LOCALITY_NOUNS = {"resort", "town", "village", "city", "municipality", "commune", "hamlet"}


def _locality_name(token: Token) -> bool:
    """A one-word proper name the gazetteer does not know: a small place, maybe."""
    return (
        token.pos_ == "PROPN"
        and (token.is_title or token.is_upper)
        and len(token.text) > 3
        # The small model tags an unknown one-word place as anything (PERSON, ORG):
        # only a name's word in a longer person's or body's name is ruled out.
        and not (token.ent_type_ in ("PERSON", "ORG") and _ent_len(token) > 1)
        and token.ent_type_ != "DATE"
        and names.country_of(token.text) is None  # "Swiss"
        and not names.is_country(token.text)
        and not names.is_city(token.text)
    )


def _localities(doc: Doc, source: Source, taken: set[int]) -> Iterator[Mention]:
    """Small places too small for the gazetteer, where the text itself says they are
    places: "BURGENSTOCK, Switzerland:" (a dateline), "at Burgenstock, Switzerland", "the
    Swiss resort of Bürgenstock". Its other mentions in the document ("here in
    Burgenstock", "the Bürgenstock summit") are the same place (coreference)."""
    found: set[str] = set()
    for token in doc:
        if token.i in taken or not _locality_name(token) or token.i + 2 >= len(doc):
            continue
        after = doc[token.i + 1 : token.i + 4]
        in_country = after[0].text == "," and names.is_country(
            after[1].text if len(after) < 3 or after[2].pos_ != "PROPN" else after[1:3].text
        )
        told_where = token.i > 0 and doc[token.i - 1].lower_ in ("in", "at")
        told_where = told_where or _in_dateline(doc[token.i : token.i + 1])
        called = (
            token.i > 1
            and doc[token.i - 1].lower_ == "of"
            and doc[token.i - 2].lower_ in LOCALITY_NOUNS
        )
        if (in_country and told_where) or called:
            found.add(token.text.casefold())
    if not found:
        return
    for token in doc:
        if token.i in taken or token.text.casefold() not in found or not _locality_name(token):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in TEXT_KINDS | VENUE_NOUNS:
            continue  # "the Bürgenstock Communiqué" names a text, "the ... resort" a venue
        if _landmark(token):
            continue
        yield _text_mention(source, doc[token.i : token.i + 1], "CITY")


def _landmark(token: Token) -> bool:
    """A city named to say where a place is, not that it is the place: "near Lucerne",
    "close to the city of Lucerne", "just outside London"."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lower_ in LOCALITY_NOUNS
    ):
        token = token.head.head  # "the city of Lucerne"
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in ("near", "outside", "above", "beyond") or (
        prep.lower_ == "to" and prep.head.lower_ in ("close", "next")
    )


# Common nouns for a venue after its proper name: "the luxury Burgenstock resort".
VENUE_NOUNS = {"resort", "hotel", "complex", "estate"}


def _venues_by_common_head(doc: Doc, source: Source) -> Iterator[Mention]:
    """A venue named by a proper name and a common noun in lower case ("the Burgenstock
    resort", "the Lotte hotel"), which the tagger leaves untagged; not a city's hotel
    ("a Paris hotel")."""
    for token in doc:
        if token.lower_ not in VENUE_NOUNS or not token.is_lower or token.pos_ != "NOUN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1
        if start == token.i or token.i - start > 3:
            continue
        name = doc[start : token.i]
        if names.is_city(name.text) or names.is_country(name.text):
            continue
        if any(
            t.ent_type_ in ("GPE", "FAC") or _ent_len(t) > 1 or names.country_of(t.text)
            for t in name
        ):
            continue  # "a Swiss hotel", "the Dubai hotel": no venue's own name
        yield _text_mention(source, doc[start : token.i + 1], "FAC")


def _city_state_as_country(ent: Span) -> bool:
    """'co-hosted by the Netherlands, Singapore, Kenya and the UK': a city-state named
    as a country (in a list of countries, as an actor) is no city; it is one only where
    something is in it ('the summit in Singapore', 'SINGAPORE (Reuters) -')."""
    if not names.is_country(ent.text):
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at"):
        return False
    listed = [root.head] if root.dep_ == "conj" else []
    listed += [c for c in root.children if c.dep_ == "conj"]
    return root.dep_ in SUBJECT_DEPS or any(
        t.ent_type_ == "GPE" and names.is_country(t.text) for t in listed
    )


def _text_mentions(doc: Doc, source: Source) -> Iterator[Mention]:
    city_tokens: set[int] = set()
    for ent in _ents(doc[:]):
        label = None
        if ent.label_ == "FAC":
            # "South Korean Foreign Minister Park": a person with a title, not a place.
            label = None if any(t.lower_ in OFFICE_WORDS for t in ent[:-1]) else "FAC"
            # "White House national security adviser Jake Sullivan": the office's body.
            for t in ent.doc[ent.end : ent.end + 4]:
                if t.pos_ not in ("NOUN", "ADJ", "PROPN"):
                    break  # "at the Grand Palais, the President said": another phrase
                if t.lower_ in OFFICE_WORDS:
                    label = None
            if len(ent) > 1 and ent[-1].tag_ == "POS" and names.is_city(ent[:-1].text):
                # "at The Hague's World Forum": a city in the possessive is the venue's
                # city, not a venue.
                ent = ent[:-1]
                label = "CITY"
                city_tokens.update(range(ent.start, ent.end))
        elif ent.label_ == "GPE" and (names.is_city(ent.text) or _held_in(ent)):
            if _district(ent) or _city_state_as_country(ent) or _names_a_text(ent):
                continue
            if _landmark(ent.root):
                continue
            if _stands_for_government(ent.root) and not _in_dateline(ent):
                continue
            label = "CITY"
            city_tokens.update(range(ent.start, ent.end))
        if label is None:
            continue
        yield _text_mention(source, ent, label)
        if label == "CITY":
            venue = _venue_before_city(ent)
            if venue is not None:
                yield _text_mention(source, venue, "FAC")
    # A city inside another name ("the Paris AI Summit") is still where it happened.
    for token in doc:
        # "Belém: COP30 delivers...": a headline's place label, tagged as a common noun.
        label_noun = (
            token.pos_ == "NOUN" and token.is_title and token.nbor(1).text == ":"
            if token.i + 1 < len(doc)
            else False
        )
        if (
            (token.pos_ == "PROPN" or label_noun)
            and token.i not in city_tokens
            and token.ent_type_ != "GPE"
        ):
            around = _ent_at(token)
            alone = around is not None and len(around) == 1 and around.label_ in ("ORG", "LOC")
            # "opened in Dakar": a city the tagger took for a person, after "in / at"
            alone = alone or (
                around is not None
                and len(around) == 1
                and around.label_ == "PERSON"
                and token.dep_ == "pobj"
                and token.head.lower_ in ("in", "at")
            )
            if (
                around is not None
                and not alone
                and not any(t.lower_ in EVENT_WORDS for t in around)
            ):
                continue  # "Imperial College London" names a college, not a venue city
            if (
                names.is_city(token.text)
                and not token.is_lower  # "the canton of": a word, not Canton
                and not _stands_for_government(token)
            ):
                yield _text_mention(source, doc[token.i : token.i + 1], "CITY")
    yield from _venues_by_parse(doc, source)
    yield from _localities(doc, source, city_tokens)
    yield from _venues_by_common_head(doc, source)
    for sent in doc.sents:
        text = sent.text  # built anew on every access
        for regex in (_QUOTED, _QUOTED_LOWER, _TITLED):
            for match in regex.finditer(text):
                group = match.group(0) if regex is _TITLED else match.group(1)
                if regex is _TITLED:
                    group = _WHEN_AFTER.sub("", group)  # "the Reef Treaty on Monday"
                    # "the Lima Declaration on the first day": the title ends at its capitals
                    group = _SMALL_AFTER.sub("", group)
                    group = _ARTICLE_FIRST.sub("", group)  # "The GPAI New Delhi Declaration"
                else:
                    group = group.rstrip(".,;:!? ")  # 'a "Blueprint for Action."'
                start = sent.start_char + match.start(0 if regex is _TITLED else 1)
                span = doc.char_span(start, start + len(group), alignment_mode="expand")
                if span is None or len(span) < 2:
                    continue
                if regex is _QUOTED_LOWER and span.root.pos_ != "NOUN":
                    continue  # 'pledged to "strengthen ... efforts"': a quoted act, no name
                if group.endswith(" declaration") and not _NAME_WORD.match(group):
                    continue  # "the AI (Delhi) declaration": no name's first word
                if regex is _TITLED and _only_described(group):
                    continue  # "The AI Convention": what it is about, not a name
                if regex is _TITLED:
                    span = _after_headline_verb(span)
                    if span is None:
                        continue
                    span = _topic_continued(_owner_dropped(span))
                yield _text_mention(source, span, "TITLE")
    yield from _titles_across_sentences(doc, source)


def _owner_dropped(span: Span) -> Span:
    """'the Council of Europe's Convention on AI': the possessive names who owns the text,
    not the text; the name starts after it ("Convention on AI")."""
    owner = next((t for t in reversed(span) if t.tag_ == "POS"), None)
    if owner is None or owner.i + 2 >= span.end:
        return span
    return span.doc[owner.i + 1 : span.end]


# Nouns after "on" that say when, where or for whom a text was signed, never what it is
# about: "signed the Declaration on behalf of the EU", "on the sidelines of the summit".
NOT_TOPIC_NOUNS = TIME_NOUNS | {"behalf", "sideline", "sidelines", "margin", "margins",
                                "occasion", "eve", "basis", "stage"}  # fmt: skip
TOPIC_PREPS = {"on", "of", "for"}


def _topic_continued(span: Span) -> Span:
    """A text's name goes on over the topic it is told to be about, in lower case or with
    an acronym in brackets: 'the Framework Convention on artificial intelligence and human
    rights, democracy, and the rule of law', 'the Convention on Artificial Intelligence
    (AI), human rights, democracy and the rule of law'. The topic ends at the first word
    that is no noun, adjective, article or linking word (a verb, 'which', a date)."""
    doc = span.doc
    on_topic = any(t.lower_ in TOPIC_PREPS for t in span[1:])
    i = span.end
    if not on_topic:
        if i + 1 >= len(doc) or doc[i].lower_ not in TOPIC_PREPS:
            return span
        i += 1  # "the Framework Convention" + "on artificial intelligence ..."
    end = span.end
    while i < len(doc) and i - span.end < 16:
        tok = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if (
            tok.text == "("
            and nxt is not None
            and nxt.is_upper
            and i + 2 < len(doc)
            and doc[i + 2].text == ")"
        ):
            i += 3  # "(AI)"
            end = i
            continue
        if tok.text == "," or tok.lower_ in ("and", "or", "the", "of"):
            # ", human rights, democracy": a list goes on; ", the first agreement on AI":
            # an apposition about the text does not.
            article = nxt is not None and nxt.lower_ == "the" and tok.text != ","
            serial = tok.text == "," and nxt is not None and nxt.lower_ in ("and", "or")
            if nxt is None or not (article or serial or _topic_word(nxt)):
                break
            i += 1
            continue
        if _topic_word(tok):
            if lemma(tok) in NOT_TOPIC_NOUNS or tok.lower_ in NOT_TOPIC_NOUNS:
                return span
            i += 1
            end = i
            continue
        break
    return doc[span.start : end] if end > span.end else span


def _topic_word(token: Token) -> bool:
    """A word of a text's topic: 'artificial', 'intelligence', 'Democracy', 'Rule'; not a
    place, a person, a date or a verb."""
    if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.lower_ == "which":
        return False
    if token.dep_ == "ROOT" or any(c.dep_ in ("dobj", "nsubj") for c in token.children):
        return False  # "..., obliges signatories to": a verb the tagger took for a noun
    return token.is_lower or (token.is_title and token.ent_type_ not in NOT_TOPIC_LABELS)


NOT_TOPIC_LABELS = {"GPE", "PERSON", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL"}


# Words that say what a text is about or like, never which one it is.
ABOUT_WORDS = {"ai", "a.i.", "artificial", "intelligence", "international", "global",
                    "first", "new"}  # fmt: skip


def _only_described(name: str) -> bool:
    """'AI Convention', 'International Treaty': a kind word after describing words only."""
    words = name.lower().split()
    return (
        len(words) >= 2
        and re.fullmatch(_DOC_TYPES, name.split()[-1]) is not None
        and all(w in ABOUT_WORDS for w in words[:-1])
    )


HEADLINE_VERBS = {"to", "sign", "signs", "endorse", "endorses", "adopt", "adopts", "back", "backs"}
_DOC_TYPE_WORD = re.compile(rf"^{_DOC_TYPES}$|^Call$")


def _after_headline_verb(span: Span) -> Span | None:
    """A headline's name after its verb ("US Sign Call to Action on AI" -> "Call to
    Action on AI"); None where what follows only describes a text ("To Sign First
    International Treaty On AI"): the words of a headline, not a name."""
    verb = None
    for token in span:
        if _DOC_TYPE_WORD.match(token.text):
            break
        if token.pos_ in ("VERB", "AUX") or token.lower_ in HEADLINE_VERBS:
            verb = token
    if verb is None:
        return span
    rest = span.doc[verb.i + 1 : span.end]
    if len(rest) < 2 or rest[0].lower_ in DESCRIBING_WORDS:
        return None
    return rest


# Words that say what a text is like, not what it is called.
DESCRIBING_WORDS = {"first", "new", "international", "global", "landmark", "historic", "major"}


def _titles_across_sentences(doc: Doc, source: Source) -> Iterator[Mention]:
    """A quoted title the parser split at its colon: "Titled 'Our Reef: United for
    Action', the declaration ..." is one title, read with both halves' words."""
    sents = list(doc.sents)
    whole = doc.text  # built from the tokens on every access: once here
    for sent, after in zip(sents, sents[1:], strict=False):
        cut = after.start_char - sent.start_char
        text = whole[sent.start_char : after.end_char]
        for match in _QUOTED.finditer(text):
            if not match.start(1) < cut < match.end(1):
                continue
            start = sent.start_char + match.start(1)
            span = doc.char_span(start, start + len(match.group(1)), alignment_mode="expand")
            if span is not None and len(span) >= 2:
                mention = _text_mention(source, span, "TITLE")
                mention.context.lemmas += [lemma(t) for t in after]
                yield mention


# Verbs whose "at X" is where an event happens: "held at Bharat Mandapam", "runs ... at
# the Nasrec Expo Centre", "gathered at Lancaster House".
VENUE_VERBS = {"hold", "host", "take", "run", "gather", "convene", "stage", "meet", "open",
               "begin", "start", "close", "end", "conclude", "assemble", "organise",
               "organize"}  # fmt: skip
NOT_VENUE_LABELS = {"GPE", "PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "EVENT"}


def _venues_by_parse(doc: Doc, source: Source) -> Iterator[Mention]:
    """A named place after 'at' on a verb of holding ('Held at Bharat Mandapam from
    February 16 to 21'): a venue the small model's NER does not tag as FAC."""
    for token in doc:
        prep = token.head
        if not (
            token.dep_ == "pobj"
            and token.pos_ == "PROPN"
            and prep.lower_ == "at"
            and lemma(prep.head) in VENUE_VERBS
            and token.ent_type_ not in NOT_VENUE_LABELS
            and token.ent_type_ != "FAC"
        ):
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([token.i, *(t.i for t in words)])
        span = doc[start : token.i + 1]
        text = span.text
        if names.is_city(text) or names.is_country(text):
            continue
        yield _text_mention(source, span, "FAC")


def _text_mention(source: Source, span: Span, label: str) -> Mention:
    surface = span.text.strip(" \"'“”‘’")
    if label == "CITY" and surface.isupper():
        surface = surface.title()  # a dateline's "DUBAI" is Dubai
    canonical = names.canonical_text(surface) if label == "TITLE" else names.canonical_name(surface)
    value = TextValue(surface=surface, text=canonical)
    context = _context(span, span.root)
    context.label = label
    return _mention(source, span, value, context)
