"""Agents: who acts on a value (who pays, pledges, hosts), read from the parse.

Takes a value's root Token and its chain of ancestors; returns the agent's name
as text, or None. Also turns entity tokens into names (`_entity_text`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from summit_facts import names
from summit_facts.extract.clauses import SAYING_LEMMAS, SELF_PRONOUNS
from summit_facts.extract.common import (
    GROUP_HEADS,
    MONEY_NOUNS,
    PAYER_NOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    _ent_at,
    _in_dateline,
)
from summit_facts.tokens import lemma


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


def _capitalised_modifiers(token: Token) -> list[Token]:
    """The capitalised compounds and adjectives before a noun, in order, with their own
    ("the new Current AI foundation": Current, AI; the parser hangs "Current" on "AI")."""
    out: list[Token] = []
    for t in token.lefts:
        if t.dep_ in ("compound", "amod") and t.text[:1].isupper():
            out += [*_capitalised_modifiers(t), t]
    return sorted(out, key=lambda t: t.i)
