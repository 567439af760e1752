"""Places: cities, venues and localities as TEXT Mentions, and the names that are no place.

Takes entity Spans or Tokens (or a whole Doc and its Source); tells whether a place
hosts an event or stands for a government, a district or a landmark, and yields
Mentions for localities and venues.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from summit_facts import names
from summit_facts.extract.common import EVENT_WORDS, SUBJECT_DEPS, _ent_at, _in_dateline
from summit_facts.extract.context import _text_mention
from summit_facts.models import INSTRUMENT_WORDS, Mention, Source
from summit_facts.tokens import VENUE_NOUNS, lemma

# Verbs that tell where an event is held: "will take place in June 2024 in Puglia".
HELD_VERBS = {"hold", "take", "host", "convene", "stage"}


def _held_in(ent: Span) -> bool:
    """A place that is no country and no city the gazetteer knows (a region, a small
    town), told as where an event is held: "the next G7 will take place in Puglia", "the
    G7 summit in Puglia"."""
    prep = ent.root.head
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        ent.root.dep_ == "pobj"
        and ent.root.pos_ == "PROPN"
        and ent.root.is_title  # "in the canton of Nidwalden": no town's name
        and prep.lower_ == "in"
        and (lemma(prep.head) in HELD_VERBS or lemma(prep.head) in EVENT_WORDS)
        and not names.is_country(ent.text)
        and not names.is_region(ent.text)  # "the summit in Africa": a continent
        # "held in canton Nidwalden", "in Kent county": a region, told as one.
        and not (before is not None and before.lower_ in REGION_NOUNS)
        and not any(lemma(c) in REGION_NOUNS for c in ent.root.children)
    )


# Nouns that tell a name is of a region, not a town: "canton Nidwalden", "Kharkiv region".
REGION_NOUNS = {"canton", "province", "county", "region", "state", "department", "district",
                "prefecture", "oblast", "governorate", "territory"}  # fmt: skip


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
            # "the hotel resort of Costa Verde": a name of more words is a venue's
            and not (doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].is_title)
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
    # "75 km west of Calgary", "in the Rocky Mountains west of Calgary": a bearing from a
    # city says where a place lies, it is not that place.
    bearing = prep.lower_ == "of" and prep.head.lower_ in COMPASS_WORDS
    return (
        bearing
        or prep.lower_ in ("near", "outside", "above", "beyond")
        or (prep.lower_ == "to" and prep.head.lower_ in ("close", "next"))
    )


COMPASS_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest", "north-east", "north-west", "south-east", "south-west"}  # fmt: skip


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
            t.ent_type_ in ("GPE", "FAC")
            or (_ent_len(t) > 1 and not _ent_is(t, name))
            or names.country_of(t.text)
            for t in name
        ):
            continue  # "a Swiss hotel", "the Dubai hotel": no venue's own name
        yield _text_mention(source, doc[start : token.i + 1], "FAC")
    yield from _venues_by_noun_of(doc, source)


def _ent_is(token: Token, span: Span) -> bool:
    """Whether the entity holding `token` is `span` itself: "the luxury Borgo Egnazia
    resort", a two-word name the tagger took whole (as a product, say), is the venue's
    own name, not a longer person's or body's name with the venue noun after it."""
    ent = _ent_at(token)
    return ent is not None and (ent.start, ent.end) == (span.start, span.end)


def _venues_by_noun_of(doc: Doc, source: Source) -> Iterator[Mention]:
    """'the luxury hotel resort of Borgo Egnazia': a name of two or more words after a
    venue noun and 'of' is the venue's own name ('the Swiss resort of Bürgenstock', one
    word, is a town: `_localities`)."""
    for token in doc:
        if token.lower_ != "of" or token.i < 1 or doc[token.i - 1].lower_ not in VENUE_NOUNS:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        name = doc[token.i + 1 : end]
        if not 2 <= len(name) <= 4 or names.is_city(name.text) or names.is_country(name.text):
            continue
        if any(t.ent_type_ in ("DATE", "NORP") for t in name):
            continue
        yield _text_mention(source, name, "FAC")


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
        if token.dep_ != "pobj" or token.pos_ != "PROPN":
            continue  # the cheap tests first: most tokens fail them
        prep = token.head
        if not (
            prep.lower_ == "at"
            and lemma(prep.head) in VENUE_VERBS
            and token.ent_type_ not in NOT_VENUE_LABELS
            and token.ent_type_ != "FAC"
        ):
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([token.i, *(t.i for t in words)])
        span = doc[start : token.i + 1]
        text = span.text
        if names.is_city(text) or names.is_country(text) or _names_an_event(token):
            continue
        yield _text_mention(source, span, "FAC")


def _names_an_event(token: Token) -> bool:
    """'meeting at the Nutrition for Growth, or N4G, summit', 'met at the Paris Ocean
    (PO) Summit': the name after 'at' runs on to an event word, so it names the event,
    not a place. Read up to a verb, a new noun phrase ('the', 'a') or a preposition
    after the name ('... in Paris')."""
    for tok in token.doc[token.i + 1 : min(token.i + 9, token.sent.end)]:
        if tok.lower_ in EVENT_WORDS:
            return True
        if tok.pos_ in ("VERB", "AUX", "DET") or (tok.dep_ == "prep" and tok.lower_ != "for"):
            return False
    return False
