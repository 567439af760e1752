"""One event phrase read at parse time: its name, ordinal, year, place and tense.

Takes an event Token (and the value's Span); returns its `EventCue`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summit_facts import names
from summit_facts.events.event_tokens import is_event_token
from summit_facts.events.naming import _marked
from summit_facts.events.words import (
    _YEAR,
    COREFERENCE_CHARS,
    EVENT_HEADS,
    GENERIC_NAME_WORDS,
    GROUP_NUMBERS,
    ORDINALS,
    SERIES_NAME,
    TIME_UNITS,
    Tense,
    event_lemma,
    group_series,
    roman_edition,
)
from summit_facts.models import EventCue, EventLink
from summit_facts.tokens import TITLE_WORDS, entity_at, lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _phrase(head: Token) -> list[Token]:
    """The event's noun phrase: left modifiers and 'in/at/on/of' complements."""
    words = [t for t in head.lefts for t in t.subtree if t.dep_ not in ("punct",)]
    words.append(head)
    for child in head.rights:
        if child.dep_ == "prep" and _names_topic(head, child):
            # "the Summit on Responsible AI in the Military Domain": the whole title
            words.extend(t for t in child.subtree if t.dep_ != "punct")
        elif child.dep_ == "prep" and child.lower_ in ("in", "at", "on", "of", "for"):
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
    words.extend(_title_run(head))
    return sorted({t.i: t for t in words}.values(), key=lambda t: t.i)


# Words a capitalised event title may hold between its capitalised words.
TITLE_JOINERS = {"in", "on", "for", "of", "the", "and", "(", ")", "-", "&"}


def _names_topic(head: Token, prep: Token) -> bool:
    """'the Summit on Peace in Ukraine', 'the Conference on Disarmament': a capitalised
    'on' complement of a capitalised event noun is the topic its title names, not a
    time or a place ('the summit on Monday', 'the summit on the Riviera')."""
    if prep.lower_ != "on" or not head.is_title:
        return False
    objects = [t for t in prep.children if t.dep_ == "pobj"]
    return bool(objects) and all(
        (o.is_title or o.is_upper) and o.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
        for o in objects
    )


def _title_run(head: Token) -> list[Token]:
    """'The second Responsible Artificial Intelligence in the Military Domain (REAIM)
    Summit met in Seoul': however the parser hangs the words before a capitalised event
    noun, a capitalised run with 'in', 'of', 'on' inside it is one title, and the
    ordinal before it ('second') is the event's. The run and its opening determiner and
    ordinal, or nothing when the event noun opens its own phrase."""
    if not (head.is_title or head.is_upper):
        return []  # "the Secretary-General of the conference": an office at the event
    sent_start = head.sent.start
    i = head.i - 1
    while i >= sent_start:
        tok = head.doc[i]
        proper = (tok.is_title or tok.is_upper) and tok.is_alpha and i > sent_start
        if not (proper or tok.lower_ in TITLE_JOINERS) or tok.ent_type_ in ("PERSON", "DATE"):
            break
        i -= 1
    run = [t for t in head.doc[i + 1 : head.i]]
    while run and run[0].lower_ in TITLE_JOINERS:
        run = run[1:]  # "... in the Military Domain Summit": the run opens with a name
    inner = {t.lower_ for t in run[1:]}
    if not run or not inner & {"in", "of", "on", "for"}:
        return []  # "the second REAIM Summit": the parse already holds it
    if any(lemma(t) in TITLE_WORDS for t in run) or run[0].ent_type_ == "GPE":
        return []  # "the President of the Summit", "Kenya and the Summit"
    before = head.doc[run[0].i - 1] if run[0].i > sent_start else None
    opening: list[Token] = []
    while before is not None and (
        before.lower_ in ORDINALS or before.ent_type_ == "ORDINAL" or before.dep_ == "det"
    ):
        opening.insert(0, before)
        before = head.doc[before.i - 1] if before.i > sent_start else None
    return [*opening, *(t for t in run if t.dep_ != "punct" and t.text not in "()")]


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


def _before_another_event(head: Token) -> bool:
    """'Before the summit there had been a great meeting in Jeddah': the clause that tells
    of the event places it before another event noun."""
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "before"
        and any(o.dep_ == "pobj" and o.i != head.i and is_event_token(o) for o in prep.children)
        for prep in verb.children
    )


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
            cue = cue.model_copy(update={"names": earlier.names, "topic": earlier.topic})
    return cue


# "a press conference", "a news conference": a briefing, not the event.
BRIEFING_WORDS = {"press", "news"}


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
    topic_of = [c for c in head.rights if c.dep_ == "prep" and _names_topic(head, c)]
    topic = {t.i for child in topic_of for t in child.subtree}
    where = {
        t.i
        for child in head.rights
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on") and child not in topic_of
        for t in child.subtree
    }
    topic_words: list[str] = []
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
            ent = entity_at(tok)
            text = ent.text if ent is not None and in_place_entity else tok.text
            if place is None and (names.is_city(text) or tok.ent_type_ == "FAC"):
                place = names.canonical_name(text)
            elif place is None and names.is_region(text):
                modifiers.append(names.canonical_name(text).lower())
            continue
        if value is not None and value.start <= tok.i < value.end:
            continue  # "the Nov 22-23 summit": the value dates the event, it does not name it
        if lem in ORDINALS or tok.lower_ in ORDINALS:
            # "the Seventh Replenishment": an edition's number, never a word of its name
            if tok.i != head.i:
                modifiers.append(tok.lower_)
            continue
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
                if tok.i in topic:
                    topic_words.append(word)
            continue
        if tok.i in numbered:
            continue
        if tok.i != head.i and tok.pos_ in ("ADJ", "NUM", "NOUN", "ADV", "VERB"):
            nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
            if (
                lem in ("last", "next", "this", "past")
                and nxt is not None
                and (lemma(nxt) in TIME_UNITS)
                # "the last day of the summit" orders the event's days
                and not (nxt.i == head.i and lemma(head) == "day")
            ):
                continue  # "last weekend's summit" is told by its date, not its edition
            if lem in TIME_UNITS:
                continue
            if tok.tag_ in ("JJR", "RBR"):
                lem = tok.lower_  # "earlier meetings", "a later summit": not "early", "late"
            if lem == "follow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                lem = "follow-up"  # "a follow-up meeting": a later one
            modifiers.append(lem)
    if place is None:
        place = _held_at(head)
    head_lemma = event_lemma(head)
    roman = roman_edition(head)
    if roman is not None:
        modifiers.append(roman)  # "ACS II": the second edition of the series "ACS"
        before = head.nbor(-1)
        head_lemma = event_lemma(before) if lemma(before) in EVENT_HEADS else head_lemma
    if head_lemma == "conference" and any(lemma(c) in BRIEFING_WORDS for c in head.lefts):
        # "a press conference in Bern on June 10": a briefing before or at the event,
        # not the conference itself.
        head_lemma = "briefing"
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
    if head.dep_ in ("attr", "nsubj") and _before_another_event(head):
        modifiers.append("prelude")  # "before the summit there had been a meeting in X"
    if any(lemma(c) in PRELUDE_WORDS for c in head.lefts):
        modifiers.append("prelude")  # "a preparatory meeting", "a pre-summit workshop"
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
    name_words = _group_as_series(phrase, name_words)
    after_months, next_year = _told_after(head)
    return EventCue(
        after_months=after_months,
        next_year=next_year,
        text=" ".join(t.text for t in phrase)[:200],
        head=head_lemma,
        modifiers=modifiers,
        names=list(dict.fromkeys(name_words)),
        topic=list(dict.fromkeys(topic_words)),
        place=place,
        year=year,
        link=link,
        tense=_tense(head),
    )


def _group_as_series(phrase: list[Token], name_words: list[str]) -> list[str]:
    """'next year's Group of Seven summit', where the parse hangs 'Seven' on the summit
    rather than on 'Group': the words spell the series G7 all the same, and name it as
    'G7' does (not 'group' and 'seven', two words another report would not share)."""
    doc = phrase[0].doc if phrase else None
    for tok in phrase:
        if doc is None or tok.lower_ != "group" or not tok.is_title or tok.i + 2 >= len(doc):
            continue
        of, number = doc[tok.i + 1], doc[tok.i + 2]
        low = number.lower_
        count = int(low) if low.isdigit() else GROUP_NUMBERS.get(low)
        if of.lower_ != "of" or count is None or count >= 100:
            continue
        series = f"g{count}"
        words = [series if w == "group" else w for w in name_words if w != low]
        return list(dict.fromkeys(words if series in words else [series, *words]))
    return name_words


PERIOD_MONTHS = {"month": 1, "year": 12}


# Words that make a meeting one held to prepare another: "a preparatory meeting".
PRELUDE_WORDS = {"preparatory", "pre-summit", "presummit", "pre-conference", "curtain-raiser",
                 "warm-up", "run-up"}  # fmt: skip


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
    if months is None:
        months = _from_now(verb)
    return months, next_year


_FROM_NOW = re.compile(r"\bfrom\s+now\b", re.I)


def _from_now(verb: Token) -> int | None:
    """'... will host a summit a year from now', 'six months from now': the months the
    clause counts from today, wherever the parse hangs 'from now'."""
    sent = verb.sent
    if not _FROM_NOW.search(sent.text):
        return None
    words = [t for t in verb.subtree if sent.start <= t.i < sent.end]
    for unit, after, now in zip(words, words[1:], words[2:], strict=False):
        if after.lower_ != "from" or now.lower_ != "now":
            continue
        per = PERIOD_MONTHS.get(lemma(unit))
        count = _count_of(unit) if per is not None else None
        if per is not None and count is not None:
            return count * per
    return None


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
