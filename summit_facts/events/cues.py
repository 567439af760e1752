"""Parse time: the event phrase a value's clause is about.

Takes a value's Span and root Token; returns the `EventCue` kept on the mention's context
(`event_cue`), looking past dated things, hand-overs, elided events and meetings
held elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_facts import names
from summit_facts.events.event_tokens import is_event_token
from summit_facts.events.naming import _key_word
from summit_facts.events.phrases import _clause_of, _cue, _own_cue, _tense
from summit_facts.events.words import (
    _YEAR,
    COREFERENCE_CHARS,
    EVENT_HEADS,
    HOLDING_VERBS,
    NOT_GATHERINGS,
    SERIES_NAME,
    event_lemma,
    group_series,
    own_day,
)
from summit_facts.models import EventCue
from summit_facts.tokens import entity_at, lemma, tree_distance

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _modifies_other(token: Token) -> bool:
    """'the G20 Presidency', 'summit organisers': the event word only qualifies another
    noun, and the clause is about that noun ('took over the G20 Presidency in December')."""
    head = token.head
    return (
        token.dep_ in ("compound", "nmod")
        and head.i != token.i
        and head.pos_ in ("NOUN", "PROPN")
        and not is_event_token(head)
        and head.lower_ not in ("leaders", "leader", "ministerial")
        # "the AI Action Summit Paris 2025": the name goes on with its place
        and not (names.is_city(head.text) or names.is_country(head.text))
    )


_EVENT_TOKENS_KEY = "facts_event_tokens"


def _event_tokens(sent: Span) -> list[Token]:
    """The sentence's event nouns, worked out once per sentence (every value in it
    asks)."""
    cache = sent.doc.user_data.setdefault(_EVENT_TOKENS_KEY, {})
    found = cache.get(sent.start)
    if found is None:
        found = cache[sent.start] = [
            t.i for t in sent if is_event_token(t) and not _modifies_other(t)
        ]
    return [sent.doc[i] for i in found]


def event_cue(span: Span, root: Token) -> EventCue | None:
    """The event the clause holding `span` is about, or None when it names none.

    In order: the value inside an event's phrase ('the 2023 summit', 'the two-day
    meeting'); an event noun on the value's path to the root ('the summit, held on
    10-11 February'); an event noun among the arguments of the value's clause ('Brazil
    will host the third ocean summit on June 9-10'); else the nearest event noun in the
    sentence.
    """
    sent = span.sent
    events = [t for t in _event_tokens(sent) if not (span.start <= t.i < span.end)]
    handed = _handed_to(span, root)
    if handed is not None:
        return handed
    if not events:
        return (
            _elided(span, root)
            or _pronoun_event(span, root)
            or _met_elsewhere(span, root)
            or _possessed_by_name(root)
        )
    if _dates_a_thing(span, root):
        return None
    # Inside: the value modifies the event noun directly. "the three-day conference":
    # the value counts days of the conference, so the conference is the event.
    for tok in events:
        apposed = (tok.dep_ == "appos" and tok.head.i == root.i) or (
            span.end < len(span.doc)
            and span.doc[span.end].text == ","
            and tok.left_edge.i == span.end + 1
        )
        if apposed:
            # "On 6 September, the last day of the summit, ...": the value is that day.
            cue = _cue(tok, "inside", span)
            if own_day(cue.head, cue.modifiers):
                return cue
        if tok.lower_ in ("day", "days", "week") and root.head.i == tok.i:
            holder = tok.head
            if holder.i != tok.i and is_event_token(holder):
                return _cue(holder, "inside", span)
        if root.head.i == tok.i and root.dep_ in ("nummod", "amod", "compound", "npadvmod"):
            return _cue(tok, "inside", span)
        if any(t.head.i == tok.i for t in span) and root.i < tok.i and root.head.i == tok.i:
            return _cue(tok, "inside", span)
    # "Ramaphosa, who hosted the Johannesburg summit, pushed ...": the value's own
    # relative clause names the event it is about.
    own_clause = [
        t
        for child in root.children
        if child.dep_ in ("relcl", "acl")
        for t in child.subtree
        if t in events
    ]
    if own_clause:
        best = min(own_clause, key=lambda t: tree_distance(root, t))
        return _cue(best, "clause", span)
    ancestors = [a for a in root.ancestors if sent.start <= a.i < sent.end]
    # "after co-hosting this one with Kenya": "this one" is the event the article is about.
    verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
    this_one = verb is not None and any(
        c.dep_ == "dobj"
        and c.lower_ in ("one", "edition", "year's")
        and any(d.lower_ == "this" for d in c.children)
        for c in verb.children
    )
    if this_one and verb is not None:
        return EventCue(
            text="this one",
            head="summit",
            modifiers=["this"],
            link="clause",
            tense=_tense(verb),
        )
    for anc in ancestors:
        if is_event_token(anc):
            # "a pledging summit in Brussels on 25 June": no verb between the value and
            # the event, so the value is said of the event itself.
            between = [a for a in ancestors if a.i != anc.i and a in anc.subtree]
            if not any(a.pos_ in ("VERB", "AUX") for a in between):
                return _cue(anc, "inside", span)
            return _cue(anc, "path", span)
    trailing = _trailing_participle(ancestors, events)
    if trailing is not None:
        return _cue(trailing, "path", span)
    clause = _clause_of(root)
    in_clause = [
        t for t in events if _clause_of(t).i == clause.i or _clause_of(t.head).i == clause.i
    ]
    if not in_clause:
        # The subject of a verb up the value's path: "The summit, scheduled for
        # September 15-17, emerges ..." tells of the summit.
        for anc in ancestors:
            if anc.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
            for child in subjects:
                if child in events:
                    # "a science congress held before the conference is expected to
                    # bring together 2,000 experts": the subject, not what it qualifies.
                    in_clause.append(child)
                else:
                    in_clause.extend(t for t in child.subtree if t in events)
            if in_clause:
                break
            if anc.dep_ == "advcl" and subjects:
                # "The summit sought action even as countries prepare for talks in
                # August": an adverbial clause with a subject of its own is not the
                # main clause's event.
                break
    if in_clause:
        # "the Forum was more than one more conference": the predicate says what the
        # subject is; the subject is the event the clause tells of.
        in_clause = [t for t in in_clause if t.dep_ != "attr"] or in_clause
        best = min(in_clause, key=lambda t: (tree_distance(root, t), abs(t.i - span.start)))
        return _cue(best, "clause", span)
    # Only somewhere in the sentence: a war or a crisis the sentence names is what the
    # meeting is about, not an event the value could be of.
    gatherings = [t for t in events if event_lemma(t) not in NOT_GATHERINGS]
    if not gatherings:
        return None
    best = min(gatherings, key=lambda t: (tree_distance(root, t), abs(t.i - span.start)))
    return _cue(best, "sentence", span)


def _dates_a_thing(span: Span, root: Token) -> bool:
    """'grew out of a 2021 motion': a year qualifying a thing told with an article dates
    that thing, not any event of the sentence."""
    thing = root.head
    return (
        span.end - span.start == 1
        and _YEAR.match(root.text) is not None
        and root.dep_ in ("nummod", "compound", "amod")
        and thing.pos_ == "NOUN"
        and not is_event_token(thing)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in thing.children)
    )


def _trailing_participle(ancestors: list[Token], events: list[Token]) -> Token | None:
    """'... a topic at the summit, running from Feb. 15 to 16': the parser may hang a
    participle set off right after an event noun on the main verb, but it tells of
    that event."""
    for anc in ancestors:
        if anc.tag_ not in ("VBG", "VBN") or anc.dep_ not in ("advcl", "acl", "relcl"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
            return None  # a clause with a subject of its own
        if anc.i < 2 or anc.nbor(-1).text != ",":
            return None
        before = anc.nbor(-2)
        return before if before in events else None
    return None


HANDING_VERBS = {"hand", "pass", "transfer", "give", "cede"}
OFFICE_NOUNS = {"presidency", "chairmanship", "chair", "baton", "gavel", "helm"}


def _handed_to(span: Span, root: Token) -> EventCue | None:
    """'South Africa will hand the presidency over to the USA', 'the presidency passes
    to X': a series' presidency handed on goes to the host of its next edition (marked
    'handover', a next edition unless the recipient is the main event's own host)."""
    to = root.head
    if root.dep_ != "pobj" or to.lower_ != "to":
        return None
    verb = to.head
    if verb.dep_ in ("prt", "advmod") and verb.lower_ == "over":
        verb = verb.head
    if lemma(verb) not in HANDING_VERBS:
        return None
    office = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and lemma(c) in OFFICE_NOUNS
        ),
        None,
    )
    if office is None:
        return None
    sent = span.sent
    series = [
        n
        for t in sent
        if (
            n := group_series(t)
            or (t.lower_.replace("-", "") if SERIES_NAME.match(t.lower_) else None)
        )
    ]
    return EventCue(
        text=" ".join(t.text for t in office.subtree)[:200],
        head=lemma(office),
        modifiers=["next", "handover"],
        names=list(dict.fromkeys(series)),
        link="clause",
        tense=_tense(verb),
    )


# Words that stand for an event noun left out: "Two more have been held since",
# "another (was held) last year in Paris".
ELIDED = {"another", "more", "others", "both", "one", "two", "three", "four", "five"}


def _elided(span: Span, root: Token) -> EventCue | None:
    """'The first summit was held in 2023. Two more have been held since then, one in
    Seoul and another last year in Paris.': a sentence with no event noun whose subject
    stands for one left out ('two more', 'another') is about events of the kind the
    sentences before named, other editions of it (marked 'another'; 'plural' for more
    than one)."""
    sent = span.sent
    subject = next(
        (
            t
            for t in sent
            if t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ in ("NUM", "DET", "PRON", "ADJ")
            and t.lower_ in ELIDED
            and lemma(t.head) in HOLDING_VERBS
        ),
        None,
    )
    if subject is None:
        return None
    before = [
        t
        for t in sent.doc[max(0, sent.start - 200) : sent.start]
        if is_event_token(t)
        and (event_lemma(t) in EVENT_HEADS or SERIES_NAME.match(t.lower_))
        and not _modifies_other(t)
        and sent.start_char - t.idx <= COREFERENCE_CHARS
    ]
    if not before:
        return None
    antecedent = _own_cue(before[-1], "sentence", None)
    words = {subject.lower_, *(c.lower_ for c in subject.children)}
    modifiers = ["another"]
    if words & {"more", "others", "both", "two", "three", "four", "five"}:
        modifiers.append("plural")
    return antecedent.model_copy(
        update={
            "text": " ".join(t.text for t in subject.subtree)[:200],
            "modifiers": modifiers,
            "place": None,
            "year": None,
            "link": "clause",
            "tense": _tense(subject.head),
            "after_months": None,
            "next_year": False,
        }
    )


def _antecedent(sent: Span) -> Token | None:
    """The last series or event noun in the sentences just before `sent`."""
    before = [
        t
        for t in sent.doc[max(0, sent.start - 200) : sent.start]
        if is_event_token(t)
        and (event_lemma(t) in EVENT_HEADS or SERIES_NAME.match(t.lower_))
        and not _modifies_other(t)
        # "when it was still the G8": what the series was called, not what "it" is
        and t.dep_ != "attr"
        and sent.start_char - t.idx <= COREFERENCE_CHARS
    ]
    return before[-1] if before else None


# Verbs whose "it" is an event held: "it was held", "hosted it", "it took place".
PRONOUN_HOLDING = {"hold", "host", "stage", "convene", "organise", "organize", "take"}


def _it_held(verb: Token) -> bool:
    """'it was held', 'Canada hosted it', 'it took place' (never 'it hosted', whose "it"
    is a host, nor 'so it could not happen again')."""
    for child in verb.children:
        if child.lower_ != "it":
            continue
        if child.dep_ in ("nsubjpass", "dobj") and lemma(verb) != "take":
            return True
        if child.dep_ == "nsubj" and lemma(verb) == "take":
            return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return False


def _pronoun_event(span: Span, root: Token) -> EventCue | None:
    """'Earlier it was held in Venice (1980)', 'Canada last hosted it in Charlevoix in
    2018': in a sentence with no event noun, "it" held or hosted, on the value's path, is
    the event or series the sentences before named. Its place and year are the value's
    own to tell (an earlier edition of the series, when they differ)."""
    verb = next((a for a in (root, *root.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or lemma(verb) not in PRONOUN_HOLDING or not _it_held(verb):
        return None
    antecedent = _antecedent(span.sent)
    if antecedent is None:
        return None
    cue = _own_cue(antecedent, "sentence", None)
    return cue.model_copy(
        update={
            "text": "it",
            "modifiers": [m for m in cue.modifiers if m not in ("this",)],
            "place": None,
            "year": None,
            "link": "clause",
            "tense": _tense(verb),
            "after_months": None,
            "next_year": False,
        }
    )


def _possessed_by_name(root: Token) -> EventCue | None:
    """'68 countries' vice-ministerial level \'SDD\' on the 11th': a count in the
    possessive of a thing named by its own name (an acronym, a proper noun that is no
    place or person) is that thing's, another meeting when its name is not the main
    event's (its name words decide)."""
    noun = root.head if root.dep_ in ("nummod", "quantmod") else root
    if noun.dep_ != "poss" or noun.pos_ != "NOUN":
        return None
    owner = noun.head
    while owner.dep_ in ("nmod", "compound") and owner.head.i > owner.i:
        owner = owner.head
    if owner.pos_ != "PROPN" or owner.ent_type_ in ("GPE", "LOC", "PERSON", "NORP", "DATE"):
        return None
    name = [t for t in owner.subtree if t.pos_ == "PROPN"]
    words = [t.lower_ for t in name]
    if not words or not all(_key_word(w) for w in words):
        return None
    return EventCue(
        text=" ".join(t.text for t in name)[:200],
        head="meeting",
        names=words,
        link="clause",
        tense=_tense(owner),
    )


MEETING_VERBS = {"meet", "gather", "convene", "assemble"}


def _met_elsewhere(span: Span, root: Token) -> EventCue | None:
    """'Last week delegates from 60 countries met outside DC and chose five nations': a
    sentence with no event noun that tells of people meeting at a place is about that
    meeting (marked 'elsewhere'; the events stage tells whether the place is the main
    event's)."""
    for verb in span.sent:
        if lemma(verb) not in MEETING_VERBS or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ == "nsubj" and not is_event_token(c) for c in verb.children):
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            place = next(
                (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")),
                None,
            )
            if place is None:
                continue
            ent = entity_at(place)
            return EventCue(
                text=" ".join(t.text for t in (verb, prep, *place.subtree))[:200],
                head="meeting",
                modifiers=["elsewhere", prep.lower_],
                place=names.canonical_name(ent.text if ent is not None else place.text),
                link="clause" if verb in (root, *root.ancestors) else "sentence",
                tense=_tense(verb),
            )
    return None
