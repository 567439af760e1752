"""Events: which event each value is about (DESIGN.md, "Events: what each value is about").

Articles about one event also tell of others: the previous and the next edition,
a summit in another city, a bilateral meeting, a dinner, a side event. A value
belongs to the event its clause is about, not to whichever event word is nearest.

Two halves:

- At parse time (`event_cue`, needs a spaCy parse): the event phrase a value's
  clause is about, kept on the mention's context as an `EventCue`.
- At filing time (`find_main_event`, `assign_roles`, pure Python on stored
  mentions): the corpus's main event (the one most documents are about, with its
  name, city, year and dates), then each mention's role: `main`, `part`,
  `previous`, `next` or `other`. Year-less dates in undated sources take the main
  event's year here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from summit_facts import names
from summit_facts.dates import UNDATED_ANCHOR
from summit_facts.models import (
    CountValue,
    DateValue,
    EntitiesValue,
    EventCue,
    EventLink,
    EventRef,
    EventRole,
    MainEvent,
    Mention,
    Source,
    TextValue,
)
from summit_facts.tokens import lemma, tree_distance

Tense = Literal["past", "present", "future"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns that name an event of the kind the tool reports on, and nouns that name a
# part of one or a different kind of meeting. Lemmas, lower case.
EVENT_HEADS = {
    "summit", "conference", "forum", "congress", "symposium", "meeting", "gathering",
    "convention", "expo", "talks", "replenishment", "edition", "cop", "unoc", "g20", "g7",
    "ministerial", "event",
}  # fmt: skip
PART_HEADS = {
    "day", "session", "workshop", "reception", "dinner", "lunch", "breakfast", "banquet",
    "ceremony", "panel", "roundtable", "hackathon", "festival", "weekend", "week",
    "exhibition", "segment", "plenary", "opening", "closing", "programme", "program",
    "track", "pavilion", "showcase", "gala", "discussion", "debate", "negotiation",
}  # fmt: skip
OTHER_HEADS = {
    "visit", "trip", "call", "election", "war", "crisis", "tour", "briefing", "interview",
    "hearing", "rally", "protest",
}  # fmt: skip
# Heads that reports use in turn for one event ("the summit", "the conference").
PEER_HEADS = {"summit", "conference"}
# Words that make a meeting another one: two leaders' talks, a bilateral.
OTHER_WORDS = {"bilateral", "two leaders", "state visit", "one-on-one", "tête-à-tête"}
PRIOR_WORDS = {
    "previous", "prior", "earlier", "last", "past", "predecessor", "preceding",
    "former", "original",
}  # fmt: skip
NEXT_WORDS = {"next", "following", "subsequent", "future", "successor", "later", "follow-up"}
# "last weekend's summit", "next week's meeting": a date, not another edition. (A year is
# one: "last year's summit" is the previous edition.)
TIME_UNITS = {
    "week", "weekend", "month", "day", "night", "morning", "evening", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# "first" and "second" mark an earlier edition only with another edition's place or
# year: "the first AI summit in the Global South" is this one.
ORDINALS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "inaugural",
}  # fmt: skip
SERIES_NAME = re.compile(r"^(?:g-?\d{1,2}|cop-?\d{1,2}|unoc\d?|brics|asean|apec|nato|chogm)$")
GENERIC_NAME_WORDS = {
    "the", "a", "an", "of", "on", "for", "and", "in", "at", "&", "annual", "global",
    "international", "world", "leaders", "leader", "high-level", "level", "high", "'s", "’s",
    "this", "that", "year", "'", "-",
}  # fmt: skip
# Event nouns that name no particular event ("the summit"); series names (G20, COP30)
# do.
GENERIC_HEADS = (EVENT_HEADS | PART_HEADS) - {"g20", "g7", "cop", "unoc"}
# A numbered edition: COP30 follows COP29, UNOC3 UNOC2. (One letter and a number, G7
# and G20, name two groups, not two editions.)
EDITION = re.compile(r"^([a-z]{2,})(\d{1,3})$")
# A series word and a number, whatever its length: "cop30", "cop-30", "g20". Its word
# names the series ("COP" of "COP30").
NUMBERED = re.compile(r"^([a-z]+)-?(\d{1,3})$")


def series_of(words: Iterable[str]) -> set[str]:
    """The series words of the numbered names among `words` ('cop30' -> 'cop')."""
    return {m.group(1) for w in words if (m := NUMBERED.match(w)) is not None}


_YEAR = re.compile(r"^(19|20)\d\d$")
HAS_YEAR = re.compile(r"\b(19|20)\d\d\b")


# ---------------------------------------------------------------- parse time


def event_lemma(token: Token) -> str:
    """The lemma of an event noun: 'talks' stays 'talks' (the climate talks are one
    event, not several talks), others as `lemma`."""
    low = token.lower_
    return low if low == "talks" and token.pos_ == "NOUN" else lemma(token)


GROUP_NUMBERS = {"seven": 7, "eight": 8, "twenty": 20}


def group_series(token: Token) -> str | None:
    """'the Group of 20', 'the Group of Seven': the series G20, G7, as its numbered name."""
    if token.lower_ != "group" or token.pos_ != "PROPN":
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for number in prep.children:
                low = number.lower_
                count = int(low) if low.isdigit() else GROUP_NUMBERS.get(low)
                if number.dep_ == "pobj" and count is not None and count < 100:
                    return f"g{count}"
    return None


# "next week", "last day", "this weekend": times, not parts of the programme.
TIME_DEIXIS = {"next", "last", "this", "past", "coming", "previous", "following", "same", "whole"}


_IS_EVENT_KEY = "facts_is_event_token"


def is_event_token(token: Token) -> bool:
    """An event noun ('summit', 'dinner'), a series name ('G20', 'COP30') or the head of
    an EVENT entity. Worked out once per token (every value's cue asks)."""
    cache = token.doc.user_data.setdefault(_IS_EVENT_KEY, {})
    found = cache.get(token.i)
    if found is None:
        found = cache[token.i] = _is_event_token(token)
    return bool(found)


def _is_event_token(token: Token) -> bool:
    low = token.lower_
    lem = lemma(token)
    if lem in ("day", "week", "weekend", "night"):
        # "the second day", "Science Days", "AI Action Week" are parts of the programme;
        # "this week", "over five days" are times.
        return (
            any(
                (c.dep_ in ("compound", "amod") and c.lower_ not in TIME_DEIXIS)
                or (c.dep_ == "nummod" and not c.like_num)
                for c in token.lefts
            )
            or token.pos_ == "PROPN"
        )
    kinds = EVENT_HEADS | PART_HEADS | OTHER_HEADS
    if lem == "convention" and _conventions_are_texts(token.doc):
        return False
    if lem == "opening" and any(
        c.dep_ == "prep" and any(lemma(o) == "signature" for o in c.children)
        for c in token.children
    ):
        return False  # "the opening for signature": the signing itself, not a part of it
    if (
        lem in TALK_NOUNS
        and not any(c.dep_ == "compound" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ in ("on", "about", "over") for c in token.children)
    ):
        # "the continuing debate on what AI means": talk about a subject, not a session
        # ("a panel discussion on AI" is one).
        return False
    if token.pos_ in ("NOUN", "PROPN") and event_lemma(token) in kinds:
        # "the Call to Action": an outcome text, not a phone call
        nxt = token.doc[token.i + 1 : token.i + 3]
        return not (low == "call" and [t.lower_ for t in nxt] == ["to", "action"])
    if group_series(token) is not None:
        return True  # "receives the Group of 20 at his resort"
    if SERIES_NAME.match(low):
        # "the G20 summit" is an event; "the G20 presidency", "G20 members" are not.
        head = token.head
        modifies = head.i > token.i and head.pos_ in ("NOUN", "PROPN")
        return not (modifies and event_lemma(head) not in EVENT_HEADS | PART_HEADS)
    return token.ent_type_ == "EVENT" and token.ent_iob_ != "" and token.dep_ != "compound"


# What is done to a text ("signed the convention", "the draft of the convention"), never
# to a gathering.
TEXT_VERBS = {
    "sign", "adopt", "ratify", "draft", "complete", "negotiate", "endorse", "approve",
    "implement", "accede", "join", "amend", "open",
}  # fmt: skip
TEXT_NOUNS = {
    "draft", "text", "signature", "signatory", "party", "ratification", "article", "drafting",
    "provision", "adoption",
}  # fmt: skip


def _conventions_are_texts(doc: Doc) -> bool:
    """Whether a document's 'convention' is a treaty: once one of its conventions is
    signed, adopted or drafted, 'the AI Convention' elsewhere in it is that text too."""
    cached = doc.user_data.get(_CONVENTION_KEY)
    if cached is None:
        cached = doc.user_data[_CONVENTION_KEY] = any(
            lemma(t) == "convention" and _a_text(t) for t in doc
        )
    return bool(cached)


_CONVENTION_KEY = "facts_conventions_are_texts"
TALK_NOUNS = {"debate", "discussion", "negotiation"}


def _a_text(token: Token) -> bool:
    """'the AI convention, adopted in May', 'signed the framework convention': a
    convention that is signed, adopted or drafted is a treaty, not a gathering."""
    if any(lemma(c) == "framework" for c in token.lefts):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("of", "to"):
        head = head.head
        return lemma(head) in TEXT_NOUNS | TEXT_VERBS
    if token.dep_ in ("dobj", "nsubjpass") and lemma(head) in TEXT_VERBS:
        return True
    return any(c.dep_ in ("acl", "relcl") and lemma(c) in TEXT_VERBS for c in token.children)


def _phrase(head: Token) -> list[Token]:
    """The event's noun phrase: left modifiers and 'in/at/on/of' complements."""
    words = [t for t in head.lefts for t in t.subtree if t.dep_ not in ("punct",)]
    words.append(head)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on", "of", "for"):
            words.append(child)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    # The object and its modifiers, not what is coordinated with it
                    # ("the summit of 2023 and subsequent initiatives").
                    words.extend(t for left in obj.lefts for t in left.subtree)
                    words.append(obj)
        elif child.dep_ in ("compound", "nummod", "appos") and child.i == head.i + 1:
            words.extend(t for t in child.subtree)
    words.extend(_place_after(head))
    return sorted({t.i: t for t in words}.values(), key=lambda t: t.i)


def _place_after(head: Token) -> list[Token]:
    """'75 leaders went to COP29 in Azerbaijan': the parser hangs 'in Azerbaijan' on the
    verb, but a place written right after the event noun is where that event was held."""
    prep = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if prep is None or prep.lower_ not in ("in", "at") or prep.head.i == head.i:
        return []
    if prep.dep_ != "prep" or not any(a.i == prep.head.i for a in head.ancestors):
        return []
    place = [t for t in prep.children if t.dep_ == "pobj" and t.ent_type_ in ("GPE", "FAC", "LOC")]
    if not place:
        return []
    return [prep, *(t for left in place[0].lefts for t in left.subtree), place[0]]


def _attended_by_person(head: Token) -> bool:
    """The event is what a person travels to or attends ('for the summit', 'to attend
    the summit'), so the clause's dates are that person's, not the event's."""
    link = head.head
    if link.lower_ == "for":
        verb = link.head
    elif lemma(link) in ("attend", "join") and head.dep_ == "dobj":
        verb = link.head if link.dep_ in ("xcomp", "advcl") else link
    elif link.lower_ == "in" and lemma(link.head) in ("take", "participate"):
        # "Modi ... will take part in the G7 summit on May 20-21"
        verb = link.head
    else:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "conj":
        # "Modi is due to arrive on May 19 and will take part in the summit on May 20-21"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.ent_type_ == "PERSON"


# Verbs of intent: what they propose or plan is still to come.
INTENT_VERBS = {
    "propose", "plan", "offer", "bid", "intend", "aim", "hope", "want", "seek", "agree",
    "decide", "expect", "prepare", "vote", "choose", "pledge", "promise",
}  # fmt: skip


def _tense(token: Token) -> Tense | None:
    """Tense of the clause that tells of the event: future for will/shall/to be held."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if (
        verb.tag_ in ("VBG", "VB")
        and verb.dep_ in ("xcomp", "ccomp", "dobj")
        and lemma(verb.head) in INTENT_VERBS
    ):
        return "future"  # "Turkey proposed holding the talks in X", "plans to host it"
    if any(a in ("will", "shall", "'ll") for a in aux) or (
        verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children)
    ):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a in ("was", "were", "had") for a in aux):
        return "past"
    return "present"


def _cue(head: Token, link: EventLink, value: Span | None) -> EventCue:
    cue = _own_cue(head, link, value)
    this = any(c.lower_ in ("this", "this year's") for c in head.lefts) or "this" in cue.modifiers
    if value is not None and not (cue.names or cue.place or cue.year or this or _marked(cue)):
        # Only a name carries over: "the Forum" after "the Blue Economy and Finance
        # Forum". An earlier edition told by its place or year ("the Bletchley Park
        # summit of 2023") does not make a later "the summit" that edition.
        earlier = _named_before(head, cue.head)
        if earlier is not None and earlier.names:
            cue = cue.model_copy(update={"names": earlier.names})
    return cue


def _own_cue(head: Token, link: EventLink, value: Span | None) -> EventCue:
    phrase = _phrase(head)
    if value is not None and (link != "inside" or value.root.dep_ == "pobj"):
        # The value itself is never part of the event's name.
        phrase = [t for t in phrase if not (value.start <= t.i < value.end)]
    modifiers: list[str] = []
    name_words: list[str] = []
    numbered: set[int] = set()  # numbers that are part of an edition's name
    place: str | None = None
    year: int | None = None
    # "the summit in the Amazon city of Belem": a complement of place or time tells
    # where or when, its proper nouns do not name the event.
    where = {
        t.i
        for child in head.rights
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on")
        for t in child.subtree
    }
    for tok in phrase:
        lem = lemma(tok)
        if _YEAR.match(tok.text) and tok.i != head.i:
            year = int(tok.text)
            continue
        # "the G7 summit": the tagger may take a series for a place; it names the event.
        in_place_entity = tok.ent_type_ in ("GPE", "FAC", "LOC") and not SERIES_NAME.match(
            tok.lower_
        )
        if tok.pos_ == "PROPN" and (in_place_entity or names.is_city(tok.text)):
            # "the Paris AI Action Summit": a city opening a name the tagger took whole.
            ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
            text = ent.text if ent is not None and in_place_entity else tok.text
            if place is None and (names.is_city(text) or tok.ent_type_ == "FAC"):
                place = names.canonical_name(text)
            elif place is None and names.is_region(text):
                modifiers.append(names.canonical_name(text).lower())
            continue
        if value is not None and value.start <= tok.i < value.end:
            continue  # "the Nov 22-23 summit": the value dates the event, it does not name it
        acronym = tok.is_upper and tok.is_alpha and len(tok) >= 2  # TFFF, UNOC, WEF
        if (
            tok.pos_ == "PROPN"
            or acronym
            or SERIES_NAME.match(tok.lower_)
            or (tok.is_title and tok.i != phrase[0].i and tok.pos_ in ("NOUN", "ADJ"))
        ):
            # The head is what the event is ("the Forum"), not a word of its name.
            if lem not in GENERIC_NAME_WORDS and tok.i not in where and tok.i != head.i:
                word = tok.lower_.replace("-", "")  # G-20 is G20
                number = tok.nbor() if tok.i + 1 < len(tok.doc) else None
                if (
                    number is not None
                    and tok.is_alpha
                    and number.text.isdigit()
                    and len(number.text) <= 3
                    and number in phrase
                ):
                    # "the UN Cop 30 climate talks": the edition COP30.
                    word = f"{word}{number.text}"
                    numbered.add(number.i)
                name_words.append(word)
            continue
        if tok.i in numbered:
            continue
        if tok.i != head.i and tok.pos_ in ("ADJ", "NUM", "NOUN", "ADV", "VERB"):
            nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
            if (
                lem in ("last", "next", "this", "past")
                and nxt is not None
                and (lemma(nxt) in TIME_UNITS)
            ):
                continue  # "last weekend's summit" is told by its date, not its edition
            if lem in TIME_UNITS:
                continue
            if lem == "follow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                lem = "follow-up"  # "a follow-up meeting": a later one
            modifiers.append(lem)
    if place is None:
        place = _held_at(head)
    head_lemma = event_lemma(head)
    # "will be preceded by a summit of leaders", "ahead of the conference": an event told
    # as coming before another is a part of the programme or another event.
    by = head.head
    if by.lower_ == "by" and lemma(by.head) == "precede":
        modifiers.append("prelude")
    # "a science congress held before the conference", "a forum staged ahead of it".
    for acl in (c for c in head.children if c.dep_ == "acl"):
        if any(
            p.dep_ in ("prep", "advmod") and p.lower_ in ("before", "ahead") for p in acl.children
        ):
            modifiers.append("prelude")
    if (
        head_lemma == "talks"
        and not name_words
        and any(
            c.dep_ == "prep" and c.lower_ in ("on", "over", "about", "with", "between")
            for c in head.children
        )
    ):
        # "hard talks on deep-sea mining", "talks with Xi": negotiations on a subject or
        # between parties, not an edition of the series.
        modifiers.append("bilateral")
    if _attended_by_person(head):
        modifiers.append("attended")  # "Modi will be in X from 21 to 23 for the summit"
    plural = head.tag_ in ("NNS", "NNPS") and head_lemma != "talks"
    if plural and not SERIES_NAME.match(head.lower_):
        modifiers.append("plural")  # "the two summits that followed": not one event
    if SERIES_NAME.match(head.lower_):
        name_words.append(head.lower_.replace("-", ""))
    group = group_series(head)
    if group is not None:
        name_words.append(group)
        numbers = {t.text for p in head.children if p.lower_ == "of" for t in p.children}
        modifiers = [m for m in modifiers if m not in numbers]
    number = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if (
        number is not None
        and head.pos_ == "PROPN"
        and head.is_alpha
        and number.text.isdigit()
        and len(number.text) <= 3
    ):
        # "COP 28" is the edition COP28, as the series writes it without the space.
        name_words.append(f"{head.lower_}{number.text}")
        modifiers = [m for m in modifiers if m != number.text]
    after_months, next_year = _told_after(head)
    return EventCue(
        after_months=after_months,
        next_year=next_year,
        text=" ".join(t.text for t in phrase)[:200],
        head=head_lemma,
        modifiers=modifiers,
        names=list(dict.fromkeys(name_words)),
        place=place,
        year=year,
        link=link,
        tense=_tense(head),
    )


PERIOD_MONTHS = {"month": 1, "year": 12}


def _told_after(head: Token) -> tuple[int | None, bool]:
    """A time after the source's date that the event's clause tells it by: 'will co-host
    a summit in six months' (6), 'in a year' or 'within a year' (12), 'in two years'
    time' (24); and whether it says 'next year'. Only a clause in the future or present
    tells of a time to come."""
    if _tense(head) == "past":
        return None, False
    verb = _clause_of(head)
    months: int | None = None
    next_year = False
    for child in _own_clause(verb):
        if child.dep_ == "npadvmod" and lemma(child) == "year":
            # "... receives the group at his resort next year"
            next_year = next_year or any(lemma(c) == "next" for c in child.children)
        if child.dep_ != "prep" or child.lower_ not in ("in", "within"):
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            unit = obj
            if lemma(obj) == "time":  # "in two years' time"
                unit = next((c for c in obj.children if c.dep_ == "poss"), obj)
            per = PERIOD_MONTHS.get(lemma(unit))
            if per is None:
                continue
            count = _count_of(unit)
            if count is not None:
                months = count * per
    return months, next_year


CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "acl", "conj", "parataxis", "csubj", "xcomp"}


def _own_clause(verb: Token) -> list[Token]:
    """The words of a clause, not those of the clauses it holds ('..., and Chile will
    host the next one in a year' is another clause)."""
    out: list[Token] = []
    todo = list(verb.children)
    while todo:
        tok = todo.pop()
        if tok.dep_ in CLAUSE_DEPS:
            continue
        out.append(tok)
        todo.extend(tok.children)
    return out


def _count_of(unit: Token) -> int | None:
    """How many of a unit of time: 'six months' 6, 'a year' 1, '18 months' 18; None for
    'the year', 'months'."""
    for child in unit.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an"):
            return 1
        if child.dep_ == "nummod":
            if child.text.isdigit():
                return int(child.text)
            words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                     "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                     "eighteen": 18}  # fmt: skip
            return words.get(child.lower_)
    return None


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


def _clause_of(token: Token) -> Token:
    """The verb heading the clause a token stands in (or the sentence root)."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


_NAMED_KEY = "facts_named_events"


def _named_before(token: Token, lemma: str) -> EventCue | None:
    """The last event of this kind the document named before `token` ('the Blue Economy
    and Finance Forum' for a later 'the Forum'), within COREFERENCE_CHARS."""
    doc = token.doc
    named = doc.user_data.get(_NAMED_KEY)
    if named is None:
        named = []
        for tok in doc:
            if is_event_token(tok) and tok.dep_ != "compound":
                cue = _cue(tok, "sentence", None)
                if cue.names or cue.place:
                    named.append((tok.i, tok.idx, cue))
        doc.user_data[_NAMED_KEY] = named
    found = None
    for i, at, cue in named:
        if i >= token.i:
            break
        if cue.head == lemma and token.idx - at <= COREFERENCE_CHARS:
            found = cue
    return found


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


# Participles that tell where an event was held: "the first summit, held in Accra".
HELD_PARTICIPLES = {"hold", "host", "stage", "convene", "organise", "organize"}


def _held_at(head: Token) -> str | None:
    """The city a participle on the event noun places it in: 'The first summit, held in
    Accra last year, drew 35 countries' -> Accra."""
    for acl in head.children:
        if acl.dep_ != "acl" or lemma(acl) not in HELD_PARTICIPLES:
            continue
        for prep in acl.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for tok in prep.subtree:
                if tok.pos_ == "PROPN" and names.is_city(tok.text):
                    return names.canonical_name(tok.text)
    return None


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
        return _elided(span, root) or _met_elsewhere(span, root) or _possessed_by_name(root)
    if _dates_a_thing(span, root):
        return None
    # Inside: the value modifies the event noun directly. "the three-day conference":
    # the value counts days of the conference, so the conference is the event.
    for tok in events:
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
    best = min(events, key=lambda t: (tree_distance(root, t), abs(t.i - span.start)))
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
            ent = next((e for e in span.sent.ents if e.start <= place.i < e.end), None)
            return EventCue(
                text=" ".join(t.text for t in (verb, prep, *place.subtree))[:200],
                head="meeting",
                modifiers=["elsewhere", prep.lower_],
                place=names.canonical_name(ent.text if ent is not None else place.text),
                link="clause" if verb in (root, *root.ancestors) else "sentence",
                tense=_tense(verb),
            )
    return None


# ---------------------------------------------------------------- the main event


def _key_words(cue: EventCue) -> list[str]:
    """Name words that tell one event from another: not 'summit', not a city, not a year."""
    return [w for w in cue.names if _key_word(w)]


@lru_cache(maxsize=4096)
def _key_word(word: str) -> bool:
    return (
        word not in GENERIC_NAME_WORDS | GENERIC_HEADS
        and not _YEAR.match(word)
        and not names.is_city(word)
        and not names.is_country(word)
    )


def _shares_name(words: set[str], key: set[str]) -> bool:
    """Whether a cue's name words and the main event's key share a word, a series word
    counting for any of its numbered editions ('COP' and 'COP30')."""
    return bool(words & key or words & series_of(key) or key & series_of(words))


def _marked(cue: EventCue) -> bool:
    """The cue itself says it is another edition or another kind of meeting."""
    mods = set(cue.modifiers)
    return (
        bool(
            mods
            & (
                PRIOR_WORDS
                | NEXT_WORDS
                | {"plural", "bilateral", "prelude", "another", "elsewhere"}
            )
        )
        or cue.head in PART_HEADS | OTHER_HEADS
    )


def _told_to_come(cue: EventCue) -> bool:
    """'When X receives the Group of 20 at his resort next year', 'a summit in six
    months': an event told by a time a year or months on names no event reported on."""
    return cue.tense != "past" and (
        cue.next_year or (cue.after_months is not None and cue.after_months >= 2)
    )


def find_main_event(
    mentions_by_doc: Mapping[str, Sequence[Mention]], sources: Mapping[str, Source]
) -> MainEvent | None:
    """The event most documents are about: its name words, city, year and dates.

    Name words come from unmarked event phrases (no 'previous', 'next', no dinner or
    session), counted once per document; the city and the dates from the mentions
    whose clause is about an event carrying those words (or an unnamed 'the summit').
    """
    word_docs: Counter[str] = Counter()
    word_told: Counter[str] = Counter()  # every sentence that tells a word, for ties
    word_years: dict[str, Counter[int]] = {}  # the published years of its documents
    names_seen: Counter[str] = Counter()
    together: dict[str, Counter[str]] = {}  # word -> documents naming it with each other word
    doc_names: dict[str, Counter[str]] = {}
    doc_words: dict[str, set[str]] = {}
    for doc_id, mentions in mentions_by_doc.items():
        words: set[str] = set()
        pairs: set[tuple[str, str]] = set()
        told: set[tuple[int, str]] = set()  # (sentence, word): a sentence of values counts once
        for mention in mentions:
            cue = mention.context.event
            if cue is None or _marked(cue) or _told_to_come(cue):
                continue
            key = _key_words(cue)
            words.update(key)
            told.update((mention.evidence.start, w) for w in key)
            pairs.update((a, b) for a in key for b in key if a != b)
            if key:
                names_seen[_display_name(cue.text)] += 1
                doc_names.setdefault(doc_id, Counter())[_display_name(cue.text)] += 1
        word_docs.update(words)
        doc_words[doc_id] = words
        word_told.update(w for _, w in told)
        for a, b in pairs:
            together.setdefault(a, Counter())[b] += 1
        doc_published = sources[doc_id].published if doc_id in sources else None
        if doc_published is not None:
            for word in words:
                word_years.setdefault(word, Counter())[doc_published.year] += 1
    n_docs = len(mentions_by_doc)
    if not n_docs:
        return None
    # The most common name word; between equals, the one whose documents were published
    # in the corpus's usual year (a G7 report of 2023 among G20 reports of 2025), then
    # the one told more often.
    published_years = Counter(s.published.year for s in sources.values() if s.published)
    usual = published_years.most_common(1)[0][0] if published_years else None
    top_word, top = (
        max(
            word_docs.items(),
            key=lambda item: (
                item[1],
                word_years.get(item[0], Counter())[usual] if usual else 0,
                word_told[item[0]],
                item[0],  # a last tie-break: the same word in every run
            ),
        )
        if word_docs
        else ("", 0)
    )
    # Words about as common as the most common one and told in one name with it: "ai"
    # and "impact" both, when sources say "the AI Impact Summit"; not the name of
    # another event in the same folder. A word in one document of ten is noise.
    key = (
        sorted(
            w
            for w, n in word_docs.items()
            if n >= max(2, 0.5 * top)
            and (w == top_word or together.get(top_word, Counter())[w] >= max(1, 0.5 * n))
        )
        if top
        else []
    )
    main = MainEvent(key=key, documents=0)
    cities: Counter[str] = Counter()
    bounds: dict[str, list[tuple[str, date]]] = defaultdict(list)  # opening / closing days
    # Per document: its cities, the year it states most, the day ranges it gives.
    told_in: dict[str, tuple[set[str], int | None, Counter[tuple[date, date]]]] = {}
    docs_about = 0
    for doc_id, mentions in mentions_by_doc.items():
        if key and _names_only_others(mentions, key):
            continue  # a report on another event in the same folder
        about = False
        doc_cities: set[str] = set()
        doc_years: Counter[int] = Counter()
        dates: Counter[tuple[date, date]] = Counter()
        for mention in mentions:
            cue = mention.context.event
            if mention.context.dateline and isinstance(mention.value, TextValue):
                if mention.context.label == "CITY":
                    doc_cities.add(mention.value.text)
                continue
            if cue is None or _marked(cue) or not _fits(cue, key, None, None):
                continue
            about = True
            if cue.place and names.is_city(cue.place):
                doc_cities.add(cue.place)
            if isinstance(mention.value, TextValue) and mention.context.label == "CITY":
                doc_cities.add(mention.value.text)
            if (
                isinstance(mention.value, DateValue)
                and cue.link != "sentence"
                and mention.value.start.year >= 100  # not a placeholder year
                and "attended" not in cue.modifiers  # a person's days at the event
            ):
                value = mention.value
                if value.precision == "day":
                    dates[(value.start, value.end)] += 1
                    if value.start == value.end and mention.context.governor in OPENING:
                        bounds[doc_id].append(("start", value.start))
                    elif value.start == value.end and mention.context.governor in CLOSING:
                        bounds[doc_id].append(("end", value.start))
                if HAS_YEAR.search(value.surface) and value.precision != "year":
                    doc_years[value.start.year] += 2
            if cue.year:
                doc_years[cue.year] += 1
        cities.update(sorted(doc_cities))  # sorted: ties go the same way in every run
        docs_about += about
        source = sources.get(doc_id)
        if about and source is not None and source.published is not None:
            doc_years[source.published.year] += 1
        # One vote per document: the year it states most.
        told_in[doc_id] = (doc_cities, doc_years.most_common(1)[0][0] if doc_years else None, dates)
    main.documents = docs_about
    if cities:
        main.city = cities.most_common(1)[0][0]
    # Two events of one series in one folder (two AI summits a year apart): the name,
    # year and dates are those of the documents held in the main city, or in none.
    held = {
        doc_id
        for doc_id, (doc_cities, _, _) in told_in.items()
        if not main.city or not doc_cities or any(same_place(c, main.city) for c in doc_cities)
    }
    if main.city:
        # Name words only the documents held elsewhere use: another event of the series.
        ours = {
            w
            for doc_id, (doc_cities, _, _) in told_in.items()
            if any(same_place(c, main.city) for c in doc_cities)
            for w in doc_words.get(doc_id, set())
        }
        theirs = {
            w
            for doc_id, (doc_cities, _, _) in told_in.items()
            if doc_id not in held
            for w in doc_words.get(doc_id, set())
        }
        main.others = sorted(theirs - ours - set(key))
    years: Counter[int] = Counter(
        year for doc_id, (_, year, _) in told_in.items() if doc_id in held and year
    )
    dates = sum((told_in[doc_id][2] for doc_id in held), Counter())
    here = sum((doc_names.get(doc_id, Counter()) for doc_id in held), Counter())
    seen = here or names_seen
    if seen and key:
        # The name as most sources write it, among those that carry every key word.
        fitting = [
            (len(set(key) & {w.lower() for w in re.findall(r"[\w-]+", name)}), n, -len(name), name)
            for name, n in seen.items()
        ]
        best = max(fitting)
        if best[0]:
            main.name = best[3]
    if years:
        main.year = years.most_common(1)[0][0]
    elif sources:
        published = [s.published.year for s in sources.values() if s.published]
        if published:
            main.year = Counter(published).most_common(1)[0][0]
    if dates:
        in_year = [(n, d) for d, n in dates.items() if main.year in (None, d[0].year)]
        if in_year:
            # The most often stated range of several days (an opening day alone is not
            # the event's dates); among equals, the narrower.
            main.start, main.end = max(
                in_year,
                key=lambda item: (
                    item[1][1] > item[1][0],
                    item[0],
                    -(item[1][1] - item[1][0]).days,
                ),
            )[1]
            edges = [b for doc_id in held for b in bounds.get(doc_id, [])]
            if main.start == main.end and edges:
                # Only single days: "opened on 10 March" and "ended on Wednesday" together
                # are the event's range.
                opened = [d for kind, d in edges if kind == "start" and d.year == main.year]
                closed = [d for kind, d in edges if kind == "end" and d.year == main.year]
                if opened and closed and min(opened) <= max(closed):
                    main.start, main.end = min(opened), max(closed)
    return main


# Verbs that tell an event's first or last day (rules/summit.yaml, `day_bounds`).
OPENING = {"open", "begin", "start", "kick", "commence"}
CLOSING = {"close", "end", "conclude", "wrap", "finish"}


def _names_only_others(mentions: Sequence[Mention], key: Sequence[str]) -> bool:
    """Whether a document names events, none of them the one `key` names."""
    named = [
        set(_key_words(m.context.event))
        for m in mentions
        if m.context.event is not None and not _marked(m.context.event)
    ]
    named = [words for words in named if words]
    return bool(named) and not any(_shares_name(words, set(key)) for words in named)


def _display_name(text: str) -> str:
    """'the India AI Impact Summit 2026' -> 'India AI Impact Summit 2026'."""
    text = re.sub(r"\s+(['’])", r"\1", " ".join(text.split()))  # "Leaders ' Summit"
    return re.sub(r"^(?:the|a|an|this|that)\s+", "", text, flags=re.I)


def same_place(a: str, b: str) -> bool:
    """'Belém' and 'Belem', 'New Delhi' and 'Delhi': one place (whole words of one
    name within the other)."""
    x, y = (f" {names.fold(names.canonical_name(n))} " for n in (a, b))
    return x in y or y in x


def _fits(cue: EventCue, key: Sequence[str], city: str | None, year: int | None) -> bool:
    """Whether an unmarked cue can be the main event: its name words are the main
    event's (or it has none: 'the summit'), its place is the main city, its year the
    main year."""
    words = set(_key_words(cue))
    if words and key and not _shares_name(words, set(key)):
        return False
    if city and cue.place and names.is_city(cue.place) and not same_place(cue.place, city):
        return False
    return not (year and cue.year and cue.year != year)


# ---------------------------------------------------------------- roles


def role_of(
    cue: EventCue | None, main: MainEvent | None, sentence: Iterable[str] = ()
) -> EventRole:
    """The role of the event a cue names, for the corpus's main event.

    No cue: the article's own event (`main`). Marked 'previous' / 'last year's' /
    an earlier year or edition or another city of the same series: `previous`; 'next'
    / a later year / told in the future about another place: `next`; a dinner, a
    session, a day of the programme: `part`; a bilateral meeting or a differently
    named event: `other`.
    """
    lemmas = set(sentence)
    if cue is None:
        return "main"
    mods = set(cue.modifiers)
    key = set(main.key) if main else set()
    words = set(_key_words(cue))
    same_series = not words or not key or _shares_name(words, key)
    if "elsewhere" in mods:
        return _met_where(cue, main)
    if mods & NEXT_WORDS:
        return "next"
    if mods & PRIOR_WORDS:
        return "previous"
    edition = _edition(words, key)
    if edition is not None:
        return edition
    if main is not None and main.year and cue.year and cue.year != main.year:
        if not same_series:
            return "other"
        return "previous" if cue.year < main.year else "next"
    if cue.head in OTHER_HEADS or "bilateral" in mods or "bilateral" in lemmas:
        return "other"
    if "another" in mods and cue.tense != "present":
        # "Two more have been held since then": other editions of the kind named before.
        return "previous" if cue.tense == "past" else "next"
    # "The meetings were attended by ...": the sittings of the event, not its editions.
    if "plural" in mods and cue.head not in PART_HEADS | {"meeting", "event"}:
        # Several events of the kind: earlier editions when told in the past.
        return "previous" if cue.tense == "past" else "other"
    if main is not None and main.others and words & set(main.others):
        # "the AI Safety Summit" in a folder whose main event is another AI summit: the
        # name words of the edition held elsewhere.
        if not same_series:
            return "other"
        if cue.year and main.year and cue.year != main.year:
            return "previous" if cue.year < main.year else "next"
        return "next" if cue.tense == "future" else "previous"
    # "the Kigali summit" carried over by name: a city among the name words is its place
    place = cue.place or next((w for w in cue.names if names.is_city(w)), None)
    other_place = (
        main is not None
        and main.city is not None
        and place is not None
        and names.is_city(place)
        and not same_place(place, main.city)
    )
    if not other_place and not (place and names.is_city(place)) and main and main.city:
        # "the Global AI Summit on Africa" in a folder about a summit in New Delhi: a
        # country or continent that does not hold the main event's city.
        regions = [m for m in [*mods, place or ""] if names.is_region(m)]
        other_place = bool(regions) and all(
            names.region_holds(r, main.city) is False for r in regions
        )
    if other_place:
        if not same_series:
            return "other"
        return "next" if cue.tense == "future" else "previous"
    if words and key and not _shares_name(words, key):
        return "other"  # another event, or a session of another event
    main_head = _head_of(main)
    if (
        main_head
        and cue.head in EVENT_HEADS
        and cue.head != main_head
        # "summit" and "conference" name one event in turn: only a lesser kind of
        # meeting with name words of its own is another one.
        and {cue.head, main_head} - PEER_HEADS
        and words - key - EVENT_HEADS
        and cue.link != "sentence"
    ):
        # "the second official GC REAIM Regional Meeting" in a folder about the REAIM
        # Summit: a meeting of another kind with name words of its own, not the summit.
        return "other"
    if cue.head in PART_HEADS or "prelude" in mods:
        return "part"
    return "main"


def _met_where(cue: EventCue, main: MainEvent | None) -> EventRole:
    """People who met at a place: the main event when the place is its city or holds
    it; another meeting when it is another city or region, or when they met outside or
    near a place ('met outside DC')."""
    if main is None or not main.city or not cue.place:
        return "main"
    if same_place(cue.place, main.city) or names.region_holds(cue.place, main.city):
        return "main"
    known = names.is_city(cue.place) or names.is_region(cue.place)
    return "other" if known or {"outside", "near"} & set(cue.modifiers) else "main"


def mention_role(mention: Mention, main: MainEvent | None) -> EventRole:
    """The role of what a mention's value is about: its clause's event, then what the
    value itself says (a year or a city of another edition of the series). Another
    edition is never in the main event's own city."""
    role = _mention_role(mention, main)
    value = mention.value
    cue = mention.context.event
    number = _ordinal(cue) if cue is not None else None
    if role == "next" and number == 1:
        # "Norway will host the summit, the second after the first in Reykjavik": the
        # future tense is the main clause's; a first edition never comes after another.
        role = "previous"
    if (
        role == "main"
        and main is not None
        and main.ordinal
        and number
        and number != main.ordinal
        # "the fourth G20 summit in a row held in the Global South": a count of a kind.
        and "row" not in mention.context.lemmas
        and "this" not in mention.context.lemmas
    ):
        # "South Korea plans to host a second REAIM Summit" in a folder about the first:
        # another edition of the series, told by its number.
        role = "previous" if number < main.ordinal else "next"
    if (
        role in ("previous", "next")
        and isinstance(value, TextValue)
        and mention.context.label == "CITY"
        and main is not None
        and main.city
        and same_place(value.text, main.city)
    ):
        return "main"
    return role


def _mention_role(mention: Mention, main: MainEvent | None) -> EventRole:
    ctx = mention.context
    value = mention.value
    if ctx.dateline:
        # Where and when the report was filed: the event's city only when it is the
        # main event's; a wire's date is the report's date.
        is_main_city = (
            isinstance(value, TextValue)
            and main is not None
            and main.city is not None
            and same_place(value.text, main.city)
        )
        return "main" if is_main_city else "other"
    cue = ctx.event
    role = role_of(cue, main, ctx.lemmas)
    if (
        role == "other"
        and cue is not None
        and not _marked(cue)
        and isinstance(value, TextValue)
        and ctx.label == "CITY"
        and main is not None
        and main.city
        and same_place(value.text, main.city)
    ):
        return "main"  # "the two-week summit in the Amazon city of Belem": its own city
    if isinstance(value, DateValue) and main is not None and main.year:
        # A date after the main event's year is never an earlier edition's, nor one
        # before it a later edition's.
        if role == "previous" and value.start.year > main.year:
            return "next"
        if role in EDITION_ROLES and value.precision == "year" and value.start.year == main.year:
            # "picked as the Chair of GPAI 2023 at last year's summit": the main event's
            # own year tells no other edition apart.
            return "other"
        if role == "next" and value.end.year < main.year:
            return "previous"
    if (
        role == "next"
        and cue is not None
        and "handover" in cue.modifiers
        and isinstance(value, EntitiesValue)
        and main is not None
        and main.city
        and any(names.city_in(main.city, member) for member in value.members)
    ):
        return "previous"  # "Brazil handed the presidency to South Africa": this one's host
    if role != "main" or cue is None or cue.link == "sentence" or main is None:
        return role
    if (
        isinstance(value, TextValue)
        and ctx.label == "CITY"
        and cue.link == "inside"
        and cue.tense == "future"
        and main.city
        and not same_place(value.text, main.city)
    ):
        # "Turkey proposed holding the talks in Antalya": the place of an edition still
        # to come, not the main event's city, is the next edition's.
        return "next"
    # "The first summit took place at Bletchley Park in 2023": the value, or the year
    # its sentence gives, is what tells the edition apart.
    mods = set(cue.modifiers)
    years = _edition_years(ctx.lemmas)
    if (
        (mods & ORDINALS or ctx.governor in HOLDING_VERBS)
        and main.year
        and years
        and main.year not in years
        and not isinstance(value, DateValue)
        # "India is hosting the summit and will chair the GPAI grouping in 2024": who
        # is hosting an event told in the present hosts this one; the year belongs to
        # another clause.
        and not (cue.tense == "present" and not mods and ctx.governor == "host")
    ):
        return "previous" if max(years) < main.year else "next"
    # "the Netherlands' leadership in launching the REAIM Summit in 2023": the year a
    # series was launched is its first edition's.
    holding = ctx.governor in HOLDING_VERBS | {"launch"} or cue.link in ("inside", "path")
    one_year = isinstance(value, DateValue) and value.start.year == value.end.year
    if isinstance(value, DateValue) and main.year and holding and one_year:
        years = {value.start.year, value.end.year}
        if main.year not in years and (mods & ORDINALS or value.precision == "year"):
            return "previous" if value.end.year < main.year else "next"
    if (
        isinstance(value, DateValue)
        and main.year
        and value.start.year > main.year
        and (mention.modality == "planned" or cue.tense == "future")
    ):
        # "..., and a third is planned for February 4-5, 2026": days still to come in a
        # later year than the main event's are a later edition's, whatever event word
        # the clause leans on.
        return "next"
    if (
        isinstance(value, TextValue)
        and ctx.label == "CITY"
        and main.city
        and not same_place(value.text, main.city)
        and mods & ORDINALS
    ):
        return "previous" if cue.tense != "future" else "next"
    return role


RANGE_WORDS = {"to", "-", "–", "—", "through", "until", "and"}


def _edition_years(lemmas: Sequence[str]) -> set[int]:
    """The years a sentence names, but not the ends of a span ('for the 2026 to 2030
    period', '2026-2030'): a span of years is a period of work, not an edition."""
    years: set[int] = set()
    for i, word in enumerate(lemmas):
        if not _YEAR.match(word):
            continue
        spans_on = (
            i + 2 < len(lemmas) and lemmas[i + 1] in RANGE_WORDS and _YEAR.match(lemmas[i + 2])
        )
        spans_back = i >= 2 and lemmas[i - 1] in RANGE_WORDS and _YEAR.match(lemmas[i - 2])
        # "grew out of a 2021 motion": a year qualifying some other thing told with
        # an article is that thing's, not an edition's ("the 2023 summit" is one).
        qualifies = (
            i >= 1
            and lemmas[i - 1] in ("a", "an")
            and i + 1 < len(lemmas)
            and lemmas[i + 1].isalpha()
            and lemmas[i + 1] not in EVENT_HEADS
        )
        if not (spans_on or spans_back or qualifies):
            years.add(int(word))
    return years


def _edition(words: set[str], key: set[str]) -> EventRole | None:
    """COP29 against a main event COP30: the previous edition; COP31: the next."""
    ours = {m.group(1): int(m.group(2)) for w in key if (m := EDITION.match(w))}
    for word in words:
        match = EDITION.match(word)
        if match and match.group(1) in ours and int(match.group(2)) != ours[match.group(1)]:
            return "previous" if int(match.group(2)) < ours[match.group(1)] else "next"
    return None


# Verbs that tell when and where an edition was held: "the first summit took place in
# 2023" dates that edition, "for its work from 2026 to 2030" does not.
HOLDING_VERBS = {
    "hold", "take", "convene", "meet", "host", "stage", "organise", "organize", "run",
    "happen", "be", "gather", "open", "close", "follow", "come",
}  # fmt: skip
OPENING_VERBS = {"open", "begin", "start", "kick", "commence", "get", "launch", "run"}
CLOSING_VERBS = {"close", "end", "conclude", "wrap", "finish", "culminate"}


def join_open_close(mentions: Sequence[Mention]) -> list[Mention]:
    """'opens on Saturday and closes on Sunday', 'opened on February 16, will end on
    February 21': one sentence giving an event's first and last day is one range."""
    out = list(mentions)
    for i, first in enumerate(out):
        value = first.value
        if not isinstance(value, DateValue) or first.context.governor not in OPENING_VERBS:
            continue
        for j in range(i + 1, len(out)):
            second = out[j]
            other = second.value
            if second.evidence.start != first.evidence.start:
                continue  # another sentence
            # "closes on Sunday", or "runs until May 21": the last day.
            closing = second.context.governor in CLOSING_VERBS or (
                second.context.before[-1:] in (["until"], ["through"], ["till"])
            )
            if not isinstance(other, DateValue) or not closing:
                continue
            if not value.start < other.start <= value.start + timedelta(days=31):
                continue
            joined = value.model_copy(
                update={
                    "surface": f"{value.surface} to {other.surface}",
                    "end": other.end,
                    "precision": "day",
                }
            )
            evidence = first.evidence.model_copy(update={"value_end": second.evidence.value_end})
            # The range says when the event was held, as "held on A to B" would.
            context = first.context.model_copy(update={"governor": "hold"})
            out[i] = first.model_copy(
                update={"value": joined, "evidence": evidence, "context": context}
            )
            del out[j]
            break
    return out


def assign_roles(
    mentions: Sequence[Mention],
    main: MainEvent | None,
    source: Source,
    *,
    own: MainEvent | None = None,
) -> list[Mention]:
    """Each mention with its `event` set; year-less dates in an undated source take the
    main event's year (DESIGN.md: "A date with no year takes the year of the source's
    published date; where the source has none, the year of the main event")."""
    out: list[Mention] = []
    named: dict[str, tuple[int, EventCue]] = {}  # head lemma -> last named mention of it
    main_head = _head_of(main)
    planned = _before_the_event(source, main)
    for mention in join_open_close(mentions):
        mention = _coreferent(mention, named, main_head)
        if own is None:
            mention = _held_by_name(mention, main, main_head)
        if own is not None:
            mention = _about(mention, own)
        value = mention.value
        if isinstance(value, DateValue) and value.start.year < 100:
            # A year-less date in an undated source: the main event's year, else no
            # checkable date at all.
            if main is None or not main.year:
                continue
            mention = mention.model_copy(update={"value": _with_year(value, main.year)})
        mention = _told_later(mention, main, source)
        cue = mention.context.event
        role = mention_role(mention, main)
        if role == "main" and planned and _told_done_before(mention, main):
            continue
        # A document about another event (a report on last year's edition, or on the G7
        # in a folder about an AI summit): what it does not tie to the main event by name
        # or city is about its own event; and the editions a report on another series
        # tells are that series' editions.
        apart = role == "main" or (role in EDITION_ROLES and other_series(own, main))
        if own is not None and apart and not _names_main(mention, main, own):
            role = "other"
        update: dict[str, object] = {"event": EventRef(role=role, name=cue.text if cue else None)}
        if role == "main" and mention.modality == "asserted" and planned:
            # A preview tells what is planned: "The summit, co-hosted by X and Y, ..." in
            # an article published before the event's first day.
            update["modality"] = "planned"
        out.append(mention.model_copy(update=update))
    return _after_next(_uncued_as_told(out, main), source.published)


def _identified(cue: EventCue) -> bool:
    """Whether an event phrase says which event it is: by name, place, year or region."""
    return bool(
        _key_words(cue) or cue.place or cue.year or any(names.is_region(m) for m in cue.modifiers)
    )


def _uncued_as_told(mentions: list[Mention], main: MainEvent | None = None) -> list[Mention]:
    """A value no event phrase identifies ("the summit", or none at all) is about the
    document's own event: the main one, unless every event the document identifies is
    another (a report on another event, or on another edition), when it is `other`.
    A document that puts its unnamed summit in the main event's city ("as the summit
    opens in Seoul") is about the main event, whatever earlier edition it names."""
    if main is not None and main.city:
        in_main_city = any(
            m.event is not None
            and m.event.role == "main"
            and isinstance(m.value, TextValue)
            and m.context.label == "CITY"
            and not m.context.dateline
            and m.context.event is not None
            and same_place(m.value.text, main.city)
            for m in mentions
        )
        if in_main_city:
            return mentions
    told = Counter(
        m.event.role
        for m in mentions
        if m.event is not None
        and (cue := m.context.event) is not None
        and not m.context.dateline
        and _identified(cue)
    )
    # A document that names the main event anywhere, or only its next edition, is
    # about the main event.
    if told["main"] or told["part"] or not (told["other"] or told["previous"]):
        return mentions
    return [
        m.model_copy(update={"event": EventRef(role="other", name=None)})
        if (m.context.event is None or not _identified(m.context.event))
        and m.event is not None
        and m.event.role == "main"
        and not m.context.dateline
        else m
        for m in mentions
    ]


def _names_main(mention: Mention, main: MainEvent | None, own: MainEvent | None = None) -> bool:
    """Whether a mention ties its value to the main event by the event's name words or
    its city (in its event phrase, or as the value itself). In a document about an
    edition of the same series elsewhere, the series' words name both: only the city
    tells."""
    if main is None:
        return False
    cue = mention.context.event
    key = set(main.key)
    same_series = own is not None and own.city is not None and set(own.key) == key
    if cue is not None and key and not same_series and _shares_name(set(_key_words(cue)), key):
        return True
    places = [cue.place if cue else None]
    if isinstance(mention.value, TextValue) and mention.context.label == "CITY":
        places.append(mention.value.text)
    return bool(main.city) and any(p and same_place(p, main.city) for p in places)  # type: ignore[arg-type]


# Verbs whose subject is an event being held: "the GPAI will take place from 12 to
# 14 December", "the summit will bring delegates together from Dec. 12 to 14".
GATHERING_VERBS = HOLDING_VERBS | {"bring"}
PRONOUNS = {"it", "this", "that"}


def _held_by_name(mention: Mention, main: MainEvent | None, main_head: str | None) -> Mention:
    """A date whose clause's subject is the main event by its name alone ('The GPAI will
    take place ... from December 12 to 14'), by that name with an event noun whose
    object the parse took for the event ('The GPAI summit ... will bring discussions ...
    from Dec. 12 to 14'), or by a pronoun with no other event in the clause ('This year
    it took place in New Delhi from 12-14 December, and it hosted the Global AI Expo'):
    the clause tells of the main event being held."""
    ctx = mention.context
    cue = ctx.event
    if main is None or not main.key:
        return mention
    if cue is None and _lasts_by_name(mention, main):
        told = EventCue(
            text=" ".join(main.key), head=main_head or "summit", names=list(main.key), link="path"
        )
        return mention.model_copy(update={"context": ctx.model_copy(update={"event": told})})
    if not isinstance(mention.value, DateValue):
        return mention
    if ctx.governor not in GATHERING_VERBS or ctx.dateline:
        return mention
    # "This year it took place ...": a pronoun subject the parse left off the agent.
    subject = ctx.agent or (ctx.path[1] if len(ctx.path) == 2 and ctx.path[1] in PRONOUNS else "")
    agent = [w for w in re.findall(r"[\w-]+", subject.lower()) if w not in GENERIC_NAME_WORDS]
    if not agent:
        return mention
    if agent == [agent[0]] and agent[0] in PRONOUNS:
        if cue is not None and cue.link != "sentence":
            return mention
    elif not _shares_name(set(agent), set(main.key)) or set(agent) - set(main.key) - EVENT_HEADS:
        return mention  # the subject is not the main event by its name
    elif cue is not None and not (
        cue.link == "sentence" or (cue.head in PART_HEADS and cue.link == "clause")
    ):
        return mention
    told = EventCue(
        text=subject,
        head=main_head or "summit",
        names=list(main.key),
        link="path",
        tense=cue.tense if cue is not None else None,
    )
    return mention.model_copy(update={"context": ctx.model_copy(update={"event": told})})


def _lasts_by_name(mention: Mention, main: MainEvent) -> bool:
    """'2024 REAIM kicks off for 2-day run': a length in days ('N-day') in a clause that
    names the main event by its name alone, no event noun, is the main event's."""
    ctx = mention.context
    after = ctx.lemmas[ctx.value_token_end : ctx.value_token_end + 2]
    return (
        isinstance(mention.value, CountValue)
        and ctx.head == "day"
        and after == ["-", "day"]
        and bool(set(ctx.path) & set(main.key))
    )


def _told_at(cue: EventCue, published: date) -> tuple[date, date] | None:
    """The days a cue's 'in six months' or 'next year' points to from the published
    date: the month it names give or take one, or the whole next year."""
    if cue.next_year:
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if cue.after_months is None:
        return None
    month = published.year * 12 + published.month - 1 + cue.after_months
    return _month_start(month - 1), _month_start(month + 2) - timedelta(days=1)


def _month_start(index: int) -> date:
    """The first day of a month counted from year 0 (year * 12 + month - 1)."""
    return date(index // 12, index % 12 + 1, 1)


def _told_later(mention: Mention, main: MainEvent | None, source: Source) -> Mention:
    """'Kenya will co-host a mini virtual summit in six months', 'a follow-up meeting
    next year': an event told by a time after the main event is a later edition (marked
    'later', a next word)."""
    cue = mention.context.event
    if cue is None or source.published is None or main is None or cue.tense == "past":
        return mention
    told = _told_at(cue, source.published)
    if told is None or set(cue.modifiers) & (PRIOR_WORDS | NEXT_WORDS):
        return mention
    if main.end is not None:
        later = told[0] > main.end
    elif main.year:
        # No dates for the main event: a report tells of it near its own date, so a
        # time months on is another edition; a year-long 'next year' only after its year.
        later = told[0].year > main.year or (
            cue.after_months is not None
            and cue.after_months >= 2
            and source.published.year >= main.year
        )
    else:
        later = False
    if not later:
        return mention
    marked = cue.model_copy(update={"modifiers": [*cue.modifiers, "later"]})
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": marked})}
    )


def _after_next(mentions: list[Mention], published: date | None = None) -> list[Mention]:
    """'Switzerland will host the next summit in 2027 ... the UAE, which will host it in
    2028', 'Kenya will co-host a mini virtual summit in six months, and Chile will host
    the next in-person summit in a year': of the later editions a document dates, the
    earliest is the next one; the others come after it (`other`), every value of their
    clause with them. An edition is dated by a date of its clause or by the time its
    clause tells ('in six months'); two datings that overlap are one edition."""
    datings: dict[tuple[int, str], list[tuple[date, date]]] = {}
    for m in mentions:
        cue = m.context.event
        if m.event is None or m.event.role != "next" or cue is None:
            continue
        told = _dating(m, published)
        if told is not None:
            datings.setdefault((m.evidence.start, cue.text), []).append(told)
    if not datings:
        return mentions
    first = min(d for ds in datings.values() for d in ds)
    # One clause's edition, dated by the narrowest of its datings ('in 2027', '3-4 June
    # 2027'); a key whose datings are disjoint told of two editions under one phrase
    # ('... the next summit in 2027, and the UAE will host it in 2028'): its dates go
    # one by one.
    split = {key for key, ds in datings.items() if not _overlapping(ds)}
    after = {key for key, ds in datings.items() if key not in split and _after(ds, first)}

    def later(m: Mention) -> bool:
        cue = m.context.event
        if m.event is None or m.event.role != "next" or cue is None:
            return False
        key = (m.evidence.start, cue.text)
        if key in split:
            told = _dating(m, published)
            return told is not None and _after([told], first)
        return key in after

    return [
        m.model_copy(update={"event": m.event.model_copy(update={"role": "other"})})
        if m.event is not None and later(m)
        else m
        for m in mentions
    ]


def _dating(mention: Mention, published: date | None) -> tuple[date, date] | None:
    """The days a next edition's mention dates it by: its own date, else its clause's
    'in six months'."""
    if isinstance(mention.value, DateValue) and mention.value.start.year >= 100:
        return mention.value.start, mention.value.end
    cue = mention.context.event
    if cue is None or published is None:
        return None
    return _told_at(cue, published)


def _overlapping(datings: Sequence[tuple[date, date]]) -> bool:
    return all(a[0] <= b[1] and b[0] <= a[1] for a in datings for b in datings)


def _after(datings: Sequence[tuple[date, date]], first: tuple[date, date]) -> bool:
    """Whether an edition dated so comes wholly after the earliest one."""
    narrow = min(datings, key=lambda d: d[1] - d[0])
    return narrow[0] > first[1]


def _head_of(main: MainEvent | None) -> str | None:
    """The kind of event the main one is ('summit' for 'India AI Impact Summit 2026'),
    or None when its name is a series name ('COP30', 'G20')."""
    if main is None or not main.name:
        return None
    words = [w.lower() for w in re.findall(r"[\w-]+", main.name)]
    return next((w for w in reversed(words) if w in EVENT_HEADS), None)


def _told_done_before(mention: Mention, main: MainEvent | None) -> bool:
    """'The summit closed Tuesday' on a page dated before the summit opened: the page's
    date is not the day it was written on, so a day told by its name alone cannot be
    placed; it is no checkable date."""
    value = mention.value
    if not isinstance(value, DateValue) or main is None or main.start is None:
        return False
    by_name = not any(ch.isdigit() for ch in value.surface)
    return by_name and value.end < main.start


def _before_the_event(source: Source, main: MainEvent | None) -> bool:
    """Whether the source was published before the main event's first day."""
    return (
        main is not None
        and main.start is not None
        and source.published is not None
        and source.published < main.start
    )


def _about(mention: Mention, own: MainEvent) -> Mention:
    """An unnamed event phrase in a document about another event is that event."""
    cue = mention.context.event
    # A session or ceremony in such a document is one of that event's, not the main one's.
    is_part = cue is not None and cue.head in PART_HEADS
    if cue is None or cue.place or cue.year or (_marked(cue) and not is_part):
        return mention
    if cue.names and own.key and not set(_key_words(cue)) <= set(own.key):
        return mention  # it names yet another event
    resolved = cue.model_copy(
        update={"names": own.key or cue.names, "place": own.city, "year": own.year}
    )
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": resolved})}
    )


# How far back (in characters) "the conference" may point to a named conference.
COREFERENCE_CHARS = 800


def _coreferent(
    mention: Mention, named: dict[str, tuple[int, EventCue]], main_head: str | None = None
) -> Mention:
    """'...organising the summit' after 'Switzerland will host the next summit in Geneva
    in 2027': an unnamed, unqualified event phrase is the last event of that kind the
    document told with a value, a few sentences back, qualification included (next,
    its place, its year).

    The parse-time half (`_named_before`) carries only a *name* over, from any earlier
    sentence; this half sees the events told with values across the document and carries
    the whole qualification, which is what tells "the summit" of a next edition apart."""
    cue = mention.context.event
    if cue is None:
        return mention
    at = mention.evidence.start
    if cue.names or cue.place or cue.year:
        named[cue.head] = (at, cue)
        return mention
    if "prelude" in cue.modifiers and cue.head != main_head:
        # "COP30 ... will be preceded by a summit of heads of state on 6-7 November":
        # a later "the summit" is that one, unless the main event is itself a summit.
        named[cue.head] = (at, cue)
        return mention
    earlier = named.get(cue.head)
    # A prelude of another kind than the main event is the document's only event of its
    # kind: "the summit" points to it however far on.
    far = earlier is not None and "prelude" not in earlier[1].modifiers
    if earlier is None or cue.modifiers or (far and at - earlier[0] > COREFERENCE_CHARS):
        return mention
    antecedent = earlier[1]
    told = set(antecedent.modifiers)
    if (told & NEXT_WORDS and cue.tense == "past") or (
        told & PRIOR_WORDS and cue.tense == "future"
    ):
        # "...will go to next year's summit in the US, though the US boycotted the summit
        # South Africa has just hosted": an edition told in the past is not the next one.
        return mention
    resolved = cue.model_copy(
        update={
            "names": antecedent.names,
            "place": antecedent.place,
            "year": antecedent.year,
            "modifiers": antecedent.modifiers,
        }
    )
    context = mention.context.model_copy(update={"event": resolved})
    return mention.model_copy(update={"context": context})


def _with_year(value: DateValue, year: int) -> DateValue:
    """The same days in `year`: a year-less date re-anchored on the main event's year
    (read against `UNDATED_ANCHOR`, a range across a new year keeps its shape)."""
    shift = year - UNDATED_ANCHOR.year
    if shift == 0:
        return value
    try:
        start = value.start.replace(year=value.start.year + shift)
        end = value.end.replace(year=value.end.year + shift)
    except ValueError:  # 29 February
        return value
    return value.model_copy(update={"start": start, "end": end})


def resolve(
    mentions_by_doc: Mapping[str, Sequence[Mention]], sources: Mapping[str, Source]
) -> tuple[MainEvent | None, dict[str, list[Mention]]]:
    """The events stage for a corpus: the main event, and every mention with its role."""
    main = find_main_event(mentions_by_doc, sources)
    if main is not None:
        main = main.model_copy(update={"ordinal": _main_ordinal(mentions_by_doc, main)})
    resolved = {
        doc_id: assign_roles(
            mentions, main, sources[doc_id], own=_own_event(doc_id, mentions, sources, main)
        )
        for doc_id, mentions in mentions_by_doc.items()
    }
    return main, _editions_by_year(_editions_by_city(resolved, main), main)


EDITION_ROLES = ("previous", "next")
ORDINAL_NUMBERS = {
    "first": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8,
}  # fmt: skip


def _ordinal(cue: EventCue) -> int | None:
    """The edition number an event phrase gives ('a second REAIM summit': 2), never that
    of 'this' one."""
    if "this" in cue.modifiers:
        return None
    found = {ORDINAL_NUMBERS[m] for m in cue.modifiers if m in ORDINAL_NUMBERS}
    return found.pop() if len(found) == 1 else None


def _main_ordinal(mentions_by_doc: Mapping[str, Sequence[Mention]], main: MainEvent) -> int | None:
    """The main event's edition number, when the documents that give one agree on it
    ('the first REAIM summit' in three pages, never 'the second' for it)."""
    docs: Counter[int] = Counter()
    for mentions in mentions_by_doc.values():
        numbers = {
            number
            for mention in mentions
            if (cue := mention.context.event) is not None
            and (number := _ordinal(cue)) is not None
            and role_of(cue, main) == "main"
        }
        docs.update(numbers)
    if not docs:
        return None
    (number, count), *rest = docs.most_common()
    # A series counted in two ways ("third" and "fourth" for one summit, in about as
    # many pages) tells nothing; a number that few pages give is another edition's.
    runner_up = rest[0][1] if rest else 0
    return number if count >= 2 and 2 * count > 3 * runner_up else None


def _editions_by_city(
    resolved: dict[str, list[Mention]], main: MainEvent | None
) -> dict[str, list[Mention]]:
    """'COP29 in Azerbaijan' in one source, 'Baku in 2024' in another: an edition told
    by its country is the one the corpus holds in a city of that country, when the
    corpus names exactly one such city for its other editions."""
    cities: set[str] = set()
    for mentions in resolved.values():
        for m in mentions:
            if m.event is None or m.event.role not in EDITION_ROLES:
                continue
            cue = m.context.event
            told = [cue.place if cue else None, *m.context.places]
            if isinstance(m.value, TextValue) and m.context.label == "CITY":
                told.append(m.value.text)
            cities.update(c for c in told if c and names.is_city(c))
    if main is not None and main.city:
        cities = {c for c in cities if not same_place(c, main.city)}
    if not cities:
        return resolved
    return {doc_id: [_placed(m, cities) for m in ms] for doc_id, ms in resolved.items()}


def _placed(mention: Mention, cities: set[str]) -> Mention:
    cue = mention.context.event
    if cue is None or cue.place or mention.event is None or mention.event.role not in EDITION_ROLES:
        return mention
    countries = [m for m in cue.modifiers if names.is_country(m)]
    if len(countries) != 1:
        return mention
    found = {c for c in cities if names.city_in(c, countries[0])}
    if len(found) != 1:
        return mention
    placed = cue.model_copy(update={"place": found.pop()})
    return mention.model_copy(
        update={"context": mention.context.model_copy(update={"event": placed})}
    )


def _edition_year(mention: Mention) -> int | None:
    """The year an earlier or later edition is told with: its event's year, else the
    value itself when it is a date within one year ("held in Amsterdam last year")."""
    cue = mention.context.event
    if len(_edition_years(mention.context.lemmas)) > 1:
        return None  # "at Bletchley Park (2023) and Seoul (2024)": which place is whose?
    if cue is not None and cue.year:
        return cue.year
    value = mention.value
    if isinstance(value, DateValue) and 100 <= value.start.year == value.end.year:
        return value.start.year
    return None


def _edition_cities(mention: Mention, main: MainEvent | None) -> set[str]:
    cue = mention.context.event
    told = [cue.place if cue else None, *mention.context.places]
    if isinstance(mention.value, TextValue) and mention.context.label == "CITY":
        told.append(mention.value.text)
    here = main.city if main is not None else None
    return {
        c
        for c in told
        if c and names.is_city(c) and not names.is_country(c) and not (here and same_place(c, here))
    }


def _editions_by_year(
    resolved: dict[str, list[Mention]], main: MainEvent | None
) -> dict[str, list[Mention]]:
    """One edition, one place: 'the first summit in the Netherlands' (2023), 'one held in
    Amsterdam last year' and 'the 2023 summit in The Hague' are the one earlier edition of
    2023 of this series, which a fact-checker compares by its year, not by the place words
    of each page. An edition of a year is keyed by the city most sources give it (a
    page's wrong city is then outvoted, never a subject of its own); a year no source
    gives a city keeps each page's own place words."""
    sources_by_city: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for mentions in resolved.values():
        seen: set[tuple[str, int, str]] = set()
        for m in mentions:
            year = _edition_year(m)
            if m.event is None or m.event.role not in EDITION_ROLES or year is None:
                continue
            cities = _edition_cities(m, main)
            if len(cities) != 1:
                continue  # no city, or several: not the one this edition is told with
            for city in cities:
                if (m.event.role, year, city) not in seen:
                    seen.add((m.event.role, year, city))
                    sources_by_city[(m.event.role, year)][city] += 1
    if not sources_by_city:
        return resolved
    chosen = {
        edition: min(counts, key=lambda c: (-counts[c], c))
        for edition, counts in sources_by_city.items()
    }
    return {doc_id: [_of_edition(m, chosen, main) for m in ms] for doc_id, ms in resolved.items()}


def _of_edition(
    mention: Mention, chosen: Mapping[tuple[str, int], str], main: MainEvent | None
) -> Mention:
    cue = mention.context.event
    year = _edition_year(mention)
    if cue is None or mention.event is None or year is None:
        return mention
    city = chosen.get((mention.event.role, year))
    if city is None:
        return mention
    others = [p for p in mention.context.places if p not in _edition_cities(mention, main)]
    placed = cue.model_copy(update={"place": city})
    context = mention.context.model_copy(update={"event": placed, "places": [city, *others]})
    return mention.model_copy(update={"context": context})


def _own_series(mentions: Sequence[Mention], main: MainEvent) -> list[str]:
    """The name words a document gives its events when none of them is the main event's
    series ("the G7 Summit" in a report filed in a folder about an AI summit): its own
    series. [] when it names the main event's series, or no event by name."""
    named: Counter[str] = Counter()
    for m in mentions:
        cue = m.context.event
        words = set(_key_words(cue)) if cue is not None else set()
        if not words:
            continue
        if _shares_name(words, set(main.key)):
            return []
        named.update(sorted(words))  # sorted: ties go the same way in every run
    return [named.most_common(1)[0][0]] if named else []


def other_series(own: MainEvent | None, main: MainEvent | None) -> bool:
    """Whether a document's own event is of another series than the main event."""
    if own is None or main is None or not own.key or not main.key:
        return False
    ours, theirs = set(main.key), set(own.key)
    return not (_shares_name(theirs, ours) or series_of(theirs) & series_of(ours))


def _own_event(
    doc_id: str, mentions: Sequence[Mention], sources: Mapping[str, Source], main: MainEvent | None
) -> MainEvent | None:
    """The event a document is about, when it is not the corpus's main event (a report
    on last year's edition in a folder about this year's). Its unnamed 'the summit' is
    then that event, not the main one. None when the document is about the main event.

    Told by the cities it holds its events in (never the main city), else by the event
    its lead names."""
    if main is None:
        return None
    met = next(
        (
            cue
            for m in mentions
            if m.context.lead
            and (cue := m.context.event) is not None
            and "elsewhere" in cue.modifiers
            and cue.link != "sentence"
            and cue.place
        ),
        None,
    )
    if met is not None and met.place and _met_where(met, main) == "other":
        # "WASHINGTON - Last week delegates from 60 countries met outside DC": the lead
        # tells of a meeting away from the main event; the document is about that one.
        return MainEvent(key=[met.place.lower()], city=met.place)
    cities: Counter[str] = Counter()
    regions: Counter[str] = Counter()  # countries and continents away from the main city
    for m in mentions:
        cue = m.context.event
        if cue is None or m.context.dateline or cue.link == "sentence":
            continue
        if main.city:
            regions.update(
                r
                for r in cue.modifiers
                if names.is_region(r) and names.region_holds(r, main.city) is False
            )
        if _marked(cue):
            continue
        if mention_role(m, main) != "main":
            continue  # told as another edition already ("the first summit, in 2023")
        if isinstance(m.value, TextValue) and m.context.label == "CITY":
            cities[m.value.text] += 1
        elif cue.place and names.is_city(cue.place):
            cities[cue.place] += 1
        else:
            cities.update(w.title() for w in cue.names if names.is_city(w))
    if main.city and any(same_place(c, main.city) for c in cities):
        return None
    if cities:
        years = Counter(
            m.value.start.year
            for m in mentions
            if isinstance(m.value, DateValue)
            and m.value.start.year >= 100
            and HAS_YEAR.search(m.value.surface)
        )
        year = years.most_common(1)[0][0] if years else None
        return MainEvent(
            key=_own_series(mentions, main) or main.key,
            city=cities.most_common(1)[0][0],
            year=year,
        )
    told = [
        cue
        for m in mentions
        if (cue := m.context.event) is not None
        and not _marked(cue)
        and (_key_words(cue) or (cue.place and names.is_city(cue.place)) or cue.year)
    ]
    if regions and not cities:
        # "the Global AI Summit on Africa", never the main event's city or its region
        holds_main = (
            any(
                names.region_holds(r, main.city)
                for m in mentions
                if (c := m.context.event)
                for r in c.modifiers
                if names.is_region(r)
            )
            if main.city
            else True
        )
        if not holds_main:
            return MainEvent(key=main.key, city=regions.most_common(1)[0][0].title())
    if any(role_of(cue, main) == "main" for cue in told):
        return None  # it names the main event somewhere: "the summit" may well be it
    lead = [m.context.event for m in mentions if m.context.lead and m.context.event in told]
    if lead and lead[0] is not None:
        cue = lead[0]
        return MainEvent(key=_key_words(cue), city=cue.place, year=cue.year)
    # No lead names it: the event the document names most often, when it names only
    # other events ("the UN Ocean Conference" in a report filed in a folder about the G20).
    keyed = Counter(tuple(_key_words(cue)) for cue in told if _key_words(cue))
    if not keyed:
        return None
    key = list(keyed.most_common(1)[0][0])
    cue = next(cue for cue in told if _key_words(cue) == key)
    return MainEvent(key=key, city=cue.place, year=cue.year)
