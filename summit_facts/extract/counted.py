"""The noun a number counts: "60 countries", "the 30 of them", "dozens of leaders".

Takes a value's Span and root Token; returns the counted noun's words, or None.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

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
    if of_noun is not None and root.dep_ == "conj" and root.like_num:
        # "Sixteen countries and eight of the biggest firms": the second figure counts the
        # noun after its own "of", not the first figure's.
        return _noun_words(of_noun, span)
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
    leaders = _leaders_of(noun)
    if leaders is not None:
        return leaders.text
    return _noun_words(noun, span)


def _leaders_of(noun: Token) -> Token | None:
    """'Leaders of at least 16 African countries are expected': one leader a country,
    so the figure counts the leaders (not 'leaders from 30 nations', who may be many a
    country)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or noun.lemma_ not in ("country", "nation"):
        return None
    if any(c.dep_ in ("amod", "compound") and c.text.islower() for c in noun.lefts):
        return None  # "the leaders of eight invited countries": some of them, told apart
    head = prep.head
    return head if head.lower_ in ("leaders", "heads") and head.i < prep.i else None


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
