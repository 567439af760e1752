"""Purpose: what money is for ("to build data centres", "for research").

Takes a money value's root Token; returns the purpose or the kind of money as
text, or None.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from summit_facts.extract.common import (
    DESCRIBED_MONEY,
    DESTINATION_HEADS,
    EMPTY_ADJECTIVES,
    GROUP_HEADS,
    MONEY_NOUNS,
    PURPOSE_VERBS,
)
from summit_facts.models import TIME_NOUNS
from summit_facts.tokens import lemma


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
