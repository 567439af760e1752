"""Clauses: a value's own clause, and what it says of the value.

Takes a value's Span (or its root Token); returns the clause's tokens and lemmas,
its Modality (asserted, hedged, planned), Polarity (negated or not) and Tense.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from summit_facts.dates import Tense
from summit_facts.extract.common import HEDGE_LEMMAS, MODAL_LEMMAS, NEGATION_LEMMAS, PLAN_LEMMAS
from summit_facts.models import Modality, Polarity
from summit_facts.tokens import lemma, sets_right


def _ancestors(token: Token, sent: Span) -> list[Token]:
    chain = []
    seen = {token.i}
    for anc in token.ancestors:
        if anc.i in seen or not (sent.start <= anc.i < sent.end):
            break
        seen.add(anc.i)
        chain.append(anc)
    return chain


# Words that take a part of a whole with "of": "one of the 93 states", "most of the".
PART_WORDS = {"one", "each", "all", "some", "most", "many", "none", "few", "half", "every",
              "majority", "rest", "several"}  # fmt: skip


def _partitive_of(root: Token) -> Token | None:
    """The 'of' that makes a value the whole a part is taken from: 'not every one of the
    93 states signed', 'Of the 90 or so countries represented, only 84 signed', '49 of
    the 55 member states'. What the sentence says of the part (signed, did not sign) is
    not said of the whole. None when the value is no such whole."""
    noun = root.head if root.dep_ in ("nummod", "quantmod", "amod") else root
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.i == noun.i:
        return None
    part = of.head
    if part.pos_ == "NUM" or part.lower_ in PART_WORDS:
        return of
    # "Of the 90 countries, only 84 signed": a fronted 'of' on the verb whose subject is
    # a number.
    fronted = of.i == of.sent.start and part.pos_ in ("VERB", "AUX")
    subject = next((c for c in part.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if fronted and subject is not None and (subject.pos_ == "NUM" or subject.lower_ in PART_WORDS):
        return of
    return None


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
    if _partitive_of(span.root) is not None:
        return "affirmed"  # "Not every one of the 93 states signed": all 93 took part
    if any(c.dep_ == "neg" for c in span.root.children):
        return "negated"
    if (
        _says_it_will_not(span.root)
        or _among_those_not(span.root)
        or _but_not(span.root)
        or _declining_to(span.root)
    ):
        return "negated"
    if sets_right([t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]):
        return "negated"  # "EUR 40 billion, not the EUR 50 billion some outlets reported"
    listed_in = _listed_in(span.root)
    if listed_in is not None:
        # "30 countries, including China, did not endorse": China is one of the 30.
        return _polarity(span.doc[listed_in.i : listed_in.i + 1])
    clause = [t for t in _clause_tokens(span) if t.i < span.start or t.i >= span.end]
    lemmas = {
        lemma(t)
        for t in clause
        if not (t.dep_ == "neg" and t.head.pos_ in ("NOUN", "PROPN")) and not _never_before(t)
    }
    # "Russia is distancing itself from the consensus": leaving it, not joining it.
    distancing = any(t.pos_ == "VERB" and lemma(t) in DISTANCING_VERBS for t in clause)
    return "negated" if lemmas & NEGATION_LEMMAS or distancing else "affirmed"


DISTANCING_VERBS = {"distance", "dissociate", "disassociate"}


def _never_before(token: Token) -> bool:
    """'X has never before hosted a summit of this size': the first time it does so,
    which it now does."""
    doc = token.doc
    return (
        token.lower_ == "never" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "before"
    )


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
    be = root.head
    for prep in be.children:
        if prep.dep_ == "prep" and lemma(prep) == "among":
            for group in prep.children:
                for clause in group.children:
                    if clause.dep_ in ("relcl", "acl") and _not_doing(clause):
                        return True
    # "Among the countries missing from the list of signatories are X": the parser may
    # take the participle for the verb and "are" for its auxiliary.
    verb = be.head
    return (
        be.dep_ in ("aux", "auxpass")
        and _not_doing(verb)
        and any(c.dep_ == "prep" and lemma(c) == "among" for c in verb.children)
    )


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


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above `token` (its clause's)."""
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


# Verbs by which a subject's statement or act says it will not do something: "issued a
# statement declining to join the pledge", "walked out, refusing to sign".
DECLINING_LEMMAS = {"decline", "refuse"}


def _declining_to(root: Token) -> bool:
    """'The US issued a statement declining to join the pledge': the subject's own
    statement (or act) declines the act the participle names."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    return any(
        t.dep_ in ("acl", "advcl", "xcomp")
        and lemma(t) in DECLINING_LEMMAS
        and any(c.dep_ == "xcomp" for c in t.children)
        for t in near
    )


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
        # "said that it was not in a position to join": the "not" may hang on a word of
        # the phrase the clause's verb takes, not on the verb.
        negated = any(t.dep_ == "neg" and _verb_of(t) == clause for t in clause.subtree) or lemma(
            clause
        ) in (NEGATION_LEMMAS - {"not", "no", "n't", "never"})
        if said_of_itself and negated:
            return True
    return False


SAYING_LEMMAS = {"say", "announce", "confirm", "insist", "state", "tell", "explain", "add"}
