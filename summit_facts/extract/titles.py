"""Titles: the named texts of an event (declarations, statements, calls to action).

Takes a parsed Doc and its Source; yields TEXT Mentions for titled texts, event
names, places and venues, trimming owners, dates and headline verbs from names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from summit_facts import names
from summit_facts.extract.common import (
    _QUOTED,
    EVENT_WORDS,
    _ent_at,
    _ents,
    _in_dateline,
    doc_text,
)
from summit_facts.extract.context import _context, _mention, _text_mention
from summit_facts.extract.places import (
    _city_state_as_country,
    _district,
    _held_in,
    _landmark,
    _localities,
    _names_a_text,
    _stands_for_government,
    _venue_before_city,
    _venues_by_common_head,
    _venues_by_parse,
)
from summit_facts.models import INSTRUMENT_WORDS, TIME_NOUNS, Mention, Source, TextValue
from summit_facts.tokens import lemma

_DOC_TYPES = (
    r"(?:Statement|Declaration|Agreement|Charter|Accord|Pledge|Pact|Compact|Communiqu[ée]|"
    r"Convention|Treaty|Principles|Commitments|Call\s+to\s+Action)"
)
# A year inside a name ("... of AI in 2024 Elections") is one of its words.
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|and|for|the|of|on|in|to|&|\d{4}(?=\s+[A-Z]))"
# "the Statement on Inclusive and Sustainable AI ...", "the Bletchley Declaration (on AI)"
_TITLED = re.compile(
    # "the Council of Europe Framework Convention on ...": a body's name before the word
    # "the Tech Accord to Combat Deceptive Use of AI": a purpose told with "to" and a verb.
    rf"\b(?:(?:[A-Z][\w'’-]+\s+(?:of\s+(?:the\s+)?(?=[A-Z]))?){{0,4}}{_DOC_TYPES}\s+(?:on|of|for|to(?=\s+[A-Z]))\s+"
    rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})*|(?:[A-Z][\w'’-]+\s+){{1,4}}{_DOC_TYPES}\b"
    # "the Paris Agenda for People and the Planet": an agenda is a text only with its
    # name's capitals before it and its topic after ("the summit's agenda" names none).
    rf"|(?:[A-Z][\w'’-]+\s+){{1,4}}Agenda\s+(?:for|on)\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})*"
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


# Offices held by people, never part of a venue's name (unlike "King Fahd Centre").
OFFICE_WORDS = {"minister", "president", "secretary", "ceo", "chancellor", "commissioner",
                "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman", "senator",
                "adviser", "advisor", "official", "officials"}  # fmt: skip


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
            (token.pos_ == "PROPN" or label_noun or _dateline_word(token))
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
                and not _landmark(token)  # "in the Alps south of Bern"
            ):
                yield _text_mention(source, doc[token.i : token.i + 1], "CITY")
    yield from _venues_by_parse(doc, source)
    yield from _localities(doc, source, city_tokens)
    yield from _venues_by_common_head(doc, source)
    for sent in doc.sents:
        text = sent.text  # built anew on every access
        for regex in (_QUOTED, _QUOTED_LOWER, _TITLED):
            for match, offset, end in _each_title(regex, text):
                group = match.group(0) if regex is _TITLED else match.group(1)
                if regex is _TITLED:
                    group = group[offset:end]  # "the X Pact and the Y Compact": each
                    group = _WHEN_AFTER.sub("", group)  # "the Reef Treaty on Monday"
                    # "the Lima Declaration on the first day": the title ends at its capitals
                    group = _SMALL_AFTER.sub("", group)
                    group = _ARTICLE_FIRST.sub("", group)  # "The GPAI New Delhi Declaration"
                else:
                    group = group.rstrip(".,;:!? ")  # 'a "Blueprint for Action."'
                start = sent.start_char + match.start(0 if regex is _TITLED else 1) + offset
                span = doc.char_span(start, start + len(group), alignment_mode="expand")
                if span is None or len(span) < 2:
                    continue
                if regex is _QUOTED_LOWER and span.root.pos_ != "NOUN":
                    continue  # 'pledged to "strengthen ... efforts"': a quoted act, no name
                if regex is _QUOTED and _quoted_clause(span):
                    continue  # '"If ..., we will distance ourselves," he said': speech
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
    yield from _hashtag_titles(doc, source)


def _quoted_clause(span: Span) -> bool:
    """A quotation that is someone's words (a verb with a pronoun for its subject: '"If
    our amendment is not included, we will leave the consensus"'), not the name of a
    text. A quoted sentence about a named text ('"The \'X Accord\' is a set of
    commitments"') still gives that name."""
    root = span.root
    return root.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in root.children
    )


_CAMEL_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")


# "the Pact for the Future and the Global Digital Compact": two titles, not one.
_AND_THE = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")
_OPENS_TITLE = re.compile(rf"(?:[A-Z][\w'’-]+\s+){{0,4}}{_DOC_TYPES}\b")
_HAS_KIND = re.compile(rf"\b{_DOC_TYPES}\b")


def _second_title(group: str) -> tuple[int, int] | None:
    """Where a second title opens after 'and' in a matched title whose first part is a
    title of its own; None when the 'and' is inside one name ('... on Peace and
    Security')."""
    for joint in _AND_THE.finditer(group):
        if _HAS_KIND.search(group[: joint.start()]) and _OPENS_TITLE.match(group, joint.end()):
            return joint.start(), joint.end()
    return None


def _each_title(regex: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each match as (match, start, end) offsets within it: 'the Pact for the Future and
    the Global Digital Compact' yields its two titles."""
    for match in regex.finditer(text):
        whole = len(match.group(0))
        joint = _second_title(match.group(0)) if regex is _TITLED else None
        if joint is None:
            yield match, 0, whole
            continue
        yield match, 0, joint[0]
        yield match, joint[1], whole


def _hashtag_titles(doc: Doc, source: Source) -> Iterator[Mention]:
    """'#LimaDeclaration', '#BürgenstockCommuniqué': a hashtag whose words end in a kind
    of text names that text ("Lima Declaration")."""
    if "#" not in doc_text(doc):
        return
    for token in doc[1:]:
        if token.nbor(-1).text != "#":
            continue
        words = _CAMEL_WORD.findall(token.text)
        if len(words) < 2 or "".join(words) != token.text:
            continue
        if words[-1].lower() not in INSTRUMENT_WORDS:
            continue
        name = " ".join(words)
        span = doc[token.i : token.i + 1]
        context = _context(span, token)
        context.label = "TITLE"
        value = TextValue(surface=name, text=names.canonical_text(name))
        yield _mention(source, span, value, context)


def _dateline_word(token: Token) -> bool:
    """A one-word dateline in capitals, "MUNICH — ...", that the tagger took for a common
    noun: the place the report was filed from."""
    doc = token.doc
    return (
        token.pos_ == "NOUN"
        and token.is_upper
        and (token.i == 0 or "\n" in doc[token.i - 1].whitespace_ or doc[token.i - 1].is_space)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text in ("—", "–", "-", "--", ":", "(")
        and _in_dateline(doc[token.i : token.i + 1])
    )


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
        if tok.lower_ == "and" and _OPENS_TITLE.match(doc[i + 1 :].text.removeprefix("the ")):
            break  # "the Pact for the Future and the Global Digital Compact": another title
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
# ... and what any outcome text is ("the Final Declaration that the Leaders are to adopt"):
# a description with capitals, no name of its own. ("The Group of Seven (G7) Leaders'
# Communiqué" keeps its name: the series' name is told right before it.)
ABOUT_WORDS = {"ai", "a.i.", "artificial", "intelligence", "international", "global",
               "first", "new", "final", "joint", "closing", "concluding", "outcome"}  # fmt: skip


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
    whole = doc_text(doc)
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
